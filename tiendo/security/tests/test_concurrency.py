"""Optimistic locking: two people edit the same figure or task; the second is told, with the
other's change, and nothing is silently overwritten."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tiendo.audit.models import AuditEntry
from tiendo.indicators import services as ind
from tiendo.indicators.models import Figure
from tiendo.tasks import services as tasks
from tiendo.tasks.models import ProgressUpdate
from tiendo.testing import make_indicator, make_task


@pytest.fixture
def draft(cast):
    grdp = make_indicator("thu-ngan-sach", name="Thu ngân sách")
    figure = ind.figure_save_draft(actor=cast.focal_a, indicator=grdp, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal("10619"))
    return grdp, figure


def test_the_second_figure_edit_from_a_stale_version_is_refused_with_the_current_value(cast,
                                                                                      draft):
    grdp, figure = draft
    seen = figure.version
    ind.figure_save_draft(actor=cast.office, indicator=grdp, unit=cast.unit_a, period="2026-Q1",
                          value=Decimal("10700"), expected_version=seen)
    entries = AuditEntry.objects.count()
    with pytest.raises(ind.ConflictError) as exc:
        ind.figure_save_draft(actor=cast.focal_a, indicator=grdp, unit=cast.unit_a,
                              period="2026-Q1", value=Decimal("9999"), expected_version=seen)
    [message] = exc.value.messages
    assert message.startswith("Số liệu vừa được ")
    assert message.endswith(" sửa (giá trị hiện tại: 10.700). Hãy tải lại và nhập lại.")
    current = Figure.objects.get(pk=figure.pk)
    assert (current.value, current.version) == (Decimal("10700"), seen + 1)
    assert AuditEntry.objects.count() == entries


def test_the_conflict_message_names_who_made_the_change(cast, draft):
    grdp, figure = draft
    ind.figure_save_draft(actor=cast.office, indicator=grdp, unit=cast.unit_a, period="2026-Q1",
                          value=Decimal("10700"), expected_version=figure.version)
    with pytest.raises(ind.ConflictError, match="vừa được office sửa"):
        ind.figure_save_draft(actor=cast.focal_a, indicator=grdp, unit=cast.unit_a,
                              period="2026-Q1", value=Decimal("1"),
                              expected_version=figure.version)


def test_a_figure_edit_with_the_current_version_goes_through(cast, draft):
    grdp, figure = draft
    saved = ind.figure_save_draft(actor=cast.office, indicator=grdp, unit=cast.unit_a,
                                  period="2026-Q1", value=Decimal("10700"),
                                  expected_version=figure.version)
    assert (saved.pk, saved.value, saved.version) == (figure.pk, Decimal("10700"),
                                                      figure.version + 1)


def test_the_entry_page_shows_the_conflict_and_keeps_the_other_value(client, cast, draft):
    grdp, figure = draft
    ind.figure_save_draft(actor=cast.office, indicator=grdp, unit=cast.unit_a, period="2026-Q1",
                          value=Decimal("10700"), expected_version=figure.version)
    client.force_login(cast.focal_a)
    url = reverse("web:figure_save", args=[cast.unit_a.pk, "2026-Q1", grdp.pk])
    prefix = f"i{grdp.pk}"
    resp = client.post(url, {f"{prefix}-value": "9.999", f"{prefix}-note": "",
                             f"{prefix}-version": str(figure.version)})
    assert resp.status_code == 422
    assert "Số liệu vừa được" in resp.content.decode()
    assert "10700" in resp.content.decode().replace(".", "")
    assert Figure.objects.get(pk=figure.pk).value == Decimal("10700")


def test_a_progress_update_from_a_stale_task_version_is_refused(cast):
    task = make_task("Xây dựng đề án chuyển đổi số", cast.unit_a)
    seen = task.version
    tasks.progress_add(actor=cast.office, task=task, percent=40, expected_version=seen)
    with pytest.raises(ValidationError) as exc:
        tasks.progress_add(actor=cast.focal_a, task=task, percent=70, note="Đã xong dự thảo",
                           expected_version=seen)
    assert exc.value.messages == [
        "Nhiệm vụ vừa được người khác cập nhật (tiến độ hiện tại 40%). Hãy tải lại."]
    task.refresh_from_db()
    assert (task.progress, task.version) == (40, seen + 1)
    assert list(ProgressUpdate.objects.values_list("percent", flat=True)) == [40]


def test_the_task_page_shows_the_conflict(client, cast):
    task = make_task("Xây dựng đề án chuyển đổi số", cast.unit_a)
    seen = task.version
    tasks.progress_add(actor=cast.office, task=task, percent=40, expected_version=seen)
    client.force_login(cast.focal_a)
    resp = client.post(reverse("web:task_progress", args=[task.pk]),
                       {"percent": "70", "note": "", "version": str(seen)})
    assert resp.status_code == 422
    assert "tiến độ hiện tại 40%" in resp.content.decode()
    task.refresh_from_db()
    assert task.progress == 40
