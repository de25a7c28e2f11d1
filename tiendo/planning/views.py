"""Plans on screen: the dashboard's term panel (loaded by htmx into the overview) and the
planning grid."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tiendo.lib import clock
from tiendo.lib.periods import PeriodError, parse_period
from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.planning.grid import catalogue, grid_for, grid_save
from tiendo.planning.queries import term_rows


@login_required
def term_panel(request):
    if not access.has_role(request.user, Role.OFFICE, Role.LEADER, Role.INSPECTOR):
        raise PermissionDenied
    rows = term_rows(user=request.user, on=clock.today())
    return render(request, "planning/_term_panel.html", {"rows": rows})


@login_required
def grid(request):
    """Targets of a period for the units the user manages × indicators, pasted or typed."""
    if not access.has_role(request.user, Role.OFFICE):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    raw_period = (source.get("period") or str(clock.today().year)).strip()
    codes = [c for c in source.getlist("indicator") if c]
    try:
        period = parse_period(raw_period).code
    except PeriodError as exc:
        period, period_error = str(clock.today().year), str(exc)
    else:
        period_error = ""
    g = grid_for(user=request.user, period=period, indicator_codes=codes)
    status = 200
    if request.method == "POST" and not period_error:
        posted = {(u.code, i.code): request.POST.get(f"c-{u.code}-{i.code}", "")
                  for u in g.units for i in g.indicators}
        result = grid_save(actor=request.user, grid=g, posted=posted)
        if result.errors:
            status = 422
        else:
            messages.success(request, _("Đã lưu kế hoạch {period}: {c} ô mới, {u} ô sửa.").format(
                period=period, c=result.total("created"), u=result.total("updated")))
            return redirect(_grid_url(period, codes))
    return render(request, "planning/grid.html", {
        "grid": g, "period_error": period_error,
        "rows": [(u, [(i, g.cell(u, i), g.errors.get((u.code, i.code))) for i in g.indicators])
                 for u in g.units],
        "all_indicators": catalogue(),
        "chosen": codes}, status=status)


def _grid_url(period: str, codes: list[str]) -> str:
    return "/ke-hoach/luoi/?" + urlencode([("period", period)] + [("indicator", c)
                                                                  for c in codes])
