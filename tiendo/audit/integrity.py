"""Does the database still say what the audit log says it should?

`verify_chain()` (services) proves no entry was altered or removed from the middle of the log.
`verify_state()` proves no audited row was changed behind the application's back: for every
object named in the log, its current row must equal the `after` of its newest entry (only the
fields that entry recorded), and an object whose newest entry is a deletion must be gone.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Q

from tiendo.audit import coverage
from tiendo.audit.models import AuditEntry, AuditHead
from tiendo.audit.services import ABSENT, LEGACY, chain_scheme, record, snapshot, verify_chain

BATCH = 2000


@dataclass(frozen=True)
class Difference:
    object_type: str
    object_id: str
    field: str
    logged: object
    current: object
    entry_id: int

    def message(self) -> str:
        if self.field == "__missing__":
            return (f"{self.object_type} #{self.object_id}: đã bị xóa ngoài ứng dụng "
                    f"(mục nhật ký #{self.entry_id} ghi nó còn tồn tại). "
                    f"(deleted behind the application's back)")
        if self.field == "__present__":
            return (f"{self.object_type} #{self.object_id}: vẫn còn dù mục nhật ký "
                    f"#{self.entry_id} ghi đã xóa. (present although logged as deleted)")
        return (f"{self.object_type} #{self.object_id}: trường “{self.field}” là "
                f"{self.current!r}, nhật ký #{self.entry_id} ghi {self.logged!r}. "
                f"(changed behind the application's back)")


def _as_decimal(value):
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _as_datetime(value):
    if not isinstance(value, str) or len(value) < 19 or "T" not in value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def same(logged, current) -> bool:
    """Equal as logged: numbers by value ("7.47" == "7.4700"), instants by the moment they
    name ("09:00+07:00" == "02:00+00:00"), everything else exactly."""
    if isinstance(logged, bool) or isinstance(current, bool):
        return type(logged) is type(current) and logged == current
    if logged == current:
        return True
    dl, dc = _as_decimal(logged), _as_decimal(current)
    if dl is not None and dc is not None:
        return dl == dc
    tl, tc = _as_datetime(logged), _as_datetime(current)
    if tl is not None and tc is not None:
        return tl == tc
    if isinstance(logged, dict) and isinstance(current, dict):
        return logged.keys() == current.keys() and all(same(logged[k], current[k])
                                                        for k in logged)
    if isinstance(logged, list) and isinstance(current, list):
        return len(logged) == len(current) and all(map(same, logged, current))
    return False


def _model_for(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def last_logged_states() -> dict[str, dict[str, tuple[int, str, dict | None]]]:
    """object_type -> object_id -> (entry id, action, after) of the newest entry."""
    latest: dict[str, dict[str, tuple[int, str, dict | None]]] = defaultdict(dict)
    rows = AuditEntry.objects.order_by("pk").values_list(
        "pk", "object_type", "object_id", "action", "after")
    for pk, otype, oid, action, after in rows.iterator(chunk_size=BATCH):
        if otype and oid:
            latest[otype][oid] = (pk, action, after)
    return latest


def _legacy_count(field: str, logged, current) -> bool:
    """0.1.0 logged an extraction run's statements by their count under the field's name."""
    return (field == "statements" and isinstance(logged, int) and not isinstance(logged, bool)
            and isinstance(current, list) and logged == len(current))


def _is_delete(action: str) -> bool:
    return action.endswith((".delete", ".remove"))


def verify_state() -> tuple[list[Difference], int]:
    """Differences found, and how many logged objects were compared."""
    differences: list[Difference] = []
    checked = 0
    for otype, objects in sorted(last_logged_states().items()):
        model = _model_for(otype)
        if model is None:
            continue  # a summary entry (e.g. the synthetic load) names no row
        ids = list(objects)
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            try:
                rows = model._default_manager.in_bulk(chunk)
            except (ValueError, TypeError):
                continue
            rows = {str(k): v for k, v in rows.items()}
            checked += len(chunk)
            for oid in chunk:
                entry_id, action, after = objects[oid]
                obj = rows.get(oid)
                if _is_delete(action) or after is None:
                    if obj is not None and _is_delete(action):
                        differences.append(Difference(otype, oid, "__present__", None, None,
                                                      entry_id))
                    continue
                if obj is None:
                    differences.append(Difference(otype, oid, "__missing__", None, None,
                                                  entry_id))
                    continue
                current = snapshot(obj)
                for field, logged in sorted(after.items()):
                    if _legacy_count(field, logged, current.get(field)):
                        continue
                    if field in current and not same(logged, current[field]):
                        differences.append(Difference(otype, oid, field, logged,
                                                      current[field], entry_id))
    return differences, checked


def logged_digests() -> dict[str, dict[str, str]]:
    """object_type -> object_id -> the newest digest the log gives the covered row."""
    known: dict[str, dict[str, str]] = defaultdict(dict)
    rows = (AuditEntry.objects.filter(Q(state_digest__gt="") | Q(action="audit.seal"))
            .order_by("pk").values_list("object_type", "object_id", "state_digest", "action",
                                        "after"))
    for otype, oid, digest, action, after in rows.iterator(chunk_size=BATCH):
        if action == "audit.seal" and isinstance(after, dict):
            known[after.get("model", "")].update(after.get("digests") or {})
        elif digest:
            known[otype][oid] = digest
    return known


def verify_coverage() -> tuple[list[str], int]:
    """Every figure, target, task, membership and user row (with its permissions and groups)
    must be the row the log last described. Returns the problems and the rows checked."""
    problems: list[str] = []
    checked = 0
    known = logged_digests()
    for label in coverage.covered_labels():
        logged = dict(known.get(label, {}))
        for pk, digest in coverage.all_digests(label):
            checked += 1
            expected = logged.pop(pk, None)
            if expected is None:
                problems.append(
                    f"{label} #{pk}: không có trong nhật ký, đã được thêm ngoài ứng dụng. "
                    f"(row not explained by the audit log)")
            elif expected != digest:
                problems.append(
                    f"{label} #{pk}: khác với trạng thái nhật ký ghi lần cuối, đã bị sửa ngoài "
                    f"ứng dụng. (row differs from its last logged state)")
        for pk, expected in sorted(logged.items()):
            if expected != ABSENT:
                problems.append(f"{label} #{pk}: đã bị xóa ngoài ứng dụng. (row deleted "
                                f"behind the application's back)")
    return problems, checked


# --- the anchor outside the database ---

def head_line() -> str | None:
    """"<count> <pk> <hash>" of the newest entry, or None for an empty log (two lookups by
    key, so the worker can write it every cycle)."""
    head = AuditHead.objects.filter(pk=1).values_list("count", "last_hash").first()
    if head is None or not head[0]:
        return None
    pk = AuditEntry.objects.filter(hash=head[1]).values_list("pk", flat=True).first()
    return f"{head[0]} {pk} {head[1]}" if pk else None


def write_checkpoint(path=None) -> str | None:
    """Write the chain head to the checkpoint file (atomically); returns the line."""
    path = path or settings.TIENDO_AUDIT_CHECKPOINT
    line = head_line()
    if line is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(line + "\n")
    tmp.replace(path)
    return line


def check_checkpoint(line: str) -> list[str]:
    """The chain must still hold the entry a checkpoint recorded, as the same entry number."""
    try:
        count, pk, digest = line.split()
        count, pk = int(count), int(pk)
    except ValueError:
        return [f"Điểm neo nhật ký không đọc được: “{line[:80]}”. (unreadable checkpoint)"]
    found = AuditEntry.objects.filter(pk=pk).values_list("hash", flat=True).first()
    if found != digest or AuditEntry.objects.filter(pk__lte=pk).count() != count:
        return [f"Nhật ký không còn chứa mục #{pk} đã neo (mục thứ {count}): chuỗi đã bị viết "
                f"lại. (the chain no longer holds checkpointed entry #{pk}: it was rewritten)"]
    return []


def read_checkpoint(path=None) -> str | None:
    path = path or settings.TIENDO_AUDIT_CHECKPOINT
    try:
        return path.read_text().strip() or None
    except FileNotFoundError:
        return None


@dataclass
class Report:
    entries: int
    objects: int
    chain_problems: list[str]
    differences: list[Difference]
    rows: int = 0  # covered rows whose digest matched

    @property
    def ok(self) -> bool:
        return not self.chain_problems and not self.differences

    def lines(self) -> list[str]:
        return self.chain_problems + [d.message() for d in self.differences]


def verify(*, checkpoint: str | None = None) -> Report:
    """The whole check. `checkpoint`: a head line kept elsewhere (e.g. mailed); by default the
    checkpoint file."""
    problems = []
    if chain_scheme() == LEGACY:
        problems.append("Nhật ký chưa được khóa (HMAC): chạy `tiendo audit rekey` một lần. "
                        "(the chain is not keyed yet: run `tiendo audit rekey` once)")
    problems += verify_chain()
    head = AuditHead.objects.filter(pk=1).first()
    entries = AuditEntry.objects.count()
    if head is not None and head.count != entries:
        problems.append(
            f"Nhật ký có {entries} mục nhưng đầu chuỗi ghi {head.count}: có mục đã bị xóa "
            f"hoặc thêm ngoài ứng dụng. (entry count {entries} != head count {head.count})")
    last = AuditEntry.objects.order_by("-pk").values_list("hash", flat=True).first()
    if head is not None and last is not None and head.last_hash != last:
        problems.append("Mục cuối của nhật ký không khớp đầu chuỗi: có mục cuối đã bị xóa. "
                        "(the newest entries were removed)")
    line = checkpoint or read_checkpoint()
    if line:
        problems += check_checkpoint(line)
    covered, rows = verify_coverage()
    problems += covered
    differences, objects = verify_state()
    return Report(entries=entries, objects=objects, chain_problems=problems,
                  differences=differences, rows=rows)


SEAL_BATCH = 1000


def seal_unexplained(*, actor, reason: str, now: datetime | None = None) -> int:
    """Record the current digest of every covered row the log has never described (rows
    loaded in bulk, or kept from before 0.2.0). Rows the log describes differently are left
    for verify to report: sealing never hides a change. Returns the rows sealed."""
    known = logged_digests()
    sealed = 0
    with transaction.atomic():
        for label in coverage.covered_labels():
            logged = known.get(label, {})
            batch: dict[str, str] = {}
            for pk, digest in coverage.all_digests(label):
                if pk not in logged:
                    batch[pk] = digest
                if len(batch) >= SEAL_BATCH:
                    _seal(actor, label, batch, reason, now)
                    sealed, batch = sealed + len(batch), {}
            if batch:
                _seal(actor, label, batch, reason, now)
                sealed += len(batch)
    return sealed


def _seal(actor, label: str, digests: dict[str, str], reason: str, now) -> None:
    record(actor=actor, action="audit.seal", object_type="audit.seal",
           after={"model": label, "digests": digests}, reason=reason, now=now)
