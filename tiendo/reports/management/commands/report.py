"""`tiendo report --period 2026-Q1 --format docx -o bao-cao.docx [--unit CODE]`."""

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from tiendo.lib import clock
from tiendo.orgs.access import system_user
from tiendo.reports.builds import FORMATS, BuildError, build

MSG_CANNOT_WRITE = "Không ghi được tệp {path}: {error}. (cannot write the file)"
MSG_UNKNOWN_UNIT = _("Không có đơn vị mã “{code}”.")
MSG_BAD_DATE = _("Ngày không hợp lệ “{value}”: cần dạng YYYY-MM-DD.")
MSG_WROTE = _("Đã ghi {path} ({size} byte).")


class Command(BaseCommand):
    help = "Lập báo cáo quý (docx, pdf) và bảng số liệu (xlsx, csv, json) của một kỳ."
    requires_system_checks: list = []  # a report needs no URL or admin checks

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="Kỳ: 2026-Q1, 2026-04, 2026…")
        parser.add_argument("--format", dest="fmt", default="docx", choices=sorted(FORMATS))
        parser.add_argument("-o", "--output", help="Tệp kết quả (mặc định: bao-cao-<kỳ>.<đuôi>)")
        parser.add_argument("--unit", help="Chỉ số liệu của đơn vị có mã này")
        parser.add_argument("--issuer", help="Mã cơ quan ban hành báo cáo (phần tiêu đề), khi "
                            "khác --unit; ví dụ dang-uy-ubnd-tinh")
        parser.add_argument("--tree", choices=["party", "state"],
                            help="Thể thức: party (Hướng dẫn 36) hay state (Nghị định 30)")
        parser.add_argument("--sheet", choices=["indicators", "tasks", "ratings"],
                            default="indicators",
                            help="Bảng xuất ra khi --format csv")
        parser.add_argument("--on", help="Ngày ghi trên báo cáo YYYY-MM-DD (mặc định: hạn báo "
                            "cáo của kỳ; the date line, default the reporting deadline)")

    def _fail(self, message: str):
        sys.stderr.write(f"tiendo report: {message}\n")
        raise SystemExit(2)

    def handle(self, *args, period, fmt, output, unit, tree, sheet, on, issuer=None,
               **options):
        dated = None
        if on:
            try:
                dated = date.fromisoformat(on)
            except ValueError:
                self._fail(MSG_BAD_DATE.format(value=on))
        try:
            built = build(fmt, user=system_user(), period=period, unit_code=unit, tree=tree,
                          on=clock.today(), dated=dated, sheet=sheet,
                          issuer_code=issuer)
        except BuildError as exc:
            self._fail(str(exc))
        except Http404:
            self._fail(MSG_UNKNOWN_UNIT.format(code=issuer if issuer and not unit else unit))
        path = Path(output or built.filename)
        # Write next to the target, then rename: never a half-written report.
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".",
                                       prefix=".tiendo-", suffix=path.suffix)
        except OSError as exc:
            self._fail(MSG_CANNOT_WRITE.format(path=path, error=exc.strerror))
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(built.content)
            os.replace(tmp, path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            self._fail(MSG_CANNOT_WRITE.format(path=path, error=exc.strerror))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.stdout.write(MSG_WROTE.format(path=path, size=len(built.content)))
