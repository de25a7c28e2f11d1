"""Reads of the audit trail, scoped through orgs.access."""

from django.db.models import QuerySet

from tiendo.audit.models import AuditEntry
from tiendo.orgs import access
from tiendo.orgs.models import Role

READER_ROLES = (Role.INSPECTOR, Role.OFFICE, Role.ADMIN)


def may_read_trail(user) -> bool:
    """Inspection boards, office staff and administrators read the trail (docs/security.md
    §Audit trail)."""
    return access.has_role(user, *READER_ROLES)


def entries_for(*, user, object_type: str = "", object_id: str = "",
                unit_id: int | None = None, action: str = "") -> QuerySet[AuditEntry]:
    """Newest first. A reader sees the entries of the units they see; entries without a unit
    (catalogue changes, users, synthetic loads) only administrators see."""
    qs = AuditEntry.objects.order_by("-pk")
    units = access.visible_units_in_sql(user)
    if units is not None:
        qs = qs.filter(unit_id__in=units)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=object_id)
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    if action:
        qs = qs.filter(action=action)
    return qs
