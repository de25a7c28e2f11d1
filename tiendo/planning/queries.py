"""Reads for term plans: the term targets a user sees, with their yearly breakdown and the
figures of each year, and their progress (planning.rules)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from tiendo.indicators.models import Figure, FigureState, Target
from tiendo.indicators.queries import target_spec
from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.orgs import access
from tiendo.planning.rules import TermProgress, YearLine, term_progress

TERM_CODE = r"^[0-9]{4}-[0-9]{4}$"


@dataclass
class TermRow:
    target: Target
    term: Period
    years: list[YearLine]
    progress: TermProgress


def _period(code: str) -> Period | None:
    try:
        return parse_period(code)
    except PeriodError:
        return None


def term_rows(*, user, on: date, unit_code: str | None = None) -> list[TermRow]:
    """Term targets in the user's units, each with its years. Queries: access (2), term targets
    (1), year targets (1), figures (1) — five, whatever the number of rows."""
    terms = access.scope_by_unit(Target.objects.filter(period__regex=TERM_CODE)
                                 .select_related("indicator", "unit"), user)
    if unit_code:
        terms = terms.filter(unit__code=unit_code)
    terms = [(t, _period(t.period)) for t in terms]
    terms = [(t, p) for t, p in terms if p is not None and p.is_term]
    if not terms:
        return []
    ind_ids = {t.indicator_id for t, _p in terms}
    unit_ids = {t.unit_id for t, _p in terms}
    years = {str(y.year) for _t, p in terms for y in p.years_in()}
    plans: dict[tuple, Target] = {}
    for t in Target.objects.filter(indicator_id__in=ind_ids, unit_id__in=unit_ids,
                                   period__in=years).order_by("basis", "pk"):
        plans.setdefault((t.indicator_id, t.unit_id, t.period), t)
    latest: dict[tuple, tuple[Period, Figure]] = {}
    first, last = min(years), str(int(max(years)) + 1)
    figures = (Figure.objects.filter(indicator_id__in=ind_ids, unit_id__in=unit_ids,
                                     period__gte=first, period__lt=last,
                                     superseded_by__isnull=True)
               .exclude(state=FigureState.DRAFT))
    by_year: dict[tuple, list] = defaultdict(list)
    for f in figures:
        p = _period(f.period)
        if p is None or p.is_term or p.end > on:
            continue
        by_year[(f.indicator_id, f.unit_id, p.year)].append((p, f))
    for key, items in by_year.items():
        # The year's own figure, else the one ending latest (year-to-date or latest level).
        own = [x for x in items if x[0].kind == "year"]
        latest[key] = own[0] if own else max(items, key=lambda x: (x[0].end, x[0].months))
    rows = []
    for t, p in terms:
        lines = []
        for y in p.years_in():
            plan = plans.get((t.indicator_id, t.unit_id, str(y.year)))
            fig = latest.get((t.indicator_id, t.unit_id, y.year))
            lines.append(YearLine(y.year, target_spec(plan), fig[1].value if fig else None,
                                  fig[0].label_vi if fig else ""))
        ind = t.indicator
        progress = term_progress(target=target_spec(t), direction=ind.direction,
                                 rollup=ind.rollup, years=lines, start=p.start, end=p.end,
                                 on=on, unit=ind.unit_of_measure)
        rows.append(TermRow(t, p, lines, progress))
    rows.sort(key=lambda r: (r.target.indicator.sort_order, r.target.indicator.code,
                             r.target.unit.path))
    return rows
