"""Page-specific reads for the indicator pages: catalogue, history, the entry grid."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Q, Value, When

from tiendo.indicators.history import combined_history, history_note
from tiendo.indicators.models import Assessment, Evidence, Figure, HistoryRule, Indicator, Target
from tiendo.indicators.periods import newest_first
from tiendo.indicators.queries import _pick_target, target_spec, verdict_rule
from tiendo.indicators.rules import Direction, assess, change_pct
from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.lib.text import fold
from tiendo.orgs import access
from tiendo.web.queries import period_label

# --- indicators ------------------------------------------------------------------------------

def catalogue(*, text: str = "", field_code: str = "", direction: str = "",
              key_only: bool = False):
    qs = Indicator.objects.all()
    if field_code:
        qs = qs.filter(field=field_code)
    if direction:
        qs = qs.filter(direction=direction)
    if key_only:
        qs = qs.filter(is_key=True)
    items = list(qs.order_by("sort_order", "code"))
    if text:
        key = fold(text)
        items = [i for i in items if key in fold(i.name) or key in i.code]
    return items


@dataclass
class HistoryRow:
    period: Period
    unit: object
    target: Target | None
    figure: Figure | None
    assessment: object
    change: object
    earlier: list = field(default_factory=list)  # superseded estimates of the same period


def indicator_history(*, user, indicator: Indicator) -> list[HistoryRow]:
    """Every period and unit of an indicator the user sees, newest first, with plan, actual,
    verdict and the same-period change (reported, or computed from last year's figure).
    Queries: access (2), targets (1), figures (1), evidence (1)."""
    targets = access.scope_by_unit(
        Target.objects.filter(indicator=indicator).select_related("unit"), user)
    figures = access.scope_by_unit(
        Figure.objects.filter(indicator=indicator).exclude(state="draft")
        .select_related("unit").prefetch_related("evidence").order_by("pk"), user)
    slots: dict = {}
    for t in targets:
        slots.setdefault((t.period, t.unit_id), {"unit": t.unit, "targets": [], "old": []})
        slots[(t.period, t.unit_id)]["targets"].append(t)
    for f in figures:
        slot = slots.setdefault((f.period, f.unit_id), {"unit": f.unit, "targets": [], "old": []})
        if f.superseded_by_id:
            slot["old"].append(f)
        else:
            slot["figure"] = f
    rule, direction = verdict_rule(), Direction(indicator.direction)
    rows = []
    for (code, unit_id), slot in slots.items():
        try:
            p = parse_period(code)
        except PeriodError:
            continue
        target, fig = _pick_target(slot["targets"]), slot.get("figure")
        assessment = assess(fig.value if fig else None, target_spec(target), direction, rule)
        change = fig.change if fig and fig.change is not None else None
        if fig and change is None:
            prev = slots.get((p.same_period_last_year().code, unit_id), {}).get("figure")
            change = change_pct(fig.value, prev.value) if prev else None
        rows.append(HistoryRow(p, slot["unit"], target, fig, assessment, change, slot["old"]))
    rows.sort(key=lambda r: (r.period.year, r.period.first_month, -r.period.months,
                             r.unit.path), reverse=True)
    return rows


HISTORY_PER_PAGE = 50
BREAKDOWN_ROWS = 100


def _history_of(assessments, indicator: Indicator, *, full: bool = True) -> list[HistoryRow]:
    """HistoryRow objects for the assessments a page shows: the rows (1 query); with `full`,
    superseded estimates (1), last year's figures for the change (1) and evidence (1)."""
    items = list(assessments.select_related("unit", "target", "figure"))
    if not full:
        rule, direction = verdict_rule(), Direction(indicator.direction)
        return [HistoryRow(parse_period(a.period), a.unit, a.target, a.figure,
                           assess(a.figure.value if a.figure else None, target_spec(a.target),
                                  direction, rule),
                           a.figure.change if a.figure else None)
                for a in items]
    slots = {(a.period, a.unit_id) for a in items}
    units = {a.unit_id for a in items}
    periods = {a.period for a in items}
    earlier: dict = defaultdict(list)
    for f in (Figure.objects.filter(indicator=indicator, unit_id__in=units, period__in=periods,
                                    superseded_by__isnull=False).exclude(state="draft")
              .order_by("pk")):
        if (f.period, f.unit_id) in slots:
            earlier[(f.period, f.unit_id)].append(f)
    last_year = {}
    for a in items:
        try:
            last_year[(a.period, a.unit_id)] = parse_period(a.period).same_period_last_year().code
        except PeriodError:
            continue
    previous = {(f.period, f.unit_id): f.value for f in Figure.objects.filter(
        indicator=indicator, unit_id__in=units, period__in=set(last_year.values()),
        superseded_by__isnull=True).exclude(state="draft").only("period", "unit_id", "value")}
    figures = [a.figure for a in items if a.figure]
    evidence: dict = defaultdict(list)
    for e in Evidence.objects.filter(figure__in=figures).order_by("pk"):
        evidence[e.figure_id].append(e)
    for f in figures:
        f.evidence_list = evidence.get(f.pk, [])
    rule, direction = verdict_rule(), Direction(indicator.direction)
    rows = []
    for a in items:
        fig, target = a.figure, a.target
        assessment = assess(fig.value if fig else None, target_spec(target), direction, rule)
        change = fig.change if fig and fig.change is not None else None
        if fig and change is None:
            prev = previous.get((last_year.get((a.period, a.unit_id)), a.unit_id))
            change = change_pct(fig.value, prev) if prev is not None else None
        rows.append(HistoryRow(parse_period(a.period), a.unit, target, fig, assessment, change,
                               earlier.get((a.period, a.unit_id), [])))
    return rows


def indicator_page(*, user, indicator: Indicator, page_number=None) -> dict:
    """What the indicator page shows, paged: the breakdown by unit of the latest period with a
    reported figure, one page of the history (newest period first), the chart of the unit with
    the most rows. Every read is bounded by what is shown."""
    from django.core.paginator import Paginator

    scoped = access.scope_by_unit(Assessment.objects.filter(indicator=indicator), user)
    per_period = {code: (rows, reported) for code, rows, reported in (
        scoped.order_by().values_list("period").annotate(n=Count("pk"), f=Count("figure")))}
    order = newest_first(per_period)
    reported = [c for c in order if per_period[c][1]]
    latest = (reported or order or [None])[0]
    breakdown = []
    if latest:
        breakdown = _history_of(scoped.filter(period=latest)
                                .order_by("unit__path", "pk")[:BREAKDOWN_ROWS], indicator,
                                full=False)
    rank = Case(*[When(period=c, then=Value(i)) for i, c in enumerate(order)],
                default=Value(len(order)), output_field=IntegerField())
    history = scoped.annotate(rank=rank).order_by("rank", "unit__path", "pk")
    paginator = Paginator(history, HISTORY_PER_PAGE)
    paginator.count = sum(n for n, _f in per_period.values())  # counted above
    page = paginator.get_page(page_number)
    rows = _history_of(page.object_list, indicator)
    # the chart: the unit the user sees highest in the tree among those of the breakdown
    chart_rows, combined = [], {}
    if breakdown:
        top = min(breakdown, key=lambda r: (r.unit.depth, r.unit.path)).unit
        chart_rows = _history_of(scoped.filter(unit=top).annotate(rank=rank)
                                 .order_by("-rank"), indicator, full=False)
        combined = _combined_before(indicator, top, chart_rows)
    return {"rows": rows, "page": page, "latest": parse_period(latest) if latest else None,
            "breakdown": breakdown, "breakdown_more": len(breakdown) == BREAKDOWN_ROWS,
            "chart_rows": chart_rows, "combined": combined,
            "evidence": [(r, e) for r in rows if r.figure for e in r.figure.evidence_list]}


HISTORY_YEARS = 10  # how far back the chart looks for predecessors' figures


def _combined_before(indicator: Indicator, unit, rows: list[HistoryRow]) -> dict:
    """The periods before the unit's own rows that its predecessors (a merger) all reported,
    combined by the indicator's history rule: {period code: CombinedFigure}. Queries: none
    when the indicator is not combinable; else merge links, predecessors, their figures."""
    if indicator.history_rule == HistoryRule.NONE or not rows:
        return {}
    first = min(rows, key=lambda r: (r.period.year, r.period.first_month)).period
    series = combined_history(indicators=[indicator], units=[unit],
                              period_from=str(first.year - HISTORY_YEARS),
                              period_to=first.code).get((indicator.pk, unit.pk), {})
    own = {r.period.code for r in rows}
    return {code: cf for code, cf in series.items() if code not in own}


def history_chart(rows: list[HistoryRow], combined: dict | None = None,
                  indicator: Indicator | None = None) -> dict:
    """Plan and actual over periods of one unit's rows (given newest first or oldest first:
    drawn oldest first), after the history combined from its predecessors (``combined``, from
    indicator_page), drawn as its own series and said in ``note``."""
    if not rows:
        return {"labels": [], "plan": [], "actual": [], "combined": [], "unit": "",
                "note": ""}
    unit = Counter(r.unit.pk for r in rows).most_common(1)[0][0]
    mine = sorted((r for r in rows if r.unit.pk == unit),
                  key=lambda r: (r.period.year, r.period.first_month, -r.period.months))
    past = sorted(((parse_period(code), cf) for code, cf in (combined or {}).items()),
                  key=lambda pc: (pc[0].year, pc[0].first_month, -pc[0].months))

    def num(x):
        return float(x) if x is not None else None

    note = ""
    if past and indicator is not None:
        note = history_note(indicator, past[0][1].sources, sorted({p.year for p, _cf in past}))
    return {
        "unit": mine[0].unit.name,
        "labels": [period_label(p) for p, _cf in past] + [period_label(r.period) for r in mine],
        "plan": [None] * len(past) + [num(r.target.value) if r.target else None for r in mine],
        "actual": [None] * len(past) + [num(r.figure.value) if r.figure else None
                                        for r in mine],
        "combined": [num(cf.value) for _p, cf in past] + [None] * len(mine),
        "note": note,
    }


@dataclass
class EntryRow:
    indicator: Indicator
    target: Target | None
    figure: Figure | None


def entry_grid(*, unit, period: Period, indicator_id: int | None = None) -> list[EntryRow]:
    """The unit's indicators for a period: those with a target for the unit in the period or its
    year, those it reported before, and those whose scope names it (only `indicator_id`'s row
    when given, as after a save). The caller has checked the unit through orgs.access.
    Queries: targets (1), this period's figures (1), evidence (1), the other indicators (1);
    no figure of another period is read."""
    codes = {period.code, period.year_period().code}
    targets = Target.objects.filter(unit=unit, period__in=codes).select_related("indicator")
    figures = (Figure.objects.filter(unit=unit, period=period.code, superseded_by__isnull=True)
               .select_related("indicator").prefetch_related("evidence"))
    before = Figure.objects.filter(unit=unit).values("indicator_id")
    others = Indicator.objects.filter(Q(pk__in=before) | Q(scope_units=unit))
    if indicator_id is not None:
        targets = targets.filter(indicator_id=indicator_id)
        figures = figures.filter(indicator_id=indicator_id)
        others = others.filter(pk=indicator_id)
    targets, figures = list(targets), list(figures)
    indicators = {i.pk: i for i in others.distinct()}
    indicators.update({t.indicator_id: t.indicator for t in targets})
    indicators.update({f.indicator_id: f.indicator for f in figures})
    by_ind = defaultdict(list)
    for t in targets:
        by_ind[t.indicator_id].append(t)
    current = {f.indicator_id: f for f in figures}
    rows = []
    for pk, ind in indicators.items():
        ts = by_ind.get(pk, [])
        own = [t for t in ts if t.period == period.code]
        rows.append(EntryRow(ind, _pick_target(own or ts), current.get(pk)))
    rows.sort(key=lambda r: (r.indicator.sort_order, r.indicator.code))
    return rows


@dataclass
class ApprovalItem:
    figure: Figure
    target: Target | None
    assessment: object


def _approval_items(figures: list[Figure]) -> list[ApprovalItem]:
    targets = Target.objects.filter(
        indicator_id__in={f.indicator_id for f in figures},
        unit_id__in={f.unit_id for f in figures}, period__in={f.period for f in figures})
    by_key = defaultdict(list)
    for t in targets:
        by_key[(t.indicator_id, t.unit_id, t.period)].append(t)
    rule, out = verdict_rule(), []
    for f in figures:
        target = _pick_target(by_key.get((f.indicator_id, f.unit_id, f.period), []))
        a = assess(f.value, target_spec(target), Direction(f.indicator.direction), rule)
        out.append(ApprovalItem(f, target, a))
    return out


def approval_items(*, user) -> list[ApprovalItem]:
    """Submitted figures the user may approve, with the plan and the verdict they would get.
    Queries: access (2), figures (1), evidence (1), targets (1)."""
    from tiendo.indicators.queries import approval_queue

    figures = list(approval_queue(user=user).prefetch_related("evidence"))
    return _approval_items(figures) if figures else []


def approval_item(figure: Figure) -> ApprovalItem:
    return _approval_items([figure])[0]


def units_with_targets(*, units, period: Period) -> set[int]:
    """Of the given units (already checked through orgs.access), those with a target in the
    period or its year — the figure-entry page opens on one of them (1 query)."""
    codes = {period.code, period.year_period().code}
    return set(Target.objects.filter(unit__in=[u.pk for u in units], period__in=codes)
               .values_list("unit_id", flat=True).distinct())
