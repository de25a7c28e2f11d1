import base64
import hashlib
import hmac
import json
import logging
import os
from datetime import date, timedelta

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from tiendo.reminders import delivery
from tiendo.reminders.models import (
    ChannelPreference,
    Notification,
    Outbox,
    OutboxState,
    PushSubscription,
    WorkerHeartbeat,
)
from tiendo.reminders.rules import MAX_ATTEMPTS
from tiendo.reminders.tests.conftest import SmtpServer, at, free_port
from tiendo.testing import make_task
from tiendo.worker.run import drain, run_once

pytestmark = pytest.mark.django_db


def test_worker_delivers_the_digest_over_smtp_once(cast, smtp):
    make_task("Báo cáo chuyển đổi số", cast.unit_a, deadline=date(2026, 6, 30))
    make_task("Đề án B", cast.unit_b, deadline=date(2026, 6, 20))
    drain(at("2026-06-25"))
    # B is 5 days overdue: its head hears (from 3 days), the office not yet (from 7)
    assert sorted(smtp.to()) == ["focal_a@example.vn", "focal_b@example.vn",
                                 "leader@example.vn"]
    msg = next(m for m in smtp.messages if m["To"] == "focal_a@example.vn")
    assert msg["Subject"].strip() == "[tiendo] Nhắc việc ngày 25/06/2026: 01 việc"
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "1. Còn 5 ngày đến hạn: Báo cáo chuyển đổi số" in text
    assert "   Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%." in text
    assert "Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%." in html
    assert msg["Message-ID"].endswith("@tiendo>")
    assert Outbox.objects.filter(state=OutboxState.SENT).count() == 3
    # a second identical pass sends nothing
    drain(at("2026-06-25"))
    assert len(smtp.messages) == 3


def test_smtp_down_retries_with_backoff_then_delivers_exactly_once(cast, smtp_settings,
                                                                   caplog):
    port = free_port()
    smtp_settings(port)  # nothing listens there yet
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    t0 = at("2026-06-25")
    drain(t0)
    row = Outbox.objects.get()
    assert (row.state, row.attempts) == (OutboxState.FAILED, 1)
    assert row.next_attempt_at == t0 + timedelta(minutes=1)
    assert "ConnectionRefusedError" in row.last_error
    drain(t0 + timedelta(seconds=30))  # not due yet
    assert Outbox.objects.get().attempts == 1
    drain(t0 + timedelta(minutes=1))
    row.refresh_from_db()
    assert (row.state, row.attempts) == (OutboxState.FAILED, 2)
    assert row.next_attempt_at == t0 + timedelta(minutes=3)
    server = SmtpServer(port=port).start()
    try:
        drain(t0 + timedelta(minutes=3))
        drain(t0 + timedelta(minutes=10))
        assert server.sink.to() == ["focal_a@example.vn"]
    finally:
        server.stop()
    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_error) == (OutboxState.SENT, 3, "")


def test_gives_up_loudly_after_the_limit(cast, smtp_settings, caplog):
    smtp_settings(free_port())
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    moment = at("2026-06-25")
    with caplog.at_level(logging.WARNING, logger="tiendo.reminders"):
        for _ in range(MAX_ATTEMPTS + 2):
            drain(moment)
            moment += timedelta(hours=7)
    row = Outbox.objects.get()
    assert (row.state, row.attempts) == (OutboxState.DEAD, MAX_ATTEMPTS)
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert "gave up on digest:" in errors[0].getMessage()


def test_webhook_is_signed_and_carries_the_delivery_key(cast, http_sink):
    pref = ChannelPreference.objects.create(user=cast.focal_a, email=False,
                                            webhook_url=http_sink.url + "/telegram")
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    drain(at("2026-06-25"))
    assert len(http_sink.requests) == 1
    req = http_sink.requests[0]
    body = req["body"]
    expected = "sha256=" + hmac.new(pref.webhook_secret.encode(), body,
                                    hashlib.sha256).hexdigest()
    assert req["headers"]["x-tiendo-signature"] == expected
    assert req["headers"]["x-tiendo-delivery"] == \
        f"digest:{cast.focal_a.pk}:2026-06-25:webhook"
    data = json.loads(body)
    assert data["kind"] == "digest" and data["day"] == "2026-06-25"
    assert [i["title"] for i in data["items"]] == ["Còn 5 ngày đến hạn: T1"]
    assert data["items"][0]["deadline"] == "2026-06-30"


def test_webhook_server_error_is_retried_and_not_found_gives_up(cast, http_sink):
    ChannelPreference.objects.create(user=cast.focal_a, email=False,
                                     webhook_url=http_sink.url + "/hook")
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    http_sink.statuses[:] = [503]
    drain(at("2026-06-25"))
    assert Outbox.objects.get().state == OutboxState.FAILED
    drain(at("2026-06-25", 8, 1))
    assert Outbox.objects.get().state == OutboxState.SENT
    assert len(http_sink.requests) == 2
    make_task("T2", cast.unit_a, deadline=date(2026, 6, 30))
    http_sink.statuses[:] = [404]
    drain(at("2026-06-26"))
    assert Outbox.objects.get(dedup_key__contains="2026-06-26").state == OutboxState.DEAD


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_web_push_is_encrypted_for_the_subscription_and_vapid_signed(cast, http_sink, home):
    private = ec.generate_private_key(ec.SECP256R1())
    public = private.public_key().public_bytes(serialization.Encoding.X962,
                                               serialization.PublicFormat.UncompressedPoint)
    auth = os.urandom(16)
    PushSubscription.objects.create(user=cast.focal_a, endpoint=http_sink.url + "/push/1",
                                    p256dh=_b64(public), auth=_b64(auth))
    ChannelPreference.objects.create(user=cast.focal_a, email=False)
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    drain(at("2026-06-25"))
    assert (home / "vapid_private.pem").exists()  # made on first use
    [req] = http_sink.requests
    assert req["path"] == "/push/1"
    assert req["headers"]["content-encoding"] == "aes128gcm"
    assert req["headers"]["authorization"].startswith("vapid t=")
    message = json.loads(http_ece.decrypt(req["body"], private_key=private,
                                          auth_secret=auth, version="aes128gcm"))
    assert message["title"] == "tiendo: 01 việc cần chú ý"
    assert message["body"] == "Còn 5 ngày đến hạn: T1"


def test_gone_push_subscription_is_removed(cast, http_sink, home):
    private = ec.generate_private_key(ec.SECP256R1())
    public = private.public_key().public_bytes(serialization.Encoding.X962,
                                               serialization.PublicFormat.UncompressedPoint)
    PushSubscription.objects.create(user=cast.focal_a, endpoint=http_sink.url + "/push/2",
                                    p256dh=_b64(public), auth=_b64(os.urandom(16)))
    ChannelPreference.objects.create(user=cast.focal_a, email=False)
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    http_sink.statuses[:] = [410]
    drain(at("2026-06-25"))
    assert Outbox.objects.get().state == OutboxState.DEAD
    assert PushSubscription.objects.count() == 0


def test_sqlite_claim_is_won_by_exactly_one_worker(cast, smtp):
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    from tiendo.reminders import planner

    planner.plan(now=at("2026-06-25"))
    first = delivery.claim("w1", at("2026-06-25"))
    second = delivery.claim("w2", at("2026-06-25"))
    assert [r.claimed_by for r in first] == ["w1"] and second == []


def test_claims_of_a_stopped_worker_return_to_the_queue(cast, smtp, monkeypatch):
    monkeypatch.setenv("TIENDO_WORKER_LEASE_SECONDS", "60")
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    from tiendo.reminders import planner

    planner.plan(now=at("2026-06-25"))
    [row] = delivery.claim("dead-worker", at("2026-06-25"))
    old = timezone.now() - timedelta(minutes=5)
    Outbox.objects.filter(pk=row.pk).update(claimed_at=old)
    WorkerHeartbeat.objects.create(worker="dead-worker", started_at=old, seen_at=old)
    assert delivery.release_stale_claims() == 1
    run_once(at("2026-06-25"), worker="w2", plan=False)
    assert smtp.to() == ["focal_a@example.vn"]
    # a live worker keeps its claims
    make_task("T2", cast.unit_a, deadline=date(2026, 6, 30))
    planner.plan(now=at("2026-06-26"))
    [row] = delivery.claim("alive", at("2026-06-26"))
    Outbox.objects.filter(pk=row.pk).update(claimed_at=old)
    delivery.beat("alive")
    assert delivery.release_stale_claims() == 0


def test_worker_check_fails_without_a_recent_heartbeat(db):
    with pytest.raises(CommandError) as err:
        call_command("worker", check=True)
    assert err.value.returncode == 1
    WorkerHeartbeat.objects.create(worker="w", started_at=timezone.now(),
                                   seen_at=timezone.now() - timedelta(minutes=6))
    with pytest.raises(CommandError):
        call_command("worker", check=True)
    delivery.beat("w")
    call_command("worker", check=True)


def test_remind_command_prints_json_and_dry_run_writes_nothing(cast, capsys):
    make_task("Báo cáo quý", cast.unit_a, deadline=date(2026, 6, 30))
    call_command("remind", now="2026-06-25T08:00:00+07:00", dry_run=True, json=True)
    rows = json.loads(capsys.readouterr().out)
    assert [(r["channel"], r["recipient"]) for r in rows] == [
        ("inapp", "focal_a"), ("email", "focal_a")]
    assert rows[0]["title"] == "Còn 5 ngày đến hạn: Báo cáo quý"
    assert rows[0]["deadline_vn"] == "30/06/2026"
    assert rows[1]["items"][0]["deadline_vn"] == "30/06/2026"
    assert Notification.objects.count() == 0 and Outbox.objects.count() == 0
    call_command("remind", now="2026-06-25T08:00:00+07:00", json=True)
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert Outbox.objects.count() == 1
    call_command("remind", now="2026-06-25T08:00:00+07:00", json=True)
    assert json.loads(capsys.readouterr().out) == []


def test_remind_rejects_a_bad_moment_in_vietnamese(db):
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("remind", now="25/06/2026")
