from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tiendo.tasks.models import Direction, ExtensionRequest, Task, TaskFile, TaskState
from tiendo.testing import make_programme, make_task, make_unit
from tiendo.web.models import SavedView
from tiendo.web.tests.conftest import xlsx_rows


@pytest.fixture
def tasks(cast):
    today = timezone.localdate()
    prog = make_programme("ct-2026", title="Chương trình công tác năm 2026")
    late = make_task("Báo cáo chuyển đổi số", cast.unit_a, deadline=today - timedelta(days=3),
                     programme=prog, period="2026-Q1")
    soon = make_task("Kế hoạch du lịch hè", cast.unit_a, deadline=today + timedelta(days=5),
                     coordinating=[cast.unit_b])
    other = make_task("Đề án nhà ở xã hội", cast.unit_b, deadline=today + timedelta(days=40))
    return late, soon, other


def test_list_shows_status_on_today_and_filters(as_user, tasks, cast):
    client = as_user("office")
    html = client.get(reverse("web:tasks")).content.decode()
    assert "3 nhiệm vụ" in html and "quá hạn 3 ngày" in html
    overdue = client.get(reverse("web:tasks"), {"status": "overdue"}).content.decode()
    assert "Báo cáo chuyển đổi số" in overdue and "Kế hoạch du lịch hè" not in overdue
    by_unit = client.get(reverse("web:tasks"), {"unit": "so-b"}).content.decode()
    assert "Đề án nhà ở xã hội" in by_unit and "Kế hoạch du lịch hè" in by_unit
    assert "Báo cáo chuyển đổi số" not in by_unit
    by_text = client.get(reverse("web:tasks"), {"q": "du lich"}).content.decode()
    assert "1 nhiệm vụ" in by_text and "Kế hoạch du lịch hè" in by_text
    by_prog = client.get(reverse("web:tasks"), {"programme": "ct-2026"}).content.decode()
    assert "1 nhiệm vụ" in by_prog
    today = timezone.localdate()
    window = client.get(reverse("web:tasks"), {
        "deadline_from": (today + timedelta(days=1)).isoformat(),
        "deadline_to": (today + timedelta(days=30)).isoformat()}).content.decode()
    assert "1 nhiệm vụ" in window and "Kế hoạch du lịch hè" in window


def test_htmx_filter_returns_only_the_rows(as_user, tasks):
    response = as_user("office").get(reverse("web:tasks"), {"status": "overdue"},
                                      HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div class="card" id="task-rows">')
    assert "<html" not in html


def test_focal_b_sees_its_own_and_coordinated_tasks_only(as_user, tasks):
    html = as_user("focal_b").get(reverse("web:tasks")).content.decode()
    assert "Đề án nhà ở xã hội" in html and "Kế hoạch du lịch hè" in html
    assert "Báo cáo chuyển đổi số" not in html
    assert "Báo cáo chuyển đổi số" not in as_user("outsider").get(
        reverse("web:tasks")).content.decode()


def test_outsiders_unit_filter_is_404(as_user, tasks):
    assert as_user("outsider").get(reverse("web:tasks"), {"unit": "so-a"}).status_code == 404


def test_export_respects_the_filter(as_user, tasks):
    rows = xlsx_rows(as_user("office").get(reverse("web:tasks"),
                                           {"status": "overdue", "xuat": "xlsx"}))
    assert len(rows) == 2
    assert rows[1][1] == "Báo cáo chuyển đổi số"
    assert rows[1][8] == "Quá hạn, chưa hoàn thành"
    assert rows[1][9] == 3


def test_saved_views_belong_to_their_owner(as_user, tasks, cast):
    client = as_user("office")
    response = client.post(reverse("web:saved_view_save"),
                           {"name": "Quá hạn", "query": "status=overdue&xuat=xlsx&bogus=1"})
    view = SavedView.objects.get()
    assert view.query == "status=overdue"
    assert response.url == "/nhiem-vu/?status=overdue"
    assert 'href="?status=overdue">Quá hạn</a>' in client.get(reverse("web:tasks")).content.decode()
    assert "Quá hạn</a>" not in as_user("leader").get(reverse("web:tasks")).content.decode()
    assert as_user("leader").post(
        reverse("web:saved_view_delete", args=[view.pk])).status_code == 404
    assert client.post(reverse("web:saved_view_delete", args=[view.pk])).status_code == 302
    assert not SavedView.objects.exists()


def test_task_list_query_count_does_not_grow(as_user, tasks, cast,
                                             django_assert_max_num_queries):
    client = as_user("office")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("web:tasks")).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for i in range(20):
        unit = make_unit(f"xa-{i}", parent=cast.province, kind="commune")
        make_task(f"Nhiệm vụ {i}", unit, deadline=date(2026, 5, 1), coordinating=[cast.unit_a])
    # session, user, memberships, visible units, tasks, coordinating units, units for the
    # filter, programmes, saved views (+ the reminders bell when installed)
    with django_assert_max_num_queries(before):
        client.get(reverse("web:tasks"))
    assert count() == before <= 16


@pytest.mark.parametrize(("who", "status"), [
    ("office", 200), ("leader", 200), ("inspector", 200), ("focal_a", 200), ("admin", 200),
    ("focal_b", 404), ("outsider", 404)])
def test_task_page_is_scoped(as_user, tasks, who, status):
    late = tasks[0]
    assert as_user(who).get(reverse("web:task", args=[late.pk])).status_code == status


def test_coordinating_unit_reads_but_does_not_update(as_user, tasks):
    soon = tasks[1]
    html = as_user("focal_b").get(reverse("web:task", args=[soon.pk])).content.decode()
    assert "Cập nhật tiến độ" not in html
    response = as_user("focal_b").post(reverse("web:task_progress", args=[soon.pk]),
                                       {"percent": "50"})
    assert response.status_code == 403


def test_focal_point_updates_progress_with_a_photo(as_user, tasks, photo):
    late = tasks[0]
    response = as_user("focal_a").post(
        reverse("web:task_progress", args=[late.pk]),
        {"percent": "70", "note": "Đã trình dự thảo", "file": photo, "version": late.version},
        HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<div id="task-body">')
    assert 'id="task-progress">70%<' in html and "Đã trình dự thảo" in html
    assert "anh-hien-truong.png" in html
    late.refresh_from_db()
    assert late.progress == 70
    tf = TaskFile.objects.get()
    assert tf.original_name == "anh-hien-truong.png" and tf.file.name.startswith("tasks/")
    file_url = reverse("web:task_file", args=[late.pk, tf.pk])
    assert as_user("leader").get(file_url).status_code == 200
    assert as_user("outsider").get(file_url).status_code == 404
    assert as_user("focal_b").get(file_url).status_code == 404


@pytest.mark.parametrize(("who", "status"), [("leader", 403), ("inspector", 403),
                                             ("focal_b", 404), ("outsider", 404)])
def test_others_cannot_update_progress(as_user, tasks, who, status):
    late = tasks[0]
    response = as_user(who).post(reverse("web:task_progress", args=[late.pk]), {"percent": "90"})
    assert response.status_code == status
    late.refresh_from_db()
    assert late.progress == 0


def test_bad_percent_and_bad_file_come_back_422_and_write_nothing(as_user, tasks, fake_pdf):
    late = tasks[0]
    client = as_user("focal_a")
    url = reverse("web:task_progress", args=[late.pk])
    r1 = client.post(url, {"percent": "150", "version": late.version}, HTTP_HX_REQUEST="true")
    assert r1.status_code == 422
    assert "Đảm bảo giá trị này là nhỏ hơn hoặc bằng với 100" in r1.content.decode()
    r2 = client.post(url, {"percent": "40", "file": fake_pdf, "version": late.version},
                     HTTP_HX_REQUEST="true")
    assert r2.status_code == 422
    assert "không đúng định dạng .pdf" in r2.content.decode()
    late.refresh_from_db()
    assert late.progress == 0
    assert not late.updates.exists()


def test_stale_version_is_refused(as_user, tasks):
    late = tasks[0]
    r = as_user("focal_a").post(reverse("web:task_progress", args=[late.pk]),
                                {"percent": "40", "version": late.version + 5},
                                HTTP_HX_REQUEST="true")
    assert r.status_code == 422
    assert "vừa được người khác cập nhật" in r.content.decode()


def test_progress_without_the_version_is_refused_with_a_message(as_user, tasks):
    late = tasks[0]
    client = as_user("focal_a")
    html = client.get(reverse("web:task", args=[late.pk])).content.decode()
    assert f'name="version" value="{late.version}"' in html
    r = client.post(reverse("web:task_progress", args=[late.pk]), {"percent": "10"},
                    HTTP_HX_REQUEST="true")
    assert r.status_code == 422
    assert "thiếu phiên bản của bản ghi đang sửa" in r.content.decode()
    late.refresh_from_db()
    assert (late.progress, late.updates.exists()) == (0, False)


def test_extension_request_and_office_decision(as_user, tasks):
    late = tasks[0]
    new = late.deadline + timedelta(days=30)
    r = as_user("focal_a").post(reverse("web:task_extension", args=[late.pk]),
                                {"new_deadline": new.isoformat(), "reason": "Chờ ý kiến Bộ"})
    assert r.status_code == 302
    ext = ExtensionRequest.objects.get()
    url = reverse("web:task_extension_decide", args=[late.pk, ext.pk])
    assert as_user("focal_a").post(url, {"approve": "1"}).status_code == 403
    assert as_user("outsider").post(url, {"approve": "1"}).status_code == 404
    refused = as_user("office").post(url, {"approve": "0", "note": ""}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 422
    r = as_user("office").post(url, {"approve": "1", "note": "Đồng ý"}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    late.refresh_from_db()
    assert late.extended_deadline == new
    assert "Đang thực hiện trong hạn" in r.content.decode()


def test_extension_to_an_earlier_date_is_refused_in_vietnamese(as_user, tasks):
    late = tasks[0]
    r = as_user("focal_a").post(reverse("web:task_extension", args=[late.pk]),
                                {"new_deadline": late.deadline.isoformat(), "reason": "x"},
                                HTTP_HX_REQUEST="true")
    assert r.status_code == 422
    assert "Thời hạn đề nghị phải sau thời hạn hiện tại" in r.content.decode()


def test_report_done_then_office_accepts(as_user, tasks):
    soon = tasks[1]
    today = timezone.localdate()
    r = as_user("focal_a").post(reverse("web:task_done", args=[soon.pk]),
                                {"completed_on": today.isoformat(), "note": "Đã ban hành"})
    assert r.status_code == 302
    soon.refresh_from_db()
    assert soon.state == TaskState.SUBMITTED
    assert as_user("focal_a").post(reverse("web:task_accept", args=[soon.pk])).status_code == 403
    assert as_user("outsider").post(reverse("web:task_accept", args=[soon.pk])).status_code == 404
    r = as_user("office").post(reverse("web:task_accept", args=[soon.pk]), HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    assert "Hoàn thành đúng hạn" in r.content.decode()
    soon.refresh_from_db()
    assert soon.state == TaskState.DONE


def test_office_returns_a_completion_report_with_a_reason(as_user, tasks):
    soon = tasks[1]
    soon.state, soon.completed_on = TaskState.SUBMITTED, timezone.localdate()
    soon.save()
    url = reverse("web:task_return", args=[soon.pk])
    assert as_user("office").post(url, {"reason": ""}, HTTP_HX_REQUEST="true").status_code == 422
    assert as_user("office").post(url, {"reason": "Thiếu sản phẩm"}).status_code == 302
    soon.refresh_from_db()
    assert soon.state == TaskState.RETURNED


def test_leader_gives_a_direction_focal_point_cannot(as_user, tasks):
    late = tasks[0]
    url = reverse("web:task_direction", args=[late.pk])
    r = as_user("leader").post(url, {"text": "Khẩn trương hoàn thành trước 15/12"},
                               HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    assert "Khẩn trương hoàn thành trước 15/12" in r.content.decode()
    assert Direction.objects.get().author.username == "leader"
    assert as_user("focal_a").post(url, {"text": "x"}).status_code == 403
    assert as_user("outsider").post(url, {"text": "x"}).status_code == 404
    assert Direction.objects.count() == 1


def test_office_creates_and_assigns_a_task(as_user, cast):
    client = as_user("office")
    page = client.get(reverse("web:task_create")).content.decode()
    assert "Sở A" in page and "UBND tỉnh C" not in page
    r = client.post(reverse("web:task_create"), {
        "title": "Tổng kết 5 năm", "lead_unit": cast.unit_a.pk,
        "coordinating_units": [cast.unit_b.pk], "deadline": "2026-12-15",
        "expected_product": "bao_cao", "period": "quý IV/2026", "is_key": "on"})
    task = Task.objects.get()
    assert r.status_code == 302 and r.url == reverse("web:task", args=[task.pk])
    assert (task.lead_unit, task.period, task.is_key) == (cast.unit_a, "2026-Q4", True)
    assert list(task.coordinating_units.all()) == [cast.unit_b]


def test_task_creation_errors_are_vietnamese_and_422(as_user, cast):
    r = as_user("office").post(reverse("web:task_create"), {
        "title": "", "lead_unit": cast.unit_c.pk, "expected_product": "bao_cao",
        "period": "quý 7"})
    assert r.status_code == 422
    html = r.content.decode()
    assert "Trường này là bắt buộc." in html
    assert "Hãy chọn một lựa chọn hợp lệ" in html
    assert not Task.objects.exists()


@pytest.mark.parametrize("who", ["focal_a", "leader", "inspector", "outsider"])
def test_only_the_office_creates_tasks(as_user, who):
    assert as_user(who).get(reverse("web:task_create")).status_code == 403


def test_long_list_is_paged_but_the_export_has_every_row(as_user, cast):
    for i in range(105):
        make_task(f"Nhiệm vụ số {i:03d}", cast.unit_a, deadline=date(2026, 1, 1) + timedelta(i))
    client = as_user("office")
    first = client.get(reverse("web:tasks")).content.decode()
    assert "105 nhiệm vụ" in first and "Trang 1/3" in first
    assert first.count('class="list-group-item list-group-item-action task-row"') == 50
    last = client.get(reverse("web:tasks"), {"trang": "3"}).content.decode()
    assert last.count('task-row"') == 5 and "Nhiệm vụ số 104" in last
    assert len(xlsx_rows(client.get(reverse("web:tasks"), {"xuat": "xlsx"}))) == 106
