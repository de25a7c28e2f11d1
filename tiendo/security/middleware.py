from django.shortcuts import redirect
from django.urls import reverse

from tiendo.security.twofactor import SESSION_KEY

# Reachable before the second factor: the 2FA pages themselves, logging out, language
# switching, static files and the token-authenticated API.
OPEN_PREFIXES = ("/bao-mat/", "/dang-xuat/", "/dang-nhap/", "/i18n/", "/static/", "/api/")


class RequireTwoFactorMiddleware:
    """After django_otp's OTPMiddleware: a person who must use a second factor and has not
    entered it in this session is sent to set it up or enter it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated and request.session.get(SESSION_KEY)
                and not user.is_verified() and not request.path.startswith(OPEN_PREFIXES)):
            return redirect(f"{reverse('security:two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)
