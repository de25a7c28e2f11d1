import json
import sys
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from tiendo.transfer.exporting import template_workbook
from tiendo.transfer.management.commands._common import StderrBar, actor_for
from tiendo.transfer.services import workbook_import


class Command(BaseCommand):
    help = (
        "Nhập sổ tính Excel (đơn vị, văn bản, chỉ tiêu, kế hoạch, số liệu, nhiệm vụ): kiểm tra "
        "mọi dòng trước, có lỗi thì không ghi gì và thoát mã 2. (Import a workbook of units, "
        "documents, indicators, targets, figures and tasks: every row is checked first; on any "
        "error nothing is written and the exit code is 2.) See docs/import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Tệp .xlsx (the .xlsx file).")
        parser.add_argument("--dry-run", action="store_true",
                            help="Chỉ kiểm tra, không ghi (check only, write nothing).")
        parser.add_argument("--json", action="store_true",
                            help="In kết quả JSON: created, updated, unchanged, errors.")
        parser.add_argument("--user", help="Nhập với quyền của người dùng này (import as this "
                                           "user; default: the command line, as administrator).")
        parser.add_argument("--template", action="store_true",
                            help="Ghi sổ tính mẫu trống ra -o (write the empty template to -o).")
        parser.add_argument("-o", "--output", help="Tệp ra của --template (output file).")

    def handle(self, *args, file=None, dry_run=False, json=False, user=None, template=False,
               output=None, **opts):
        # A province moving in starts from an empty TIENDO_HOME: the tables are made first
        # (nothing happens when the database is up to date).
        call_command("migrate", interactive=False, verbosity=0)
        actor = actor_for(user)
        if template:
            if not output:
                raise CommandError("Cần -o TỆP.xlsx (-o FILE.xlsx is required).", returncode=2)
            Path(output).write_bytes(template_workbook(user=actor))
            self.stdout.write(f"Đã ghi sổ tính mẫu (template written): {output}")
            return
        if not file:
            raise CommandError("Cần tên tệp .xlsx (a .xlsx file is required).", returncode=2)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không thấy tệp “{file}” (file not found).", returncode=2)
        bar = None if json or opts.get("verbosity", 1) == 0 else StderrBar(self.stderr._out)
        if json and sys.stderr.isatty():
            bar = StderrBar()
        result = workbook_import(actor=actor, source=path.read_bytes(), dry_run=dry_run,
                                 progress=bar)
        if json:
            self.stdout.write(_dumps(result.as_json()))
        else:
            for sheet, c in result.counts.items():
                self.stdout.write(f"{sheet}: tạo mới (created) {c['created']}, cập nhật "
                                  f"(updated) {c['updated']}, giữ nguyên (unchanged) "
                                  f"{c['unchanged']}")
            if dry_run and not result.errors:
                self.stdout.write("Chạy thử: chưa ghi gì (dry run: nothing written).")
        if result.errors:
            if not json:
                for e in result.errors[:200]:
                    self.stderr.write(e.message)
                if len(result.errors) > 200:
                    self.stderr.write(f"… và {len(result.errors) - 200} lỗi khác (more errors).")
            raise CommandError(f"Tệp có {len(result.errors)} lỗi, không ghi gì "
                               f"({len(result.errors)} errors, nothing written).", returncode=2)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)
