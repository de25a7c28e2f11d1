"""Reporting periods (kỳ báo cáo): year, half, quarter, month and cumulative "n tháng" (no Django).

A :class:`Period` is ``(year, kind, index)``:

========  =======  ==================  ==============================  ===========
kind      index    code                label_vi                        months
========  =======  ==================  ==============================  ===========
year      0        ``2026``            Năm 2026                        Jan–Dec
half      1–2      ``2026-H1``         6 tháng đầu năm 2026            Jan–Jun
quarter   1–4      ``2026-Q1``         Quý I/2026                      Jan–Mar
month     1–12     ``2026-04``         Tháng 4/2026                    Apr
ytd       1–12     ``2026-9M``         9 tháng năm 2026                Jan–Sep
========  =======  ==================  ==============================  ===========

A term (nhiệm kỳ) ``2025-2030`` is ``Period(2025, "term", 2030)``: its index is the last year
(1 to 10 years after the first); it covers 1 January of the first year to 31 December of the
last, and :meth:`Period.years_in` gives the years its targets are broken down into. Terms are
not in :data:`KINDS` (the calendar kinds a date falls in); :data:`TERM` names the kind.

``ytd`` is the cumulative period from January (lũy kế "9 tháng"); its index is the number of
months. "6 tháng đầu năm" is parsed as the first half (``2026-H1``), while "6 tháng năm 2026" and
``2026-6M`` are the cumulative ``ytd`` 6 — they cover the same months.

:func:`parse_period` accepts, case-insensitively, with or without Vietnamese accents, with extra
spaces: ``2026-Q1``, ``2026Q1``, ``Q1/2026``, ``quý I/2026``, ``Quý I năm 2026``, ``quý 1/2026``,
``2026``, ``năm 2026``, ``cả năm 2026``, ``2026-H1``, ``H1/2026``, ``6 tháng đầu năm 2026``,
``6 tháng cuối năm 2026``, ``9 tháng năm 2026``, ``9 tháng đầu năm 2026``, ``2026-9M``,
``2026-04``, ``04/2026``, ``tháng 4/2026``, ``tháng 04 năm 2026``, ``2025-2030``,
``nhiệm kỳ 2025 - 2030``, ``giai đoạn 2026-2030``.

Years are limited to 1900–2999. Errors are :class:`PeriodError` (a ``ValueError``) with a
Vietnamese message. :attr:`Period.label` and the errors are :class:`~tiendo.lib.messages.Message`
templates: ``tiendo.shared.i18n.translate`` gives them in the active language.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from tiendo.lib.messages import Message, MessageError, gettext_noop
from tiendo.lib.text import fold

__all__ = [
    "KINDS",
    "MAX_YEAR",
    "MIN_YEAR",
    "MSG_BAD_INDEX",
    "MSG_BAD_KIND",
    "MSG_BAD_TERM",
    "MSG_BAD_YEAR",
    "MSG_UNKNOWN_PERIOD",
    "TERM",
    "Period",
    "PeriodError",
    "parse_period",
    "period_of_date",
    "quarter_roman",
]

KINDS = ("year", "half", "quarter", "month", "ytd")
TERM = "term"
MAX_TERM_YEARS = 10
MIN_YEAR = 1900
MAX_YEAR = 2999
_INDEX_RANGE = {"year": (0, 0), "half": (1, 2), "quarter": (1, 4), "month": (1, 12), "ytd": (1, 12)}
_MONTHS_PER = {"year": 12, "half": 6, "quarter": 3, "month": 1}
_ROMAN = ("I", "II", "III", "IV")

MSG_UNKNOWN_PERIOD = gettext_noop(
    'Không hiểu kỳ "%(text)s". Dùng dạng 2026-Q1, quý I/2026, 2026-04, 2026 '
    "hoặc 6 tháng đầu năm 2026."
)
MSG_BAD_KIND = gettext_noop(
    'Loại kỳ "%(kind)s" không hợp lệ; chỉ dùng: year, half, quarter, month, ytd.'
)
MSG_BAD_INDEX = gettext_noop(
    'Số thứ tự %(index)s không hợp lệ cho kỳ loại "%(kind)s" (phải từ %(low)s đến %(high)s).'
)
MSG_BAD_YEAR = gettext_noop("Năm %(year)s nằm ngoài khoảng cho phép (%(low)s–%(high)s).")
MSG_BAD_TERM = gettext_noop(
    "Nhiệm kỳ %(start)s-%(end)s không hợp lệ: năm cuối phải sau năm đầu 1 đến %(n)s năm."
)

# Labels, by kind: one template per quarter and per month, as English writes "Q1", "April".
LABEL_TERM = gettext_noop("Nhiệm kỳ %(year)s - %(last)s")
LABEL_YEAR = gettext_noop("Năm %(year)s")
LABEL_HALVES = (gettext_noop("6 tháng đầu năm %(year)s"), gettext_noop("6 tháng cuối năm %(year)s"))
LABEL_QUARTERS = (
    gettext_noop("Quý I/%(year)s"),
    gettext_noop("Quý II/%(year)s"),
    gettext_noop("Quý III/%(year)s"),
    gettext_noop("Quý IV/%(year)s"),
)
LABEL_MONTHS = (
    "",  # months count from 1
    gettext_noop("Tháng 1/%(year)s"),
    gettext_noop("Tháng 2/%(year)s"),
    gettext_noop("Tháng 3/%(year)s"),
    gettext_noop("Tháng 4/%(year)s"),
    gettext_noop("Tháng 5/%(year)s"),
    gettext_noop("Tháng 6/%(year)s"),
    gettext_noop("Tháng 7/%(year)s"),
    gettext_noop("Tháng 8/%(year)s"),
    gettext_noop("Tháng 9/%(year)s"),
    gettext_noop("Tháng 10/%(year)s"),
    gettext_noop("Tháng 11/%(year)s"),
    gettext_noop("Tháng 12/%(year)s"),
)
LABEL_ONE_MONTH = gettext_noop("1 tháng năm %(year)s")  # English: "month", not "months"
LABEL_MONTHS_TO_DATE = gettext_noop("%(months)s tháng năm %(year)s")


class PeriodError(MessageError):
    """Bad period text or fields. ``str(err)`` is Vietnamese; ``err.template`` and
    ``err.params`` are kept for translation."""


def quarter_roman(n: int) -> str:
    """1 → "I", 2 → "II", 3 → "III", 4 → "IV"."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 4:
        raise PeriodError(MSG_BAD_INDEX, index=n, kind="quarter", low=1, high=4)
    return _ROMAN[n - 1]


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period. Ordering is by (year, kind, index): only meaningful within one kind."""

    year: int
    kind: str
    index: int = 0

    def __post_init__(self) -> None:
        if self.kind == TERM:
            self._check_term()
            return
        if self.kind not in _INDEX_RANGE:
            raise PeriodError(MSG_BAD_KIND, kind=self.kind)
        if isinstance(self.year, bool) or not isinstance(self.year, int):
            raise TypeError("year must be an int")
        if isinstance(self.index, bool) or not isinstance(self.index, int):
            raise TypeError("index must be an int")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise PeriodError(MSG_BAD_YEAR, year=self.year, low=MIN_YEAR, high=MAX_YEAR)
        low, high = _INDEX_RANGE[self.kind]
        if not low <= self.index <= high:
            raise PeriodError(MSG_BAD_INDEX, index=self.index, kind=self.kind, low=low, high=high)

    def _check_term(self) -> None:
        for value in (self.year, self.index):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError("year and index must be ints")
        for year in (self.year, self.index):
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise PeriodError(MSG_BAD_YEAR, year=year, low=MIN_YEAR, high=MAX_YEAR)
        if not 1 <= self.index - self.year <= MAX_TERM_YEARS:
            raise PeriodError(MSG_BAD_TERM, start=self.year, end=self.index, n=MAX_TERM_YEARS)

    @property
    def is_term(self) -> bool:
        return self.kind == TERM

    def years_in(self) -> list[Period]:
        """The year periods of a term (its yearly breakdown); a year gives itself."""
        last = self.index if self.is_term else self.year
        return [Period(y, "year", 0) for y in range(self.year, last + 1)]

    # --- identity -------------------------------------------------------------------------
    @property
    def code(self) -> str:
        """Machine code: 2026, 2026-H1, 2026-Q1, 2026-04, 2026-9M, 2025-2030."""
        if self.is_term:
            return f"{self.year}-{self.index}"
        if self.kind == "year":
            return f"{self.year}"
        if self.kind == "half":
            return f"{self.year}-H{self.index}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.index}"
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        return f"{self.year}-{self.index}M"

    def __str__(self) -> str:
        return self.code

    # --- calendar -------------------------------------------------------------------------
    @property
    def first_month(self) -> int:
        if self.kind in ("year", "ytd", TERM):
            return 1
        if self.kind == "month":
            return self.index
        return (self.index - 1) * _MONTHS_PER[self.kind] + 1

    @property
    def months(self) -> int:
        """Number of months covered."""
        if self.kind == "ytd":
            return self.index
        if self.is_term:
            return 12 * (self.index - self.year + 1)
        return _MONTHS_PER[self.kind]

    @property
    def last_month(self) -> int:
        if self.is_term:
            return 12
        return self.first_month + self.months - 1

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        """Last day of the period."""
        if self.is_term:
            return date(self.index, 12, 31)
        last = self.last_month
        return date(self.year, last, calendar.monthrange(self.year, last)[1])

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    # --- labels ---------------------------------------------------------------------------
    @property
    def label(self) -> Message:
        """The label people write ("Quý I/2026"), as a message to translate where it is shown."""
        if self.is_term:
            return Message(LABEL_TERM, {"year": self.year, "last": self.index})
        if self.kind == "year":
            return Message(LABEL_YEAR, {"year": self.year})
        if self.kind == "half":
            return Message(LABEL_HALVES[self.index - 1], {"year": self.year})
        if self.kind == "quarter":
            return Message(LABEL_QUARTERS[self.index - 1], {"year": self.year})
        if self.kind == "month":
            return Message(LABEL_MONTHS[self.index], {"year": self.year})
        if self.index == 1:
            return Message(LABEL_ONE_MONTH, {"year": self.year})
        return Message(LABEL_MONTHS_TO_DATE, {"months": self.index, "year": self.year})

    @property
    def label_vi(self) -> str:
        """The label in Vietnamese, for text that is always Vietnamese (reports, reminders)."""
        return str(self.label)

    # --- navigation -----------------------------------------------------------------------
    def same_period_last_year(self) -> Period:
        """The same period one year earlier (cùng kỳ); for a term, the previous term."""
        if self.is_term:
            return self.previous()
        return Period(self.year - 1, self.kind, self.index)

    def previous(self) -> Period:
        """The previous period of the same kind: Q1 → previous year's Q4, 2026 → 2025.

        For ``ytd`` it is the cumulative period one month shorter (9M → 8M), and 1M → the
        previous year's 12M.
        """
        if self.is_term:
            span = self.index - self.year
            return Period(self.year - span, TERM, self.year)
        if self.kind == "year":
            return Period(self.year - 1, "year", 0)
        if self.index > _INDEX_RANGE[self.kind][0]:
            return Period(self.year, self.kind, self.index - 1)
        return Period(self.year - 1, self.kind, _INDEX_RANGE[self.kind][1])

    def next(self) -> Period:
        """The next period of the same kind (inverse of :meth:`previous`)."""
        if self.is_term:
            span = self.index - self.year
            return Period(self.index, TERM, self.index + span)
        if self.kind == "year":
            return Period(self.year + 1, "year", 0)
        if self.index < _INDEX_RANGE[self.kind][1]:
            return Period(self.year, self.kind, self.index + 1)
        return Period(self.year + 1, self.kind, _INDEX_RANGE[self.kind][0])

    def year_period(self) -> Period:
        return Period(self.year, "year", 0)

    def months_in(self) -> list[Period]:
        """The month periods covered, in order."""
        if self.is_term:
            return [m for y in self.years_in() for m in y.months_in()]
        return [Period(self.year, "month", m) for m in range(self.first_month, self.last_month + 1)]

    def quarter_periods_in(self) -> list[Period]:
        """The quarters wholly inside this period, in order (none for a month)."""
        if self.is_term:
            return [q for y in self.years_in() for q in y.quarter_periods_in()]
        return [
            Period(self.year, "quarter", q)
            for q in range(1, 5)
            if self.first_month <= (q - 1) * 3 + 1 and q * 3 <= self.last_month
        ]


def period_of_date(d: date, kind: str) -> Period:
    """The period of ``kind`` containing ``d`` (for ``ytd``: January up to ``d``'s month)."""
    if kind == "year":
        return Period(d.year, "year", 0)
    if kind == "half":
        return Period(d.year, "half", 1 if d.month <= 6 else 2)
    if kind == "quarter":
        return Period(d.year, "quarter", (d.month - 1) // 3 + 1)
    if kind in ("month", "ytd"):
        return Period(d.year, kind, d.month)
    raise PeriodError(MSG_BAD_KIND, kind=kind)


# --- parsing (on folded text: lower case, no accents, single spaces) ----------------------------
_Y = r"(?P<y>[0-9]{4})"
_SEP = r"\s*(?:/|-|nam)\s*"  # "quý I/2026", "quý I - 2026", "quý I năm 2026"
_ROMAN_RE = r"(?P<r>iv|i{1,3})"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("year", rf"(?:(?:ca )?nam )?{_Y}"),
        (TERM, rf"(?:(?:nhiem ky|giai doan)\s*)?{_Y}\s*(?:-|den)\s*(?P<e>[0-9]{{4}})"),
        ("quarter", rf"{_Y}\s*-?\s*q\s*(?P<n>[0-9]+)"),
        ("quarter", rf"q\s*(?P<n>[0-9]+)\s*(?:/|-|\s)\s*{_Y}"),
        ("quarter", rf"quy\s*(?:(?P<n>[0-9]+)|{_ROMAN_RE}){_SEP}{_Y}"),
        ("half", rf"{_Y}\s*-?\s*h\s*(?P<n>[0-9]+)"),
        ("half", rf"h\s*(?P<n>[0-9]+)\s*(?:/|-|\s)\s*{_Y}"),
        ("half", rf"0?6 thang (?P<side>dau|cuoi)(?: nam)?\s*{_Y}"),
        ("ytd", rf"(?P<n>[0-9]{{1,2}}) thang(?: dau)?(?: nam)?\s*{_Y}"),
        ("ytd", rf"{_Y}\s*-\s*(?P<n>[0-9]{{1,2}})\s*m"),
        ("month", rf"{_Y}\s*-\s*(?P<n>[0-9]{{1,2}})"),
        ("month", rf"thang\s*(?P<n>[0-9]{{1,2}}){_SEP}{_Y}"),
        ("month", rf"(?P<n>[0-9]{{1,2}})\s*[/-]\s*{_Y}"),
    )
)


def _unknown(text: str) -> PeriodError:
    return PeriodError(MSG_UNKNOWN_PERIOD, text=text)


def parse_period(text: str) -> Period:
    """Parse a period written as a code or in Vietnamese (see the module docstring)."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    key = fold(text)
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(key)
        if match is None:
            continue
        groups = match.groupdict()
        year = int(groups["y"])
        if kind == TERM:
            end = int(groups["e"])
            if not (MIN_YEAR <= year <= MAX_YEAR and MIN_YEAR <= end <= MAX_YEAR
                    and 1 <= end - year <= MAX_TERM_YEARS):
                raise _unknown(text)
            return Period(year, TERM, end)
        if kind == "year":
            index = 0
        elif groups.get("side"):
            index = 1 if groups["side"] == "dau" else 2
        elif groups.get("r"):
            index = _ROMAN.index(groups["r"].upper()) + 1
        else:
            index = int(groups["n"])
        low, high = _INDEX_RANGE[kind]
        if not low <= index <= high or not MIN_YEAR <= year <= MAX_YEAR:
            raise _unknown(text)
        return Period(year, kind, index)
    raise _unknown(text)
