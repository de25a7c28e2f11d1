"""Uploads are read by the worker, in a child process with time and memory limits:
the web request only stores the file."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tiendo.audit.integrity import verify_state
from tiendo.audit.models import AuditEntry
from tiendo.extraction import jobs, services
from tiendo.extraction.engine import ReadError
from tiendo.extraction.models import ExtractionRun, RunState
from tiendo.extraction.reading import read_limited
from tiendo.extraction.tests.test_readers_limits import build_docx
from tiendo.worker.run import run_once

REPORT = "BÁO CÁO QUÝ I NĂM 2026\n- Thu ngân sách nhà nước đạt 1.234 tỷ đồng.\n"


def _upload(name="bao-cao.txt", content: str = REPORT):
    return SimpleUploadedFile(name, content.encode())


def _queued(cast, upload=None) -> ExtractionRun:
    return services.run_create(actor=cast.office, upload=upload or _upload(), unit=cast.unit_a)


def test_the_request_stores_the_upload_and_the_worker_pass_reads_it(cast):
    run = _queued(cast)
    assert (run.state, run.text, run.statements) == (RunState.QUEUED, "", [])
    assert AuditEntry.objects.filter(action="extraction.upload").count() == 1
    assert run_once(timezone.now(), worker="w1") is True
    run.refresh_from_db()
    assert (run.state, run.period, run.kind) == (RunState.READY, "2026-Q1", "txt")
    assert [n["text"] for s in run.statements for n in s["numbers"]] == ["1.234"]
    assert AuditEntry.objects.filter(action="extraction.read", object_id=str(run.pk)).exists()
    assert run_once(timezone.now(), worker="w1") is False  # nothing left
    differences, _checked = verify_state()
    assert [d for d in differences if d.object_type == "extraction.extractionrun"] == []


def test_the_bomb_upload_answers_at_once_and_fails_in_the_worker(cast, client, tmp_path):
    bomb = build_docx(tmp_path / "bomb.docx", document_bytes=50 * 1024 * 1024)
    client.force_login(cast.office)
    response = client.post(reverse("extraction:list"), {
        "file": SimpleUploadedFile("bomb.docx", bomb.read_bytes()), "unit": cast.unit_a.pk})
    assert response.status_code == 302
    assert jobs.drain() == 1
    run = ExtractionRun.objects.get()
    assert run.state == RunState.FAILED
    assert run.error.startswith("Tệp “bomb.docx” khi giải nén quá lớn")
    assert run.text == "" and run.statements == []
    assert run.error in client.get(response["Location"]).content.decode()


def test_a_claimed_run_is_not_claimed_again(cast):
    run = _queued(cast)
    assert jobs.claim("w1").pk == run.pk
    assert jobs.claim("w2") is None
    run.refresh_from_db()
    assert (run.state, run.claimed_by, run.attempts) == (RunState.READING, "w1", 1)


def test_a_lost_claim_writes_nothing(cast):
    run = _queued(cast)
    claimed = jobs.claim("w1")
    ExtractionRun.objects.filter(pk=run.pk).update(claimed_by="w2")  # the lease passed
    services.run_read(run=claimed, worker="w1")
    run.refresh_from_db()
    assert (run.state, run.text) == (RunState.READING, "")


def test_a_run_left_by_a_dead_worker_is_read_again_then_given_up(cast):
    run = _queued(cast)
    jobs.claim("w1")
    later = timezone.now() + jobs.lease() + timedelta(seconds=1)
    assert jobs.release_stale(wall=later) == 1
    run.refresh_from_db()
    assert run.state == RunState.QUEUED
    jobs.claim("w2")
    assert jobs.release_stale(wall=later + jobs.lease() * 2) == 1
    run.refresh_from_db()
    assert run.state == RunState.FAILED
    assert "dừng bất thường 2 lần" in run.error


def test_review_and_import_wait_for_the_reading(cast):
    run = _queued(cast)
    with pytest.raises(Exception, match="chưa đọc xong"):
        services.run_review(actor=cast.office, run=run, reviews={})


def test_the_reading_stops_at_its_time_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(REPORT, encoding="utf-8")
    with pytest.raises(ReadError, match="quá thời gian cho phép"):
        read_limited(path, seconds=0.001)


def test_the_reading_stops_at_its_memory_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(REPORT, encoding="utf-8")
    with pytest.raises(ReadError, match="vượt giới hạn bộ nhớ"):
        read_limited(path, memory_mb=8)
    assert read_limited(path)[0] == "txt"


def test_a_read_error_comes_back_with_the_uploaded_name(tmp_path):
    path = tmp_path / "upload.pdf"
    path.write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(ReadError) as exc:
        read_limited(path, name="bao-cao-quy.pdf")
    assert str(exc.value) == "Tệp “bao-cao-quy.pdf” bị hỏng hoặc không phải tệp PDF hợp lệ."
