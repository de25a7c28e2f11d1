"""Urging (đôn đốc) a late unit and directions on a task: who may, who hears, what is written
in the one transaction (urge, audit entry, notifications, outbox rows), and the worker's next
pass delivering the e-mail to a real SMTP server on loopback."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tiendo.audit.models import AuditEntry
from tiendo.indicators.models import FigureState
from tiendo.orgs.models import Profile
from tiendo.reminders import queries, services
from tiendo.reminders.models import Notification, Outbox, OutboxState, Urge
from tiendo.reminders.tests.conftest import at
from tiendo.tasks import services as task_services
from tiendo.testing import make_figure, make_indicator, make_task, make_user
from tiendo.worker.run import run_once

pytestmark = pytest.mark.django_db

NOW = at("2026-04-20", 9)


@pytest.fixture
def late(cast):
    head = make_user("head_a", unit=cast.unit_a, role="focal", is_head=True,
                     full_name="Trần Thủ Trưởng")
    task = make_task("Lập quy hoạch vùng", cast.unit_a, deadline=date(2026, 3, 1))
    return head, task


def test_office_urges_a_late_task_and_the_focal_point_and_head_hear_at_once(cast, late):
    head, task = late
    urge = services.urge_send(actor=cast.office, unit=cast.unit_a, task=task,
                              message="Đề nghị báo cáo trước 25/4.", now=NOW)
    assert (urge.sequence, urge.recipients) == (1, [cast.focal_a.pk, head.pk])
    notes = Notification.objects.filter(kind="urge").order_by("recipient_id")
    assert [n.recipient_id for n in notes] == [cast.focal_a.pk, head.pk]
    assert notes[0].title == "Đôn đốc lần 1: Lập quy hoạch vùng"
    assert notes[0].body == "Đề nghị báo cáo trước 25/4."
    assert notes[0].link.endswith(f"/nhiem-vu/{task.pk}/")
    rows = Outbox.objects.order_by("address")
    assert [(r.channel, r.address) for r in rows] == [
        ("email", "focal_a@example.vn"), ("email", "head_a@example.vn")]
    assert all(r.next_attempt_at == NOW for r in rows)  # at once, not in the next digest
    entry = AuditEntry.objects.get(action="reminders.urge")
    assert (entry.actor_id, entry.unit_id, entry.after["sequence"]) == (
        cast.office.pk, cast.unit_a.pk, 1)
    again = services.urge_send(actor=cast.office, unit=cast.unit_a, task=task, now=NOW)
    assert again.sequence == 2
    assert Notification.objects.filter(kind="urge", recipient=cast.focal_a).first().title \
        == "Đôn đốc lần 2: Lập quy hoạch vùng"


def test_each_recipient_reads_the_urge_in_their_own_language(cast, late):
    head, _task = late
    Profile.objects.filter(user=cast.focal_a).update(language="en")
    services.urge_send(actor=cast.office, unit=cast.unit_a, period="2026-Q1", now=NOW)
    en = Notification.objects.get(recipient=cast.focal_a)
    vi = Notification.objects.get(recipient=head)
    assert (en.title, en.body) == (
        "Urge no. 1: the unit's late figures and tasks (Q1 2026)",
        "The office asks Sở A to act and report without delay.")
    assert (vi.title, vi.body) == (
        "Đôn đốc lần 1: số liệu và nhiệm vụ chậm của đơn vị (Quý I/2026)",
        "Văn phòng đề nghị Sở A khẩn trương thực hiện và báo cáo.")
    payloads = {r.recipient_id: r.payload for r in Outbox.objects.all()}
    assert (payloads[cast.focal_a.pk]["language"], payloads[cast.focal_a.pk]["items"][0]["title"]) \
        == ("en", en.title)
    assert (payloads[head.pk]["language"], payloads[head.pk]["items"][0]["body"]) \
        == ("vi", vi.body)


def test_the_offices_own_words_reach_every_recipient_as_written(cast, late):
    head, task = late
    Profile.objects.filter(user=cast.focal_a).update(language="en")
    services.urge_send(actor=cast.office, unit=cast.unit_a, task=task,
                       message="Đề nghị báo cáo trước 25/4.", now=NOW)
    notes = {n.recipient_id: (n.title, n.body) for n in Notification.objects.all()}
    assert notes == {
        cast.focal_a.pk: ("Urge no. 1: Lập quy hoạch vùng", "Đề nghị báo cáo trước 25/4."),
        head.pk: ("Đôn đốc lần 1: Lập quy hoạch vùng", "Đề nghị báo cáo trước 25/4.")}


def test_the_office_may_send_to_the_head_alone(cast, late):
    head, task = late
    services.urge_send(actor=cast.office, unit=cast.unit_a, task=task,
                       recipient_ids=[head.pk], now=NOW)
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [head.pk]


@pytest.mark.parametrize("who", ["focal_a", "focal_b", "leader", "inspector", "outsider"])
def test_only_the_office_urges_and_a_refusal_writes_nothing(cast, late, who):
    _head, task = late
    with pytest.raises(PermissionDenied):
        services.urge_send(actor=getattr(cast, who), unit=cast.unit_a, task=task, now=NOW)
    assert (Urge.objects.count(), Notification.objects.count(), Outbox.objects.count(),
            AuditEntry.objects.filter(action="reminders.urge").count()) == (0, 0, 0, 0)


def test_a_recipient_outside_the_unit_is_refused(cast, late):
    _head, task = late
    with pytest.raises(ValidationError) as err:
        services.urge_send(actor=cast.office, unit=cast.unit_a, task=task,
                           recipient_ids=[cast.focal_b.pk], now=NOW)
    assert services.MSG_URGE_NOT_THEIRS in err.value.messages
    assert Urge.objects.count() == Notification.objects.count() == 0


def test_a_task_of_another_unit_is_refused(cast, late):
    task_b = make_task("Việc của sở B", cast.unit_b, deadline=date(2026, 3, 1))
    with pytest.raises(ValidationError):
        services.urge_send(actor=cast.office, unit=cast.unit_a, task=task_b, now=NOW)


def test_urging_a_units_missing_figures_names_the_period(cast, late):
    services.urge_send(actor=cast.office, unit=cast.unit_a, period="2026-Q1", now=NOW)
    note = Notification.objects.get(recipient=cast.focal_a)
    assert note.title == ("Đôn đốc lần 1: số liệu và nhiệm vụ chậm của đơn vị (Quý I/2026)")
    assert note.link.endswith(f"/don-vi/{cast.unit_a.pk}/")


def test_after_one_worker_pass_the_email_reaches_the_smtp_server(cast, late, smtp):
    _head, task = late
    services.urge_send(actor=cast.office, unit=cast.unit_a, task=task, now=NOW)
    run_once(NOW, plan=False)
    assert sorted(smtp.to()) == ["focal_a@example.vn", "head_a@example.vn"]
    msg = smtp.messages[0]
    assert msg["Subject"].strip() == "[tiendo] Đôn đốc lần 1: Lập quy hoạch vùng"
    assert f"/nhiem-vu/{task.pk}/" in msg.get_body(("plain",)).get_content()
    assert set(Outbox.objects.values_list("state", flat=True)) == {OutboxState.SENT}


def test_a_direction_on_a_task_notifies_the_unit(cast, late):
    head, task = late
    task_services.direction_add(actor=cast.leader, task=task, text="Tập trung hoàn thành.")
    notes = Notification.objects.filter(kind="direction")
    assert sorted(n.recipient_id for n in notes) == [cast.focal_a.pk, head.pk]
    assert notes[0].title == "Ý kiến chỉ đạo: Lập quy hoạch vùng"
    assert notes[0].body == "Tập trung hoàn thành."
    assert Outbox.objects.filter(channel="email").count() == 2


def test_a_direction_reaches_each_recipient_in_their_own_language(cast, late):
    head, task = late
    Profile.objects.filter(user=head).update(language="en")
    task_services.direction_add(actor=cast.leader, task=task, text="Tập trung hoàn thành.")
    notes = {n.recipient_id: n.title for n in Notification.objects.filter(kind="direction")}
    assert notes == {cast.focal_a.pk: "Ý kiến chỉ đạo: Lập quy hoạch vùng",
                     head.pk: "Direction: Lập quy hoạch vùng"}


def test_the_offices_bell_counts_figures_awaiting_its_approval(cast):
    ind = make_indicator("thu-ngan-sach")
    make_figure(ind, cast.unit_a, "2026-Q1", "10", state=FigureState.SUBMITTED)
    make_figure(ind, cast.unit_b, "2026-Q1", "11", state=FigureState.SUBMITTED)
    make_figure(ind, cast.unit_c, "2026-Q1", "12", state=FigureState.SUBMITTED)  # other tree
    assert queries.awaiting_approval_count(cast.office) == 2
    assert queries.awaiting_approval_count(cast.focal_a) == 0
    assert queries.awaiting_approval_count(cast.leader) == 0
