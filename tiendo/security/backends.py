from axes.backends import AxesStandaloneBackend


class AxesLoginThrottle(AxesStandaloneBackend):
    """django-axes' lockout check for every login that comes with a request (the login page,
    the admin login). A call without a request — a management command, or the test client's
    `login()` — cannot be tied to an address and is left to the next backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
