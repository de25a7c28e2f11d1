import sys

from django.core.management.base import BaseCommand

from tiendo.indicators import assessments
from tiendo.lib import clock


class Command(BaseCommand):
    help = (
        "Đánh giá lại toàn bộ chỉ tiêu theo quy tắc đánh giá hiện hành (tiến trình nền tự làm "
        "khi quy tắc thay đổi). (Re-assess every stored verdict with the current rule; the "
        "worker does it by itself when the rule changes.)"
    )

    def add_arguments(self, parser):
        parser.add_argument("--if-needed", action="store_true",
                            help="Chỉ chạy khi quy tắc đã đổi (only when the rule changed).")

    def handle(self, *args, if_needed=False, **opts):
        if if_needed and not assessments.needs_reassess():
            self.stdout.write("Không cần đánh giá lại (nothing to re-assess).")
            return

        def bar(done: int, total: int) -> None:
            width = 30
            filled = width * done // max(total, 1)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} kỳ")
            if done == total:
                sys.stderr.write("\n")

        run = assessments.reassess_job(now=clock.now(), progress=bar)
        self.stdout.write(f"Đã đánh giá lại {run.rows} dòng của {run.periods_total} kỳ "
                          f"(re-assessed {run.rows} rows in {run.periods_total} periods).")
