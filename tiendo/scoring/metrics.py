"""Metrics of units for a period, computed from the recorded data (tasks, targets, figures,
marks, subordinate ratings). A fixed number of queries for any number of units.

Definitions (docs/scoring.md):

- tasks: led by the unit, deadline in force inside the period; status at the close of the
  period (the day after its last day, so a task due on the last day and still open is overdue)
  by ``tiendo.tasks.rules.task_status`` (only an accepted completion closes a task; an approved
  extension counts as on time when the office's rule says so);
- ``tasks_exceeded``: done tasks of the period marked "vượt yêu cầu" by a leader (a Mark);
- targets: the unit's targets of the period with an approved current figure, judged by
  ``tiendo.indicators.rules.assess`` (met = đạt or vượt);
- reports: one due per indicator the unit has a target or a figure for in the period; on time
  when the current figure was submitted before the window closed (``REPORT_WINDOW_DAYS`` after
  the period, configurable as ``TIENDO_RULES["report_window_days"]``); returned = figures of the
  period sent back at least once (audit log);
- marks: the latest quality mark; other kinds are summed;
- subordinates: child units active at the period's end and their decided ratings of the period.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q

from tiendo.audit.models import AuditEntry
from tiendo.indicators import rules as ind_rules
from tiendo.indicators.assessments import verdict_rule
from tiendo.indicators.models import Figure, FigureState, Target, TargetScope
from tiendo.lib.periods import Period
from tiendo.orgs.models import Unit
from tiendo.scoring.models import FROZEN_STATES, Mark, MarkKind, Rating, StateBodyLink
from tiendo.tasks.models import Task
from tiendo.tasks.rules import TaskStatus, task_status

REPORT_WINDOW_DAYS = 10
VN = ZoneInfo("Asia/Ho_Chi_Minh")
ZERO = Decimal(0)

TASK_METRICS = ("tasks_due", "tasks_on_time", "tasks_late", "tasks_overdue", "tasks_exceeded")
KEY_METRICS = ("key_tasks_due", "key_tasks_on_time", "key_tasks_late", "key_tasks_overdue")
TARGET_REPORT_METRICS = ("targets_total", "targets_met", "targets_exceeded", "targets_not_met",
                         "key_targets_not_met", "reports_due", "reports_on_time",
                         "reports_returned")
# The results of the State body a Party organisation leads (StateBodyLink) that count with the
# organisation's own: its tasks, targets and reports. Marks, discipline and subordinates stay
# the organisation's own.
LINKED_METRICS = TASK_METRICS + KEY_METRICS + TARGET_REPORT_METRICS


@dataclass
class UnitData:
    unit: Unit
    metrics: dict = field(default_factory=dict)
    # what each metric was counted from: {"tasks": {id: {...}}, "figures": {...}, "marks": {...}}
    evidence: dict = field(default_factory=lambda: {"tasks": {}, "figures": {}, "marks": {}})


def _rule(name: str, default):
    return getattr(settings, "TIENDO_RULES", {}).get(name, default)


def status_day(period: Period) -> date:
    """The day task statuses are read on: the day after the period closes."""
    return period.end + timedelta(days=1)


def window_close(period: Period) -> datetime:
    days = int(_rule("report_window_days", REPORT_WINDOW_DAYS))
    return datetime.combine(period.end + timedelta(days=days), time.max, VN)


def collect(units: list[Unit], period: Period, *, on: date | None = None) -> dict[int, UnitData]:
    """Metrics of every unit for the period, keyed by unit id (7 queries)."""
    on = on or status_day(period)
    data = {u.pk: UnitData(u) for u in units}
    ids = list(data)
    done_ids = _collect_tasks(data, ids, period, on)
    _collect_marks(data, ids, period, done_ids)
    _collect_targets_and_reports(data, ids, period)
    _collect_subordinates(data, ids, period)
    _collect_state_bodies(data, ids, period, on)
    return data


_STATUS_KEY = {TaskStatus.DONE_ON_TIME: "on_time", TaskStatus.DONE_LATE: "late",
               TaskStatus.OVERDUE: "overdue"}


def _collect_tasks(data: dict[int, UnitData], ids: list[int], period: Period, on: date
                   ) -> dict[int, set[int]]:
    """1. Tasks whose deadline (original or extended) in force falls in the period, counted by
    their status on ``on``. Returns the ids of the done ones, per unit."""
    counts_on_time = bool(_rule("extension_counts_on_time", True))
    for d in data.values():
        d.metrics.update(dict.fromkeys(TASK_METRICS + KEY_METRICS, ZERO))
    tasks = Task.objects.filter(lead_unit_id__in=ids).filter(
        Q(deadline__range=(period.start, period.end))
        | Q(extended_deadline__range=(period.start, period.end))).only(
        "id", "title", "lead_unit_id", "deadline", "extended_deadline", "completed_on", "state",
        "is_key").order_by("deadline", "pk")
    done_ids: dict[int, set[int]] = defaultdict(set)
    for t in tasks:
        st = task_status(deadline=t.deadline, completed_on=t.closed_on, on=on,
                         extended_deadline=t.extended_deadline,
                         extension_counts_on_time=counts_on_time)
        if st.deadline_in_force is None or not period.contains(st.deadline_in_force):
            continue
        if st.status == TaskStatus.IN_PROGRESS:
            continue  # cannot happen with on >= deadline; kept for a mid-period preview
        d = data[t.lead_unit_id]
        m = d.metrics
        key = _STATUS_KEY[st.status]
        m["tasks_due"] += 1
        m[f"tasks_{key}"] += 1
        if t.is_key:
            m["key_tasks_due"] += 1
            m[f"key_tasks_{key}"] += 1
        if st.done:
            done_ids[t.lead_unit_id].add(t.pk)
        d.evidence["tasks"][str(t.pk)] = {
            "title": t.title, "status": str(st.status), "key": t.is_key,
            "explanation": st.explanation_vi,
        }
    return done_ids


def _collect_marks(data: dict[int, UnitData], ids: list[int], period: Period,
                   done_ids: dict[int, set[int]]) -> None:
    """2. Marks: the latest quality mark, the done tasks marked "vượt yêu cầu", the other kinds
    summed."""
    marks = Mark.objects.filter(unit_id__in=ids, period=period.code,
                                withdrawn_at__isnull=True).order_by("created_at", "pk")
    quality: dict[int, Mark] = {}
    sums: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    exceeded: dict[int, set[int]] = defaultdict(set)
    for mk in marks:
        d = data[mk.unit_id]
        d.evidence["marks"][str(mk.pk)] = {
            "kind": mk.kind, "value": str(mk.value), "task": mk.task_id,
            "evidence": mk.evidence}
        if mk.kind == MarkKind.QUALITY:
            quality[mk.unit_id] = mk  # the latest one counts
        elif mk.kind == MarkKind.EXCEEDED_TASK:
            if mk.task_id in done_ids[mk.unit_id]:
                exceeded[mk.unit_id].add(mk.task_id)
        else:
            sums[mk.unit_id][mk.kind] += mk.value
    for uid, d in data.items():
        m = d.metrics
        m["quality_mark"] = quality[uid].value if uid in quality else None
        m["tasks_exceeded"] = Decimal(len(exceeded[uid]))
        for kind in MarkKind.values:
            if kind not in (MarkKind.QUALITY, MarkKind.EXCEEDED_TASK):
                m[kind] = sums[uid].get(kind, ZERO)


def _collect_targets_and_reports(data: dict[int, UnitData], ids: list[int],
                                 period: Period) -> None:
    """3. Targets judged on their approved figures; 4. reports due, on time and returned."""
    targets = Target.objects.filter(unit_id__in=ids, period=period.code,
                                    scope=TargetScope.PERIOD).select_related("indicator").only(
        "unit_id", "indicator_id", "value", "bound", "value_high", "indicator__name",
        "indicator__direction", "indicator__is_key")
    figure_ids, current = _figures(ids, period)
    returned = _returned_figures(ids, figure_ids)
    for d in data.values():
        d.metrics.update(dict.fromkeys(TARGET_REPORT_METRICS, ZERO))
    indicators = _collect_targets(data, targets, current)
    _collect_reports(data, period, indicators, current, figure_ids, returned)


def _figures(ids: list[int], period: Period
             ) -> tuple[dict[int, list[int]], dict[tuple[int, int], Figure]]:
    """Every figure id of the period per unit, and the current figure per (unit, indicator)."""
    figures = Figure.objects.filter(unit_id__in=ids, period=period.code).only(
        "id", "unit_id", "indicator_id", "value", "state", "submitted_at", "superseded_by_id")
    figure_ids: dict[int, list[int]] = defaultdict(list)
    current: dict[tuple[int, int], Figure] = {}
    for f in figures:
        figure_ids[f.unit_id].append(f.pk)
        if f.superseded_by_id is None:
            current[(f.unit_id, f.indicator_id)] = f
    return figure_ids, current


def _returned_figures(ids: list[int], figure_ids: dict[int, list[int]]) -> set[str]:
    """Ids (as text) of the figures sent back at least once, from the audit log."""
    if not figure_ids:
        return set()
    # by unit (indexed), not by a list of every figure id: that list can pass the database's
    # limit on query parameters at province scale
    return set(AuditEntry.objects.filter(
        action="figure.return", object_type="indicators.figure", unit_id__in=ids,
    ).values_list("object_id", flat=True))


def _collect_targets(data: dict[int, UnitData], targets, current: dict[tuple[int, int], Figure]
                     ) -> dict[int, set[int]]:
    """Targets met, exceeded and not met, from their approved current figures. Returns the
    indicators each unit has a target for."""
    rule = verdict_rule()  # the workspace's, read in one place
    indicators: dict[int, set[int]] = defaultdict(set)
    for t in targets:
        indicators[t.unit_id].add(t.indicator_id)
        f = current.get((t.unit_id, t.indicator_id))
        if f is None or f.state != FigureState.APPROVED:
            continue
        a = ind_rules.judge(f.value, ind_rules.TargetSpec(t.value, t.bound, t.value_high),
                            t.indicator.direction, rule)
        if a.verdict is None:
            continue
        d = data[t.unit_id]
        m = d.metrics
        m["targets_total"] += 1
        if a.verdict == ind_rules.Verdict.NOT_ACHIEVED:
            m["targets_not_met"] += 1
            if t.indicator.is_key:
                m["key_targets_not_met"] += 1
        else:
            m["targets_met"] += 1
            if a.verdict == ind_rules.Verdict.EXCEEDED:
                m["targets_exceeded"] += 1
        d.evidence["figures"][str(f.pk)] = {
            "indicator": t.indicator.name, "indicator_id": t.indicator_id,
            "verdict": str(a.verdict), "explanation": a.explanation_vi}
    return indicators


def _collect_reports(data: dict[int, UnitData], period: Period, indicators: dict[int, set[int]],
                     current: dict[tuple[int, int], Figure], figure_ids: dict[int, list[int]],
                     returned: set[str]) -> None:
    """One report due per indicator the unit has a target or a figure for; on time when the
    current figure was submitted before the window closed; returned = figures sent back."""
    closes = window_close(period)
    for uid, ind_id in current:
        indicators[uid].add(ind_id)
    for uid, inds in indicators.items():
        m = data[uid].metrics
        m["reports_due"] = Decimal(len(inds))
        for ind_id in inds:
            f = current.get((uid, ind_id))
            if f is not None and f.state in (FigureState.SUBMITTED, FigureState.APPROVED) \
                    and f.submitted_at is not None and f.submitted_at <= closes:
                m["reports_on_time"] += 1
        m["reports_returned"] = Decimal(sum(1 for i in figure_ids[uid] if str(i) in returned))


def _collect_subordinates(data: dict[int, UnitData], ids: list[int], period: Period) -> None:
    """5. Subordinates active at the period's end and their decided ratings of the period."""
    children = Unit.objects.filter(parent_id__in=ids).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=period.end),
        Q(valid_to__isnull=True) | Q(valid_to__gte=period.end))
    by_parent: dict[int, list[int]] = defaultdict(list)
    for c in children:
        by_parent[c.parent_id].append(c.pk)
    child_ids = [c for cs in by_parent.values() for c in cs]
    levels: dict[int, str] = {}
    for r in Rating.objects.filter(unit_id__in=child_ids, period=period.code,
                                   state__in=FROZEN_STATES).order_by("pk"):
        levels[r.unit_id] = r.level
    for uid, d in data.items():
        m = d.metrics
        kids = by_parent.get(uid, [])
        m["subordinates_total"] = Decimal(len(kids))
        if all(k in levels for k in kids):
            m["subordinates_hoan_thanh_or_better"] = Decimal(sum(
                1 for k in kids if levels[k] in ("xuat_sac", "tot", "hoan_thanh")))
            m["subordinates_tot_or_better"] = Decimal(sum(
                1 for k in kids if levels[k] in ("xuat_sac", "tot")))
        else:  # a subordinate not rated yet: unknown, never counted as zero
            m["subordinates_hoan_thanh_or_better"] = None
            m["subordinates_tot_or_better"] = None


def _collect_state_bodies(data: dict[int, UnitData], ids: list[int], period: Period,
                          on: date) -> None:
    """6. The State body each Party organisation leads (configured link): its results count."""
    links = {ln.party_unit_id: ln.state_unit for ln in StateBodyLink.objects.filter(
        party_unit_id__in=ids).select_related("state_unit")}
    if not links:
        return
    bodies = {u.pk: u for u in links.values()}
    body_data = collect(list(bodies.values()), period, on=on)
    for pid, body in links.items():
        d, bd = data[pid], body_data[body.pk]
        for k in LINKED_METRICS:
            own, theirs = d.metrics.get(k), bd.metrics.get(k)
            d.metrics[k] = None if own is None or theirs is None else own + theirs
        d.evidence["tasks"].update(bd.evidence["tasks"])
        d.evidence["figures"].update(bd.evidence["figures"])
        d.evidence["state_body"] = {
            "unit_id": body.pk, "unit": body.name,
            "metrics": metrics_json({k: bd.metrics.get(k) for k in LINKED_METRICS})}


def metrics_json(metrics: dict) -> dict:
    """Decimals as strings (trailing zeros dropped), None kept: the form stored in snapshots."""
    out = {}
    for k, v in sorted(metrics.items()):
        if v is None:
            out[k] = None
        else:
            out[k] = format(Decimal(v).normalize(), "f")
    return out


def metrics_from_json(data: dict) -> dict:
    return {k: (None if v is None else Decimal(v)) for k, v in data.items()}
