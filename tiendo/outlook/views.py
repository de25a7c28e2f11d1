"""The early-warning page (/canh-bao/) and its panel partial (HX-Request or ?partial=1)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tiendo.indicators.period_choice import chosen_period
from tiendo.lib import clock
from tiendo.outlook.queries import outlook

PANEL_LIMIT = 10


@login_required
def page(request):
    today = clock.today()
    period, error = chosen_period(request, on=today)
    status = 400 if error else 200
    result = outlook(user=request.user, period=period)
    context = {"outlook": result, "period_error": error, "panel_limit": PANEL_LIMIT}
    partial = request.headers.get("HX-Request") or request.GET.get("partial")
    template = "outlook/_panel.html" if partial else "outlook/page.html"
    return render(request, template, context, status=status)
