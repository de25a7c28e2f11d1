"""Page-specific reads for the web pages. Every read starts from the app queries
(indicators.queries, tasks.queries), which go through orgs.access; this module only groups and
filters their rows for a page, in a fixed number of queries whatever the number of rows."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tiendo.indicators.models import Figure, Target
from tiendo.indicators.queries import (
    FigureRow,
    figure_table,
    verdict_rule,
)
from tiendo.indicators.rules import (
    VERDICT_LABELS_EN,
    VERDICT_LABELS_VI,
    Bound,
    Direction,
    TargetSpec,
    Verdict,
    assess,
)
from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.lib.text import fold
from tiendo.orgs import access
from tiendo.tasks.queries import TaskRow, status_of, task_rows, visible_tasks
from tiendo.tasks.rules import TASK_STATUS_LABELS_EN, TASK_STATUS_LABELS_VI, TaskStatus

# How a target row of a period counts on the dashboard.
MET, NOT_MET, NOT_REPORTED, NO_TARGET = "met", "not_met", "not_reported", "no_target"
ROW_CLASSES = (MET, NOT_MET, NOT_REPORTED, NO_TARGET)


def is_en() -> bool:
    return (get_language() or "vi").startswith("en")


def status_label(status) -> str:
    labels = TASK_STATUS_LABELS_EN if is_en() else TASK_STATUS_LABELS_VI
    return labels[TaskStatus(status)]


STATUS_SHORT = {
    TaskStatus.IN_PROGRESS: (gettext_lazy("Trong hạn")),
    TaskStatus.OVERDUE: (gettext_lazy("Quá hạn")),
    TaskStatus.DONE_ON_TIME: (gettext_lazy("Xong đúng hạn")),
    TaskStatus.DONE_LATE: (gettext_lazy("Xong trễ hạn")),
}


def status_short(status) -> str:
    return str(STATUS_SHORT[TaskStatus(status)])


def verdict_label(verdict) -> str:
    if verdict is None:
        return ""
    return (VERDICT_LABELS_EN if is_en() else VERDICT_LABELS_VI)[Verdict(verdict)]


def period_label(period: Period) -> str:
    return period.label_en if is_en() else period.label_vi


def row_class(row: FigureRow) -> str:
    """met / not_met for a verdict; not_reported for a target without a figure; no_target for a
    figure without a plan to compare with."""
    if row.verdict is not None:
        return NOT_MET if row.verdict == Verdict.NOT_ACHIEVED else MET
    if row.target is not None and row.figure is None:
        return NOT_REPORTED
    return NO_TARGET


# --- periods --------------------------------------------------------------------------------

class PeriodCodes(list):
    """Period codes holding targets or figures, newest first; `.with_figures` those with
    reported (non-draft) figures."""

    with_figures: frozenset = frozenset()


def _newest_first(codes) -> list[str]:
    parsed = []
    for code in codes:
        try:
            parsed.append(parse_period(code))
        except PeriodError:
            continue
    parsed.sort(key=lambda p: (p.year, p.first_month, -p.months), reverse=True)
    return [p.code for p in parsed]


def period_codes() -> PeriodCodes:
    """Two queries: the distinct periods of targets, and of reported figures."""
    targets = set(Target.objects.values_list("period", flat=True).distinct())
    figures = set(Figure.objects.exclude(state="draft").values_list("period", flat=True)
                  .distinct())
    out = PeriodCodes(_newest_first(targets | figures))
    out.with_figures = frozenset(figures)
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
            return (default_period(codes, today, reported=reported),
                    exc.message_en if is_en() else str(exc))
    return default_period(codes, today, reported=reported), None


# --- figures and tasks filtered for lists ------------------------------------------------------

def figure_rows(*, user, period: Period, unit=None, status: str = "", text: str = "",
                field_code: str = "", include_drafts: bool = False) -> list[FigureRow]:
    """figure_table rows narrowed by unit subtree, dashboard class, free text and field."""
    rows = figure_table(user=user, period=period, include_drafts=include_drafts)
    if unit is not None:
        rows = [r for r in rows if r.unit.path.startswith(unit.path)]
    if status in ROW_CLASSES:
        rows = [r for r in rows if row_class(r) == status]
    if field_code:
        rows = [r for r in rows if r.indicator.field == field_code]
    if text:
        key = fold(text)
        rows = [r for r in rows if key in fold(r.indicator.name) or key in fold(r.unit.name)]
    return rows


def in_period(task, period: Period) -> bool:
    if task.period == period.code or (period.kind == "year" and task.period.startswith(
            f"{period.year}")):
        return True
    deadline = task.extended_deadline or task.deadline
    return deadline is not None and period.start <= deadline <= period.end


@dataclass
class TaskFilters:
    status: str = ""
    unit: object = None
    programme: str = ""
    period: Period | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None
    text: str = ""
    key_only: bool = False


def filter_tasks(rows: list[TaskRow], f: TaskFilters) -> list[TaskRow]:
    out = []
    key = fold(f.text) if f.text else ""
    for r in rows:
        t = r.task
        if f.status and r.status.status != f.status:
            continue
        if f.unit is not None and not (
            t.lead_unit.path.startswith(f.unit.path)
            or any(u.path.startswith(f.unit.path) for u in t.coordinating_units.all())
        ):
            continue
        if f.programme and (t.programme is None or t.programme.code != f.programme):
            continue
        if f.period is not None and not in_period(t, f.period):
            continue
        deadline = r.status.deadline_in_force
        if f.deadline_from and (deadline is None or deadline < f.deadline_from):
            continue
        if f.deadline_to and (deadline is None or deadline > f.deadline_to):
            continue
        if f.key_only and not t.is_key:
            continue
        if key and key not in fold(t.title) and key not in fold(t.lead_unit.name):
            continue
        out.append(r)
    return out


def task_list(*, user, on: date, filters: TaskFilters) -> list[TaskRow]:
    """Visible tasks with their status on `on`, filtered. Queries: access (2), tasks (1),
    coordinating units (1)."""
    return filter_tasks(task_rows(user=user, on=on), filters)


# --- dashboard ------------------------------------------------------------------------------

@dataclass
class UnitLag:
    unit: object
    overdue: int = 0
    not_met: int = 0
    not_reported: int = 0
    statuses: Counter = field(default_factory=Counter)

    @property
    def score(self) -> int:
        return self.overdue + self.not_met + self.not_reported


def quarters_back(period: Period, n: int) -> list[Period]:
    """The n quarters ending with the period's last quarter, oldest first."""
    last = Period(period.year, "quarter", (period.last_month - 1) // 3 + 1)
    out = [last]
    while len(out) < n:
        out.append(out[-1].previous())
    return out[::-1]


def trend(*, user, period: Period, tasks: list[TaskRow], n: int = 6, unit=None) -> list[dict]:
    """Per quarter: targets met / not met / not reported, and tasks due in it done on time
    (of `unit`'s subtree when given). Two queries (targets and figures of all the quarters),
    whatever n is."""
    quarters = quarters_back(period, n)
    codes = [q.code for q in quarters]
    targets = Target.objects.filter(period__in=codes)
    figures = (Figure.objects.filter(period__in=codes, superseded_by__isnull=True)
               .exclude(state="draft"))
    if unit is not None:
        targets = targets.filter(unit__path__startswith=unit.path)
        figures = figures.filter(unit__path__startswith=unit.path)
    # Plain tuples, not model rows: this reads every target and figure of six quarters.
    targets = access.scope_by_unit(targets, user).values_list(
        "period", "indicator_id", "unit_id", "scope", "basis", "pk", "value", "bound",
        "value_high", "indicator__direction")
    figures = access.scope_by_unit(figures, user).values_list(
        "period", "indicator_id", "unit_id", "value")
    by_key: dict = defaultdict(list)
    for t in targets:
        by_key[t[:3]].append(t)
    values = {f[:3]: f[3] for f in figures}
    rule = verdict_rule()
    counts = {c: Counter() for c in codes}
    for key, ts in by_key.items():
        actual = values.get(key)
        if actual is None:
            counts[key[0]][NOT_REPORTED] += 1
            continue
        # The same choice as indicators.queries._pick_target: the period's own plan first,
        # then the one without a named basis, then the oldest.
        t = min(ts, key=lambda t: (t[3] != "period", t[4] != "", t[5]))
        spec = TargetSpec(value=t[6], bound=Bound(t[7]), value_high=t[8])
        a = assess(actual, spec, Direction(t[9]), rule)
        counts[key[0]][NOT_MET if a.verdict == Verdict.NOT_ACHIEVED else MET] += 1
    out = []
    for q in quarters:
        due = [r for r in tasks if r.status.deadline_in_force and q.contains(
            r.status.deadline_in_force)]
        on_time = sum(1 for r in due if r.status.status == TaskStatus.DONE_ON_TIME)
        c = counts[q.code]
        if not (c or due):
            continue
        out.append({"period": q, "label": period_label(q), "met": c[MET],
                    "not_met": c[NOT_MET], "not_reported": c[NOT_REPORTED],
                    "tasks_due": len(due), "tasks_on_time": on_time})
    return out


def lean_task_rows(*, user, on: date) -> list[TaskRow]:
    """Visible tasks with their status, without coordinating units (the overview does not
    show them). Queries: access (2, cached), tasks (1)."""
    qs = visible_tasks(user=user).select_related("lead_unit").only(
        "title", "lead_unit_id", "period", "deadline", "extended_deadline", "completed_on",
        "state", "is_key", "progress", "lead_unit__name", "lead_unit__short_name",
        "lead_unit__code", "lead_unit__path")
    return [TaskRow(t, status_of(t, on)) for t in qs.order_by("deadline", "pk")]


def dashboard(*, user, period: Period, on: date) -> dict:
    """Everything the overview shows. Queries: access (2), targets and figures of the period
    (2), tasks (2), trend (2): eight whatever the number of rows."""
    rows = figure_table(user=user, period=period)
    classes = Counter(row_class(r) for r in rows)
    all_tasks = lean_task_rows(user=user, on=on)
    tasks = [r for r in all_tasks if in_period(r.task, period)]
    statuses = Counter(r.status.status for r in tasks)

    lag: dict[int, UnitLag] = {}
    for r in rows:
        c = row_class(r)
        if c in (NOT_MET, NOT_REPORTED):
            entry = lag.setdefault(r.unit.pk, UnitLag(r.unit))
            if c == NOT_MET:
                entry.not_met += 1
            else:
                entry.not_reported += 1
    for r in tasks:
        entry = lag.setdefault(r.task.lead_unit_id, UnitLag(r.task.lead_unit))
        entry.statuses[r.status.status] += 1
        if r.status.status == TaskStatus.OVERDUE:
            entry.overdue += 1
    lagging = sorted((u for u in lag.values() if u.score),
                     key=lambda u: (-u.score, u.unit.name))[:8]
    heat_units = sorted((u for u in lag.values() if u.statuses),
                        key=lambda u: (-u.statuses[TaskStatus.OVERDUE], u.unit.name))[:15]
    attain = [r for r in rows if r.assessment.attainment is not None]
    attain.sort(key=lambda r: (not r.indicator.is_key, r.indicator.sort_order))
    total_tasks = len(tasks)
    done = statuses[TaskStatus.DONE_ON_TIME] + statuses[TaskStatus.DONE_LATE]
    return {
        "rows": rows,
        "counts": {c: classes[c] for c in ROW_CLASSES},
        "targets_total": sum(classes[c] for c in (MET, NOT_MET, NOT_REPORTED)),
        "exceeded": sum(1 for r in rows if r.verdict == Verdict.EXCEEDED),
        "task_counts": [(s, status_label(s), statuses[s]) for s in TaskStatus],
        "task_total": total_tasks,
        "task_done": done,
        "task_done_pct": round(done * 100 / total_tasks, 2) if total_tasks else None,
        "lagging": lagging,
        "heat_units": heat_units,
        "attain_rows": attain[:12],
        "trend": trend(user=user, period=period, tasks=all_tasks),
        "overdue": [r for r in tasks if r.status.status == TaskStatus.OVERDUE][:10],
    }


def dashboard_chart_data(data: dict) -> dict:
    """The JSON the dashboard's charts read (numbers already shown in the page's HTML)."""
    statuses = list(TaskStatus)
    return {
        "status": [{"name": label, "value": n, "key": s} for s, label, n in data["task_counts"]],
        "attain": {
            "names": [r.indicator.name[:40] for r in data["attain_rows"]],
            "values": [float(r.assessment.attainment) for r in data["attain_rows"]],
        },
        "heat": {
            "units": [u.unit.short_name or u.unit.name for u in data["heat_units"]],
            "statuses": [status_label(s) for s in statuses],
            "short": [status_short(s) for s in statuses],
            "cells": [[j, i, u.statuses[s]] for i, u in enumerate(data["heat_units"])
                      for j, s in enumerate(statuses)],
        },
        "trend": {
            "labels": [t["label"] for t in data["trend"]],
            "met": [t["met"] for t in data["trend"]],
            "not_met": [t["not_met"] for t in data["trend"]],
            "on_time": [t["tasks_on_time"] for t in data["trend"]],
            "names": [_("Chỉ tiêu đạt"), _("Chỉ tiêu không đạt"), _("Nhiệm vụ đúng hạn")],
        },
    }


def verdict_rule_text() -> str:
    rule = verdict_rule()
    return rule.describe_en() if is_en() else rule.describe_vi()
