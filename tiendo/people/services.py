"""Writes for people's products and evaluations. Each service checks the actor through
orgs.access, runs in one transaction, validates and writes its audit entry; a refused call
writes nothing.

Chain (Nghị định 335): the person declares work items → the direct superior approves them →
the person reports one done → the superior accepts it or returns it (each return costs 25% of
its quality points). At the quarter's end: self-assessment → the superior's assessment (the
marks that count) → the head of unit's conclusion (a level other than the proposal needs a
reason)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tiendo.audit.services import record, snapshot
from tiendo.lib import clock
from tiendo.lib.periods import PeriodError, parse_period
from tiendo.orgs import access
from tiendo.people.access import manager_of
from tiendo.people.models import (
    LEADER_RANKS,
    MARK_KEYS,
    EvalState,
    Evaluation,
    ItemState,
    Position,
    Rank,
    TaskAssignee,
    WorkItem,
)
from tiendo.scoring import rules

MSG_NOT_STAFF = _("Bạn không có vị trí công tác ở đơn vị này.")
MSG_NOT_MANAGER = _("Chỉ cấp trên trực tiếp hoặc thủ trưởng đơn vị được duyệt, nghiệm thu.")
MSG_OWN_ITEM = _("Không tự duyệt, tự nghiệm thu sản phẩm của chính mình.")
MSG_NOT_OWNER = _("Chỉ người thực hiện được báo cáo hoàn thành sản phẩm của mình.")
MSG_BAD_STATE = _("Không thực hiện được: sản phẩm đang ở trạng thái “{state}”.")
MSG_BAD_EVAL_STATE = _("Không thực hiện được: phiếu đánh giá đang ở trạng thái “{state}”.")
MSG_PERIOD = _("Kỳ phải là một tháng (2026-01) hoặc một quý (2026-Q1).")
MSG_REASON = _("Cần ghi lý do.")
MSG_MARKS = _("Cần chấm đủ ba tiêu chí chung, mỗi tiêu chí từ 0 đến 10.")
MSG_LEVEL = _("Mức xếp loại không hợp lệ.")
MSG_NOT_HEAD = _("Chỉ thủ trưởng đơn vị được kết luận đánh giá, xếp loại.")
MSG_ASSIGN = _("Chỉ văn phòng, thủ trưởng hoặc cán bộ quản lý của đơn vị chủ trì được giao việc.")
MSG_ASSIGNEE_UNIT = _("Người được giao phải công tác tại đơn vị chủ trì nhiệm vụ.")
MSG_NO_DEADLINE = _("Nhiệm vụ chưa có thời hạn: không giao thành sản phẩm cá nhân được.")
MSG_POSITION = _("Chỉ văn phòng quản lý đơn vị được bố trí vị trí công tác.")
MSG_FUTURE = _("Ngày hoàn thành không được sau ngày báo cáo.")
MSG_OVERRIDE = _("Kết luận khác mức đề xuất cần ghi lý do.")
MSG_NOT_COMPUTED = _("Chưa tính được điểm đề xuất (thiếu dữ liệu): hãy bổ sung rồi kết luận.")


def _who(actor):
    return actor if getattr(actor, "pk", None) else None


def _position(user, unit_id) -> Position | None:
    return Position.objects.filter(user=user, unit_id=unit_id).select_related("unit").first()


# --------------------------------------------------------------------------- positions

def position_set(*, actor, user, unit, rank: str = Rank.STAFF, manager=None, title: str = "",
                 is_sample: bool = False) -> Position:
    if not access.can_manage_unit(actor, unit.pk):
        raise PermissionDenied(MSG_POSITION)
    with transaction.atomic():
        pos = Position.objects.select_for_update(of=("self",)).filter(user=user, unit=unit).first()
        before = snapshot(pos) if pos else None
        pos = pos or Position(user=user, unit=unit)
        pos.rank, pos.manager, pos.title, pos.is_sample = rank, manager, title, is_sample
        pos.full_clean()
        pos.save()
        record(actor=actor, action="position.set", obj=pos, unit_id=unit.pk, before=before,
               after=snapshot(pos))
    return pos


# --------------------------------------------------------------------------- work items

def _check_period(period: str) -> str:
    try:
        p = parse_period((period or "").strip())
    except PeriodError as exc:
        raise ValidationError({"period": MSG_PERIOD}) from exc
    if p.kind not in ("month", "quarter"):
        raise ValidationError({"period": MSG_PERIOD})
    return p.code


def _quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def task_assign(*, actor, task, people, now=None, is_sample: bool = False) -> list[WorkItem]:
    """Assign a unit's task to one or more of its people: each gets a TaskAssignee row and an
    approved work item with the task's deadline in force."""
    unit_id = task.lead_unit_id
    own = _position(actor, unit_id) if getattr(actor, "pk", None) else None
    if not (access.can_manage_unit(actor, unit_id) or access.is_unit_head(actor, unit_id)
            or (own is not None and own.rank in LEADER_RANKS)):
        raise PermissionDenied(MSG_ASSIGN)
    deadline = task.extended_deadline or task.deadline
    if deadline is None:
        raise ValidationError(MSG_NO_DEADLINE)
    now = now or clock.now()
    out = []
    with transaction.atomic():
        for person in people:
            if _position(person, unit_id) is None:
                raise ValidationError(MSG_ASSIGNEE_UNIT)
            link, created = TaskAssignee.objects.get_or_create(
                task=task, user=person,
                defaults={"assigned_by": _who(actor), "assigned_at": now})
            if not created:
                continue
            item = WorkItem(person=person, unit_id=unit_id, period=_quarter_of(deadline),
                            title=task.title[:300], task=task, deadline=deadline,
                            state=ItemState.APPROVED, is_sample=is_sample,
                            note="Nhiệm vụ của đơn vị được giao")
            item.full_clean()
            item.save()
            record(actor=actor, action="task.assign", obj=link, unit_id=unit_id,
                   after={"task": task.pk, "user": person.pk, "work_item": item.pk}, now=now)
            out.append(item)
    return out


def workitem_declare(*, actor, unit, period: str, title: str, deadline: date,
                     weight: Decimal = Decimal(1), note: str = "",
                     is_sample: bool = False) -> WorkItem:
    if _position(actor, unit.pk) is None:
        raise PermissionDenied(MSG_NOT_STAFF)
    code = _check_period(period)
    with transaction.atomic():
        item = WorkItem(person=actor, unit=unit, period=code, title=(title or "").strip(),
                        deadline=deadline, weight=weight, note=(note or "").strip(),
                        is_sample=is_sample)
        item.full_clean()
        item.save()
        record(actor=actor, action="work_item.declare", obj=item, after=snapshot(item))
    return item


def _require_manager(actor, item: WorkItem) -> None:
    if actor.pk == item.person_id:
        raise PermissionDenied(MSG_OWN_ITEM)
    role = access.evaluation_role(actor, person_id=item.person_id, unit_id=item.unit_id,
                                  manager_id=manager_of(item.person_id, item.unit_id))
    if role != access.EVAL_MANAGER and not access.is_unit_head(actor, item.unit_id):
        raise PermissionDenied(MSG_NOT_MANAGER)


def _locked_item(item: WorkItem, allowed: tuple) -> WorkItem:
    fresh = WorkItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    if fresh.state not in allowed:
        raise ValidationError(MSG_BAD_STATE.format(state=fresh.get_state_display()))
    return fresh


def _item_step(*, actor, item, allowed, action, change, reason="", now=None) -> WorkItem:
    with transaction.atomic():
        item = _locked_item(item, allowed)
        before = snapshot(item)
        change(item)
        item.full_clean()
        item.save()
        record(actor=actor, action=action, obj=item, before=before, after=snapshot(item),
               reason=reason, now=now)
    return item


def workitem_decide(*, actor, item: WorkItem, approve: bool, reason: str = "",
                    now=None) -> WorkItem:
    _require_manager(actor, item)
    if not approve and not (reason or "").strip():
        raise ValidationError({"reason": MSG_REASON})

    def change(i):
        i.state = ItemState.APPROVED if approve else ItemState.REJECTED
        if not approve:
            i.note = reason.strip()[:300]
    return _item_step(actor=actor, item=item, allowed=(ItemState.DECLARED,),
                      action="work_item.approve" if approve else "work_item.reject",
                      change=change, reason=(reason or "").strip(), now=now)


def workitem_report_done(*, actor, item: WorkItem, completed_on: date, today: date | None = None,
                         now=None) -> WorkItem:
    if actor.pk != item.person_id:
        raise PermissionDenied(MSG_NOT_OWNER)
    today = today or clock.today()
    if completed_on > today:
        raise ValidationError({"completed_on": MSG_FUTURE})

    def change(i):
        i.state, i.completed_on = ItemState.SUBMITTED, completed_on
    return _item_step(actor=actor, item=item, allowed=(ItemState.APPROVED,),
                      action="work_item.report_done", change=change, now=now)


def workitem_accept(*, actor, item: WorkItem, excused: bool = False, reason: str = "",
                    now=None) -> WorkItem:
    """Accept (nghiệm thu). ``excused``: a late completion had an objective cause, confirmed
    by the manager with a reason (no progress deduction)."""
    _require_manager(actor, item)
    if excused and not (reason or "").strip():
        raise ValidationError({"reason": MSG_REASON})

    def change(i):
        i.state, i.delay_excused = ItemState.ACCEPTED, excused
    return _item_step(actor=actor, item=item, allowed=(ItemState.SUBMITTED,),
                      action="work_item.accept", change=change, reason=(reason or "").strip(),
                      now=now)


def workitem_return(*, actor, item: WorkItem, reason: str, now=None) -> WorkItem:
    """Send back (trả lại) for a content error: one more failed review (−25% quality)."""
    _require_manager(actor, item)
    if not (reason or "").strip():
        raise ValidationError({"reason": MSG_REASON})

    def change(i):
        i.state, i.completed_on, i.returns = ItemState.APPROVED, None, i.returns + 1
    return _item_step(actor=actor, item=item, allowed=(ItemState.SUBMITTED,),
                      action="work_item.return", change=change, reason=reason.strip(), now=now)


# --------------------------------------------------------------------------- evaluations

def _marks(marks: dict) -> dict:
    out = {}
    for k in MARK_KEYS:
        v = (marks or {}).get(k)
        if v is None or v == "":
            raise ValidationError(MSG_MARKS)
        d = Decimal(str(v))
        if not (Decimal(0) <= d <= 10):
            raise ValidationError(MSG_MARKS)
        out[k] = format(d.normalize(), "f")
    return out


def _level(value: str, *, blank_ok: bool = False) -> str:
    if blank_ok and not value:
        return ""
    if value not in rules.LEVELS:
        raise ValidationError(MSG_LEVEL)
    return value


def _eval_locked(ev: Evaluation, allowed: tuple) -> Evaluation:
    fresh = Evaluation.objects.select_for_update(of=("self",)).get(pk=ev.pk)
    if fresh.state not in allowed:
        raise ValidationError(MSG_BAD_EVAL_STATE.format(state=fresh.get_state_display()))
    return fresh


def evaluation_self_assess(*, actor, unit, period: str, framework_code: str, marks: dict,
                           level: str = "", comment: str = "", now=None,
                           is_sample: bool = False) -> Evaluation:
    pos = _position(actor, unit.pk)
    if pos is None:
        raise PermissionDenied(MSG_NOT_STAFF)
    clean = _marks(marks)
    level = _level(level, blank_ok=True)
    now = now or clock.now()
    with transaction.atomic():
        ev = Evaluation.objects.select_for_update(of=("self",)).filter(
            person=actor, period=period, framework_code=framework_code).first()
        if ev is not None and ev.state not in (EvalState.DRAFT, EvalState.SELF):
            raise ValidationError(MSG_BAD_EVAL_STATE.format(state=ev.get_state_display()))
        before = snapshot(ev) if ev else None
        ev = ev or Evaluation(person=actor, unit=unit, period=period,
                              framework_code=framework_code, is_sample=is_sample)
        ev.self_marks, ev.self_level, ev.self_comment = clean, level, (comment or "").strip()
        ev.state, ev.self_at = EvalState.SELF, now
        ev.full_clean()
        ev.save()
        record(actor=actor, action="evaluation.self_assess", obj=ev, before=before,
               after=snapshot(ev), now=now)
    return ev


def may_assess(actor, ev: Evaluation) -> bool:
    if actor.pk == ev.person_id:
        return False
    manager = manager_of(ev.person_id, ev.unit_id)
    role = access.evaluation_role(actor, person_id=ev.person_id, unit_id=ev.unit_id,
                                  manager_id=manager)
    return role == access.EVAL_MANAGER or (manager is None
                                           and access.is_unit_head(actor, ev.unit_id))


def evaluation_manager_assess(*, actor, evaluation: Evaluation, marks: dict, comment: str = "",
                              now=None) -> Evaluation:
    if not may_assess(actor, evaluation):
        raise PermissionDenied(MSG_NOT_MANAGER)
    clean = _marks(marks)
    now = now or clock.now()
    with transaction.atomic():
        ev = _eval_locked(evaluation, (EvalState.SELF, EvalState.MANAGER))
        before = snapshot(ev)
        ev.manager_marks, ev.manager_comment = clean, (comment or "").strip()
        ev.manager_by, ev.manager_at, ev.state = _who(actor), now, EvalState.MANAGER
        ev.full_clean()
        ev.save()
        record(actor=actor, action="evaluation.manager_assess", obj=ev, before=before,
               after=snapshot(ev), now=now)
    return ev


def may_conclude(actor, ev: Evaluation) -> bool:
    """The head of the person's unit concludes; a head's own evaluation is concluded by their
    direct superior."""
    if actor.pk == ev.person_id:
        return False
    if access.is_unit_head(actor, ev.unit_id):
        return True
    pos = Position.objects.filter(user_id=ev.person_id, unit_id=ev.unit_id).first()
    return pos is not None and pos.rank == Rank.HEAD and pos.manager_id == actor.pk


def evaluation_conclude(*, actor, evaluation: Evaluation, level: str, comment: str = "",
                        proposal=None, now=None) -> Evaluation:
    """The head's conclusion. ``proposal`` is the computed PersonResult (queries.person_result);
    its score, level and breakdown are frozen into the evaluation."""
    if not may_conclude(actor, evaluation):
        raise PermissionDenied(MSG_NOT_HEAD)
    level = _level(level)
    if evaluation.state != EvalState.MANAGER:
        raise ValidationError(MSG_BAD_EVAL_STATE.format(state=evaluation.get_state_display()))
    if proposal is None or proposal.result.score is None:
        raise ValidationError(MSG_NOT_COMPUTED)
    if level != proposal.result.level and not (comment or "").strip():
        raise ValidationError({"comment": MSG_OVERRIDE})
    now = now or clock.now()
    with transaction.atomic():
        ev = _eval_locked(evaluation, (EvalState.MANAGER,))
        before = snapshot(ev)
        ev.score, ev.proposed_level = proposal.result.score, proposal.result.level or ""
        ev.result = proposal.result.as_dict()
        ev.level, ev.conclusion_comment = level, (comment or "").strip()
        ev.concluded_by, ev.concluded_at, ev.state = _who(actor), now, EvalState.CONCLUDED
        ev.full_clean()
        ev.save()
        record(actor=actor, action="evaluation.conclude", obj=ev, before=before,
               after=snapshot(ev), reason=ev.conclusion_comment, now=now)
    return ev
