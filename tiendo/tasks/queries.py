"""Reads of tasks with their status on a date, scoped to what the user sees."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import BooleanField, Case, CharField, F, Func, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from tiendo.orgs import access
from tiendo.tasks.models import Task, TaskState
from tiendo.tasks.rules import StatusResult, TaskStatus, task_status


@dataclass
class TaskRow:
    task: Task
    status: StatusResult

    def as_json(self) -> dict:
        t = self.task
        return {
            "id": t.pk,
            "code": t.code,
            "title": t.title,
            "lead_unit": t.lead_unit.code,
            "lead_unit_name": t.lead_unit.name,
            "coordinating_units": [u.code for u in t.coordinating_units.all()],
            "programme": t.programme.code if t.programme else None,
            "period": t.period or None,
            "deadline": t.deadline.isoformat() if t.deadline else None,
            "deadline_in_force": (self.status.deadline_in_force.isoformat()
                                  if self.status.deadline_in_force else None),
            "progress": t.progress,
            "state": t.state,
            "status": self.status.status.value,
            "days_overdue": self.status.days_overdue,
            "completed_on": t.closed_on.isoformat() if t.closed_on else None,
            "is_key": t.is_key,
            "expected_product": t.expected_product,
            "is_sample": t.is_sample,
        }


def status_of(task: Task, on: date) -> StatusResult:
    return task_status(
        deadline=task.deadline, completed_on=task.closed_on, on=on,
        extended_deadline=task.extended_deadline,
        extension_counts_on_time=settings.TIENDO_RULES["extension_counts_on_time"],
    )


class _AnyOfArray(Func):
    """`expression = ANY(ARRAY(subquery))` (PostgreSQL): the subquery runs once and the
    comparison can use the index, where `IN (subquery)` inside an OR makes PostgreSQL read
    every row of the table."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


def _coordinated_by(ids) -> Q:
    """Tasks a unit of `ids` coordinates (the ids, or a subquery of units)."""
    coordinated = Task.coordinating_units.through.objects.filter(
        unit_id__in=ids).values("task_id")
    if connection.vendor == "postgresql":
        return Q(_AnyOfArray(F("pk"), ArraySubquery(coordinated)))
    return Q(pk__in=coordinated)


def visible_tasks(*, user):
    """Tasks led by, or coordinated with, a unit the user sees. No DISTINCT: the coordinating
    units are a subquery, so counts and pages stay plain indexed reads (on PostgreSQL, both
    sides of the OR read an index and their bitmaps are OR-ed)."""
    qs = Task.objects.all()
    ids = access.visible_units_in_sql(user)
    if ids is not None:
        qs = qs.filter(Q(lead_unit_id__in=ids) | _coordinated_by(ids))
    return qs


def with_status(qs: QuerySet, on: date) -> QuerySet:
    """Annotate `in_force` (the deadline in force) and `status` (a TaskStatus value) on `on`,
    in SQL, with the same rules as tasks.rules.task_status: overdue as of `on` is a condition
    of the query, not a scan."""
    if settings.TIENDO_RULES["extension_counts_on_time"]:
        in_force = Coalesce("extended_deadline", "deadline")
    else:
        in_force = F("deadline")
    closed = Q(state=TaskState.DONE, completed_on__isnull=False, completed_on__lte=on)
    return qs.annotate(in_force=in_force).annotate(status=Case(
        When(closed & Q(in_force__isnull=False, completed_on__gt=F("in_force")),
             then=Value(TaskStatus.DONE_LATE.value)),
        When(closed, then=Value(TaskStatus.DONE_ON_TIME.value)),
        When(in_force__lt=on, then=Value(TaskStatus.OVERDUE.value)),
        default=Value(TaskStatus.IN_PROGRESS.value), output_field=CharField(),
    ))


def of_periods(periods) -> Q:
    """Tasks of any of ``periods`` (lib.periods.Period): assigned to it, or due in it."""
    q = Q(pk__in=[])
    for p in periods:
        q |= Q(period=p.code) | Q(deadline__gte=p.start, deadline__lte=p.end)
    return q


def task_rows(*, user, on: date, unit_code: str | None = None, status: str | None = None,
              programme: str | None = None, text: str | None = None,
              periods=None) -> list[TaskRow]:
    """Tasks the user sees with their status on `on`; with ``periods``, only the tasks of those
    periods (:func:`of_periods`). Queries: access (2), tasks with lead unit and programme (1),
    coordinating units (1, prefetched)."""
    qs = visible_tasks(user=user).select_related("lead_unit", "programme").prefetch_related(
        "coordinating_units"
    )
    if periods is not None:
        qs = qs.filter(of_periods(periods))
    if unit_code:
        coordinated = Task.coordinating_units.through.objects.filter(
            unit__code=unit_code).values("task_id")
        qs = qs.filter(Q(lead_unit__code=unit_code) | Q(pk__in=coordinated))
    if programme:
        qs = qs.filter(programme__code=programme)
    if text:
        qs = qs.filter(title__icontains=text)
    rows = [TaskRow(t, status_of(t, on)) for t in qs.order_by("deadline", "pk")]
    if status:
        rows = [r for r in rows if r.status.status == TaskStatus(status)]
    return rows
