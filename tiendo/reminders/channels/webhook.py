"""Signed JSON webhook for chat-app bridges (Zalo OA, Telegram…).

POST body: the message as JSON (UTF-8). Headers:
- ``X-Tiendo-Signature: sha256=<hex HMAC-SHA256 of the body with the person's secret>``
- ``X-Tiendo-Delivery: <outbox key>`` — the same on every retry: the bridge drops repeats.
"""

import hashlib
import hmac
import json
import urllib.error
import urllib.request

from django.utils.translation import gettext as _

from tiendo.reminders.channels import PermanentError

TIMEOUT = 10


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def body_of(row) -> bytes:
    return json.dumps({"key": row.dedup_key, **row.payload}, ensure_ascii=False,
                      sort_keys=True).encode()


def send(row) -> None:
    from tiendo.reminders.models import ChannelPreference

    pref = ChannelPreference.objects.filter(user_id=row.recipient_id).first()
    if not row.address.startswith(("http://", "https://")) or pref is None:
        raise PermanentError(_("Địa chỉ webhook không hợp lệ."))
    body = body_of(row)
    req = urllib.request.Request(  # noqa: S310 - scheme checked above
        row.address, data=body, method="POST",
        headers={"Content-Type": "application/json; charset=utf-8",
                 "X-Tiendo-Signature": sign(pref.webhook_secret, body),
                 "X-Tiendo-Delivery": row.dedup_key, "User-Agent": "tiendo-webhook/1"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:  # noqa: S310
            resp.read()
    except urllib.error.HTTPError as exc:
        if exc.code in (400, 401, 403, 404, 410):
            raise PermanentError(_("Webhook trả lỗi %(code)s.") % {"code": exc.code}) from exc
        raise
