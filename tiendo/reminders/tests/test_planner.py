from datetime import date

import pytest
import time_machine

from tiendo.indicators.models import FigureState
from tiendo.orgs.models import Profile
from tiendo.reminders import planner
from tiendo.reminders.models import (
    ChannelPreference,
    Holiday,
    ItemKind,
    Notification,
    Outbox,
    ReminderRule,
)
from tiendo.reminders.tests.conftest import at
from tiendo.testing import make_figure, make_indicator, make_target, make_task

pytestmark = pytest.mark.django_db


def keys(user) -> list[str]:
    return sorted(Notification.objects.filter(recipient=user).exclude(kind=ItemKind.WEEKLY)
                  .values_list("title", flat=True))


def test_focal_point_hears_five_days_before_and_nobody_else(cast):
    make_task("Báo cáo chuyển đổi số", cast.unit_a, deadline=date(2026, 6, 30))
    result = planner.plan(now=at("2026-06-25"))
    assert [(n["recipient"], n["title"]) for n in result.notifications] == [
        (cast.focal_a.pk, "Còn 5 ngày đến hạn: Báo cáo chuyển đổi số")]
    n = Notification.objects.get()
    assert n.body == "Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%."
    assert n.link == f"http://127.0.0.1:8000/nhiem-vu/{n.data['id']}/" or n.link.endswith(
        f"/nhiem-vu/{n.data['id']}/")
    for other in (cast.focal_b, cast.outsider, cast.office, cast.leader, cast.inspector):
        assert keys(other) == []
    # one digest e-mail to focal_a, carrying the item
    assert list(Outbox.objects.values_list("dedup_key", "channel", "address")) == [
        (f"digest:{cast.focal_a.pk}:2026-06-25:email", "email", "focal_a@example.vn")]


def test_planning_the_same_moment_twice_adds_nothing(cast):
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    make_task("T2", cast.unit_b, deadline=date(2026, 6, 21))
    first = planner.plan(now=at("2026-06-25"))
    counts = (Notification.objects.count(), Outbox.objects.count())
    second = planner.plan(now=at("2026-06-25"))
    assert first.notifications and first.outbox
    assert second.notifications == [] and second.outbox == []
    assert (Notification.objects.count(), Outbox.objects.count()) == counts
    # later the same day: still nothing (the 7-day stage was already planned)
    assert planner.plan(now=at("2026-06-25", 16)).notifications == []


def test_overdue_task_escalates_to_the_head_then_the_office(cast):
    task = make_task("Đề án B", cast.unit_b, deadline=date(2026, 6, 21))
    planner.plan(now=at("2026-06-22"))  # 1 day overdue
    assert keys(cast.focal_b) == ["Quá hạn 1 ngày: Đề án B"]
    assert keys(cast.leader) == [] and keys(cast.office) == []
    planner.plan(now=at("2026-06-24"))  # 3 days: the head (leader of the province) hears
    assert keys(cast.leader) == ["[Báo thủ trưởng đơn vị] Sở B — quá hạn 3 ngày: Đề án B"]
    assert keys(cast.focal_b) == ["Quá hạn 1 ngày: Đề án B"]  # overdue-0 window still
    planner.plan(now=at("2026-06-29"))  # 8 days: next overdue step and the office
    assert keys(cast.focal_b) == ["Quá hạn 1 ngày: Đề án B", "Quá hạn 8 ngày: Đề án B"]
    assert keys(cast.office) == ["[Báo văn phòng] Sở B — quá hạn 8 ngày: Đề án B"]
    assert keys(cast.outsider) == [] and keys(cast.focal_a) == []
    assert task.pk == Notification.objects.filter(recipient=cast.office).get().data["id"]


def test_done_and_submitted_tasks_are_not_reminded(cast):
    make_task("Xong", cast.unit_a, deadline=date(2026, 6, 20), state="done",
              completed_on=date(2026, 6, 19))
    # submitted the day before the plan: the row's updated_at (auto_now) is that day, not the
    # day the test happens to run (it read the wall clock and failed when run on 2026-03-30)
    with time_machine.travel(at("2026-06-24", 16), tick=False):
        make_task("Chờ nghiệm thu", cast.unit_a, deadline=date(2026, 6, 26),
                  state="submitted", completed_on=date(2026, 6, 24))
    assert planner.plan(now=at("2026-06-25")).notifications == []


def test_an_extended_deadline_starts_its_own_stages(cast):
    task = make_task("Gia hạn", cast.unit_a, deadline=date(2026, 6, 26))
    planner.plan(now=at("2026-06-25"))
    task.extended_deadline = date(2026, 7, 10)
    task.save()
    planner.plan(now=at("2026-07-03"))
    assert keys(cast.focal_a) == ["Còn 1 ngày đến hạn: Gia hạn", "Còn 7 ngày đến hạn: Gia hạn"]


def test_digest_groups_all_items_of_a_person_in_one_message(cast):
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    make_task("T2", cast.unit_a, deadline=date(2026, 6, 26))
    make_task("T3", cast.unit_a, deadline=date(2026, 6, 20))
    planner.plan(now=at("2026-06-25"))
    row = Outbox.objects.get(recipient=cast.focal_a)
    assert [i["title"] for i in row.payload["items"]] == [
        "Quá hạn 5 ngày: T3", "Còn 1 ngày đến hạn: T2", "Còn 5 ngày đến hạn: T1"]
    assert Notification.objects.filter(sent_in=f"digest:{cast.focal_a.pk}:2026-06-25").count() \
        == 3
    # an item planned later that day waits for tomorrow's digest
    make_task("T4", cast.unit_a, deadline=date(2026, 6, 29))
    later = planner.plan(now=at("2026-06-25", 15))
    assert [n["title"] for n in later.notifications] == ["Còn 4 ngày đến hạn: T4"]
    assert later.outbox == []
    tomorrow = planner.plan(now=at("2026-06-26"))
    assert [i["title"] for i in tomorrow.outbox[0]["payload"]["items"]] == [
        "Hôm nay đến hạn: T2", "Còn 3 ngày đến hạn: T4"]


def test_digest_waits_for_the_persons_digest_hour(cast):
    Profile.objects.filter(user=cast.focal_a).update(digest_hour=9)
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    assert planner.plan(now=at("2026-06-25", 8)).outbox == []
    assert Notification.objects.filter(recipient=cast.focal_a).count() == 1  # bell already
    assert [o["key"] for o in planner.plan(now=at("2026-06-25", 9)).outbox] == [
        f"digest:{cast.focal_a.pk}:2026-06-25:email"]


def test_holidays_hold_the_digest_until_the_next_working_day(cast):
    make_task("T1", cast.unit_a, deadline=date(2026, 5, 4))
    # Monday 27/04/2026 is the make-up day of Giỗ Tổ; then 30/4, 1/5 and the weekend
    assert planner.plan(now=at("2026-04-27", 9)).outbox == []
    assert planner.plan(now=at("2026-04-28", 9)).outbox != []
    make_task("T2", cast.unit_a, deadline=date(2026, 5, 7))
    assert planner.plan(now=at("2026-04-30", 9)).outbox == []
    assert planner.plan(now=at("2026-05-02", 9)).outbox == []
    Holiday.objects.create(day=date(2026, 5, 4), name="Nghỉ bù do Chính phủ công bố")
    assert planner.plan(now=at("2026-05-04", 9)).outbox == []
    out = planner.plan(now=at("2026-05-05", 9)).outbox
    # one digest after the long weekend, the latest item of each task
    assert [i["title"] for i in out[0]["payload"]["items"]] == [
        "Quá hạn 1 ngày: T1", "Còn 3 ngày đến hạn: T2"]
    assert Notification.objects.filter(sent_in=f"digest:{cast.focal_a.pk}:2026-05-05").count() \
        == 5


def test_quiet_hours_hold_immediate_messages_but_not_urgent_ones(cast):
    ChannelPreference.objects.create(user=cast.focal_a, immediate=True)
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    out = planner.plan(now=at("2026-06-25", 22)).outbox
    assert [(o["key"], o["not_before"]) for o in out] == [
        (f"item:task:{Notification.objects.get().data['id']}:20260630:before-7:"
         f"{cast.focal_a.pk}:email", "2026-06-26T07:00:00+07:00")]
    ReminderRule.objects.filter(kind="task").update(urgent=True)
    make_task("T2", cast.unit_a, deadline=date(2026, 6, 30))
    out = planner.plan(now=at("2026-06-25", 23)).outbox
    assert [o["not_before"] for o in out] == ["2026-06-25T23:00:00+07:00"]


def test_channels_follow_the_persons_choice(cast, http_sink):
    ChannelPreference.objects.create(user=cast.focal_a, email=False,
                                     webhook_url=http_sink.url + "/zalo")
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    out = planner.plan(now=at("2026-06-25")).outbox
    assert [(o["channel"], o["address"]) for o in out] == [
        ("webhook", http_sink.url + "/zalo")]


def test_focal_less_unit_reminds_its_head_then_the_office(cast):
    from tiendo.testing import make_unit, make_user

    unit_d = make_unit("so-d", name="Sở D", parent=cast.province)
    make_task("T-D", unit_d, deadline=date(2026, 6, 30))
    planner.plan(now=at("2026-06-25"))
    assert keys(cast.leader) == ["Còn 5 ngày đến hạn: T-D"]
    head_d = make_user("head_d", unit=unit_d, role="leader", is_head=True)
    make_task("T-D2", unit_d, deadline=date(2026, 6, 30))
    planner.plan(now=at("2026-06-26"))
    # the new head hears of both tasks; the province's leader is not told twice
    assert keys(head_d) == ["Còn 4 ngày đến hạn: T-D", "Còn 4 ngày đến hạn: T-D2"]
    assert keys(cast.leader) == ["Còn 5 ngày đến hạn: T-D"]


def test_reporting_window_reminds_until_the_figure_is_submitted(cast):
    ind = make_indicator("thu-ngan-sach", name="Thu ngân sách nhà nước")
    ind2 = make_indicator("giai-ngan", name="Giải ngân vốn đầu tư công")
    make_target(ind, cast.unit_a, "2026-Q2", 100)
    make_target(ind2, cast.unit_a, "2026-Q2", 50)
    make_target(ind, cast.unit_b, "2026-Q2", 80)
    make_figure(ind, cast.unit_b, "2026-Q2", 85, state=FigureState.SUBMITTED)
    make_figure(ind2, cast.unit_a, "2026-Q2", 40, state=FigureState.DRAFT)
    assert planner.plan(now=at("2026-07-01")).notifications == []  # due 05/07: 4 days
    result = planner.plan(now=at("2026-07-02"))
    assert [(n["recipient"], n["kind"], n["title"]) for n in result.notifications] == [
        (cast.focal_a.pk, ItemKind.REPORT_BEFORE,
         "Còn 3 ngày đến hạn gửi số liệu Quý II/2026 (02 chỉ tiêu)")]
    n = Notification.objects.get()
    assert n.body == ("Đơn vị: Sở A. Hạn gửi: 05/07/2026. Còn thiếu: Giải ngân vốn đầu tư "
                      "công; Thu ngân sách nhà nước.")
    make_figure(ind, cast.unit_a, "2026-Q2", 101, state=FigureState.APPROVED)
    Notification.objects.all().delete()
    planner.plan(now=at("2026-07-06"))  # 1 day late; one indicator still missing
    assert keys(cast.focal_a) == ["Chậm gửi số liệu Quý II/2026 1 ngày"]
    assert keys(cast.focal_b) == []


def test_weekly_summary_for_leaders_lists_lagging_units(cast):
    make_task("Quá hạn B", cast.unit_b, deadline=date(2026, 6, 1))
    make_task("Quá hạn B2", cast.unit_b, deadline=date(2026, 6, 10))
    make_task("Đúng hạn A", cast.unit_a, deadline=date(2026, 7, 30))
    planner.plan(now=at("2026-06-29"))  # Monday
    weekly = Notification.objects.get(kind=ItemKind.WEEKLY)
    assert weekly.recipient == cast.leader
    assert weekly.title == "Tổng hợp tuần 2026-W27: 01 đơn vị chậm tiến độ"
    assert weekly.body == "Sở B: 02 nhiệm vụ quá hạn"
    planner.plan(now=at("2026-06-30"))
    assert Notification.objects.filter(kind=ItemKind.WEEKLY).count() == 1


def test_dry_run_writes_nothing(cast):
    make_task("T1", cast.unit_a, deadline=date(2026, 6, 30))
    result = planner.plan(now=at("2026-06-25"), dry_run=True)
    assert len(result.notifications) == 1 and len(result.outbox) == 1
    assert Notification.objects.count() == 0 and Outbox.objects.count() == 0


def test_english_speakers_get_english_items(cast):
    Profile.objects.filter(user=cast.focal_a).update(language="en")
    make_task("Digital plan", cast.unit_a, deadline=date(2026, 6, 30))
    planner.plan(now=at("2026-06-25"))
    n = Notification.objects.get()
    assert (n.title, n.body) == ("Due in 5 days: Digital plan",
                                 "Lead unit: Sở A. Deadline: 30/06/2026. Progress: 0%.")


def test_office_hears_of_completion_reports_and_figures_waiting_for_it(cast):
    from datetime import datetime, timedelta

    from tiendo.reminders.tests.conftest import VN
    from tiendo.tasks.models import Task

    task = make_task("Đề án A", cast.unit_a, deadline=date(2026, 6, 30), state="submitted",
                     completed_on=date(2026, 6, 20))
    Task.objects.filter(pk=task.pk).update(updated_at=datetime(2026, 6, 21, 10, tzinfo=VN))
    ind = make_indicator("thu-ngan-sach", name="Thu ngân sách nhà nước")
    make_figure(ind, cast.unit_b, "2026-Q2", 85, state=FigureState.SUBMITTED,
                submitted_at=datetime(2026, 6, 23, 9, tzinfo=VN))
    planner.plan(now=at("2026-06-25"))  # report waited 4 days, figures 2
    assert keys(cast.office) == ["Chờ nghiệm thu 4 ngày: Đề án A"]
    planner.plan(now=at("2026-06-26"))
    assert keys(cast.office) == ["Chờ duyệt 01 số liệu Quý II/2026 của Sở B (3 ngày)",
                                 "Chờ nghiệm thu 4 ngày: Đề án A"]
    for other in (cast.focal_a, cast.focal_b, cast.outsider, cast.leader):
        assert keys(other) == []
    planner.plan(now=at("2026-06-25") + timedelta(days=7))  # a week later, again
    assert Notification.objects.filter(recipient=cast.office,
                                       kind=ItemKind.STUCK_TASK).count() == 2


def test_later_plans_of_the_day_look_only_at_changed_tasks(cast):
    from tiendo.orgs.models import Membership
    from tiendo.reminders.models import PlannerRun
    from tiendo.tasks.models import Task

    old = make_task("Cũ", cast.unit_a, deadline=date(2026, 6, 30))
    first = planner.plan(now=at("2026-06-25"))
    assert not first.incremental and len(first.notifications) == 1
    assert PlannerRun.objects.get().day == date(2026, 6, 25)
    Notification.objects.all().delete()  # pretend they were never written
    make_task("Mới", cast.unit_a, deadline=date(2026, 6, 29))
    later = planner.plan(now=at("2026-06-25", 10))
    assert later.incremental
    assert [n["title"] for n in later.notifications] == ["Còn 4 ngày đến hạn: Mới"]
    Task.objects.filter(pk=old.pk).update(progress=50)  # no updated_at: not seen today
    assert planner.plan(now=at("2026-06-25", 11)).notifications == []
    old.progress = 60
    old.save()  # a change through save() is seen
    assert [n["title"] for n in planner.plan(now=at("2026-06-25", 12)).notifications] == [
        "Còn 5 ngày đến hạn: Cũ"]
    Notification.objects.all().delete()
    Membership.objects.filter(user=cast.focal_a).update(is_head=True)  # people changed: full
    again = planner.plan(now=at("2026-06-25", 13))
    assert not again.incremental and len(again.notifications) == 2


def test_weekly_summary_names_targets_missed_in_the_last_period(cast):
    ind = make_indicator("thu-ngan-sach", name="Thu ngân sách nhà nước")
    ind2 = make_indicator("giai-ngan", name="Giải ngân vốn đầu tư công")
    make_target(ind, cast.unit_a, "2026-Q1", 100)
    make_figure(ind, cast.unit_a, "2026-Q1", 80)            # không đạt
    make_target(ind2, cast.unit_a, "2026-Q1", 50)
    make_figure(ind2, cast.unit_a, "2026-Q1", 55)           # vượt
    make_target(ind, cast.unit_b, "2026-Q1", 100)
    make_figure(ind, cast.unit_b, "2026-Q1", 70, state=FigureState.SUBMITTED)  # not approved
    planner.plan(now=at("2026-04-06"))  # Monday
    weekly = Notification.objects.get(kind=ItemKind.WEEKLY)
    assert weekly.recipient == cast.leader
    assert weekly.body == "Sở A: không đạt: Thu ngân sách nhà nước (Quý I/2026)"
