"""Optional TOTP two-factor login; mandatory for leaders and administrators when the security
policy says so. Whether a person needs a second factor is decided once, at login, and kept in
the session, so pages run no extra query for it."""

from functools import wraps

from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.security.models import SecurityPolicy

SESSION_KEY = "tiendo_2fa_required"


def must_use_2fa(user) -> bool:
    """Anyone who registered a device uses it; leaders and administrators must have one when
    the policy requires it."""
    if user_has_device(user, confirmed=True):
        return True
    if not SecurityPolicy.current().require_2fa_for_leaders:
        return False
    return user.is_superuser or user.is_staff or access.has_role(user, Role.LEADER)


def remember_requirement(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = must_use_2fa(user)


def needs_second_factor(request) -> bool:
    """A logged-in person who must use a second factor and has not entered it in this
    session. The requirement is decided at login and kept in the session; a session that
    lacks it (logged in some other way) has it decided now."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if getattr(user, "_tiendo_api_token", None) is not None:
        return False  # a bearer token: no session, no second factor
    required = request.session.get(SESSION_KEY)
    if required is None:
        required = must_use_2fa(user)
        request.session[SESSION_KEY] = required
    is_verified = getattr(user, "is_verified", None)
    return bool(required) and not (is_verified and is_verified())


def verified_session_required(view):
    """For views that must never run on a password-only session even if the middleware's
    open paths change: API token pages. A person who must use a second factor and has not
    entered it is sent to enter it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if needs_second_factor(request):
            return redirect(f"{reverse('security:two_factor')}?next={request.get_full_path()}")
        return view(request, *args, **kwargs)

    return wrapped
