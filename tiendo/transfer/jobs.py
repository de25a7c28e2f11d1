"""Web imports as jobs of the durable queue: the upload is stored (the web request never opens
it); the worker checks it (a dry run, nothing written); the office confirms; the worker claims
the job and writes it, reporting progress.

A job is claimed with a conditional UPDATE (queued → running) whose row count proves the
claim, as the worker claims outbox rows, so two workers never run the same import.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tiendo.audit.services import record
from tiendo.lib import clock
from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.shared.uploads import validate_upload
from tiendo.transfer.models import ImportJob, JobState
from tiendo.transfer.services import workbook_import

log = logging.getLogger("tiendo.transfer")
MSG_NO_RIGHT = _("Chỉ văn phòng hoặc quản trị được nhập sổ tính.")
MSG_NOT_XLSX = _("Chỉ nhận sổ tính Excel .xlsx.")
MSG_NOT_CHECKED = _("Lượt nhập này không ở trạng thái chờ xác nhận.")


def progress_path(pk: int) -> Path:
    folder = Path(settings.TIENDO_HOME) / "jobs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"import-{pk}.progress"


def job_progress(job: ImportJob) -> tuple[int, int]:
    """(done, total) of a job: while it runs, from its progress file."""
    if job.state == JobState.RUNNING:
        try:
            done, total = (int(x) for x in progress_path(job.pk).read_text().split())
            return done, total
        except (OSError, ValueError):
            return 0, job.total
    if job.state == JobState.DONE:
        return job.total, job.total
    return 0, job.total


def may_import(user) -> bool:
    return access.has_role(user, Role.OFFICE)


def _summary(result, *, preview: bool) -> dict:
    data = result.as_json()
    data["errors"] = data["errors"][:1000]
    if preview:
        data["preview"] = [{"sheet": r.sheet, "row": r.row, "key": r.key, "action": r.action}
                           for r in result.preview()]
    return data


def job_upload(*, actor, upload) -> ImportJob:
    """Store the file for the worker to check; the job is `checking`. Only the name, size and
    first bytes are looked at here: a hostile workbook costs the worker, never a web request,
    and the worker's reading is bounded (transfer.workbook.WORKBOOK_LIMITS)."""
    if not may_import(actor):
        raise PermissionDenied(MSG_NO_RIGHT)
    if not (upload.name or "").lower().endswith(".xlsx"):
        raise ValidationError(MSG_NOT_XLSX)
    validate_upload(upload)
    with transaction.atomic():
        job = ImportJob(created_by=actor, original_name=upload.name[:255],
                        state=JobState.CHECKING)
        job.file.save(upload.name, upload, save=False)
        job.save()
        record(actor=actor, action="import.upload", obj=job,
               after={"file": upload.name, "state": job.state})
    return job


def check_next(*, worker: str = "worker") -> ImportJob | None:
    """Claim the oldest uploaded job and check it (a dry run): `checked` or `invalid`, with
    its counts, errors and preview. None when none is waiting."""
    job = (ImportJob.objects.filter(state=JobState.CHECKING, claimed_by="")
           .order_by("created_at", "pk").first())
    if job is None:
        return None
    if ImportJob.objects.filter(pk=job.pk, state=JobState.CHECKING, claimed_by="").update(
            claimed_by=worker[:64]) != 1:
        return None  # another worker took it
    try:
        with job.file.open("rb") as fh:
            result = workbook_import(actor=job.created_by, source=fh.read(), dry_run=True)
    except Exception:  # a bug must not leave the job checking forever
        log.exception("import job %s could not be checked", job.pk)
        ImportJob.objects.filter(pk=job.pk).update(state=JobState.FAILED, claimed_by="",
                                                   finished_at=clock.now())
        return job
    with transaction.atomic():
        job.state = JobState.INVALID if result.errors else JobState.CHECKED
        job.total, job.checked, job.claimed_by = len(result.rows), _summary(
            result, preview=True), ""
        job.save(update_fields=["state", "total", "checked", "claimed_by"])
        record(actor=job.created_by, action="import.check", obj=job,
               after={"file": job.original_name, "state": job.state,
                      "created": result.total("created"), "updated": result.total("updated"),
                      "errors": len(result.errors)})
    return job


def job_confirm(*, actor, job: ImportJob) -> ImportJob:
    """The office confirms a checked import: it joins the queue for the worker."""
    if job.created_by_id != actor.pk:
        raise PermissionDenied(MSG_NO_RIGHT)
    with transaction.atomic():
        moved = ImportJob.objects.filter(pk=job.pk, state=JobState.CHECKED).update(
            state=JobState.QUEUED)
        if moved != 1:
            raise ValidationError(MSG_NOT_CHECKED)
        record(actor=actor, action="import.confirm", obj=job, after={"state": "queued"})
    job.refresh_from_db()
    return job


def run_next(*, worker: str = "worker") -> ImportJob | None:
    """Claim the oldest queued job and write it; returns it, or None when none is waiting."""
    job = ImportJob.objects.filter(state=JobState.QUEUED).order_by("created_at", "pk").first()
    if job is None:
        return None
    claimed = ImportJob.objects.filter(pk=job.pk, state=JobState.QUEUED).update(
        state=JobState.RUNNING, claimed_by=worker[:64], done=0)
    if claimed != 1:
        return None  # another worker took it
    job.refresh_from_db()
    actor = job.created_by

    def progress(done: int, total: int) -> None:
        # The import runs in one transaction, which other connections cannot see into (and on
        # SQLite it holds the write lock): the count goes to a small file the page reads.
        path = progress_path(job.pk)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(f"{done} {total}")
        tmp.replace(path)

    try:
        with job.file.open("rb") as fh:
            data = fh.read()
        result = workbook_import(actor=actor, source=data, progress=progress)
    except Exception:  # a bug must not leave the job running forever
        log.exception("import job %s failed", job.pk)
        ImportJob.objects.filter(pk=job.pk).update(state=JobState.FAILED,
                                                   finished_at=clock.now())
        return job
    progress_path(job.pk).unlink(missing_ok=True)
    state = JobState.DONE if result.written else JobState.FAILED
    ImportJob.objects.filter(pk=job.pk).update(
        state=state, result=_summary(result, preview=False), finished_at=clock.now(),
        done=len(result.rows) if result.written else 0, total=len(result.rows))
    job.refresh_from_db()
    return job


def run_pending(*, worker: str = "worker") -> int:
    """Check every uploaded workbook, then run every confirmed import (the worker calls this
    each pass); returns how many jobs it checked or ran."""
    n = 0
    while check_next(worker=worker) is not None:
        n += 1
    while run_next(worker=worker) is not None:
        n += 1
    return n
