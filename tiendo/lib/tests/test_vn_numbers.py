"""Table-driven tests of Vietnamese number parsing and formatting (no database)."""

from decimal import Decimal

import pytest

from tiendo.lib.vn_numbers import (
    REASON_BAD_DOT_GROUP,
    REASON_EMPTY,
    REASON_SYNTAX,
    VnNumberError,
    format_count,
    format_vn_number,
    format_vn_percent,
    parse_decimal_input,
    parse_vn_number,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.619", D("10619")),
        ("7,47", D("7.47")),
        ("6.018,3", D("6018.3")),
        ("3.060,1960", D("3060.196")),
        ("03", D("3")),
        ("1.904.950", D("1904950")),
        ("-4,13", D("-4.13")),
        ("– 4,13", D("-4.13")),  # en dash and a space
        ("\u22124,13", D("-4.13")),  # minus sign
        ("\u2014 4,13", D("-4.13")),  # em dash
        ("+4,13", D("4.13")),
        ("  100  ", D("100")),
        ("\u00a0100\u00a0", D("100")),  # non-breaking spaces around
        ("100", D("100")),
        ("0,6", D("0.6")),
        ("9.950", D("9950")),
        ("0", D("0")),
        ("-0", D("0")),
        ("10619", D("10619")),
        ("1.000.000.000,05", D("1000000000.05")),
        ("12,000", D("12")),
        ("999", D("999")),
        ("1.000", D("1000")),
    ],
)
def test_parse_vn_number_reads_vietnamese_writing(text, expected):
    value = parse_vn_number(text)
    assert value == expected
    assert isinstance(value, Decimal)


def test_parse_vn_number_keeps_written_decimals():
    assert parse_vn_number("3.060,1960") == D("3060.1960")
    assert str(parse_vn_number("7,50")) == "7.50"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("4.0", REASON_BAD_DOT_GROUP),
        ("9.95", REASON_BAD_DOT_GROUP),
        ("1.2345", REASON_BAD_DOT_GROUP),
        ("1234.567", REASON_BAD_DOT_GROUP),
        ("10.619.5", REASON_BAD_DOT_GROUP),
        ("1.23,5", REASON_BAD_DOT_GROUP),
        ("abc", REASON_SYNTAX),
        ("", REASON_EMPTY),
        ("   ", REASON_EMPTY),
        ("7,", REASON_SYNTAX),
        (",5", REASON_SYNTAX),
        ("7,4,7", REASON_SYNTAX),
        ("7,47%", REASON_SYNTAX),
        ("10 619", REASON_SYNTAX),
        ("-", REASON_SYNTAX),
        ("--4", REASON_SYNTAX),
        (".5", REASON_SYNTAX),
        ("5.", REASON_SYNTAX),
        ("1e3", REASON_SYNTAX),
        ("١٢", REASON_SYNTAX),  # Arabic-Indic digits are not accepted
        ("NaN", REASON_SYNTAX),
    ],
)
def test_parse_vn_number_rejects_other_writing_with_a_vietnamese_message(text, reason):
    with pytest.raises(VnNumberError) as info:
        parse_vn_number(text)
    assert str(info.value) == f'Không đọc được số "{text}": {reason}'
    assert info.value.text == text
    assert isinstance(info.value, ValueError)


def test_dot_with_one_decimal_is_rejected_because_a_dot_always_groups_thousands():
    with pytest.raises(VnNumberError, match=r'^Không đọc được số "4\.0": dấu chấm'):
        parse_vn_number("4.0")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.619,5", D("10619.5")),
        ("10619.5", D("10619.5")),
        ("7.47", D("7.47")),
        ("0.6", D("0.6")),
        ("1.2345", D("1.2345")),
        ("-3.5", D("-3.5")),
        ("– 3.5", D("-3.5")),
        ("9.950", D("9950")),
        ("1.904.950", D("1904950")),
        ("100", D("100")),
        ("7,47", D("7.47")),
        (" 12 ", D("12")),
    ],
)
def test_parse_decimal_input_accepts_vietnamese_and_machine_forms(text, expected):
    assert parse_decimal_input(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "1234.567", "7.4,7", "1,2.5", "1.5.", "."])
def test_parse_decimal_input_rejects_ambiguous_or_bad_text(text):
    with pytest.raises(VnNumberError):
        parse_decimal_input(text)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (None, None, ""),
        (None, 2, ""),
        (10619, None, "10.619"),
        (D("7.47"), None, "7,47"),
        (D("6018.3"), None, "6.018,3"),
        (D("3060.196"), None, "3.060,196"),
        (D("3060.1960"), None, "3.060,196"),
        (D("7.50"), None, "7,5"),
        (D("10619.00"), None, "10.619"),
        (D("7.5"), 2, "7,50"),
        (D("7.005"), 2, "7,01"),  # ROUND_HALF_UP
        (D("7.004"), 2, "7,00"),
        (D("2.5"), 0, "3"),
        (D("-2.5"), 0, "-3"),
        (D("-4.13"), None, "-4,13"),
        (D("-0.001"), 2, "0,00"),  # no "-0,00"
        (D("-0"), None, "0"),
        (0, None, "0"),
        (D("0.6"), None, "0,6"),
        (1904950, None, "1.904.950"),
        (1000000, None, "1.000.000"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (D("1E+3"), None, "1.000"),
        (D("1.23E-7"), None, "0,000000123"),
        (D("123456.789"), 1, "123.456,8"),
        (D("-1234567.891"), 2, "-1.234.567,89"),
        (7.47, None, "7,47"),
        ("6018.3", None, "6.018,3"),
        (D("12345678901234567890123456789.5"), 0, "12.345.678.901.234.567.890.123.456.790"),
    ],
)
def test_format_vn_number(value, decimals, expected):
    assert format_vn_number(value, decimals) == expected


@pytest.mark.parametrize("value", [D("NaN"), D("Infinity"), "abc"])
def test_format_vn_number_rejects_non_finite_values(value):
    with pytest.raises(ValueError):
        format_vn_number(value)


def test_format_vn_number_rejects_bools():
    with pytest.raises(TypeError):
        format_vn_number(True)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (D("7.47"), None, "7,47%"),
        (D("22.45"), 2, "22,45%"),
        (D("80.3"), 2, "80,30%"),
        (100, None, "100%"),
        (D("-4.13"), None, "-4,13%"),
        (None, None, ""),
    ],
)
def test_format_vn_percent_has_no_space_before_the_sign(value, decimals, expected):
    assert format_vn_percent(value, decimals) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "00"), (3, "03"), (9, "09"), (10, "10"), (12, "12"), (124, "124"), (1234, "1.234")],
)
def test_format_count_writes_a_leading_zero_below_ten(n, expected):
    assert format_count(n) == expected


def test_format_count_rejects_non_integers():
    with pytest.raises(TypeError):
        format_count(D("3"))


# --- property tests ---------------------------------------------------------------------------
from decimal import ROUND_HALF_UP  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

finite_decimals = st.decimals(
    min_value=Decimal("-1e18"), max_value=Decimal("1e18"), allow_nan=False, allow_infinity=False
)
NUMBERISH = st.text(alphabet="0123456789.,-–−+ \u00a0%abcE", max_size=20)


@given(finite_decimals)
def test_format_then_parse_gives_back_the_value(value):
    text = format_vn_number(value)
    assert parse_vn_number(text) == value
    assert parse_decimal_input(text) == value


@given(finite_decimals, st.integers(min_value=0, max_value=6))
def test_format_with_fixed_decimals_rounds_half_up(value, decimals):
    text = format_vn_number(value, decimals)
    expected = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert parse_vn_number(text) == expected
    frac = text.partition(",")[2]
    assert len(frac) == decimals


@given(st.integers(min_value=-(10**24), max_value=10**24))
def test_integers_are_grouped_by_thousands(n):
    text = format_vn_number(n)
    assert "," not in text
    groups = text.lstrip("-").split(".")
    assert 1 <= len(groups[0]) <= 3
    assert all(len(g) == 3 for g in groups[1:])
    assert parse_vn_number(text) == n


@given(st.integers(min_value=0, max_value=10**9))
def test_counts_read_back(n):
    assert parse_vn_number(format_count(n)) == n


@given(st.one_of(st.text(max_size=40), NUMBERISH))
def test_parse_vn_number_raises_only_vn_number_error(text):
    try:
        value = parse_vn_number(text)
    except VnNumberError as exc:
        assert str(exc).startswith("Không đọc được số ")
    else:
        assert value.is_finite()


@given(st.one_of(st.text(max_size=40), NUMBERISH))
def test_parse_decimal_input_raises_only_vn_number_error(text):
    try:
        value = parse_decimal_input(text)
    except VnNumberError as exc:
        assert str(exc).startswith("Không đọc được số ")
    else:
        assert value.is_finite()


@given(st.decimals(min_value=0, max_value=Decimal("1e12"), places=2))
def test_machine_form_with_two_decimals_is_read_as_a_decimal_point(value):
    text = format(value, "f")  # "10619.50": two decimals after the dot, never three
    assert parse_decimal_input(text) == value


def test_negative_numbers_keep_every_digit_beyond_the_decimal_context():
    text = "-0," + "0" * 27 + "87035712358086751234616356239"
    assert parse_vn_number(text) == Decimal("-8.7035712358086751234616356239E-28")
