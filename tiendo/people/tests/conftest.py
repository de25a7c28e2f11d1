"""A small department (unit A of the cast) with its people, for the people tests.

    head (thủ trưởng, leader membership is_head on A)
      └─ manager (trưởng phòng)
           ├─ staff1
           └─ staff2
    office_a: office membership on A (the unit's own office)
"""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tiendo.people.models import Position, Rank
from tiendo.testing import make_user

VN = ZoneInfo("Asia/Ho_Chi_Minh")
Q1 = "2026-Q1"


def at(day: str, hour: int = 9) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), VN).replace(hour=hour)


@dataclass
class Dept:
    cast: object
    unit: object
    head: object
    manager: object
    staff1: object
    staff2: object
    office_a: object

    def matrix(self) -> dict:
        """Everyone with a relation (or none) to staff1's evaluation."""
        c = self.cast
        return {"staff1": self.staff1, "staff2": self.staff2, "manager": self.manager,
                "head": self.head, "office_a": self.office_a, "admin": c.admin,
                "province_office": c.office, "province_leader": c.leader,
                "inspector": c.inspector, "focal_a": c.focal_a, "focal_b": c.focal_b,
                "outsider": c.outsider}


@pytest.fixture
def dept(cast):
    unit = cast.unit_a
    head = make_user("head", unit=unit, role="leader", is_head=True, full_name="Thủ Trưởng")
    office_a = make_user("office_a", unit=unit, role="office", full_name="Văn Phòng Sở")
    manager = make_user("manager", full_name="Trưởng Phòng")
    staff1 = make_user("staff1", full_name="Chuyên Viên Một")
    staff2 = make_user("staff2", full_name="Chuyên Viên Hai")
    Position.objects.create(user=head, unit=unit, rank=Rank.HEAD)
    Position.objects.create(user=manager, unit=unit, rank=Rank.MANAGER, manager=head)
    Position.objects.create(user=staff1, unit=unit, rank=Rank.STAFF, manager=manager)
    Position.objects.create(user=staff2, unit=unit, rank=Rank.STAFF, manager=manager)
    return Dept(cast, unit, head, manager, staff1, staff2, office_a)


@pytest.fixture
def plain_static(settings):
    # live_server serves /static/ from the finders under un-hashed names.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
