import os
import secrets
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from tiendo.demo.loader import load_demo
from tiendo.web.assets import assets_ready, build_assets


def demo_password() -> str:
    """TIENDO_DEMO_PASSWORD, else the one kept in TIENDO_HOME, else a new one kept there."""
    path = settings.TIENDO_HOME / "demo_password"
    stored = path.read_text().strip() if path.exists() else None
    pw = settings.TIENDO_DEMO_PASSWORD or stored or "demo-" + secrets.token_urlsafe(9)
    if pw != stored:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(pw)
        path.chmod(0o600)
    return pw


class Command(BaseCommand):
    help = (
        "Tạo CSDL, nạp dữ liệu mẫu Lâm Đồng quý I/2026, in tài khoản đăng nhập, rồi chạy máy chủ "
        "web và tiến trình nền đến khi nhấn Ctrl-C. (Migrate, load the Lâm Đồng Q1 2026 demo, "
        "print the logins, then serve it with the background worker until Ctrl-C.)"
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true",
                            help="Chỉ nạp dữ liệu, không chạy máy chủ (load only, do not serve).")
        parser.add_argument("--port", type=int, default=8000,
                            help="Cổng máy chủ (port), mặc định 8000.")

    def handle(self, *args, no_serve=False, port=8000, **opts):
        settings.TIENDO_HOME.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        password = demo_password()
        summary = load_demo(password=password)
        out = self.stdout
        if summary.loaded:
            out.write("Đã nạp dữ liệu mẫu Lâm Đồng (demo loaded): " + ", ".join(
                f"{k}={v}" for k, v in summary.counts.items()))
        else:
            out.write("Dữ liệu mẫu đã có sẵn, không thay đổi gì (demo already loaded).")
        out.write(f"Dữ liệu (data): {settings.TIENDO_HOME}")
        out.write("Tài khoản (logins) — mật khẩu chung (password): " + password)
        out.write("  " + ", ".join(summary.users))
        if no_serve:
            return
        if not assets_ready():
            build_assets()
        out.write(f"Mở (open) http://127.0.0.1:{port}/  — Ctrl-C để dừng (to stop).")
        worker = None
        if "worker" in _commands():
            worker = subprocess.Popen([sys.executable, "-m", "tiendo.cli", "worker"],
                                      env=os.environ.copy())
        try:
            call_command("serve", port=port)
        except KeyboardInterrupt:
            pass
        finally:
            if worker is not None:
                worker.send_signal(signal.SIGTERM)
                worker.wait(timeout=30)


def _commands() -> set[str]:
    from django.core.management import get_commands

    return set(get_commands())
