from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tiendo.transfer.exporting import export_workbook
from tiendo.transfer.management.commands._common import actor_for


class Command(BaseCommand):
    help = (
        "Xuất CSDL ra sổ tính cùng định dạng với lệnh import (export the database as a workbook "
        "in the import format): tiendo export --workbook -o TỆP.xlsx"
    )

    def add_arguments(self, parser):
        parser.add_argument("--workbook", action="store_true", required=True,
                            help="Xuất sổ tính nhập được (the importable workbook).")
        parser.add_argument("-o", "--output", required=True, help="Tệp ra (output .xlsx).")
        parser.add_argument("--user", help="Chỉ những gì người dùng này thấy (what this user "
                                           "sees; default: everything).")

    def handle(self, *args, workbook=True, output=None, user=None, **opts):
        if not output.endswith(".xlsx"):
            raise CommandError("Tệp ra phải là .xlsx (output must be .xlsx).", returncode=2)
        Path(output).write_bytes(export_workbook(user=actor_for(user)))
        self.stdout.write(f"Đã xuất (exported): {output}")
