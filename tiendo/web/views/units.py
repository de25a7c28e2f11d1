"""Units: the tree of units the user sees, and a unit's drill-down page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tiendo.orgs import access
from tiendo.tasks.rules import TaskStatus
from tiendo.web import queries
from tiendo.web.views.common import today, wants_xlsx
from tiendo.web.views.exports import figures_xlsx, units_xlsx


@login_required
def unit_list(request):
    units = list(access.units_visible_to(request.user).select_related("parent")
                 .order_by("tree", "path"))
    if wants_xlsx(request):
        return units_xlsx(units)
    return render(request, "web/units.html", {"units": units})


@login_required
def detail(request, pk):
    unit = access.get_unit_for_user(request.user, pk)
    codes = queries.period_codes()
    on = today()
    period, error = queries.pick_period(request.GET.get("period"), codes, on)
    rows = queries.figure_rows(user=request.user, period=period, unit=unit)
    if wants_xlsx(request):
        return figures_xlsx(rows, period)
    tasks = queries.task_list(user=request.user, on=on,
                              filters=queries.TaskFilters(unit=unit))
    counts = dict.fromkeys(TaskStatus, 0)
    for r in tasks:
        counts[r.status.status] += 1
    classes = dict.fromkeys(queries.ROW_CLASSES, 0)
    for r in rows:
        classes[queries.row_class(r)] += 1
    return render(request, "web/unit.html", {
        "unit": unit, "period": period, "period_error": error, "period_codes": codes,
        "rows": rows, "tasks": tasks, "on": on, "classes": classes,
        "task_counts": [(s, queries.status_label(s), n) for s, n in counts.items()],
        "children": [u for u in unit.children.all() if access.can_see_unit(request.user, u.pk)],
        "predecessors": list(unit.predecessors.all()), "successors": list(unit.successors.all()),
        "trend": queries.trend(user=request.user, period=period, tasks=tasks, unit=unit),
        "keep": [],
    })
