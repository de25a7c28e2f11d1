"""Every view that takes an id refuses the outsider; list pages do not grow their queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tiendo.indicators.models import FigureState
from tiendo.tasks.models import ExtensionRequest, TaskState
from tiendo.testing import make_figure, make_indicator, make_target, make_task, make_unit


@pytest.fixture
def task_a(cast):
    task = make_task("Nhiệm vụ của A", cast.unit_a, deadline=date(2026, 6, 30),
                     state=TaskState.SUBMITTED, completed_on=date(2026, 6, 1))
    ExtensionRequest.objects.create(task=task, new_deadline=date(2026, 9, 30), reason="x")
    return task


def task_posts(task):
    ext = task.extensions.get()
    return [
        (reverse("web:task_progress", args=[task.pk]), {"percent": "10"}),
        (reverse("web:task_extension", args=[task.pk]),
         {"new_deadline": "2026-12-31", "reason": "x"}),
        (reverse("web:task_extension_decide", args=[task.pk, ext.pk]), {"approve": "1"}),
        (reverse("web:task_done", args=[task.pk]), {"completed_on": "2026-06-01"}),
        (reverse("web:task_accept", args=[task.pk]), {}),
        (reverse("web:task_return", args=[task.pk]), {"reason": "x"}),
        (reverse("web:task_direction", args=[task.pk]), {"text": "x"}),
    ]


@pytest.mark.parametrize("who", ["outsider", "focal_b"])
def test_every_task_action_is_404_outside_the_units_scope(as_user, task_a, who):
    for url, data in task_posts(task_a):
        assert as_user(who).post(url, data).status_code == 404, url
    assert as_user(who).get(reverse("web:task", args=[task_a.pk])).status_code == 404
    task_a.refresh_from_db()
    assert (task_a.state, task_a.progress) == (TaskState.SUBMITTED, 0)
    assert task_a.extensions.get().state == "pending"
    assert not task_a.directions.exists()


def test_an_extension_of_another_task_is_404(as_user, task_a, cast):
    other = make_task("Nhiệm vụ khác", cast.unit_a, deadline=date(2026, 6, 30))
    ext = task_a.extensions.get()
    url = reverse("web:task_extension_decide", args=[other.pk, ext.pk])
    assert as_user("office").post(url, {"approve": "1"}).status_code == 404


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


def _grow(cast, n: int, offset: int):
    today = timezone.localdate()
    quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    revenue = make_indicator("thu-ngan-sach") if offset == 0 else None
    for i in range(offset, offset + n):
        unit = make_unit(f"xa-{i}", parent=cast.unit_a, kind="commune")
        ind = make_indicator(f"ct-{i}")
        make_target(ind, cast.unit_a, quarter, 10)
        make_figure(ind, cast.unit_a, quarter, 9, state=FigureState.SUBMITTED)
        make_task(f"Nhiệm vụ {i}", cast.unit_a, deadline=today + timedelta(days=i % 9),
                  coordinating=[unit])
    return revenue


PAGES = ["web:approvals", "web:indicators", "web:mywork", "web:units", "web:figure_entry",
         "web:figures"]


@pytest.mark.parametrize("name", PAGES)
def test_list_pages_do_not_grow_their_queries(as_user, cast, name,
                                              django_assert_max_num_queries):
    client = as_user("office")
    _grow(cast, 3, 0)
    url = reverse(name)
    before = _count(client, url)
    _grow(cast, 12, 3)
    with django_assert_max_num_queries(before):
        client.get(url)
    assert before <= 18


def test_unit_and_indicator_pages_do_not_grow_their_queries(as_user, cast,
                                                            django_assert_max_num_queries):
    client = as_user("leader")
    revenue = _grow(cast, 3, 0)
    for year in (2024, 2025):
        make_target(revenue, cast.unit_a, f"{year}-Q1", 100)
        make_figure(revenue, cast.unit_a, f"{year}-Q1", 90)
    urls = [reverse("web:unit", args=[cast.unit_a.pk]),
            reverse("web:indicator", args=[revenue.pk])]
    before = [_count(client, u) for u in urls]
    _grow(cast, 12, 3)
    for unit in (cast.unit_b, cast.province):
        make_target(revenue, unit, "2025-Q1", 100)
        make_figure(revenue, unit, "2025-Q1", 120)
    for url, n in zip(urls, before, strict=True):
        with django_assert_max_num_queries(n):
            client.get(url)
