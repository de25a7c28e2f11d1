from datetime import date

from django.urls import reverse

from tiendo.tasks.models import Direction, ProgressUpdate
from tiendo.testing import make_task


def test_task_page_shows_updates_and_directions_whose_author_was_deleted(client, cast):
    task = make_task("Đề án A", cast.unit_a, deadline=date(2026, 6, 30))
    ProgressUpdate.objects.create(task=task, author=None, percent=30, note="Đã khảo sát")
    Direction.objects.create(task=task, author=None, text="Đẩy nhanh tiến độ")
    client.force_login(cast.focal_a)
    response = client.get(reverse("web:task", args=[task.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã khảo sát" in html
    assert "Đẩy nhanh tiến độ" in html
