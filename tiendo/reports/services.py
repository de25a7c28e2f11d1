"""Writes of the reports app: the workspace's report profile and the sign-off of a quarterly
report — draft → reviewed (office) → approved (leader) → issued with a number and a date.

Each service checks who may act, runs in one transaction, writes its audit entry there, and
raises ``ValidationError`` / ``PermissionDenied`` with a Vietnamese message. Issuing builds the
.docx and the PDF once, stores them with their SHA-256 (which the audit entry records), and
signs the PDF when a PKCS#12 certificate is configured: the issued report never changes again.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tiendo.audit.services import record
from tiendo.lib import clock
from tiendo.lib.periods import PeriodError, parse_period
from tiendo.orgs import access
from tiendo.orgs.models import Role, Unit
from tiendo.reports.models import ReportProfile, ReportSignoff, SignoffState
from tiendo.shared.i18n import translate

MSG_BAD_PERIOD = _("Kỳ báo cáo không hợp lệ: {error}")
MSG_NO_DRAFT = _("Chỉ văn phòng của cơ quan ban hành được lập dự thảo báo cáo.")
MSG_NO_REVIEW = _("Chỉ văn phòng của cơ quan ban hành được rà soát báo cáo.")
MSG_NO_APPROVE = _("Chỉ lãnh đạo của cơ quan ban hành được duyệt báo cáo.")
MSG_NO_ISSUE = _("Chỉ văn phòng của cơ quan ban hành được ban hành báo cáo đã duyệt.")
MSG_NO_PROFILE = _("Chỉ quản trị được sửa thông tin ban hành báo cáo.")
MSG_EXISTS = _("Báo cáo {period} của {issuer} đã có (trạng thái: {state}).")
MSG_WRONG_STATE = _("Báo cáo đang ở trạng thái “{state}”, không thể {action}.")
MSG_NUMBER = _("Cần số văn bản (ví dụ 15-BC/ĐU) để ban hành.")
MSG_NUMBER_TAKEN = _("Số {number} đã dùng cho một báo cáo khác của cơ quan này.")
MSG_STALE = _("Báo cáo vừa được người khác cập nhật; tải lại trang rồi thử lại.")
MSG_SAME_PERSON = _("Người rà soát không được tự duyệt báo cáo của mình.")
MSG_RETURN_REASON = _("Cần nêu lý do trả lại.")


def _may(user, issuer: Unit, *roles: str) -> bool:
    return access.holds_role_over(user, issuer, *roles)


def profile_set(*, actor, issuer: Unit | None, addressee: str = "", recipients: str = "",
                signer_power: str = "", signer_title: str = "", signer_name: str = "",
                deadline_days: int | None = None) -> ReportProfile:
    """Set the workspace's report profile (the issuing body, Kính gửi, Nơi nhận, signer)."""
    if actor is not None and not access.is_admin(actor):
        raise PermissionDenied(MSG_NO_PROFILE)
    with transaction.atomic():
        profile = ReportProfile.objects.select_for_update(of=("self",)).filter(pk=1).first()
        before = _profile_dict(profile) if profile else None
        profile = profile or ReportProfile(pk=1)
        profile.issuer = issuer
        profile.addressee = addressee.strip()
        profile.recipients = recipients.strip()
        profile.signer_power = signer_power.strip()
        profile.signer_title = signer_title.strip()
        profile.signer_name = signer_name.strip()
        profile.deadline_days = deadline_days
        profile.full_clean()
        profile.save()
        record(actor=actor, action="report_profile.set", obj=profile, before=before,
               after=_profile_dict(profile))
    return profile


def _profile_dict(p: ReportProfile) -> dict:
    return {"issuer_id": p.issuer_id,
            "issuer_code": p.issuer.code if p.issuer is not None else None,
            "addressee": p.addressee,
            "recipients": p.recipients, "signer_power": p.signer_power,
            "signer_title": p.signer_title, "signer_name": p.signer_name,
            "deadline_days": p.deadline_days}


def _snap(s: ReportSignoff) -> dict:
    # the row's own fields under their column names (as audit.integrity compares them), the
    # issued files by their hashes only
    return {"period": s.period, "issuer_id": s.issuer_id, "issuer_code": s.issuer.code,
            "state": s.state,
            "number": s.number, "issued_on": s.issued_on, "docx_sha256": s.docx_sha256,
            "pdf_sha256": s.pdf_sha256, "pdf_signed": s.pdf_signed, "version": s.version}


def _locked(signoff: ReportSignoff, expected_version: int | None) -> ReportSignoff:
    fresh = ReportSignoff.objects.select_for_update(of=("self",)).select_related("issuer").get(
        pk=signoff.pk)
    if expected_version is not None and fresh.version != expected_version:
        raise ValidationError(MSG_STALE)
    return fresh


@contextmanager
def _transition(*, actor, signoff: ReportSignoff, expected_version: int | None,
                states: tuple[str, ...], action_words: str | Promise, action: str, now: datetime,
                reason: str = ""):
    """Lock the sign-off and check it is in one of ``states``; the caller changes it in the
    block; then its version goes up, it is saved and the change is audited, in one transaction.
    """
    with transaction.atomic():
        s = _locked(signoff, expected_version)
        if s.state not in states:
            raise ValidationError(MSG_WRONG_STATE.format(state=s.get_state_display(),
                                                         action=action_words))
        before = _snap(s)
        yield s
        s.version += 1
        s.save()
        record(actor=actor, action=f"report_signoff.{action}", obj=s, before=before,
               after=_snap(s), reason=reason, unit_id=s.issuer_id, now=now)


def signoff_create(*, actor, period: str, issuer: Unit, now: datetime | None = None,
                   note: str = "") -> ReportSignoff:
    """Open the draft of a period's report for the issuing body (office)."""
    try:
        p = parse_period(period)
    except PeriodError as exc:
        raise ValidationError(MSG_BAD_PERIOD.format(error=translate(exc))) from exc
    if not _may(actor, issuer, Role.OFFICE):
        raise PermissionDenied(MSG_NO_DRAFT)
    existing = ReportSignoff.objects.filter(issuer=issuer, period=p.code).first()
    if existing is not None:
        raise ValidationError(MSG_EXISTS.format(period=translate(p.label), issuer=issuer.name,
                                                state=existing.get_state_display()))
    with transaction.atomic():
        s = ReportSignoff(period=p.code, issuer=issuer, created_by=actor, note=note)
        s.full_clean()
        try:
            with transaction.atomic():
                s.save()
        except IntegrityError as exc:
            raise ValidationError(MSG_EXISTS.format(
                period=translate(p.label), issuer=issuer.name,
                state=SignoffState.DRAFT.label)) from exc
        record(actor=actor, action="report_signoff.create", obj=s, after=_snap(s),
               unit_id=issuer.pk, now=now)
    return s


def signoff_review(*, actor, signoff: ReportSignoff, now: datetime | None = None,
                   expected_version: int | None = None) -> ReportSignoff:
    """The office has checked the draft: draft → reviewed."""
    if not _may(actor, signoff.issuer, Role.OFFICE):
        raise PermissionDenied(MSG_NO_REVIEW)
    now = now or clock.now()
    with _transition(actor=actor, signoff=signoff, expected_version=expected_version,
                     states=(SignoffState.DRAFT,), action_words=_("rà soát"), action="review",
                     now=now) as s:
        s.state, s.reviewed_by, s.reviewed_at = SignoffState.REVIEWED, actor, now
    return s


def signoff_approve(*, actor, signoff: ReportSignoff, now: datetime | None = None,
                    expected_version: int | None = None) -> ReportSignoff:
    """The leader approves the reviewed report: reviewed → approved."""
    if not _may(actor, signoff.issuer, Role.LEADER):
        raise PermissionDenied(MSG_NO_APPROVE)
    now = now or clock.now()
    with _transition(actor=actor, signoff=signoff, expected_version=expected_version,
                     states=(SignoffState.REVIEWED,), action_words=_("duyệt"), action="approve",
                     now=now) as s:
        if s.reviewed_by_id == getattr(actor, "pk", None):
            raise ValidationError(MSG_SAME_PERSON)
        s.state, s.approved_by, s.approved_at = SignoffState.APPROVED, actor, now
    return s


def signoff_return(*, actor, signoff: ReportSignoff, reason: str,
                   now: datetime | None = None,
                   expected_version: int | None = None) -> ReportSignoff:
    """Send a reviewed or approved report back to draft, with a reason (office or leader)."""
    if not _may(actor, signoff.issuer, Role.OFFICE, Role.LEADER):
        raise PermissionDenied(MSG_NO_REVIEW)
    if not reason.strip():
        raise ValidationError(MSG_RETURN_REASON)
    now = now or clock.now()
    with _transition(actor=actor, signoff=signoff, expected_version=expected_version,
                     states=(SignoffState.REVIEWED, SignoffState.APPROVED),
                     action_words=_("trả lại"), action="return", now=now,
                     reason=reason.strip()) as s:
        s.state = SignoffState.DRAFT
        s.reviewed_by = s.reviewed_at = s.approved_by = s.approved_at = None
    return s


def signoff_issue(*, actor, signoff: ReportSignoff, number: str, issued_on: date,
                  today: date, now: datetime | None = None,
                  expected_version: int | None = None) -> ReportSignoff:
    """Issue the approved report with its number and date: build the .docx and the PDF once
    (with that number and date, as the user sees the data), sign the PDF when a certificate
    is configured, store both with their SHA-256, and write the hashes in the audit entry.
    From then on the stored files are what the report is."""
    from tiendo.reports.builds import build
    from tiendo.reports.signing import sign_pdf_if_configured

    if not _may(actor, signoff.issuer, Role.OFFICE):
        raise PermissionDenied(MSG_NO_ISSUE)
    number = number.strip()
    if not number:
        raise ValidationError(MSG_NUMBER)
    now = now or clock.now()
    with _transition(actor=actor, signoff=signoff, expected_version=expected_version,
                     states=(SignoffState.APPROVED,), action_words=_("ban hành"), action="issue",
                     now=now) as s:
        if ReportSignoff.objects.filter(issuer=s.issuer, number=number).exclude(
                pk=s.pk).exists():
            raise ValidationError(MSG_NUMBER_TAKEN.format(number=number))
        kwargs = {"user": actor, "period": s.period, "issuer_code": s.issuer.code,
                  "on": today, "dated": issued_on, "number": number}
        docx = build("docx", **kwargs).content
        pdf, signed = sign_pdf_if_configured(build("pdf", **kwargs).content)
        s.state, s.number, s.issued_on = SignoffState.ISSUED, number, issued_on
        s.issued_by, s.issued_at = actor, now
        s.docx, s.docx_sha256 = docx, hashlib.sha256(docx).hexdigest()
        s.pdf, s.pdf_sha256 = pdf, hashlib.sha256(pdf).hexdigest()
        s.pdf_signed = signed
    return s
