"""Writes for tasks: create, progress, extensions, completion and acceptance, directions."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiendo.audit.services import record, snapshot
from tiendo.lib import clock
from tiendo.lib.clock import vn_day
from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.shared.uploads import validate_upload
from tiendo.tasks import signals
from tiendo.tasks.models import (
    Direction,
    ExtensionRequest,
    ExtensionState,
    ProgressUpdate,
    Task,
    TaskFile,
    TaskState,
)

MSG_NO_CREATE = gettext_lazy("Chỉ văn phòng được giao nhiệm vụ cho đơn vị này.")
MSG_NO_UPDATE = gettext_lazy("Bạn không có quyền cập nhật nhiệm vụ này.")
MSG_NO_DECIDE = gettext_lazy("Chỉ văn phòng cấp trên được duyệt đề nghị này.")
MSG_PERCENT = gettext_lazy("Tiến độ phải từ 0 đến 100%.")
MSG_CLOSED = gettext_lazy("Nhiệm vụ đã hoàn thành, không cập nhật được.")
MSG_EXT_NOT_LATER = gettext_lazy("Thời hạn đề nghị phải sau thời hạn hiện tại ({deadline}).")
MSG_EXT_DECIDED = gettext_lazy("Đề nghị này đã được xử lý.")
MSG_REASON_REQUIRED = gettext_lazy("Cần ghi lý do.")
MSG_NOT_SUBMITTED = gettext_lazy("Nhiệm vụ chưa được báo cáo hoàn thành.")
MSG_CONFLICT = gettext_lazy(
    "Nhiệm vụ vừa được người khác cập nhật (tiến độ hiện tại {progress}%). Hãy tải lại.")
MSG_DIRECTION_ROLE = gettext_lazy("Chỉ lãnh đạo hoặc văn phòng được cho ý kiến chỉ đạo.")


def _can_manage(actor, task: Task) -> bool:
    return access.can_manage_unit(actor, task.lead_unit_id)


def task_create(*, actor, title: str, lead_unit, deadline: date | None = None,
                coordinating_units=(), **fields) -> Task:
    if not access.can_manage_unit(actor, lead_unit.pk):
        raise PermissionDenied(MSG_NO_CREATE)
    with transaction.atomic():
        task = Task(title=title, lead_unit=lead_unit, deadline=deadline,
                    created_by=actor if getattr(actor, "pk", None) else None, **fields)
        task.full_clean()
        task.save()
        if coordinating_units:
            task.coordinating_units.set(coordinating_units)
        after = snapshot(task)
        after["coordinating_units"] = sorted(u.pk for u in coordinating_units)
        record(actor=actor, action="task.create", obj=task, after=after)
    return task


def _locked(task: Task, expected_version: int | None) -> Task:
    fresh = Task.objects.select_for_update(of=("self",)).get(pk=task.pk)
    if expected_version is not None and fresh.version != expected_version:
        raise ValidationError(MSG_CONFLICT.format(progress=fresh.progress))
    return fresh


def progress_add(*, actor, task: Task, percent: int, note: str = "", files=(),
                 expected_version: int | None = None, now=None) -> ProgressUpdate:
    if not access.can_write_unit(actor, task.lead_unit_id):
        raise PermissionDenied(MSG_NO_UPDATE)
    if percent is None or not 0 <= int(percent) <= 100:
        raise ValidationError({"percent": MSG_PERCENT})
    for f in files:
        validate_upload(f)
    with transaction.atomic():
        task = _locked(task, expected_version)
        if task.state == TaskState.DONE:
            raise ValidationError(MSG_CLOSED)
        before = snapshot(task)
        update = ProgressUpdate.objects.create(task=task, author=actor, percent=int(percent),
                                               note=note, created_at=now or clock.now())
        for f in files:
            tf = TaskFile(task=task, update=update, original_name=f.name, uploaded_by=actor)
            tf.file.save(f.name, f, save=False)
            tf.save()
        task.progress = int(percent)
        task.version += 1
        task.save(update_fields=["progress", "version", "updated_at"])
        record(actor=actor, action="task.progress", obj=task, before=before,
               after={**snapshot(task), "note": note, "files": [f.name for f in files]})
    return update


def extension_request(*, actor, task: Task, new_deadline: date, reason: str) -> ExtensionRequest:
    if not access.can_write_unit(actor, task.lead_unit_id):
        raise PermissionDenied(MSG_NO_UPDATE)
    if not reason or not reason.strip():
        raise ValidationError({"reason": MSG_REASON_REQUIRED})
    current = task.deadline_in_force
    if current and new_deadline <= current:
        raise ValidationError({"new_deadline": MSG_EXT_NOT_LATER.format(
            deadline=vn_day(current))})
    with transaction.atomic():
        req = ExtensionRequest.objects.create(task=task, requested_by=actor,
                                              new_deadline=new_deadline, reason=reason.strip())
        record(actor=actor, action="task.extension_request", obj=req,
               unit_id=task.lead_unit_id, after=snapshot(req))
    return req


def extension_decide(*, actor, request: ExtensionRequest, approve: bool, note: str = "",
                     now=None) -> ExtensionRequest:
    task = request.task
    if not _can_manage(actor, task):
        raise PermissionDenied(MSG_NO_DECIDE)
    if not approve and not note.strip():
        raise ValidationError({"note": MSG_REASON_REQUIRED})
    with transaction.atomic():
        req = ExtensionRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
        if req.state != ExtensionState.PENDING:
            raise ValidationError(MSG_EXT_DECIDED)
        before = snapshot(req)
        req.state = ExtensionState.APPROVED if approve else ExtensionState.REJECTED
        req.decided_by, req.decided_at, req.decision_note = actor, now or clock.now(), note
        req.save()
        record(actor=actor, action="task.extension_decide", obj=req, unit_id=task.lead_unit_id,
               before=before, after=snapshot(req), reason=note)
        if approve:
            t = Task.objects.select_for_update(of=("self",)).get(pk=task.pk)
            task_before = snapshot(t)
            t.extended_deadline = req.new_deadline
            t.version += 1
            t.save(update_fields=["extended_deadline", "version", "updated_at"])
            record(actor=actor, action="task.extend", obj=t, before=task_before,
                   after=snapshot(t), reason=note)
    return req


def task_report_done(*, actor, task: Task, completed_on: date, note: str = "",
                     files=()) -> Task:
    """The lead unit reports the task done; it stays open until the office accepts it."""
    if not access.can_write_unit(actor, task.lead_unit_id):
        raise PermissionDenied(MSG_NO_UPDATE)
    with transaction.atomic():
        t = _locked(task, None)
        if t.state == TaskState.DONE:
            raise ValidationError(MSG_CLOSED)
        before = snapshot(t)
        progress_add(actor=actor, task=t, percent=100, note=note or _("Báo cáo hoàn thành."),
                     files=files)
        t.refresh_from_db()
        t.state, t.completed_on = TaskState.SUBMITTED, completed_on
        t.version += 1
        t.save(update_fields=["state", "completed_on", "version", "updated_at"])
        record(actor=actor, action="task.report_done", obj=t, before=before, after=snapshot(t))
    return t


def task_accept(*, actor, task: Task, now=None) -> Task:
    if not _can_manage(actor, task):
        raise PermissionDenied(MSG_NO_DECIDE)
    with transaction.atomic():
        t = _locked(task, None)
        if t.state != TaskState.SUBMITTED:
            raise ValidationError(MSG_NOT_SUBMITTED)
        before = snapshot(t)
        t.state, t.accepted_by, t.accepted_at = TaskState.DONE, actor, now or clock.now()
        t.version += 1
        t.save()
        record(actor=actor, action="task.accept", obj=t, before=before, after=snapshot(t))
    return t


def task_return(*, actor, task: Task, reason: str) -> Task:
    """Trả lại: the completion report is sent back and counts as not completed."""
    if not _can_manage(actor, task):
        raise PermissionDenied(MSG_NO_DECIDE)
    if not reason or not reason.strip():
        raise ValidationError({"reason": MSG_REASON_REQUIRED})
    with transaction.atomic():
        t = _locked(task, None)
        if t.state != TaskState.SUBMITTED:
            raise ValidationError(MSG_NOT_SUBMITTED)
        before = snapshot(t)
        t.state, t.completed_on = TaskState.RETURNED, None
        t.version += 1
        t.save()
        record(actor=actor, action="task.return", obj=t, before=before, after=snapshot(t),
               reason=reason.strip())
    return t


def direction_add(*, actor, task: Task, text: str) -> Direction:
    if not access.has_role(actor, Role.LEADER, Role.OFFICE):
        raise PermissionDenied(MSG_DIRECTION_ROLE)
    if not access.can_see_unit(actor, task.lead_unit_id):
        raise PermissionDenied(MSG_DIRECTION_ROLE)
    if not text or not text.strip():
        raise ValidationError({"text": _("Cần nhập nội dung ý kiến chỉ đạo.")})
    with transaction.atomic():
        d = Direction.objects.create(task=task, author=actor, text=text.strip())
        record(actor=actor, action="task.direction", obj=d, unit_id=task.lead_unit_id,
               after=snapshot(d))
        signals.direction_added.send(sender=Direction, direction=d)  # the unit hears it
    return d
