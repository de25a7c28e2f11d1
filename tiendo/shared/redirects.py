"""Where to go after a form: the ``next`` the page sent, only when it stays on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request, default: str) -> str:
    """The POST or GET ``next`` when it is a path or URL of this host (an address elsewhere
    would make tiendo an open redirect for a phishing link), else ``default``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default
