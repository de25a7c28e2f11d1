"""`tiendo signoff …`: the sign-off of a quarterly report from the command line.

    tiendo signoff list
    tiendo signoff create --period 2026-Q1 --issuer dang-uy-ubnd-tinh --as vanphong
    tiendo signoff review <id> --as vanphong
    tiendo signoff approve <id> --as lanhdao
    tiendo signoff return <id> --as lanhdao --reason "Bổ sung số liệu"
    tiendo signoff issue <id> --as vanphong --number 15-BC/ĐU --date 2026-04-10
    tiendo signoff export <id> --format pdf -o bc.pdf     # the stored, issued file
    tiendo signoff verify bc.pdf                        # its PAdES signature

Each step acts as the named user (``--as``), through the same services as the pages.
"""

import sys
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from tiendo.lib import clock
from tiendo.orgs import access
from tiendo.orgs.access import system_user
from tiendo.reports import services
from tiendo.reports.queries import get_signoff_for_user, signoffs_for

MSG_NO_USER = _("Không có người dùng “{name}”.")
MSG_NO_REPORT = _("Không có báo cáo trình ký số {pk}.")
MSG_BAD_DATE = _("Ngày không hợp lệ “{value}”: cần dạng YYYY-MM-DD.")
MSG_NOT_ISSUED = _("Báo cáo chưa ban hành: chưa có tệp lưu cố định.")


class Command(BaseCommand):
    help = ("Trình ký báo cáo quý: lập dự thảo, rà soát, duyệt, trả lại, ban hành, xuất tệp đã "
            "ban hành, kiểm tra chữ ký số. (Sign off the quarterly report.)")
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("step", choices=["list", "create", "review", "approve", "return",
                                             "issue", "export", "verify"])
        parser.add_argument("target", nargs="?",
                            help="Số báo cáo trình ký (hoặc tệp PDF với verify)")
        parser.add_argument("--as", dest="username", help="Người thực hiện (tên đăng nhập)")
        parser.add_argument("--period", help="Kỳ, ví dụ 2026-Q1 (create)")
        parser.add_argument("--issuer", help="Mã cơ quan ban hành (create)")
        parser.add_argument("--number", help="Số văn bản (issue), ví dụ 15-BC/ĐU")
        parser.add_argument("--date", help="Ngày ban hành YYYY-MM-DD (issue; mặc định hôm nay)")
        parser.add_argument("--reason", default="", help="Lý do trả lại (return)")
        parser.add_argument("--format", dest="fmt", choices=["docx", "pdf"], default="pdf")
        parser.add_argument("-o", "--output", help="Tệp ghi ra (export)")

    def _fail(self, message: str):
        sys.stderr.write(f"tiendo signoff: {message}\n")
        raise SystemExit(2)

    def _user(self, name):
        if not name:
            return system_user()
        user = get_user_model().objects.filter(username=name).first()
        if user is None:
            self._fail(MSG_NO_USER.format(name=name))
        return user

    def _signoff(self, user, target):
        try:
            return get_signoff_for_user(user, int(target or ""))
        except (Http404, ValueError):
            self._fail(MSG_NO_REPORT.format(pk=target))

    def handle(self, *args, step, target, username, period, issuer, number, date, reason, fmt,
               output, **options):
        from tiendo.reports.signing import verify_pdf

        if step == "verify":
            if not target or not Path(target).is_file():
                self._fail(f"Không đọc được tệp “{target}”.")
            result = verify_pdf(Path(target).read_bytes())
            self.stdout.write(result.message)
            if not result.ok:
                raise SystemExit(1)
            return
        user = self._user(username)
        try:
            self._step(step, user, target, period, issuer, number, date, reason, fmt, output)
        except (ValidationError, PermissionDenied) as exc:
            self._fail(" ".join(getattr(exc, "messages", [str(exc)])))
        except Http404:
            self._fail(f"Không có đơn vị mã “{issuer}”.")

    def _step(self, step, user, target, period, issuer, number, day, reason, fmt, output):
        if step == "list":
            for s in signoffs_for(user=user):
                self.stdout.write(f"{s.pk}\t{s.period}\t{s.issuer.code}\t{s.state}\t{s.number}")
            return
        if step == "create":
            unit = access.get_unit_by_code_for_user(user, issuer or "")
            s = services.signoff_create(actor=user, period=period or "", issuer=unit)
        else:
            s = self._signoff(user, target)
        if step == "review":
            s = services.signoff_review(actor=user, signoff=s)
        elif step == "approve":
            s = services.signoff_approve(actor=user, signoff=s)
        elif step == "return":
            s = services.signoff_return(actor=user, signoff=s, reason=reason)
        elif step == "issue":
            try:
                issued_on = date.fromisoformat(day) if day else clock.today()
            except ValueError:
                self._fail(MSG_BAD_DATE.format(value=day))
            s = services.signoff_issue(actor=user, signoff=s, number=number or "",
                                       issued_on=issued_on, today=clock.today())
        elif step == "export":
            if not s.docx:
                self._fail(MSG_NOT_ISSUED)
            path = Path(output or f"bao-cao-{s.period}.{fmt}")
            path.write_bytes(bytes(getattr(s, fmt)))
            self.stdout.write(f"Đã ghi {path}.")
            return
        self.stdout.write(f"{s.pk}\t{s.period}\t{s.issuer.code}\t{s.state}\t{s.number}")
