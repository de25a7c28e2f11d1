"""A small dataset for the outlook queries, command and views (exact values)."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tiendo.indicators.models import Indicator
from tiendo.tasks.models import ExtensionRequest, ExtensionState, ProgressUpdate, Task, TaskState
from tiendo.testing import make_figure, make_indicator, make_target, make_task

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass
class World:
    cast: object
    revenue: Indicator  # unit A, cumulative flow with an annual target of 600
    disbursement: Indicator  # unit B, cumulative, only a share of the annual plan reported
    growth: Indicator  # unit A, a rate with only the quarter's plan
    seasonal: Indicator  # unit A, cumulative with two past years
    foreign: Indicator  # unit C (the outsider's)
    silent_task: Task  # unit A
    fresh_task: Task  # unit B
    foreign_task: Task  # unit C


def _update(task: Task, percent: int, day: date) -> None:
    u = ProgressUpdate.objects.create(task=task, percent=percent)
    ProgressUpdate.objects.filter(pk=u.pk).update(
        created_at=datetime(day.year, day.month, day.day, 9, 0, tzinfo=VN)
    )


@pytest.fixture
def world(cast):
    a, b, c = cast.unit_a, cast.unit_b, cast.unit_c
    revenue = make_indicator(
        "thu-ngan-sach", name="Thu ngân sách", is_cumulative=True, rollup="sum"
    )
    make_target(revenue, a, "2026", 600, bound=">=", scope="year")
    make_figure(revenue, a, "2026-Q1", 100)
    make_figure(revenue, a, "2026-Q2", 250)
    make_figure(revenue, a, "2026-Q3", 400, state="draft")  # drafts do not count

    disbursement = make_indicator(
        "giai-ngan", name="Giải ngân vốn đầu tư công", is_cumulative=True, rollup="sum"
    )
    make_figure(
        disbursement,
        b,
        "2026-Q1",
        "578.9",
        reported={"attainments": [{"value": 3.89, "basis": "kế hoạch Thủ tướng giao"}]},
    )

    growth = make_indicator("tang-truong", name="Tăng trưởng công nghiệp", unit_of_measure="%")
    make_target(growth, a, "2026-Q1", "10.95")
    make_figure(growth, a, "2026-Q1", "8.24")

    seasonal = make_indicator(
        "xuat-khau", name="Xuất khẩu", unit_of_measure="triệu USD", is_cumulative=True, rollup="sum"
    )
    make_target(seasonal, a, "2026", 1000, scope="year")
    for year, ytd in ((2024, (10, 30, 55, 100)), (2025, (20, 40, 70, 100))):
        for q, v in enumerate(ytd, start=1):
            make_figure(seasonal, a, f"{year}-Q{q}", v)
    make_figure(seasonal, a, "2026-Q1", 150)

    foreign = make_indicator("thu-c", name="Thu ngân sách tỉnh C", is_cumulative=True, rollup="sum")
    make_target(foreign, c, "2026", 100, scope="year")
    make_figure(foreign, c, "2026-Q1", 10)

    silent = make_task(
        "Đề án chuyển đổi số", a, deadline=date(2026, 6, 30), start_date=date(2026, 4, 1)
    )
    _update(silent, 10, date(2026, 4, 10))
    _update(silent, 90, date(2026, 7, 20))  # after the day looked at: ignored
    fresh = make_task(
        "Kế hoạch du lịch", b, deadline=date(2026, 6, 30), start_date=date(2026, 4, 1)
    )
    _update(fresh, 60, date(2026, 5, 25))
    ExtensionRequest.objects.create(
        task=fresh, new_deadline=date(2026, 7, 31), reason="x", state=ExtensionState.APPROVED
    )
    Task.objects.filter(pk=fresh.pk).update(extended_deadline=date(2026, 7, 31))
    fresh.refresh_from_db()
    make_task(
        "Báo cáo quý I",
        a,
        deadline=date(2026, 3, 31),
        state=TaskState.DONE,
        completed_on=date(2026, 4, 15),
        start_date=date(2026, 1, 5),
    )
    foreign_task = make_task(
        "Nhiệm vụ tỉnh C", c, deadline=date(2026, 6, 30), start_date=date(2026, 4, 1)
    )
    return World(
        cast, revenue, disbursement, growth, seasonal, foreign, silent, fresh, foreign_task
    )
