"""record(): the one way to write the audit log. Services call it inside their transaction."""

import hashlib
import json
from datetime import UTC, date, datetime
from decimal import Decimal

from django.db import models, transaction
from django.utils import timezone

from tiendo.audit.models import AuditEntry, AuditHead

GENESIS = "0" * 64


def _json_default(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_json_default)


def snapshot(obj: models.Model) -> dict:
    """The row's own fields (not many-to-many), JSON-ready, with foreign keys as ids."""
    data = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if isinstance(field, models.FileField):
            value = value.name if value else ""
        data[field.attname] = json.loads(canonical(value))
    return data


def entry_hash(*, prev_hash: str, created_at: str, actor_id, action: str, object_type: str,
               object_id: str, before, after, reason: str) -> str:
    payload = canonical([prev_hash, created_at, actor_id, action, object_type, object_id,
                         before, after, reason])
    return hashlib.sha256(payload.encode()).hexdigest()


def record(*, actor, action: str, obj: models.Model | None = None,
           object_type: str = "",
           object_id: str = "", before: dict | None = None, after: dict | None = None,
           reason: str = "", unit_id: int | None = None, now: datetime | None = None) -> AuditEntry:
    """Append one entry chained to the previous one. Must run inside the caller's transaction."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        if unit_id is None:
            unit_id = getattr(obj, "unit_id", None) or getattr(obj, "lead_unit_id", None)
    created_at = (now or timezone.now()).astimezone(UTC)
    actor_id = actor.pk if actor is not None and getattr(actor, "pk", None) else None
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head, _ = AuditHead.objects.get_or_create(pk=1, defaults={"last_hash": GENESIS})
            head = AuditHead.objects.select_for_update().get(pk=1)
        before_j = json.loads(canonical(before)) if before is not None else None
        after_j = json.loads(canonical(after)) if after is not None else None
        digest = entry_hash(
            prev_hash=head.last_hash, created_at=created_at.isoformat(), actor_id=actor_id,
            action=action, object_type=object_type, object_id=str(object_id),
            before=before_j, after=after_j, reason=reason,
        )
        entry = AuditEntry.objects.create(
            created_at=created_at, actor_id=actor_id,
            actor_name=getattr(actor, "username", "") if actor is not None else "system",
            action=action, object_type=object_type, object_id=str(object_id),
            object_repr=str(obj)[:300] if obj is not None else "", unit_id=unit_id,
            before=before_j, after=after_j, reason=reason, prev_hash=head.last_hash, hash=digest,
        )
        AuditHead.objects.filter(pk=1).update(last_hash=digest, count=head.count + 1)
    return entry


def record_many(*, actor, action: str, objs: list[models.Model], reason: str = "",
                now: datetime | None = None) -> int:
    """One `after` entry per object (bulk writes: imports), chained exactly as record() chains
    them, written with one lock on the head and one bulk insert. Must run inside the caller's
    transaction."""
    if not objs:
        return 0
    created_at = (now or timezone.now()).astimezone(UTC)
    actor_id = actor.pk if actor is not None and getattr(actor, "pk", None) else None
    actor_name = getattr(actor, "username", "") if actor is not None else "system"
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            AuditHead.objects.get_or_create(pk=1, defaults={"last_hash": GENESIS})
            head = AuditHead.objects.select_for_update().get(pk=1)
        prev = head.last_hash
        entries = []
        for obj in objs:
            after = snapshot(obj)  # already JSON values, as record() would store them
            object_type, object_id = obj._meta.label_lower, str(obj.pk)
            digest = entry_hash(
                prev_hash=prev, created_at=created_at.isoformat(), actor_id=actor_id,
                action=action, object_type=object_type, object_id=object_id, before=None,
                after=after, reason=reason,
            )
            entries.append(AuditEntry(
                created_at=created_at, actor_id=actor_id, actor_name=actor_name, action=action,
                object_type=object_type, object_id=object_id, object_repr=str(obj)[:300],
                unit_id=getattr(obj, "unit_id", None) or getattr(obj, "lead_unit_id", None),
                before=None, after=after, reason=reason, prev_hash=prev, hash=digest,
            ))
            prev = digest
        AuditEntry.objects.bulk_create(entries, batch_size=500)
        AuditHead.objects.filter(pk=1).update(last_hash=prev, count=head.count + len(entries))
    return len(entries)


def verify_chain() -> list[str]:
    """Problems found in the chain (empty when intact)."""
    problems = []
    prev = GENESIS
    for e in AuditEntry.objects.order_by("pk").iterator():
        expected = entry_hash(
            prev_hash=prev, created_at=e.created_at.astimezone(UTC).isoformat(),
            actor_id=e.actor_id, action=e.action, object_type=e.object_type, object_id=e.object_id,
            before=e.before, after=e.after, reason=e.reason,
        )
        if e.prev_hash != prev or e.hash != expected:
            problems.append(f"Mục nhật ký #{e.pk} ({e.action} {e.object_repr}) đã bị sửa.")
        prev = e.hash
    return problems
