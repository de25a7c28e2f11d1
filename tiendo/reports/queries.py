"""Reads for reports, sized for a province's quarter.

The same rows as ``indicators.queries.figure_table`` (same scope, same choice of plan, same
verdicts), read lighter: the catalogue and the units are read once, targets and figures carry
only the fields a report prints, and the narrative report reads only the rows it states — for
each indicator, those of the highest units that reported it — instead of every commune's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from tiendo.indicators.models import Figure, FigureState, Indicator, Target
from tiendo.indicators.queries import FigureRow, _pick_target, target_spec, verdict_rule
from tiendo.indicators.rules import Direction, judge
from tiendo.indicators.slots import by_indicator_and_unit
from tiendo.lib.periods import Period
from tiendo.orgs import access

TARGET_FIELDS = ("id", "indicator_id", "unit_id", "period", "bound", "value", "value_high",
                 "scope", "basis")
FIGURE_FIELDS = ("id", "indicator_id", "unit_id", "period", "value", "is_estimate", "change",
                 "reported", "state", "version")


@dataclass(slots=True)
class TargetValues:
    """The fields of a Target a report prints (a plain row: a province's quarter has tens of
    thousands, and a model instance each costs more than the rest of the build)."""

    id: int
    indicator_id: int
    unit_id: int
    period: str
    bound: str
    value: Decimal
    value_high: Decimal | None
    scope: str
    basis: str

    @property
    def pk(self) -> int:
        return self.id


@dataclass(slots=True)
class FigureValues:
    id: int
    indicator_id: int
    unit_id: int
    period: str
    value: Decimal
    is_estimate: bool
    change: Decimal | None
    reported: dict
    state: str
    version: int

    @property
    def pk(self) -> int:
        return self.id


def _scoped(qs, user, unit_ids: set[int] | None):
    qs = access.scope_by_unit(qs, user)
    return qs if unit_ids is None else qs.filter(unit_id__in=unit_ids)


def _top_pairs(targets, figures, depth_of: dict[int, int]) -> set[tuple[int, int]]:
    """(indicator, unit) pairs at the smallest unit depth of each indicator."""
    pairs = set(targets.values_list("indicator_id", "unit_id"))
    pairs |= set(figures.values_list("indicator_id", "unit_id"))
    best: dict[int, int] = {}
    for ind, unit in pairs:
        d = depth_of[unit]
        if d < best.get(ind, 1 << 30):
            best[ind] = d
    return {(ind, unit) for ind, unit in pairs if depth_of[unit] == best[ind]}


def report_rows(*, user, period: Period, unit_code: str | None = None,
                top_only: bool = False) -> list[FigureRow]:
    """Figure rows of ``period`` the user sees (optionally of one unit). ``top_only``: only
    the rows of the highest units of each indicator (what the narrative report states)."""
    units = {u.pk: u for u in access.units_visible_to(user)}
    unit_ids = None
    if unit_code:
        unit_ids = {pk for pk, u in units.items() if u.code == unit_code}
    targets = _scoped(Target.objects.filter(period=period.code), user, unit_ids)
    figures = _scoped(Figure.objects.filter(period=period.code, superseded_by__isnull=True)
                      .exclude(state=FigureState.DRAFT), user, unit_ids)
    if top_only:
        pairs = _top_pairs(targets, figures, {pk: u.depth for pk, u in units.items()})
        wanted_units = {u for _i, u in pairs}
        targets = targets.filter(unit_id__in=wanted_units)
        figures = figures.filter(unit_id__in=wanted_units)
    else:
        pairs = None
    indicators = {i.pk: i for i in Indicator.objects.all()}

    slots = by_indicator_and_unit(
        (TargetValues(*values) for values in targets.values_list(*TARGET_FIELDS)),
        (FigureValues(*values) for values in figures.values_list(*FIGURE_FIELDS)), keep=pairs)
    rule = verdict_rule()
    rows = []
    for (ind_id, unit_id), slot in slots.items():
        ind, unit = indicators[ind_id], units[unit_id]
        target = _pick_target(slot.targets)
        figure = slot.figure
        assessment = judge(figure.value if figure else None, target_spec(target),
                             Direction(ind.direction), rule,
                             (figure.reported or {}).get("status") if figure else None)
        rows.append(FigureRow(ind, unit, period, target, figure, assessment))
    rows.sort(key=lambda r: (r.indicator.sort_order, r.indicator.code, r.unit.path))
    return rows


def year_plans(*, user, period: Period,
               rows: list[FigureRow]) -> dict[tuple[int, int], TargetValues]:
    """Whole-year plans ("KH cả năm >95%") of the rows' indicators and units: one query."""
    if period.kind == "year" or not rows:
        return {}
    units = {r.unit.pk for r in rows}
    qs = access.scope_by_unit(
        Target.objects.filter(Q(period=str(period.year)) & Q(scope="year"),
                              indicator_id__in={r.indicator.pk for r in rows}), user)
    out: dict[tuple[int, int], TargetValues] = {}
    for values in qs.order_by("basis", "pk").values_list(*TARGET_FIELDS):
        t = TargetValues(*values)
        if t.unit_id in units:
            out.setdefault((t.indicator_id, t.unit_id), t)
    return out


def ratings(*, user, period: Period) -> list:
    """The stored ratings (xếp loại) of the period the user sees, every framework, through
    scoring's own query."""
    from tiendo.scoring.models import Rating
    from tiendo.scoring.queries import ratings_for

    codes = (access.scope_by_unit(Rating.objects.filter(period=period.code), user)
             .order_by("framework_code").values_list("framework_code", flat=True).distinct())
    return [r for code in codes
            for r in ratings_for(user=user, period=period.code, framework_code=code)]


def issuer_programmes(issuer) -> list:
    """The programmes the issuing body issued (its action programme, its work programmes):
    its report counts the tasks of these. One query."""
    from tiendo.programmes.models import Programme

    return list(Programme.objects.filter(issuing_unit=issuer).exclude(kind="bao_cao")
                .order_by("pk"))


def next_targets(*, user, period: Period, unit_code: str | None = None) -> list[Target]:
    """The period's own targets (part B of the report), for the highest unit that has each
    indicator's target, in catalogue order. One query after the scope."""
    qs = access.scope_by_unit(
        Target.objects.filter(period=period.code, scope="period")
        .select_related("indicator", "unit"), user)
    if unit_code:
        qs = qs.filter(unit__code=unit_code)
    best: dict[int, Target] = {}
    for t in qs.order_by("unit__depth", "basis", "pk"):
        best.setdefault(t.indicator_id, t)
    return sorted(best.values(), key=lambda t: (t.indicator.sort_order, t.indicator.code))


def overdue_reasons(task_ids: list[int]) -> dict[int, str]:
    """What each late task's unit last said about it: the reason of its latest extension
    request, else the note of its latest progress update. Two queries, whatever the count."""
    if not task_ids:
        return {}
    from tiendo.tasks.models import ExtensionRequest, ProgressUpdate

    out: dict[int, str] = {}
    for task_id, note in (ProgressUpdate.objects.filter(task_id__in=task_ids)
                          .exclude(note="").order_by("created_at", "pk")
                          .values_list("task_id", "note")):
        out[task_id] = note  # the latest wins
    for task_id, reason in (ExtensionRequest.objects.filter(task_id__in=task_ids)
                            .exclude(reason="").order_by("requested_at", "pk")
                            .values_list("task_id", "reason")):
        out[task_id] = reason
    return out


def signoffs_for(*, user):
    """The reports on their way to being issued that the user sees (by issuing unit)."""
    from tiendo.reports.models import ReportSignoff

    return (access.scope_by_unit(ReportSignoff.objects.all(), user, field="issuer")
            .select_related("issuer", "reviewed_by", "approved_by", "issued_by")
            .defer("docx", "pdf").order_by("-period", "issuer__path"))


def get_signoff_for_user(user, pk: int):
    """One report of ``signoffs_for``; 404 outside the user's units."""
    from django.http import Http404

    from tiendo.reports.models import ReportSignoff

    found = (access.scope_by_unit(ReportSignoff.objects.all(), user, field="issuer")
             .select_related("issuer").filter(pk=pk).first())
    if found is None:
        raise Http404
    return found
