"""The task a user may open: the unit rule of ``orgs.access`` applied to one task."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from tiendo.orgs.access import can_see_unit, can_write_unit
from tiendo.tasks.models import Task


def get_task_for_user(user, pk, *, write: bool = False) -> Task:
    """A task is visible through its lead unit or any coordinating unit; writable through
    its lead unit (focal point or office above it)."""
    try:
        task = Task.objects.select_related("lead_unit", "programme").get(pk=pk)
    except (Task.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    unit_ids = {task.lead_unit_id, *task.coordinating_units.values_list("pk", flat=True)}
    if not any(can_see_unit(user, u) for u in unit_ids):
        raise Http404
    if write and not can_write_unit(user, task.lead_unit_id):
        raise PermissionDenied
    return task
