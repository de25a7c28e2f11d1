from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tiendo.security.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu và tệp tải lên từ một bản sao lưu vào CSDL đang cấu hình "
        "(phải trống, trừ khi có --force). (Restore a backup into the configured database.)"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp sao lưu (backup archive).")
        parser.add_argument("--force", action="store_true",
                            help="Ghi đè dữ liệu đang có (overwrite existing data).")

    def handle(self, *args, file, force=False, **opts):
        from django.conf import settings

        if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
            settings.TIENDO_HOME.mkdir(parents=True, exist_ok=True)
        try:
            manifest = restore(Path(file), force=force)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc), returncode=1) from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"Đã khôi phục {rows} bản ghi từ {file} (sao lưu lúc "
                          f"{manifest['created_at']}). (restored {rows} rows)")
