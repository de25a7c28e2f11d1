"""The live server that browser tests drive serves parallel requests, as a browser sends them.

A page whose panels load in parallel once hung the browser tests for good: SQLite's test
database was in memory, so the live server's request threads shared one connection, and two
threads inside one sqlite3 connection deadlock (one holds the connection's mutex and waits for
the GIL in a Python SQL function such as REGEXP; the other holds the GIL and waits for the
mutex). The test database is a file now, so each thread has its own connection.
"""

import threading
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from tiendo.testing import make_indicator, make_target

THREADS, ROUNDS = 4, 15


def test_the_sqlite_test_database_is_a_file():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    name = settings.DATABASES["default"]["TEST"].get("NAME") or ""
    assert name and ":memory:" not in name and "mode=memory" not in name


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_each_reading_through_a_sql_function_all_answer(cast, live_server):
    indicator = make_indicator("bhyt", name="Tỷ lệ bảo hiểm y tế")
    make_target(indicator, cast.province, "2025-2030", 97)  # the term panel filters by REGEXP
    client = Client()
    client.force_login(cast.leader)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    answers, start = [], threading.Barrier(THREADS)

    def fetch():
        start.wait(timeout=30)
        for _ in range(ROUNDS):
            req = urllib.request.Request(f"{live_server.url}/ke-hoach/nhiem-ky/",
                                         headers={"Cookie": cookie})
            with urllib.request.urlopen(req, timeout=30) as resp:
                answers.append((resp.status, "Tỷ lệ bảo hiểm y tế" in resp.read().decode()))

    threads = [threading.Thread(target=fetch) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert answers == [(200, True)] * (THREADS * ROUNDS)
