"""Period expressions in running text ("quý I/2026", "tháng 4/2026", "6 tháng đầu năm", "cả năm").

The grammar of a period *code* is :mod:`tiendo.lib.periods`; this module only finds where a
period is written in prose and turns it into the statement period of docs/extraction-format.md
(``YYYY``, ``YYYY-Qn``, ``YYYY-MM``; a cumulative "n tháng" takes the month it runs to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tiendo.lib.periods import Period, PeriodError, parse_period

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(?:\s*(?:/|-|năm)\s*(?P<y>(?:19|20)[0-9]{2}))?"
PERIOD_RE = re.compile(
    r"(?<![\w])(?:"
    rf"(?P<q>quý)\s+(?P<qn>iv|iii|ii|i|[1-4])(?![\w]){_Y}"
    rf"|(?P<cum>[0-9]{{1,2}})\s+tháng(?:\s+(?P<side>đầu|cuối))?(?:\s+năm)?(?:\s+(?P<cy>(?:19|20)[0-9]{{2}}))?"
    rf"|tháng\s+(?P<mn>[0-9]{{1,2}})(?![0-9]){_Y.replace('?P<y>', '?P<my>')}"
    r"|(?P<ca>cả\s+)?năm\s+(?P<yy>(?:19|20)[0-9]{2})(?![0-9])"
    r"|(?P<canam>cả\s+năm)"
    r")",
    re.IGNORECASE,
)


_DAY_BEFORE_RE = re.compile(r"ngày\s*[0-9]{1,2}\s*$", re.IGNORECASE)


@dataclass
class PeriodMention:
    start: int
    end: int
    code: str | None  # statement period code, None when the year is unknown
    kind: str  # "quarter", "month", "year", "cumulative"


def to_code(p: Period) -> str:
    """A :class:`Period` as a statement period code (docs/extraction-format.md)."""
    if p.kind == "year":
        return str(p.year)
    if p.kind == "quarter":
        return f"{p.year}-Q{p.index}"
    if p.kind == "month":
        return f"{p.year}-{p.index:02d}"
    if p.kind == "half":
        return f"{p.year}-06" if p.index == 1 else str(p.year)
    return f"{p.year}-{p.last_month:02d}"  # ytd: the month it runs to


def year_of(code: str | None) -> int | None:
    if not code:
        return None
    try:
        return int(code[:4])
    except ValueError:
        return None


def parse_code(code: str | None) -> str | None:
    """Validate a period given by a user ("2026-Q1", "quý I/2026") → statement period code."""
    if not code:
        return None
    return to_code(parse_period(code))


def find_periods(text: str, default_year: int | None) -> list[PeriodMention]:
    """Every period expression of ``text`` with the year filled in from ``default_year``."""
    out = []
    for m in PERIOD_RE.finditer(text):
        if _DAY_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "ngày 25 tháng 3 năm 2026" is a date, not a period
        g = m.groupdict()
        try:
            if g["q"]:
                year = int(g["y"]) if g["y"] else default_year
                code = f"{year}-Q{_ROMAN[g['qn'].lower()]}" if year else None
                kind = "quarter"
            elif g["cum"]:
                n = int(g["cum"])
                if not 1 <= n <= 12:
                    continue
                year = int(g["cy"]) if g["cy"] else default_year
                kind = "cumulative"
                if g["side"] and g["side"].lower() == "cuối":
                    code = str(year) if year else None
                else:
                    code = f"{year}-{n:02d}" if year else None
            elif g["mn"]:
                n = int(g["mn"])
                if not 1 <= n <= 12:
                    continue
                year = int(g["my"]) if g["my"] else default_year
                code = to_code(Period(year, "month", n)) if year else None
                kind = "month"
            elif g["yy"]:
                code, kind = str(int(g["yy"])), "year"
            else:
                code, kind = (str(default_year) if default_year else None), "year"
        except (PeriodError, ValueError, KeyError):
            continue
        out.append(PeriodMention(m.start(), m.end(), code, kind))
    return out
