"""Messages that go out at once, written by a service inside its own transaction: an urge
(đôn đốc) from the office, a direction (ý kiến chỉ đạo) on a task. Each recipient gets an in-app
notification (the bell shows it as soon as the transaction commits) and one outbox row per
channel they chose; the worker's next pass sends those, without waiting for the digest.
The service passes what to say as messages (template and values); each recipient's rows hold
the text in that recipient's language.

Only the recipients' own rows are read, so this stays cheap however many people there are.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model

from tiendo.lib.messages import Message
from tiendo.orgs.models import Membership, Profile, Role, Unit
from tiendo.reminders.models import (
    Channel,
    ChannelPreference,
    Notification,
    Outbox,
    PushSubscription,
)
from tiendo.reminders.queueing import link, payload_item
from tiendo.reminders.texts import language
from tiendo.shared.i18n import in_language


def unit_people(unit: Unit) -> dict[str, list[int]]:
    """{"focal": the unit's focal points, "head": its head (the nearest above when it has
    none)} — active people only, in a stable order."""
    chain: list[int] = []
    u = unit
    while u is not None and u.pk not in chain:
        chain.append(u.pk)
        u = u.parent
    rows = list(Membership.objects.filter(unit_id__in=chain, user__is_active=True)
                .values_list("user_id", "unit_id", "role", "is_head").order_by("user_id"))
    focal = [uid for uid, unit_id, role, _h in rows if unit_id == unit.pk and role == Role.FOCAL]
    head: list[int] = []
    for unit_id in chain:
        head = [uid for uid, u_id, _r, is_head in rows if u_id == unit_id and is_head]
        if head:
            break
    return {"focal": list(dict.fromkeys(focal)), "head": list(dict.fromkeys(head))}


def send_now(*, recipients: list[int], key: str, kind: str, title: Message | str,
             body: Message | str, path: str, data: dict, now: datetime) -> list[Notification]:
    """Write the notifications and outbox rows of one message to each recipient. Must run
    inside the caller's transaction. ``key`` is unique per message; each row adds the
    recipient (and channel) to it. ``title`` and ``body`` are written in each recipient's
    language (a plain string, such as the office's own words, is the same for all)."""
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=recipients,
                                                                is_active=True)}
    prefs = {p.user_id: p for p in ChannelPreference.objects.filter(user_id__in=users)}
    profiles = {p.user_id: p for p in Profile.objects.filter(user_id__in=users)}
    subs: dict[int, list[PushSubscription]] = {}
    for s in PushSubscription.objects.filter(user_id__in=users):
        subs.setdefault(s.user_id, []).append(s)
    notes, rows = [], []
    for uid in dict.fromkeys(recipients):
        user = users.get(uid)
        if user is None:
            continue
        item_key = f"{key}:{uid}"
        profile = profiles.get(uid)
        lang = language(profile.language if profile else None)
        text = {"title": in_language(lang, title), "body": in_language(lang, body)}
        note = Notification(dedup_key=item_key, recipient=user, kind=kind, link=link(path),
                            data=data, urgent=True, created_at=now,
                            sent_in=f"item:{item_key}", **text)
        notes.append(note)
        pref = prefs.get(uid) or ChannelPreference(user_id=uid)
        payload = {"kind": "immediate", "day": now.date().isoformat(),
                   "name": (profile.full_name if profile else "") or user.username,
                   "language": lang,
                   "items": [payload_item({"dedup_key": item_key, "kind": kind, **text,
                                           "link": note.link, "urgent": True,
                                           "data": data})],
                   "more": 0}
        common = {"recipient_id": uid, "created_at": now, "next_attempt_at": now,
                  "payload": payload}
        if pref.email and user.email:
            rows.append(Outbox(dedup_key=f"item:{item_key}:email", channel=Channel.EMAIL,
                               address=user.email, **common))
        if pref.webhook_url:
            rows.append(Outbox(dedup_key=f"item:{item_key}:webhook", channel=Channel.WEBHOOK,
                               address=pref.webhook_url, **common))
        if pref.webpush:
            for s in subs.get(uid, ()):
                rows.append(Outbox(dedup_key=f"item:{item_key}:webpush:{s.pk}",
                                   channel=Channel.WEBPUSH, address=s.endpoint,
                                   **{**common, "payload": {**payload, "subscription": s.pk}}))
    Notification.objects.bulk_create(notes)
    Outbox.objects.bulk_create(rows)
    return notes
