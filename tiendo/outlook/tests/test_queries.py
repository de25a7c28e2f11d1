"""Outlook queries: which target, which figures, which tasks, for whom."""

from datetime import date
from decimal import Decimal as D

from tiendo.lib.periods import parse_period
from tiendo.outlook.queries import indicator_outlooks, outlook, task_outlooks
from tiendo.outlook.rules import Risk

ON = date(2026, 5, 31)


def by_code(rows):
    return {r.indicator.code: r for r in rows}


def test_office_sees_targets_of_its_subtree_with_exact_projections(world):
    rows = by_code(indicator_outlooks(user=world.cast.office, period=parse_period("2026-Q2")))
    assert set(rows) == {"thu-ngan-sach", "giai-ngan", "xuat-khau"}
    revenue = rows["thu-ngan-sach"].outlook
    assert revenue.projected == D("500")  # 250 + 2·125 (the Q3 draft is not counted)
    assert revenue.needed_per_period == D("175")  # (600 − 250) / 2
    assert revenue.risk is Risk.AT_RISK
    assert rows["thu-ngan-sach"].target_note == "Chỉ tiêu cả năm 2026: từ 600 tỷ đồng trở lên."


def test_share_of_the_annual_plan_is_used_when_there_is_no_annual_target(world):
    rows = by_code(indicator_outlooks(user=world.cast.office, period=parse_period("2026-Q1")))
    row = rows["giai-ngan"]
    assert row.measure == "share_of_plan"
    assert row.outlook.projected == D("15.56")
    assert row.outlook.needed_per_period == D("32.0367")
    assert row.outlook.risk is Risk.OFF_COURSE
    assert row.target_note == (
        "Chưa có chỉ tiêu cả năm trong hệ thống: đo theo tỷ lệ đạt so với kế hoạch Thủ tướng "
        "giao (mục tiêu 100%)."
    )


def test_a_rate_without_annual_target_uses_the_plan_of_the_period(world):
    rows = by_code(indicator_outlooks(user=world.cast.office, period=parse_period("2026-Q1")))
    row = rows["tang-truong"]
    assert row.outlook.projected == D("8.24")
    assert row.outlook.risk is Risk.OFF_COURSE
    assert row.target_note == (
        "Chưa có chỉ tiêu cả năm trong hệ thống: tạm dùng kế hoạch Quý I/2026 (10,95%) làm "
        "mục tiêu năm."
    )
    # Q2 has no plan of its own for the rate: nothing to measure against.
    assert "tang-truong" not in by_code(
        indicator_outlooks(user=world.cast.office, period=parse_period("2026-Q2"))
    )


def test_past_years_give_the_seasonal_profile(world):
    rows = by_code(indicator_outlooks(user=world.cast.office, period=parse_period("2026-Q1")))
    row = rows["xuat-khau"]
    assert row.outlook.method == "seasonal"
    assert row.outlook.projected == D("1000")  # 150 / mean(0,10; 0,20)
    assert row.outlook.risk is Risk.ON_COURSE


def test_focal_point_sees_only_its_unit_and_outsider_only_its_own(world):
    q1 = parse_period("2026-Q1")
    assert set(by_code(indicator_outlooks(user=world.cast.focal_b, period=q1))) == {"giai-ngan"}
    assert set(by_code(indicator_outlooks(user=world.cast.outsider, period=q1))) == {"thu-c"}
    assert set(by_code(indicator_outlooks(user=world.cast.admin, period=q1))) == {
        "thu-ngan-sach", "giai-ngan", "tang-truong", "xuat-khau", "thu-c",
    }  # fmt: skip


def test_silent_task_is_flagged_and_later_updates_are_ignored(world):
    rows = {r.task.pk: r for r in task_outlooks(user=world.cast.office, on=ON)}
    silent = rows[world.silent_task.pk]
    assert silent.progress == 10  # the 90% update of 20/7 is after the day looked at
    assert silent.outlook.risk is Risk.OFF_COURSE
    assert silent.outlook.reasons[0] == (
        "Tiến độ 10%, chậm 56,7 điểm % so với thời gian đã qua (66,7% thời hạn)."  # 60 of 90 days
    )
    assert "51 ngày chưa cập nhật tiến độ." in silent.outlook.reasons
    # The unit's only finished task was late: its record (0 of 1) shows, shrunk to 72,7%.
    assert any("hoàn thành đúng hạn 0% (1 nhiệm vụ)" in r for r in silent.outlook.reasons)


def test_extended_task_is_measured_against_its_extended_deadline(world):
    rows = {r.task.pk: r for r in task_outlooks(user=world.cast.office, on=ON)}
    fresh = rows[world.fresh_task.pk]
    assert fresh.deadline == date(2026, 7, 31)
    assert "Đã được gia hạn 1 lần." in fresh.outlook.reasons


def test_outsider_sees_no_task_of_the_province(world):
    tasks = task_outlooks(user=world.cast.outsider, on=ON)
    assert [r.task.pk for r in tasks] == [world.foreign_task.pk]
    assert task_outlooks(user=world.cast.focal_a, on=ON)[0].task.pk == world.silent_task.pk


def test_warnings_put_off_course_targets_first(world):
    result = outlook(user=world.cast.office, period="2026-Q1", on=ON)
    kinds = [(w.kind, w.outlook.risk.value) for w in result.warnings]
    assert kinds[:2] == [("indicator", "off_course"), ("indicator", "off_course")]
    assert ("task", "off_course") in kinds


def test_outlook_runs_in_a_fixed_number_of_queries(world, django_assert_num_queries):
    user = world.cast.office
    # memberships, visible units, targets, figures, open tasks, finished tasks of lead units
    with django_assert_num_queries(6):
        outlook(user=user, period="2026-Q1", on=ON)


def test_one_indicator_or_one_task_for_a_badge(world):
    q1 = parse_period("2026-Q1")
    rows = indicator_outlooks(user=world.cast.office, period=q1, indicator_code="giai-ngan")
    assert [r.indicator.code for r in rows] == ["giai-ngan"]
    assert indicator_outlooks(user=world.cast.outsider, period=q1, indicator_code="giai-ngan") == []
    pk = world.silent_task.pk
    assert [r.task.pk for r in task_outlooks(user=world.cast.office, on=ON, task_ids=[pk])] == [pk]
    assert task_outlooks(user=world.cast.outsider, on=ON, task_ids=[pk]) == []


def test_task_waiting_for_acceptance_is_on_course_when_reported_in_time(world):
    from tiendo.tasks.models import TaskState
    from tiendo.testing import make_task

    task = make_task("Quy chế phối hợp", world.cast.unit_a, deadline=date(2026, 6, 30),
                     start_date=date(2026, 4, 1), state=TaskState.SUBMITTED,
                     completed_on=date(2026, 5, 20), progress=100)  # fmt: skip
    row = task_outlooks(user=world.cast.office, on=ON, task_ids=[task.pk])[0]
    assert row.outlook.risk is Risk.ON_COURSE
    assert row.outlook.reasons == ("Đã báo cáo hoàn thành ngày 20/05/2026, chờ nghiệm thu.",)
