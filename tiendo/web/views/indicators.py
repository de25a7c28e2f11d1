"""The indicator catalogue, an indicator's page (history, chart, breakdown, evidence) and the
download of an evidence file."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from tiendo.indicators.access import get_figure_for_user
from tiendo.indicators.models import Direction, Field, Indicator
from tiendo.web import indicator_queries, queries
from tiendo.web.views.common import render_htmx, wants_xlsx
from tiendo.web.views.exports import catalogue_xlsx, history_xlsx
from tiendo.web.views.tasks import file_response


@login_required
def catalogue(request):
    g = request.GET
    items = indicator_queries.catalogue(
        text=g.get("q", "").strip(), field_code=g.get("field", ""),
        direction=g.get("direction", ""), key_only=g.get("key") == "1")
    if wants_xlsx(request):
        return catalogue_xlsx(items)
    return render_htmx(request, "web/indicators.html", "web/_indicator_rows.html", {
        "items": items, "fields": Field.choices, "directions": Direction.choices})


@login_required
def detail(request, pk):
    # The catalogue is shared by every unit; the figures below are scoped by orgs.access.
    indicator = get_object_or_404(Indicator.objects.select_related("programme"), pk=pk)
    if wants_xlsx(request):
        rows = indicator_queries.indicator_history(user=request.user, indicator=indicator)
        return history_xlsx(indicator, rows)
    data = indicator_queries.indicator_page(user=request.user, indicator=indicator,
                                            page_number=request.GET.get("trang"))
    chart = indicator_queries.history_chart(data.pop("chart_rows"), data.pop("combined"),
                                            indicator)
    chart["names"] = [_("Kế hoạch"), _("Thực hiện"), _("Lịch sử ghép (trước sáp nhập)")]
    return render(request, "web/indicator.html", {
        "indicator": indicator, **data, "chart": chart, "rule": queries.verdict_rule_text(),
    })


@login_required
def evidence_file(request, pk, ev_pk):
    figure = get_figure_for_user(request.user, pk)
    ev = get_object_or_404(figure.evidence, pk=ev_pk)
    return file_response(ev.file, ev.original_name or ev.file.name)
