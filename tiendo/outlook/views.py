"""The early-warning page (/canh-bao/) and its panel partial (HX-Request or ?partial=1)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from tiendo.lib.periods import PeriodError, parse_period, period_of_date
from tiendo.outlook.queries import outlook

PANEL_LIMIT = 10


@login_required
def page(request):
    today = timezone.localdate()
    code = request.GET.get("period", "").strip()
    error, status = None, 200
    try:
        period = parse_period(code) if code else period_of_date(today, "quarter")
    except PeriodError as exc:
        error = exc.message_en if (get_language() or "").startswith("en") else str(exc)
        status = 400
        period = period_of_date(today, "quarter")
    result = outlook(user=request.user, period=period)
    context = {"outlook": result, "period_error": error, "panel_limit": PANEL_LIMIT}
    partial = request.headers.get("HX-Request") or request.GET.get("partial")
    template = "outlook/_panel.html" if partial else "outlook/page.html"
    return render(request, template, context, status=status)
