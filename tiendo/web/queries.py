"""Page-specific reads for the web pages. Every read starts from the app queries
(indicators.queries, tasks.queries), which go through orgs.access; this module only groups and
filters their rows for a page, in a fixed number of queries whatever the number of rows."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, CharField, Count, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiendo.indicators.assessments import TALLY_FIELDS
from tiendo.indicators.assessments import row_class as klass_of
from tiendo.indicators.models import Assessment, Indicator, UnitTally
from tiendo.indicators.queries import ROW_ORDER, FigureRow, first_rows, rows_from, verdict_rule
from tiendo.indicators.rules import Verdict
from tiendo.lib.periods import Period
from tiendo.lib.text import fold
from tiendo.orgs import access
from tiendo.orgs.models import Unit
from tiendo.shared.i18n import translate
from tiendo.tasks.models import Task
from tiendo.tasks.queries import TaskRow, status_of, visible_tasks, with_status
from tiendo.tasks.rules import TaskStatus

# How a target row of a period counts on the dashboard.
MET, NOT_MET, NOT_REPORTED, NO_TARGET = "met", "not_met", "not_reported", "no_target"
ROW_CLASSES = (MET, NOT_MET, NOT_REPORTED, NO_TARGET)


def status_label(status) -> str:
    return str(TaskStatus(status).label)


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
    return str(Verdict(verdict).label)


def period_label(period: Period) -> str:
    return translate(period.label)


def row_class(row: FigureRow) -> str:
    """met / not_met / not_reported / no_target of a row (indicators.assessments.row_class)."""
    return klass_of(row.verdict.value if row.verdict else None, row.target is not None,
                    row.figure is not None)


# --- figures and tasks filtered for lists ------------------------------------------------------
# Every list is a QuerySet filtered and ordered in SQL; only the rows a page renders become
# FigureRow / TaskRow objects, and every count is a GROUP BY.

def _subtree(unit):
    return Unit.objects.filter(path__startswith=unit.path).values("pk")


def scoped_assessments(*, user, period: Period | str, unit=None):
    """The stored assessments of a period within what the user sees (and `unit`'s subtree)."""
    code = period if isinstance(period, str) else period.code
    qs = access.scope_by_unit(Assessment.objects.filter(period=code), user)
    if unit is not None:
        qs = qs.filter(unit_id__in=_subtree(unit))
    return qs


def _name_matches(model, key: str) -> list[int]:
    """Ids of the rows whose folded name holds `key` (units and indicators are a few
    thousand at most; their names are folded in Python, the figures never are)."""
    return [pk for pk, name in model.objects.values_list("pk", "name") if key in fold(name)]


def figure_rows_qs(*, user, period: Period, unit=None, status: str = "", text: str = "",
                   field_code: str = ""):
    """Assessments narrowed by unit subtree, dashboard class, field and free text, in the order
    of the figure table."""
    qs = scoped_assessments(user=user, period=period, unit=unit)
    if status in ROW_CLASSES:
        qs = qs.filter(klass=status)
    if field_code:
        qs = qs.filter(indicator__field=field_code)
    if text:
        key = fold(text)
        qs = qs.filter(Q(indicator_id__in=_name_matches(Indicator, key))
                       | Q(unit_id__in=_name_matches(Unit, key)))
    return qs.order_by(*ROW_ORDER)


def figure_rows(*, user, period: Period, unit=None, status: str = "", text: str = "",
                field_code: str = "") -> list[FigureRow]:
    """Every row of figure_rows_qs (for exports, which produce all of them)."""
    return rows_from(figure_rows_qs(user=user, period=period, unit=unit, status=status,
                                    text=text, field_code=field_code), period)


def in_period_q(period: Period) -> Q:
    """The tasks of a period: assigned for it (or for a quarter of its year), or due in it.
    Needs the `due` annotation (see `_due`)."""
    q = Q(period=period.code) | Q(due__gte=period.start, due__lte=period.end)
    if period.kind == "year":
        q |= Q(period__startswith=f"{period.year}")
    return q


def _due(qs):
    return qs.annotate(due=Coalesce("extended_deadline", "deadline"))


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


def _in_subtree(unit) -> Q:
    coordinated = Task.coordinating_units.through.objects.filter(
        unit_id__in=_subtree(unit)).values("task_id")
    return Q(lead_unit_id__in=_subtree(unit)) | Q(pk__in=coordinated)


def task_list_qs(*, user, on: date, filters: TaskFilters):
    """Visible tasks with their status on `on` (annotated in SQL), filtered and ordered in SQL:
    a page reads only its own rows."""
    f = filters
    qs = _due(with_status(visible_tasks(user=user), on))
    if f.status:
        qs = qs.filter(status=f.status)
    if f.unit is not None:
        qs = qs.filter(_in_subtree(f.unit))
    if f.programme:
        qs = qs.filter(programme__code=f.programme)
    if f.period is not None:
        qs = qs.filter(in_period_q(f.period))
    if f.deadline_from:
        qs = qs.filter(in_force__gte=f.deadline_from)
    if f.deadline_to:
        qs = qs.filter(in_force__lte=f.deadline_to)
    if f.key_only:
        qs = qs.filter(is_key=True)
    if f.text:
        key = fold(f.text)
        qs = qs.filter(Q(search_key__contains=key)
                       | Q(lead_unit_id__in=_name_matches(Unit, key)))
    return qs.order_by("deadline", "pk")


def task_rows_of(qs, on: date) -> list[TaskRow]:
    """TaskRow objects for the rows a page shows (lead unit joined)."""
    return [TaskRow(t, status_of(t, on)) for t in qs.select_related("lead_unit")]


def task_list(*, user, on: date, filters: TaskFilters) -> list[TaskRow]:
    """Every visible task matching the filters, with its status (exports, the API)."""
    qs = task_list_qs(user=user, on=on, filters=filters).select_related("programme")
    return task_rows_of(qs.prefetch_related("coordinating_units"), on)


def status_counts(qs) -> dict:
    """Tasks per status of a task_list_qs-like queryset: one GROUP BY."""
    counts = dict.fromkeys(TaskStatus, 0)
    for status, n in qs.order_by().values_list("status").annotate(n=Count("pk")):
        counts[TaskStatus(status)] += n
    return counts


def related_units(*, user, unit) -> dict:
    """The unit's children the user sees, its predecessors and its successors: one query."""
    kind = Case(When(parent=unit, then=Value("children")),
                When(successors=unit, then=Value("predecessors")),
                default=Value("successors"), output_field=CharField())
    rows = (Unit.objects.filter(Q(parent=unit) | Q(successors=unit) | Q(predecessors=unit))
            .annotate(relation=kind).order_by("tree", "path", "sort_order", "pk"))
    out: dict[str, list] = {"children": [], "predecessors": [], "successors": []}
    seen = set()
    for u in rows:
        if (u.relation, u.pk) in seen:
            continue
        seen.add((u.relation, u.pk))
        if u.relation != "children" or access.can_see_unit(user, u.pk):
            out[u.relation].append(u)
    return out


# --- dashboard ------------------------------------------------------------------------------

KEY_ROWS = 25  # key indicators listed on the overview; the rest is one click away
LAGGING, HEAT = 8, 15


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


def scoped_tallies(*, user, codes, unit=None):
    """The units' tallies (UnitTally) of the periods within what the user sees (and `unit`'s
    subtree)."""
    qs = access.scope_by_unit(UnitTally.objects.filter(period__in=list(codes)), user)
    if unit is not None:
        qs = qs.filter(unit_id__in=_subtree(unit))
    return qs


def period_counts(*, user, codes, unit=None) -> dict[str, Counter]:
    """Per period code: assessments per class, and `exceeded`: one GROUP BY over the units'
    tallies for the page's period and the quarters of its trend together."""
    qs = scoped_tallies(user=user, codes=codes, unit=unit)
    out = {c: Counter() for c in codes}
    sums = {k: Sum(k) for k in TALLY_FIELDS}
    for row in qs.order_by().values("period").annotate(**sums):
        out[row["period"]].update({k: row[k] or 0 for k in TALLY_FIELDS})
    return out


def trend(*, user, period: Period, on: date, n: int = 6, unit=None,
          counts: dict | None = None) -> list[dict]:
    """Per quarter: targets met / not met / not reported, and the tasks due in it and done on
    time (of `unit`'s subtree when given). Two GROUP BY queries whatever n is (one when the
    caller already has `counts` from period_counts)."""
    quarters = quarters_back(period, n)
    codes = [q.code for q in quarters]
    if counts is None or not set(codes) <= set(counts):
        counts = period_counts(user=user, codes=codes, unit=unit)
    tasks = with_status(visible_tasks(user=user), on)
    if unit is not None:
        tasks = tasks.filter(_in_subtree(unit))
    bucket = Case(*[When(in_force__gte=q.start, in_force__lte=q.end, then=Value(q.code))
                    for q in quarters], default=Value(""), output_field=CharField())
    due = {c: Counter() for c in codes}
    rows = (tasks.filter(in_force__gte=quarters[0].start, in_force__lte=quarters[-1].end)
            .annotate(quarter=bucket).order_by().values_list("quarter", "status")
            .annotate(k=Count("pk")))
    for code, status, k in rows:
        if code:
            due[code][status] += k
    out = []
    for q in quarters:
        c, d = counts[q.code], due[q.code]
        n_due = sum(d.values())
        if not (c[MET] or c[NOT_MET] or c[NOT_REPORTED] or n_due):
            continue
        out.append({"period": q, "label": period_label(q), "met": c[MET],
                    "not_met": c[NOT_MET], "not_reported": c[NOT_REPORTED],
                    "tasks_due": n_due, "tasks_on_time": d[TaskStatus.DONE_ON_TIME]})
    return out


@dataclass(frozen=True)
class UnitRef:
    """The few fields of a unit a summary row shows, read in its GROUP BY."""

    pk: int
    name: str
    short_name: str
    code: str


UNIT_COLUMNS = ("name", "short_name", "code")


def _lag(tallies, tasks) -> list[UnitLag]:
    """Per unit: targets not met / not reported (its tally) and tasks per status, the unit's
    name read in the same query (two queries)."""
    lag: dict[int, UnitLag] = {}
    cols = [f"unit__{c}" for c in UNIT_COLUMNS]
    for unit_id, *names, not_met, not_reported in (
            tallies.filter(Q(not_met__gt=0) | Q(not_reported__gt=0)).order_by()
            .values_list("unit_id", *cols, "not_met", "not_reported")):
        lag[unit_id] = UnitLag(UnitRef(unit_id, *names), not_met=not_met,
                               not_reported=not_reported)
    cols = [f"lead_unit__{c}" for c in UNIT_COLUMNS]
    for unit_id, *names, status, n in (tasks.order_by()
                                       .values_list("lead_unit_id", *cols, "status")
                                       .annotate(n=Count("pk"))):
        entry = lag.setdefault(unit_id, UnitLag(UnitRef(unit_id, *names)))
        entry.statuses[status] += n
        if status == TaskStatus.OVERDUE:
            entry.overdue += n
    return list(lag.values())


ATTAIN_ROWS = 12


def _attain_rows(assessed, key_rows: list[FigureRow], period: Period) -> list[FigureRow]:
    """The first rows with an attainment, key indicators first, in table order. Usually the
    key rows already read hold them (no query); otherwise one query."""
    found = [r for r in key_rows if r.assessment.attainment is not None]
    if len(found) >= ATTAIN_ROWS:
        return found[:ATTAIN_ROWS]
    return rows_from(first_rows(assessed.filter(attainment__isnull=False),
                                ("-is_key", *ROW_ORDER), ATTAIN_ROWS), period)


def dashboard(*, user, period: Period, on: date) -> dict:
    """Everything the overview shows, each number from a GROUP BY and each list a LIMIT:
    access (2), classes of the period and its trend's quarters summed from the units' tallies
    (1), key rows (1), attainment rows (none when the key rows hold them, else 1), per-unit lag
    from the tallies and the tasks' statuses (2), overdue list (1), tasks due per quarter (1)."""
    assessed = scoped_assessments(user=user, period=period)
    quarters = [q.code for q in quarters_back(period, 6)]
    counts_by = period_counts(user=user, codes=dict.fromkeys([period.code, *quarters]))
    mine = counts_by[period.code]
    counts = {c: mine[c] for c in ROW_CLASSES}
    key_rows = rows_from(first_rows(assessed.filter(is_key=True), ROW_ORDER, KEY_ROWS), period)
    attain = _attain_rows(assessed, key_rows, period)
    tasks = _due(with_status(visible_tasks(user=user), on)).filter(in_period_q(period))
    lag = _lag(scoped_tallies(user=user, codes=[period.code]), tasks)
    statuses = Counter()
    for entry in lag:
        statuses.update(entry.statuses)
    lagging = sorted((u for u in lag if u.score),
                     key=lambda u: (-u.score, u.unit.name))[:LAGGING]
    heat_units = sorted((u for u in lag if u.statuses),
                        key=lambda u: (-u.statuses[TaskStatus.OVERDUE], u.unit.name))[:HEAT]
    overdue = task_rows_of(tasks.filter(status=TaskStatus.OVERDUE).order_by("deadline", "pk")
                           [:10], on)
    total_tasks = sum(statuses.values())
    done = statuses[TaskStatus.DONE_ON_TIME] + statuses[TaskStatus.DONE_LATE]
    return {
        "counts": counts,
        "rows_total": sum(counts.values()),
        "key_rows": key_rows,
        "targets_total": sum(counts[c] for c in (MET, NOT_MET, NOT_REPORTED)),
        "exceeded": mine["exceeded"],
        "task_counts": [(s, status_label(s), statuses[s]) for s in TaskStatus],
        "task_total": total_tasks,
        "task_done": done,
        "task_done_pct": round(done * 100 / total_tasks, 2) if total_tasks else None,
        "lagging": lagging,
        "heat_units": heat_units,
        "attain_rows": attain,
        "trend": trend(user=user, period=period, on=on, counts=counts_by),
        "overdue": overdue,
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
    return translate(verdict_rule().describe())
