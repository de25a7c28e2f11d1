"""Pure rules for people: which items count, delays, returns, teams — computed by hand."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from tiendo.people.rules import (
    Item,
    item_delays,
    level_rank,
    marks_metrics,
    product_metrics,
    quarter_periods,
    team_of,
)
from tiendo.scoring.frameworks import civil_servant_framework, leader_framework
from tiendo.scoring.rules import HOAN_THANH, NO_QUOTA, TOT, QuotaRule, SubjectMetrics, rate

DL = date(2026, 2, 27)


def test_quarter_periods_are_the_quarter_and_its_months():
    assert quarter_periods("2026-Q1") == ("2026-Q1", "2026-01", "2026-02", "2026-03")
    assert quarter_periods("2026-Q3") == ("2026-Q3", "2026-07", "2026-08", "2026-09")


@pytest.mark.parametrize(("item", "delays"), [
    (Item(D(1), "accepted", DL, date(2026, 2, 27)), 0),  # on the deadline
    (Item(D(1), "accepted", DL, date(2026, 3, 2)), 1),  # late
    (Item(D(1), "accepted", DL, date(2026, 3, 2), delay_excused=True), 0),  # objective cause
    (Item(D(1), "submitted", DL, date(2026, 3, 2)), 0),  # not accepted: no progress points
    (Item(D(1), "approved", DL, None), 0),
])
def test_a_delay_counts_only_for_an_accepted_late_item_without_an_excuse(item, delays):
    assert item_delays(item) == delays


def hand_items():
    # A weight 2 accepted on time after 1 return; B accepted 2 days late; C approved, not done;
    # D declared, not approved; E rejected (D and E do not count)
    return [Item(D(2), "accepted", DL, DL, returns=1),
            Item(D(1), "accepted", DL, date(2026, 3, 1)),
            Item(D(1), "approved", DL, None),
            Item(D(5), "declared", DL, None),
            Item(D(5), "rejected", DL, None)]


def test_product_metrics_hand_computed():
    # assigned 2 + 1 + 1 = 4; done 3; quality 2 × 0.75 + 1 = 2.5; progress 2 + 0.75 = 2.75
    assert product_metrics(hand_items()) == {
        "products_assigned": D(4), "products_done": D(3), "quality_factor_sum": D("2.5"),
        "progress_factor_sum": D("2.75")}


def test_nd335_score_of_one_civil_servant_hand_computed():
    m = {**product_metrics(hand_items()),
         **marks_metrics({"mark_politics": "9", "mark_ethics": "8.5", "mark_discipline": "8"}),
         "disciplined_service": D(0)}
    fw = civil_servant_framework()
    (r,) = rate(_no_quota(fw), [SubjectMetrics(1, "A", "u", m)])
    pts = {c.code: c.points for c in r.breakdown}
    # CC 9 + 8.5 + 8 = 25.5; KQ1 30 × 3/4 = 22.5; KQ2 20 × 2.5/4 = 12.5; KQ3 20 × 2.75/4 = 13.75
    assert pts == {"CC1": D("9.00"), "CC2": D("8.50"), "CC3": D("8.00"), "KQ1": D("22.50"),
                   "KQ2": D("12.50"), "KQ3": D("13.75")}
    assert r.score == D("74.25") == sum(pts.values())
    assert r.level == TOT


def _no_quota(fw):
    return replace(fw, quota=QuotaRule(reading=NO_QUOTA))


def test_missing_manager_marks_leave_the_person_unrated():
    m = {**product_metrics(hand_items()), **marks_metrics({}), "disciplined_service": D(0)}
    (r,) = rate(_no_quota(civil_servant_framework()), [SubjectMetrics(1, "A", "u", m)])
    assert r.score is None and r.level is None
    assert "mark_politics" in r.missing


def test_disciplined_for_service_is_khong_hoan_thanh_whatever_the_score():
    m = {"products_assigned": D(1), "products_done": D(1), "quality_factor_sum": D(1),
         "progress_factor_sum": D(1), "mark_politics": D(10), "mark_ethics": D(10),
         "mark_discipline": D(10), "disciplined_service": D(1)}
    (r,) = rate(_no_quota(civil_servant_framework()), [SubjectMetrics(1, "A", "u", m)])
    assert r.score == D("100.00")
    assert r.level == "khong_hoan_thanh"


def test_per_unit_quota_of_civil_servants_keeps_one_in_six():
    base = {"products_assigned": D(4), "products_done": D(4), "quality_factor_sum": D(4),
            "mark_ethics": D(10), "mark_discipline": D(10), "disciplined_service": D(0)}
    subjects = [SubjectMetrics(i, f"P{i}", "Sở A", {**base, "mark_politics": D(10) - D(i) / 10,
                                                    "progress_factor_sum": D(4)})
                for i in range(6)]
    res = rate(civil_servant_framework(), subjects)
    assert [r.level for r in res].count("xuat_sac") == 1  # ⌊6/6⌋
    assert "người xếp thứ 2" in res[1].reasons[-1].text_vi


LEADER = {"unit_targets_total": D(4), "unit_targets_met": D(3), "unit_tasks_due": D(5),
          "unit_tasks_on_time": D(4), "unit_urges": D(1), "unit_level_rank": D(1),
          "team_total": D(6), "team_khong_hoan_thanh": D(1), "mark_politics": D(9),
          "mark_ethics": D(9), "mark_discipline": D(8), "products_assigned": D(2),
          "products_done": D(2), "quality_factor_sum": D("1.75"), "progress_factor_sum": D(2),
          "disciplined_service": D(0)}


def test_leader_framework_hand_computed():
    (r,) = rate(_no_quota(leader_framework()), [SubjectMetrics(1, "L", "g", LEADER)])
    pts = {c.code: c.points for c in r.breakdown}
    # LD1 20 × 3/4 = 15; LD2 25 × 4/5 = 20; LD3 10 − 2.5 × 1 = 7.5; LD4 0.5 × 26 = 13;
    # LD5 15 × (2 + 1.75 + 2) / 6 = 14.375 → 14.38; LD6 one of the team KHTNV → 7.5
    assert pts == {"LD1": D("15.00"), "LD2": D("20.00"), "LD3": D("7.50"), "LD4": D("13.00"),
                   "LD5": D("14.38"), "LD6": D("7.50")}
    assert r.score == D("77.38")
    assert r.level == TOT


def test_a_leader_is_not_rated_above_what_the_unit_allows():
    # same leader with 100 points, the unit rated hoàn thành (rank 2): tốt needs the unit at
    # hoàn thành or better (holds), xuất sắc needs tốt or better (fails) → tốt
    m = {**LEADER, "unit_targets_met": D(4), "unit_tasks_on_time": D(5), "unit_urges": D(0),
         "team_khong_hoan_thanh": D(0), "mark_politics": D(10), "mark_ethics": D(10),
         "mark_discipline": D(10), "quality_factor_sum": D(2), "unit_level_rank": D(2)}
    (r,) = rate(_no_quota(leader_framework()), [SubjectMetrics(1, "L", "g", m)])
    assert r.score == D("100.00")
    assert r.level == TOT
    reason = next(x for x in r.reasons if x.code == "condition:xs_unit")
    assert "[thiết lập của đơn vị sử dụng, không phải quy định]" in reason.text_vi
    # unit không hoàn thành (rank 3) → not even tốt
    (r,) = rate(_no_quota(leader_framework()),
                [SubjectMetrics(1, "L", "g", {**m, "unit_level_rank": D(3)})])
    assert r.level == HOAN_THANH


def test_leader_without_unit_tasks_or_team_gets_no_free_points():
    m = {**LEADER, "unit_targets_total": D(0), "unit_targets_met": D(0), "unit_tasks_due": D(0),
         "unit_tasks_on_time": D(0), "team_total": D(0), "team_khong_hoan_thanh": D(0)}
    (r,) = rate(_no_quota(leader_framework()), [SubjectMetrics(1, "L", "g", m)])
    pts = {c.code: (c.points, c.max_points) for c in r.breakdown}
    for code in ("LD1", "LD2", "LD3", "LD6"):
        assert pts[code] == (D(0), D(0))
    # LD4 13/15 and LD5 14.375/15 over 30 applicable points, ×100/30: 43.33 + 47.92
    assert pts["LD4"] == (D("43.33"), D("50.00"))
    assert pts["LD5"] == (D("47.92"), D("50.00"))
    assert r.score == D("91.25")


def test_level_rank_and_team():
    assert [level_rank(x) for x in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh", None)
            ] == [D(0), D(1), D(2), D(3), None]
    reports = {"a": "m", "b": "m", "m": "d", "d": "h", "x": "y"}
    assert team_of("h", reports) == {"d", "m", "a", "b"}
    assert team_of("m", reports) == {"a", "b"}
    assert team_of("a", reports) == set()
