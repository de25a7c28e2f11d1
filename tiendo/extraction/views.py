"""Pages: upload a report, review its statements beside the highlighted source, import;
propose tasks from a directive document and create the chosen ones."""

import secrets
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tiendo.extraction import queries, services
from tiendo.extraction.engine.matching import CatalogueEntry, match_indicator
from tiendo.extraction.engine.model import Number, Statement
from tiendo.extraction.engine.periods import parse_code
from tiendo.extraction.forms import ImportForm, ProposeForm, UploadForm
from tiendo.extraction.models import Decision, Purpose, RunState
from tiendo.extraction.proposals import proposals_of
from tiendo.lib.periods import PeriodError
from tiendo.lib.vn_numbers import format_vn_number, parse_decimal_input
from tiendo.orgs import access
from tiendo.tasks.models import Product

ROLE_LABELS = {
    "actual": gettext_lazy("thực hiện"),
    "target": gettext_lazy("kế hoạch"),
    "change": gettext_lazy("tăng/giảm"),
    "attainment": gettext_lazy("tỷ lệ đạt"),
    "part": gettext_lazy("x/y"),
}


def _errors_into(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
def run_list(request):
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            run = services.run_create(actor=request.user, upload=form.cleaned_data["file"],
                                      unit=form.cleaned_data["unit"],
                                      period=form.cleaned_data["period"].strip())
        except ValidationError as exc:
            _errors_into(form, exc)
        else:
            return redirect("extraction:review", pk=run.pk)
    status = 422 if request.method == "POST" else 200
    runs = queries.runs_for(user=request.user)[:50]
    return render(request, "extraction/list.html", {"form": form, "runs": runs}, status=status)


def _segments(text: str, statements: list[dict]):
    """The source cut into plain text and highlighted numbers: (text, statement index)."""
    marks = sorted((n["start"], n["end"], i) for i, s in enumerate(statements)
                   for n in s["numbers"])
    out, pos = [], 0
    for start, end, i in marks:
        if start < pos:
            continue
        out.append((text[pos:start], None))
        out.append((text[start:end], i))
        pos = end
    out.append((text[pos:], None))
    return out


def _rows(run):
    catalogue = queries.catalogue_for(run=run)
    entries = [CatalogueEntry(str(i.pk), i.name, i.unit_of_measure) for i in catalogue]
    rows = []
    by_pk = {ind.pk: ind for ind in catalogue}
    for i, s in enumerate(run.statements):
        stmt = Statement(s["indicator"], s["period"], s["status"],
                         [Number(n["start"], n["end"], n["text"], n["value"], n.get("unit"),
                                 n["role"]) for n in s["numbers"]])
        review = run.review_of(i)
        matches = match_indicator(stmt, entries, limit=3)
        chosen = review.get("indicator") or (int(matches[0].code) if matches else None)
        # the best match, or "new" when nothing in the catalogue is alike
        actual = services.actual_of(s)
        value = review.get("value") or (actual and actual["value"])
        numbers = [{**n, "role_label": ROLE_LABELS.get(n["role"], n["role"]),
                    "value_vn": format_vn_number(n["value"])} for n in s["numbers"]]
        offered = [by_pk[pk] for pk in dict.fromkeys(
            [chosen] + [int(m.code) for m in matches]) if isinstance(pk, int) and pk in by_pk]
        rows.append({
            "index": i, "statement": s, "review": review, "numbers": numbers,
            "offered": offered,
            "decision": review.get("decision", Decision.PENDING),
            "chosen": chosen, "matches": {int(m.code): m for m in matches},
            "value": format_vn_number(value) if value not in (None, "") else "",
            "importable": actual is not None,
        })
    return rows, catalogue


def _reading_page(request, run, *, partial: bool):
    """A run the worker has not read yet (or could not read): its state, polled by htmx every
    2 s until it is read; then the page reloads itself into the review."""
    template = "extraction/_reading.html" if partial else "extraction/reading.html"
    response = render(request, template, {"run": run, "states": RunState})
    if partial and run.state == RunState.READY:
        response["HX-Refresh"] = "true"
    return response


@login_required
def run_status(request, pk: int):
    run = queries.get_run_for_user(request.user, pk, purpose=None)
    return _reading_page(request, run, partial=True)


@login_required
def run_review(request, pk: int):
    run = queries.get_run_for_user(request.user, pk, write=request.method == "POST")
    if run.state != RunState.READY:
        return _reading_page(request, run, partial=False)
    import_form = ImportForm(initial={"period": run.period})
    status = 200
    if request.method == "POST":
        reviews, bad = {}, []
        for i in range(len(run.statements)):
            raw = request.POST.get(f"value_{i}", "").strip()
            value = None
            if raw:
                try:
                    value = parse_decimal_input(raw)
                except ValueError:
                    bad.append(_("Giá trị “%(v)s” (dòng %(n)s) không phải là số.")
                               % {"v": raw, "n": i + 1})
            indicator = request.POST.get(f"indicator_{i}", "")
            if indicator.isdigit():
                indicator = int(indicator)
            reviews[i] = {
                "decision": request.POST.get(f"decision_{i}", Decision.PENDING),
                "indicator": indicator if indicator in (services.NEW,) or
                isinstance(indicator, int) else None,
                "value": value,
            }
        try:
            if bad:
                raise ValidationError(bad)
            services.run_review(actor=request.user, run=run, reviews=reviews)
            if "import" in request.POST:
                import_form = ImportForm(request.POST)
                if not import_form.is_valid():
                    raise ValidationError(_("Kiểm tra lại kỳ nhập."))
                result = services.run_import(
                    actor=request.user, run=run,
                    is_estimate=import_form.cleaned_data["is_estimate"],
                    period=import_form.cleaned_data["period"].strip(),
                )
                messages.success(request, _("Đã nhập %(n)s số liệu (bản nháp) cho %(unit)s.")
                                 % {"n": len(result.figures), "unit": run.unit.name})
                for reason in result.skipped:  # the rows left out, each with its reason
                    messages.warning(request, reason)
            else:
                messages.success(request, _("Đã lưu kết quả rà soát."))
            return redirect("extraction:review", pk=run.pk)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            run.refresh_from_db()
            status = 422
    rows, catalogue = _rows(run)
    return render(request, "extraction/review.html", {
        "run": run, "rows": rows, "catalogue": catalogue, "import_form": import_form,
        "segments": _segments(run.text, run.statements), "decisions": Decision,
    }, status=status)


@login_required
def indicator_options(request, pk: int):
    """The options of one row's indicator choice, for what was typed (htmx, as you type)."""
    run = queries.get_run_for_user(request.user, pk)
    text = request.GET.get("q", "")[:200]
    return render(request, "extraction/_indicator_options.html", {
        "found": queries.indicator_search(run=run, text=text), "text": text.strip()})


@login_required
@require_POST
def run_accept_all(request, pk: int):
    """Mark every statement that has an actual number and a catalogue match as accepted."""
    run = queries.get_run_for_user(request.user, pk, write=True)
    rows, _catalogue = _rows(run)
    reviews = {r["index"]: {"decision": Decision.ACCEPTED if r["importable"] and r["chosen"]
                            else r["decision"],
                            "indicator": r["chosen"], "value": r["review"].get("value")}
               for r in rows}
    try:
        services.run_review(actor=request.user, run=run, reviews=reviews)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("extraction:review", pk=run.pk)


# --- "Đề xuất nhiệm vụ từ văn bản chỉ đạo": directives → proposed tasks → tasks ---

SESSION_KEY = "extraction.proposals"


def _managed_units(user):
    """The units the office user manages; 403 for a user who manages none."""
    ids = access.managed_unit_ids(user)
    if ids is not None and not ids:
        raise PermissionDenied
    return list(access.units_managed_by(user).order_by("path"))


def _proposal_rows(proposals: list[dict], post=None) -> list[dict]:
    """What the form shows for each proposal: the engine's guess, or what was posted."""
    rows = []
    for i, p in enumerate(proposals):
        deadline = date.fromisoformat(p["deadline"]) if p["deadline"] else None
        row = {**p, "index": i, "n": i + 1, "deadline_date": deadline, "picked": False,
               "value_title": p["title"], "value_deadline": p["deadline"],
               "value_lead": p["lead_unit"], "value_product": p["product_choice"]}
        if post is not None:
            row.update(picked=f"pick_{i}" in post,
                       value_title=post.get(f"title_{i}", p["title"]),
                       value_deadline=post.get(f"deadline_{i}", p["deadline"]),
                       value_lead=post.get(f"lead_{i}", ""),
                       value_product=post.get(f"product_{i}", p["product_choice"]))
        rows.append(row)
    return rows


def _propose_page(request, form, stored, *, post=None, errors=(), status=200, run=None):
    return render(request, "extraction/propose.html", {
        "form": form, "stored": stored, "errors": errors, "run": run, "states": RunState,
        "rows": _proposal_rows(stored["proposals"], post) if stored else [],
        "units": _managed_units(request.user), "products": Product.choices,
    }, status=status)


def _store(request, *, document: str, period: str, proposals: list[dict], run=None) -> dict:
    stored = {"key": secrets.token_urlsafe(8), "document": document[:200], "period": period,
              "proposals": proposals, "run": run.pk if run else None}
    request.session[SESSION_KEY] = stored
    if not proposals:
        messages.warning(request, _("Không tìm thấy câu chỉ đạo nào trong văn bản."))
    return stored


def _propose_from_run(request, pk):
    """An uploaded directive: its reading state until the worker has read it (the page polls
    and reloads itself), then its proposals."""
    run = queries.get_run_for_user(request.user, pk, purpose=Purpose.DIRECTIVE)
    if run.state != RunState.READY:
        return _propose_page(request, ProposeForm(), None, run=run,
                             status=422 if run.state == RunState.FAILED else 200)
    stored = request.session.get(SESSION_KEY)
    if not stored or stored.get("run") != run.pk:
        stored = _store(request, document=run.original_name, period=run.period,
                        proposals=run.proposals, run=run)
    return _propose_page(request, ProposeForm(), stored)


@login_required
def propose(request):
    """Propose tasks from a directive: pasted text here, an uploaded file by the worker."""
    units = _managed_units(request.user)
    if request.method != "POST":
        if request.GET.get("run", "").isdigit():
            return _propose_from_run(request, int(request.GET["run"]))
        return _propose_page(request, ProposeForm(), request.session.get(SESSION_KEY))
    form = ProposeForm(request.POST, request.FILES)
    if form.is_valid():
        code = None
        try:
            code = parse_code(form.cleaned_data["period"].strip())
        except PeriodError as exc:
            form.add_error("period", str(exc))
        upload = form.cleaned_data["file"]
        if upload and not units:
            form.add_error("file", _("Chưa có đơn vị nào để giao nhiệm vụ."))
        if upload and not form.errors:
            try:
                run = services.run_create(actor=request.user, upload=upload, unit=units[0],
                                          period=code or "", purpose=Purpose.DIRECTIVE)
            except ValidationError as exc:
                _errors_into(form, exc)
            else:
                return redirect(f"{reverse('extraction:propose')}?run={run.pk}")
        if not form.errors:
            stored = _store(request, document=_("Nội dung dán"), period=code or "",
                            proposals=proposals_of(form.cleaned_data["text"],
                                                   units=[(str(u.pk), u.name) for u in units],
                                                   period=code))
            return _propose_page(request, ProposeForm(), stored)
    return _propose_page(request, form, request.session.get(SESSION_KEY), status=422)


@login_required
@require_POST
def propose_create(request):
    _managed_units(request.user)
    stored = request.session.get(SESSION_KEY)
    if not stored or request.POST.get("key") != stored.get("key"):
        # nothing proposed, or another tab proposed from another document since
        messages.error(request, _("Danh sách đề xuất đã hết hạn hoặc đã thay đổi; hãy đề xuất "
                                  "lại từ văn bản. Chưa tạo nhiệm vụ nào."))
        return redirect("extraction:propose")
    rows = [{"n": i + 1, "title": request.POST.get(f"title_{i}", ""),
             "deadline": request.POST.get(f"deadline_{i}", ""),
             "lead_unit": request.POST.get(f"lead_{i}", ""),
             "product": request.POST.get(f"product_{i}", ""),
             "start": p["start"], "end": p["end"]}
            for i, p in enumerate(stored["proposals"]) if f"pick_{i}" in request.POST]
    try:
        tasks = services.tasks_from_proposals(actor=request.user, rows=rows,
                                              document=stored["document"],
                                              period=stored["period"])
    except ValidationError as exc:
        return _propose_page(request, ProposeForm(), stored, post=request.POST,
                             errors=exc.messages, status=422)
    del request.session[SESSION_KEY]
    messages.success(request, _("Đã tạo %(n)s nhiệm vụ.") % {"n": len(tasks)})
    return redirect("extraction:propose")
