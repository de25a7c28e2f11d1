"""Rating pages: the ranking of a period with the quota table, a unit's "Vì sao?" page with its
workflow actions, the what-if panel (nothing saved) and the .xlsx export."""

import json
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tiendo.audit.queries import entries_for, may_read_trail
from tiendo.indicators.period_choice import chosen_period
from tiendo.lib.vn_numbers import VnNumberError, parse_decimal_input
from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.scoring import queries, rules, services
from tiendo.scoring.models import Level, MarkKind, RatingState
from tiendo.shared.xlsx import Column, xlsx_response


def _default_period(request) -> str:
    """The period chosen on the other pages (remembered, else the latest quarter with reported
    figures), as a rating covers it: its quarter, and a fourth quarter with its year."""
    end = chosen_period(request)[0].end
    quarter = (end.month - 1) // 3 + 1
    return str(end.year) if quarter == 4 else f"{end.year}-Q{quarter}"


def _period_and_framework(request):
    period = (request.GET.get("period") or request.POST.get("period")
              or _default_period(request)).strip()
    code = (request.GET.get("framework") or request.POST.get("framework")
            or queries.DEFAULT_FRAMEWORK).strip()
    return period, code


@login_required
def ranking(request):
    period, code = _period_and_framework(request)
    group = request.GET.get("group", "")
    error = ""
    try:
        fv = queries.framework_version(code)
    except queries.RatingInputError as exc:
        fv, error = queries.framework_version(), str(exc)
        code = fv.code
    ratings = list(queries.ratings_for(user=request.user, period=period, framework_code=code))
    if request.GET.get("xuat") == "xlsx":
        return _export(period, fv, ratings)
    shown = [r for r in ratings if not group or r.peer_group == group]
    return render(request, "scoring/ranking.html", {
        "period": period, "framework": fv, "group": group, "error": error,
        "ratings": shown, "groups": queries.peer_groups(ratings),
        "quota": queries.quota_table(ratings, fv.framework),
        "quota_reading": fv.framework.quota.reading,
        "can_propose": access.has_role(request.user, Role.OFFICE, Role.INSPECTOR),
    })


@login_required
@require_POST
def propose(request):
    period, code = _period_and_framework(request)
    try:
        ratings = services.rating_propose(actor=request.user, period=period,
                                          framework_code=code)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã đề xuất xếp loại {len(ratings)} đơn vị kỳ {period}.")
    return redirect(f"{reverse('scoring:ranking')}?period={period}&framework={code}")


def _detail_context(request, rating) -> dict:
    user = request.user
    result = rating.result or {}
    evidence = rating.snapshot.get("evidence", {})
    is_inspector = access.has_role(user, Role.INSPECTOR)
    return {
        "rating": rating, "result": result, "evidence": evidence,
        "tasks": sorted(evidence.get("tasks", {}).items(), key=lambda kv: int(kv[0])),
        "figures": sorted(evidence.get("figures", {}).items(), key=lambda kv: int(kv[0])),
        "marks": sorted(evidence.get("marks", {}).items(), key=lambda kv: int(kv[0])),
        "changes": queries.data_changes(rating),
        "levels": Level.choices,
        "can_self_assess": access.can_write_unit(user, rating.unit_id) and rating.state in (
            RatingState.PROPOSED, RatingState.SELF_ASSESSED),
        "can_review": is_inspector and rating.state == RatingState.SELF_ASSESSED,
        "can_decide": is_inspector and rating.state == RatingState.REVIEWED,
        "can_publish": is_inspector and rating.state in (
            RatingState.CONFIRMED, RatingState.OVERRIDDEN),
        "can_lock": is_inspector and rating.state == RatingState.PUBLISHED,
        "can_reopen": is_inspector and rating.is_frozen,
        "history": list(entries_for(user=user, object_type="scoring.rating",
                                    object_id=str(rating.pk))[:50])
        if may_read_trail(user) else [],
        "metric_labels": rating.framework.framework.metrics or {},
        "can_mark": access.has_role(user, Role.LEADER, Role.INSPECTOR),
        "mark_kinds": MarkKind.choices,
    }


@login_required
def detail(request, pk):
    rating = queries.get_rating_for_user(request.user, pk)
    return render(request, "scoring/detail.html", _detail_context(request, rating))


ACTIONS = {
    "tu-danh-gia": lambda r, p, u: services.rating_self_assess(
        actor=u, rating=r, level=p.get("level", ""), comment=p.get("comment", "")),
    "tham-dinh": lambda r, p, u: services.rating_review(actor=u, rating=r,
                                                        note=p.get("note", "")),
    "xac-nhan": lambda r, p, u: services.rating_confirm(actor=u, rating=r),
    "dieu-chinh": lambda r, p, u: services.rating_override(
        actor=u, rating=r, level=p.get("level", ""), reason=p.get("reason", "")),
    "cong-bo": lambda r, p, u: services.rating_publish(actor=u, rating=r),
    "khoa": lambda r, p, u: services.rating_lock(actor=u, rating=r),
    "mo-lai": lambda r, p, u: services.rating_reopen(actor=u, rating=r,
                                                     reason=p.get("reason", "")),
}


@login_required
@require_POST
def action(request, pk, name):
    rating = queries.get_rating_for_user(request.user, pk)
    if name not in ACTIONS:
        return redirect("scoring:detail", pk=pk)
    try:
        ACTIONS[name](rating, request.POST, request.user)
    except ValidationError as exc:
        context = _detail_context(request, rating)
        context["action_errors"] = exc.messages
        context["action_name"] = name
        return render(request, "scoring/detail.html", context, status=422)
    messages.success(request, "Đã lưu.")
    return redirect("scoring:detail", pk=pk)


@login_required
@require_POST
def mark_add(request, pk):
    """A leader's mark or the board's record (discipline, shortcomings…) with its evidence, for
    the rating's unit and period; it counts from the next proposal."""
    rating = queries.get_rating_for_user(request.user, pk)
    p = request.POST
    task = queries.task_of_rating_unit(rating, p.get("task"))
    try:
        value = parse_decimal_input(p.get("value") or "1")
    except VnNumberError as exc:
        value, error = None, str(exc)
    else:
        error = ""
    try:
        if error:
            raise ValidationError({"value": error})
        services.mark_add(actor=request.user, unit=rating.unit, period=rating.period,
                          kind=p.get("kind", ""), value=value, task=task,
                          evidence=p.get("evidence", ""))
    except ValidationError as exc:
        context = _detail_context(request, rating)
        context["action_errors"] = exc.messages
        return render(request, "scoring/detail.html", context, status=422)
    messages.success(request, "Đã ghi nhận. Điểm được tính khi đề xuất lại.")
    return redirect("scoring:detail", pk=pk)


@login_required
def what_if(request, pk):
    """Change task statuses or marks and see the effect on this unit; nothing is saved."""
    rating = queries.get_rating_for_user(request.user, pk)
    tasks = sorted(rating.snapshot.get("evidence", {}).get("tasks", {}).items(),
                   key=lambda kv: int(kv[0]))
    metrics = rating.snapshot.get("metrics", {})
    fw = rating.framework.framework
    fields = [(k, fw.metric_label(k), metrics.get(k)) for k in queries.WHAT_IF_MARKS]
    context = {"rating": rating, "tasks": tasks, "fields": fields, "errors": [],
               "outcome": None, "statuses": [
                   ("done_on_time", "Hoàn thành đúng hạn"), ("done_late", "Hoàn thành quá hạn"),
                   ("overdue", "Quá hạn, chưa hoàn thành")]}
    if request.method == "POST":
        status_changes = {tid: request.POST.get(f"task-{tid}", info["status"])
                          for tid, info in tasks}
        marks, errors = {}, []
        for key, label, _old in fields:
            if key not in request.POST:
                continue  # not in the form: keep the proposal's value
            raw = (request.POST.get(key) or "").strip()
            if raw == "":
                marks[key] = None
                continue
            try:
                marks[key] = parse_decimal_input(raw)
            except VnNumberError as exc:
                errors.append(f"{label}: {exc}")
        context["fields"] = [(k, lbl, request.POST.get(k, "")) for k, lbl, _ in fields]
        context["chosen"] = status_changes
        if errors:
            context["errors"] = errors
            return render(request, _whatif_template(request), context, status=422)
        outcome = queries.what_if(rating, task_status=status_changes, marks=marks)
        context["outcome"] = outcome
        context["outcome_label"] = rules.LEVEL_LABELS.get(
            outcome.level, "Chưa xếp loại (thiếu dữ liệu)")
        context["delta"] = (outcome.score - rating.score
                            if outcome.score is not None and rating.score is not None else None)
    return render(request, _whatif_template(request), context)


def _whatif_template(request) -> str:
    return "scoring/_whatif_result.html" if request.htmx and request.method == "POST" \
        else "scoring/what_if.html"


@login_required
def frameworks(request):
    """The criteria frameworks; an administrator saves a new version of one (formulas, points,
    bands, quota reading). A bad formula is refused with its position and reason."""
    code = (request.GET.get("code") or request.POST.get("code")
            or queries.DEFAULT_FRAMEWORK).strip()
    try:
        fv = queries.framework_version(code)
    except queries.RatingInputError as exc:
        raise Http404 from exc
    versions = queries.framework_versions()
    post = request.POST if request.method == "POST" else {}
    rows = [{"c": c, "name": post.get(f"{c.code}-name_vi", c.name_vi),
             "max": post.get(f"{c.code}-max_points", c.max_points),
             "formula": post.get(f"{c.code}-formula", c.formula)} for c in fv.framework.criteria]
    context = {"fv": fv, "fw": fv.framework, "versions": versions, "errors": [], "rows": rows,
               "can_edit": access.is_admin(request.user),
               "readings": [(rules.OF_TOT, "20% số Tốt"), (rules.OF_TOT_OR_BETTER,
                                                           "20% số Tốt trở lên"),
                            (rules.NO_QUOTA, "Không áp dụng")]}
    if request.method == "POST":
        if not access.is_admin(request.user):
            raise PermissionDenied
        definition = _definition_from_post(fv.definition, request.POST)
        try:
            fv = services.framework_save(actor=request.user, definition=definition,
                                         note=request.POST.get("note", ""))
        except ValidationError as exc:
            context["errors"] = exc.messages
            return render(request, "scoring/frameworks.html", context, status=422)
        messages.success(request, f"Đã lưu {fv}.")
        return redirect(f"{reverse('scoring:frameworks')}?code={fv.code}")
    return render(request, "scoring/frameworks.html", context)


def _definition_from_post(current: dict, post) -> dict:
    d = json.loads(json.dumps(current))
    for c in d["criteria"]:
        for field in ("name_vi", "max_points", "formula"):
            key = f"{c['code']}-{field}"
            if key in post:
                c[field] = post[key].strip()
    for level in ("xuat_sac", "tot", "hoan_thanh"):
        if f"band-{level}" in post:
            d["bands"][level] = post[f"band-{level}"].strip().replace(",", ".")
    if "quota-reading" in post:
        d["quota"]["reading"] = post["quota-reading"]
    return d


def _export(period, fv, ratings):
    criteria = list(fv.framework.criteria)
    columns = [Column("Đơn vị", width=40), Column("Nhóm", width=18),
               Column("Điểm", "number", 10), Column("Mức đề xuất", width=28),
               Column("Mức xếp loại", width=28), Column("Trạng thái", width=20)]
    columns += [Column(f"{c.code} (tối đa {rules.fmt(c.max_points)})", "number", 10)
                for c in criteria]
    columns.append(Column("Lý do", width=80))
    rows = []
    for r in ratings:
        points = {b["code"]: b["points"] for b in (r.result or {}).get("breakdown", [])}
        reasons = " ".join(x["text"] for x in (r.result or {}).get("reasons", [])
                           if x.get("changed"))
        if r.override_reason:
            reasons += f" Điều chỉnh: {r.override_reason}"
        rows.append([
            r.unit.name, r.peer_group, r.score,
            rules.LEVEL_LABELS.get(r.proposed_level, "Chưa xếp loại"),
            rules.LEVEL_LABELS.get(r.level, "Chưa xếp loại"), r.get_state_display(),
            *[Decimal(points[c.code]) if points.get(c.code) is not None else None
              for c in criteria],
            reasons.strip(),
        ])
    return xlsx_response(filename=f"xep-loai-{period}", title=f"Xếp loại {period}",
                         columns=columns, rows=rows)
