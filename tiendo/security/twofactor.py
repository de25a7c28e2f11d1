"""Optional TOTP two-factor login; mandatory for leaders and administrators when the security
policy says so. Whether a person needs a second factor is decided once, at login, and kept in
the session, so pages run no extra query for it."""

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
