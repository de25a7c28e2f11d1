"""The rating engine: hand-computed examples, bands, conditions, vetoes, quota, year folding."""

import random
from dataclasses import replace
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tiendo.scoring.frameworks import (
    NO_OVERDUE_SETTING,
    civil_servant_framework,
    party_framework,
    shipped_frameworks,
)
from tiendo.scoring.rules import (
    HOAN_THANH,
    KHONG_HOAN_THANH,
    NO_QUOTA,
    OF_TOT,
    OF_TOT_OR_BETTER,
    TOT,
    XUAT_SAC,
    Criterion,
    Framework,
    FrameworkError,
    QuotaRule,
    SubjectMetrics,
    check_period_ratable,
    civil_servant_item_sums,
    civil_servant_weighted_sums,
    fold_year,
    framework_from_dict,
    framework_to_dict,
    item_factor,
    quota_limit,
    quota_min_group,
    rate,
)

PERFECT = {
    "tasks_due": 10, "tasks_on_time": 10, "tasks_late": 0, "tasks_overdue": 0,
    "tasks_exceeded": 3, "key_tasks_due": 2, "key_tasks_on_time": 2, "key_tasks_late": 0,
    "key_tasks_overdue": 0, "targets_total": 5, "targets_met": 5, "targets_exceeded": 2,
    "targets_not_met": 0, "key_targets_not_met": 0, "reports_due": 3, "reports_on_time": 3,
    "reports_returned": 0, "quality_mark": 9, "deductions": 0, "collective_disciplined": 0,
    "leader_members_disciplined": 0, "subordinates_total": 5, "subordinates_disciplined": 0,
    "subordinates_corruption": 0, "subordinates_hoan_thanh_or_better": 5,
    "subordinates_tot_or_better": 5, "shortcomings_noted": 2, "shortcomings_remedied": 2,
    "disunity": 0, "force_majeure": 0,
}


def party(**changes):
    return {**PERFECT, **changes}


def subj(sid, metrics, group="g"):
    return SubjectMetrics(sid, f"Đơn vị {sid}", group, metrics)


def one(fw, metrics):
    """Rate one unit alone, without the quota (alone in a group, ⌊1/6⌋ = 0 would apply)."""
    (r,) = rate(replace(fw, quota=QuotaRule(reading=NO_QUOTA)), [subj(1, metrics)])
    return r


def points(result):
    return {c.code: c.points for c in result.breakdown}


def codes(result):
    return [r.code for r in result.reasons]


# --------------------------------------------------------------------------- hand-computed

def test_perfect_party_organisation_scores_98_and_is_xuat_sac():
    r = one(party_framework(), PERFECT)
    assert points(r) == {
        "A1": D("25.00"), "A2": D("10.00"), "A3": D("5.00"), "B1": D("15.00"),
        "B2": D("5.00"), "C1": D("7.00"), "C2": D("3.00"), "D1": D("18.00"), "E1": D("10.00")}
    assert r.score == D("98.00")
    assert r.level == XUAT_SAC
    assert codes(r) == ["band"]
    assert r.reasons[0].text_vi == (
        "Điểm 98,00 thuộc khung từ 90 điểm: mức Hoàn thành xuất sắc nhiệm vụ.")


def test_a_unit_alone_in_its_group_cannot_be_xuat_sac_under_the_default_quota():
    (r,) = rate(party_framework(), [subj(1, PERFECT)])
    assert r.individual_level == XUAT_SAC
    assert r.level == TOT
    assert codes(r) == ["band", "quota"]


def test_hand_computed_mixed_unit_fails_tot_and_hoan_thanh_conditions():
    m = party(tasks_due=20, tasks_on_time=17, tasks_late=2, tasks_overdue=1, tasks_exceeded=4,
              key_tasks_due=4, key_tasks_on_time=3, targets_total=12, targets_met=9,
              targets_exceeded=2, targets_not_met=3, reports_due=6, reports_on_time=5,
              reports_returned=1, quality_mark=D("7.5"), deductions=D("1.5"),
              shortcomings_noted=3, shortcomings_remedied=2)
    r = one(party_framework(), m)
    assert points(r) == {
        "A1": D("21.25"),  # 25 × 17/20
        "A2": D("7.50"),  # 10 × 3/4
        "A3": D("3.33"),  # 5 × min(1, 4 / (0.3 × 20))
        "B1": D("11.25"),  # 15 × 9/12
        "B2": D("2.78"),  # 5 × min(1, 2 / 3.6)
        "C1": D("5.83"),  # 7 × 5/6
        "C2": D("2.50"),  # 3 × (1 − 1/6)
        "D1": D("15.00"),  # 2 × 7.5
        "E1": D("6.50"),  # 10 − 1.5 − 2 × (3 − 2)
    }
    assert r.score == D("75.94")
    assert r.band_level == TOT
    # 2 late + 1 overdue = 3 of 20 behind schedule (15% ≤ 20%): the regulation's wording
    # allows it, and zero overdue is not required unless an office adds that setting
    assert codes(r) == ["band", "condition:tot_on_time"]
    assert r.level == HOAN_THANH
    assert r.reasons[1].text_vi == (
        "Chưa đạt điều kiện của mức Hoàn thành tốt nhiệm vụ: 100% nhiệm vụ hoàn thành đúng hạn "
        "(thực tế 17/20) → xét mức Hoàn thành nhiệm vụ.")
    expl = {c.code: c.explanation_vi for c in r.breakdown}
    assert expl["A1"] == "Hoàn thành đúng hạn 17/20 nhiệm vụ đến hạn: 21,25/25 điểm."
    assert expl["D1"] == "Lãnh đạo chấm chất lượng 7,5/10: 15,00/20 điểm."
    assert r.breakdown[0].inputs == {"tasks_due": D(20), "tasks_on_time": D(17)}
    assert r.breakdown[0].formula == "if(tasks_due == 0, 0, 25 * tasks_on_time / tasks_due)"


def test_late_but_within_20_percent_is_hoan_thanh():
    m = party(tasks_due=20, tasks_on_time=16, tasks_late=4, tasks_overdue=0, tasks_exceeded=6)
    r = one(party_framework(), m)
    assert r.score == D("93.00")  # 98 − 25 × 4/20
    assert r.level == HOAN_THANH
    assert codes(r) == ["band", "condition:tot_on_time"]


def test_more_than_20_percent_late_is_khong_hoan_thanh():
    m = party(tasks_due=20, tasks_on_time=15, tasks_late=5, tasks_exceeded=6)
    r = one(party_framework(), m)
    assert r.level == KHONG_HOAN_THANH
    assert codes(r) == ["band", "condition:tot_on_time", "condition:ht_late_20"]


def test_civil_servant_hand_computed_with_25_percent_penalties():
    items = [(True, 0, 0), (True, 1, 0), (True, 0, 2), (False, 0, 0)]
    sums = civil_servant_item_sums(items)
    assert sums == {"products_assigned": D(4), "products_done": D(3),
                    "quality_factor_sum": D("2.75"), "progress_factor_sum": D("2.50")}
    m = {"mark_politics": 9, "mark_ethics": 8, "mark_discipline": 10, "disciplined_service": 0,
         **sums}
    r = one(civil_servant_framework(), m)
    assert points(r) == {"CC1": D("9.00"), "CC2": D("8.00"), "CC3": D("10.00"),
                         "KQ1": D("22.50"), "KQ2": D("13.75"), "KQ3": D("12.50")}
    assert r.score == D("75.75")
    assert r.level == TOT


@pytest.mark.parametrize(("count", "factor"), [
    (0, D(1)), (1, D("0.75")), (2, D("0.50")), (3, D("0.25")), (4, D(0)), (7, D(0))])
def test_each_failed_review_or_delay_costs_25_percent_never_below_zero(count, factor):
    assert item_factor(count) == factor


def test_civil_servant_disciplined_is_khong_hoan_thanh_whatever_the_score():
    m = {"mark_politics": 10, "mark_ethics": 10, "mark_discipline": 10, "disciplined_service": 1,
         **civil_servant_item_sums([(True, 0, 0)] * 5)}
    r = one(civil_servant_framework(), m)
    assert r.score == D("100.00")
    assert r.level == KHONG_HOAN_THANH
    assert codes(r) == ["band", "veto:disciplined_service"]


# --------------------------------------------------------------------------- bands

def plain(quota=NO_QUOTA):
    return Framework(
        code="T", version=1, subject_kind="x", period_kind="quarter",
        criteria=(Criterion("X", "Điểm", D(100), "x"),), quota=QuotaRule(reading=quota))


@pytest.mark.parametrize(("score", "level"), [
    ("100", XUAT_SAC), ("90", XUAT_SAC), ("90.00", XUAT_SAC), ("89.99", TOT), ("70", TOT),
    ("69.99", HOAN_THANH), ("50", HOAN_THANH), ("49.99", KHONG_HOAN_THANH), ("0", KHONG_HOAN_THANH),
    ("89.995", XUAT_SAC),  # rounds half up to 90.00 before the band
    ("89.994", TOT),
])
def test_band_edges(score, level):
    r = one(plain(), {"x": D(score)})
    assert r.level == level


def test_points_are_clamped_to_zero_and_maximum_with_explanation():
    fw = Framework(code="T", version=1, subject_kind="x", period_kind="quarter",
                   criteria=(Criterion("X", "a", D(60), "x"), Criterion("Y", "b", D(40), "y")),
                   quota=QuotaRule(reading=NO_QUOTA))
    r = one(fw, {"x": 75, "y": -3})
    assert points(r) == {"X": D("60.00"), "Y": D("0.00")}
    assert r.score == D("60.00")
    assert r.breakdown[0].explanation_vi == "x với x = 75: 60,00/60 điểm (kết quả 75 vượt " \
        "tối đa, tính 60)."
    assert r.breakdown[1].explanation_vi.endswith("(kết quả -3 âm, tính 0).")


# --------------------------------------------------------------------------- missing data

def test_missing_quality_mark_leaves_unit_unscored_and_unrated():
    r = one(party_framework(), party(quality_mark=None))
    assert r.score is None
    assert r.level is None
    assert r.missing == ["quality_mark"]
    assert codes(r) == ["missing_data"]
    assert r.reasons[0].text_vi == (
        "Chưa đề xuất xếp loại: thiếu dữ liệu điểm chất lượng do lãnh đạo chấm (0–10).")
    d1 = next(c for c in r.breakdown if c.code == "D1")
    assert d1.points is None
    assert d1.explanation_vi == (
        "Chưa tính được điểm: thiếu dữ liệu điểm chất lượng do lãnh đạo chấm (0–10).")


def test_missing_veto_input_leaves_unit_unrated():
    m = party()
    del m["disunity"]
    r = one(party_framework(), m)
    assert r.score == D("98.00")
    assert r.level is None
    assert codes(r) == ["band", "missing_data:veto:disunity"]
    assert r.missing == ["disunity"]


def test_unrated_units_do_not_count_in_the_quota():
    subjects = [subj(i, party(quality_mark=D(10) - D(i) / 10)) for i in range(1, 7)] + [
        subj(7, party(quality_mark=None))]
    levels = {r.subject_id: r.level for r in rate(party_framework(), subjects)}
    assert levels[7] is None
    assert list(levels.values()).count(XUAT_SAC) == 1  # ⌊6 / 6⌋


# --------------------------------------------------------------------------- vetoes

@pytest.mark.parametrize(("changes", "veto"), [
    ({"tasks_on_time": 2, "tasks_overdue": 8, "targets_met": 2, "targets_exceeded": 0,
      "targets_not_met": 8, "targets_total": 10, "key_targets_not_met": 1}, "targets_half"),
    ({"collective_disciplined": 1}, "collective_disciplined"),
    ({"subordinates_disciplined": 2}, "subordinates_disciplined_20"),
    ({"subordinates_corruption": 1}, "subordinate_corruption"),
    ({"disunity": 1}, "disunity"),
])
def test_every_veto_sets_khong_hoan_thanh_and_is_named(changes, veto):
    r = one(party_framework(), party(**changes))
    assert r.level == KHONG_HOAN_THANH
    assert f"veto:{veto}" in codes(r)
    assert [c for c in codes(r) if c.startswith("condition")] == []


def test_targets_veto_is_lifted_by_force_majeure_and_needs_a_key_target_missed():
    bad = {"tasks_on_time": 2, "tasks_overdue": 8, "targets_met": 2, "targets_exceeded": 0,
           "targets_not_met": 8, "targets_total": 10, "key_targets_not_met": 1}
    assert "veto:targets_half" not in codes(one(party_framework(), party(**bad, force_majeure=1)))
    assert "veto:targets_half" not in codes(
        one(party_framework(), party(**{**bad, "key_targets_not_met": 0})))


def test_exactly_20_percent_subordinates_disciplined_is_not_a_veto_but_blocks_xuat_sac():
    r = one(party_framework(), party(subordinates_disciplined=1))  # 1/5 = 20%
    assert r.level == TOT
    assert codes(r) == ["band", "condition:xs_no_discipline"]


# --------------------------------------------------------------------------- conditions

@pytest.mark.parametrize(("changes", "condition"), [
    ({"tasks_exceeded": 2}, "xs_exceeded"),  # 2/10 < 30%
    ({"leader_members_disciplined": 1}, "xs_no_discipline"),
    ({"shortcomings_remedied": 1}, "xs_shortcomings"),
    ({"subordinates_tot_or_better": 3}, "xs_subordinates"),  # 3/5 < 80%
    ({"subordinates_hoan_thanh_or_better": 4}, "xs_subordinates"),
])
def test_xuat_sac_conditions_drop_to_tot(changes, condition):
    r = one(party_framework(), party(**changes))
    assert r.band_level == XUAT_SAC
    assert r.level == TOT
    assert f"condition:{condition}" in codes(r)


def test_base_organisation_rule_only_in_the_base_framework():
    m = party(subordinates_tot_or_better=3)
    assert one(party_framework(base_org=True), m).level == TOT
    assert one(party_framework(base_org=False), m).level == XUAT_SAC


def test_exactly_30_percent_exceeded_and_80_percent_tot_qualify():
    m = party(tasks_exceeded=3, subordinates_total=10, subordinates_hoan_thanh_or_better=10,
              subordinates_tot_or_better=8)
    assert one(party_framework(), m).level == XUAT_SAC


# --------------------------------------------------------------------------- quota

@pytest.mark.parametrize(("reading", "cands", "tot", "limit"), [
    (OF_TOT, 3, 7, 1),  # ⌊10/6⌋ → 1 xuất sắc, 9 tốt: 1 ≤ 1,8
    (OF_TOT_OR_BETTER, 3, 7, 2),  # ⌊10/5⌋ → 2 ≤ 20% × 10
    (OF_TOT, 2, 10, 2),  # 2 ≤ 20% × 10
    (OF_TOT, 3, 9, 2),  # ⌊12/6⌋
    (OF_TOT, 5, 0, 0),  # five units: none under of_tot
    (OF_TOT_OR_BETTER, 5, 0, 1),  # ⌊5/5⌋
    (OF_TOT, 4, 0, 0),
    (OF_TOT_OR_BETTER, 4, 0, 0),
    (OF_TOT, 1, 5, 1),  # 1 ≤ 20% × 5
    (OF_TOT, 1, 4, 0),  # 1 > 20% × 4
    (OF_TOT, 0, 30, 0),
    (NO_QUOTA, 7, 0, 7),
])
def test_quota_limit_arithmetic(reading, cands, tot, limit):
    assert quota_limit(reading, D(20), cands, tot) == limit


@pytest.mark.parametrize("reading", [OF_TOT, OF_TOT_OR_BETTER])
@given(cands=st.integers(0, 60), tot=st.integers(0, 200))
def test_quota_limit_is_the_largest_count_that_keeps_the_rule(reading, cands, tot):
    x = quota_limit(reading, D(20), cands, tot)
    final_tot = tot + cands - x

    def ok(k):
        t = tot + cands - k
        return 5 * k <= (t if reading == OF_TOT else t + k)

    assert 0 <= x <= cands
    assert ok(x)
    assert x == cands or not ok(x + 1)
    assert final_tot >= 0


def test_min_allowed_lets_a_small_group_have_one():
    assert quota_limit(OF_TOT, D(20), 3, 1, min_allowed=1) == 1
    assert quota_limit(OF_TOT, D(20), 0, 1, min_allowed=1) == 0


def group_of(n_xs, n_tot, group="g", start=1, fw=None):
    """n_xs units qualifying for xuất sắc with decreasing scores, n_tot units rated tốt."""
    out = []
    for i in range(n_xs):
        out.append(subj(start + i, party(quality_mark=D(10) - D(i) / 10), group))
    for i in range(n_tot):
        out.append(subj(start + n_xs + i, party(tasks_exceeded=1), group))  # fails xs_exceeded
    return out


def levels_of(results):
    return {r.subject_id: r.level for r in results}


def test_quota_of_tot_keeps_the_best_and_explains_the_rest():
    res = rate(party_framework(), group_of(3, 7))
    lv = levels_of(res)
    assert [lv[i] for i in (1, 2, 3)] == [XUAT_SAC, TOT, TOT]
    assert list(lv.values()).count(TOT) == 9
    r2 = next(r for r in res if r.subject_id == 2)
    assert r2.individual_level == XUAT_SAC
    assert codes(r2) == ["band", "quota"]
    assert r2.reasons[-1].text_vi == (
        "Hạn mức nhóm “g”: Xuất sắc không quá 20% số đơn vị xếp loại Hoàn thành tốt nhiệm vụ; "
        "3 đơn vị đủ điều kiện Xuất sắc, 7 đơn vị Tốt → tối đa 1 đơn vị Xuất sắc; đơn vị xếp "
        "thứ 2 (thứ tự: điểm cao hơn, rồi tỉ lệ nhiệm vụ vượt yêu cầu cao hơn, rồi điểm chất "
        "lượng của lãnh đạo cao hơn) nên hạ xuống Hoàn thành tốt nhiệm vụ.")


def test_quota_of_tot_or_better_reading_allows_two():
    lv = levels_of(rate(party_framework(quota_reading=OF_TOT_OR_BETTER), group_of(3, 7)))
    assert [lv[i] for i in (1, 2, 3)] == [XUAT_SAC, XUAT_SAC, TOT]


@pytest.mark.parametrize(("reading", "n", "expected_xs"), [
    (OF_TOT, 4, 0), (OF_TOT_OR_BETTER, 4, 0), (OF_TOT, 5, 0), (OF_TOT_OR_BETTER, 5, 1),
    (OF_TOT, 1, 0), (OF_TOT, 6, 1)])
def test_quota_with_fewer_than_five_units(reading, n, expected_xs):
    res = rate(party_framework(quota_reading=reading), group_of(n, 0))
    assert [r.level for r in res].count(XUAT_SAC) == expected_xs
    assert [r.level for r in res].count(TOT) == n - expected_xs


def test_quota_tie_after_every_named_key_is_flagged_for_the_committee_not_decided():
    # limit ⌊12/6⌋ = 2; scores 98, 97.60 and 97.60 with equal tie-break keys: units 2 and 3
    # tie across the boundary. The unit id is not a tie-break: both are held at tốt and
    # flagged "đồng điểm — cấp ủy quyết định".
    subjects = [
        subj(1, party()),
        subj(3, party(quality_mark=D("8.8"))),
        subj(2, party(quality_mark=D("8.8"))),
        *group_of(0, 9, start=10),
    ]
    res = rate(party_framework(), subjects)
    lv = levels_of(res)
    assert (lv[1], lv[2], lv[3]) == (XUAT_SAC, TOT, TOT)
    flagged = {r.subject_id for r in res if r.tie_unresolved}
    assert flagged == {2, 3}
    r3 = next(r for r in res if r.subject_id == 3)
    assert codes(r3) == ["band", "quota_tie"]
    assert "Đồng điểm — cấp ủy quyết định: Đơn vị 2, Đơn vị 3 cùng 97,60 điểm" in \
        r3.reasons[-1].text_vi
    assert "còn 1 suất Xuất sắc cho 2 đơn vị" in r3.reasons[-1].text_vi
    assert "mã đơn vị" not in r3.reasons[-1].text_vi
    # a higher share of tasks exceeded (a key the framework names) breaks the tie
    subjects[1] = subj(3, party(quality_mark=D("8.8"), tasks_exceeded=5))
    res = rate(party_framework(), subjects)
    lv = levels_of(res)
    assert (lv[1], lv[2], lv[3]) == (XUAT_SAC, TOT, XUAT_SAC)
    assert not any(r.tie_unresolved for r in res)


def test_a_group_too_small_for_one_xuat_sac_is_explained_as_such():
    res = rate(party_framework(), group_of(2, 2))
    r1 = next(r for r in res if r.subject_id == 1)
    assert r1.level == TOT
    assert ("nhóm chỉ có 4 đơn vị Tốt trở lên, quá nhỏ để có dù một đơn vị Xuất sắc theo tỉ "
            "lệ 20% (cần ít nhất 6)") in r1.reasons[-1].text_vi
    assert quota_min_group(OF_TOT, D(20)) == 6
    assert quota_min_group(OF_TOT_OR_BETTER, D(20)) == 5


def test_criteria_with_nothing_to_measure_do_not_apply_and_their_weight_is_redistributed():
    # no tasks, no targets, no reports: only D1 (20) and E1 (10) can be measured.
    # Quality 9 → D1 18/20, E1 10/10 → scaled by 100/30: D1 60,00/66,67, E1 33,33/33,33.
    m = party(tasks_due=0, tasks_on_time=0, tasks_exceeded=0, key_tasks_due=0,
              key_tasks_on_time=0, targets_total=0, targets_met=0, targets_exceeded=0,
              reports_due=0, reports_on_time=0, reports_returned=0, quality_mark=D(9))
    r = one(party_framework(), m)
    pts = {c.code: (c.points, c.max_points) for c in r.breakdown}
    for code in ("A1", "A2", "A3", "B1", "B2", "C1", "C2"):
        assert pts[code] == (D(0), D(0)), code
    assert pts["D1"] == (D("60.00"), D("66.67"))
    assert pts["E1"] == (D("33.33"), D("33.33"))
    assert r.score == D("93.33") == sum(p for p, _ in pts.values())
    a1 = r.breakdown[0]
    assert a1.explanation_vi == (
        "Không áp dụng: không có nhiệm vụ đến hạn trong kỳ. Không tính điểm cho việc không "
        "có; 25 điểm của tiêu chí được chia lại cho các tiêu chí áp dụng theo tỉ lệ điểm tối đa "
        "(quy định của bộ tiêu chí).")
    d1 = next(c for c in r.breakdown if c.code == "D1")
    assert d1.explanation_vi == (
        "Lãnh đạo chấm chất lượng 9/10: 18,00/20 điểm. Quy đổi theo tỉ lệ 100/30 vì có tiêu "
        "chí không áp dụng: 60,00/66,67 điểm.")


def test_some_criteria_not_applicable_hand_computed():
    # 4 tasks (3 on time, 1 late, 1 exceeded), no key task, no targets, 2 reports on time,
    # quality 8. Not applicable: A2 (10), B1 (15), B2 (5) → 70 applicable, factor 100/70.
    # A1 25·3/4 = 18.75 → 26.79; A3 5·min(1, 1/1.2) = 4.1667 → 5.95; C1 7 → 10.00;
    # C2 3 → 4.29; D1 16 → 22.86; E1 10 → 14.29. Sum 84.18.
    m = party(tasks_due=4, tasks_on_time=3, tasks_late=1, tasks_exceeded=1, key_tasks_due=0,
              key_tasks_on_time=0, targets_total=0, targets_met=0, targets_exceeded=0,
              reports_due=2, reports_on_time=2, reports_returned=0, quality_mark=D(8))
    r = one(party_framework(), m)
    assert points(r) == {"A1": D("26.79"), "A2": D(0), "A3": D("5.95"), "B1": D(0),
                         "B2": D(0), "C1": D("10.00"), "C2": D("4.29"), "D1": D("22.86"),
                         "E1": D("14.29")}
    assert r.score == D("84.18")


def test_a_setting_condition_is_labelled_as_a_setting():
    fw = party_framework()
    fw = replace(fw, conditions=(*fw.conditions, NO_OVERDUE_SETTING))
    r = one(fw, party(tasks_due=10, tasks_on_time=9, tasks_overdue=1))
    assert r.level == KHONG_HOAN_THANH
    text = next(x.text_vi for x in r.reasons if x.code == "condition:ht_all_done")
    assert "[thiết lập của đơn vị sử dụng, không phải quy định]" in text
    # the same unit under the shipped default (regulation's wording) is hoàn thành
    assert one(party_framework(), party(tasks_due=10, tasks_on_time=9,
                                        tasks_overdue=1)).level == HOAN_THANH


def test_weighted_products_of_nd335_hand_computed():
    # 2 converted products done (1 review failed), 1 product of weight 0.5 done late, 1 not
    # done: assigned 3.5, done 2.5, quality 2·0.75 + 0.5 = 2.0, progress 2 + 0.5·0.75 = 2.375
    sums = civil_servant_weighted_sums([(D(2), True, 1, 0), (D("0.5"), True, 0, 1),
                                        (D(1), False, 0, 0)])
    assert sums == {"products_assigned": D("3.5"), "products_done": D("2.5"),
                    "quality_factor_sum": D("2.00"), "progress_factor_sum": D("2.375")}


def test_quota_is_counted_per_peer_group():
    subjects = group_of(3, 7, group="Sở, ngành") + group_of(2, 3, group="Xã", start=100)
    res = rate(party_framework(), subjects)
    per = {}
    for r in res:
        per.setdefault(r.peer_group, []).append(r.level)
    assert per["Sở, ngành"].count(XUAT_SAC) == 1
    assert per["Xã"].count(XUAT_SAC) == 0  # ⌊5/6⌋


def test_subject_ids_must_be_unique():
    with pytest.raises(ValueError, match="Mã đối tượng trùng: 1"):
        rate(party_framework(), [subj(1, party()), subj(1, party())])


# --------------------------------------------------------------------------- year

def test_q4_is_never_rated_alone():
    with pytest.raises(ValueError, match="Quý IV không xếp loại riêng"):
        check_period_ratable("2026-Q4")
    check_period_ratable("2026-Q3")


def test_year_folds_three_quarters_and_q4_tasks():
    fw = party_framework()
    q1 = rate(fw, [subj(1, party()), subj(2, party(quality_mark=8))])
    q2 = rate(fw, [subj(1, party(quality_mark=7)), subj(2, party(tasks_on_time=9, tasks_late=1))])
    q3 = rate(fw, [subj(1, party()), subj(2, party())])
    q4 = [subj(1, party(quality_mark=10)), subj(2, party())]
    res = {r.subject_id: r for r in fold_year(fw, {"Q1": q1, "Q2": q2, "Q3": q3}, q4)}
    one_ = res[1]
    # D1 over the quarters: 18, 14, 18, 20 → 17.50; the rest is full
    assert {c.code: c.points for c in one_.breakdown}["D1"] == D("17.50")
    assert one_.score == D("97.50")
    assert one_.score == sum(c.points for c in one_.breakdown)
    assert one_.metrics["tasks_due"] == D(40)  # summed over four quarters
    assert one_.metrics["quality_mark"] == D(10)  # the latest quarter
    assert one_.reasons[0].code == "year_fold"
    d1 = next(c for c in one_.breakdown if c.code == "D1")
    assert d1.explanation_vi == (
        "Trung bình các quý (Q1 18,00; Q2 14,00; Q3 18,00; Q4 20,00): 17,50/20 điểm.")
    two = res[2]
    # Q2 had one task done late: the year has 39/40 on time → not tốt, hoàn thành
    # A1: 25, 22.5, 25, 25 → 24.38; D1: 16, 18, 18, 18 → 17.50; the other 55 points full
    assert two.score == D("96.88")
    assert two.level == HOAN_THANH
    assert "condition:tot_on_time" in codes(two)


def test_year_rejects_a_q4_result_among_the_quarters():
    with pytest.raises(ValueError, match="Chỉ gộp kết quả quý I–III"):
        fold_year(party_framework(), {"Q4": []}, [])


def test_year_with_a_missing_quarter_score_is_unscored():
    fw = party_framework()
    q1 = rate(fw, [subj(1, party(quality_mark=None))])
    res = fold_year(fw, {"Q1": q1}, [subj(1, party())])
    assert res[0].score is None
    assert res[0].level is None
    assert "quality_mark" in res[0].missing


# --------------------------------------------------------------------------- frameworks

def test_shipped_frameworks_have_100_points_and_round_trip_through_json():
    for code, fw in shipped_frameworks().items():
        assert sum(c.max_points for c in fw.criteria) == 100, code
        again = framework_from_dict(framework_to_dict(fw))
        assert framework_to_dict(again) == framework_to_dict(fw)
    fw = party_framework()
    again = framework_from_dict(framework_to_dict(fw))
    subjects = group_of(3, 7)
    assert [r.as_dict() for r in rate(again, subjects)] == \
        [r.as_dict() for r in rate(fw, subjects)]


def test_bad_framework_is_refused_with_the_criterion_and_position():
    d = framework_to_dict(party_framework())
    d["criteria"][0]["formula"] = "25 * tasks_ontime / tasks_due"
    with pytest.raises(FrameworkError) as exc:
        framework_from_dict(d)
    assert str(exc.value) == "Tiêu chí A1 — Vị trí 6: không có chỉ số 'tasks_ontime'"
    d = framework_to_dict(party_framework())
    d["criteria"][0]["max_points"] = "30"
    with pytest.raises(FrameworkError, match="Tổng điểm tối đa các tiêu chí là 105, phải bằng 100"):
        framework_from_dict(d)
    d = framework_to_dict(party_framework())
    d["vetoes"][0]["formula"] = "tasks_due + 1"
    with pytest.raises(FrameworkError, match="Điều kiện loại trừ targets_half — Vị trí 1: công "
                       "thức phải cho ra một điều kiện đúng/sai"):
        framework_from_dict(d)
    d = framework_to_dict(party_framework())
    d["bands"]["tot"] = "95"
    with pytest.raises(FrameworkError, match="Ngưỡng điểm phải giảm dần"):
        framework_from_dict(d)
    with pytest.raises(FrameworkError, match="Bộ tiêu chí không hợp lệ"):
        framework_from_dict({"code": "X"})


# --------------------------------------------------------------------------- properties

count = st.integers(min_value=0, max_value=40)
maybe_mark = st.one_of(st.none(), st.decimals(min_value=0, max_value=12, places=1))


@st.composite
def party_metrics(draw):
    due = draw(count)
    on_time = draw(st.integers(0, due))
    late = draw(st.integers(0, due - on_time))
    subs = draw(st.integers(0, 10))
    noted = draw(st.integers(0, 4))
    targets = draw(st.integers(0, 12))
    met = draw(st.integers(0, targets))
    reports = draw(st.integers(0, 6))
    return party(
        tasks_due=due, tasks_on_time=on_time, tasks_late=late,
        tasks_overdue=due - on_time - late, tasks_exceeded=draw(st.integers(0, on_time)),
        key_tasks_due=draw(st.integers(0, 3)), key_tasks_on_time=draw(st.integers(0, 3)),
        targets_total=targets, targets_met=met, targets_exceeded=draw(st.integers(0, met)),
        targets_not_met=targets - met, key_targets_not_met=draw(st.integers(0, targets - met)),
        reports_due=reports, reports_on_time=draw(st.integers(0, reports)),
        reports_returned=draw(st.integers(0, reports)), quality_mark=draw(maybe_mark),
        deductions=draw(st.integers(0, 15)), subordinates_total=subs,
        subordinates_disciplined=draw(st.integers(0, subs)),
        subordinates_hoan_thanh_or_better=subs, subordinates_tot_or_better=subs,
        shortcomings_noted=noted, shortcomings_remedied=draw(st.integers(0, noted)),
        collective_disciplined=draw(st.integers(0, 1)), disunity=draw(st.integers(0, 1)),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(party_metrics(), min_size=1, max_size=25), st.randoms(use_true_random=False),
       st.sampled_from([OF_TOT, OF_TOT_OR_BETTER]))
def test_properties_sum_max_order_and_quota(metric_list, rnd, reading):
    fw = party_framework(quota_reading=reading)
    subjects = [subj(i, m, group=f"G{i % 3}") for i, m in enumerate(metric_list)]
    res = rate(fw, subjects)
    for r in res:
        if r.score is not None:
            assert r.score == sum(c.points for c in r.breakdown)
            assert r.score <= 100
            assert r.score == r.score.quantize(D("0.01"))
        for c in r.breakdown:
            assert c.points is None or D(0) <= c.points <= c.max_points
    shuffled = list(subjects)
    rnd.shuffle(shuffled)
    assert [x.as_dict() for x in rate(fw, shuffled)] == [x.as_dict() for x in res]
    for g in ("G0", "G1", "G2"):
        lv = [r.level for r in res if r.peer_group == g]
        xs, tot = lv.count(XUAT_SAC), lv.count(TOT)
        assert 5 * xs <= (tot if reading == OF_TOT else tot + xs)


def test_order_independence_on_a_large_random_population():
    rnd = random.Random(7)
    subjects = [subj(i, party(quality_mark=D(rnd.randint(80, 100)) / 10,
                              tasks_exceeded=rnd.randint(2, 5)), group=f"G{i % 4}")
                for i in range(200)]
    a = [r.as_dict() for r in rate(party_framework(), subjects)]
    rnd.shuffle(subjects)
    b = [r.as_dict() for r in rate(party_framework(), subjects)]
    assert a == b


def test_memo_is_dropped_past_its_limit_without_changing_results():
    from tiendo.scoring.rules.points import MEMO_LIMIT, _normalise, _score

    fw = replace(party_framework(), quota=QuotaRule(reading=NO_QUOTA))
    n = MEMO_LIMIT + 50
    subjects = [subj(i, party(quality_mark=D(i) / 1000)) for i in range(n)]
    results = {r.subject_id: r for r in rate(fw, subjects)}
    for s in subjects[::97] + subjects[-3:]:
        alone, score, _missing = _score(fw, _normalise(s.metrics))
        r = results[s.subject_id]
        assert r.score == score
        assert [c.explanation_vi for c in r.breakdown] == [c.explanation_vi for c in alone]
    assert results[n - 1].breakdown[7].explanation_vi == \
        "Lãnh đạo chấm chất lượng 2,097/10: 4,19/20 điểm."


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(party_metrics(), party_metrics(), party_metrics(), party_metrics()),
                min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_year_properties_sum_max_and_order(quarters, rnd):
    fw = party_framework()
    ids = list(range(len(quarters)))
    qres = {q: rate(fw, [subj(i, quarters[i][k]) for i in ids])
            for k, q in enumerate(("Q1", "Q2", "Q3"))}
    q4 = [subj(i, quarters[i][3]) for i in ids]
    res = fold_year(fw, qres, q4)
    for r in res:
        if r.score is not None:
            assert r.score == sum(c.points for c in r.breakdown)
            assert r.score <= 100
    shuffled = {q: list(v) for q, v in qres.items()}
    for v in shuffled.values():
        rnd.shuffle(v)
    q4s = list(q4)
    rnd.shuffle(q4s)
    assert [x.as_dict() for x in fold_year(fw, shuffled, q4s)] == [x.as_dict() for x in res]
