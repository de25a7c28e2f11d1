from datetime import date, datetime
from decimal import Decimal

import pytest

from tiendo.transfer import rules


@pytest.mark.parametrize("raw, expected", [
    (10619, Decimal("10619")),
    (7.47, Decimal("7.47")),
    ("10.619", Decimal("10619")),
    ("7,47", Decimal("7.47")),
    ("6.018,3", Decimal("6018.3")),
    ("3060,196", Decimal("3060.196")),
    ("0.6", Decimal("0.6")),
    ("-4,13", Decimal("-4.13")),
])
def test_numbers_are_read_as_cells_or_vietnamese_text(raw, expected):
    assert rules.parse_decimal(raw) == expected


@pytest.mark.parametrize("raw", ["abc", "1,2,3", True, "1,23456", "1e20", 1e17])
def test_a_cell_that_is_not_a_number_says_a_number_was_expected(raw):
    with pytest.raises(rules.CellError) as err:
        rules.parse_decimal(raw)
    assert "số" in err.value.expected_vi
    assert "number" in err.value.expected_en


@pytest.mark.parametrize("raw, expected", [
    ("30/06/2026", date(2026, 6, 30)),
    ("2026-06-30", date(2026, 6, 30)),
    (datetime(2026, 6, 30, 0, 0), date(2026, 6, 30)),
])
def test_dates_are_read_as_cells_or_day_month_year(raw, expected):
    assert rules.parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["31/02/2026", "mai", "2026/30/06"])
def test_a_bad_date_is_refused(raw):
    with pytest.raises(rules.CellError):
        rules.parse_date(raw)


@pytest.mark.parametrize("raw, expected", [
    ("x", True), ("X", True), ("có", True), ("Có", True), (True, True), (1, True),
    ("", False), ("không", False), (False, False), (0, False),
])
def test_yes_no_cells(raw, expected):
    assert rules.parse_bool(raw) is expected


def test_a_choice_is_read_by_value_or_by_label_without_accents():
    choices = {"higher": "Càng cao càng tốt", "lower": "Càng thấp càng tốt"}
    assert rules.parse_choice("higher", choices) == "higher"
    assert rules.parse_choice("cang thap cang tot", choices) == "lower"
    with pytest.raises(rules.CellError) as err:
        rules.parse_choice("up", choices)
    assert err.value.expected_en == "one of: higher, lower"


@pytest.mark.parametrize("raw, code", [
    ("quý I/2026", "2026-Q1"), ("2026", "2026"), (2026, "2026"), ("6 tháng đầu năm 2026",
                                                                    "2026-H1"),
])
def test_periods_are_stored_in_their_standard_code(raw, code):
    assert rules.parse_period_code(raw) == code


def test_codes_are_split_on_commas_and_checked():
    assert rules.parse_codes("so-a, so-b;so-c") == ["so-a", "so-b", "so-c"]
    with pytest.raises(rules.CellError):
        rules.parse_codes("so a")


@pytest.mark.parametrize("items, expected", [
    ([("a", None), ("b", "a")], ["a", "b"]),
    ([("c", "b"), ("b", "a"), ("a", None)], ["a", "b", "c"]),
    ([("b", "x"), ("a", "b")], ["b", "a"]),
    ([("a", "b"), ("b", "a")], None),
])
def test_rows_are_ordered_parents_first_and_cycles_found(items, expected):
    assert rules.order_by_parent(items) == expected


def test_an_error_names_the_sheet_row_column_and_expectation_in_both_languages():
    e = rules.RowError("Kế hoạch", 2, "Giá trị", "abc", "một số", "a number")
    assert e.message == ("Sheet “Kế hoạch”, dòng 2, cột “Giá trị”: một số (đang ghi “abc”). "
                         "(a number)")
