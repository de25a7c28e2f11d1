"""Indicator catalogue and page, unit drill-down, my work, the installable shell."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tiendo.indicators.models import Evidence, FigureState
from tiendo.testing import make_figure, make_indicator, make_target, make_task
from tiendo.web.tests.conftest import xlsx_rows


@pytest.fixture
def revenue(cast):
    ind = make_indicator("thu-ngan-sach", name="Thu ngân sách nhà nước", is_key=True,
                         field="kinh_te")
    make_indicator("ty-le-ho-ngheo", name="Tỷ lệ hộ nghèo", direction="lower",
                   unit_of_measure="%", field="xa_hoi")
    make_target(ind, cast.unit_a, "2025-Q1", "8000")
    make_figure(ind, cast.unit_a, "2025-Q1", "8775")
    make_target(ind, cast.unit_a, "2026-Q1", "9950")
    fig = make_figure(ind, cast.unit_a, "2026-Q1", "10619")
    make_target(ind, cast.unit_b, "2026-Q1", "1000")
    make_figure(ind, cast.unit_b, "2026-Q1", "900")
    Evidence.objects.create(figure=fig, excerpt="Thu ngân sách nhà nước đạt 10.619 tỷ đồng")
    return ind


def test_catalogue_search_ignores_accents(as_user, revenue):
    html = as_user("focal_a").get(reverse("web:indicators"), {"q": "ho ngheo"}).content.decode()
    assert "Tỷ lệ hộ nghèo" in html and "Thu ngân sách" not in html
    html = as_user("focal_a").get(reverse("web:indicators"),
                                  {"field": "kinh_te", "key": "1"}).content.decode()
    assert "1 chỉ tiêu" in html and "Thu ngân sách nhà nước" in html


def test_catalogue_exports(as_user, revenue):
    rows = xlsx_rows(as_user("office").get(reverse("web:indicators"),
                                           {"direction": "lower", "xuat": "xlsx"}))
    assert rows[1][:3] == ("ty-le-ho-ngheo", "Tỷ lệ hộ nghèo", "%")


def test_indicator_page_history_change_breakdown_and_evidence(as_user, revenue):
    html = as_user("leader").get(reverse("web:indicator", args=[revenue.pk])).content.decode()
    assert "Quý I/2026" in html and "Quý I/2025" in html
    # (10619 - 8775) / 8775 = 21,01% same-period change, computed from last year's figure
    assert "21,01%" in html
    breakdown = html[html.index('id="breakdown"'):html.index('id="chart-history"')]
    assert "Sở A" in breakdown and "Sở B" in breakdown and "106,72%" in breakdown
    assert "Thu ngân sách nhà nước đạt 10.619 tỷ đồng" in html
    data = json.loads(html.split('id="indicator-data" type="application/json">')[1]
                      .split("</script>")[0])
    assert data["labels"] == ["Quý I/2025", "Quý I/2026"]
    assert data["actual"] == [8775.0, 10619.0]


def test_indicator_page_shows_only_visible_units(as_user, revenue):
    html = as_user("focal_b").get(reverse("web:indicator", args=[revenue.pk])).content.decode()
    assert "Sở B" in html and "10.619" not in html
    html = as_user("outsider").get(reverse("web:indicator", args=[revenue.pk])).content.decode()
    assert "Chưa có số liệu bạn được xem." in html


def test_indicator_history_exports(as_user, revenue):
    rows = xlsx_rows(as_user("office").get(reverse("web:indicator", args=[revenue.pk]),
                                           {"xuat": "xlsx"}))
    assert rows[0][:4] == ("Kỳ", "Đơn vị", "Kế hoạch", "Thực hiện")
    assert ("2026-Q1", "Sở A", 9950, 10619) in [r[:4] for r in rows]


def test_missing_indicator_is_404(as_user, db, cast):
    assert as_user("leader").get(reverse("web:indicator", args=[999])).status_code == 404


@pytest.mark.parametrize(("who", "status"), [("leader", 200), ("office", 200), ("focal_a", 200),
                                             ("focal_b", 404), ("outsider", 404)])
def test_unit_page_is_scoped(as_user, revenue, cast, who, status):
    assert as_user(who).get(reverse("web:unit", args=[cast.unit_a.pk])).status_code == status


def test_unit_page_drills_down_to_targets_tasks_and_trend(as_user, revenue, cast):
    make_task("Báo cáo quý", cast.unit_a, deadline=timezone.localdate() - timedelta(days=1))
    html = as_user("leader").get(reverse("web:unit", args=[cast.province.pk]),
                                 {"period": "2026-Q1"}).content.decode()
    assert 'id="unit-met">01<' in html and 'id="unit-not-met">01<' in html
    assert 'id="unit-overdue">01<' in html
    assert "Sở A" in html and "Sở B" in html  # children
    unit_a = as_user("leader").get(reverse("web:unit", args=[cast.unit_a.pk]),
                                   {"period": "2026-Q1"}).content.decode()
    assert 'id="unit-met">01<' in unit_a and 'id="unit-not-met">00<' in unit_a


def test_unit_list_shows_only_visible_units(as_user, revenue):
    html = as_user("focal_a").get(reverse("web:units")).content.decode()
    assert "Sở A" in html and "Sở B" not in html and "UBND tỉnh C" not in html
    rows = xlsx_rows(as_user("leader").get(reverse("web:units"), {"xuat": "xlsx"}))
    assert [r[0] for r in rows[1:]] == ["tinh-p", "so-a", "so-b"]


def test_my_work_lists_overdue_this_week_and_figures_to_submit(as_user, cast):
    today = timezone.localdate()
    make_task("Quá hạn của A", cast.unit_a, deadline=today - timedelta(days=2))
    make_task("Trong tuần của A", cast.unit_a, deadline=today + timedelta(days=6))
    make_task("Tháng sau của A", cast.unit_a, deadline=today + timedelta(days=30))
    make_task("Của B", cast.unit_b, deadline=today)
    q = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    ind = make_indicator("ct", name="Chỉ tiêu cần gửi")
    make_target(ind, cast.unit_a, q, 10)
    done = make_indicator("ct2", name="Chỉ tiêu đã gửi")
    make_target(done, cast.unit_a, q, 10)
    make_figure(done, cast.unit_a, q, 10, state=FigureState.SUBMITTED)
    html = as_user("focal_a").get(reverse("web:mywork")).content.decode()
    assert 'id="mw-overdue">01<' in html and 'id="mw-week">01<' in html
    assert 'id="mw-figures">01<' in html
    assert "Chỉ tiêu cần gửi" in html and "Chỉ tiêu đã gửi" not in html
    assert "Tháng sau của A" in html and "Của B" not in html


def test_manifest_and_service_worker(client, db):
    m = client.get(reverse("web:manifest"))
    assert m["Content-Type"] == "application/manifest+json"
    data = json.loads(m.content)
    assert data["start_url"] == "/" and data["display"] == "standalone"
    assert {i["sizes"] for i in data["icons"]} == {"192x192", "512x512"}
    sw = client.get(reverse("web:service_worker"))
    assert sw["Content-Type"].startswith("application/javascript")
    assert sw["Service-Worker-Allowed"] == "/"
    body = sw.content.decode()
    assert '"/static/vendor/htmx.min.js"' in body and "/ngoai-tuyen/" in body
    assert client.get(reverse("web:offline")).status_code == 200


def test_english_switch_translates_the_page_chrome(as_user, revenue):
    client = as_user("leader")
    r = client.post(reverse("set_language"), {"language": "en", "next": "/nhiem-vu/"})
    assert r.status_code == 302
    html = client.get(reverse("web:home"), {"period": "2026-Q1"}).content.decode()
    assert '<html lang="en">' in html
    assert "Q1 2026" in html  # the period label follows the language
    assert "Exceeded" in html or "Achieved" in html
    assert ">Overview</a>" in html and ">My work</a>" in html and "Key indicators" in html
    tasks = client.get(reverse("web:tasks")).content.decode()
    assert "Export to Excel" in tasks and "Save this filter" in tasks
    bad = client.post(reverse("web:task_create"), {"title": ""})
    assert bad.status_code == 403  # the leader may not create tasks, in any language


def test_an_english_browser_still_gets_vietnamese_until_english_is_chosen(as_user, revenue):
    client = as_user("leader")
    html = client.get(reverse("web:tasks"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content
    assert '<html lang="vi">' in html.decode() and "Xuất Excel" in html.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("web:tasks"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="en">' in html and "Export to Excel" in html
