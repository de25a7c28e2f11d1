"""Figures: the entry grid of a unit's indicators for a period (focal points), and the
office's approval queue. Each grid row and queue row is an HTMX partial."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiendo.indicators import services
from tiendo.indicators.access import get_figure_for_user
from tiendo.indicators.models import Field, Indicator
from tiendo.indicators.period_choice import chosen_period
from tiendo.indicators.periods import period_codes
from tiendo.lib.periods import PeriodError, parse_period
from tiendo.lib.vn_numbers import format_count, format_vn_number
from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.web import forms, indicator_queries
from tiendo.web.views.common import today, wants_xlsx
from tiendo.web.views.exports import approvals_xlsx


def _entry_units(user):
    """The units whose figures the user enters: their writable units still in force."""
    return list(access.units_writable_by(user).filter(valid_to__isnull=True)
                .order_by("tree", "path"))


@login_required
def entry(request):
    user = request.user
    if not access.has_role(user, Role.FOCAL, Role.OFFICE):
        raise PermissionDenied(services.MSG_NO_RIGHT)
    units = _entry_units(user)
    codes = period_codes()
    period, error = chosen_period(request, codes, today())
    unit = None
    if request.GET.get("unit"):
        unit = access.get_unit_by_code_for_user(user, request.GET["unit"], write=True)
    elif units:
        # open on a unit that has something to enter: the first one with targets
        with_targets = indicator_queries.units_with_targets(units=units, period=period)
        unit = next((u for u in units if u.pk in with_targets), units[0])
    rows = indicator_queries.entry_grid(unit=unit, period=period) if unit else []
    fields = dict(Field.choices)
    return render(request, "web/figure_entry.html", {
        "units": units, "unit": unit, "period": period, "period_error": error,
        "period_codes": codes, "rows": [_row_ctx(r, unit, period) for r in rows],
        "drafts": sum(1 for r in rows if r.figure and r.figure.state in ("draft", "returned")),
        "fields": sorted({(r.indicator.field, str(fields.get(r.indicator.field,
                                                                 r.indicator.field)))
                          for r in rows if r.indicator.field}, key=lambda f: f[1]),
    })


@login_required
@require_POST
def submit_all(request):
    """Gửi tất cả: every draft of the unit for the period, at once (all or nothing)."""
    unit = access.get_unit_by_code_for_user(request.user, request.POST.get("unit", ""),
                                            write=True)
    try:
        p = parse_period(request.POST.get("period", ""))
    except PeriodError as exc:
        raise Http404 from exc
    try:
        sent = services.figure_submit_all(actor=request.user, unit=unit, period=p.code)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã gửi %(n)s số liệu, chờ văn phòng duyệt.")
                         % {"n": format_count(len(sent))})
    return redirect(f"{reverse('web:figure_entry')}?unit={unit.code}&period={p.code}")


def _row_ctx(row, unit, period, form=None, upload=None, error=None) -> dict:
    f = row.figure
    initial = {"version": f.version if f else 0}  # 0: no figure yet (the form requires it)
    if f:
        # Read back exactly as the form reads it in: 10250 → "10.250", never "1,025E+4".
        initial.update(value=format_vn_number(f.value), is_estimate=f.is_estimate,
                       note=f.note, change=format_vn_number(f.change))
    return {"row": row, "unit": unit, "period": period, "error": error,
            "form": form or forms.FigureForm(initial=initial, prefix=f"i{row.indicator.pk}"),
            "upload": upload or forms.UploadForm(prefix=f"e{row.indicator.pk}"),
            "editable": f is None or f.state in ("draft", "returned")
            or (f.state == "approved" and f.is_estimate)}


def _one_row(unit, period, indicator):
    rows = indicator_queries.entry_grid(unit=unit, period=period, indicator_id=indicator.pk)
    return rows[0] if rows else indicator_queries.EntryRow(indicator, None, None)


def _render_row(request, ctx, status=200):
    return render(request, "web/_entry_row.html", ctx, status=status)


@login_required
@require_POST
def save_draft(request, unit_pk, period, indicator_pk):
    unit = access.get_unit_for_user(request.user, unit_pk, write=True)
    try:
        p = parse_period(period)
    except PeriodError as exc:
        raise Http404 from exc
    indicator = get_object_or_404(Indicator, pk=indicator_pk)
    form = forms.FigureForm(request.POST, prefix=f"i{indicator.pk}")
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.figure_save_draft(
                actor=request.user, indicator=indicator, unit=unit, period=p.code,
                value=d["value"], is_estimate=d["is_estimate"], change=d["change"],
                note=d["note"], expected_version=d["version"])
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            ctx = _row_ctx(_one_row(unit, p, indicator), unit, p)
            ctx["saved"] = _("Đã lưu nháp.")
            return _render_row(request, ctx)
    return _render_row(request, _row_ctx(_one_row(unit, p, indicator), unit, p, form=form),
                       status=422)


@login_required
@require_POST
def submit(request, pk):
    figure = get_figure_for_user(request.user, pk, write=True)
    p = parse_period(figure.period)
    error = None
    try:
        services.figure_submit(actor=request.user, figure=figure)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    ctx = _row_ctx(_one_row(figure.unit, p, figure.indicator), figure.unit, p, error=error)
    if not error:
        ctx["saved"] = _("Đã gửi số liệu, chờ văn phòng duyệt.")
    return _render_row(request, ctx, status=422 if error else 200)


@login_required
@require_POST
def evidence_upload(request, pk):
    figure = get_figure_for_user(request.user, pk, write=True)
    p = parse_period(figure.period)
    upload = forms.UploadForm(request.POST, request.FILES, prefix=f"e{figure.indicator_id}")
    if upload.is_valid():
        try:
            services.evidence_add(actor=request.user, figure=figure,
                                  upload=upload.cleaned_data["file"])
        except ValidationError as exc:
            upload.add_error("file", exc.messages)
    ok = not upload.errors
    ctx = _row_ctx(_one_row(figure.unit, p, figure.indicator), figure.unit, p,
                   upload=None if ok else upload)
    if ok:
        ctx["saved"] = _("Đã tải lên minh chứng.")
    return _render_row(request, ctx, status=200 if ok else 422)


# --- approval queue ---------------------------------------------------------------------------

@login_required
def approvals(request):
    if not access.has_role(request.user, Role.OFFICE):
        raise PermissionDenied(services.MSG_NO_APPROVE_RIGHT)
    items = indicator_queries.approval_items(user=request.user)
    if wants_xlsx(request):
        return approvals_xlsx(items)
    admin = access.is_admin(request.user)
    return render(request, "web/approvals.html", {
        "items": [{"item": i, "form": forms.ReturnForm(prefix=f"r{i.figure.pk}"),
                   "own": _own(request.user, i.figure, admin=admin)}
                  for i in items]})


def _own(user, figure, *, admin: bool) -> bool:
    """A figure the user sent: figure_approve refuses it (MSG_OWN_APPROVAL) unless the user
    is an administrator, so the page offers no approve button for it."""
    return figure.submitted_by_id == user.pk and not admin


def _queue_row(request, figure, *, done: str = "", form=None, error=None, status=200):
    item = indicator_queries.approval_item(figure)
    return render(request, "web/_approval_row.html", {
        "i": {"item": item, "form": form or forms.ReturnForm(prefix=f"r{figure.pk}"),
              "own": _own(request.user, figure, admin=access.is_admin(request.user))},
        "done": done, "error": error}, status=status)


@login_required
@require_POST
def approve(request, pk):
    figure = get_figure_for_user(request.user, pk)
    try:
        figure = services.figure_approve(actor=request.user, figure=figure)
    except ValidationError as exc:
        return _queue_row(request, figure, error=" ".join(exc.messages), status=422)
    except PermissionDenied as exc:  # e.g. one's own figure: the row says why
        return _queue_row(request, figure, error=str(exc), status=403)
    return _queue_row(request, figure, done=_("Đã duyệt."))


@login_required
@require_POST
def return_figure(request, pk):
    figure = get_figure_for_user(request.user, pk)
    form = forms.ReturnForm(request.POST, prefix=f"r{figure.pk}")
    if form.is_valid():
        try:
            figure = services.figure_return(actor=request.user, figure=figure,
                                            comment=form.cleaned_data["comment"])
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return _queue_row(request, figure, done=_("Đã trả lại cho đơn vị."))
    return _queue_row(request, figure, form=form, status=422)
