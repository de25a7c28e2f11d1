from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tiendo.security.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Sao lưu toàn bộ cơ sở dữ liệu và tệp tải lên vào một tệp, trong khi ứng dụng vẫn chạy. "
        "(Back up the database and uploads into one archive, consistently, while the app runs.)"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp đích (archive), ví dụ tiendo-2026-04-15.tar.gz")
        parser.add_argument("--method", choices=["auto", "sqlite", "pg_dump", "json"],
                            default="auto", help="Cách sao lưu (mặc định: tự chọn).")

    def handle(self, *args, file, method="auto", **opts):
        try:
            manifest = backup(Path(file), method=method)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc), returncode=1) from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"Đã sao lưu {rows} bản ghi ({manifest['method']}) vào {file}. "
                          f"(backed up {rows} rows)")
