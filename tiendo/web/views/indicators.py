"""The indicator catalogue, an indicator's page (history, chart, breakdown, evidence) and the
download of an evidence file."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from tiendo.indicators.models import Direction, Field, Indicator
from tiendo.orgs import access
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
    rows = indicator_queries.indicator_history(user=request.user, indicator=indicator)
    if wants_xlsx(request):
        return history_xlsx(indicator, rows)
    # The breakdown shows the latest period with a reported figure (else the latest plan).
    reported = [r for r in rows if r.figure]
    latest = (reported or rows)[0].period if rows else None
    breakdown = [r for r in rows if latest and r.period == latest]
    evidence = [(r, e) for r in rows if r.figure for e in r.figure.evidence.all()]
    chart = indicator_queries.history_chart(rows)
    chart["names"] = [_("Kế hoạch"), _("Thực hiện")]
    return render(request, "web/indicator.html", {
        "indicator": indicator, "rows": rows, "latest": latest, "breakdown": breakdown,
        "evidence": evidence, "chart": chart, "rule": queries.verdict_rule_text(),
    })


@login_required
def evidence_file(request, pk, ev_pk):
    figure = access.get_figure_for_user(request.user, pk)
    ev = get_object_or_404(figure.evidence, pk=ev_pk)
    return file_response(ev.file, ev.original_name or ev.file.name)
