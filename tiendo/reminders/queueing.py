"""Writing what the planner decided: in-app notifications (unique keys, new ones only) and the
outbox rows that carry them — a message per item for urgent rules and people who asked for
immediate delivery, otherwise one digest per person per day at their digest hour.

Runs inside the planner's transaction. On PostgreSQL the keys and rows travel by COPY into
temporary tables (no huge IN lists, no per-row INSERT), and
``INSERT … ON CONFLICT DO NOTHING RETURNING`` says which rows are new.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from tiendo.orgs.models import Profile
from tiendo.reminders import texts
from tiendo.reminders.models import (
    Channel,
    ChannelPreference,
    Notification,
    Outbox,
    PushSubscription,
)
from tiendo.reminders.rules import Calendar, RuleSpec, digest_due, hold_until

CHUNK = 2000
DIGEST_MAX = 50  # items listed in one digest; the rest are counted and linked
COLS = ("dedup_key", "recipient_id", "kind", "title", "body", "link", "data", "urgent",
        "created_at", "sent_in")


@dataclass
class PlanResult:
    notifications: list[dict] = field(default_factory=list)
    outbox: list[dict] = field(default_factory=list)
    incremental: bool = False  # only tasks changed since the day's last plan were looked at


def link(path: str) -> str:
    """Absolute link to a page of the web app (paths of tiendo.web.urls)."""
    return settings.TIENDO_SITE_URL.rstrip("/") + path


def subject_link(subject: dict) -> str:
    if subject["type"] == "task":
        return link(f"/nhiem-vu/{subject['id']}/")
    if subject["type"] == "report":
        return link("/so-lieu/nhap/")
    if subject["type"] == "figures":
        return link("/so-lieu/duyet/")
    return link("/")


# --- notifications ---------------------------------------------------------------------------

def _existing(keys: list[str]) -> set[str]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("DROP TABLE IF EXISTS tiendo_plan_keys")
            cur.execute("CREATE TEMP TABLE tiendo_plan_keys (k varchar(200)) ON COMMIT DROP")
            with cur.cursor.copy("COPY tiendo_plan_keys (k) FROM STDIN") as copy:
                for k in keys:
                    copy.write_row((k,))
            cur.execute("SELECT t.k FROM tiendo_plan_keys t JOIN reminders_notification n "
                        "ON n.dedup_key = t.k")
            return {r[0] for r in cur.fetchall()}
    found: set[str] = set()
    for i in range(0, len(keys), CHUNK):
        found.update(Notification.objects.filter(dedup_key__in=keys[i:i + CHUNK])
                     .values_list("dedup_key", flat=True))
    return found


def _insert(rows: list[dict]) -> set[str]:
    """Insert rows whose key is new; returns the keys inserted."""
    if not rows:
        return set()
    if connection.vendor == "postgresql":
        cols = ", ".join(COLS)
        with connection.cursor() as cur:
            cur.execute("DROP TABLE IF EXISTS tiendo_plan_rows")
            cur.execute("CREATE TEMP TABLE tiendo_plan_rows (dedup_key varchar(200), "
                        "recipient_id bigint, kind varchar(20), title varchar(300), body text, "
                        "link varchar(300), data jsonb, urgent boolean, "
                        "created_at timestamptz, sent_in varchar(200)) ON COMMIT DROP")
            with cur.cursor.copy(f"COPY tiendo_plan_rows ({cols}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row((r["dedup_key"], r["recipient_id"], r["kind"], r["title"],
                                    r["body"], r["link"], json.dumps(r["data"],
                                                                     ensure_ascii=False),
                                    r["urgent"], r["created_at"], r["sent_in"]))
            cur.execute(f"INSERT INTO reminders_notification ({cols}) "  # noqa: S608 - constants
                        f"SELECT {cols} FROM tiendo_plan_rows "
                        "ON CONFLICT (dedup_key) DO NOTHING RETURNING dedup_key")
            return {r[0] for r in cur.fetchall()}
    Notification.objects.bulk_create(
        [Notification(**{c: r[c] for c in COLS}) for r in rows], batch_size=CHUNK,
        ignore_conflicts=True)
    return {r["dedup_key"] for r in rows}


OUTBOX_COLS = ("dedup_key", "channel", "recipient_id", "address", "payload", "state",
               "attempts", "created_at", "next_attempt_at", "claimed_by", "last_error")


def _insert_outbox(rows: list[Outbox]) -> None:
    if connection.vendor != "postgresql":
        Outbox.objects.bulk_create(rows, batch_size=CHUNK, ignore_conflicts=True)
        return
    if not rows:
        return
    cols = ", ".join(OUTBOX_COLS)
    with connection.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS tiendo_plan_outbox")
        cur.execute("CREATE TEMP TABLE tiendo_plan_outbox (dedup_key varchar(200), "
                    "channel varchar(10), recipient_id bigint, address varchar(500), "
                    "payload jsonb, state varchar(10), attempts smallint, "
                    "created_at timestamptz, next_attempt_at timestamptz, "
                    "claimed_by varchar(100), last_error text) ON COMMIT DROP")
        with cur.cursor.copy(f"COPY tiendo_plan_outbox ({cols}) FROM STDIN") as copy:
            for o in rows:
                copy.write_row((o.dedup_key, o.channel, o.recipient_id, o.address,
                                json.dumps(o.payload, ensure_ascii=False), o.state, 0,
                                o.created_at, o.next_attempt_at, "", ""))
        cur.execute(f"INSERT INTO reminders_outbox ({cols}) "  # noqa: S608 - constants
                    f"SELECT {cols} FROM tiendo_plan_outbox "
                    "ON CONFLICT (dedup_key) DO NOTHING")


# --- digests ---------------------------------------------------------------------------------

def _subject_key(n: dict) -> str:
    d = n["data"] or {}
    if d.get("type") == "task":
        return f"task:{d.get('id')}:{d.get('audience')}"
    if d.get("type") == "report":
        return f"report:{d.get('unit_id')}:{d.get('period')}:{d.get('audience')}"
    if d.get("type") == "figures":
        return f"figures:{d.get('unit_id')}:{d.get('period')}"
    return n["dedup_key"]


def latest_per_subject(items: list[dict]) -> list[dict]:
    """A digest shows the latest item of each subject: a task held over a long weekend
    appears once, as it stands now, not once per stage it went through. Earliest deadline
    first."""
    latest: dict[str, dict] = {}
    for n in items:  # oldest first
        latest[_subject_key(n)] = n
    return sorted(latest.values(), key=lambda n: (n["data"].get("deadline") or "",
                                                  n["dedup_key"]))


def payload_item(n: dict) -> dict:
    return {"key": n["dedup_key"], "kind": n["kind"], "title": n["title"], "body": n["body"],
            "link": n["link"], "urgent": n["urgent"], "deadline": n["data"].get("deadline"),
            "unit": n["data"].get("unit", "")}


class _Channels:
    """Outbox rows for a person on each channel they chose."""

    def __init__(self, now: datetime):
        self.now = now
        self.rows: list[Outbox] = []
        self.prefs = {p.user_id: p for p in ChannelPreference.objects.all()}
        self.users = {u.pk: u for u in get_user_model().objects.filter(is_active=True)}
        self.profiles = {p.user_id: p for p in Profile.objects.all()}
        self.subs: dict[int, list[PushSubscription]] = defaultdict(list)
        for s in PushSubscription.objects.all():
            self.subs[s.user_id].append(s)

    def pref(self, uid: int) -> ChannelPreference:
        if uid not in self.prefs:
            self.prefs[uid] = ChannelPreference(user_id=uid)  # the defaults
        return self.prefs[uid]

    def person(self, uid: int) -> dict:
        user, profile = self.users.get(uid), self.profiles.get(uid)
        name = (profile.full_name if profile else "") or (user.username if user else "")
        return {"name": name, "language": profile.language if profile else "vi"}

    def digest_hour(self, uid: int) -> int:
        profile = self.profiles.get(uid)
        return profile.digest_hour if profile else 7

    def add(self, uid: int, key: str, payload: dict, at: datetime) -> None:
        user = self.users.get(uid)
        if user is None:
            return
        pref = self.pref(uid)
        common = {"recipient_id": uid, "created_at": self.now, "next_attempt_at": at}
        if pref.email and user.email:
            self.rows.append(Outbox(dedup_key=f"{key}:email", channel=Channel.EMAIL,
                                    address=user.email, payload=payload, **common))
        if pref.webhook_url:
            self.rows.append(Outbox(dedup_key=f"{key}:webhook", channel=Channel.WEBHOOK,
                                    address=pref.webhook_url, payload=payload, **common))
        if pref.webpush:
            for s in self.subs.get(uid, ()):
                self.rows.append(Outbox(dedup_key=f"{key}:webpush:{s.pk}",
                                        channel=Channel.WEBPUSH, address=s.endpoint,
                                        payload={**payload, "subscription": s.pk}, **common))


def _fresh(items: list) -> list:
    """The items not planned before: each key once, and none already stored."""
    seen: set[str] = set()
    unique = [it for it in items if not (it.key in seen or seen.add(it.key))]
    existing = _existing([it.key for it in unique])
    return [it for it in unique if it.key not in existing]


def _waiting() -> dict[int, list[dict]]:
    """Older items not yet carried (a day off, the digest hour not yet come), per person."""
    waiting: dict[int, list[dict]] = defaultdict(list)
    for row in (Notification.objects.filter(sent_in="").order_by("created_at", "pk")
                .values("recipient_id", "dedup_key", "kind", "title", "body", "link",
                        "urgent", "data")):
        row["stored"] = True
        waiting[row["recipient_id"]].append(row)
    return waiting


def _notification_row(it, ch: _Channels, now: datetime) -> dict:
    """The notification of one item, worded in its recipient's language."""
    subject = it.subject() if callable(it.subject) else it.subject
    title, body = texts.item_text(it.kind, subject, ch.person(it.recipient)["language"])
    return {"dedup_key": it.key, "recipient_id": it.recipient, "kind": it.kind,
            "title": title, "body": body, "link": subject_link(subject),
            "data": subject, "urgent": it.urgent, "created_at": now, "sent_in": ""}


def _route(rows: list[dict], ch: _Channels, waiting: dict[int, list[dict]]) -> list[dict]:
    """Urgent items, and those of people who asked for them at once, go out alone (returned);
    the rest wait for the person's digest."""
    immediate = []
    for row in rows:
        if row["urgent"] or ch.pref(row["recipient_id"]).immediate:
            row["sent_in"] = f"item:{row['dedup_key']}"
            immediate.append(row)
        else:
            waiting[row["recipient_id"]].append(row)
    return immediate


def _digests_due(waiting: dict[int, list[dict]], ch: _Channels, local: datetime,
                 spec: RuleSpec, cal: Calendar) -> dict[int, tuple[str, list[dict]]]:
    """{person: (digest key, items)} for those whose digest goes out now; marks the items."""
    day = local.date().isoformat()
    digests: dict[int, tuple[str, list[dict]]] = {}
    already = set(Notification.objects.filter(
        recipient_id__in=list(waiting),
        sent_in__in=[f"digest:{uid}:{day}" for uid in waiting])
        .values_list("recipient_id", flat=True).distinct())
    for uid, pending in waiting.items():
        if uid in already or not digest_due(local, ch.digest_hour(uid), spec, cal):
            continue  # not yet, or today's digest is out: tomorrow's will carry them
        key = f"digest:{uid}:{day}"
        digests[uid] = (key, pending)
        for row in pending:
            row["sent_in"] = key
    return digests


def _carry(digests: dict[int, tuple[str, list[dict]]]) -> None:
    """Mark the older rows a digest carries: one UPDATE per person (planners are
    serialised)."""
    for uid, (key, _pending) in digests.items():
        Notification.objects.filter(recipient_id=uid, sent_in="").update(sent_in=key)


def _queue_immediate(ch: _Channels, immediate: list[dict], inserted: set[str],
                     local: datetime, spec: RuleSpec, cal: Calendar) -> None:
    day = local.date().isoformat()
    for row in immediate:
        if row["dedup_key"] not in inserted:
            continue
        at = hold_until(local, spec, cal, urgent=row["urgent"])
        ch.add(row["recipient_id"], row["sent_in"],
               {"kind": "immediate", "day": day, **ch.person(row["recipient_id"]),
                "items": [payload_item(row)], "more": 0}, at)


def _queue_digests(ch: _Channels, digests: dict[int, tuple[str, list[dict]]],
                   inserted: set[str], local: datetime, spec: RuleSpec,
                   cal: Calendar) -> None:
    day = local.date().isoformat()
    at = hold_until(local, spec, cal, urgent=False)
    for uid, (key, pending) in digests.items():
        shown = latest_per_subject([r for r in pending
                                    if r.get("stored") or r["dedup_key"] in inserted])
        if not shown:
            continue
        ch.add(uid, key, {"kind": "digest", "day": day, **ch.person(uid),
                          "items": [payload_item(n) for n in shown[:DIGEST_MAX]],
                          "more": max(0, len(shown) - DIGEST_MAX)}, at)


def _result(new_rows: list[dict], outbox: list[Outbox]) -> PlanResult:
    return PlanResult(
        notifications=[{"key": r["dedup_key"], "recipient": r["recipient_id"],
                        "kind": r["kind"], "title": r["title"], "link": r["link"],
                        "urgent": r["urgent"], "subject": r["data"]} for r in new_rows],
        outbox=[{"key": o.dedup_key, "channel": o.channel, "recipient": o.recipient_id,
                 "address": o.address, "not_before": o.next_attempt_at.isoformat(),
                 "payload": o.payload} for o in outbox])


def write(*, items: list, now: datetime, local: datetime, spec: RuleSpec,
          cal: Calendar) -> PlanResult:
    """Store the new items and queue what is due; returns what was written."""
    fresh = _fresh(items)
    ch = _Channels(now)
    waiting = _waiting()
    rows = [_notification_row(it, ch, now) for it in fresh]
    immediate = _route(rows, ch, waiting)
    digests = _digests_due(waiting, ch, local, spec, cal)
    inserted = _insert(rows)
    _carry(digests)
    _queue_immediate(ch, immediate, inserted, local, spec, cal)
    _queue_digests(ch, digests, inserted, local, spec, cal)
    _insert_outbox(ch.rows)
    return _result([r for r in rows if r["dedup_key"] in inserted], ch.rows)
