import signal
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tiendo.lib import clock
from tiendo.reminders import delivery
from tiendo.reminders.management.commands._clock import parse_now
from tiendo.worker.run import drain, run_once


class Command(BaseCommand):
    # The worker and the planner need no URL, template or admin checks: they must keep
    # running whatever state the web side is in.
    requires_system_checks: list = []
    help = ("Tiến trình nền: lập kế hoạch nhắc việc và gửi hàng đợi. "
            "(Background worker: plans reminders and delivers the outbox.)")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true",
                            help="Một lượt rồi thoát (one pass, then exit).")
        parser.add_argument("--now", help="Giờ dùng để lập kế hoạch, ISO 8601 (clock for "
                                          "planning, e.g. 2026-06-25T08:00:00+07:00).")
        parser.add_argument("--check", action="store_true",
                            help="Thoát mã 1 nếu tiến trình nền đã ngừng quá 5 phút "
                                 "(exit 1 when the heartbeat is stale).")
        parser.add_argument("--interval", type=float, default=10.0,
                            help="Giây nghỉ khi hàng đợi trống (idle sleep, default 10).")
        parser.add_argument("--plan-every", type=float, default=60.0,
                            help="Giây giữa hai lần lập kế hoạch (seconds between plans).")

    def handle(self, *args, once=False, now=None, check=False, interval=10.0,
               plan_every=60.0, **opts):
        if check:
            seen = delivery.last_heartbeat()
            if delivery.worker_stale():
                when = timezone.localtime(seen).strftime("%d/%m/%Y %H:%M:%S") if seen else "—"
                raise CommandError(f"Tiến trình nền không chạy (lần cuối: {when}). "
                                   "(worker heartbeat is stale)", returncode=1)
            self.stdout.write("Tiến trình nền đang chạy (worker alive): "
                              + timezone.localtime(seen).strftime("%d/%m/%Y %H:%M:%S"))
            return
        fixed = parse_now(now)
        worker = delivery.new_worker_id()
        if once:
            drain(fixed, worker=worker)
            return
        stop = {"flag": False}

        def _stop(signum, frame):
            stop["flag"] = True

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        last_plan = None
        self.stdout.write(f"tiendo worker {worker} — Ctrl-C / SIGTERM để dừng (to stop).")
        while not stop["flag"]:
            moment = fixed or clock.now()  # --now freezes the clock (tests, back-fill)
            plan = last_plan is None or time.monotonic() - last_plan >= plan_every
            if plan:
                last_plan = time.monotonic()
            busy = run_once(moment, worker=worker, plan=plan)
            if not busy:
                slept = 0.0
                while slept < interval and not stop["flag"]:
                    time.sleep(0.2)
                    slept += 0.2
        self.stdout.write("Đã dừng sau khi gửi xong lô hiện tại (stopped after the batch).")
