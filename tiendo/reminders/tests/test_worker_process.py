"""The worker as a real process: killed with SIGKILL mid-batch, stopped with SIGTERM, and two
at once on PostgreSQL. Messages are counted at the receiving SMTP server."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tiendo.reminders.tests.conftest import SmtpServer

ROOT = Path(__file__).resolve().parents[3]
NOW = "2026-06-25T08:00:00+07:00"


@pytest.fixture
def proc_env(tmp_path, django_db_blocker):
    """A database of its own for the child processes (a file on SQLite; a fresh database on
    PostgreSQL), migrated, with the environment to reach it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(TIENDO_HOME=str(tmp_path / "home"), TIENDO_WORKER_LEASE_SECONDS="1",
               TIENDO_TESTING="1", DJANGO_SETTINGS_MODULE="tiendo.settings")
    dropdb = None
    if connection.vendor == "postgresql":
        import psycopg

        params = connection.settings_dict
        name = f"tiendo_remproc_{uuid.uuid4().hex[:8]}"
        admin = {"host": params["HOST"] or "127.0.0.1", "port": params["PORT"] or 5432,
                 "user": params["USER"], "password": params["PASSWORD"] or None,
                 "dbname": "postgres", "autocommit": True}
        with psycopg.connect(**admin) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        pw = f":{params['PASSWORD']}" if params["PASSWORD"] else ""
        env["DATABASE_URL"] = (f"postgres://{params['USER']}{pw}@{admin['host']}:"
                               f"{admin['port']}/{name}")

        def dropdb():
            with psycopg.connect(**admin) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'proc.sqlite3'}"
    tiendo(env, "manage", "migrate", "--skip-checks", "-v", "0")
    yield env
    if dropdb:
        dropdb()


def tiendo(env, *args, check=True, timeout=180):
    return subprocess.run([sys.executable, "-m", "tiendo.cli", *args], env=env, cwd=ROOT,
                          check=check, timeout=timeout, capture_output=True, text=True)


def spawn(env, *args):
    return subprocess.Popen([sys.executable, "-m", "tiendo.cli", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def seed(env, n):
    subprocess.run([sys.executable, "-m", "tiendo.reminders.tests.seed", str(n)], env=env,
                   cwd=ROOT, check=True, timeout=180)


def wait_for(predicate, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def check_exactly_once(sink, n):
    to = sink.to()
    ids = [m["Message-ID"] for m in sink.messages]
    assert len(to) == n, f"{len(to)} messages for {n} people"
    assert sorted(to) == sorted(f"focal{i:03d}@example.vn" for i in range(n))
    assert len(set(ids)) == n


def test_worker_killed_mid_batch_delivers_every_message_exactly_once(proc_env):
    seed(proc_env, 30)
    server = SmtpServer(delay=0.3).start()  # each envelope takes 0.3 s to start
    env = {**proc_env, "TIENDO_EMAIL_URL": f"smtp://127.0.0.1:{server.port}"}
    try:
        worker = spawn(env, "worker", "--once", "--now", NOW)
        # kill while the 6th message's envelope is open: 5 delivered and recorded
        assert wait_for(lambda: server.sink.mail_from >= 6)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        assert worker.returncode == -signal.SIGKILL
        delivered_before = len(server.sink.messages)
        assert 5 <= delivered_before < 30
        time.sleep(1.5)  # the dead worker's lease (1 s) runs out
        tiendo(env, "worker", "--once", "--now", NOW)
        check_exactly_once(server.sink, 30)
        tiendo(env, "worker", "--once", "--now", NOW)  # a further pass sends nothing
        check_exactly_once(server.sink, 30)
    finally:
        server.stop()


def test_sigterm_finishes_the_current_batch_then_stops(proc_env):
    seed(proc_env, 30)
    server = SmtpServer(delay=0.05).start()
    env = {**proc_env, "TIENDO_EMAIL_URL": f"smtp://127.0.0.1:{server.port}"}
    try:
        worker = spawn(env, "worker", "--now", NOW, "--interval", "0.2")
        assert wait_for(lambda: server.sink.mail_from >= 3)
        worker.send_signal(signal.SIGTERM)
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        assert "Đã dừng" in out
        assert len(server.sink.messages) == 20  # the whole first batch, nothing after
        check = tiendo(env, "worker", "--check")
        assert "đang chạy" in check.stdout
        tiendo(env, "worker", "--once", "--now", NOW)
        check_exactly_once(server.sink, 30)
    finally:
        server.stop()


def test_two_workers_on_postgresql_never_send_twice(proc_env):
    if connection.vendor != "postgresql":
        pytest.skip("SELECT … FOR UPDATE SKIP LOCKED needs PostgreSQL; SQLite has one writer")
    seed(proc_env, 80)
    server = SmtpServer(delay=0.02).start()
    env = {**proc_env, "TIENDO_EMAIL_URL": f"smtp://127.0.0.1:{server.port}"}
    try:
        workers = [spawn(env, "worker", "--once", "--now", NOW) for _ in range(2)]
        for w in workers:
            _, err = w.communicate(timeout=120)
            assert w.returncode == 0, err
        check_exactly_once(server.sink, 80)
    finally:
        server.stop()
