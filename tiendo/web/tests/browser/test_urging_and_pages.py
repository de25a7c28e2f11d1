"""In Chromium: the office urges a late unit and the focal point hears (bell and a real e-mail);
one period on every page; a figure reads back as typed; Vietnamese error pages; axe-core finds
no serious or critical accessibility violation on the main pages of every role at both widths
(screenshots of each go to artifacts/screenshots/)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tiendo.indicators.models import FigureState
from tiendo.reminders.models import Outbox, OutboxState
from tiendo.reminders.tests.conftest import SmtpServer
from tiendo.testing import make_figure, make_indicator, make_target, make_task, make_user
from tiendo.web.assets import VENDOR
from tiendo.web.tests.browser.conftest import DESKTOP, PHONE
from tiendo.worker import run as worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = VENDOR / "axe.min.js"


def this_quarter() -> tuple[int, int]:
    today = timezone.localdate()
    return today.year, (today.month - 1) // 3 + 1


@pytest.fixture
def scene(cast):
    year, q = this_quarter()
    revenue = make_indicator("thu-ngan-sach", name="Thu ngân sách nhà nước", is_key=True,
                             unit_of_measure="tỷ đồng")
    make_target(revenue, cast.unit_a, f"{year}-Q{q}", "9950")
    make_target(revenue, cast.unit_a, f"{year}-Q1", "9000")
    make_figure(revenue, cast.unit_b, f"{year}-Q{q}", "500", state=FigureState.SUBMITTED)
    late = make_task("Lập quy hoạch vùng", cast.unit_a,
                     deadline=timezone.localdate() - timedelta(days=12))
    make_task("Ban hành kế hoạch chuyển đổi số", cast.unit_a,
              deadline=timezone.localdate() + timedelta(days=4))
    make_user("head_a", unit=cast.unit_a, role="focal", is_head=True, full_name="Trần Thủ Trưởng")
    return revenue, late


@pytest.fixture
def smtp_server(settings):
    server = SmtpServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield server.sink
    server.stop()


def test_office_urges_a_late_unit_and_the_focal_point_hears_in_the_bell_and_by_mail(
        open_as, live_server, scene, shoot, smtp_server, cast):
    _revenue, late = scene
    office = open_as("office", DESKTOP)
    assert office.inner_text(".bell [data-awaiting]") == "1"  # unit B's figure awaits approval
    office.goto(f"{live_server.url}/nhiem-vu/{late.pk}/")
    assert office.inner_text("#urge-card").startswith("Chưa đôn đốc lần nào")
    office.click("#urge-task")
    office.wait_for_selector("#urge-form")
    assert office.locator("#urge-form input[type=checkbox]:checked").count() == 2
    office.fill("#id_message", "Đề nghị báo cáo tiến độ trước thứ Sáu.")
    shoot(office, "desktop-urge-form")
    office.click("#urge-send")
    office.wait_for_selector("#urge-card")
    assert "Đã đôn đốc Sở A." in office.inner_text("main .alert-success")
    assert "Đã đôn đốc lần 1" in office.inner_text("#urge-card")
    shoot(office, "desktop-urge-sent")
    assert office.problems == []

    assert worker.run_once(timezone.now(), plan=False)  # one worker pass sends the e-mails
    assert sorted(smtp_server.to()) == ["focal_a@example.vn", "head_a@example.vn"]
    text = smtp_server.messages[0].get_body(("plain",)).get_content()
    assert "Đề nghị báo cáo tiến độ trước thứ Sáu." in text
    assert set(Outbox.objects.values_list("state", flat=True)) == {OutboxState.SENT}

    focal = open_as("focal_a", PHONE)
    assert focal.inner_text(".bell [data-unread]") == "1"
    focal.click(".bell")
    focal.wait_for_selector("#notification-list")
    assert "Đôn đốc lần 1: Lập quy hoạch vùng" in focal.inner_text("#notification-list")
    shoot(focal, "phone-urge-in-bell")
    assert focal.problems == []


def test_after_choosing_q1_once_every_page_shows_q1(open_as, live_server, scene, shoot):
    year, q = this_quarter()
    if q == 1:
        pytest.skip("needs a day outside the first quarter")  # the default would be Q1 too
    q1 = f"Quý I/{year}"
    page = open_as("office", DESKTOP)
    assert q1 not in page.inner_text("h1")  # the default: this quarter, which has figures
    page.fill("#id_period", q1)
    page.click(".period-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert q1 in page.inner_text("h1")
    pages = {"/so-lieu/nhap/": "h1", "/viec-cua-toi/": "#to-submit .card-title",
             "/so-lieu/": "body", "/canh-bao/": "h1"}
    for path, where in pages.items():
        page.goto(f"{live_server.url}{path}")
        assert q1 in page.inner_text(where), path
    page.goto(f"{live_server.url}/bao-cao/")
    assert page.input_value("#period") == q1
    page.goto(f"{live_server.url}/")
    assert q1 in page.inner_text("h1")
    assert page.problems == []


def test_a_figure_typed_as_10_250_reads_back_as_10_250(open_as, live_server, scene, shoot):
    revenue, _late = scene
    page = open_as("focal_a", PHONE)
    page.goto(f"{live_server.url}/so-lieu/nhap/")
    row = f"#entry-{revenue.pk}"
    field = f"{row} input[name='i{revenue.pk}-value']"
    page.fill(field, "10.250")
    page.click(f"{row} button:text('Lưu nháp')")
    page.wait_for_selector(f"{row} .alert-success")
    assert page.input_value(field) == "10.250"
    page.reload()
    assert page.input_value(field) == "10.250"
    shoot(page, "phone-figure-read-back")


@pytest.mark.parametrize("who", [None, "focal_a"])
def test_an_unknown_url_answers_404_with_a_vietnamese_page(browser, open_as, live_server,
                                                           scene, shoot, who):
    page = open_as(who, PHONE) if who else browser.new_context(viewport=PHONE).new_page()
    response = page.goto(f"{live_server.url}/khong-co-trang-nay/")
    assert response.status == 404
    assert page.get_attribute("html", "lang") == "vi"
    assert page.inner_text("h1") == "Không tìm thấy trang"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, f"phone-404-{who or 'anonymous'}")
    assert axe_violations(page) == []


# --- accessibility: axe-core on the main pages of every role, at both widths ----------------

def axe_violations(page) -> list[str]:
    """Serious and critical violations axe-core finds on the page, one line each. axe-core is
    loaded from the built static/vendor/ file, through the page's own server (its CSP allows
    scripts from 'self' only)."""
    origin = page.evaluate("location.origin")
    # Loading the script and running axe are bounded in the page itself: Playwright gives
    # neither add_script_tag nor evaluate a timeout, and a load that never ends must fail the
    # test, not hang the suite.
    page.evaluate("""url => Promise.race([
        new Promise((ok, fail) => {
            const s = document.createElement('script');
            s.src = url; s.onload = ok; s.onerror = () => fail(new Error('axe-core not loaded'));
            document.head.appendChild(s);
        }),
        new Promise((_, fail) => setTimeout(() => fail(new Error('axe-core: load timed out')),
                                             60000))])""", f"{origin}/static/vendor/{AXE.name}")
    result = page.evaluate("""() => Promise.race([
        axe.run(document, {resultTypes: ['violations']}),
        new Promise((_, fail) => setTimeout(() => fail(new Error('axe.run timed out')),
                                             120000))])""")
    return [f"{v['id']} ({v['impact']}): {n['target']} {n.get('failureSummary', '')[:160]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")
            for n in v["nodes"]]


def main_pages(cast, revenue, late) -> dict[str, dict[str, str]]:
    return {
        "office": {"overview": "/", "tasks": "/nhiem-vu/", "task": f"/nhiem-vu/{late.pk}/",
                   "approvals": "/so-lieu/duyet/", "unit": f"/don-vi/{cast.unit_a.pk}/",
                   "figures": "/so-lieu/", "bell": "/nhac-viec/",
                   "urge": f"/nhac-viec/don-doc/{cast.unit_a.pk}/?task={late.pk}"},
        "leader": {"overview": "/", "outlook": "/canh-bao/", "indicator":
                   f"/chi-tieu/{revenue.pk}/", "reports": "/bao-cao/"},
        "focal_a": {"my-work": "/viec-cua-toi/", "entry": "/so-lieu/nhap/",
                    "task": f"/nhiem-vu/{late.pk}/"},
    }


@pytest.mark.parametrize(("label", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_axe_finds_no_serious_violation_on_the_main_pages(open_as, live_server, scene, shoot,
                                                         cast, label, viewport):
    assert AXE.exists(), "tiendo assets copies axe-core into static/vendor/"
    revenue, late = scene
    found, problems, wide = {}, {}, {}
    for who, pages in main_pages(cast, revenue, late).items():
        page = open_as(who, viewport)
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}")
            page.wait_for_load_state("networkidle")
            shoot(page, f"{label}-{who}-{name}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > viewport["width"]:  # the page itself must not scroll sideways
                wide[f"{who} {path}"] = width
            bad = axe_violations(page)
            if bad:
                found[f"{who} {path}"] = bad
                print(f"{who} {path}", *bad, sep="\n  ")  # the CI log names them
        if page.problems:
            problems[who] = page.problems
    assert found == {}
    assert problems == {}
    assert wide == {}


def test_axe_finds_no_serious_violation_on_the_login_page(browser, live_server, shoot):
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = browser.new_context(viewport=viewport).new_page()
        page.goto(f"{live_server.url}/dang-nhap/")
        shoot(page, f"{label}-login")
        assert axe_violations(page) == []


def test_the_axe_check_catches_low_contrast_text(browser, live_server):
    """The check itself can fail: white text on the page's light background is reported."""
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(f"{live_server.url}/dang-nhap/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', "
                  "'<p class=\"text-white\">Đạt</p>')")
    assert any(v.startswith("color-contrast") for v in axe_violations(page))



def test_on_a_phone_a_long_task_title_leaves_its_status_whole(open_as, live_server, cast):
    """The status badge beside a task's title keeps its full width at 390 px: it once shrank
    under a long title and showed "n thành đúng" for "Hoàn thành đúng hạn"."""
    make_task("Ban hành Kế hoạch cải cách hành chính năm 2026 của tỉnh và các sở, ngành",
              cast.unit_a, deadline=date(2025, 1, 31), state="done",
              completed_on=date(2025, 1, 30))  # done on time, whatever day the test runs
    page = open_as("office", PHONE)
    page.goto(f"{live_server.url}/nhiem-vu/")
    badges = page.locator(".task-row .badge.text-nowrap")
    assert badges.count() == 1
    clipped = badges.first.evaluate("b => b.scrollWidth > b.clientWidth + 1")
    assert badges.first.inner_text() == "Hoàn thành đúng hạn"
    assert not clipped
