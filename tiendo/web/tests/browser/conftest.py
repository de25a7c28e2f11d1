"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live_server.

Run them with the rest (`pytest`), or alone with `pytest -m browser`. Screenshots of every step
go to artifacts/screenshots/ (kept by CI, ignored by git).
"""

from pathlib import Path

import pytest

# Chromium's launch arguments, the browser marker and DJANGO_ALLOW_ASYNC_UNSAFE come from the
# root conftest.py.
SHOTS = Path(__file__).resolve().parents[4] / "artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # live_server serves /static/ from the finders under plain names; a manifest storage would
    # emit hashed URLs that 404 there.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.fixture
def shoot():
    """shoot(page, "01-phone-my-work") saves a full-page PNG under artifacts/screenshots/."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def open_as(browser, live_server):
    """open_as("focal_a", PHONE) -> a logged-in page (through the real login form) that records
    console errors and CSP violations in page.problems."""
    from tiendo.testing import PASSWORD

    contexts = []

    def make(username: str, viewport: dict):
        context = browser.new_context(viewport=viewport, locale="vi-VN",
                                      timezone_id="Asia/Ho_Chi_Minh")
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        # Name the source of any CSP violation in the console (it counts as a problem).
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => console.error("
            "'CSP', e.violatedDirective, e.sourceFile, e.lineNumber, e.sample, "
            "e.target && e.target.outerHTML && e.target.outerHTML.slice(0, 160)))")
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_load_state("networkidle")
        return page

    yield make
    for c in contexts:
        c.close()
