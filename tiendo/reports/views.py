"""/bao-cao/: the office picks a period (and optionally a unit) and downloads the report in
one press per format."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tiendo.indicators.period_choice import chosen_period
from tiendo.lib import clock
from tiendo.lib.periods import period_of_date
from tiendo.orgs import access
from tiendo.reports import services
from tiendo.reports.builds import FORMAT_LABELS, FORMATS, BuildError, build
from tiendo.reports.content import report_profile
from tiendo.reports.models import SignoffState
from tiendo.reports.queries import get_signoff_for_user, signoffs_for
from tiendo.reports.xlsx import CSV_SHEETS

MSG_BAD_ISSUE_DATE = _("Ngày ban hành không hợp lệ.")


def _last_quarter(today):
    return period_of_date(today, "quarter").previous()


@login_required
@require_GET
def index(request):
    today = clock.today()
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
                      on=clock.today(), sheet=sheet)
    except BuildError as exc:
        context = {"period": period, "error": str(exc), "formats": FORMAT_LABELS.items(),
                   "units": access.units_visible_to(request.user).order_by("tree", "path")}
        return render(request, "reports/index.html", context, status=400)
    response = HttpResponse(built.content, content_type=built.content_type)
    response["Content-Disposition"] = f'attachment; filename="{built.filename}"'
    return response


# --- sign-off: /bao-cao/trinh-ky/ ---------------------------------------------------------

ACTIONS = {"review": services.signoff_review, "approve": services.signoff_approve}


def _signoff_page(request, signoff, *, error: str = "", status: int = 200):
    from tiendo.audit.queries import entries_for, may_read_trail

    history = (entries_for(user=request.user, object_type="reports.reportsignoff",
                           object_id=str(signoff.pk)).select_related(None)[:20]
               if may_read_trail(request.user) else [])
    verification = None
    if signoff.state == SignoffState.ISSUED and signoff.pdf_signed:
        from tiendo.reports.signing import verify_pdf

        verification = verify_pdf(bytes(signoff.pdf))
    office = access.holds_role_over(request.user, signoff.issuer, "office")
    leader = access.holds_role_over(request.user, signoff.issuer, "leader")
    context = {"s": signoff, "error": error, "history": history,
               "office": office, "leader": leader,
               "verification": verification, "today": clock.today(),
               "States": SignoffState}
    return render(request, "reports/signoff.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def signoff_list(request):
    error = ""
    if request.method == "POST":
        issuer = access.get_unit_by_code_for_user(request.user, request.POST.get("issuer", ""))
        try:
            s = services.signoff_create(actor=request.user, issuer=issuer,
                                        period=request.POST.get("period", ""))
        except (ValidationError, PermissionDenied) as exc:
            error = " ".join(getattr(exc, "messages", [str(exc)]))
        else:
            return redirect("reports:signoff", pk=s.pk)
    profile = report_profile()
    context = {"signoffs": signoffs_for(user=request.user), "error": error,
               "period": request.POST.get("period") or _last_quarter(clock.today()).code,
               "issuers": access.units_visible_to(request.user).order_by("tree", "path"),
               "issuer": request.POST.get("issuer") or (
                   profile.issuer.code if profile and profile.issuer_id else "")}
    return render(request, "reports/signoff_list.html", context, status=400 if error else 200)


@login_required
@require_GET
def signoff_detail(request, pk: int):
    return _signoff_page(request, get_signoff_for_user(request.user, pk))


@login_required
@require_POST
def signoff_act(request, pk: int, action: str):
    signoff = get_signoff_for_user(request.user, pk)
    version = request.POST.get("version")
    expected = int(version) if version and version.isdigit() else None
    try:
        if action in ACTIONS:
            ACTIONS[action](actor=request.user, signoff=signoff, expected_version=expected)
        elif action == "return":
            services.signoff_return(actor=request.user, signoff=signoff,
                                    reason=request.POST.get("reason", ""),
                                    expected_version=expected)
        elif action == "issue":
            try:
                issued_on = date.fromisoformat(request.POST.get("issued_on", ""))
            except ValueError as exc:
                raise ValidationError(MSG_BAD_ISSUE_DATE) from exc
            services.signoff_issue(actor=request.user, signoff=signoff,
                                   number=request.POST.get("number", ""), issued_on=issued_on,
                                   today=clock.today(), expected_version=expected)
        else:
            raise Http404
    except (ValidationError, PermissionDenied) as exc:
        signoff.refresh_from_db()
        return _signoff_page(request, signoff, status=403 if isinstance(
            exc, PermissionDenied) else 422, error=" ".join(getattr(exc, "messages",
                                                                     [str(exc)])))
    return redirect("reports:signoff", pk=signoff.pk)


@login_required
@require_GET
def signoff_file(request, pk: int, fmt: str):
    """The issued files as stored; before issue, the draft built from today's data."""
    signoff = get_signoff_for_user(request.user, pk)
    if fmt not in ("docx", "pdf"):
        raise Http404
    if signoff.state == SignoffState.ISSUED:
        content = bytes(getattr(signoff, fmt))
        name = f"bao-cao-{signoff.period}-{slugify(signoff.number)}.{fmt}"
    else:
        built = build(fmt, user=request.user, period=signoff.period,
                      issuer_code=signoff.issuer.code, on=clock.today())
        content, name = built.content, f"du-thao-{built.filename}"
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
