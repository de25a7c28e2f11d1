"""tiendo.lib's messages in the active language: labels, errors and the reasons nested in them."""

from datetime import date

import pytest
from django.utils import translation

from tiendo.lib.periods import TERM, Period, PeriodError, parse_period
from tiendo.lib.vn_numbers import VnNumberError, parse_vn_number
from tiendo.shared.i18n import in_language, translate


@pytest.mark.parametrize(
    ("period", "label_en"),
    [
        (Period(2026, "year", 0), "Year 2026"),
        (Period(2026, "half", 1), "First half of 2026"),
        (Period(2026, "half", 2), "Second half of 2026"),
        (Period(2026, "quarter", 1), "Q1 2026"),
        (Period(2026, "quarter", 2), "Q2 2026"),
        (Period(2026, "quarter", 4), "Q4 2026"),
        (Period(2026, "month", 4), "April 2026"),
        (Period(2024, "month", 2), "February 2024"),
        (Period(2026, "month", 2), "February 2026"),
        (Period(2026, "ytd", 9), "First 9 months of 2026"),
        (Period(2026, "ytd", 1), "First 1 month of 2026"),
        (Period(2025, TERM, 2030), "Term 2025–2030"),
    ],
)
def test_a_period_label_reads_in_english_on_english_pages(period, label_en):
    with translation.override("en"):
        assert translate(period.label) == label_en
    with translation.override("vi"):
        assert translate(period.label) == period.label_vi == str(period.label)


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_has_its_english_name(month):
    label = in_language("en", Period(2026, "month", month).label)
    assert label == f"{date(2026, month, 1):%B} 2026"


@pytest.mark.parametrize("text", ["2026-Q5", "quý V/2026", "1 năm 2026", "3000-Q1"])
def test_a_period_error_reads_in_english_and_stays_vietnamese_as_text(text):
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    assert in_language("en", info.value).startswith(f'Unknown period "{text}".')
    assert in_language("vi", info.value) == str(info.value)
    assert str(info.value).startswith(f'Không hiểu kỳ "{text}".')


@pytest.mark.parametrize(
    ("text", "reason_en"),
    [
        ("4.0", "a dot separates thousands and must be followed by exactly 3 digits; "),
        ("abc", "use digits, dots between thousands and a decimal comma only "),
        ("", "no number was given."),
    ],
)
def test_a_number_error_translates_its_reason_too(text, reason_en):
    with pytest.raises(VnNumberError) as info:
        parse_vn_number(text)
    assert in_language("en", info.value).startswith(f'Cannot read the number "{text}": {reason_en}')
    assert in_language("vi", info.value) == str(info.value)


def test_the_active_language_decides():
    error = PeriodError("Năm %(year)s nằm ngoài khoảng cho phép (%(low)s–%(high)s).",
                        year=3000, low=1900, high=2999)
    with translation.override("en"):
        assert translate(error) == "Year 3000 is outside the allowed range (1900–2999)."
    with translation.override("vi"):
        assert translate(error) == "Năm 3000 nằm ngoài khoảng cho phép (1900–2999)."

