"""Task outlook: the scorecard and its reasons."""

import math
from datetime import date, timedelta
from decimal import Decimal as D

from tiendo.outlook.rules import Risk
from tiendo.outlook.task_rules import SCORECARD, task_features, task_risk
from tiendo.outlook.wording import NOT_ENOUGH_DATA

START = date(2026, 4, 1)
DEADLINE = date(2026, 6, 30)  # 90 days
ON = date(2026, 5, 16)  # day 45: half-way


def risk(**overrides):
    kwargs = {
        "progress_pct": D(50), "start": START, "deadline": DEADLINE, "on": ON, "last_update_on": ON,
        "updates_count": 3, "unit_on_time_rate": D(80), "unit_history_n": 20, "extensions": 0,
    }  # fmt: skip
    kwargs.update(overrides)
    return task_risk(**kwargs)


def test_a_task_on_schedule_with_an_average_unit_is_on_course():
    r = risk()
    # gap 0, silence 0, track record equal to the prior: p = 1 − 0,8
    assert r.probability == D("0.2")
    assert r.risk is Risk.ON_COURSE


def test_a_silent_task_rises_in_risk_week_by_week():
    fresh = risk(last_update_on=ON - timedelta(days=3))
    silent = risk(last_update_on=ON - timedelta(days=35))  # 5 weeks: 3 beyond the grace
    assert silent.probability > fresh.probability
    p = 1 / (1 + math.exp(-(math.log(0.2 / 0.8) + SCORECARD[2] * 3)))
    assert silent.probability == D(repr(round(p, 4)))
    assert silent.risk is Risk.AT_RISK
    assert silent.reasons[0] == "35 ngày chưa cập nhật tiến độ."


def test_a_task_never_reported_counts_silence_from_its_start():
    r = risk(progress_pct=None, last_update_on=None, updates_count=0)
    assert r.reasons[0].startswith("Tiến độ 0%, chậm 50 điểm %")
    assert "Chưa có báo cáo tiến độ nào sau 45 ngày kể từ khi giao." in r.reasons
    assert r.risk is Risk.OFF_COURSE


def test_progress_behind_time_raises_risk_and_says_by_how_much():
    r = risk(progress_pct=D(20))
    assert r.reasons[0] == "Tiến độ 20%, chậm 30 điểm % so với thời gian đã qua (50% thời hạn)."
    assert r.risk is Risk.AT_RISK  # logit(0,2) + 4·0,3 = −0,186 → p = 0,4536
    assert r.probability == D("0.4536")


def test_extensions_already_granted_raise_risk():
    assert risk(extensions=2).probability > risk(extensions=0).probability
    assert "Đã được gia hạn 2 lần." in risk(extensions=2).reasons


def test_thin_track_record_is_shrunk_toward_the_prior():
    f = task_features(
        progress_pct=D(50), start=START, deadline=DEADLINE, on=ON, last_update_on=ON,
        unit_on_time_rate=D(0), unit_history_n=2, extensions=0,
    )  # fmt: skip
    assert f.shrunk_on_time == (0 * 2 + 0.8 * 10) / 12
    big = task_features(
        progress_pct=D(50), start=START, deadline=DEADLINE, on=ON, last_update_on=ON,
        unit_on_time_rate=D(0), unit_history_n=200, extensions=0,
    )  # fmt: skip
    assert big.base_late > f.base_late


def test_unit_without_history_says_not_enough_data():
    r = risk(unit_on_time_rate=None, unit_history_n=0, progress_pct=D(60))
    assert any(NOT_ENOUGH_DATA in reason for reason in r.reasons)


def test_overdue_open_task_is_certainly_late():
    r = risk(on=DEADLINE + timedelta(days=12), progress_pct=D(70))
    assert r.risk is Risk.OFF_COURSE
    assert r.probability == D(1)
    assert r.reasons[0] == "Đã quá hạn 12 ngày, tiến độ mới đạt 70%."


def test_task_without_deadline_is_unknown():
    r = risk(deadline=None)
    assert r.risk is Risk.UNKNOWN
    assert r.probability is None


def test_task_reported_done_in_time_waits_for_acceptance_on_course():
    r = risk(reported_done_on=ON - timedelta(days=2), progress_pct=D(100))
    assert r.risk is Risk.ON_COURSE
    assert r.probability is None
    assert r.reasons == ("Đã báo cáo hoàn thành ngày 14/05/2026, chờ nghiệm thu.",)


def test_task_reported_done_after_its_deadline_is_late_already():
    r = risk(on=DEADLINE + timedelta(days=5), reported_done_on=DEADLINE + timedelta(days=3))
    assert r.risk is Risk.OFF_COURSE
    assert r.probability == D(1)
    assert r.reasons == (
        "Báo cáo hoàn thành ngày 03/07/2026, trễ 3 ngày so với hạn; chờ nghiệm thu.",
    )


def test_task_not_started_carries_only_its_unit_record():
    r = risk(on=START - timedelta(days=3), progress_pct=D(0))
    assert r.probability == D("0.2")
    assert r.reasons[0] == "Chưa đến ngày bắt đầu (01/04/2026)."
