"""End-to-end: a focal point on a phone updates a task with a photo and submits a figure; the
office on a desktop approves it and the leader's overview counts it at once."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tiendo.indicators import services as figures
from tiendo.indicators.models import Figure, FigureState
from tiendo.tasks.models import TaskFile
from tiendo.testing import make_indicator, make_target, make_task
from tiendo.web.tests.browser.conftest import DESKTOP, PHONE
from tiendo.web.tests.conftest import png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def quarter_code():
    today = timezone.localdate()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


@pytest.fixture
def scene(cast):
    revenue = make_indicator("thu-ngan-sach", name="Thu ngân sách nhà nước", is_key=True)
    make_target(revenue, cast.unit_a, quarter_code(), "9950")
    task = make_task("Ban hành kế hoạch chuyển đổi số", cast.unit_a,
                     deadline=timezone.localdate() + timedelta(days=4), period=quarter_code())
    return revenue, task


def test_focal_point_on_a_phone_updates_a_task_with_a_photo_and_submits_a_figure(
        open_as, live_server, scene, shoot, tmp_path):
    revenue, task = scene
    photo = tmp_path / "anh-cong-trinh.png"
    photo.write_bytes(png_bytes(40, 30))

    page = open_as("focal_a", PHONE)
    assert page.url.endswith("/viec-cua-toi/")
    assert page.inner_text("#mw-week") == "01"
    assert page.inner_text("#mw-figures") == "01"
    shoot(page, "phone-01-my-work")

    page.click(f"a[href='/nhiem-vu/{task.pk}/']")
    page.wait_for_selector("#progress-form")
    shoot(page, "phone-02-task")
    page.fill("#id_percent", "60")
    page.fill("#id_note", "Đã hoàn thành dự thảo, đang lấy ý kiến các sở")
    page.set_input_files("#id_file", str(photo))
    page.click("#progress-form button[type=submit]")
    page.wait_for_selector("#task-progress:text('60%')")
    assert "anh-cong-trinh.png" in page.inner_text("#timeline")
    shoot(page, "phone-03-task-updated")
    assert TaskFile.objects.get().original_name == "anh-cong-trinh.png"
    task.refresh_from_db()
    assert task.progress == 60

    page.goto(f"{live_server.url}/so-lieu/nhap/")
    row = f"#entry-{revenue.pk}"
    page.wait_for_selector(row)
    shoot(page, "phone-04-figure-entry")
    page.fill(f"{row} input[name='i{revenue.pk}-value']", "10.619")
    page.click(f"{row} button:text('Lưu nháp')")
    page.wait_for_selector(f"{row} .alert-success")
    shoot(page, "phone-05-figure-draft")
    page.click(f"{row} button:text('Gửi duyệt')")
    page.wait_for_selector(f"{row} .figure-state:text('Đã gửi')")
    shoot(page, "phone-06-figure-submitted")
    fig = Figure.objects.get()
    assert (fig.value, fig.state) == (Decimal("10619"), FigureState.SUBMITTED)
    print('\n'.join(sorted(set(page.problems))))
    assert page.problems == []


def test_office_approves_on_a_desktop_and_the_leaders_overview_shows_it(
        open_as, live_server, scene, shoot, cast):
    revenue, _task = scene
    draft = figures.figure_save_draft(actor=cast.focal_a, indicator=revenue, unit=cast.unit_a,
                                      period=quarter_code(), value=Decimal("10619"))
    figures.figure_submit(actor=cast.focal_a, figure=draft)

    office = open_as("office", DESKTOP)
    office.goto(f"{live_server.url}/so-lieu/duyet/")
    office.wait_for_selector(".approval-row")
    assert "10.619" in office.inner_text(".approval-row")
    shoot(office, "desktop-01-approval-queue")
    office.click(".approval-row button:text('Duyệt')")
    office.wait_for_selector(".approval-row .alert-success")
    shoot(office, "desktop-02-approved")
    assert Figure.objects.get().state == FigureState.APPROVED
    assert office.problems == []

    leader = open_as("leader", DESKTOP)
    assert leader.url == f"{live_server.url}/"
    assert leader.inner_text("#kpi-met") == "01"
    assert "10.619" in leader.inner_text(".figure-table")
    leader.wait_for_selector("#chart-status svg")
    leader.wait_for_selector("#chart-trend.chart-empty")  # one quarter is not a trend
    shoot(leader, "desktop-03-leader-overview")
    leader.click("a[href*='status=met']")
    leader.wait_for_selector(".figure-table")
    assert "Thu ngân sách nhà nước" in leader.inner_text(".figure-table")
    shoot(leader, "desktop-04-leader-drilldown")
    assert leader.problems == []


def test_pages_are_usable_at_both_widths(open_as, live_server, scene, shoot, cast):
    """Screenshots of every main page on a phone and a desktop, checked for script errors."""
    revenue, task = scene
    pages = {"overview": "/", "tasks": "/nhiem-vu/", "task": f"/nhiem-vu/{task.pk}/",
             "indicator": f"/chi-tieu/{revenue.pk}/", "indicators": "/chi-tieu/",
             "unit": f"/don-vi/{cast.unit_a.pk}/", "create": "/nhiem-vu/moi/"}
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = open_as("office", viewport)
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}")
            page.wait_for_load_state("networkidle")
            shoot(page, f"{label}-page-{name}")
        assert page.problems == []
