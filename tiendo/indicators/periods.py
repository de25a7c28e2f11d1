"""The periods the workspace holds and the one a page shows by default: the distinct periods of
the units' tallies of the stored assessments (one query over their index), newest first, and
the latest quarter up to a day with reported figures."""

from datetime import date

from django.db import connection

from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.shared.i18n import translate


class PeriodCodes(list):
    """Period codes holding targets or figures, newest first; `.with_figures` those with
    reported (non-draft) figures; `.reassessing` (done, total) periods of a re-assessment
    under way, or None."""

    with_figures: frozenset = frozenset()
    reassessing: tuple[int, int] | None = None


def newest_first(codes) -> list[str]:
    """Period codes, newest first (a year after its quarters); unreadable codes left out."""
    parsed = []
    for code in codes:
        try:
            parsed.append(parse_period(code))
        except PeriodError:
            continue
    parsed.sort(key=lambda p: (p.year, p.first_month, -p.months), reverse=True)
    return [p.code for p in parsed]


# The distinct periods of the units' tallies (indicators.UnitTally: one row per unit and period
# with stored assessments) by a loose index scan, one index seek per period, with whether each
# has a reported figure (a tally counting something other than targets not reported).
_PERIODS_SQL = """
WITH RECURSIVE p(period) AS (
    SELECT MIN(period) FROM indicators_unittally
    UNION ALL
    SELECT (SELECT MIN(t.period) FROM indicators_unittally t WHERE t.period > p.period)
      FROM p WHERE p.period IS NOT NULL
)
SELECT p.period,
       EXISTS (SELECT 1 FROM indicators_unittally t
                WHERE t.period = p.period
                  AND (t.met > 0 OR t.not_met > 0 OR t.no_target > 0)),
       (SELECT r.periods_done FROM indicators_assessmentrun r
         WHERE r.finished_at IS NULL ORDER BY r.id DESC LIMIT 1),
       (SELECT r.periods_total FROM indicators_assessmentrun r
         WHERE r.finished_at IS NULL ORDER BY r.id DESC LIMIT 1)
  FROM p WHERE p.period IS NOT NULL
"""


def period_codes() -> PeriodCodes:
    """Periods holding targets or reported figures, those with reported figures, and the
    progress of a re-assessment under way: one query over the tallies' index."""
    with connection.cursor() as cur:
        cur.execute(_PERIODS_SQL)
        found = cur.fetchall()
    out = PeriodCodes(newest_first(row[0] for row in found))
    out.with_figures = frozenset(row[0] for row in found if row[1])
    running = [row[2:] for row in found if row[3] is not None]
    out.reassessing = running[0] if running else None
    return out


def default_period(codes, today: date, *, reported: bool = True) -> Period:
    """The latest quarter up to today's with reported figures (reported=True: what to look at),
    or with targets or figures (reported=False: what to enter); else today's quarter."""
    current = Period(today.year, "quarter", (today.month - 1) // 3 + 1)
    pool = getattr(codes, "with_figures", frozenset()) if reported else codes
    quarters = [parse_period(c) for c in pool if "-Q" in c]
    past = [q for q in quarters if q.start <= current.start]
    if not past and reported:
        return default_period(codes, today, reported=False)
    return max(past, key=lambda p: p.start) if past else current


def pick_period(raw: str | None, codes, today: date, *,
                reported: bool = True) -> tuple[Period, str | None]:
    """The period asked for, or the default one with the parser's message."""
    if raw:
        try:
            return parse_period(raw), None
        except PeriodError as exc:
            return default_period(codes, today, reported=reported), translate(exc)
    return default_period(codes, today, reported=reported), None
