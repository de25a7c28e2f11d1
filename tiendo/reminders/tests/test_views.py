import json
from datetime import date, timedelta

import pytest
import time_machine
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from icalendar import Calendar

from tiendo.audit.models import AuditEntry
from tiendo.orgs.models import Profile
from tiendo.reminders import planner
from tiendo.reminders.models import (
    ChannelPreference,
    ICalToken,
    Notification,
    Outbox,
    OutboxState,
    PushSubscription,
    WorkerHeartbeat,
)
from tiendo.reminders.tests.conftest import at
from tiendo.testing import make_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(cast):
    make_task("Báo cáo A", cast.unit_a, deadline=date(2026, 6, 30))
    make_task("Báo cáo B", cast.unit_b, deadline=date(2026, 6, 30))
    planner.plan(now=at("2026-06-25"))
    return cast


def test_centre_lists_only_ones_own_notifications_with_unread_count(client, planned,
                                                                      django_assert_num_queries):
    client.force_login(planned.focal_a)
    # session, user, notifications list, unread count
    with django_assert_num_queries(4):
        resp = client.get("/nhac-viec/", headers={"HX-Request": "true"})
    body = resp.content.decode()
    assert resp.status_code == 200
    assert "Còn 5 ngày đến hạn: Báo cáo A" in body
    assert "Báo cáo B" not in body
    assert 'data-unread="1"' in body


def test_outsider_cannot_mark_someone_elses_notification_read(client, planned):
    mine = Notification.objects.get(recipient=planned.focal_a)
    client.force_login(planned.outsider)
    resp = client.post(f"/nhac-viec/{mine.pk}/da-doc/")
    assert resp.status_code == 302
    mine.refresh_from_db()
    assert mine.read_at is None
    assert "Chưa có thông báo nào." in client.get("/nhac-viec/").content.decode()
    client.force_login(planned.focal_a)
    client.post(f"/nhac-viec/{mine.pk}/da-doc/")
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_bell_partial_shows_the_unread_count(planned):
    request = RequestFactory().get("/")
    request.user = planned.focal_a
    html = Template('{% include "reminders/_bell.html" %}').render(
        Context({"request": request}))
    assert 'data-unread="1"' in html and "/nhac-viec/" in html
    request.user = planned.outsider
    html = Template('{% include "reminders/_bell.html" %}').render(
        Context({"request": request}))
    assert "data-unread" not in html


def test_worker_banner_shows_to_office_when_heartbeat_is_stale(planned):
    request = RequestFactory().get("/")
    tpl = Template('{% include "reminders/_worker_banner.html" %}')
    request.user = planned.office
    assert "Tiến trình nền gửi nhắc việc không chạy" in tpl.render(Context({"request": request}))
    for user in (planned.focal_a, planned.outsider, planned.leader):
        request.user = user
        assert "worker-banner" not in tpl.render(Context({"request": request}))
    WorkerHeartbeat.objects.create(worker="w", started_at=timezone.now(),
                                   seen_at=timezone.now())
    request.user = planned.admin
    assert "worker-banner" not in tpl.render(Context({"request": request}))
    Outbox.objects.update(state=OutboxState.DEAD)
    html = tpl.render(Context({"request": request}))
    assert "thư không gửi được" in html


def test_preferences_save_channels_and_digest_hour_with_audit(client, cast):
    client.force_login(cast.focal_a)
    resp = client.post("/nhac-viec/cai-dat/", {
        "email": "on", "webhook_url": "https://bridge.example.vn/zalo", "digest_hour": "9"})
    assert resp.status_code == 302
    pref = ChannelPreference.objects.get(user=cast.focal_a)
    assert (pref.email, pref.webpush, pref.immediate, pref.webhook_url) == (
        True, False, False, "https://bridge.example.vn/zalo")
    assert len(pref.webhook_secret) == 64
    assert Profile.objects.get(user=cast.focal_a).digest_hour == 9
    entry = AuditEntry.objects.get(action="reminders.preferences")
    assert entry.actor_id == cast.focal_a.pk and "webhook_secret" not in entry.after


def test_bad_digest_hour_is_refused_in_vietnamese_and_nothing_saved(client, cast):
    client.force_login(cast.focal_a)
    resp = client.post("/nhac-viec/cai-dat/", {"email": "on", "digest_hour": "25",
                                               "webhook_url": "không-phải-url"})
    assert resp.status_code == 422
    body = resp.content.decode()
    assert "Giờ phải từ 0 đến 23." in body
    assert "Địa chỉ webhook không hợp lệ." in body
    assert Profile.objects.get(user=cast.focal_a).digest_hour == 7
    assert not AuditEntry.objects.filter(action="reminders.preferences").exists()


def test_private_ical_feed_lists_the_persons_deadlines(client, cast):
    make_task("Báo cáo A", cast.unit_a, deadline=timezone.localdate() + timedelta(days=10))
    make_task("Báo cáo C", cast.unit_c, deadline=timezone.localdate() + timedelta(days=10))
    token = ICalToken.objects.create(user=cast.focal_a)
    resp = client.get(f"/nhac-viec/ical/{token.token}.ics")
    assert resp.status_code == 200 and resp["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(resp.content)
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["Hạn: Báo cáo A"]
    outsider = ICalToken.objects.create(user=cast.outsider)
    cal = Calendar.from_ical(client.get(f"/nhac-viec/ical/{outsider.token}.ics").content)
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["Hạn: Báo cáo C"]
    assert client.get("/nhac-viec/ical/khong-ton-tai.ics").status_code == 404


@time_machine.travel(at("2026-06-01", 9), tick=False)
def test_private_ical_feed_is_written_in_its_owners_language(client, cast):
    make_task("Báo cáo A", cast.unit_a, deadline=date(2026, 6, 30))
    Profile.objects.filter(user=cast.focal_a).update(language="en")
    token = ICalToken.objects.create(user=cast.focal_a)
    cal = Calendar.from_ical(client.get(f"/nhac-viec/ical/{token.token}.ics").content)
    [event] = cal.walk("VEVENT")
    assert (str(cal["x-wr-calname"]), str(event["summary"]), str(event["description"])) == (
        "tiendo — task deadlines", "Due: Báo cáo A",
        "Lead unit: Sở A. Deadline: 30/06/2026. Progress: 0%.")
    head = ICalToken.objects.create(user=cast.leader)
    cal = Calendar.from_ical(client.get(f"/nhac-viec/ical/{head.token}.ics").content)
    [event] = cal.walk("VEVENT")
    assert (str(cal["x-wr-calname"]), str(event["summary"]), str(event["description"])) == (
        "tiendo — hạn nhiệm vụ", "Hạn: Báo cáo A",
        "Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%.")


def test_push_subscription_endpoint(client, cast, home):
    client.force_login(cast.focal_a)
    data = {"endpoint": "https://push.example.org/abc", "keys": {"p256dh": "BPk", "auth": "x"}}
    resp = client.post("/nhac-viec/push/", json.dumps(data), content_type="application/json")
    assert resp.status_code == 201
    assert PushSubscription.objects.get().user == cast.focal_a
    resp = client.post("/nhac-viec/push/", json.dumps({"endpoint": "ftp://x"}),
                       content_type="application/json")
    assert resp.status_code == 422
    assert resp.json()["error"] == "Đăng ký nhận thông báo đẩy không hợp lệ."
    client.force_login(cast.outsider)
    client.post("/nhac-viec/push/huy/", json.dumps({"endpoint": data["endpoint"]}),
                content_type="application/json")
    assert PushSubscription.objects.count() == 1
    key = client.get("/nhac-viec/push/khoa/").content.decode()
    assert len(key) == 87  # 65-byte uncompressed P-256 point, base64url without padding


def test_anonymous_users_are_sent_to_login(client, db):
    assert client.get("/nhac-viec/").status_code == 302
    assert client.get("/nhac-viec/cai-dat/").status_code == 302
