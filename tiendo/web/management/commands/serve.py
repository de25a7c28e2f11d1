import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from tiendo.web.assets import assets_ready, build_assets, collect_static_if_changed


class Command(BaseCommand):
    help = (
        "Chạy máy chủ web gunicorn, kèm tệp tĩnh (serve tiendo with gunicorn, static files "
        "included). Số tiến trình: TIENDO_WEB_WORKERS (mặc định 2)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Cổng (port), mặc định 8000.")
        parser.add_argument("--host", default="127.0.0.1", help="Địa chỉ (bind address).")

    def handle(self, *args, port=8000, host="127.0.0.1", **opts):
        if not assets_ready():
            build_assets()
        collect_static_if_changed()
        workers = os.environ.get("TIENDO_WEB_WORKERS", "2")
        argv = [
            "gunicorn", "tiendo.wsgi:application", "--bind", f"{host}:{port}",
            "--workers", workers, "--access-logfile", "-", "--timeout", "120",
        ]
        self.stdout.write(f"tiendo: http://{host}:{port}/ ({settings.TIENDO_HOME})")
        sys.stdout.flush()
        from gunicorn.app.wsgiapp import run

        sys.argv = argv
        run()
