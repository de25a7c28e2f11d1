"""Each send is fenced by the claim: a row another worker has taken over is not sent again, and
a send that outlasts the lease keeps its claim instead of being sent twice. Messages are counted
at a real SMTP server on loopback."""

import threading
import time
from datetime import date, timedelta

import pytest
from django.db import connections
from django.utils import timezone

from tiendo.reminders import delivery, planner
from tiendo.reminders.models import Outbox, OutboxState, WorkerHeartbeat
from tiendo.reminders.tests.conftest import SmtpServer, at
from tiendo.testing import make_task
from tiendo.worker.run import run_once

NOW = at("2026-06-25")


def _two_messages(cast):
    make_task("Báo cáo chuyển đổi số", cast.unit_a, deadline=date(2026, 6, 30))
    make_task("Đề án B", cast.unit_b, deadline=date(2026, 6, 20))
    planner.plan(now=NOW)


@pytest.mark.django_db
def test_a_row_taken_over_while_the_batch_was_sending_is_not_sent_again(cast, smtp,
                                                                         monkeypatch):
    monkeypatch.setenv("TIENDO_WORKER_LEASE_SECONDS", "60")
    _two_messages(cast)
    rows = delivery.claim("w1", NOW)
    assert len(rows) == 3
    assert delivery.deliver(rows[0], "w1", NOW)
    # w1 stalled after its first message for longer than the lease: w2 took the rest over
    old = timezone.now() - timedelta(minutes=5)
    Outbox.objects.filter(claimed_by="w1").update(claimed_at=old)
    WorkerHeartbeat.objects.create(worker="w1", started_at=old, seen_at=old)
    assert delivery.release_stale_claims() == 2
    assert run_once(NOW, worker="w2", plan=False)
    assert len(smtp.messages) == 3
    # w1 wakes up and goes on with its batch: the fence says the claims are no longer its own
    assert not delivery.deliver(rows[1], "w1", NOW)
    assert not delivery.deliver(rows[2], "w1", NOW)
    assert len(smtp.messages) == 3
    assert sorted(smtp.to()) == ["focal_a@example.vn", "focal_b@example.vn",
                                 "leader@example.vn"]
    assert set(Outbox.objects.values_list("state", flat=True)) == {OutboxState.SENT}


@pytest.mark.django_db(transaction=True)
def test_a_send_that_outlasts_the_lease_is_not_sent_twice(cast, smtp_settings, monkeypatch,
                                                       default_rules):
    """Worker A's SMTP server answers MAIL FROM after 3 s; the lease is 1 s. While A waits,
    worker B runs a whole cycle: before the fence B took A's message over and sent it again."""
    monkeypatch.setenv("TIENDO_WORKER_LEASE_SECONDS", "1")
    server = SmtpServer(delay=3.0).start()
    try:
        smtp_settings(server.port)
        make_task("Báo cáo chuyển đổi số", cast.unit_a, deadline=date(2026, 6, 30))
        planner.plan(now=NOW)
        assert Outbox.objects.count() == 1
        def worker_a():
            try:
                delivery.deliver_batch("worker-a", NOW)
            finally:
                connections.close_all()  # the thread's own connection

        a = threading.Thread(target=worker_a)
        a.start()
        deadline = time.monotonic() + 10
        while server.sink.mail_from == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.sink.mail_from == 1  # A is inside its send
        time.sleep(1.6)  # longer than the lease, still inside A's send
        b_claimed = run_once(NOW, worker="worker-b", plan=False)
        a.join(timeout=20)
        assert not a.is_alive()
        assert not b_claimed
        assert len(server.sink.messages) == 1
        assert Outbox.objects.get().state == OutboxState.SENT
    finally:
        server.stop()
