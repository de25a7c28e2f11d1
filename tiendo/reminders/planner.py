"""The planner: from the data and a moment `now`, the reminders that are due.

It writes, in ONE transaction, the in-app notifications (one per person, stage and subject,
each with a unique `dedup_key`) and the outbox rows that carry them on the other channels —
a digest per person per day at their digest hour, or one message per item for urgent rules
and people who asked for immediate delivery. Planning the same moment twice adds nothing.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count
from django.db.models.functions import Coalesce

from tiendo.indicators.models import Figure, FigureState, Target, TargetScope
from tiendo.indicators.queries import verdict_rule
from tiendo.indicators.rules import Bound, TargetSpec, Verdict, judge
from tiendo.lib import clock
from tiendo.lib.clock import VN
from tiendo.lib.periods import PeriodError, parse_period
from tiendo.orgs.models import Membership, Role, Unit
from tiendo.reminders import queueing
from tiendo.reminders.models import (
    Holiday,
    ItemKind,
    PlannerRun,
    ReminderRule,
    RuleKind,
)
from tiendo.reminders.rules import (
    Calendar,
    RuleSpec,
    max_lookahead,
    report_due_date,
    stages_for_deadline,
)
from tiendo.tasks.models import Task, TaskState

log = logging.getLogger("tiendo.reminders")
REPORT_HORIZON_DAYS = 92  # reporting windows older than a quarter are left to the weekly summary
CHUNK = 2000
OPEN_STATES = (TaskState.OPEN, TaskState.RETURNED)


# --- rules and calendar ----------------------------------------------------------------------

def spec_of(rule: ReminderRule | None) -> RuleSpec:
    if rule is None:
        return RuleSpec()
    return RuleSpec(
        offsets=tuple(int(o) for o in rule.offsets or ()), on_day=rule.on_day,
        overdue_every_days=rule.overdue_every_days,
        escalate_head_after_days=rule.escalate_head_after_days,
        escalate_office_after_days=rule.escalate_office_after_days,
        quiet_start_hour=rule.quiet_start_hour, quiet_end_hour=rule.quiet_end_hour,
        skip_holidays=rule.skip_holidays, urgent=rule.urgent,
        report_due_day=rule.report_due_day, weekday=rule.weekday,
    )


def load_specs() -> dict[str, RuleSpec | None]:
    """The first active rule of each kind; a kind without an active rule plans nothing."""
    specs: dict[str, RuleSpec | None] = dict.fromkeys(RuleKind.values)
    for rule in ReminderRule.objects.filter(active=True).order_by("pk"):
        if specs[rule.kind] is None:
            specs[rule.kind] = spec_of(rule)
    return specs


def load_calendar() -> Calendar:
    off, on = set(), set()
    for day, is_off in Holiday.objects.values_list("day", "is_day_off"):
        (off if is_off else on).add(day)
    return Calendar(frozenset(off), frozenset(on))


# --- who hears -------------------------------------------------------------------------------

class Audience:
    """Focal points of a unit; the nearest head and the nearest office at or above it."""

    def __init__(self) -> None:
        active = set(get_user_model().objects.filter(is_active=True).values_list("pk", flat=True))
        self.parent = dict(Unit.objects.values_list("pk", "parent_id"))
        self.focal: dict[int, list[int]] = defaultdict(list)
        self.heads: dict[int, list[int]] = defaultdict(list)
        self.office: dict[int, list[int]] = defaultdict(list)
        self.leaders: list[tuple[int, int]] = []  # (user, unit)
        for uid, unit, role, head in Membership.objects.values_list(
                "user_id", "unit_id", "role", "is_head").order_by("user_id"):
            if uid not in active:
                continue
            if role == Role.FOCAL:
                self.focal[unit].append(uid)
            if head:
                self.heads[unit].append(uid)
            if role == Role.OFFICE:
                self.office[unit].append(uid)
            if role == Role.LEADER or head:
                self.leaders.append((uid, unit))
        self._up: dict[tuple[str, int], list[int]] = {}

    def _nearest(self, table: dict[int, list[int]], unit: int, name: str) -> list[int]:
        key = (name, unit)
        if key not in self._up:
            u, found, seen = unit, [], set()
            while u is not None and u not in seen:
                seen.add(u)
                if table.get(u):
                    found = table[u]
                    break
                u = self.parent.get(u)
            self._up[key] = found
        return self._up[key]

    def for_stage(self, audience: str, unit: int) -> list[int]:
        if audience == "focal":
            # nobody to remind at the unit: its head hears instead, then the office
            return (self.focal.get(unit) or self._nearest(self.heads, unit, "head")
                    or self._nearest(self.office, unit, "office"))
        if audience == "head":
            return self._nearest(self.heads, unit, "head")
        return self._nearest(self.office, unit, "office")

    def subtree(self, unit: int) -> set[int]:
        children: dict[int, list[int]] = defaultdict(list)
        for u, p in self.parent.items():
            children[p].append(u)
        out, stack = set(), [unit]
        while stack:
            u = stack.pop()
            if u not in out:
                out.add(u)
                stack.extend(children.get(u, ()))
        return out


# --- items -----------------------------------------------------------------------------------

class Item(NamedTuple):
    """One planned reminder for one person. `subject` (what the message says) may be a
    function that builds it: it is called only for items that turn out to be new, since most
    candidates already exist. A tuple: the planner makes tens of thousands of them."""

    key: str
    recipient: int
    kind: str
    subject: dict | Callable[[], dict]
    urgent: bool


_TASK_KIND = {"before": ItemKind.TASK_BEFORE, "due": ItemKind.TASK_DUE,
              "overdue": ItemKind.TASK_OVERDUE, "escalation": ItemKind.TASK_ESCALATION}


def _task_subject(row: tuple, stage, unit_names: dict):
    pk, title, unit, due, progress, is_key = row
    return lambda: {"type": "task", "id": pk, "title": title, "unit": unit_names.get(unit, ""),
                    "deadline": due.isoformat(), "days_left": stage.days_left,
                    "progress": progress, "is_key": is_key, "stage": stage.key,
                    "audience": stage.audience}


def _task_items(today: date, spec: RuleSpec, audience: Audience, unit_names: dict,
                since: datetime | None = None) -> list[Item]:
    horizon = today + timedelta(days=max_lookahead(spec))
    qs = Task.objects.filter(state__in=OPEN_STATES)
    if since is not None:
        qs = qs.filter(updated_at__gte=since)
    rows = (qs
            .annotate(due=Coalesce("extended_deadline", "deadline"))
            .filter(due__isnull=False, due__lte=horizon)
            .values_list("pk", "title", "lead_unit_id", "due", "progress", "is_key")
            .order_by())
    items = []
    urgent = spec.urgent
    for row in rows.iterator(chunk_size=CHUNK):
        pk, _title, unit, due, _progress, _key = row
        prefix = f"task:{pk}:{due.year:04d}{due.month:02d}{due.day:02d}:"
        for stage in stages_for_deadline(due, today, spec):
            kind = _TASK_KIND[stage.kind]
            subject = _task_subject(row, stage, unit_names)
            for uid in audience.for_stage(stage.audience, unit):
                items.append(Item(f"{prefix}{stage.key}:{uid}", uid, kind, subject, urgent))
    return items


def _report_windows(today: date, spec: RuleSpec) -> list[dict]:
    """Open reporting windows: (unit, period) whose figures are due within the look-ahead or
    overdue for less than a quarter, with the indicators still missing a submitted figure."""
    lookahead = max_lookahead(spec)
    windows: dict[tuple[int, str], dict] = {}
    periods: dict[str, tuple] = {}
    for code in Target.objects.values_list("period", flat=True).distinct().order_by():
        try:
            period = parse_period(code)
        except PeriodError:
            continue
        due = report_due_date(period.end, spec.report_due_day)
        if today - timedelta(days=REPORT_HORIZON_DAYS) <= due <= today + timedelta(
                days=lookahead):
            periods[code] = (period, due)
    if not periods:
        return []
    targets = (Target.objects.filter(period__in=list(periods))
               .values_list("unit_id", "period", "indicator_id", "indicator__name").order_by())
    reported = set(Figure.objects.filter(
        period__in=list(periods), superseded_by__isnull=True,
        state__in=[FigureState.SUBMITTED, FigureState.APPROVED],
    ).values_list("unit_id", "period", "indicator_id"))
    for unit, code, ind, name in targets:
        if (unit, code, ind) in reported:
            continue
        period, due = periods[code]
        w = windows.setdefault((unit, code), {"unit": unit, "period": code,
                                              "label": period.label_vi, "due": due,
                                              "missing": {}})
        w["missing"][ind] = name
    return list(windows.values())


def _report_items(today: date, spec: RuleSpec, audience: Audience, unit_names: dict,
                  windows: list[dict]) -> list[Item]:
    items = []
    for w in windows:
        for stage in stages_for_deadline(w["due"], today, spec):
            kind = {"before": ItemKind.REPORT_BEFORE, "due": ItemKind.REPORT_DUE,
                    "overdue": ItemKind.REPORT_OVERDUE}.get(stage.kind,
                                                            ItemKind.REPORT_ESCALATION)
            subject = {"type": "report", "unit_id": w["unit"],
                       "unit": unit_names.get(w["unit"], ""), "period": w["period"],
                       "period_label": w["label"], "deadline": w["due"].isoformat(),
                       "days_left": stage.days_left, "stage": stage.key,
                       "audience": stage.audience,
                       "missing": sorted(w["missing"].values())}
            for uid in audience.for_stage(stage.audience, w["unit"]):
                items.append(Item(
                    f"report:{w['unit']}:{w['period']}:{w['due']:%Y%m%d}:{stage.key}:{uid}",
                    uid, kind, subject, spec.urgent))
    return items


STUCK_AFTER_DAYS = 3  # a completion report or figures waiting this long: the office hears
STUCK_EVERY_DAYS = 7  # … and again every week while they wait


def _stuck_step(waited: int) -> int | None:
    return None if waited < STUCK_AFTER_DAYS else (waited - STUCK_AFTER_DAYS) // STUCK_EVERY_DAYS


def _stuck_items(today: date, spec: RuleSpec, audience: Audience, unit_names: dict,
                 ) -> list[Item]:
    """What is stuck with the office: completion reports waiting for acceptance and submitted
    figures waiting for approval, from 3 days on, then weekly."""
    items = []
    for pk, title, unit, updated in (Task.objects.filter(state=TaskState.SUBMITTED)
                                     .values_list("pk", "title", "lead_unit_id", "updated_at")
                                     .order_by()):
        waited = (today - updated.astimezone(VN).date()).days
        step = _stuck_step(waited)
        if step is None:
            continue
        subject = {"type": "task", "id": pk, "title": title, "unit": unit_names.get(unit, ""),
                   "waited": waited, "stage": f"stuck-{step}", "audience": "office"}
        for uid in audience.for_stage("office", unit):
            items.append(Item(f"stuck:task:{pk}:{step}:{uid}", uid, ItemKind.STUCK_TASK,
                              subject, spec.urgent))
    waiting: dict[tuple[int, str], dict] = {}
    for unit, code, at in (Figure.objects.filter(state=FigureState.SUBMITTED,
                                                 superseded_by__isnull=True)
                           .values_list("unit_id", "period", "submitted_at").order_by()):
        if at is None:
            continue
        w = waiting.setdefault((unit, code), {"n": 0, "oldest": at})
        w["n"] += 1
        w["oldest"] = min(w["oldest"], at)
    for (unit, code), w in sorted(waiting.items()):
        waited = (today - w["oldest"].astimezone(VN).date()).days
        step = _stuck_step(waited)
        if step is None:
            continue
        try:
            label = parse_period(code).label_vi
        except PeriodError:
            label = code
        subject = {"type": "figures", "unit_id": unit, "unit": unit_names.get(unit, ""),
                   "period": code, "period_label": label, "count": w["n"], "waited": waited,
                   "stage": f"stuck-{step}", "audience": "office"}
        for uid in audience.for_stage("office", unit):
            items.append(Item(f"stuck:figures:{unit}:{code}:{step}:{uid}", uid,
                              ItemKind.STUCK_FIGURES, subject, spec.urgent))
    return items


MISSED_HORIZON_DAYS = 120  # periods ended this recently count for "targets not met"


def _missed_targets(today: date) -> dict[int, list[str]]:
    """Per unit, the targets of periods ended in the last four months whose approved figure
    is "không đạt" (indicators.rules.assess, with the office's verdict rule)."""
    periods = {}
    for code in Target.objects.filter(scope=TargetScope.PERIOD).values_list(
            "period", flat=True).distinct().order_by():
        try:
            period = parse_period(code)
        except PeriodError:
            continue
        if today - timedelta(days=MISSED_HORIZON_DAYS) <= period.end < today:
            periods[code] = period
    if not periods:
        return {}
    actual = {(u, i, p): v for u, i, p, v in Figure.objects.filter(
        period__in=list(periods), superseded_by__isnull=True, state=FigureState.APPROVED,
    ).values_list("unit_id", "indicator_id", "period", "value")}
    rule = verdict_rule()
    missed: dict[int, list[str]] = defaultdict(list)
    for unit, ind, name, direction, code, value, bound, high in (
            Target.objects.filter(period__in=list(periods), scope=TargetScope.PERIOD)
            .values_list("unit_id", "indicator_id", "indicator__name", "indicator__direction",
                         "period", "value", "bound", "value_high")
            .order_by("indicator__sort_order", "pk")):
        figure = actual.get((unit, ind, code))
        if figure is None:
            continue
        verdict = judge(figure, TargetSpec(value=value, bound=Bound(bound), value_high=high),
                        direction, rule).verdict
        label = f"{name} ({periods[code].label_vi})"
        if verdict == Verdict.NOT_ACHIEVED and label not in missed[unit]:
            missed[unit].append(label)
    return missed


def _weekly_items(today: date, spec: RuleSpec, cal: Calendar, audience: Audience,
                  unit_names: dict, windows: list[dict]) -> list[Item]:
    """Monday (by default) summary for leaders and unit heads: units of their subtree with
    overdue tasks, late figures or targets missed in a recently ended period. A day off moves
    it to the next working day of the week."""
    monday = today - timedelta(days=today.weekday())
    send_day = monday + timedelta(days=spec.weekday)
    if spec.skip_holidays:
        while not cal.working(send_day) and send_day < monday + timedelta(days=6):
            send_day += timedelta(days=1)
    if today < send_day or not audience.leaders:
        return []
    overdue_tasks: dict[int, int] = defaultdict(int)
    for unit, count in (Task.objects.filter(state__in=OPEN_STATES)
                        .annotate(due=Coalesce("extended_deadline", "deadline"))
                        .filter(due__lt=today).values("lead_unit_id")
                        .annotate(n=Count("pk")).values_list("lead_unit_id", "n").order_by()):
        overdue_tasks[unit] = count
    late_reports: dict[int, list[str]] = defaultdict(list)
    for w in windows:
        if w["due"] < today:
            late_reports[w["unit"]].append(f"{w['label']} ({len(w['missing'])})")
    missed = _missed_targets(today)
    lagging = set(overdue_tasks) | set(late_reports) | set(missed)
    if not lagging:
        return []
    year, week, _ = today.isocalendar()
    items = []
    for uid, unit in audience.leaders:
        mine = sorted(lagging & audience.subtree(unit), key=lambda u: unit_names.get(u, ""))
        if not mine:
            continue
        rows = [{"unit": unit_names.get(u, ""), "overdue_tasks": overdue_tasks.get(u, 0),
                 "late_reports": late_reports.get(u, []), "missed_targets": missed.get(u, [])}
                for u in mine]
        subject = {"type": "weekly", "week": f"{year}-W{week:02d}", "unit_id": unit,
                   "unit": unit_names.get(unit, ""), "rows": rows}
        items.append(Item(f"weekly:{year}-W{week:02d}:{unit}:{uid}", uid, ItemKind.WEEKLY,
                          subject, spec.urgent))
    return items


# --- writing ---------------------------------------------------------------------------------

def _fingerprint(specs: dict, cal: Calendar, audience: Audience) -> str:
    """What, besides the tasks themselves, decides the day's task reminders."""
    parts = (sorted((k, repr(v)) for k, v in specs.items()), sorted(cal.extra_off),
             sorted(cal.extra_on), sorted(audience.parent.items()),
             *(sorted((u, tuple(v)) for u, v in t.items())
               for t in (audience.focal, audience.heads, audience.office)))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _lock() -> None:
    """Serialise planners: PostgreSQL advisory lock for this transaction. SQLite transactions
    are already IMMEDIATE (one writer at a time)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [7_452_001])


def plan(*, now: datetime, dry_run: bool = False) -> queueing.PlanResult:
    """Plan everything due at `now`. With `dry_run` the same work is done and rolled back."""
    local = now.astimezone(VN)
    today = local.date()
    with transaction.atomic():
        _lock()
        wall = clock.now()
        specs = load_specs()
        cal = load_calendar()
        audience = Audience()
        unit_names = dict(Unit.objects.values_list("pk", "name"))
        fingerprint = _fingerprint(specs, cal, audience)
        run = PlannerRun.objects.filter(day=today).first()
        since = run.started_at if run and run.fingerprint == fingerprint else None
        items: list[Item] = []
        windows: list[dict] = []
        if specs[RuleKind.TASK]:
            items += _task_items(today, specs[RuleKind.TASK], audience, unit_names, since)
        if specs[RuleKind.REPORTING]:
            windows = _report_windows(today, specs[RuleKind.REPORTING])
            items += _report_items(today, specs[RuleKind.REPORTING], audience, unit_names,
                                   windows)
        if specs[RuleKind.WEEKLY]:
            items += _weekly_items(today, specs[RuleKind.WEEKLY], cal, audience, unit_names,
                                   windows)
        if specs[RuleKind.TASK]:
            items += _stuck_items(today, specs[RuleKind.TASK], audience, unit_names)
        base = specs[RuleKind.TASK] or RuleSpec()
        result = queueing.write(items=items, now=now, local=local, spec=base, cal=cal)
        result.incremental = since is not None
        PlannerRun.objects.update_or_create(
            day=today, defaults={"started_at": wall, "fingerprint": fingerprint})
        if dry_run:
            transaction.set_rollback(True)
    return result
