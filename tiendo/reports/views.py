"""/bao-cao/: the office picks a period (and optionally a unit) and downloads the report in
one press per format."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tiendo.orgs import access
from tiendo.reports.builds import FORMAT_LABELS, BuildError, build
from tiendo.reports.xlsx import CSV_SHEETS
from tiendo.web.period_choice import chosen_period


@login_required
@require_GET
def index(request):
    today = timezone.localdate()
    context = {
        "period": chosen_period(request, on=today)[0],
        "units": access.units_visible_to(request.user).order_by("tree", "path"),
        "formats": FORMAT_LABELS.items(),
    }
    return render(request, "reports/index.html", context)


@login_required
@require_GET
def download(request, fmt: str):
    period = request.GET.get("period", "")
    unit = request.GET.get("unit") or None
    tree = request.GET.get("tree") if request.GET.get("tree") in ("party", "state") else None
    # the CSV's table: indicators (default), tasks or ratings, as `tiendo report --sheet`
    sheet = request.GET.get("sheet") if request.GET.get("sheet") in CSV_SHEETS else "indicators"
    try:
        built = build(fmt, user=request.user, period=period, unit_code=unit, tree=tree,
                      on=timezone.localdate(), sheet=sheet)
    except BuildError as exc:
        context = {"period": period, "error": str(exc), "formats": FORMAT_LABELS.items(),
                   "units": access.units_visible_to(request.user).order_by("tree", "path")}
        return render(request, "reports/index.html", context, status=400)
    response = HttpResponse(built.content, content_type=built.content_type)
    response["Content-Disposition"] = f'attachment; filename="{built.filename}"'
    return response
