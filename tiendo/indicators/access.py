"""The figure a user may open: the unit rule of ``orgs.access`` applied to one figure."""

from django.http import Http404

from tiendo.indicators.models import Figure
from tiendo.orgs.access import check_units


def get_figure_for_user(user, pk, *, write: bool = False) -> Figure:
    try:
        figure = Figure.objects.select_related("indicator", "unit").get(pk=pk)
    except (Figure.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    check_units(user, {figure.unit_id}, write)
    return figure
