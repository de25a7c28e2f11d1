"""Who sees and changes what — the ONLY place that decides it.

- admin (or a superuser): every unit, read and write;
- office (chuyên viên văn phòng) of a unit: the unit's subtree, read and write;
- leader, inspector of a unit: the unit's subtree, read only (leaders may add directions);
- focal point (đầu mối) of a unit: that unit only, read and write.

Outside what a user sees: 404. Seen but not writable: PermissionDenied (403).
"""

from functools import reduce
from operator import or_

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from tiendo.orgs.models import Membership, Role, Unit

SUBTREE_READ = {Role.OFFICE, Role.LEADER, Role.INSPECTOR}
SUBTREE_WRITE = {Role.OFFICE}


def _memberships(user) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_tiendo_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("unit"))
        user._tiendo_memberships = cached
    return cached


def roles_of(user) -> set[str]:
    roles = {m.role for m in _memberships(user)}
    if getattr(user, "is_superuser", False):
        roles.add(Role.ADMIN)
    return roles


def is_admin(user) -> bool:
    return Role.ADMIN in roles_of(user)


def has_role(user, *roles: str) -> bool:
    return is_admin(user) or bool(roles_of(user) & set(roles))


def _scope_q(user, write: bool) -> Q | None:
    """A Q over Unit, or None for "everything"."""
    if is_admin(user):
        return None
    parts = []
    for m in _memberships(user):
        subtree = SUBTREE_WRITE if write else SUBTREE_READ
        if m.role in subtree:
            parts.append(Q(path__startswith=m.unit.path))
        elif m.role == Role.FOCAL:
            parts.append(Q(pk=m.unit_id))
    return reduce(or_, parts) if parts else Q(pk__in=[])


def units_visible_to(user) -> QuerySet[Unit]:
    q = _scope_q(user, write=False)
    return Unit.objects.all() if q is None else Unit.objects.filter(q)


def units_writable_by(user) -> QuerySet[Unit]:
    q = _scope_q(user, write=True)
    return Unit.objects.all() if q is None else Unit.objects.filter(q)


def visible_unit_ids(user) -> set[int] | None:
    """Ids of visible units, or None meaning all (admin). Cached per user object."""
    if is_admin(user):
        return None
    cached = getattr(user, "_tiendo_visible_ids", None)
    if cached is None:
        cached = set(units_visible_to(user).values_list("pk", flat=True))
        user._tiendo_visible_ids = cached
    return cached


def writable_unit_ids(user) -> set[int] | None:
    if is_admin(user):
        return None
    cached = getattr(user, "_tiendo_writable_ids", None)
    if cached is None:
        cached = set(units_writable_by(user).values_list("pk", flat=True))
        user._tiendo_writable_ids = cached
    return cached


def forget_scope(user) -> None:
    """Drop the ids cached on the user object (after units were created under its units)."""
    for name in ("_tiendo_visible_ids", "_tiendo_writable_ids", "_tiendo_managed_ids"):
        user.__dict__.pop(name, None)


def can_see_unit(user, unit_id: int) -> bool:
    ids = visible_unit_ids(user)
    return ids is None or unit_id in ids


def can_write_unit(user, unit_id: int) -> bool:
    ids = writable_unit_ids(user)
    return ids is None or unit_id in ids


def managed_unit_ids(user) -> set[int] | None:
    """Units whose tasks and figures the user manages (office of the unit or above); None = all."""
    if is_admin(user):
        return None
    cached = getattr(user, "_tiendo_managed_ids", None)
    if cached is None:
        paths = [m.unit.path for m in _memberships(user) if m.role == Role.OFFICE]
        q = reduce(or_, (Q(path__startswith=p) for p in paths)) if paths else Q(pk__in=[])
        cached = set(Unit.objects.filter(q).values_list("pk", flat=True))
        user._tiendo_managed_ids = cached
    return cached


def units_managed_by_qs(user) -> QuerySet[Unit]:
    """The units the user manages (see managed_unit_ids) as a lazy QuerySet built from the
    memberships alone: used as a subquery, it costs no query of its own."""
    if is_admin(user):
        return Unit.objects.all()
    paths = [m.unit.path for m in _memberships(user) if m.role == Role.OFFICE]
    q = reduce(or_, (Q(path__startswith=p) for p in paths)) if paths else Q(pk__in=[])
    return Unit.objects.filter(q)


def units_managed_by(user) -> QuerySet[Unit]:
    """The units whose tasks and figures the user manages (see managed_unit_ids)."""
    ids = managed_unit_ids(user)
    return Unit.objects.all() if ids is None else Unit.objects.filter(pk__in=ids)


def can_manage_unit(user, unit_id: int) -> bool:
    """Office staff of the unit or above it (or an admin): assign tasks, approve figures,
    decide extensions, accept completion."""
    ids = managed_unit_ids(user)
    return ids is None or unit_id in ids


def holds_role_over(user, unit: Unit, *roles: str) -> bool:
    """Whether the user holds one of ``roles`` in ``unit`` or a unit above it (or is an admin):
    who may review (office) or approve (leader) what the unit issues."""
    if is_admin(user):
        return True
    return any(m.role in roles and unit.path.startswith(m.unit.path)
               for m in _memberships(user))


def check_units(user, unit_ids: set[int], write: bool) -> None:
    """404 unless the user sees one of the units; 403 on a write unless they may write one."""
    if not any(can_see_unit(user, u) for u in unit_ids):
        raise Http404
    if write and not any(can_write_unit(user, u) for u in unit_ids):
        raise PermissionDenied


def get_unit_for_user(user, pk, *, write: bool = False) -> Unit:
    try:
        unit = Unit.objects.get(pk=pk)
    except (Unit.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    check_units(user, {unit.pk}, write)
    return unit


def get_unit_by_code_for_user(user, code: str, *, write: bool = False) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise Http404
    check_units(user, {unit.pk}, write)
    return unit


# A scope of more units than this goes into SQL as a subquery over the units, not as a list of
# ids: a ministry user's 2,000 ids, sent and planned in each of a page's queries, cost more
# than the join (measured in docs/benchmarks.md, national user's dashboard).
IDS_IN_SQL_UP_TO = 500


def visible_units_in_sql(user):
    """The right side of a `unit_id__in=` filter for the units the user sees: the ids, or for
    a large scope the same units as a subquery; None for every unit (admin)."""
    ids = visible_unit_ids(user)
    if ids is None or len(ids) <= IDS_IN_SQL_UP_TO:
        return ids
    return units_visible_to(user).values("pk")


def scope_by_unit(qs: QuerySet, user, field: str = "unit") -> QuerySet:
    """Filter any queryset with a unit foreign key to what the user may see."""
    units = visible_units_in_sql(user)
    return qs if units is None else qs.filter(**{f"{field}_id__in": units})


def system_user():
    """The actor of the command line: it runs on the server, with an administrator's view.
    Not saved; audit entries it causes name no person."""
    from django.contrib.auth import get_user_model

    user = get_user_model()(username="tiendo-cli", is_superuser=True)
    user._tiendo_memberships = []
    return user


# --------------------------------------------------------------------------- people (NĐ 335)
# A person's evaluation and work items are seen by the person, their direct superior, the
# office and the head of the person's own unit (not the units above it), and an administrator
# (the command line's system user). No one else: 404.

EVAL_SELF = "self"
EVAL_MANAGER = "manager"
EVAL_UNIT = "unit"
EVAL_ADMIN = "admin"


def is_unit_head(user, unit_id: int) -> bool:
    """Head (thủ trưởng) of exactly this unit: a membership there marked is_head."""
    return any(m.unit_id == unit_id and m.is_head for m in _memberships(user))


def people_unit_ids(user) -> set[int] | None:
    """Units whose people the user sees as their office or head; None = all (admin)."""
    if is_admin(user):
        return None
    return {m.unit_id for m in _memberships(user) if m.role == Role.OFFICE or m.is_head}


def evaluation_role(user, *, person_id: int, unit_id: int, manager_id: int | None) -> str | None:
    """The user's relation to a person's evaluation, or None when they may not see it. The most
    specific relation wins: the person, then the direct superior, then the unit."""
    if not getattr(user, "is_authenticated", False):
        return None
    if user.pk == person_id:
        return EVAL_SELF
    if manager_id is not None and user.pk == manager_id:
        return EVAL_MANAGER
    ids = people_unit_ids(user)
    if ids is None:
        return EVAL_ADMIN
    if unit_id in ids:
        return EVAL_UNIT
    return None


def people_scope_q(user, *, person: str = "person", unit: str = "unit",
                   manager: str | None = None) -> Q | None:
    """A Q over rows that name a person and a unit (and optionally the person's manager through
    ``manager``, a lookup path): what evaluation_role allows. None = everything (admin)."""
    ids = people_unit_ids(user)
    if ids is None:
        return None
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    q = Q(**{f"{person}_id": user.pk}) | Q(**{f"{unit}_id__in": ids})
    if manager:
        q |= Q(**{manager: user.pk})
    return q
