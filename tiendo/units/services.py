"""Writes for units and memberships: create, merge/rename (history kept), assign roles."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tiendo.audit.services import record, snapshot
from tiendo.lib.clock import vn_day
from tiendo.orgs.models import Membership, Profile, Unit

MSG_MERGE_SELF = _("Không thể sáp nhập một đơn vị vào chính nó.")
MSG_MERGE_CLOSED = _("Đơn vị “{unit}” đã hết hiệu lực từ {day}.")


def unit_create(*, actor, code: str, name: str, tree: str, kind: str, parent: Unit | None = None,
                **fields) -> Unit:
    with transaction.atomic():
        unit = Unit(code=code, name=name, tree=tree, kind=kind, parent=parent, **fields)
        unit.full_clean()
        unit.save()
        record(actor=actor, action="unit.create", obj=unit, unit_id=unit.pk,
               after=snapshot(unit))
    return unit


def unit_merge(*, actor, merged: list[Unit], into: Unit, effective: date) -> Unit:
    """Close the merged units the day before `effective` and name `into` as their successor.
    Their figures, targets and tasks stay attached to them (nothing is moved or deleted)."""
    with transaction.atomic():
        for unit in merged:
            if unit.pk == into.pk:
                raise ValidationError(MSG_MERGE_SELF)
            if unit.valid_to and unit.valid_to < effective - timedelta(days=1):
                raise ValidationError(MSG_MERGE_CLOSED.format(
                    unit=unit, day=vn_day(unit.valid_to)))
            before = snapshot(unit)
            unit.valid_to = effective - timedelta(days=1)
            unit.save()
            unit.successors.add(into)
            record(actor=actor, action="unit.merge", obj=unit, unit_id=unit.pk, before=before,
                   after={**snapshot(unit), "successor": into.pk})
    return into


def unit_lineage(unit: Unit) -> list[Unit]:
    """The unit and all its predecessors (for same-period comparisons across a merger)."""
    seen, todo = {unit.pk: unit}, [unit]
    while todo:
        for p in todo.pop().predecessors.all():
            if p.pk not in seen:
                seen[p.pk] = p
                todo.append(p)
    return list(seen.values())


def user_create(*, actor, username: str, email: str, full_name: str, password: str | None,
                is_sample: bool = False):
    User = get_user_model()
    with transaction.atomic():
        user = User(username=username, email=email, first_name=full_name[:150])
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        Profile.objects.create(user=user, full_name=full_name, is_sample=is_sample)
        record(actor=actor, action="user.create", object_type="auth.user",
               object_id=str(user.pk), after={"username": username, "email": email})
    return user


def membership_add(*, actor, user, unit: Unit, role: str, is_head: bool = False,
                   title: str = "") -> Membership:
    with transaction.atomic():
        m = Membership(user=user, unit=unit, role=role, is_head=is_head, title=title)
        m.full_clean()
        m.save()
        record(actor=actor, action="membership.add", obj=m, unit_id=unit.pk, after=snapshot(m))
    return m
