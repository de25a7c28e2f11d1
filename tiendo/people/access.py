"""The evaluation or work item a user may open: ``orgs.access.evaluation_role`` applied to one
row, with the person's direct superior read from their position."""

from django.http import Http404

from tiendo.orgs.access import evaluation_role
from tiendo.people.models import Evaluation, Position, WorkItem


def manager_of(person_id: int, unit_id: int) -> int | None:
    return Position.objects.filter(user_id=person_id, unit_id=unit_id).values_list(
        "manager_id", flat=True).first()


def _personal_for_user(model, user, pk):
    """(row, role) of a person's evaluation or work item, or 404 outside evaluation_role."""
    try:
        row = model.objects.select_related("person", "unit").get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    role = evaluation_role(user, person_id=row.person_id, unit_id=row.unit_id,
                           manager_id=manager_of(row.person_id, row.unit_id))
    if role is None:
        raise Http404
    return row, role


def get_evaluation_for_user(user, pk):
    """(evaluation, role) or 404 outside what evaluation_role allows."""
    return _personal_for_user(Evaluation, user, pk)


def get_work_item_for_user(user, pk):
    """(work item, role) or 404, with the same rule as evaluations."""
    return _personal_for_user(WorkItem, user, pk)
