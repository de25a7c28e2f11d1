"""Reads of tasks with their status on a date, scoped to what the user sees."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Q

from tiendo.orgs import access
from tiendo.tasks.models import Task
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


def visible_tasks(*, user):
    qs = Task.objects.all()
    ids = access.visible_unit_ids(user)
    if ids is not None:
        qs = qs.filter(Q(lead_unit_id__in=ids) | Q(coordinating_units__in=ids)).distinct()
    return qs


def task_rows(*, user, on: date, unit_code: str | None = None, status: str | None = None,
              programme: str | None = None, text: str | None = None) -> list[TaskRow]:
    """Tasks the user sees with their status on `on`. Queries: access (2), tasks with lead
    unit and programme (1), coordinating units (1, prefetched)."""
    qs = visible_tasks(user=user).select_related("lead_unit", "programme").prefetch_related(
        "coordinating_units"
    )
    if unit_code:
        qs = qs.filter(Q(lead_unit__code=unit_code) | Q(coordinating_units__code=unit_code))
    if programme:
        qs = qs.filter(programme__code=programme)
    if text:
        qs = qs.filter(title__icontains=text)
    rows = [TaskRow(t, status_of(t, on)) for t in qs.order_by("deadline", "pk")]
    if status:
        rows = [r for r in rows if r.status.status == TaskStatus(status)]
    return rows
