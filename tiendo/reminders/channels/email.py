"""E-mail through Django's SMTP backend (TIENDO_EMAIL_URL). Vietnamese (or English) templates,
plain text and HTML, dates dd/mm/yyyy. The Message-ID is derived from the outbox key, so a
message re-sent after a crash can be recognised by the receiving side."""

import hashlib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from tiendo.reminders.channels import PermanentError
from tiendo.reminders.texts import vn_date


def message_id(key: str) -> str:
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@tiendo>"


def subject_of(payload: dict) -> str:
    items = payload.get("items", [])
    en = payload.get("language") == "en"
    if payload.get("kind") == "digest":
        day = vn_date(payload.get("day"))
        n = len(items)
        return (f"[tiendo] Reminders of {day}: {n} items" if en
                else f"[tiendo] Nhắc việc ngày {day}: {n:02d} việc")
    return f"[tiendo] {items[0]['title']}" if items else "[tiendo]"


def render(payload: dict) -> tuple[str, str, str]:
    lang = "en" if payload.get("language") == "en" else "vi"
    items = [{**it, "deadline_vn": vn_date(it.get("deadline"))} for it in payload.get("items", [])]
    ctx = {"p": payload, "items": items, "day_vn": vn_date(payload.get("day")),
           "site": settings.TIENDO_SITE_URL, "en": lang == "en"}
    with translation.override(lang):
        text = render_to_string("reminders/email/message.txt", ctx)
        html = render_to_string("reminders/email/message.html", ctx)
    return subject_of(payload), text, html


def send(row) -> None:
    if not row.address:
        raise PermanentError("Không có địa chỉ thư điện tử.")
    subject, text, html = render(row.payload)
    msg = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[row.address],
        headers={"Message-ID": message_id(row.dedup_key), "X-Tiendo-Key": row.dedup_key},
        connection=get_connection(fail_silently=False),
    )
    msg.attach_alternative(html, "text/html")
    msg.send()
