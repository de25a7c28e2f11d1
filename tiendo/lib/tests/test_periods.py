"""Table-driven tests of reporting periods (no database)."""

from datetime import date

import pytest

from tiendo.lib.periods import (
    MAX_YEAR,
    MIN_YEAR,
    Period,
    PeriodError,
    parse_period,
    period_of_date,
    quarter_roman,
)

Y = Period(2026, "year", 0)
H1 = Period(2026, "half", 1)
H2 = Period(2026, "half", 2)
Q1 = Period(2026, "quarter", 1)
Q2 = Period(2026, "quarter", 2)
Q4 = Period(2026, "quarter", 4)
M4 = Period(2026, "month", 4)
YTD9 = Period(2026, "ytd", 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-Q1", Q1),
        ("2026Q1", Q1),
        ("2026 q1", Q1),
        ("Q1/2026", Q1),
        ("q1-2026", Q1),
        ("Q1 2026", Q1),
        ("quý I/2026", Q1),
        ("Quý I năm 2026", Q1),
        ("QUÝ I NĂM 2026", Q1),
        ("quý 1/2026", Q1),
        ("quý I - 2026", Q1),
        ("quy i/2026", Q1),
        ("  quý   I / 2026 ", Q1),
        ("quý II/2026", Q2),
        ("quý IV/2026", Q4),
        ("Quý III/2026", Period(2026, "quarter", 3)),
        ("2026", Y),
        ("năm 2026", Y),
        ("Năm 2026", Y),
        ("cả năm 2026", Y),
        ("2026-H1", H1),
        ("2026H2", H2),
        ("H1/2026", H1),
        ("6 tháng đầu năm 2026", H1),
        ("06 tháng đầu năm 2026", H1),
        ("6 tháng cuối năm 2026", H2),
        ("6 THÁNG ĐẦU NĂM 2026", H1),
        ("9 tháng năm 2026", YTD9),
        ("9 tháng đầu năm 2026", YTD9),
        ("2026-9M", YTD9),
        ("2026-9m", YTD9),
        ("6 tháng năm 2026", Period(2026, "ytd", 6)),
        ("2026-12M", Period(2026, "ytd", 12)),
        ("3 tháng đầu năm 2026", Period(2026, "ytd", 3)),
        ("2026-04", M4),
        ("2026-4", M4),
        ("tháng 4/2026", M4),
        ("Tháng 4/2026", M4),
        ("tháng 04 năm 2026", M4),
        ("tháng 12/2025", Period(2025, "month", 12)),
        ("04/2026", M4),
        ("4-2026", M4),
    ],
)
def test_parse_period_reads_codes_and_vietnamese(text, expected):
    assert parse_period(text) == expected


def test_parse_period_accepts_decomposed_unicode():
    import unicodedata

    assert parse_period(unicodedata.normalize("NFD", "Quý II năm 2026")) == Q2


@pytest.mark.parametrize(
    "text",
    [
        "2026-Q5",
        "2026-Q0",
        "quý V/2026",
        "2026-H3",
        "2026-13",
        "tháng 13/2026",
        "2026-0M",
        "2026-13M",
        "13 tháng năm 2026",
        "",
        "abc",
        "Q1",
        "26-Q1",
        "1 năm 2026",
        "1899",
        "3000-Q1",
        "2026-Q1-extra",
    ],
)
def test_parse_period_rejects_unknown_text_with_a_vietnamese_message(text):
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    assert str(info.value) == (
        f'Không hiểu kỳ "{text}". Dùng dạng 2026-Q1, quý I/2026, 2026-04, 2026 '
        "hoặc 6 tháng đầu năm 2026."
    )
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("period", "code", "label_vi", "start", "end", "months"),
    [
        (Y, "2026", "Năm 2026", date(2026, 1, 1), date(2026, 12, 31), 12),
        (
            H1,
            "2026-H1",
            "6 tháng đầu năm 2026",
            date(2026, 1, 1),
            date(2026, 6, 30),
            6,
        ),
        (
            H2,
            "2026-H2",
            "6 tháng cuối năm 2026",
            date(2026, 7, 1),
            date(2026, 12, 31),
            6,
        ),
        (Q1, "2026-Q1", "Quý I/2026", date(2026, 1, 1), date(2026, 3, 31), 3),
        (Q2, "2026-Q2", "Quý II/2026", date(2026, 4, 1), date(2026, 6, 30), 3),
        (Q4, "2026-Q4", "Quý IV/2026", date(2026, 10, 1), date(2026, 12, 31), 3),
        (M4, "2026-04", "Tháng 4/2026", date(2026, 4, 1), date(2026, 4, 30), 1),
        (
            Period(2024, "month", 2),
            "2024-02",
            "Tháng 2/2024",
            date(2024, 2, 1),
            date(2024, 2, 29),
            1,
        ),
        (
            Period(2026, "month", 2),
            "2026-02",
            "Tháng 2/2026",
            date(2026, 2, 1),
            date(2026, 2, 28),
            1,
        ),
        (
            YTD9,
            "2026-9M",
            "9 tháng năm 2026",
            date(2026, 1, 1),
            date(2026, 9, 30),
            9,
        ),
        (
            Period(2026, "ytd", 1),
            "2026-1M",
            "1 tháng năm 2026",
            date(2026, 1, 1),
            date(2026, 1, 31),
            1,
        ),
    ],
)
def test_period_properties(period, code, label_vi, start, end, months):
    assert period.code == code
    assert str(period) == code
    assert period.label_vi == label_vi
    assert period.start == start
    assert period.end == end
    assert period.months == months
    assert parse_period(code) == period
    assert parse_period(label_vi) == period


@pytest.mark.parametrize(
    ("period", "previous", "last_year"),
    [
        (Y, Period(2025, "year", 0), Period(2025, "year", 0)),
        (H1, Period(2025, "half", 2), Period(2025, "half", 1)),
        (H2, H1, Period(2025, "half", 2)),
        (Q1, Period(2025, "quarter", 4), Period(2025, "quarter", 1)),
        (Q2, Q1, Period(2025, "quarter", 2)),
        (Period(2026, "month", 1), Period(2025, "month", 12), Period(2025, "month", 1)),
        (M4, Period(2026, "month", 3), Period(2025, "month", 4)),
        (YTD9, Period(2026, "ytd", 8), Period(2025, "ytd", 9)),
        (Period(2026, "ytd", 1), Period(2025, "ytd", 12), Period(2025, "ytd", 1)),
    ],
)
def test_previous_and_same_period_last_year(period, previous, last_year):
    assert period.previous() == previous
    assert previous.next() == period
    assert period.same_period_last_year() == last_year


def test_year_period_contains_and_breakdowns():
    assert Q2.year_period() == Y
    assert M4.year_period() == Y
    assert Q1.contains(date(2026, 1, 1))
    assert Q1.contains(date(2026, 3, 31))
    assert not Q1.contains(date(2026, 4, 1))
    assert not Q1.contains(date(2025, 12, 31))
    assert Q2.months_in() == [Period(2026, "month", m) for m in (4, 5, 6)]
    assert H2.quarter_periods_in() == [Period(2026, "quarter", 3), Q4]
    assert YTD9.quarter_periods_in() == [Q1, Q2, Period(2026, "quarter", 3)]
    assert Y.quarter_periods_in() == [Period(2026, "quarter", q) for q in (1, 2, 3, 4)]
    assert M4.quarter_periods_in() == []
    assert len(Y.months_in()) == 12


@pytest.mark.parametrize(
    ("d", "kind", "expected"),
    [
        (date(2026, 4, 15), "year", Y),
        (date(2026, 6, 30), "half", H1),
        (date(2026, 7, 1), "half", H2),
        (date(2026, 3, 31), "quarter", Q1),
        (date(2026, 4, 1), "quarter", Q2),
        (date(2026, 12, 31), "quarter", Q4),
        (date(2026, 4, 30), "month", M4),
        (date(2026, 9, 1), "ytd", YTD9),
    ],
)
def test_period_of_date(d, kind, expected):
    assert period_of_date(d, kind) == expected
    assert expected.contains(d)


def test_period_of_date_rejects_unknown_kind():
    with pytest.raises(PeriodError, match="Loại kỳ"):
        period_of_date(date(2026, 1, 1), "week")


@pytest.mark.parametrize(
    ("year", "kind", "index"),
    [
        (2026, "quarter", 0),
        (2026, "quarter", 5),
        (2026, "half", 3),
        (2026, "month", 13),
        (2026, "ytd", 0),
        (2026, "year", 1),
        (2026, "week", 1),
        (MIN_YEAR - 1, "year", 0),
        (MAX_YEAR + 1, "year", 0),
    ],
)
def test_invalid_periods_are_refused(year, kind, index):
    with pytest.raises(PeriodError):
        Period(year, kind, index)


def test_periods_are_hashable_and_ordered_within_a_kind():
    assert {Q1, parse_period("quý I/2026")} == {Q1}
    assert sorted([Q4, Q2, Q1, Period(2025, "quarter", 4)]) == [
        Period(2025, "quarter", 4),
        Q1,
        Q2,
        Q4,
    ]


@pytest.mark.parametrize(("n", "roman"), [(1, "I"), (2, "II"), (3, "III"), (4, "IV")])
def test_quarter_roman(n, roman):
    assert quarter_roman(n) == roman


@pytest.mark.parametrize("n", [0, 5, -1])
def test_quarter_roman_rejects_other_numbers(n):
    with pytest.raises(PeriodError):
        quarter_roman(n)


# --- property tests ---------------------------------------------------------------------------
import contextlib  # noqa: E402
from datetime import timedelta  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tiendo.lib.periods import KINDS  # noqa: E402

_INDEXES = {"year": (0, 0), "half": (1, 2), "quarter": (1, 4), "month": (1, 12), "ytd": (1, 12)}
years = st.integers(min_value=MIN_YEAR + 1, max_value=MAX_YEAR - 1)
periods = st.sampled_from(KINDS).flatmap(
    lambda kind: st.builds(
        Period,
        years,
        st.just(kind),
        st.integers(min_value=_INDEXES[kind][0], max_value=_INDEXES[kind][1]),
    )
)


@given(periods)
def test_code_and_vietnamese_label_parse_back(period):
    assert parse_period(period.code) == period
    assert parse_period(period.label_vi) == period
    assert parse_period(period.label_vi.upper()) == period
    assert parse_period(f"  {period.code.lower()}  ") == period


@given(periods)
def test_navigation_is_consistent(period):
    assert period.previous().next() == period
    assert period.next().previous() == period
    assert period.previous() < period < period.next()
    last_year = period.same_period_last_year()
    assert (last_year.kind, last_year.index, last_year.months) == (
        period.kind,
        period.index,
        period.months,
    )
    assert period.year_period().contains(period.start)
    assert period.year_period().contains(period.end)


@given(periods)
def test_start_end_and_months_agree(period):
    assert period.contains(period.start)
    assert period.contains(period.end)
    assert not period.contains(period.start - timedelta(days=1))
    assert not period.contains(period.end + timedelta(days=1))
    months = period.months_in()
    assert len(months) == period.months
    assert months[0].start == period.start
    assert months[-1].end == period.end


@given(
    st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31)),
    st.sampled_from(KINDS),
)
def test_period_of_date_contains_the_date(d, kind):
    period = period_of_date(d, kind)
    assert period.kind == kind
    assert period.contains(d)


@given(st.text(max_size=40))
def test_parse_period_raises_only_period_error(text):
    try:
        period = parse_period(text)
    except PeriodError as exc:
        assert str(exc).startswith("Không hiểu kỳ ")
    else:
        assert isinstance(period, Period)


@given(st.text(alphabet="0123456789qQhHmM-/ IVivtháng năm quý đầu cuối", max_size=30))
def test_parse_period_raises_only_period_error_on_period_like_text(text):
    with contextlib.suppress(PeriodError):
        parse_period(text)
