import os
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from tiendo.demo.synth import SCALES, load_synth


class Command(BaseCommand):
    help = (
        "Tạo một không gian dữ liệu tổng hợp, có nhãn rõ ràng, để đo hiệu năng. "
        "(Fill a deterministic, clearly labelled synthetic workspace for benchmarks.)"
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), required=True,
                            help="province: 200 đơn vị, ~200.000 số liệu; nation: gấp 10.")
        parser.add_argument("--seed", type=int, default=1, help="Hạt giống ngẫu nhiên (seed).")

    def handle(self, *args, scale, seed=1, **opts):
        if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
            settings.TIENDO_HOME.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        password = os.environ.get("TIENDO_SYNTH_PASSWORD") or "synth-password-123"
        started = time.perf_counter()
        try:
            summary = load_synth(scale=scale, seed=seed, password=password)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from exc
        took = time.perf_counter() - started
        self.stdout.write(
            f"Đã tạo dữ liệu tổng hợp {scale} (seed {seed}) trong {took:.1f} s: "
            + ", ".join(f"{k}={v}" for k, v in summary.counts.items()))
        self.stdout.write(f"Tài khoản (logins), mật khẩu (password) {password}: "
                          + ", ".join(summary.users[:3]) + ", synth-p1-focal-001 …")
