"""record(): the one way to write the audit log. Services call it inside their transaction."""

import hashlib
import hmac
import json
import threading
from contextlib import contextmanager
from datetime import UTC, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction

from tiendo.audit import coverage
from tiendo.audit.coverage import json_default
from tiendo.audit.models import AuditEntry, AuditHead
from tiendo.lib import clock

GENESIS = "0" * 64


def canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=json_default)


def snapshot(obj: models.Model) -> dict:
    """The row's own fields (not many-to-many), JSON-ready, with foreign keys as ids."""
    data = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if isinstance(field, models.FileField):
            value = value.name if value else ""
        data[field.attname] = json.loads(canonical(value))
    return data


KEYED = "hmac-sha256"
LEGACY = "sha256"
ABSENT = "-"  # state_digest of an entry after which its covered row no longer exists


def legacy_hash(*, prev_hash: str, created_at: str, actor_id, action: str, object_type: str,
                object_id: str, before, after, reason: str) -> str:
    """The unkeyed chain of 0.1.0 (read only by verify and `tiendo audit rekey`)."""
    payload = canonical([prev_hash, created_at, actor_id, action, object_type, object_id,
                         before, after, reason])
    return hashlib.sha256(payload.encode()).hexdigest()


def keyed_hash(*, prev_hash: str, created_at: str, actor_id, actor_name: str, action: str,
               object_type: str, object_id: str, object_repr: str, unit_id, before, after,
               reason: str, state_digest: str) -> str:
    """HMAC-SHA256 over every column of the entry, with the key kept outside the database."""
    payload = canonical([KEYED, prev_hash, created_at, actor_id, actor_name, action,
                         object_type, object_id, object_repr, unit_id, before, after, reason,
                         state_digest])
    return hmac.new(settings.TIENDO_AUDIT_KEY.encode(), payload.encode(),
                    hashlib.sha256).hexdigest()


def entry_hash(*, prev_hash: str, created_at: str, actor_id, action: str, object_type: str,
               object_id: str, before, after, reason: str) -> str:
    """Kept for callers of 0.1.0: the unkeyed hash."""
    return legacy_hash(prev_hash=prev_hash, created_at=created_at, actor_id=actor_id,
                       action=action, object_type=object_type, object_id=object_id,
                       before=before, after=after, reason=reason)


def hash_of(entry: AuditEntry, *, prev_hash: str, scheme: str) -> str:
    created_at = entry.created_at.astimezone(UTC).isoformat()
    if scheme == LEGACY:
        return legacy_hash(prev_hash=prev_hash, created_at=created_at, actor_id=entry.actor_id,
                           action=entry.action, object_type=entry.object_type,
                           object_id=entry.object_id, before=entry.before, after=entry.after,
                           reason=entry.reason)
    return keyed_hash(prev_hash=prev_hash, created_at=created_at, actor_id=entry.actor_id,
                      actor_name=entry.actor_name, action=entry.action,
                      object_type=entry.object_type, object_id=entry.object_id,
                      object_repr=entry.object_repr, unit_id=entry.unit_id,
                      before=entry.before, after=entry.after, reason=entry.reason,
                      state_digest=entry.state_digest)


def _locked_head() -> AuditHead:
    head = AuditHead.objects.select_for_update(of=("self",)).filter(pk=1).first()
    if head is None:
        AuditHead.objects.get_or_create(pk=1, defaults={"last_hash": GENESIS, "scheme": KEYED})
        head = AuditHead.objects.select_for_update(of=("self",)).get(pk=1)
    return head


def record(*, actor, action: str, obj: models.Model | None = None,
           object_type: str = "",
           object_id: str = "", before: dict | None = None, after: dict | None = None,
           reason: str = "", unit_id: int | None = None, now: datetime | None = None) -> AuditEntry:
    """Append one entry chained to the previous one. Must run inside the caller's transaction,
    after the change it describes (the digest of a covered row is read here)."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        if unit_id is None:
            unit_id = getattr(obj, "unit_id", None) or getattr(obj, "lead_unit_id", None)
    created_at = (now or clock.now()).astimezone(UTC)
    actor_id = actor.pk if actor is not None and getattr(actor, "pk", None) else None
    entry = AuditEntry(
        created_at=created_at, actor_id=actor_id,
        actor_name=getattr(actor, "username", "") if actor is not None else "system",
        action=action, object_type=object_type, object_id=str(object_id),
        object_repr=str(obj)[:300] if obj is not None else "", unit_id=unit_id,
        before=json.loads(canonical(before)) if before is not None else None,
        after=json.loads(canonical(after)) if after is not None else None, reason=reason,
    )
    if object_id and coverage.is_covered(object_type):
        entry.state_digest = coverage.row_digest(object_type, object_id) or ABSENT
    # Everything above is computed before the head is locked; under the lock only the HMAC,
    # one INSERT and one UPDATE by primary key (O(1), whatever the length of the log).
    if _pending.entries is not None:
        _pending.entries.append(entry)  # chained when the deferred() block ends
        return entry
    _chain([entry])
    return entry


def _chain(entries: list[AuditEntry]) -> None:
    """Chain the entries after the head, in their order, and insert them: one lock on the
    head, the HMACs, one bulk INSERT and one UPDATE of the head."""
    if not entries:
        return
    with transaction.atomic():
        head = _locked_head()
        prev = head.last_hash
        for entry in entries:
            entry.prev_hash = prev
            entry.hash = hash_of(entry, prev_hash=prev, scheme=head.scheme)
            prev = entry.hash
        AuditEntry.objects.bulk_create(entries, batch_size=500)
        AuditHead.objects.filter(pk=1).update(last_hash=prev, count=head.count + len(entries))


class _Pending(threading.local):
    """The entries recorded inside this thread's deferred() block (None outside one)."""

    entries: list[AuditEntry] | None = None


_pending = _Pending()


@contextmanager
def deferred():
    """Inside the block, record() and record_many() make each entry at once (with the digest
    of its row as it is then) but chain and insert them all when the block ends, in their
    order, under one lock on the log's head. A long write (a workbook import) thus takes the
    head last, as every interactive write does, instead of holding it from its first entry to
    its commit while it locks figures, assessments and tallies: other writers neither wait for
    it all that time nor deadlock with it. Use it inside the caller's transaction, around
    writes that all commit or all roll back together: a block that raises writes none of its
    entries (do not catch, inside it, the failure of a write it recorded). A block inside
    another adds to the outer one."""
    if _pending.entries is not None:
        yield
        return
    _pending.entries = entries = []
    try:
        yield
    finally:
        _pending.entries = None
    _chain(entries)


def chain_scheme() -> str:
    head = AuditHead.objects.filter(pk=1).values_list("scheme", flat=True).first()
    return head or KEYED


def record_many(*, actor, action: str, objs: list[models.Model], reason: str = "",
                now: datetime | None = None) -> int:
    """One `after` entry per object (bulk writes: imports), chained and keyed exactly as
    record() does, with the digest of each covered row read back in batches; one lock on the
    head and one bulk insert. Must run inside the caller's transaction, after the writes."""
    if not objs:
        return 0
    created_at = (now or clock.now()).astimezone(UTC)
    actor_id = actor.pk if actor is not None and getattr(actor, "pk", None) else None
    actor_name = getattr(actor, "username", "") if actor is not None else "system"
    digests = coverage.digests_of(objs)
    entries = []
    for obj in objs:
        label = obj._meta.label_lower
        entry = AuditEntry(
            created_at=created_at, actor_id=actor_id, actor_name=actor_name, action=action,
            object_type=label, object_id=str(obj.pk), object_repr=str(obj)[:300],
            unit_id=getattr(obj, "unit_id", None) or getattr(obj, "lead_unit_id", None),
            before=None, after=snapshot(obj), reason=reason,
        )
        if coverage.is_covered(label):
            entry.state_digest = digests.get((label, str(obj.pk))) or ABSENT
        entries.append(entry)
    if _pending.entries is not None:
        _pending.entries.extend(entries)
    else:
        _chain(entries)
    return len(entries)


def verify_chain() -> list[str]:
    """Problems found in the chain (empty when intact)."""
    problems = []
    prev = GENESIS
    scheme = chain_scheme()
    for e in AuditEntry.objects.order_by("pk").iterator():
        if e.prev_hash != prev or e.hash != hash_of(e, prev_hash=prev, scheme=scheme):
            problems.append(f"Mục nhật ký #{e.pk} ({e.action} {e.object_repr}) đã bị sửa.")
        prev = e.hash
    return problems


MSG_REKEY_BROKEN = ("Không thể chuyển nhật ký sang chuỗi có khóa: {n} vấn đề, mục đầu tiên: "
                    "{first} (cannot re-key a chain that does not verify)")


def chain_rekey() -> int:
    """Re-key the unkeyed chain of 0.1.0 with the HMAC key, after checking it. Returns how
    many entries were re-keyed (0 when the chain was already keyed)."""
    with transaction.atomic():
        head = _locked_head()
        if head.scheme == KEYED:
            return 0
        problems = verify_chain()
        if problems:
            raise ValidationError(MSG_REKEY_BROKEN.format(n=len(problems), first=problems[0]))
        prev, n = GENESIS, 0
        for e in AuditEntry.objects.order_by("pk").iterator():
            digest = hash_of(e, prev_hash=prev, scheme=KEYED)
            AuditEntry.objects.filter(pk=e.pk).update(prev_hash=prev, hash=digest)
            prev, n = digest, n + 1
        AuditHead.objects.filter(pk=1).update(last_hash=prev, count=n, scheme=KEYED)
    return n
