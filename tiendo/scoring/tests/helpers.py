"""Helpers for the scoring tests: exact Q1 2026 data for units A and B of the cast."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from tiendo.scoring.models import Mark, MarkKind
from tiendo.tasks.models import TaskState
from tiendo.testing import make_task

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PERIOD = "2026-Q1"


def at(day: str, hour: int = 9) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), VN).replace(hour=hour)


def done_task(title, unit, deadline, completed_on, **fields):
    return make_task(title, unit, deadline=date.fromisoformat(deadline),
                     state=TaskState.DONE, completed_on=date.fromisoformat(completed_on),
                     **fields)


def open_task(title, unit, deadline, **fields):
    return make_task(title, unit, deadline=date.fromisoformat(deadline), **fields)


def mark(unit, kind, value=1, *, period=PERIOD, task=None, by=None):
    return Mark.objects.create(unit=unit, period=period, kind=kind, value=Decimal(str(value)),
                               task=task, evidence="Biên bản họp", created_by=by)


def perfect_quarter(cast):
    """A: 3 tasks on time, 1 exceeded, quality 9 → 98; B: 2 on time + 1 late, quality 8."""
    a1 = done_task("A1", cast.unit_a, "2026-01-31", "2026-01-30", is_key=True)
    done_task("A2", cast.unit_a, "2026-02-28", "2026-02-27")
    done_task("A3", cast.unit_a, "2026-03-31", "2026-03-31")
    mark(cast.unit_a, MarkKind.EXCEEDED_TASK, task=a1)
    mark(cast.unit_a, MarkKind.QUALITY, 9)
    done_task("B1", cast.unit_b, "2026-01-31", "2026-01-30")
    done_task("B2", cast.unit_b, "2026-02-28", "2026-02-28")
    done_task("B3", cast.unit_b, "2026-03-20", "2026-03-25")
    mark(cast.unit_b, MarkKind.QUALITY, 8)
