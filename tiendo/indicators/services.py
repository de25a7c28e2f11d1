"""Writes for indicators, targets and figures. Each runs in one transaction, checks the
actor's right through orgs.access, validates, and writes its audit entry."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiendo.audit.models import AuditEntry
from tiendo.audit.services import record, snapshot
from tiendo.indicators import assessments
from tiendo.indicators.models import Evidence, Figure, FigureState, Indicator, Target
from tiendo.lib import clock
from tiendo.lib.vn_numbers import format_vn_number
from tiendo.orgs import access
from tiendo.shared.uploads import validate_upload

MSG_NO_RIGHT = gettext_lazy("Bạn không có quyền nhập số liệu cho đơn vị này.")
MSG_NO_APPROVE_RIGHT = gettext_lazy("Bạn không có quyền duyệt số liệu của đơn vị này.")
MSG_LOCKED = gettext_lazy("Số liệu đã gửi hoặc đã duyệt, không sửa được; hãy đề nghị trả lại.")
MSG_BAD_TRANSITION = gettext_lazy("Không thể chuyển số liệu từ trạng thái “{state}”.")
MSG_CONFLICT = gettext_lazy(
    "Số liệu vừa được {user} sửa (giá trị hiện tại: {value}). Hãy tải lại và nhập lại."
)
MSG_RETURN_NEEDS_COMMENT = gettext_lazy("Cần ghi lý do trả lại.")
MSG_OWN_APPROVAL = gettext_lazy("Không tự duyệt số liệu do chính mình gửi.")


class ConflictError(ValidationError):
    """Optimistic-locking conflict: someone else changed the row first."""


def _last_editor(figure: Figure) -> str:
    """Who made the figure's latest change, from the audit trail."""
    entry = (AuditEntry.objects.filter(object_type="indicators.figure", object_id=str(figure.pk))
             .order_by("-pk").only("actor_name").first())
    return (entry.actor_name if entry and entry.actor_name else None) or "người khác"


def indicator_create(*, actor, **fields) -> Indicator:
    scope_units = fields.pop("scope_units", None)
    with transaction.atomic():
        indicator = Indicator(**fields)
        indicator.full_clean()
        indicator.save()
        if scope_units:
            indicator.scope_units.set(scope_units)
        record(actor=actor, action="indicator.create", obj=indicator, after=snapshot(indicator))
    return indicator


def target_set(*, actor, indicator: Indicator, unit, period: str, value: Decimal,
               bound: str = "=", value_high: Decimal | None = None, scope: str = "period",
               basis: str = "", note: str = "", programme=None, is_sample: bool = False) -> Target:
    """Create or change the target of an indicator for a unit and period."""
    if unit is None:
        raise ValidationError({"unit": _("Chỉ tiêu kế hoạch phải giao cho một đơn vị.")})
    if actor is not None and not access.can_write_unit(actor, unit.pk):
        raise PermissionDenied(MSG_NO_RIGHT)
    with transaction.atomic():
        target = Target.objects.filter(
            indicator=indicator, unit=unit, period=period, basis=basis
        ).first()
        before = snapshot(target) if target else None
        target = target or Target(indicator=indicator, unit=unit, period=period, basis=basis)
        target.value, target.bound, target.value_high = value, bound, value_high
        target.scope, target.note, target.programme = scope, note, programme
        target.is_sample = is_sample
        target.full_clean()
        target.save()
        assessments.refresh(indicator_id=indicator.pk, unit_id=unit.pk, period=period)
        record(actor=actor, action="target.set", obj=target, before=before,
               after=snapshot(target))
    return target


def _current(indicator, unit, period):
    return (
        Figure.objects.select_for_update(of=("self",))
        .filter(indicator=indicator, unit=unit, period=period, superseded_by__isnull=True)
        .first()
    )


def figure_save_draft(*, actor, indicator: Indicator, unit, period: str, value: Decimal,
                      is_estimate: bool = False, change: Decimal | None = None,
                      note: str = "", reported: dict | None = None, source: str = "",
                      expected_version: int | None = None) -> Figure:
    """Enter or correct a unit's figure. A final figure replacing an approved estimate opens a
    new row and keeps the estimate in history."""
    if not access.can_write_unit(actor, unit.pk):
        raise PermissionDenied(MSG_NO_RIGHT)
    with transaction.atomic():
        current = _current(indicator, unit, period)
        if current and expected_version is not None and current.version != expected_version:
            raise ConflictError(MSG_CONFLICT.format(
                user=_last_editor(current), value=format_vn_number(current.value)))
        before = snapshot(current) if current else None
        if current and current.state in (FigureState.SUBMITTED, FigureState.APPROVED):
            if not (current.state == FigureState.APPROVED and current.is_estimate
                    and not is_estimate):
                raise ValidationError(MSG_LOCKED)
            # The final figure replaces the estimate: retire the estimate first.
            estimate = current
            current = None
        else:
            estimate = None
        figure = current or Figure(indicator=indicator, unit=unit, period=period,
                                   created_by=actor)
        figure.value, figure.is_estimate, figure.change = value, is_estimate, change
        figure.note, figure.source = note, source
        figure.reported = reported or {}
        figure.state = FigureState.DRAFT
        if current:
            figure.version = current.version + 1
        figure.full_clean(validate_constraints=False)
        if estimate:
            # Only one current row may exist: park the estimate on itself, then point it at
            # its replacement once that row has an id.
            Figure.objects.filter(pk=estimate.pk).update(superseded_by=estimate)
            figure.save()
            retired_before = snapshot(estimate)
            estimate.superseded_by = figure
            Figure.objects.filter(pk=estimate.pk).update(superseded_by=figure)
        else:
            figure.save()
        if estimate or (before is not None and before["state"] != FigureState.DRAFT):
            # a draft does not count; only a change from a reported figure moves the standing
            assessments.refresh(indicator_id=indicator.pk, unit_id=unit.pk, period=period)
        # The audit entries come last: the log's head is locked after the unit's tally, in
        # every write, so two writers never wait for each other in opposite orders.
        if estimate:
            record(actor=actor, action="figure.supersede", obj=estimate, before=retired_before,
                   after=snapshot(estimate))
        record(actor=actor, action="figure.draft", obj=figure, before=before,
               after=snapshot(figure))
    return figure


def _transition(*, actor, figure: Figure, allowed_from: tuple, action: str, change,
                reason: str = "") -> Figure:
    """Lock the figure, check its state, apply `change(figure)`, bump the version, save and
    record the audit entry — one transaction."""
    with transaction.atomic():
        figure = Figure.objects.select_for_update(of=("self",)).get(pk=figure.pk)
        if figure.state not in allowed_from:
            raise ValidationError(MSG_BAD_TRANSITION.format(state=figure.get_state_display()))
        before = snapshot(figure)
        change(figure)
        figure.version += 1
        figure.save()
        assessments.refresh(indicator_id=figure.indicator_id, unit_id=figure.unit_id,
                            period=figure.period)
        record(actor=actor, action=action, obj=figure, before=before, after=snapshot(figure),
               reason=reason)
    return figure


def figure_submit(*, actor, figure: Figure, now=None) -> Figure:
    if not access.can_write_unit(actor, figure.unit_id):
        raise PermissionDenied(MSG_NO_RIGHT)

    def change(f):
        f.state = FigureState.SUBMITTED
        f.submitted_by, f.submitted_at = actor, now or clock.now()

    return _transition(actor=actor, figure=figure, action="figure.submit", change=change,
                       allowed_from=(FigureState.DRAFT, FigureState.RETURNED))


def figure_save_and_submit(*, actor, now=None, **draft) -> Figure:
    """Save the figure (as figure_save_draft, same arguments) and send it for approval, in one
    transaction: if the sending fails, the draft is not kept either."""
    with transaction.atomic():
        figure = figure_save_draft(actor=actor, **draft)
        return figure_submit(actor=actor, figure=figure, now=now)


def figure_approve(*, actor, figure: Figure, now=None) -> Figure:
    if not access.can_manage_unit(actor, figure.unit_id):
        raise PermissionDenied(MSG_NO_APPROVE_RIGHT)

    def change(f):
        if f.submitted_by_id == actor.pk and not access.is_admin(actor):
            raise PermissionDenied(MSG_OWN_APPROVAL)
        f.state = FigureState.APPROVED
        f.decided_by, f.decided_at = actor, now or clock.now()
        f.return_comment = ""

    return _transition(actor=actor, figure=figure, action="figure.approve", change=change,
                       allowed_from=(FigureState.SUBMITTED,))


def figure_return(*, actor, figure: Figure, comment: str, now=None) -> Figure:
    if not comment or not comment.strip():
        raise ValidationError({"comment": MSG_RETURN_NEEDS_COMMENT})
    if not access.can_manage_unit(actor, figure.unit_id):
        raise PermissionDenied(MSG_NO_APPROVE_RIGHT)

    def change(f):
        f.state = FigureState.RETURNED
        f.decided_by, f.decided_at = actor, now or clock.now()
        f.return_comment = comment.strip()

    return _transition(actor=actor, figure=figure, action="figure.return", change=change,
                       allowed_from=(FigureState.SUBMITTED,), reason=comment.strip())


def evidence_add(*, actor, figure: Figure, upload=None, excerpt: str = "") -> Evidence:
    if not access.can_write_unit(actor, figure.unit_id):
        raise PermissionDenied(MSG_NO_RIGHT)
    if upload is None and not excerpt:
        raise ValidationError(_("Cần một tệp hoặc trích dẫn nguồn."))
    if upload is not None:
        validate_upload(upload)
    with transaction.atomic():
        ev = Evidence(figure=figure, excerpt=excerpt, uploaded_by=actor,
                      original_name=getattr(upload, "name", "") or "")
        if upload is not None:
            ev.file.save(upload.name, upload, save=False)
        ev.save()
        record(actor=actor, action="evidence.add", obj=ev, unit_id=figure.unit_id,
               after=snapshot(ev))
    return ev


MSG_NOTHING_TO_SUBMIT = gettext_lazy(
    "Không còn số liệu nháp hay bị trả lại nào để gửi trong kỳ này.")
MSG_SUBMIT_ALL_FAILED = gettext_lazy("Chưa gửi số liệu nào: “{indicator}” — {reason}")


def figure_submit_all(*, actor, unit, period: str, now=None) -> list[Figure]:
    """Gửi tất cả: submit every draft or returned figure of a unit for a period at once — all
    of them, or none when one cannot be sent (the message names it). One audit entry per
    figure, as when sent one by one."""
    if not access.can_write_unit(actor, unit.pk):
        raise PermissionDenied(MSG_NO_RIGHT)
    now = now or clock.now()
    with transaction.atomic():
        drafts = list(Figure.objects.select_for_update(of=("self",))
                      .filter(unit=unit, period=period, superseded_by__isnull=True,
                              state__in=(FigureState.DRAFT, FigureState.RETURNED))
                      .select_related("indicator").order_by("indicator__sort_order", "pk"))
        if not drafts:
            raise ValidationError(MSG_NOTHING_TO_SUBMIT)
        sent = []
        for figure in drafts:
            try:
                sent.append(figure_submit(actor=actor, figure=figure, now=now))
            except ValidationError as exc:
                raise ValidationError(MSG_SUBMIT_ALL_FAILED.format(
                    indicator=figure.indicator.name, reason=" ".join(exc.messages))) from exc
    return sent
