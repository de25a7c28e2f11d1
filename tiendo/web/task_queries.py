"""Page-specific reads for the task pages and "My work": a focal point's week, the units an
office may assign to, a task's timeline."""

from datetime import date, timedelta

from tiendo.indicators.queries import figure_table
from tiendo.lib.periods import Period
from tiendo.orgs import access
from tiendo.tasks.queries import task_rows
from tiendo.tasks.rules import TaskStatus


def my_work(*, user, on: date, period: Period) -> dict:
    """A focal point's week: tasks due within 7 days or overdue, returned work, figures still
    to submit in the open period."""
    writable = access.writable_unit_ids(user)
    rows = task_rows(user=user, on=on)
    mine = [r for r in rows if writable is None or r.task.lead_unit_id in writable]
    week_end = on + timedelta(days=7)
    open_rows = [r for r in mine if not r.status.done]
    overdue = [r for r in open_rows if r.status.status == TaskStatus.OVERDUE]
    due_week = [r for r in open_rows if r.status.status == TaskStatus.IN_PROGRESS
                and r.status.deadline_in_force and r.status.deadline_in_force <= week_end]
    returned = [r for r in open_rows if r.task.state == "returned"]
    later = [r for r in open_rows if r not in overdue and r not in due_week]
    figs = figure_table(user=user, period=period, include_drafts=True)
    to_submit = [r for r in figs if (writable is None or r.unit.pk in writable)
                 and (r.figure is None or r.figure.state in ("draft", "returned"))]
    return {"overdue": overdue, "due_week": due_week, "returned": returned, "later": later,
            "to_submit": to_submit, "week_end": week_end}


def units_managed_by(user):
    """Units whose tasks the user may create and decide on (office of the unit or above)."""
    from tiendo.orgs.models import Unit

    ids = access.managed_unit_ids(user)
    qs = Unit.objects.all() if ids is None else Unit.objects.filter(pk__in=ids)
    return qs.filter(valid_to__isnull=True).order_by("tree", "path")


def timeline(task) -> list[dict]:
    """A task's history, newest first: updates (with their files), extension requests and
    their decisions, directions, creation and acceptance. Queries: 4 (updates, files,
    extensions, directions)."""
    items = [{"at": task.created_at, "kind": "created", "obj": task}]
    for u in task.updates.select_related("author").prefetch_related("files"):
        items.append({"at": u.created_at, "kind": "update", "obj": u})
    for e in task.extensions.select_related("requested_by", "decided_by"):
        items.append({"at": e.requested_at, "kind": "extension", "obj": e})
        if e.decided_at:
            items.append({"at": e.decided_at, "kind": "extension_decided", "obj": e})
    for d in task.directions.select_related("author"):
        items.append({"at": d.created_at, "kind": "direction", "obj": d})
    if task.accepted_at:
        items.append({"at": task.accepted_at, "kind": "accepted", "obj": task})
    items.sort(key=lambda i: i["at"], reverse=True)
    return items


