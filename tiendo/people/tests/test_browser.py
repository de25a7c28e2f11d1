"""The self-assessment, the manager's review and the unit's list in a real Chromium, on a
desktop (1280×800) and a phone (390×844): the forms work and nothing overflows sideways.
Screenshots go to $TIENDO_SCREENSHOTS (or the test's temporary folder)."""

import os
from pathlib import Path

import pytest

from tiendo.people.models import EvalState, Evaluation
from tiendo.testing import PASSWORD

from .conftest import Q1
from .test_services import run_hand_items

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def open_as(browser, base, username, size):
    ctx = browser.new_context(viewport=SIZES[size])
    page = ctx.new_page()
    page.goto(base + "/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()
    return ctx, page


def no_sideways_overflow(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_self_assessment_review_and_unit_list(live_server, browser, dept, plain_static,
                                              tmp_path, size):
    shots = Path(os.environ.get("TIENDO_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    run_hand_items(dept)
    base = live_server.url

    # 1. the civil servant's self-assessment
    ctx, page = open_as(browser, base, "staff1", size)
    page.goto(f"{base}/ca-nhan/?period={Q1}")
    assert page.locator(".position-card .items tbody tr[data-item]").count() == 5  # A–E
    page.fill("[name=mark_politics]", "9,5")
    page.fill("[name=mark_ethics]", "9")
    page.fill("[name=mark_discipline]", "9")
    page.select_option("[name=self_level]", "tot")
    page.fill("[name=comment]", "Hoàn thành các sản phẩm được giao")
    no_sideways_overflow(page)
    page.screenshot(path=str(shots / f"people-self-{size}.png"), full_page=True)
    with page.expect_navigation():
        page.click("#btn-self")
    assert "Đã gửi phiếu tự đánh giá." in page.content()
    assert page.locator(".eval-state").inner_text() == "Đã tự đánh giá"
    ctx.close()
    ev = Evaluation.objects.get(person=dept.staff1)
    assert ev.self_marks == {"mark_politics": "9.5", "mark_ethics": "9",
                             "mark_discipline": "9"}

    # 2. the manager's review
    ctx, page = open_as(browser, base, "manager", size)
    page.goto(f"{base}/ca-nhan/danh-gia/{ev.pk}/")
    assert page.locator("#breakdown .breakdown tbody tr").count() == 6
    page.fill("#m-mark_politics", "9")
    page.fill("#m-mark_ethics", "8,5")
    page.fill("#m-mark_discipline", "8")
    page.fill("#m-comment", "Đạt yêu cầu")
    no_sideways_overflow(page)
    page.screenshot(path=str(shots / f"people-review-{size}.png"), full_page=True)
    with page.expect_navigation():
        page.click("#btn-manager")
    assert page.locator("#eval-state").inner_text() == "Cấp trên trực tiếp đã đánh giá"
    assert page.locator("#breakdown .score").inner_text() == "74,25"
    ctx.close()
    ev.refresh_from_db()
    assert ev.state == EvalState.MANAGER

    # 3. the head's list of the unit, then the conclusion
    ctx, page = open_as(browser, base, "head", size)
    page.goto(f"{base}/ca-nhan/don-vi/{dept.unit.pk}/?period={Q1}")
    rows = page.locator("#people tbody tr")
    assert rows.count() == 2
    assert rows.first.get_attribute("data-person") == "staff1"
    assert "74,25" in rows.first.inner_text()
    no_sideways_overflow(page)
    page.screenshot(path=str(shots / f"people-unit-{size}.png"), full_page=True)
    page.click("tr[data-person=staff1] >> text=Vì sao?")
    with page.expect_navigation():
        page.click("#btn-conclude")
    assert page.locator("#conclusion").inner_text().startswith("HTTNV")
    ctx.close()
    ev.refresh_from_db()
    assert (ev.state, ev.level) == (EvalState.CONCLUDED, "tot")
