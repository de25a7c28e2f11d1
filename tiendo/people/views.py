"""People pages: my products and self-assessment, a person's evaluation (the manager's review
and the head's conclusion), and a unit's list. Thin: parse, call one query or service, render.
Everything is scoped by orgs.access (outside it: 404)."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from tiendo.indicators.period_choice import chosen_period
from tiendo.lib import clock
from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.lib.vn_numbers import VnNumberError, parse_decimal_input
from tiendo.orgs import access
from tiendo.people import queries, services
from tiendo.people.access import get_evaluation_for_user, get_work_item_for_user
from tiendo.people.models import LEADER_RANKS, MARK_KEYS, EvalState
from tiendo.scoring import rules
from tiendo.scoring.queries import framework_version
from tiendo.shared.redirects import next_url

MSG_BAD_PERIOD = _("Kỳ không hợp lệ: hãy nhập một quý, ví dụ 2026-Q1.")
MSG_BAD_NUMBER = _("Không đọc được số “{text}”.")
MSG_BAD_DATE = _("Ngày không hợp lệ (dd/mm/yyyy).")
MARK_LABELS = {"mark_politics": "Chính trị tư tưởng", "mark_ethics": "Đạo đức, lối sống",
               "mark_discipline": "Tác phong, lề lối làm việc, ý thức kỷ luật"}


def _default_period(request) -> Period:
    """The period chosen on the other pages (remembered, else the latest quarter with reported
    figures), as a person is evaluated: its quarter, a fourth quarter falling back to the third
    (the year's evaluation covers it)."""
    end = chosen_period(request)[0].end
    return Period(end.year, "quarter", min((end.month - 1) // 3 + 1, 3))


def _period(request) -> Period:
    text = (request.GET.get("period") or request.POST.get("period")
            or _default_period(request).code).strip()
    try:
        p = parse_period(text)
    except PeriodError as exc:
        raise ValidationError(MSG_BAD_PERIOD) from exc
    if p.kind != "quarter" or p.code.endswith("Q4"):
        raise ValidationError(MSG_BAD_PERIOD)
    return p


def _framework_for(rank: str) -> str:
    return queries.LEADER_FRAMEWORK if rank in LEADER_RANKS else queries.CIVIL_FRAMEWORK


def _marks(post) -> dict:
    out = {}
    for k in MARK_KEYS:
        text = (post.get(k) or "").strip()
        try:
            out[k] = parse_decimal_input(text) if text else None
        except VnNumberError as exc:
            raise ValidationError(MSG_BAD_NUMBER.format(text=text)) from exc
    return out


def _my_position(request):
    """The user's own position in the posted unit, or 404."""
    unit_id = request.POST.get("unit")
    pos = next((p for p in queries.my_positions(request.user) if str(p.unit_id) == unit_id),
               None)
    if pos is None:
        raise Http404
    return pos


def _date(text: str) -> date:
    try:
        return clock.parse_day(text)
    except ValueError as exc:
        raise ValidationError(MSG_BAD_DATE) from exc


def _fail(request, exc) -> None:
    text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
    messages.error(request, text)


@login_required
def mine(request):
    try:
        period = _period(request)
    except ValidationError as exc:
        _fail(request, exc)
        period = _default_period(request)
    cards = []
    for pos in queries.my_positions(request.user):
        code = _framework_for(pos.rank)
        result = next((r for r in queries.compute_people(
            user=request.user, period=period, fv=framework_version(code), unit_id=pos.unit_id)
            if r.position.pk == pos.pk), None)
        ev = queries.my_evaluation(user=request.user, period=period, framework_code=code)
        cards.append({
            "position": pos, "framework": code, "result": result, "evaluation": ev,
            "items": list(queries.work_items_of(user=request.user, person_id=request.user.pk,
                                                unit_id=pos.unit_id, period=period)),
            "can_self": ev is None or ev.state in (EvalState.DRAFT, EvalState.SELF),
        })
    return render(request, "people/mine.html", {
        "period": period, "cards": cards, "mark_labels": MARK_LABELS,
        "waiting": list(queries.team_items_waiting(user=request.user, period=period)),
        "units": sorted({(c["position"].unit_id, c["position"].unit.name) for c in cards
                         if c["position"].rank in LEADER_RANKS
                         or access.people_unit_ids(request.user) is None
                         or c["position"].unit_id in access.people_unit_ids(request.user)}),
        "levels": [(lv, rules.LEVEL_LABELS[lv]) for lv in rules.LEVELS],
    })


@login_required
@require_POST
def declare(request):
    pos = _my_position(request)
    try:
        weight = parse_decimal_input((request.POST.get("weight") or "1").strip())
        services.workitem_declare(actor=request.user, unit=pos.unit,
                                  period=request.POST.get("item_period", ""),
                                  title=request.POST.get("title", ""),
                                  deadline=_date(request.POST.get("deadline", "")), weight=weight)
        messages.success(request, "Đã đăng ký sản phẩm, chờ cấp trên duyệt.")
    except VnNumberError:
        messages.error(request, MSG_BAD_NUMBER.format(text=request.POST.get("weight", "")))
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
    return redirect(f"{reverse('people:mine')}?period={request.POST.get('period', '')}")


@login_required
@require_POST
def item_action(request, pk, name):
    item, _role = get_work_item_for_user(request.user, pk)
    reason = request.POST.get("reason", "")
    try:
        if name == "done":
            services.workitem_report_done(actor=request.user, item=item,
                                          completed_on=_date(request.POST.get("completed_on")))
        elif name in ("approve", "reject"):
            services.workitem_decide(actor=request.user, item=item, approve=name == "approve",
                                     reason=reason)
        elif name == "accept":
            services.workitem_accept(actor=request.user, item=item,
                                     excused=bool(request.POST.get("excused")), reason=reason)
        elif name == "return":
            services.workitem_return(actor=request.user, item=item, reason=reason)
        else:
            raise Http404
        messages.success(request, "Đã cập nhật sản phẩm.")
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
    return redirect(next_url(request, reverse("people:mine")))


@login_required
@require_POST
def self_assess(request):
    pos = _my_position(request)
    try:
        period = _period(request)
        services.evaluation_self_assess(
            actor=request.user, unit=pos.unit, period=period.code,
            framework_code=_framework_for(pos.rank), marks=_marks(request.POST),
            level=request.POST.get("self_level", ""), comment=request.POST.get("comment", ""))
        messages.success(request, "Đã gửi phiếu tự đánh giá.")
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
    return redirect(f"{reverse('people:mine')}?period={request.POST.get('period', '')}")


@login_required
def evaluation(request, pk):
    ev, role = get_evaluation_for_user(request.user, pk)
    fv = framework_version(ev.framework_code)
    result = queries.person_result(user=request.user, evaluation=ev, fv=fv)
    period = parse_period(ev.period)
    return render(request, "people/evaluation.html", {
        "ev": ev, "role": role, "result": result, "framework": fv, "mark_labels": MARK_LABELS,
        "items": list(queries.work_items_of(user=request.user, person_id=ev.person_id,
                                            unit_id=ev.unit_id, period=period)),
        "can_assess": ev.state in (EvalState.SELF, EvalState.MANAGER)
        and services.may_assess(request.user, ev),
        "can_conclude": ev.state == EvalState.MANAGER and services.may_conclude(request.user, ev),
        "can_manage_items": role == access.EVAL_MANAGER
        or access.is_unit_head(request.user, ev.unit_id),
        "levels": [(lv, rules.LEVEL_LABELS[lv]) for lv in rules.LEVELS],
    })


@login_required
@require_POST
def evaluation_step(request, pk, name):
    ev, _role = get_evaluation_for_user(request.user, pk)
    try:
        if name == "manager":
            services.evaluation_manager_assess(actor=request.user, evaluation=ev,
                                               marks=_marks(request.POST),
                                               comment=request.POST.get("comment", ""))
        elif name == "conclude":
            fv = framework_version(ev.framework_code)
            services.evaluation_conclude(
                actor=request.user, evaluation=ev, level=request.POST.get("level", ""),
                comment=request.POST.get("comment", ""),
                proposal=queries.person_result(user=request.user, evaluation=ev, fv=fv))
        else:
            raise Http404
        messages.success(request, "Đã lưu đánh giá.")
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
    return redirect("people:evaluation", pk=ev.pk)


@login_required
def unit_list(request, unit_pk):
    try:
        period = _period(request)
    except ValidationError as exc:
        _fail(request, exc)
        period = _default_period(request)
    code = request.GET.get("framework") or queries.CIVIL_FRAMEWORK
    if code not in queries.PEOPLE_FRAMEWORKS:
        code = queries.CIVIL_FRAMEWORK
    rows = [r for r in queries.compute_people(user=request.user, period=period,
                                              fv=framework_version(code), unit_id=int(unit_pk))
            if r.position.unit_id == int(unit_pk)]
    if not rows and not queries.positions_visible_to(request.user,
                                                     unit_id=int(unit_pk)).exists():
        raise Http404
    counts = {lv: sum(1 for r in rows if r.result.level == lv) for lv in rules.LEVELS}
    unit = rows[0].position.unit if rows else queries.positions_visible_to(
        request.user, unit_id=int(unit_pk)).first().unit
    return render(request, "people/unit.html", {
        "unit": unit, "period": period, "rows": rows, "counts": counts, "framework": code,
        "frameworks": queries.PEOPLE_FRAMEWORKS,
    })
