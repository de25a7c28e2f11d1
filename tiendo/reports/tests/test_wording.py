"""Exact sentences of the report's wording rules (no database)."""

from decimal import Decimal as D

import pytest

from tiendo.indicators.rules import Bound, Direction, Verdict
from tiendo.reports.wording import (
    FigureFacts,
    PlanFacts,
    display_unit,
    figure_clause,
    figure_sentence,
    is_growth_indicator,
    plan_text,
    points_text,
    shortfall_line,
    target_sentence,
    tasks_summary,
)
from tiendo.tasks.rules import TaskStatus

BUDGET = FigureFacts(
    name="Thu ngân sách nhà nước", unit="tỷ đồng", actual=D("10619"),
    plans=(PlanFacts(D("9950")),), verdict=Verdict.ACHIEVED,
    attainments=((D("33"), "dự toán Trung ương"),),
)


def test_achieved_level_figure_reads_as_the_report_writes_it():
    assert figure_sentence(BUDGET) == (
        "Thu ngân sách nhà nước đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng, đạt), "
        "bằng 33% dự toán Trung ương."
    )


def test_growth_rate_not_achieved_is_written_as_a_change():
    facts = FigureFacts(name="Tốc độ tăng trưởng GRDP", unit="%", actual=D("7.47"),
                        plans=(PlanFacts(D("9.77")),), verdict=Verdict.NOT_ACHIEVED)
    assert figure_clause(facts) == (
        "Tốc độ tăng trưởng GRDP tăng 7,47% so với cùng kỳ (KH: 9,77%, không đạt)")


def test_exceeded_uses_the_status_word_vuot():
    facts = FigureFacts(name="Thu ngân sách nhà nước", unit="tỷ đồng", actual=D("10619"),
                        plans=(PlanFacts(D("9950")),), verdict=Verdict.EXCEEDED)
    assert figure_clause(facts) == (
        "Thu ngân sách nhà nước đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng, vượt)")


def test_estimate_says_uoc_dat_with_attainment_of_year_plan_and_change():
    facts = FigureFacts(
        name="Tổng kim ngạch xuất khẩu", unit="triệu usd", actual=D("783"), is_estimate=True,
        plans=(PlanFacts(D("850")),), verdict=Verdict.NOT_ACHIEVED, change=D("0.6"),
        attainments=((D("21.81"), "kế hoạch năm"),),
    )
    assert figure_sentence(facts) == (
        "Tổng kim ngạch xuất khẩu ước đạt 783 triệu USD (KH: 850 triệu USD, không đạt), "
        "đạt 21,81% kế hoạch năm, tăng 0,6% so với cùng kỳ."
    )


def test_estimated_growth_says_uoc_tang():
    facts = FigureFacts(name="Sản xuất công nghiệp (so với cùng kỳ)", unit="%",
                        actual=D("9.19"), is_estimate=True)
    assert figure_sentence(facts) == "Sản xuất công nghiệp ước tăng 9,19% so với cùng kỳ."


def test_lower_is_better_figure_is_stated_with_la_and_a_cap():
    facts = FigureFacts(name="Tỷ lệ nợ xấu nội bảng", unit="%", actual=D("1.8"),
                        direction=Direction.LOWER,
                        plans=(PlanFacts(D("2"), Bound.LE),), verdict=Verdict.ACHIEVED)
    assert figure_sentence(facts) == (
        "Tỷ lệ nợ xấu nội bảng là 1,8% (KH: không quá 2%, đạt).")


def test_lower_is_better_count_below_ten_has_a_leading_zero_and_a_decrease():
    facts = FigureFacts(name="Số vụ tai nạn giao thông đường sắt", unit="vụ", actual=D("2"),
                        direction=Direction.LOWER, change=D("-10.65"),
                        plans=(PlanFacts(D("4"), Bound.LT),), verdict=Verdict.EXCEEDED)
    assert figure_sentence(facts) == (
        "Số vụ tai nạn giao thông đường sắt là 02 vụ (KH <04 vụ, vượt), "
        "giảm 10,65% so với cùng kỳ.")


def test_year_bound_and_quarter_plan_are_both_quoted():
    facts = FigureFacts(
        name="Tỷ lệ bảo hiểm y tế toàn dân", unit="%", actual=D("87.23"),
        plans=(PlanFacts(D("95"), Bound.GT, label="KH cả năm"),
               PlanFacts(D("86"), label="KH quý I")),
        verdict=Verdict.ACHIEVED,
    )
    assert figure_sentence(facts) == (
        "Tỷ lệ bảo hiểm y tế toàn dân đạt 87,23% (KH cả năm >95%, KH quý I: 86%, đạt).")


def test_missing_plan_gives_the_figure_alone():
    facts = FigureFacts(name="Tổng lượng khách du lịch", unit="nghìn lượt khách",
                        actual=D("6018.3"), change=D("22.5"))
    assert figure_sentence(facts) == (
        "Tổng lượng khách du lịch đạt 6.018,3 nghìn lượt khách, tăng 22,5% so với cùng kỳ.")


def test_missing_plan_never_prints_a_verdict_even_if_given():
    facts = FigureFacts(name="Vốn huy động", unit="tỷ đồng", actual=D("236800"),
                        verdict=Verdict.ACHIEVED)
    assert figure_sentence(facts) == "Vốn huy động đạt 236.800 tỷ đồng."


def test_missing_actual_says_no_figure_yet_with_the_plan():
    facts = FigureFacts(name="Tổng vốn đầu tư toàn xã hội", unit="tỷ đồng", actual=None,
                        plans=(PlanFacts(D("31000")),))
    assert figure_sentence(facts) == (
        "Tổng vốn đầu tư toàn xã hội: chưa có số liệu (KH: 31.000 tỷ đồng).")


def test_sub_indicators_follow_after_trong_do():
    parts = (
        FigureFacts(name="Khu vực I (nông, lâm, thủy)", unit="%", actual=D("5.39"),
                    plans=(PlanFacts(D("4.95")),), verdict=Verdict.EXCEEDED),
        FigureFacts(name="Khu vực III (dịch vụ)", unit="%", actual=D("8.2"),
                    plans=(PlanFacts(D("12.45")),), verdict=Verdict.NOT_ACHIEVED),
    )
    facts = FigureFacts(name="Tốc độ tăng trưởng GRDP", unit="%", actual=D("7.47"),
                        plans=(PlanFacts(D("9.77")),), verdict=Verdict.NOT_ACHIEVED,
                        parts=parts)
    assert figure_sentence(facts) == (
        "Tốc độ tăng trưởng GRDP tăng 7,47% so với cùng kỳ (KH: 9,77%, không đạt); trong đó: "
        "khu vực I (nông, lâm, thủy) đạt 5,39% (KH: 4,95%, vượt); "
        "Khu vực III (dịch vụ) đạt 8,2% (KH: 12,45%, không đạt).")


def test_sub_indicator_starting_with_an_acronym_keeps_its_capitals():
    parts = (FigureFacts(name="FDI đăng ký mới", unit="triệu usd", actual=D("120")),)
    facts = FigureFacts(name="Vốn đầu tư nước ngoài", unit="triệu usd", actual=D("300"),
                        parts=parts)
    assert figure_sentence(facts) == (
        "Vốn đầu tư nước ngoài đạt 300 triệu USD; trong đó: FDI đăng ký mới đạt 120 triệu USD.")


def test_a_decline_of_a_growth_indicator_says_giam():
    facts = FigureFacts(name="Số vụ phá rừng (so với cùng kỳ)", unit="%", actual=D("-47.3"),
                        direction=Direction.LOWER)
    assert figure_sentence(facts) == "Số vụ phá rừng giảm 47,3% so với cùng kỳ."


def test_flat_change_says_bang_cung_ky():
    facts = FigureFacts(name="Đàn gia súc", unit="con", actual=D("1904950"), change=D("0"))
    assert figure_sentence(facts) == "Đàn gia súc đạt 1.904.950 con, bằng cùng kỳ."


@pytest.mark.parametrize(("plan", "expected"), [
    (PlanFacts(D("9.77")), "KH: 9,77%"),
    (PlanFacts(D("70"), Bound.GT, label="KH cả năm"), "KH cả năm >70%"),
    (PlanFacts(D("4"), Bound.LT), "KH <4%"),
    (PlanFacts(D("10.86"), Bound.GE), "KH: từ 10,86% trở lên"),
    (PlanFacts(D("2"), Bound.LE), "KH: không quá 2%"),
    (PlanFacts(D("10"), Bound.ABOUT), "KH: khoảng 10%"),
    (PlanFacts(D("6.6"), Bound.RANGE, D("6.8")), "KH: 6,6–6,8%"),
])
def test_plan_text_per_bound(plan, expected):
    assert plan_text(plan, "%") == expected


def test_units_are_written_with_their_usual_capitals():
    assert display_unit("triệu usd") == "triệu USD"
    assert display_unit("mw") == "MW"
    assert display_unit("triệu kwh") == "triệu kWh"
    assert display_unit("tỷ đồng") == "tỷ đồng"


@pytest.mark.parametrize(("name", "unit", "growth"), [
    ("Tốc độ tăng trưởng GRDP", "%", True),
    ("Tăng trưởng công nghiệp", "%", True),
    ("Xuất khẩu cà phê (so với cùng kỳ)", "%", True),
    ("Tỷ lệ bảo hiểm y tế toàn dân", "%", False),
    ("Tăng trưởng tín dụng", "tỷ đồng", False),
])
def test_growth_indicators_are_rates_named_as_growth(name, unit, growth):
    assert is_growth_indicator(name, unit) is growth


def test_shortfall_line_compares_rates_in_percentage_points():
    facts = FigureFacts(name="Tốc độ tăng trưởng GRDP", unit="%", actual=D("7.47"),
                        plans=(PlanFacts(D("9.77")),), verdict=Verdict.NOT_ACHIEVED)
    assert shortfall_line(facts, D("76.46")) == (
        "Tốc độ tăng trưởng GRDP: thực hiện 7,47%, KH: 9,77% (thấp hơn kế hoạch 2,30 điểm %).")


def test_shortfall_line_of_a_level_gives_its_attainment():
    facts = FigureFacts(name="Tổng kim ngạch xuất khẩu", unit="triệu usd", actual=D("783"),
                        plans=(PlanFacts(D("850")),), verdict=Verdict.NOT_ACHIEVED)
    assert shortfall_line(facts, D("92.12")) == (
        "Tổng kim ngạch xuất khẩu: thực hiện 783 triệu USD, KH: 850 triệu USD (đạt 92,12% "
        "kế hoạch).")


@pytest.mark.parametrize(("facts", "sentence"), [
    (FigureFacts(name="Số vụ xử lý hình sự", unit="vụ", actual=D("6")),
     "Xử lý hình sự 06 vụ."),
    (FigureFacts(name="Số vụ vi phạm lâm nghiệp đã xử lý", unit="vụ", actual=D("151")),
     "Đã xử lý 151 vụ vi phạm lâm nghiệp."),
    (FigureFacts(name="Số vụ tai nạn giao thông", unit="vụ", actual=D("193"),
                 direction=Direction.LOWER),
     "Số vụ tai nạn giao thông là 193 vụ."),
    (FigureFacts(name="Sản phẩm chủ lực tăng trưởng tốt", unit="sản phẩm", actual=D("17"),
                 of_total=D("18")),
     "Sản phẩm chủ lực tăng trưởng tốt đạt 17/18 sản phẩm."),
    (FigureFacts(name="Phạm vi dịch", unit="hộ", actual=D("3"), of_total=D("3"),
                 of_total_unit="xã", direction=Direction.LOWER),
     "Phạm vi dịch là 03 hộ/03 xã."),
    (FigureFacts(name="Xuất khẩu da giày (so với cùng kỳ)", unit="lần", actual=D("2.3")),
     "Xuất khẩu da giày tăng gấp 2,3 lần so với cùng kỳ."),
    (FigureFacts(name="Thu ngân sách", unit="tỷ đồng", actual=D("10619"), change=D("21"),
                 ratio=D("121")),
     "Thu ngân sách đạt 10.619 tỷ đồng, bằng 121% so với cùng kỳ."),
])
def test_wording_by_kind_of_indicator(facts, sentence):
    assert figure_sentence(facts) == sentence


@pytest.mark.parametrize(("actual", "plan", "text"), [
    ("7.47", "9.77", "thấp hơn kế hoạch 2,30 điểm %"),
    ("5.39", "4.95", "cao hơn kế hoạch 0,44 điểm %"),
    ("8", "8", "bằng kế hoạch"),
])
def test_points_text(actual, plan, text):
    assert points_text(D(actual), D(plan)) == text


@pytest.mark.parametrize(("args", "sentence"), [
    (("Thu ngân sách nhà nước", "tỷ đồng", Bound.EQ, D("8250")),
     "Phấn đấu thu ngân sách nhà nước đạt 8.250 tỷ đồng."),
    (("Tỷ lệ nợ xấu nội bảng", "%", Bound.LE, D("2")), "Tỷ lệ nợ xấu nội bảng không quá 2%."),
    (("Tăng trưởng công nghiệp", "%", Bound.GE, D("10.86")),
     "Phấn đấu tăng trưởng công nghiệp đạt từ 10,86% trở lên."),
    (("GRDP", "%", Bound.RANGE, D("6.6"), D("6.8")), "Phấn đấu GRDP đạt từ 6,6 đến 6,8%."),
])
def test_target_sentence_of_part_b(args, sentence):
    assert target_sentence(*args) == sentence


def test_tasks_summary_counts_on_time_and_overdue_with_leading_zeros():
    statuses = [TaskStatus.DONE_ON_TIME] * 6 + [TaskStatus.OVERDUE] * 3
    assert tasks_summary(statuses, period_label="quý I/2026") == (
        "Trong quý I/2026, trên tổng số 09 nhiệm vụ: hoàn thành đúng tiến độ 06 nhiệm vụ; "
        "03 nhiệm vụ đã đến hạn nhưng chưa hoàn thành (chi tiết tại Phụ lục kèm theo).")


def test_tasks_summary_names_late_and_in_progress_tasks():
    statuses = ["done_on_time"] * 12 + ["done_late", "in_progress", "in_progress"]
    assert tasks_summary(statuses, period_label="quý II/2026") == (
        "Trong quý II/2026, trên tổng số 15 nhiệm vụ: hoàn thành đúng tiến độ 12 nhiệm vụ; "
        "hoàn thành chậm tiến độ 01 nhiệm vụ; 02 nhiệm vụ đang thực hiện trong hạn "
        "(chi tiết tại Phụ lục kèm theo).")


def test_tasks_summary_without_tasks():
    assert tasks_summary([], period_label="tháng 4/2026") == (
        "Trong tháng 4/2026, không có nhiệm vụ nào đến hạn.")
