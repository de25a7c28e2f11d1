"""Delivery: claim due outbox rows in batches, send them, record the result, retry with
backoff, give up loudly after MAX_ATTEMPTS.

Claims are provable: on PostgreSQL a row is locked with ``SELECT … FOR UPDATE SKIP LOCKED``
and marked claimed in the same transaction, so two workers never hold the same row; on SQLite
(one writer at a time) each row is claimed with a conditional UPDATE whose row count says
whether this worker won it. Each send is fenced: the claim is renewed and re-checked just
before it, and renewed during it (LeaseKeeper), so a row another worker has taken over is never
sent twice. Each row is marked sent in its own transaction right after the send. A worker that
dies holding claims stops beating; after the lease its rows go back to pending and another
worker (or the same one restarted) sends them.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import UTC, datetime, timedelta

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from tiendo.lib import clock
from tiendo.reminders.channels import PermanentError, email, webhook, webpush
from tiendo.reminders.models import Outbox, OutboxState, WorkerHeartbeat
from tiendo.reminders.rules import MAX_ATTEMPTS, backoff

log = logging.getLogger("tiendo.reminders")

CHANNELS = {"email": email.send, "webhook": webhook.send, "webpush": webpush.send}
BATCH_SIZE = 20
HEARTBEAT_STALE = timedelta(minutes=5)  # --check and the banner: older than this = stopped


def lease() -> timedelta:
    """How long a silent worker keeps its claims (env TIENDO_WORKER_LEASE_SECONDS, 300)."""
    return timedelta(seconds=int(os.environ.get("TIENDO_WORKER_LEASE_SECONDS") or 300))


def new_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def beat(worker: str, *, planned: int | None = None, sent: int | None = None) -> None:
    wall = clock.now()
    fields = {"seen_at": wall}
    if planned is not None:
        fields["last_planned"] = planned
    if sent is not None:
        fields["last_sent"] = sent
    updated = WorkerHeartbeat.objects.filter(worker=worker).update(**fields)
    if not updated:
        WorkerHeartbeat.objects.get_or_create(
            worker=worker, defaults={"started_at": wall, **fields})


def last_heartbeat() -> datetime | None:
    return (WorkerHeartbeat.objects.order_by("-seen_at")
            .values_list("seen_at", flat=True).first())


def worker_health() -> tuple[datetime | None, int]:
    """The last heartbeat and the number of messages given up, in one query (every page of
    the office shows them)."""
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT (SELECT MAX(seen_at) FROM {WorkerHeartbeat._meta.db_table}), "  # noqa: S608
            f"(SELECT COUNT(*) FROM {Outbox._meta.db_table} WHERE state = %s)",
            [OutboxState.DEAD])
        seen, dead = cur.fetchone()
    if isinstance(seen, str):  # SQLite hands back text
        seen = parse_datetime(seen)
    if seen is not None and timezone.is_naive(seen):
        seen = seen.replace(tzinfo=UTC)
    return seen, int(dead or 0)


def worker_stale(wall: datetime | None = None) -> bool:
    seen = last_heartbeat()
    return seen is None or seen < (wall or clock.now()) - HEARTBEAT_STALE


def release_stale_claims(*, wall: datetime | None = None) -> int:
    """Give back the claims of workers silent for longer than the lease."""
    wall = wall or clock.now()
    cutoff = wall - lease()
    alive = set(WorkerHeartbeat.objects.filter(seen_at__gte=cutoff)
                .values_list("worker", flat=True))
    stale = (Outbox.objects.filter(state=OutboxState.CLAIMED, claimed_at__lt=cutoff)
             .exclude(claimed_by__in=alive))
    n = 0
    for pk, who in stale.values_list("pk", "claimed_by"):
        n += Outbox.objects.filter(pk=pk, state=OutboxState.CLAIMED, claimed_by=who).update(
            state=OutboxState.PENDING, claimed_by="", claimed_at=None)
    if n:
        log.warning("reminders: %d claimed messages of stopped workers returned to the queue", n)
    return n


def _due(now: datetime) -> Q:
    return Q(state__in=[OutboxState.PENDING, OutboxState.FAILED], next_attempt_at__lte=now)


def claim(worker: str, now: datetime, limit: int = BATCH_SIZE) -> list[Outbox]:
    wall = clock.now()
    mark = {"state": OutboxState.CLAIMED, "claimed_by": worker, "claimed_at": wall}
    if connection.vendor == "postgresql":
        with transaction.atomic():
            ids = list(Outbox.objects.select_for_update(skip_locked=True, of=("self",))
                       .filter(_due(now)).order_by("next_attempt_at", "pk")
                       .values_list("pk", flat=True)[:limit])
            if ids:
                Outbox.objects.filter(pk__in=ids).update(**mark)
    else:
        candidates = list(Outbox.objects.filter(_due(now)).order_by("next_attempt_at", "pk")
                          .values_list("pk", flat=True)[:limit])
        ids = []
        for pk in candidates:
            won = Outbox.objects.filter(_due(now), pk=pk).update(**mark)
            if won == 1:
                ids.append(pk)
    return list(Outbox.objects.filter(pk__in=ids, claimed_by=worker,
                                      state=OutboxState.CLAIMED).order_by("pk"))


def _finish(row: Outbox, worker: str, **fields) -> bool:
    """Record the result, only if this worker still holds the claim."""
    return bool(Outbox.objects.filter(pk=row.pk, claimed_by=worker,
                                      state=OutboxState.CLAIMED).update(**fields))


def fence(row: Outbox, worker: str) -> bool:
    """Renew this worker's claim on the row just before sending it, and say whether it still
    holds it. A claim lost while earlier rows of the batch were sent (the lease ran out and
    another worker took the row) is not sent again here."""
    return bool(Outbox.objects.filter(pk=row.pk, claimed_by=worker,
                                      state=OutboxState.CLAIMED)
                .update(claimed_at=clock.now()))


class LeaseKeeper:
    """While one message is being sent, renew its claim and the worker's heartbeat every third
    of the lease from a helper thread, so a slow send that outlasts the lease is not taken
    over (and sent twice) by another worker. A dead process stops renewing, and its claims
    return after the lease; a send stuck longer than MAX_LEASES leases is given up too."""

    MAX_LEASES = 10

    def __init__(self, row: Outbox, worker: str):
        self.row, self.worker = row, worker
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True,
                                       name=f"lease-{row.pk}")

    def _run(self) -> None:
        every = max(lease().total_seconds() / 3, 0.05)
        try:
            for _ in range(self.MAX_LEASES * 3):
                if self.stop.wait(every):
                    return
                if not fence(self.row, self.worker):
                    return
                beat(self.worker)
        except Exception as exc:  # never let the keeper break the send; the lease still holds
            log.warning("reminders: could not renew the claim on %s: %s", self.row.dedup_key,
                        exc)
        finally:
            connection.close()  # the thread's own database connection

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def deliver(row: Outbox, worker: str, now: datetime) -> bool:
    """Send one claimed row; True when it was sent. Fenced: sent only while the claim holds."""
    if not fence(row, worker):
        log.warning("reminders: claim on %s lost before sending; left to its new owner",
                    row.dedup_key)
        return False
    attempts = row.attempts + 1
    try:
        with LeaseKeeper(row, worker):
            CHANNELS[row.channel](row)
    except PermanentError as exc:
        _finish(row, worker, state=OutboxState.DEAD, attempts=attempts, last_error=str(exc),
                claimed_by="", claimed_at=None)
        log.error("reminders: gave up on %s (%s): %s", row.dedup_key, row.channel, exc)
        return False
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        if attempts >= MAX_ATTEMPTS:
            _finish(row, worker, state=OutboxState.DEAD, attempts=attempts, last_error=error,
                    claimed_by="", claimed_at=None)
            log.error("reminders: gave up on %s (%s) after %d attempts: %s",
                      row.dedup_key, row.channel, attempts, error)
        else:
            _finish(row, worker, state=OutboxState.FAILED, attempts=attempts, last_error=error,
                    next_attempt_at=now + backoff(attempts), claimed_by="", claimed_at=None)
            log.warning("reminders: %s (%s) failed, attempt %d: %s", row.dedup_key,
                        row.channel, attempts, error)
        return False
    _finish(row, worker, state=OutboxState.SENT, attempts=attempts, sent_at=clock.now(),
            last_error="")
    return True


def deliver_batch(worker: str, now: datetime, limit: int = BATCH_SIZE) -> tuple[int, int]:
    """Claim one batch and send all of it; returns (claimed, sent)."""
    rows = claim(worker, now, limit)
    sent = 0
    for row in rows:
        sent += deliver(row, worker, now)
        beat(worker)
    return len(rows), sent
