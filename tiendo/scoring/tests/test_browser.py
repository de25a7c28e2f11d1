"""The inspection board reviews, confirms and publishes a rating in a real browser; a task
changed afterwards leaves the published rating as it was and shows that data changed."""

from datetime import date
from decimal import Decimal as D

import pytest

from tiendo.scoring import services
from tiendo.scoring.models import Rating
from tiendo.tasks import services as task_services
from tiendo.testing import PASSWORD

from .helpers import PERIOD, at, open_task, perfect_quarter


@pytest.mark.django_db(transaction=True)
def test_review_confirm_publish_in_the_browser(live_server, page, cast, plain_static):
    perfect_quarter(cast)
    services.rating_propose(actor=cast.office, period=PERIOD, framework_code="QD366",
                            now=at("2026-04-08"))
    a = Rating.objects.get(unit=cast.unit_a)
    services.rating_self_assess(actor=cast.focal_a, rating=a, level="tot", comment="Đồng ý")

    page.goto(live_server.url + "/dang-nhap/")
    page.fill("input[name=username]", "inspector")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()
    page.goto(live_server.url + f"/xep-loai/?period={PERIOD}&framework=QD366")
    assert page.locator("#ranking tbody tr").count() == 2
    page.click("tr[data-unit=so-a] >> text=Vì sao?")
    assert page.locator("#breakdown tbody tr").count() == 9
    page.fill("#review-note", "Hồ sơ đầy đủ")
    page.click("#btn-review")
    page.click("#btn-confirm")
    page.click("#btn-publish")
    assert "Đã công bố" in page.locator("#workflow .card-title").inner_text()
    assert page.locator("#level .badge").inner_text() == "HTTNV"

    task = open_task("Việc bổ sung", cast.unit_a, "2026-03-10")
    task_services.task_report_done(actor=cast.focal_a, task=task, completed_on=date(2026, 3, 25))
    task_services.task_accept(actor=cast.office, task=task, now=at("2026-04-25"))
    page.reload()
    assert "Dữ liệu đã thay đổi sau khi đề xuất" in page.locator("#data-changed").inner_text()
    assert page.locator("#score").inner_text() == "97,14"
    a.refresh_from_db()
    assert (a.state, a.score, a.level) == ("published", D("97.14"), "tot")
