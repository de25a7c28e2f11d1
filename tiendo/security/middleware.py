from django.shortcuts import redirect
from django.urls import reverse

from tiendo.security.twofactor import needs_second_factor

# Reachable before the second factor: the 2FA pages themselves, logging out, language
# switching and static files.
OPEN_PREFIXES = ("/bao-mat/", "/dang-xuat/", "/dang-nhap/", "/i18n/", "/static/")
# Under /api/ only the REST endpoints are open: they ignore the login session and accept a
# bearer token alone. The token pages under /api/tokens/ work on the session and stay closed.
API_PREFIX = "/api/"
API_SESSION_PAGES = ("/api/tokens/",)


def is_open_path(path: str) -> bool:
    """Whether ``path`` may be reached by a session that has not passed its second factor."""
    if path.startswith(OPEN_PREFIXES):
        return True
    return path.startswith(API_PREFIX) and not path.startswith(API_SESSION_PAGES)


class RequireTwoFactorMiddleware:
    """After django_otp's OTPMiddleware: a person who must use a second factor and has not
    entered it in this session is sent to set it up or enter it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_open_path(request.path) and needs_second_factor(request):
            return redirect(f"{reverse('security:two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)
