from django.core.management.base import BaseCommand, CommandError

from tiendo.web.assets import build_assets


class Command(BaseCommand):
    help = (
        "Dựng tệp giao diện từ npm vào static/vendor/ "
        "(build the front-end files from npm into static/vendor/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Dựng lại / rebuild.")

    def handle(self, *args, force=False, **options):
        try:
            copied = build_assets(force=force)
        except (RuntimeError, OSError) as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(", ".join(copied) if copied else "Đã sẵn sàng (already built).")
