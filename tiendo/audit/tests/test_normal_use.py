"""`tiendo audit verify` is clean after every kind of normal use: every service, an API call
with a token, an extraction run and a worker cycle. An alarm that rings on normal use would be
ignored."""

from datetime import UTC, date, datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from tiendo.api import services as api
from tiendo.audit.integrity import seal_unexplained, verify
from tiendo.extraction import jobs
from tiendo.extraction import services as extraction
from tiendo.indicators import services as ind
from tiendo.reminders import services as reminders
from tiendo.scoring import services as scoring
from tiendo.tasks import services as tasks
from tiendo.units import services as orgs
from tiendo.web import services as web
from tiendo.worker.run import run_once

REPORT = (
    "BÁO CÁO KẾT QUẢ QUÝ I NĂM 2026\n"
    "- Thu ngân sách nhà nước đạt 1.234 tỷ đồng (KH: 1.100 tỷ đồng, đạt), tăng 5,6% so với "
    "cùng kỳ.\n"
)
NOW = datetime(2026, 4, 20, 3, 0, tzinfo=UTC)
REMIND_AT = datetime(2026, 6, 25, 3, 0, tzinfo=UTC)


def _verify_exit_code() -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, err.getvalue()
    return 0, out.getvalue()


@pytest.mark.django_db
def test_verify_exits_0_after_every_service_an_api_call_an_extraction_and_a_worker_cycle(
        cast, client, mailoutbox):
    seal_unexplained(actor=None, reason="cast")  # the cast is written straight to the database
    office, focal = cast.office, cast.focal_a
    # orgs
    unit = orgs.unit_create(actor=cast.admin, code="so-moi", name="Sở Mới", tree="state",
                            kind="department", parent=cast.province)
    person = orgs.user_create(actor=cast.admin, username="moi", email="moi@example.vn",
                              full_name="Người Mới", password="mat-khau-rat-dai-123")
    orgs.membership_add(actor=cast.admin, user=person, unit=unit, role="focal")
    # indicators
    budget = ind.indicator_create(actor=office, code="thu-nsnn", name="Thu ngân sách nhà nước",
                                  unit_of_measure="tỷ đồng")
    ind.target_set(actor=office, indicator=budget, unit=cast.unit_a, period="2026-Q1",
                   value=Decimal(1100), bound=">=")
    figure = ind.figure_save_draft(actor=focal, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal(1000))
    figure = ind.figure_submit(actor=focal, figure=figure)
    figure = ind.figure_return(actor=office, figure=figure, comment="Kiểm tra lại")
    figure = ind.figure_save_draft(actor=focal, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal(1234),
                                   expected_version=figure.version)
    ind.evidence_add(actor=focal, figure=figure, excerpt="Thu ngân sách đạt 1.234 tỷ đồng")
    figure = ind.figure_submit(actor=focal, figure=figure)
    ind.figure_approve(actor=office, figure=figure)
    # tasks
    task = tasks.task_create(actor=office, title="Xây dựng đề án", lead_unit=cast.unit_a,
                             deadline=date(2026, 3, 31), coordinating_units=[cast.unit_b])
    tasks.progress_add(actor=focal, task=task, percent=40, note="Đang soạn")
    request = tasks.extension_request(actor=focal, task=task, new_deadline=date(2026, 5, 31),
                                      reason="Chờ ý kiến bộ")
    tasks.extension_decide(actor=office, request=request, approve=True)
    tasks.direction_add(actor=cast.leader, task=task, text="Khẩn trương hoàn thành")
    task.refresh_from_db()
    tasks.task_report_done(actor=focal, task=task, completed_on=date(2026, 4, 10))
    task.refresh_from_db()
    tasks.task_return(actor=office, task=task, reason="Thiếu phụ lục")
    task.refresh_from_db()
    tasks.task_report_done(actor=focal, task=task, completed_on=date(2026, 4, 12))
    task.refresh_from_db()
    tasks.task_accept(actor=office, task=task)
    # scoring
    mark = scoring.mark_add(actor=cast.inspector, unit=cast.unit_a, period="2026-Q1",
                            kind="deductions", evidence="Biên bản kiểm tra")
    scoring.mark_withdraw(actor=cast.inspector, mark=mark, reason="Nhầm kỳ")
    scoring.rating_propose(actor=office, period="2026-Q1", framework_code="QD366",
                           now=NOW)
    # API: a token, one authenticated call (marks the token used), then revoked
    token, raw = api.token_create(actor=focal, name="báo cáo")
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    api.token_revoke(actor=focal, token=token)
    _, raw = api.token_create(actor=office, name="tổng hợp")
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    # reminders and saved views
    reminders.preference_set(actor=focal, user=focal, email=True, webpush=False,
                             webhook_url="", immediate=False, digest_hour=7)
    reminders.push_subscribe(actor=focal, endpoint="https://push.example.vn/1", p256dh="k",
                             auth="a")
    reminders.push_unsubscribe(actor=focal, endpoint="https://push.example.vn/1")
    reminders.ical_token_reset(actor=focal)
    view = web.saved_view_save(actor=focal, page="tasks", name="Trễ hạn", query="trang_thai=tre")
    web.saved_view_delete(actor=focal, pk=view.pk)
    # extraction: read, review, import a report; propose a task from a directive
    upload = SimpleUploadedFile("bao-cao.txt", REPORT.encode(), content_type="text/plain")
    run = extraction.run_create(actor=office, upload=upload, unit=cast.unit_b, period="")
    assert jobs.drain("w0") == 1  # the worker reads uploads (in a limited child process)
    run.refresh_from_db()
    run = extraction.run_review(actor=office, run=run, reviews={
        0: {"decision": "accepted", "indicator": budget.pk, "value": "1234"}})
    extraction.run_import(actor=office, run=run, is_estimate=False)
    upload = SimpleUploadedFile("bao-cao-2.txt", REPORT.encode(), content_type="text/plain")
    extraction.run_create(actor=office, upload=upload, unit=cast.unit_a, period="")
    extraction.tasks_from_proposals(actor=office, document="Chỉ thị 01", rows=[
        {"n": 1, "title": "Rà soát thủ tục", "lead_unit": str(cast.unit_b.pk),
         "deadline": "30/06/2026", "start": 0, "end": 10}])
    # a worker cycle: plan and send the reminders of a day 5 days before the proposed task,
    # and read the second upload
    run_once(REMIND_AT, worker="w1")
    run_once(REMIND_AT, worker="w1")

    code, output = _verify_exit_code()
    assert code == 0, output
    report = verify()
    assert report.rows > 0
    assert mailoutbox, "the worker cycle sent nothing"
