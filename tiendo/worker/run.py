"""The background worker's unit of work: `run_once(now)` re-assesses the stored verdicts when
the rule changed, plans reminders, then claims and delivers one batch, runs the confirmed
imports (tiendo.transfer.jobs) and reads one uploaded report (tiendo.extraction.jobs).

It stands above every app whose jobs it runs, and no app imports it; ``tiendo worker`` is its
command (management/commands/worker.py)."""

from __future__ import annotations

import logging
from datetime import datetime

from tiendo.extraction import jobs as extraction_jobs
from tiendo.indicators import assessments
from tiendo.lib import clock
from tiendo.reminders import delivery, planner
from tiendo.transfer import jobs as import_jobs

log = logging.getLogger("tiendo.worker")


def run_once(now: datetime | None = None, *, worker: str | None = None,
             plan: bool = True) -> bool:
    """One pass. Returns True when it claimed messages (more may be waiting)."""
    now = now or clock.now()
    worker = worker or delivery.new_worker_id()
    planned = None
    if plan:
        if assessments.needs_reassess():  # the verdict rule changed, or an upgrade
            assessments.reassess_job(now=now)
        planned = len(planner.plan(now=now).outbox)
    delivery.release_stale_claims()
    claimed, sent = delivery.deliver_batch(worker, now)
    import_jobs.run_pending(worker=worker)  # workbooks confirmed on the import page
    delivery.beat(worker, planned=planned, sent=sent)
    read = extraction_jobs.read_next(worker)  # one uploaded report, in a limited child process
    _checkpoint()
    return claimed > 0 or read


def _checkpoint() -> None:
    """Anchor the audit chain head outside the database each cycle (docs/security.md)."""
    from tiendo.audit.integrity import write_checkpoint

    try:
        write_checkpoint()
    except OSError as exc:
        log.warning("audit: could not write the checkpoint: %s", exc)


def drain(now: datetime | None = None, *, worker: str | None = None) -> int:
    """Plan once, then deliver batches until nothing due is left; returns the passes made."""
    worker = worker or delivery.new_worker_id()
    passes = 1
    busy = run_once(now, worker=worker, plan=True)
    while busy:
        passes += 1
        busy = run_once(now, worker=worker, plan=False)
    return passes
