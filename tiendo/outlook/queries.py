"""Reads for the early warning: the outlook of targets and open tasks a user may see.

Everything is scoped through ``orgs.access``; the rules (``outlook.rules``, ``outlook.task_rules``)
do the arithmetic on plain values.

Which target an indicator is measured against, for a period of year Y (in this order):

1. its **annual target**: a Target of year Y whose period is the year itself or whose scope is
   "year" (without a named basis first);
2. for a cumulative indicator without one, the **share of the annual plan** its figures report
   ("đạt 3,89% kế hoạch Thủ tướng giao"), measured against 100% of the plan — used when the basis
   names a year plan or an estimate (năm, dự toán, kế hoạch vốn…) and not a quarter or month;
3. for a rate or level without an annual target, the **plan of the period itself** as a stand-in,
   and the reasons say so.

How the values add up: ``is_cumulative`` with a summing roll-up is a flow (year-to-date totals);
``is_cumulative`` with any other roll-up is a year-to-date average (growth "so với cùng kỳ" of a
cumulative period); otherwise the value is read at a point in time. Past years' figures of the
same indicator and unit (up to ``HISTORY_YEARS``) give the seasonal profile.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.utils import timezone

from tiendo.indicators.history import combined_history, history_note
from tiendo.indicators.models import Figure, FigureState, Indicator, Rollup, Target, TargetScope
from tiendo.indicators.rules import Bound, Direction, TargetSpec
from tiendo.indicators.slots import Slot, by_indicator_and_unit
from tiendo.lib import clock
from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.lib.text import fold
from tiendo.lib.vn_numbers import format_vn_number
from tiendo.orgs import access
from tiendo.orgs.models import Unit
from tiendo.outlook.rules import (
    Accumulation,
    Risk,
    TargetOutlook,
    target_band,
    target_outlook,
)
from tiendo.outlook.task_rules import TaskRisk, task_risk
from tiendo.outlook.wording import RISK_LABELS
from tiendo.tasks.models import (
    ExtensionRequest,
    ExtensionState,
    ProgressUpdate,
    Task,
    TaskState,
)
from tiendo.tasks.queries import status_of, visible_tasks

HISTORY_YEARS = 10
PERIODS_PER_YEAR = {"month": 12, "quarter": 4, "half": 2, "year": 1}
RISK_ORDER = {Risk.OFF_COURSE: 0, Risk.AT_RISK: 1, Risk.UNKNOWN: 2, Risk.ON_COURSE: 3}
_ANNUAL_WORDS = ("nam", "du toan", "ke hoach von", "thu tuong", "hdnd", "trung uong", "dia phuong")
_PERIOD_WORDS = ("quy", "thang", "ky ")


def _num(x: Decimal | None):
    if x is None:
        return None
    x = Decimal(x).normalize()
    return int(x) if x == x.to_integral() else float(x)


@dataclass
class IndicatorOutlook:
    indicator: Indicator
    unit: Unit
    target_text: str  # the target measured against, in words
    target_note: str  # which target and why
    measure: str  # "value" or "share_of_plan"
    accumulation: Accumulation
    outlook: TargetOutlook
    history_note: str = ""  # set when past years come from predecessor units (mergers)
    kind = "indicator"

    @property
    def risk_label(self) -> str:
        return RISK_LABELS[self.outlook.risk]

    @property
    def unit_label(self) -> str:
        return (
            "% kế hoạch năm"
            if self.measure == "share_of_plan"
            else (self.indicator.unit_of_measure)
        )

    def as_json(self) -> dict:
        o = self.outlook
        return {
            "code": self.indicator.code,
            "name": self.indicator.name,
            "org_unit": self.unit.code,
            "org_unit_name": self.unit.name,
            "unit_of_measure": self.unit_label,
            "measure": self.measure,
            "accumulation": self.accumulation.value,
            "target": self.target_text,
            "target_note": self.target_note,
            "projected": _num(o.projected),
            "low": _num(o.low),
            "high": _num(o.high),
            "risk": o.risk.value,
            "probability": _num(o.probability),
            "needed_per_period": _num(o.needed_per_period),
            "needed_bound": o.needed_bound,
            "method": o.method_vi,
            "method_code": o.method,
            "reasons": [self.target_note, *([self.history_note] if self.history_note else []),
                        *o.reasons],
            "history_combined": bool(self.history_note),
        }


@dataclass
class TaskOutlook:
    task: Task
    deadline: date | None
    progress: int
    outlook: TaskRisk

    kind = "task"

    @property
    def risk_label(self) -> str:
        return RISK_LABELS[self.outlook.risk]

    @property
    def probability_pct(self) -> Decimal | None:
        p = self.outlook.probability
        return None if p is None else (p * 100).quantize(Decimal(1))

    def as_json(self) -> dict:
        t, o = self.task, self.outlook
        return {
            "id": t.pk,
            "code": t.code,
            "title": t.title,
            "lead_unit": t.lead_unit.code,
            "lead_unit_name": t.lead_unit.name,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "progress": self.progress,
            "risk": o.risk.value,
            "probability": _num(o.probability),
            "reasons": list(o.reasons),
            "method": "Thẻ điểm minh bạch: tiến độ so với thời gian, số ngày chưa cập nhật, "
                      "gia hạn và tỷ lệ đúng hạn của đơn vị chủ trì.",
        }  # fmt: skip


@dataclass
class Outlook:
    period: Period
    on: date
    indicators: list[IndicatorOutlook]
    tasks: list[TaskOutlook]

    def as_json(self) -> dict:
        return {
            "period": self.period.code,
            "on": self.on.isoformat(),
            "indicators": [r.as_json() for r in self.indicators],
            "tasks": [r.as_json() for r in self.tasks],
        }

    @property
    def warnings(self) -> list:
        """Off-course targets, then at-risk ones, then off-course and at-risk tasks."""
        flagged = (Risk.OFF_COURSE, Risk.AT_RISK)
        return [r for r in self.indicators if r.outlook.risk in flagged] + [
            r for r in self.tasks if r.outlook.risk in flagged
        ]


def default_on(period: Period, today: date) -> date:
    """The day a period is looked at: its last day, or today while it is still running."""
    return min(today, period.end)


def outlook(
    *, user, period: str | Period, on: date | None = None, unit_code: str | None = None
) -> Outlook:
    """The early warning for ``period``: targets of its year and tasks open on ``on``."""
    p = period if isinstance(period, Period) else parse_period(period)
    day = on or default_on(p, clock.today())
    indicators = indicator_outlooks(user=user, period=p, unit_code=unit_code)
    return Outlook(p, day, indicators, task_outlooks(user=user, on=day, unit_code=unit_code))


# --- targets -------------------------------------------------------------------------------------


def _safe_period(code: str) -> Period | None:
    try:
        return parse_period(code)
    except PeriodError:
        return None


def _index_in_year(p: Period, n_per: int) -> int | None:
    """Which of the year's ``n_per`` periods ends with ``p`` (None when it ends mid-period)."""
    months = p.last_month * n_per
    return months // 12 if months % 12 == 0 else None


def _annual_share(figure: Figure) -> tuple[Decimal, str] | None:
    """The first reported attainment that is a share of an annual plan, with its basis."""
    for item in (figure.reported or {}).get("attainments", []):
        basis = fold(str(item.get("basis", ""))).lower()
        if item.get("value") is None:
            continue
        if any(w in basis for w in _PERIOD_WORDS) and "nam" not in basis:
            continue
        if any(w in basis for w in _ANNUAL_WORDS):
            return Decimal(str(item["value"])), str(item.get("basis", ""))
    return None


def describe_target(spec: TargetSpec, unit: str) -> str:
    """The target in words with its unit after each number: "từ 10,86% trở lên", "≤ 2 vụ"."""
    suffix = unit if unit.startswith("%") else (f" {unit}" if unit else "")
    v = format_vn_number(spec.value) + suffix
    if spec.bound == Bound.RANGE:
        return f"{format_vn_number(spec.value)}–{format_vn_number(spec.value_high)}{suffix}"
    return {
        Bound.EQ: v,
        Bound.GT: f"trên {v}",
        Bound.GE: f"từ {v} trở lên",
        Bound.LT: f"dưới {v}",
        Bound.LE: f"không quá {v}",
        Bound.ABOUT: f"khoảng {v}",
    }[Bound(spec.bound)]


def _accumulation(ind: Indicator) -> Accumulation:
    if not ind.is_cumulative:
        return Accumulation.POINT_IN_TIME
    return Accumulation.CUMULATIVE if ind.rollup == Rollup.SUM else Accumulation.YTD_AVERAGE


def _series(figures: list[Figure], year: int, n_per: int, k_max: int, measure) -> list:
    values: list[Decimal | None] = [None] * k_max
    for f, p in figures:
        if p.year != year:
            continue
        k = _index_in_year(p, n_per)
        if k is None or k < 1 or k > k_max:
            continue
        v = measure(f)
        if v is not None:
            values[k - 1] = v
    return values


def indicator_outlooks(
    *, user, period: Period, unit_code: str | None = None, indicator_code: str | None = None
):
    """Outlook of every indicator with an annual target (or a reported share of one) in the units
    the user sees. Queries: access (2), targets of the year (1), figures of the year and the
    ``HISTORY_YEARS`` before it (1) — four, whatever the number of rows."""
    year = period.year
    targets = Target.objects.filter(period__startswith=str(year)).select_related(
        "indicator", "unit"
    )
    figures = Figure.objects.filter(
        period__gte=str(year - HISTORY_YEARS), period__lt=str(year + 1),
        superseded_by__isnull=True,
    ).exclude(state=FigureState.DRAFT).select_related("indicator", "unit")  # fmt: skip
    if unit_code:
        targets = targets.filter(unit__code=unit_code)
        figures = figures.filter(unit__code=unit_code)
    if indicator_code:  # one indicator's badge (indicator page, API)
        targets = targets.filter(indicator__code=indicator_code)
        figures = figures.filter(indicator__code=indicator_code)
    targets = access.scope_by_unit(targets, user)
    figures = access.scope_by_unit(figures, user)

    dated_targets = ((t, p) for t in targets
                     if (p := _safe_period(t.period)) is not None and p.year == year)
    dated_figures = ((f, p) for f in figures if (p := _safe_period(f.period)) is not None)
    slots = by_indicator_and_unit(dated_targets, dated_figures, row=itemgetter(0))

    _add_combined_history(slots, year)
    tolerance = Decimal(settings.TIENDO_RULES["about_tolerance"])
    rows = []
    for slot in slots.values():
        row = _indicator_row(slot, period, tolerance)
        if row is not None:
            rows.append(row)
    rows.sort(key=lambda r: (RISK_ORDER[r.outlook.risk], r.indicator.sort_order,
                             r.indicator.code, r.unit.path))  # fmt: skip
    return rows


def _add_combined_history(slots: dict[tuple[int, int], Slot], year: int) -> None:
    """Past years of a successor unit (a merged province…) taken from its predecessors, by the
    indicator's history rule, where the unit has no figure of its own. Queries: merge links
    (1), predecessor units (1), their figures (1) — only when some unit has predecessors."""
    combined = combined_history(
        indicators=list({s.indicator.pk: s.indicator for s in slots.values()}.values()),
        units=list({s.unit.pk: s.unit for s in slots.values()}.values()),
        period_from=str(year - HISTORY_YEARS), period_to=str(year))
    for (ind_id, unit_id), series in combined.items():
        slot = slots.get((ind_id, unit_id))
        if slot is None:
            continue
        own = {f.period for f, _p in slot.figures}
        added = []
        for code, cf in series.items():
            p = _safe_period(code)
            if p is not None and code not in own and p.year < year:
                slot.figures.append((cf, p))
                added.append((cf, p))
        if added:
            slot.history = (added[0][0].sources, sorted({p.year for _cf, p in added}))


def _pick(targets: list[Target]) -> Target:
    return sorted(targets, key=lambda t: (t.basis != "", t.pk))[0]


def _indicator_row(slot: Slot, period: Period, tolerance: Decimal) -> IndicatorOutlook | None:
    ind: Indicator = slot.indicator
    n_per = PERIODS_PER_YEAR.get(ind.frequency, 4)
    k_max = _index_in_year(period, n_per)
    if k_max is None:
        k_max = period.last_month * n_per // 12
    acc = _accumulation(ind)
    direction = Direction(ind.direction)
    annual = [t for t, p in slot.targets if p.kind == "year" or t.scope == TargetScope.YEAR]
    own = [t for t, p in slot.targets if p == period and t.scope == TargetScope.PERIOD]
    current_figures = [(f, p) for f, p in slot.figures if p.year == period.year]

    def value_of(f):
        return f.value

    measure, unit = "value", ind.unit_of_measure
    if annual:
        target = _pick(annual)
        spec = TargetSpec(target.value, Bound(target.bound), target.value_high)
        basis = f" ({target.basis})" if target.basis else ""
        note = f"Chỉ tiêu cả năm {period.year}{basis}: {describe_target(spec, unit)}."
    elif acc is Accumulation.CUMULATIVE and any(_annual_share(f) for f, _p in current_figures):
        basis = next(_annual_share(f)[1] for f, _p in current_figures if _annual_share(f))
        spec = TargetSpec(Decimal(100), Bound.GE)
        note = (f"Chưa có chỉ tiêu cả năm trong hệ thống: đo theo tỷ lệ đạt so với {basis} "
                "(mục tiêu 100%).")  # fmt: skip
        measure, unit = "share_of_plan", "% kế hoạch năm"
        direction = Direction.HIGHER

        def value_of(f):
            share = _annual_share(f)
            return share[0] if share else None

    elif acc is not Accumulation.CUMULATIVE and own:
        target = _pick(own)
        spec = TargetSpec(target.value, Bound(target.bound), target.value_high)
        note = (
            f"Chưa có chỉ tiêu cả năm trong hệ thống: tạm dùng kế hoạch {period.label_vi} "
            f"({describe_target(spec, unit)}) làm mục tiêu năm."
        )
    else:
        return None
    band = target_band(spec, direction, tolerance=tolerance)
    observed = _series(slot.figures, period.year, n_per, k_max, value_of)
    history: dict[int, list] = {}
    past_years = {p.year for _f, p in slot.figures if p.year < period.year}
    for y in sorted(past_years):
        history[y] = _series(slot.figures, y, n_per, n_per, value_of)
    o = target_outlook(band=band, accumulation=acc if measure == "value" else "cumulative",
                       periods_per_year=n_per, observed=observed, history=history,
                       unit=unit)  # fmt: skip
    target_text = describe_target(spec, unit)
    acc_used = acc if measure == "value" else Accumulation.CUMULATIVE
    sources, years = slot.history
    return IndicatorOutlook(ind, slot.unit, target_text, note, measure, acc_used, o,
                            history_note=history_note(ind, sources, years))


# --- tasks ---------------------------------------------------------------------------------------


def _cutoff(on: date) -> datetime:
    """The first moment after day ``on`` in the local time zone."""
    tz = timezone.get_current_timezone()
    return datetime.combine(date.fromordinal(on.toordinal() + 1), datetime.min.time(), tzinfo=tz)


def task_outlooks(
    *, user, on: date, unit_code: str | None = None, task_ids: list[int] | None = None
) -> list[TaskOutlook]:
    """Lateness risk of every open task the user sees, as known on day ``on``.

    Progress and silence count only updates made up to ``on``. The lead unit's record counts
    its tasks accepted as done by ``on``. Queries: access (2), open tasks with their last update,
    update count and approved extensions as subqueries (1), finished tasks of the lead units (1).
    """
    cutoff = _cutoff(on)
    updates = ProgressUpdate.objects.filter(task=OuterRef("pk"), created_at__lt=cutoff)
    last = updates.order_by("-created_at", "-pk")
    qs = (
        visible_tasks(user=user)
        .exclude(state=TaskState.DONE)
        .select_related("lead_unit")
        .annotate(
            last_update_at=Subquery(last.values("created_at")[:1]),
            last_percent=Subquery(last.values("percent")[:1], output_field=IntegerField()),
            updates_before=Subquery(
                updates.order_by().values("task").annotate(c=Count("pk")).values("c")[:1],
                output_field=IntegerField(),
            ),
            any_updates=Subquery(
                ProgressUpdate.objects.filter(task=OuterRef("pk"))
                .order_by().values("task").annotate(c=Count("pk")).values("c")[:1],
                output_field=IntegerField(),
            ),
            approved_extensions=Subquery(
                ExtensionRequest.objects.filter(
                    task=OuterRef("pk"), state=ExtensionState.APPROVED
                ).order_by().values("task").annotate(c=Count("pk")).values("c")[:1],
                output_field=IntegerField(),
            ),
        )
        .order_by("deadline", "pk")
    )  # fmt: skip
    if unit_code:
        qs = qs.filter(Q(lead_unit__code=unit_code) | Q(coordinating_units__code=unit_code))
    if task_ids is not None:  # a task page's badge, the API
        qs = qs.filter(pk__in=task_ids)
    tasks = list(qs)
    records = _track_records({t.lead_unit_id for t in tasks}, on)
    rows = []
    for t in tasks:
        status = status_of(t, on)
        deadline = status.deadline_in_force
        if t.last_percent is not None:
            progress = t.last_percent
        else:
            progress = 0 if t.any_updates else t.progress
        last_on = timezone.localtime(t.last_update_at).date() if t.last_update_at else None
        start = t.start_date or timezone.localtime(t.created_at).date()
        on_time, n = records.get(t.lead_unit_id, (0, 0))
        rate = Decimal(on_time * 100) / n if n else None
        extensions = t.approved_extensions or (1 if t.extended_deadline else 0)
        risk = task_risk(
            progress_pct=Decimal(progress), start=start, deadline=deadline, on=on,
            last_update_on=last_on, updates_count=t.updates_before or 0,
            unit_on_time_rate=rate, unit_history_n=n, extensions=extensions,
            reported_done_on=t.completed_on if t.state == TaskState.SUBMITTED else None,
        )  # fmt: skip
        rows.append(TaskOutlook(t, deadline, progress, risk))
    rows.sort(key=lambda r: (RISK_ORDER[r.outlook.risk], -(r.outlook.probability or 0),
                             r.deadline or date.max, r.task.pk))  # fmt: skip
    return rows


def _track_records(unit_ids: set[int], on: date) -> dict[int, tuple[int, int]]:
    """Per lead unit: (tasks done on time, tasks done) among tasks with a deadline accepted as
    done by ``on`` — the status rule of ``tasks.rules`` decides what on time means."""
    done = Task.objects.filter(
        lead_unit_id__in=unit_ids, state=TaskState.DONE, completed_on__lte=on,
        deadline__isnull=False,
    ).only("lead_unit_id", "deadline", "extended_deadline", "completed_on", "state")  # fmt: skip
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for t in done:
        status = status_of(t, on)
        counts[t.lead_unit_id][1] += 1
        counts[t.lead_unit_id][0] += status.status.value == "done_on_time"
    return {u: (c[0], c[1]) for u, c in counts.items()}
