"""Writes for ratings: frameworks, marks, and the workflow
proposed → self_assessed → reviewed → confirmed | overridden → published → locked (reopen with a
reason). Each service checks the actor, runs in one transaction and writes its audit entry."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tiendo.audit.services import record, snapshot
from tiendo.lib import clock
from tiendo.orgs import access
from tiendo.orgs.models import Role, Unit
from tiendo.scoring import queries, rules
from tiendo.scoring.metrics import metrics_json, status_day
from tiendo.scoring.models import (
    FROZEN_STATES,
    FrameworkVersion,
    Level,
    Mark,
    Rating,
    RatingState,
    StateBodyLink,
)

MSG_NO_PROPOSE = _("Chỉ văn phòng hoặc ủy ban kiểm tra được đề xuất xếp loại.")
MSG_NO_SELF = _("Chỉ đơn vị được xếp loại (hoặc văn phòng cấp trên) được tự đánh giá.")
MSG_NO_INSPECT = _("Chỉ ủy ban kiểm tra, hội đồng thi đua được thẩm định, quyết định xếp loại.")
MSG_NO_MARK = _("Chỉ lãnh đạo hoặc ủy ban kiểm tra được chấm điểm, ghi nhận kỷ luật.")
MSG_NO_FRAMEWORK_EDIT = _("Chỉ quản trị được lưu bộ tiêu chí.")
MSG_BAD_STATE = _("Không thực hiện được: xếp loại đang ở trạng thái “{state}”.")
MSG_BAD_LEVEL = _("Mức xếp loại không hợp lệ.")
MSG_REASON_REQUIRED = _("Cần ghi lý do.")
MSG_CONFIRM_UNRATED = _(
    "Chưa có mức đề xuất (thiếu dữ liệu): hãy bổ sung dữ liệu và đề xuất lại, hoặc điều chỉnh "
    "kèm lý do.")
MSG_WITHDRAWN = _("Điểm này đã được rút.")
MSG_NO_LINK = _(
    "Chỉ văn phòng quản lý cả hai đơn vị được cấu hình liên kết khối Đảng — chính quyền.")


def _who(actor):
    """The actor as a foreign key: None for the command line's unsaved system user."""
    return actor if getattr(actor, "pk", None) else None


def _audit_view(r: Rating) -> dict:
    return {
        "unit": r.unit_id, "period": r.period, "framework": str(r.framework),
        "state": r.state, "score": r.score, "proposed_level": r.proposed_level,
        "level": r.level, "self_level": r.self_level, "self_comment": r.self_comment,
        "review_note": r.review_note, "override_reason": r.override_reason,
        "reopen_reason": r.reopen_reason, "version": r.version,
    }


# --------------------------------------------------------------------------- frameworks

def framework_save(*, actor, definition: dict, note: str = "") -> FrameworkVersion:
    """Save a new version of a framework; a bad formula is refused with its position."""
    if not access.is_admin(actor):
        raise PermissionDenied(MSG_NO_FRAMEWORK_EDIT)
    try:
        fw = rules.framework_from_dict(definition)
    except rules.FrameworkError as exc:
        raise ValidationError({"definition": str(exc)}) from exc
    with transaction.atomic():
        last = (FrameworkVersion.objects.select_for_update(of=("self",))
                .filter(code=fw.code).order_by("-version").first())
        version = (last.version + 1) if last else 1
        definition = {**rules.framework_to_dict(fw), "version": version}
        fv = FrameworkVersion(code=fw.code, version=version, name=fw.name_vi,
                              subject_kind=fw.subject_kind, period_kind=fw.period_kind,
                              definition=definition, note=note, created_by=_who(actor))
        fv.full_clean()
        fv.save()
        record(actor=actor, action="framework.create", obj=fv,
               after={"code": fv.code, "version": version, "definition": definition})
    return fv


# --------------------------------------------------------------------------- Party ↔ State

def state_body_link_set(*, actor, party_unit, state_unit, note: str = "",
                        is_sample: bool = False) -> StateBodyLink:
    """Configure which State body a Party organisation leads (its results then count in the
    organisation's QĐ 366 rating). Office staff over both units, or an administrator."""
    if not (access.can_manage_unit(actor, party_unit.pk)
            and access.can_manage_unit(actor, state_unit.pk)):
        raise PermissionDenied(MSG_NO_LINK)
    with transaction.atomic():
        link = (StateBodyLink.objects.select_for_update(of=("self",))
                .filter(party_unit=party_unit).first())
        before = snapshot(link) if link else None
        link = link or StateBodyLink(party_unit=party_unit)
        link.state_unit, link.note, link.is_sample = state_unit, (note or "").strip(), is_sample
        link.created_by = link.created_by or _who(actor)
        link.full_clean()
        link.save()
        record(actor=actor, action="state_body_link.set", obj=link, unit_id=party_unit.pk,
               before=before, after=snapshot(link))
    return link


# --------------------------------------------------------------------------- marks

def mark_add(*, actor, unit, period: str, kind: str, evidence: str, value=1, task=None,
             is_sample: bool = False) -> Mark:
    if not (access.has_role(actor, Role.LEADER, Role.INSPECTOR)
            and access.can_see_unit(actor, unit.pk)):
        raise PermissionDenied(MSG_NO_MARK)
    with transaction.atomic():
        mark = Mark(unit=unit, period=period, kind=kind, value=value, task=task,
                    evidence=(evidence or "").strip(), created_by=_who(actor), is_sample=is_sample)
        mark.full_clean()
        mark.save()
        record(actor=actor, action="mark.add", obj=mark, after=snapshot(mark))
    return mark


def mark_withdraw(*, actor, mark: Mark, reason: str, now=None) -> Mark:
    if not (reason or "").strip():
        raise ValidationError({"reason": MSG_REASON_REQUIRED})
    if not (access.has_role(actor, Role.LEADER, Role.INSPECTOR)
            and access.can_see_unit(actor, mark.unit_id)):
        raise PermissionDenied(MSG_NO_MARK)
    with transaction.atomic():
        mark = Mark.objects.select_for_update(of=("self",)).get(pk=mark.pk)
        if mark.withdrawn_at is not None:
            raise ValidationError(MSG_WITHDRAWN)
        before = snapshot(mark)
        mark.withdrawn_at, mark.withdrawn_by = now or clock.now(), _who(actor)
        mark.withdraw_reason = reason.strip()
        mark.save()
        record(actor=actor, action="mark.withdraw", obj=mark, before=before,
               after=snapshot(mark), reason=mark.withdraw_reason)
    return mark


# --------------------------------------------------------------------------- proposal

def rating_propose(*, actor, period: str, framework_code: str | None = None,
                   on: date | None = None, now=None, is_sample: bool = False) -> list[Rating]:
    """Compute and store the proposed rating of every unit the actor sees, with a snapshot of
    the inputs. Ratings already decided (confirmed, overridden, published, locked) are left as
    they are; the others are replaced by the new proposal."""
    if not access.has_role(actor, Role.OFFICE, Role.INSPECTOR):
        raise PermissionDenied(MSG_NO_PROPOSE)
    try:
        p = queries.parse_rating_period(period)
        fv = queries.framework_version(framework_code)
    except queries.RatingInputError as exc:
        raise ValidationError(str(exc)) from exc
    comp = queries.compute_rating(user=actor, period=p, fv=fv, on=on)
    now = now or clock.now()
    units: dict[object, Unit] = {u.pk: u for u in comp.units}  # by subject id
    out = []
    with transaction.atomic():
        for res in comp.results:
            unit = units[res.subject_id]
            rating = Rating.objects.select_for_update(of=("self",)).filter(
                unit=unit, period=p.code, framework_code=fv.code).first()
            if rating is not None and rating.state in FROZEN_STATES:
                out.append(rating)
                continue
            before = _audit_view(rating) if rating else None
            rating = rating or Rating(unit=unit, period=p.code, framework_code=fv.code)
            data = comp.data[unit.pk]
            rating.framework = fv
            rating.peer_group = res.peer_group or ""
            rating.state = RatingState.PROPOSED
            rating.score = res.score
            rating.proposed_level = rating.level = res.level or ""
            rating.snapshot = {
                "metrics": metrics_json(res.metrics if p.kind == "year" else data.metrics),
                "evidence": data.evidence,
                "on": (on or status_day(p)).isoformat(),
                "proposed_at": now.isoformat(),
            }
            rating.result = res.as_dict()
            rating.proposed_by, rating.proposed_at = _who(actor), now
            rating.self_level = rating.self_comment = rating.review_note = ""
            rating.override_reason = ""
            rating.self_assessed_by = rating.reviewed_by = rating.decided_by = None
            rating.self_assessed_at = rating.reviewed_at = rating.decided_at = None
            rating.version = (rating.version + 1) if rating.pk else 1
            rating.is_sample = is_sample
            rating.full_clean()
            rating.save()
            record(actor=actor, action="rating.propose", obj=rating, unit_id=unit.pk,
                   before=before, after=_audit_view(rating), now=now)
            out.append(rating)
    return out


# --------------------------------------------------------------------------- workflow

def _locked(rating: Rating, allowed: tuple) -> Rating:
    fresh = Rating.objects.select_for_update(of=("self",)).select_related("unit", "framework").get(
        pk=rating.pk)
    if fresh.state not in allowed:
        raise ValidationError(MSG_BAD_STATE.format(state=fresh.get_state_display()))
    return fresh


def _require_inspector(actor, rating: Rating) -> None:
    if not access.can_see_unit(actor, rating.unit_id):
        raise PermissionDenied(MSG_NO_INSPECT)
    if not access.has_role(actor, Role.INSPECTOR):
        raise PermissionDenied(MSG_NO_INSPECT)


def _level(value: str) -> str:
    if value not in Level.values:
        raise ValidationError({"level": MSG_BAD_LEVEL})
    return value


def _transition(*, actor, rating: Rating, allowed: tuple, action: str, now, reason: str = "",
                **changes) -> Rating:
    with transaction.atomic():
        r = _locked(rating, allowed)
        before = _audit_view(r)
        for k, v in changes.items():
            setattr(r, k, v)
        r.version += 1
        r.save()
        record(actor=actor, action=action, obj=r, unit_id=r.unit_id, before=before,
               after=_audit_view(r), reason=reason, now=now)
    return r


def rating_self_assess(*, actor, rating: Rating, level: str, comment: str = "",
                       now=None) -> Rating:
    if not access.can_write_unit(actor, rating.unit_id):
        raise PermissionDenied(MSG_NO_SELF)
    now = now or clock.now()
    return _transition(
        actor=actor, rating=rating, allowed=(RatingState.PROPOSED, RatingState.SELF_ASSESSED),
        action="rating.self_assess", now=now, state=RatingState.SELF_ASSESSED,
        self_level=_level(level), self_comment=(comment or "").strip(),
        self_assessed_by=_who(actor), self_assessed_at=now)


def rating_review(*, actor, rating: Rating, note: str = "", now=None) -> Rating:
    _require_inspector(actor, rating)
    now = now or clock.now()
    return _transition(
        actor=actor, rating=rating, allowed=(RatingState.SELF_ASSESSED,),
        action="rating.review", now=now, state=RatingState.REVIEWED,
        review_note=(note or "").strip(), reviewed_by=_who(actor), reviewed_at=now)


def rating_confirm(*, actor, rating: Rating, now=None) -> Rating:
    _require_inspector(actor, rating)
    now = now or clock.now()
    with transaction.atomic():
        r = _locked(rating, (RatingState.REVIEWED,))
        if not r.proposed_level:
            raise ValidationError(MSG_CONFIRM_UNRATED)
        return _transition(
            actor=actor, rating=r, allowed=(RatingState.REVIEWED,), action="rating.confirm",
            now=now, state=RatingState.CONFIRMED, level=r.proposed_level, override_reason="",
            decided_by=_who(actor), decided_at=now)


def rating_override(*, actor, rating: Rating, level: str, reason: str, now=None) -> Rating:
    if not (reason or "").strip():
        raise ValidationError({"reason": MSG_REASON_REQUIRED})
    _require_inspector(actor, rating)
    now = now or clock.now()
    return _transition(
        actor=actor, rating=rating, allowed=(RatingState.REVIEWED,), action="rating.override",
        now=now, reason=reason.strip(), state=RatingState.OVERRIDDEN, level=_level(level),
        override_reason=reason.strip(), decided_by=_who(actor), decided_at=now)


def rating_publish(*, actor, rating: Rating, now=None) -> Rating:
    _require_inspector(actor, rating)
    now = now or clock.now()
    return _transition(
        actor=actor, rating=rating, allowed=(RatingState.CONFIRMED, RatingState.OVERRIDDEN),
        action="rating.publish", now=now, state=RatingState.PUBLISHED, published_by=_who(actor),
        published_at=now)


def rating_lock(*, actor, rating: Rating, now=None) -> Rating:
    _require_inspector(actor, rating)
    now = now or clock.now()
    return _transition(
        actor=actor, rating=rating, allowed=(RatingState.PUBLISHED,), action="rating.lock",
        now=now, state=RatingState.LOCKED, locked_by=_who(actor), locked_at=now)


def rating_reopen(*, actor, rating: Rating, reason: str, now=None) -> Rating:
    """Back to reviewed, so it can be decided again; only with a reason."""
    if not (reason or "").strip():
        raise ValidationError({"reason": MSG_REASON_REQUIRED})
    _require_inspector(actor, rating)
    now = now or clock.now()
    return _transition(
        actor=actor, rating=rating, allowed=FROZEN_STATES, action="rating.reopen", now=now,
        reason=reason.strip(), state=RatingState.REVIEWED, reopen_reason=reason.strip(),
        published_by=None, published_at=None, locked_by=None, locked_at=None)
