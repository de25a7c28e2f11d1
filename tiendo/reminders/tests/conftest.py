"""Loopback servers for the reminder tests: a real SMTP server (aiosmtpd) and an HTTP server
that records webhook and web-push requests."""

import asyncio
import email
import email.policy
import socket
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: str, hour: int = 8, minute: int = 0) -> datetime:
    y, m, d = (int(x) for x in day.split("-"))
    return datetime(y, m, d, hour, minute, tzinfo=VN)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpSink:
    """Counts envelopes started (MAIL FROM) and keeps every message accepted (DATA)."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.mail_from = 0
        self.messages: list[email.message.EmailMessage] = []
        self.lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        with self.lock:
            self.mail_from += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(msg)
        return "250 Message accepted for delivery"

    def to(self) -> list[str]:
        return [m["To"] for m in self.messages]


class SmtpServer:
    def __init__(self, port: int | None = None, delay: float = 0.0):
        self.port = port or free_port()
        self.sink = SmtpSink(delay)
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()


@pytest.fixture
def smtp_settings(settings):
    def point(port: int):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 5
    return point


@pytest.fixture
def smtp(smtp_settings):
    server = SmtpServer().start()
    smtp_settings(server.port)
    yield server.sink
    server.stop()


class Recorder(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        srv = self.server
        with srv.lock:
            headers = {k.lower(): v for k, v in self.headers.items()}
            srv.requests.append({"path": self.path, "headers": headers, "body": body})
            status = srv.statuses.pop(0) if srv.statuses else 201
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_sink():
    """A loopback HTTP server; `sink.statuses` is a queue of status codes to answer with."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests, server.statuses, server.lock = [], [], threading.Lock()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def home(settings, tmp_path):
    settings.TIENDO_HOME = tmp_path / "home"
    settings.TIENDO_SITE_URL = "https://tiendo.example.vn"
    return settings.TIENDO_HOME


@pytest.fixture
def default_rules():
    """The reminder rules migration 0002 seeds, for transactional tests: another transactional
    test's flush may have removed them (serialized_rollback would, in turn, stop Django from
    recreating content types and permissions for the tests after)."""
    import importlib

    from django.apps import apps

    seed = importlib.import_module("tiendo.reminders.migrations.0002_default_rules")
    model = apps.get_model("reminders", "ReminderRule")
    if not model.objects.exists():
        seed.add_rules(apps, None)
