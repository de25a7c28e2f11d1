"""E-mail through Django's SMTP backend (TIENDO_EMAIL_URL). Plain text and HTML, rendered in the
person's language (Vietnamese, or English from locale/en), dates dd/mm/yyyy. The Message-ID is
derived from the outbox key, so a message re-sent after a crash can be recognised by the
receiving side."""

import hashlib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tiendo.reminders.channels import PermanentError
from tiendo.reminders.texts import count, language, vn_date


def message_id(key: str) -> str:
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@tiendo>"


def subject_of(payload: dict) -> str:
    items = payload.get("items", [])
    if payload.get("kind") == "digest":
        with translation.override(language(payload.get("language"))):
            return "[tiendo] " + _("Nhắc việc ngày %(day)s: %(count)s việc") % {
                "day": vn_date(payload.get("day")), "count": count(len(items))}
    return f"[tiendo] {items[0]['title']}" if items else "[tiendo]"


def render(payload: dict) -> tuple[str, str, str]:
    items = [{**it, "deadline_vn": vn_date(it.get("deadline"))} for it in payload.get("items", [])]
    ctx = {"p": payload, "items": items, "day_vn": vn_date(payload.get("day")),
           "site": settings.TIENDO_SITE_URL}
    with translation.override(language(payload.get("language"))):
        text = render_to_string("reminders/email/message.txt", ctx)
        html = render_to_string("reminders/email/message.html", ctx)
    return subject_of(payload), text, html


def send(row) -> None:
    if not row.address:
        raise PermanentError(_("Không có địa chỉ thư điện tử."))
    subject, text, html = render(row.payload)
    msg = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[row.address],
        headers={"Message-ID": message_id(row.dedup_key), "X-Tiendo-Key": row.dedup_key},
        connection=get_connection(fail_silently=False),
    )
    msg.attach_alternative(html, "text/html")
    msg.send()
