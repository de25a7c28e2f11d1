from datetime import date
from decimal import Decimal

import pytest

from tiendo.indicators.rules import Bound, TargetSpec
from tiendo.planning.rules import YearLine, elapsed_pct, term_progress

D = Decimal
START, END = date(2025, 1, 1), date(2030, 12, 31)


@pytest.mark.parametrize("on, expected", [
    (date(2024, 6, 1), D(0)), (date(2031, 1, 1), D(100)), (date(2026, 3, 31), D("20.7")),
])
def test_elapsed_share_of_the_term(on, expected):
    assert elapsed_pct(START, END, on) == expected


def test_a_summed_target_adds_the_years_and_is_behind_when_slower_than_time():
    years = [YearLine(2025, None, D(40000)), YearLine(2026, None, D(10619), "Quý I/2026")]
    p = term_progress(target=TargetSpec(D(300000), Bound.GE), direction="higher", rollup="sum",
                      years=years, start=START, end=END, on=date(2026, 3, 31), unit="tỷ đồng")
    assert p.value == D(50619)
    assert p.attainment == D("16.87")
    assert p.on_track is False
    assert p.sentence_vi == (
        "Đến nay 50.619 tỷ đồng (cộng 2 năm): đạt 16,87% mục tiêu nhiệm kỳ (từ 300.000 trở "
        "lên tỷ đồng); đã qua 20,7% thời gian nhiệm kỳ — chậm so với tiến độ.")


def test_a_rate_reads_the_latest_value_and_is_on_track_when_it_meets_its_year():
    years = [YearLine(2026, TargetSpec(D(86), Bound.EQ), D("87.23"), "Quý I/2026"),
             YearLine(2027, TargetSpec(D("95.5"), Bound.GE), None)]
    p = term_progress(target=TargetSpec(D(97), Bound.GE), direction="higher", rollup="none",
                      years=years, start=START, end=END, on=date(2026, 3, 31), unit="%")
    assert p.value == D("87.23")
    assert p.attainment == D("89.93")
    assert p.on_track is True
    assert p.sentence_vi.startswith("Đến nay 87,23% (số mới nhất, Quý I/2026): đạt 89,93% mục "
                                    "tiêu nhiệm kỳ (từ 97 trở lên%)")


def test_no_figure_yet_says_so():
    p = term_progress(target=TargetSpec(D(97), Bound.GE), direction="higher", rollup="none",
                      years=[YearLine(2026, None, None)], start=START, end=END,
                      on=date(2025, 7, 1))
    assert (p.value, p.on_track) == (None, None)
    assert p.sentence_vi.startswith("Chưa có số liệu của nhiệm kỳ")
