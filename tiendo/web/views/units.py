"""Units: the tree of units the user sees, and a unit's drill-down page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tiendo.indicators.period_choice import chosen_period
from tiendo.indicators.periods import period_codes
from tiendo.indicators.queries import ROW_ORDER
from tiendo.orgs import access
from tiendo.web import queries
from tiendo.web.views.common import paginate, today, wants_xlsx
from tiendo.web.views.exports import figures_xlsx, units_xlsx

FIGURES_PER_PAGE = 100


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
    codes = period_codes()
    on = today()
    period, error = chosen_period(request, codes, on)
    if wants_xlsx(request):
        return figures_xlsx(queries.figure_rows(user=request.user, period=period, unit=unit),
                            period)
    assessed = queries.scoped_assessments(user=request.user, period=period, unit=unit)
    quarters = [q.code for q in queries.quarters_back(period, 6)]
    counts_by = queries.period_counts(user=request.user, unit=unit,
                                      codes=dict.fromkeys([period.code, *quarters]))
    classes = {c: counts_by[period.code][c] for c in queries.ROW_CLASSES}
    page = paginate(request, assessed.order_by(*ROW_ORDER), FIGURES_PER_PAGE,
                    count=sum(classes.values()))
    tasks = queries.task_list_qs(user=request.user, on=on,
                                 filters=queries.TaskFilters(unit=unit))
    counts = queries.status_counts(tasks)
    related = queries.related_units(user=request.user, unit=unit)
    return render(request, "web/unit.html", {
        "unit": unit, "period": period, "period_error": error, "period_codes": codes,
        "rows": queries.rows_from(page.object_list, period), "page": page,
        "task_total": sum(counts.values()), "on": on, "classes": classes,
        "task_counts": [(s, queries.status_label(s), n) for s, n in counts.items()],
        **related,
        "trend": queries.trend(user=request.user, period=period, on=on, unit=unit,
                               counts=counts_by),
        "keep": [],
    })
