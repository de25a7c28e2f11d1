"""Shared pytest fixtures. App-specific fixtures live in each app's tests/conftest.py."""

import os

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


# --- browser tests (Playwright driving Debian's Chromium; see STACK.md §3) ---
# Playwright's sync API keeps an asyncio loop running in the test thread for the whole session
# once a browser test has started; without this flag the ORM then refuses to run in the tests
# that follow. Tests that start a production-like subprocess must drop it from its env.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: end-to-end test in a real headless Chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Every browser test uses Debian's Chromium (Playwright cannot download its own here)."""
    return {**browser_type_launch_args,
            "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            "args": CHROMIUM_ARGS}
