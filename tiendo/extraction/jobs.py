"""The worker's share of extraction: claim one queued upload and read it.

Called by ``tiendo worker`` on every pass (tiendo.worker.run.run_once). A claim is a
conditional UPDATE (state queued → reading, by this worker) whose row count says whether this
worker won it, so two workers never read the same upload. A worker that dies while reading
leaves the run in ``reading``; after the lease it goes back to the queue, and after
MAX_ATTEMPTS it fails with a message instead of taking the next worker down too.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from tiendo.audit.services import record
from tiendo.extraction import services
from tiendo.extraction.models import ExtractionRun, RunState
from tiendo.lib import clock

MAX_ATTEMPTS = 2
MSG_GAVE_UP = _("Tệp “{name}” làm tiến trình đọc dừng bất thường {n} lần; không đọc tệp này. "
                 "Hãy kiểm tra lại tệp.")


def lease() -> timedelta:
    """How long a reading may hold its claim: the read limit plus a margin."""
    return timedelta(seconds=settings.TIENDO_READ_SECONDS + 60)


def release_stale(*, wall: datetime | None = None) -> int:
    """Runs left in ``reading`` by a worker that stopped: back to the queue, or failed."""
    wall = wall or clock.now()
    n = 0
    stale = ExtractionRun.objects.filter(state=RunState.READING,
                                         claimed_at__lt=wall - lease())
    for run in stale:
        if run.attempts >= MAX_ATTEMPTS:
            error = MSG_GAVE_UP.format(name=run.original_name, n=run.attempts)
            if ExtractionRun.objects.filter(pk=run.pk, state=RunState.READING,
                                            claimed_by=run.claimed_by).update(
                    state=RunState.FAILED, error=error, claimed_by="", claimed_at=None):
                record(actor=run.created_by, action="extraction.read_failed", obj=run,
                       after={"state": RunState.FAILED, "error": error})
                n += 1
        else:
            n += ExtractionRun.objects.filter(
                pk=run.pk, state=RunState.READING, claimed_by=run.claimed_by).update(
                state=RunState.QUEUED, claimed_by="", claimed_at=None)
    return n


def claim(worker: str, *, wall: datetime | None = None) -> ExtractionRun | None:
    """The oldest queued run, now held by ``worker``; None when nothing is queued."""
    wall = wall or clock.now()
    for pk in (ExtractionRun.objects.filter(state=RunState.QUEUED)
               .order_by("created_at", "pk").values_list("pk", flat=True)[:5]):
        won = ExtractionRun.objects.filter(pk=pk, state=RunState.QUEUED).update(
            state=RunState.READING, claimed_by=worker, claimed_at=wall,
            attempts=F("attempts") + 1)
        if won:
            return ExtractionRun.objects.select_related("unit", "created_by").get(pk=pk)
    return None


def read_next(worker: str, *, wall: datetime | None = None) -> bool:
    """Claim and read one queued upload; True when there was one (more may be waiting)."""
    release_stale(wall=wall)
    run = claim(worker, wall=wall)
    if run is None:
        return False
    services.run_read(run=run, worker=worker)
    return True


def drain(worker: str = "tests") -> int:
    """Read every queued upload (tests, `tiendo worker --once`); returns how many."""
    n = 0
    while read_next(worker):
        n += 1
    return n
