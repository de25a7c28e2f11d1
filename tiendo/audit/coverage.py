"""Which rows the log must explain in full, and their digests.

Every row of these models must be named by an audit entry whose `state_digest` equals the digest
of the row as it is now. A row INSERTed or UPDATEd behind the application's back (an approved
figure with no entry, `UPDATE auth_user SET is_superuser=1`, a permission granted in SQL) has no
such entry, and `tiendo audit verify` names it. The digest is computed when the entry is written
(one read of the row by its key, before the chain head is locked), so appending stays O(1).

EXCLUDED lists columns that legitimately change without an entry (bookkeeping, or values derived
from audited rows and recomputed in bulk). A new column of a covered model is covered unless it
is added here, with the reason.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

BATCH = 2000

COVERED = ("indicators.figure", "indicators.target", "tasks.task", "orgs.membership",
           "auth.user")

EXCLUDED: dict[str, frozenset[str]] = {
    "auth.user": frozenset({"last_login"}),  # written by every login
}


def json_default(value):
    """How the log writes a value JSON has no type for (audit.services.canonical uses it too)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def user_label() -> str:
    return get_user_model()._meta.label_lower


def covered_labels() -> tuple[str, ...]:
    return tuple(user_label() if label == "auth.user" else label for label in COVERED)


def is_covered(label: str) -> bool:
    return label in covered_labels()


def _row(obj: models.Model, label: str, extra: dict | None = None) -> dict:
    skip = EXCLUDED.get("auth.user" if label == user_label() else label, frozenset())
    data = {}
    for field in obj._meta.concrete_fields:
        if field.attname in skip:
            continue
        value = getattr(obj, field.attname)
        if isinstance(field, models.FileField):
            value = value.name if value else ""
        data[field.attname] = value
    if extra:
        data.update(extra)
    return data


def _digest(data: dict) -> str:
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False, default=json_default)
    return hashlib.sha256(payload.encode()).hexdigest()


def _user_links(user_ids) -> dict[int, dict]:
    """The user's permissions and groups (the many-to-many rows) as part of the user."""
    user = get_user_model()
    links: dict[int, dict] = defaultdict(lambda: {"groups": [], "user_permissions": []})
    for name in ("groups", "user_permissions"):
        through = user._meta.get_field(name).remote_field.through
        other = "group_id" if name == "groups" else "permission_id"
        rows = through.objects.filter(user_id__in=user_ids).values_list("user_id", other)
        for uid, oid in rows.order_by("user_id", other):
            links[uid][name].append(oid)
    return links


def row_digest(label: str, pk) -> str:
    """The digest of the row as it is in the database now ("" when it is not there)."""
    model = apps.get_model(label)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        return ""
    extra = _user_links([obj.pk])[obj.pk] if label == user_label() else None
    return _digest(_row(obj, label, extra))


def digests_of(objs) -> dict[tuple[str, str], str]:
    """{(label, pk as text): digest} of the covered rows among objs, read back from the
    database in batches (bulk writes: one query per batch, not per row)."""
    by_label: dict[str, list] = {}
    for obj in objs:
        label = obj._meta.label_lower
        if is_covered(label):
            by_label.setdefault(label, []).append(obj.pk)
    out = {}
    for label, pks in by_label.items():
        model = apps.get_model(label)
        is_user = label == user_label()
        for i in range(0, len(pks), BATCH):
            batch = list(model._default_manager.filter(pk__in=pks[i:i + BATCH]))
            links = _user_links([o.pk for o in batch]) if is_user else {}
            for obj in batch:
                extra = links.get(obj.pk, {"groups": [], "user_permissions": []}) if is_user \
                    else None
                out[(label, str(obj.pk))] = _digest(_row(obj, label, extra))
    return out


def all_digests(label: str) -> Iterator[tuple[str, str]]:
    """(pk as text, digest) of every row of a covered model, in batches."""
    model = apps.get_model(label)
    is_user = label == user_label()
    qs = model._default_manager.order_by("pk")
    last = None
    while True:
        batch = list((qs.filter(pk__gt=last) if last is not None else qs)[:BATCH])
        if not batch:
            return
        links = _user_links([o.pk for o in batch]) if is_user else {}
        for obj in batch:
            extra = links.get(obj.pk, {"groups": [], "user_permissions": []}) if is_user \
                else None
            yield str(obj.pk), _digest(_row(obj, label, extra))
        last = batch[-1].pk
