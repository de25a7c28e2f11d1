"""Small explicit helpers for tests: exact values, no random data.

The `cast` fixture (conftest.py) follows healthchecks' alice/bob/charlie:

    province (P) ─┬─ unit A   focal_a
                  └─ unit B   focal_b
    office, leader, inspector belong to P (they reach A and B);
    outsider is the focal point of unit C, in another tree (sees nothing of P, A, B);
    admin is a superuser.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from tiendo.indicators import assessments
from tiendo.indicators.models import Figure, FigureState, Indicator, Target
from tiendo.orgs.models import Membership, Profile, Unit
from tiendo.programmes.models import Programme
from tiendo.tasks.models import Task, TaskState

PASSWORD = "test-password-123"


def make_unit(code: str, *, name: str | None = None, parent: Unit | None = None,
              tree: str = "state", kind: str = "department", peer_group: str = "",
              **fields) -> Unit:
    return Unit.objects.create(code=code, name=name or f"Đơn vị {code}", parent=parent,
                               tree=tree, kind=kind, peer_group=peer_group, **fields)


def make_user(username: str, *, unit: Unit | None = None, role: str | None = None,
              is_head: bool = False, superuser: bool = False, email: str | None = None,
              full_name: str = ""):
    user = get_user_model().objects.create_user(
        username=username, email=email or f"{username}@example.vn", password=PASSWORD,
        is_superuser=superuser, is_staff=superuser,
    )
    Profile.objects.create(user=user, full_name=full_name or username)
    if unit is not None and role:
        Membership.objects.create(user=user, unit=unit, role=role, is_head=is_head)
    return user


def make_indicator(code: str, *, name: str | None = None, unit_of_measure: str = "tỷ đồng",
                   direction: str = "higher", **fields) -> Indicator:
    return Indicator.objects.create(code=code, name=name or f"Chỉ tiêu {code}",
                                    unit_of_measure=unit_of_measure, direction=direction,
                                    **fields)


def make_target(indicator: Indicator, unit: Unit, period: str, value, *, bound: str = "=",
                **fields) -> Target:
    target = Target.objects.create(indicator=indicator, unit=unit, period=period,
                                   value=Decimal(str(value)), bound=bound, **fields)
    assessments.refresh(indicator_id=indicator.pk, unit_id=unit.pk, period=period)
    return target


def make_figure(indicator: Indicator, unit: Unit, period: str, value, *,
                state: str = FigureState.APPROVED, **fields) -> Figure:
    figure = Figure.objects.create(indicator=indicator, unit=unit, period=period,
                                   value=Decimal(str(value)), state=state, **fields)
    assessments.refresh(indicator_id=indicator.pk, unit_id=unit.pk, period=period)
    return figure


def make_programme(code: str = "ct-test", **fields) -> Programme:
    fields.setdefault("title", f"Chương trình {code}")
    fields.setdefault("kind", "chuong_trinh_nam")
    return Programme.objects.create(code=code, **fields)


def make_task(title: str, lead_unit: Unit, *, deadline: date | None = None,
              state: str = TaskState.OPEN, completed_on: date | None = None,
              coordinating=(), **fields) -> Task:
    task = Task.objects.create(title=title, lead_unit=lead_unit, deadline=deadline,
                               state=state, completed_on=completed_on, **fields)
    if coordinating:
        task.coordinating_units.set(coordinating)
    return task


@dataclass
class Cast:
    province: Unit
    unit_a: Unit
    unit_b: Unit
    unit_c: Unit
    admin: object
    office: object
    leader: object
    inspector: object
    focal_a: object
    focal_b: object
    outsider: object

    def everyone(self) -> dict:
        return {n: getattr(self, n) for n in
                ("admin", "office", "leader", "inspector", "focal_a", "focal_b", "outsider")}


def make_cast() -> Cast:
    province = make_unit("tinh-p", name="UBND tỉnh P", kind="province")
    unit_a = make_unit("so-a", name="Sở A", parent=province, peer_group="so-nganh")
    unit_b = make_unit("so-b", name="Sở B", parent=province, peer_group="so-nganh")
    unit_c = make_unit("tinh-c", name="UBND tỉnh C", kind="province")
    return Cast(
        province=province, unit_a=unit_a, unit_b=unit_b, unit_c=unit_c,
        admin=make_user("admin", superuser=True),
        office=make_user("office", unit=province, role="office"),
        leader=make_user("leader", unit=province, role="leader", is_head=True),
        inspector=make_user("inspector", unit=province, role="inspector"),
        focal_a=make_user("focal_a", unit=unit_a, role="focal"),
        focal_b=make_user("focal_b", unit=unit_b, role="focal"),
        outsider=make_user("outsider", unit=unit_c, role="focal"),
    )
