from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tiendo.reminders.holidays import (
    gio_to_day,
    holidays_of_year,
    is_working_day,
    next_working_day,
    tet_day,
)
from tiendo.reminders.rules import (
    Calendar,
    RuleSpec,
    backoff,
    digest_due,
    hold_until,
    in_quiet_hours,
    report_due_date,
    stages_for_deadline,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
D = date(2026, 6, 30)
SPEC = RuleSpec()


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 6, 22), []),                                   # 8 days before: nothing yet
    (date(2026, 6, 23), [("before-7", "focal", 7)]),
    (date(2026, 6, 25), [("before-7", "focal", 5)]),           # still the 7-day window
    (date(2026, 6, 26), [("before-7", "focal", 4)]),
    (date(2026, 6, 27), [("before-3", "focal", 3)]),
    (date(2026, 6, 28), [("before-3", "focal", 2)]),
    (date(2026, 6, 29), [("before-1", "focal", 1)]),
    (date(2026, 6, 30), [("due", "focal", 0)]),
    (date(2026, 7, 1), [("overdue-0", "focal", -1)]),
    (date(2026, 7, 3), [("overdue-0", "focal", -3), ("escalate-head", "head", -3)]),
    (date(2026, 7, 4), [("overdue-1", "focal", -4), ("escalate-head", "head", -4)]),
    (date(2026, 7, 7), [("overdue-2", "focal", -7), ("escalate-head", "head", -7),
                        ("escalate-office", "office", -7)]),
    (date(2026, 7, 16), [("overdue-5", "focal", -16), ("escalate-head", "head", -16),
                         ("escalate-office", "office", -16)]),
    (date(2026, 7, 17), [("overdue-5", "focal", -17), ("escalate-office", "office", -17)]),
    (date(2026, 7, 21), [("overdue-6", "focal", -21)]),  # escalations two weeks past: dropped
])
def test_stage_windows_of_a_deadline(today, expected):
    got = [(s.key, s.audience, s.days_left) for s in stages_for_deadline(D, today, SPEC)]
    assert got == expected


def test_no_overdue_repeats_and_no_escalation_when_switched_off():
    spec = RuleSpec(on_day=False, overdue_every_days=0, escalate_head_after_days=0,
                    escalate_office_after_days=0)
    assert stages_for_deadline(D, D, spec) == []
    assert stages_for_deadline(D, D + timedelta(days=30), spec) == []


def test_report_figures_are_due_on_the_set_day_of_the_next_month():
    assert report_due_date(date(2026, 6, 30), 5) == date(2026, 7, 5)
    assert report_due_date(date(2026, 12, 31), 10) == date(2027, 1, 10)


@pytest.mark.parametrize(("year", "tet", "gio_to"), [
    # Source: lunar-vn (UTC+7 conversion); checked against the published Vietnamese
    # calendars for 2024–2027.
    (2024, date(2024, 2, 10), date(2024, 4, 18)),
    (2025, date(2025, 1, 29), date(2025, 4, 7)),
    (2026, date(2026, 2, 17), date(2026, 4, 26)),
    (2027, date(2027, 2, 6), date(2027, 4, 16)),
    (2028, date(2028, 1, 26), date(2028, 4, 4)),
    (2030, date(2030, 2, 2), date(2030, 4, 12)),
    (2035, date(2035, 2, 8), date(2035, 4, 17)),
])
def test_tet_and_gio_to_fall_on_their_lunar_dates(year, tet, gio_to):
    assert tet_day(year) == tet
    assert gio_to_day(year) == gio_to


def test_holidays_of_2026_with_make_up_day_for_gio_to_on_a_sunday():
    hols = holidays_of_year(2026)
    assert sorted(hols) == [
        date(2026, 1, 1), date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 18),
        date(2026, 2, 19), date(2026, 2, 20), date(2026, 4, 26), date(2026, 4, 27),
        date(2026, 4, 30), date(2026, 5, 1), date(2026, 9, 1), date(2026, 9, 2)]
    assert hols[date(2026, 4, 27)] == "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)"


@pytest.mark.parametrize(("day", "working"), [
    (date(2026, 6, 25), True),     # Thursday
    (date(2026, 6, 27), False),    # Saturday
    (date(2026, 6, 28), False),    # Sunday
    (date(2026, 2, 18), False),    # mùng 2 Tết
    (date(2026, 4, 27), False),    # nghỉ bù Giỗ Tổ
    (date(2026, 9, 2), False),
    (date(2026, 9, 3), True),
])
def test_working_days(day, working):
    assert is_working_day(day) is working


def test_office_added_bridge_day_and_working_saturday():
    assert not is_working_day(date(2026, 5, 4), extra_off={date(2026, 5, 4)})
    assert is_working_day(date(2026, 5, 9), extra_on={date(2026, 5, 9)})
    assert next_working_day(date(2026, 4, 30)) == date(2026, 5, 4)


def _t(day, hour, minute=0):
    return datetime(*day, hour, minute, tzinfo=VN)


@pytest.mark.parametrize(("moment", "expected"), [
    (_t((2026, 6, 25), 8), _t((2026, 6, 25), 8)),        # working day, daytime: now
    (_t((2026, 6, 25), 22), _t((2026, 6, 26), 7)),       # evening quiet hours: next morning
    (_t((2026, 6, 25), 5), _t((2026, 6, 25), 7)),        # early morning: 07:00
    (_t((2026, 6, 26), 22), _t((2026, 6, 29), 7)),       # Friday night: Monday morning
    (_t((2026, 4, 25), 10), _t((2026, 4, 28), 7)),       # Sat, Sun (Giỗ Tổ), Mon (bù)
    (_t((2026, 4, 29), 21), _t((2026, 5, 4), 7)),        # 30/4, 1/5, weekend
])
def test_non_urgent_messages_wait_for_quiet_hours_and_days_off(moment, expected):
    assert hold_until(moment, SPEC, Calendar(), urgent=False) == expected


def test_urgent_messages_go_at_once():
    moment = _t((2026, 4, 26), 23)
    assert hold_until(moment, SPEC, Calendar(), urgent=True) == moment


def test_quiet_hours_inside_one_day():
    spec = RuleSpec(quiet_start_hour=12, quiet_end_hour=14)
    assert in_quiet_hours(_t((2026, 6, 25), 13), spec)
    assert not in_quiet_hours(_t((2026, 6, 25), 14), spec)
    assert hold_until(_t((2026, 6, 25), 13), spec, Calendar(), urgent=False) == \
        _t((2026, 6, 25), 14)


def test_digest_is_due_from_the_digest_hour_of_a_working_day():
    assert not digest_due(_t((2026, 6, 25), 6, 59), 7, SPEC, Calendar())
    assert digest_due(_t((2026, 6, 25), 7), 7, SPEC, Calendar())
    assert not digest_due(_t((2026, 6, 27), 9), 7, SPEC, Calendar())  # Saturday
    assert digest_due(_t((2026, 6, 27), 9), 7, RuleSpec(skip_holidays=False), Calendar())


def test_backoff_doubles_up_to_six_hours():
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4, 10)] == [1, 2, 4, 8, 360]
