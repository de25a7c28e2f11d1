"""Shared pytest fixtures. App-specific fixtures live in each app's tests/conftest.py."""

import faulthandler
import os
from pathlib import Path

import pytest

from tiendo.testing import make_cast


@pytest.fixture
def cast(db):
    """office, leader, inspector on the province; focal_a, focal_b on its units A and B;
    outsider on unit C of another tree; admin (superuser)."""
    return make_cast()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    # and the audit checkpoint (written by the worker) too, so no test reads another's head
    settings.TIENDO_AUDIT_CHECKPOINT = tmp_path / "audit_checkpoint"


@pytest.fixture(autouse=True)
def _language_of_the_next_test():
    """Each test starts in Vietnamese, whatever the previous one left active: the language
    middleware activates the chosen language for the request's thread and nothing switches it
    back, so a page requested in English would otherwise turn the following tests English."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Pages rendered in tests name static files plainly: the manifest of hashed names exists
    only after collectstatic (production), and live_server serves /static/ from the finders."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


# A test that hangs (a deadlock, a page that never loads) stops the run after this many seconds
# with every thread's stack on stderr, instead of holding CI until its own limit. faulthandler's
# watchdog is a C thread: it fires even when a deadlock holds the GIL.
# The stacks go to a file (pytest has taken stderr by then); scripts/test prints it.
HANG_SECONDS = int(os.environ.get("TIENDO_TEST_HANG_SECONDS", "600"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    from django.conf import settings

    with open(Path(settings.TIENDO_HOME) / "test-hang.txt", "w") as dump:
        dump.write(f"Test treo quá {HANG_SECONDS} giây (a test hung): {item.nodeid}\n")
        dump.flush()
        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True, file=dump)
        try:
            return (yield)
        finally:
            faulthandler.cancel_dump_traceback_later()


# --- browser tests (Playwright driving Debian's Chromium; see CONTRIBUTING.md §Browser tests) ---
# Playwright's sync API keeps an asyncio loop running in the test thread for the whole session
# once a browser test has started; without this flag the ORM then refuses to run in the tests
# that follow. Tests that start a production-like subprocess must drop it from its env.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: end-to-end test in a real headless Chromium")
    _freeze_clock()


def _freeze_clock() -> None:
    """TIENDO_TEST_CLOCK=2026-03-30 runs the whole suite with the wall clock moved to that day
    (09:00 in Vietnam, ticking), so a test that reads "today" instead of passing a date fails
    on some day of the year here rather than in production. CI runs chosen dates (.ci/run)."""
    day = os.environ.get("TIENDO_TEST_CLOCK")
    if not day:
        return
    from datetime import datetime, timedelta, timezone

    import time_machine

    moment = datetime.fromisoformat(day).replace(hour=9, tzinfo=timezone(timedelta(hours=7)))
    time_machine.travel(moment, tick=True).start()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Every browser test uses Debian's Chromium (Playwright cannot download its own here)."""
    return {**browser_type_launch_args,
            "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            "args": CHROMIUM_ARGS}
