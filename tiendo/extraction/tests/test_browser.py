"""The review-and-import flow in a real browser (Debian's Chromium through Playwright)."""

import os
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client

from tiendo.extraction import jobs
from tiendo.indicators.models import Evidence, Figure
from tiendo.testing import make_indicator

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def browser_page(live_server, browser):
    """A Vietnamese browser context on the session's Chromium (root conftest)."""
    context = browser.new_context(locale="vi-VN")
    yield context
    context.close()


def _login(context, live_server, user):
    client = Client()
    client.force_login(user)
    context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])


def test_office_reads_reviews_and_imports_a_report(cast, live_server, browser_page, tmp_path):
    indicator = make_indicator("khach", name="Tổng lượt khách du lịch",
                               unit_of_measure="nghìn lượt")
    report = tmp_path / "du-lich.txt"
    report.write_text(
        "BÁO CÁO QUÝ II NĂM 2026\n"
        "Tổng lượt khách du lịch ước đạt 1.520 nghìn lượt, tăng 12,3% so với cùng kỳ.\n",
        encoding="utf-8",
    )
    _login(browser_page, live_server, cast.office)
    page = browser_page.new_page()
    page.goto(live_server.url + "/extraction/")
    page.set_input_files("input[name=file]", str(report))
    page.select_option("select[name=unit]", str(cast.unit_a.pk))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_url("**/extraction/*/")
    page.wait_for_selector("#run-state[hx-trigger]")  # waiting for the worker, polling
    assert "Báo cáo đang chờ đọc" in page.inner_text("#run-state")
    assert jobs.drain() == 1  # the worker reads it; the page reloads into the review
    page.wait_for_selector("mark.st-0")
    assert page.inner_text("mark.st-0 >> nth=0") == "1.520"
    assert page.input_value("select[name=indicator_0]") == str(indicator.pk)
    page.select_option("select[name=decision_0]", "accepted")
    page.check("input[name=is_estimate]")
    page.click("button[name=import]")
    page.wait_for_selector(".alert-success")
    assert "Đã nhập 1 số liệu (bản nháp) cho Sở A." in page.inner_text(".alert-success")
    [figure] = Figure.objects.all()
    assert (figure.indicator, figure.unit, figure.period, figure.value, figure.is_estimate,
            figure.change) == (indicator, cast.unit_a, "2026-Q2", Decimal("1520.0000"), True,
                               Decimal("12.3000"))
    assert Evidence.objects.get(figure=figure).excerpt.endswith("[du-lich.txt, ký tự 56–83]")


def test_the_outsider_gets_not_found_in_the_browser(cast, live_server, browser_page):
    from tiendo.extraction.models import ExtractionRun

    run = ExtractionRun.objects.create(unit=cast.unit_a, period="2026-Q1", original_name="a.txt",
                                       kind="txt", text="", statements=[])
    _login(browser_page, live_server, cast.outsider)
    page = browser_page.new_page()
    response = page.goto(f"{live_server.url}/extraction/{run.pk}/")
    assert response.status == 404


def test_office_proposes_and_creates_tasks_from_a_directive(cast, live_server, browser_page,
                                                            tmp_path):
    from datetime import date

    from tiendo.tasks.models import Task

    directive = tmp_path / "chi-dao.txt"
    directive.write_text(
        "B. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV/2026\n"
        "1. Sở A khẩn trương ban hành kế hoạch cải cách hành chính trước ngày 20/10/2026.\n"
        "2. Tổ chức hội nghị sơ kết công tác phòng chống thiên tai trong tháng 11/2026.\n",
        encoding="utf-8",
    )
    _login(browser_page, live_server, cast.office)
    page = browser_page.new_page()
    page.goto(live_server.url + "/extraction/")
    page.click("text=Đề xuất nhiệm vụ từ văn bản chỉ đạo")
    page.wait_for_url("**/extraction/nhiem-vu/")
    page.set_input_files("input[name=file]", str(directive))
    page.click("button:has-text('Đề xuất nhiệm vụ')")
    page.wait_for_url("**/extraction/nhiem-vu/?run=*")
    page.wait_for_selector("#run-state[hx-trigger]")  # the worker reads it; the page polls
    assert "Văn bản chỉ đạo đang chờ đọc" in page.inner_text("#run-state")
    assert jobs.drain() == 1
    page.wait_for_selector("input[name=pick_1]")
    assert page.input_value("input[name=deadline_0]") == "2026-10-20"
    assert page.input_value("select[name=lead_0]") == str(cast.unit_a.pk)
    assert page.input_value("select[name=product_0]") == "ke_hoach"
    page.check("input[name=pick_0]")
    page.check("input[name=pick_1]")
    page.click("text=Tạo nhiệm vụ đã chọn")  # row 2 has no lead unit yet
    page.wait_for_selector("text=chưa chọn đơn vị chủ trì")
    assert Task.objects.count() == 0
    page.select_option("select[name=lead_1]", str(cast.unit_b.pk))
    page.fill("input[name=deadline_1]", "2026-11-25")
    page.click("text=Tạo nhiệm vụ đã chọn")
    page.wait_for_selector("text=Đã tạo 2 nhiệm vụ.")
    assert [(t.lead_unit_id, t.deadline) for t in Task.objects.order_by("pk")] == [
        (cast.unit_a.pk, date(2026, 10, 20)), (cast.unit_b.pk, date(2026, 11, 25))]


def test_the_review_fits_a_phone_screen(cast, live_server, browser_page):
    """At 390 pixels each statement is a card: its catalogue choice, value and decision lie
    within the screen, under their labels, and the page does not scroll sideways."""
    from tiendo.extraction.engine import extract
    from tiendo.extraction.models import ExtractionRun, RunState

    text = ("Tổng thu ngân sách nhà nước trên địa bàn đạt 12.345 tỷ đồng, bằng 104% dự toán, "
            "tăng 9,8% so với cùng kỳ.\n")
    run = ExtractionRun.objects.create(
        unit=cast.unit_a, period="2026-Q1", original_name="thu.txt", kind="txt", text=text,
        state=RunState.READY,
        statements=[s.to_dict() for s in extract(text, default_period="2026-Q1")])
    _login(browser_page, live_server, cast.office)
    page = browser_page.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/extraction/{run.pk}/")
    decision = page.locator("select[name=decision_0]")
    box = decision.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate(
        "getComputedStyle(document.querySelector('td[data-label]'), '::before').content"
    ) == '"Chỉ tiêu trong danh mục"'
