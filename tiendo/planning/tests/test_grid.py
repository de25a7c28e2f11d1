import os
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client

from tiendo.audit.models import AuditEntry
from tiendo.indicators.models import Target
from tiendo.testing import make_indicator, make_target

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture
def catalogue(cast):
    thu = make_indicator("thu-ns", name="Thu ngân sách", is_key=True, sort_order=1)
    ngheo = make_indicator("ngheo", name="Tỷ lệ hộ nghèo", unit_of_measure="%", is_key=True,
                           sort_order=2, direction="lower")
    make_target(thu, cast.unit_a, "2027", 100)
    return thu, ngheo


def test_the_grid_shows_the_managed_units_and_the_key_indicators(cast, catalogue, client):
    client.force_login(cast.office)
    page = client.get("/ke-hoach/luoi/?period=2027").content.decode()
    assert 'name="c-so-a-thu-ns" value="100"' in page
    assert 'name="c-so-b-ngheo" value=""' in page
    assert "c-tinh-c-" not in page  # another tree
    for who in ("focal_a", "leader", "outsider"):
        client.force_login(getattr(cast, who))
        assert client.get("/ke-hoach/luoi/").status_code == 403


def test_a_bad_cell_is_shown_and_nothing_is_saved_then_good_cells_are(cast, catalogue, client):
    client.force_login(cast.office)
    before = AuditEntry.objects.count()
    response = client.post("/ke-hoach/luoi/", {
        "period": "2027", "c-so-a-thu-ns": "120", "c-so-b-thu-ns": "abc", "c-so-b-ngheo": "2,5"})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'name="c-so-b-thu-ns" value="abc"' in page
    assert "một số (ví dụ 10.619 hoặc 7,47) (a number (e.g. 10.619 or 7,47))" in page
    assert AuditEntry.objects.count() == before
    assert Target.objects.get(unit=cast.unit_a).value == 100
    response = client.post("/ke-hoach/luoi/", {
        "period": "năm 2027", "c-so-a-thu-ns": "1.250", "c-so-b-ngheo": "2,5",
        "c-so-b-thu-ns": ""})
    assert response.status_code == 302
    assert Target.objects.get(unit=cast.unit_a).value == 1250
    assert Target.objects.get(unit=cast.unit_b, indicator__code="ngheo").value == Decimal("2.5")
    assert Target.objects.filter(unit=cast.unit_b, indicator__code="thu-ns").count() == 0
    assert AuditEntry.objects.filter(action="target.set").count() == 2


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed")
@pytest.mark.django_db(transaction=True)
def test_pasting_a_block_from_excel_fills_the_grid(cast, catalogue, live_server, browser):
    client = Client()
    client.force_login(cast.office)
    context = browser.new_context(locale="vi-VN")
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + "/ke-hoach/luoi/?period=2027")
    first = 'input[name="c-tinh-p-thu-ns"]'
    page.focus(first)
    page.evaluate("""(sel) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', '500\\t3,1\\r\\n200\\t2,2\\r\\n150\\t1,9\\r\\n');
        document.querySelector(sel).dispatchEvent(
            new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
    }""", first)
    assert page.input_value('input[name="c-so-a-ngheo"]') == "2,2"
    assert page.input_value('input[name="c-so-b-thu-ns"]') == "150"
    page.click("#grid-save")
    page.wait_for_selector(".alert-success")
    assert Target.objects.get(unit=cast.unit_b, indicator__code="ngheo").value == Decimal("1.9")
    assert Target.objects.get(unit=cast.province, indicator__code="thu-ns").value == 500
    context.close()


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed")
@pytest.mark.django_db(transaction=True)
def test_the_dashboard_loads_the_term_panel(cast, catalogue, live_server, browser):
    thu, _ngheo = catalogue
    make_target(thu, cast.province, "2025-2030", 50000, bound=">=")
    client = Client()
    client.force_login(cast.leader)
    context = browser.new_context(locale="vi-VN")
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.wait_for_selector("#term-panel .term-row")
    assert "Nhiệm kỳ 2025 - 2030" in page.inner_text("#term-panel")
    assert "Chưa có số liệu của nhiệm kỳ" in page.inner_text("#term-panel .term-sentence")
    context.close()
