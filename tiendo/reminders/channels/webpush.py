"""Web Push (VAPID) to installed phones and browsers, through pywebpush.

The VAPID key pair is made on first use and kept in TIENDO_HOME/vapid_private.pem; the
browser needs the public key (`application_server_key()`) to subscribe.
"""

import base64
import json
import threading

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from py_vapid import Vapid02
from pywebpush import WebPushException, webpush

from tiendo.reminders.channels import PermanentError
from tiendo.reminders.texts import count, language, vn_date

_lock = threading.Lock()
TIMEOUT = 10


def key_path():
    return settings.TIENDO_HOME / "vapid_private.pem"


def vapid() -> Vapid02:
    path = key_path()
    with _lock:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            v = Vapid02()
            v.generate_keys()
            v.save_key(str(path))
            path.chmod(0o600)
    return Vapid02.from_file(str(path))


def application_server_key() -> str:
    raw = vapid().public_key.public_bytes(serialization.Encoding.X962,
                                          serialization.PublicFormat.UncompressedPoint)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def message_of(payload: dict) -> dict:
    items = payload.get("items", [])
    if payload.get("kind") == "digest":
        with translation.override(language(payload.get("language"))):
            title = "tiendo: " + _("%(count)s việc cần chú ý") % {"count": count(len(items))}
        body = "\n".join(it["title"] for it in items[:5])
        link = settings.TIENDO_SITE_URL.rstrip("/") + "/nhac-viec/"
    else:
        it = items[0] if items else {"title": "", "body": "", "link": ""}
        title, body, link = it["title"], it["body"], it["link"]
    return {"title": title, "body": body, "url": link, "day": vn_date(payload.get("day"))}


def send(row) -> None:
    from tiendo.reminders.models import PushSubscription

    sub = PushSubscription.objects.filter(pk=row.payload.get("subscription")).first()
    if sub is None:
        raise PermanentError(_("Thiết bị đã hủy đăng ký nhận thông báo."))
    info = {"endpoint": sub.endpoint, "keys": {"p256dh": sub.p256dh, "auth": sub.auth}}
    try:
        webpush(info, data=json.dumps(message_of(row.payload), ensure_ascii=False),
                vapid_private_key=vapid(), timeout=TIMEOUT, ttl=86400,
                vapid_claims={"sub": "mailto:" + settings.DEFAULT_FROM_EMAIL.split("<")[-1]
                              .strip(">").strip()},
                headers={"X-Tiendo-Delivery": row.dedup_key})
    except WebPushException as exc:
        status = getattr(exc.response, "status_code", None)
        if status in (404, 410):
            sub.delete()
            raise PermanentError(_("Thiết bị không còn nhận thông báo (%(status)s).")
                                 % {"status": status}) from exc
        raise
