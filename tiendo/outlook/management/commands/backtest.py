import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from tiendo.outlook.report import (
    TARGET_SEED,
    TASK_SEED,
    render_markdown,
    run_backtest,
    write_block,
)


class Command(BaseCommand):
    requires_system_checks: list = []  # pure computation: no database, no URLs
    help = (
        "Kiểm chứng cảnh báo sớm trên lịch sử tổng hợp (có mùa vụ cài sẵn): độ chính xác phân "
        "loại, sai số dự báo, AUC và hiệu chuẩn. (Backtest the early warning on synthetic "
        "history.)"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed",
            type=int,
            default=TARGET_SEED,
            help="Hạt giống cho chỉ tiêu (seed of the target history).",
        )
        parser.add_argument(
            "--task-seed",
            type=int,
            default=TASK_SEED,
            help="Hạt giống cho nhiệm vụ (seed of the task history).",
        )
        parser.add_argument("--json", action="store_true", help="In JSON (print JSON).")
        parser.add_argument(
            "--write",
            action="store_true",
            help="Ghi kết quả vào docs/early-warning.md (write the figures to "
            "docs/early-warning.md).",
        )

    def handle(self, *args, seed, task_seed, json=False, write=False, **opts):
        result = run_backtest(target_seed=seed, task_seed=task_seed)
        if json:
            self.stdout.write(_dumps(result))
        else:
            self.stdout.write(render_markdown(result))
        if write:
            path = Path(settings.BASE_DIR).parent / "docs" / "early-warning.md"
            write_block(path, "backtest", render_markdown(result))
            self.stderr.write(f"Đã ghi {path} (written).")


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)
