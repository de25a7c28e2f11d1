from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tiendo.audit.models import AuditEntry
from tiendo.tasks import services
from tiendo.tasks.models import ProgressUpdate, Task, TaskState
from tiendo.tasks.queries import status_of, task_rows
from tiendo.tasks.rules import TaskStatus
from tiendo.testing import make_task

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 32


def test_office_creates_a_task_and_focal_points_cannot(cast):
    t = services.task_create(actor=cast.office, title="Đề án chuyển đổi số",
                             lead_unit=cast.unit_a, deadline=date(2026, 6, 30),
                             coordinating_units=[cast.unit_b])
    assert list(t.coordinating_units.all()) == [cast.unit_b]
    entry = AuditEntry.objects.get(action="task.create")
    assert entry.after["coordinating_units"] == [cast.unit_b.pk]
    with pytest.raises(PermissionDenied):
        services.task_create(actor=cast.focal_a, title="x", lead_unit=cast.unit_a)
    with pytest.raises(PermissionDenied):
        services.task_create(actor=cast.office, title="x", lead_unit=cast.unit_c)
    assert Task.objects.count() == 1


def test_progress_update_with_a_photo_is_recorded_and_a_bad_file_writes_nothing(cast):
    t = make_task("Kế hoạch A", cast.unit_a, deadline=date(2026, 6, 30))
    photo = SimpleUploadedFile("anh.png", PNG, content_type="image/png")
    u = services.progress_add(actor=cast.focal_a, task=t, percent=40, note="Đã họp",
                              files=[photo])
    t.refresh_from_db()
    assert (t.progress, u.files.get().original_name) == (40, "anh.png")
    fake = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(ValidationError):
        services.progress_add(actor=cast.focal_a, task=t, percent=50, files=[fake])
    with pytest.raises(ValidationError):
        services.progress_add(actor=cast.focal_a, task=t, percent=101)
    with pytest.raises(PermissionDenied):
        services.progress_add(actor=cast.focal_b, task=t, percent=50)
    assert ProgressUpdate.objects.count() == 1
    t.refresh_from_db()
    assert t.progress == 40


def test_an_approved_extension_makes_a_late_completion_on_time(cast):
    t = make_task("Báo cáo B", cast.unit_a, deadline=date(2026, 3, 31))
    req = services.extension_request(actor=cast.focal_a, task=t, new_deadline=date(2026, 4, 15),
                                     reason="Chờ số liệu")
    with pytest.raises(PermissionDenied):
        services.extension_decide(actor=cast.focal_a, request=req, approve=True)
    services.extension_decide(actor=cast.office, request=req, approve=True)
    services.task_report_done(actor=cast.focal_a, task=t, completed_on=date(2026, 4, 10))
    t.refresh_from_db()
    assert status_of(t, date(2026, 4, 12)).status == TaskStatus.IN_PROGRESS  # not yet accepted
    services.task_accept(actor=cast.office, task=t)
    t.refresh_from_db()
    result = status_of(t, date(2026, 4, 12))
    assert (result.status, result.extended) == (TaskStatus.DONE_ON_TIME, True)


def test_extension_must_move_the_deadline_later_and_needs_a_reason(cast):
    t = make_task("Báo cáo C", cast.unit_a, deadline=date(2026, 3, 31))
    with pytest.raises(ValidationError):
        services.extension_request(actor=cast.focal_a, task=t, new_deadline=date(2026, 3, 1),
                                   reason="x")
    with pytest.raises(ValidationError):
        services.extension_request(actor=cast.focal_a, task=t, new_deadline=date(2026, 5, 1),
                                   reason=" ")


def test_a_returned_completion_counts_as_not_done(cast):
    t = make_task("Đề án D", cast.unit_a, deadline=date(2026, 3, 31))
    services.task_report_done(actor=cast.focal_a, task=t, completed_on=date(2026, 3, 30))
    with pytest.raises(ValidationError):
        services.task_return(actor=cast.office, task=t, reason="")
    services.task_return(actor=cast.office, task=t, reason="Sản phẩm chưa đạt yêu cầu")
    t.refresh_from_db()
    assert t.state == TaskState.RETURNED
    result = status_of(t, date(2026, 4, 5))
    assert (result.status, result.days_overdue) == (TaskStatus.OVERDUE, 5)


def test_only_leaders_and_office_give_directions(cast):
    t = make_task("Đề án E", cast.unit_a)
    d = services.direction_add(actor=cast.leader, task=t, text="Khẩn trương hoàn thành")
    assert d.author == cast.leader
    with pytest.raises(PermissionDenied):
        services.direction_add(actor=cast.focal_a, task=t, text="x")


def test_task_rows_are_scoped_and_filtered_by_status(cast):
    make_task("Quá hạn", cast.unit_a, deadline=date(2026, 3, 1))
    make_task("Trong hạn", cast.unit_b, deadline=date(2026, 9, 1))
    make_task("Ngoài", cast.unit_c, deadline=date(2026, 3, 1))
    on = date(2026, 4, 1)
    assert [r.task.title for r in task_rows(user=cast.focal_a, on=on)] == ["Quá hạn"]
    assert [r.task.title for r in task_rows(user=cast.office, on=on, status="overdue")] == [
        "Quá hạn"]
    assert len(task_rows(user=cast.leader, on=on)) == 2
    assert len(task_rows(user=cast.admin, on=on)) == 3


def test_a_refusal_is_worded_in_english_on_an_english_page(cast):
    t = make_task("Báo cáo C", cast.unit_a, deadline=date(2026, 3, 31))
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            services.extension_request(actor=cast.focal_a, task=t, new_deadline=date(2026, 3, 1),
                                       reason="Chờ số liệu")
        assert exc.value.message_dict == {"new_deadline": [
            "The requested deadline must be after the current deadline (31/03/2026)."]}
    assert not t.extensions.exists()
