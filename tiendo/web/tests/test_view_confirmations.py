"""After an action the page confirms it: a message in the htmx partial, or on the next page."""

from datetime import date

from django.urls import reverse

from tiendo.reminders.models import Notification
from tiendo.testing import make_task


def test_a_direction_is_confirmed_and_reaches_the_unit(as_user, cast):
    task = make_task("Lập quy hoạch vùng", cast.unit_a, deadline=date(2026, 3, 1))
    client = as_user("leader")
    url = reverse("web:task_direction", args=[task.pk])
    html = client.post(url, {"text": "Tập trung hoàn thành."},
                       headers={"HX-Request": "true"}).content.decode()
    assert "Đã gửi ý kiến chỉ đạo; đơn vị được báo ngay." in html
    # the unit's focal point hears; the leader (the nearest head) wrote it and is not told
    assert list(Notification.objects.values_list("recipient_id", "kind")) == [
        (cast.focal_a.pk, "direction")]
    # shown once: the next page does not repeat it
    assert "Đã gửi ý kiến chỉ đạo" not in client.get(
        reverse("web:task", args=[task.pk])).content.decode()


def test_without_htmx_the_confirmation_shows_on_the_page_after_the_redirect(as_user, cast):
    task = make_task("Lập quy hoạch vùng", cast.unit_a, deadline=date(2026, 3, 1))
    client = as_user("focal_a")
    response = client.post(reverse("web:task_progress", args=[task.pk]),
                           {"percent": "40", "note": "Đang làm", "version": task.version},
                           follow=True)
    assert response.content.decode().count("Đã cập nhật tiến độ.") == 1
