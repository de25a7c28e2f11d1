"""Pages: upload a report, review its statements beside the highlighted source, import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tiendo.extraction import queries, services
from tiendo.extraction.engine.matching import CatalogueEntry, match_indicator
from tiendo.extraction.engine.model import Number, Statement
from tiendo.extraction.forms import ImportForm, UploadForm
from tiendo.extraction.models import Decision
from tiendo.lib.vn_numbers import format_vn_number, parse_decimal_input

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
        rows.append({
            "index": i, "statement": s, "review": review, "numbers": numbers,
            "decision": review.get("decision", Decision.PENDING),
            "chosen": chosen, "matches": {int(m.code): m for m in matches},
            "value": format_vn_number(value) if value not in (None, "") else "",
            "importable": actual is not None,
        })
    return rows, catalogue


@login_required
def run_review(request, pk: int):
    run = queries.get_run_for_user(request.user, pk, write=request.method == "POST")
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
                figures = services.run_import(
                    actor=request.user, run=run,
                    is_estimate=import_form.cleaned_data["is_estimate"],
                    period=import_form.cleaned_data["period"].strip(),
                )
                messages.success(request, _("Đã nhập %(n)s số liệu (bản nháp) cho %(unit)s.")
                                 % {"n": len(figures), "unit": run.unit.name})
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
