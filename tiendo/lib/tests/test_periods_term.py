from datetime import date

import pytest

from tiendo.lib.periods import TERM, Period, PeriodError, parse_period


@pytest.mark.parametrize("text", ["2025-2030", "nhiệm kỳ 2025 - 2030", "Nhiệm kỳ 2025-2030",
                                  "NHIEM KY 2025 - 2030", "giai đoạn 2025 đến 2030"])
def test_a_term_is_read_in_code_or_in_words(text):
    assert parse_period(text) == Period(2025, TERM, 2030)


def test_a_term_covers_its_years_from_january_to_december():
    term = parse_period("2025-2030")
    assert (term.code, term.label_vi) == ("2025-2030", "Nhiệm kỳ 2025 - 2030")
    assert (term.start, term.end, term.months) == (date(2025, 1, 1), date(2030, 12, 31), 72)
    assert [y.code for y in term.years_in()] == ["2025", "2026", "2027", "2028", "2029", "2030"]
    assert len(term.months_in()) == 72
    assert len(term.quarter_periods_in()) == 24
    assert term.contains(date(2027, 5, 1)) and not term.contains(date(2031, 1, 1))


def test_terms_follow_each_other():
    term = parse_period("2025-2030")
    assert term.previous().code == "2020-2025"
    assert term.next().code == "2030-2035"
    assert term.same_period_last_year() == term.previous()
    assert parse_period(term.label_vi) == term


@pytest.mark.parametrize("text", ["2030-2025", "2025-2025", "2025-2040"])
def test_a_term_must_run_forward_one_to_ten_years(text):
    with pytest.raises(PeriodError):
        parse_period(text)
    with pytest.raises(PeriodError):
        Period(int(text[:4]), TERM, int(text[5:]))


def test_a_month_code_is_still_a_month():
    assert parse_period("2026-04") == Period(2026, "month", 4)
