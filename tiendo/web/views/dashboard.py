"""The overview (tổng quan) for leaders and the office, and the table of a period's figures."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tiendo.indicators.models import Field
from tiendo.indicators.period_choice import chosen_period
from tiendo.indicators.periods import period_codes
from tiendo.web import queries
from tiendo.web.views.common import (
    paginate,
    sees_overview,
    today,
    visible_unit_from,
    wants_xlsx,
)
from tiendo.web.views.exports import figures_xlsx

FIGURES_PER_PAGE = 200


@login_required
def home(request):
    """Numbers first, in the HTML; the charts script loads after and reads the same numbers."""
    if not sees_overview(request.user):
        return redirect("web:mywork")
    codes = period_codes()
    on = today()
    period, error = chosen_period(request, codes, on)
    if wants_xlsx(request):
        return figures_xlsx(queries.figure_rows(user=request.user, period=period), period)
    data = queries.dashboard(user=request.user, period=period, on=on)
    chart = queries.dashboard_chart_data(data)
    chart["links"] = {"tasks": f"{reverse('web:tasks')}?period={period.code}"}
    # The overview lists the key indicators (chỉ tiêu chủ yếu), the first KEY_ROWS of them;
    # the whole table is one click away in the figures list, and in the export.
    return render(request, "web/dashboard.html", {
        **data, "period": period, "period_error": error,
        "period_codes": codes, "on": on, "chart": chart,
        "reassessing": codes.reassessing,
    })


@login_required
def figures(request):
    """Số liệu của kỳ: the list behind every indicator number of the overview."""
    codes = period_codes()
    period, error = chosen_period(request, codes, today())
    unit = visible_unit_from(request)
    status = request.GET.get("status", "")
    filters = {"user": request.user, "period": period, "unit": unit, "status": status,
               "text": request.GET.get("q", "").strip(),
               "field_code": request.GET.get("field", "")}
    if wants_xlsx(request):
        return figures_xlsx(queries.figure_rows(**filters), period)
    page = paginate(request, queries.figure_rows_qs(**filters), FIGURES_PER_PAGE)
    return render(request, "web/figures.html", {
        "rows": queries.rows_from(page.object_list, period), "page": page,
        "total": page.paginator.count, "period": period,
        "period_error": error, "period_codes": codes,
        "unit": unit, "status": status, "fields": Field.choices,
        "statuses": [(queries.MET, _("Đạt, vượt")), (queries.NOT_MET, _("Không đạt")),
                     (queries.NOT_REPORTED, _("Chưa báo cáo")),
                     (queries.NO_TARGET, _("Chưa có kế hoạch để so"))],
    })
