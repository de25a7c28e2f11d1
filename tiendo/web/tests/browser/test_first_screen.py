"""The leader's first screen on a cold cache, measured the way a browser receives it: Chromium
against `tiendo serve` (gunicorn + WhiteNoise over the collected, hashed and compressed static
files) on the Lâm Đồng demo, counting every request and the bytes that came over the wire.

Budget (docs/web.md): at most 400 KB and 15 requests. Static files carry hashed names and a cache
lifetime of a year."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tiendo.web.tests.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser]

BUDGET_BYTES = 400 * 1024
BUDGET_REQUESTS = 15
PASSWORD = "demo-first-screen-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`tiendo demo --no-serve` then `tiendo serve` in a home of their own (SQLite)."""
    home = tmp_path_factory.mktemp("first-screen")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(TIENDO_HOME=str(home), TIENDO_DEMO_PASSWORD=PASSWORD, TIENDO_WEB_WORKERS="1")
    cli = [sys.executable, "-m", "tiendo.cli"]
    subprocess.run([*cli, "demo", "--no-serve"], env=env, check=True, timeout=600,
                   capture_output=True)
    port = _free_port()
    log = Path(home) / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([*cli, "serve", "--port", str(port)], env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 300  # collectstatic compresses everything first
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None, log.read_text()[-2000:]
                time.sleep(0.5)
        else:
            pytest.fail("tiendo serve did not start: " + log.read_text()[-2000:])
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _logged_in_state(browser, url: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/dang-nhap/")
    page.fill("#id_username", "lanhdao")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")
    state = context.storage_state()
    context.close()
    return state


@pytest.mark.parametrize(("label", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_leaders_first_screen_is_within_budget_on_a_cold_cache(browser, served, label,
                                                                   viewport, shoot):
    state = _logged_in_state(browser, served)
    context = browser.new_context(viewport=viewport, storage_state=state)  # empty cache
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda r: responses.append(r))
    page.goto(f"{served}/")
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("#chart-status svg")
    shoot(page, f"{label}-leader-first-screen")
    rows = []
    for request in responses:
        sizes = request.sizes()
        rows.append((request.url.removeprefix(served),
                     sizes["responseBodySize"] + sizes["responseHeadersSize"]))
    total = sum(n for _u, n in rows)
    print(f"\n{label}: {len(rows)} requests, {total / 1024:.0f} KB", *rows, sep="\n  ")
    assert page.url == f"{served}/"
    assert len(rows) <= BUDGET_REQUESTS
    assert total <= BUDGET_BYTES
    # static files: hashed names, cached for a year, sent compressed
    for request in responses:
        if "/static/" in request.url and request.url.endswith((".js", ".css")):
            headers = request.response().all_headers()
            assert "max-age=315360000" in headers.get("cache-control", ""), request.url
            assert headers.get("content-encoding") in ("gzip", "br"), request.url
    context.close()
