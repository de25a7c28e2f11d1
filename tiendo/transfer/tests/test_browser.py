"""The office's import path in a real browser: upload, errors, preview, confirm, progress,
result (Debian's Chromium through Playwright)."""

import os

import pytest
from django.conf import settings
from django.test import Client

from tiendo.indicators.models import Target
from tiendo.testing import make_indicator
from tiendo.transfer import jobs
from tiendo.transfer.tests.conftest import workbook_bytes

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed"),
    pytest.mark.django_db(transaction=True),
]
TGT_H = ["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị"]


def _login(context, live_server, user):
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": live_server.url}])


def test_office_uploads_sees_errors_then_previews_confirms_and_follows_progress(
        cast, live_server, browser, tmp_path, settings):
    settings.TIENDO_HOME = tmp_path
    make_indicator("thu-ns", name="Thu ngân sách")
    bad = tmp_path / "sai.xlsx"
    bad.write_bytes(workbook_bytes({"Kế hoạch": [TGT_H, ["thu-ns", "so-a", "2026", "abc"]]}))
    good = tmp_path / "dung.xlsx"
    good.write_bytes(workbook_bytes({"Kế hoạch": [
        TGT_H, ["thu-ns", "so-a", "2026", "1.250,5"], ["thu-ns", "so-b", "2026", 900]]}))
    context = browser.new_context(locale="vi-VN")
    _login(context, live_server, cast.office)
    page = context.new_page()

    page.goto(live_server.url + "/nhap-so-tinh/")
    with page.expect_download() as download:
        page.click("#template-download")
    assert download.value.suggested_filename == "mau-nhap-tiendo.xlsx"

    page.set_input_files("input[name=file]", str(bad))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector("#progress[hx-trigger]")  # the worker checks the file
    assert "Đang kiểm tra" in page.inner_text("#progress")
    assert jobs.run_pending(worker="browser-test") == 1
    page.wait_for_selector("#import-errors")
    assert page.inner_text("#import-errors tbody tr td:nth-child(2)") == "2"
    assert "Giá trị" in page.inner_text("#import-errors tbody")
    assert page.locator("#import-confirm").count() == 0

    page.goto(live_server.url + "/nhap-so-tinh/")
    page.set_input_files("input[name=file]", str(good))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector("#progress[hx-trigger]")
    assert jobs.run_pending(worker="browser-test") == 1
    page.wait_for_selector("#import-checked")
    assert "2 dòng tạo mới" in page.inner_text("#import-checked")
    assert page.inner_text("#preview-counts tbody") == "Kế hoạch\t2\t0\t0"
    assert not Target.objects.exists()

    page.click("#import-confirm")
    page.wait_for_selector("#progress progress")
    assert "Đang chờ xử lý" in page.inner_text("#progress")
    assert jobs.run_pending(worker="browser-test") == 1  # the worker's pass
    page.wait_for_selector("#import-done", timeout=15000)  # the bar polls, then the page reloads
    assert "2 dòng tạo mới" in page.inner_text("#import-done")
    assert Target.objects.count() == 2
    context.close()
