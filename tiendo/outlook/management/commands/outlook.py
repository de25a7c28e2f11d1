import json

from django.core.management.base import BaseCommand, CommandError

from tiendo.lib.periods import PeriodError, parse_period
from tiendo.lib.vn_numbers import format_vn_number
from tiendo.orgs.access import system_user
from tiendo.orgs.models import Unit
from tiendo.outlook.queries import outlook
from tiendo.shared.commands import parse_day


class Command(BaseCommand):
    help = (
        "Cảnh báo sớm: chỉ tiêu năm có nguy cơ không đạt và nhiệm vụ có nguy cơ trễ hạn. "
        "(Early warning: annual targets likely to be missed and tasks likely to be late.)"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period", required=True, help="Kỳ xét (period): 2026-Q1, quý I/2026, 2026-04…"
        )
        parser.add_argument(
            "--on",
            help="Ngày xét nhiệm vụ (day for tasks), YYYY-MM-DD hoặc "
            "dd/mm/yyyy; mặc định: ngày cuối kỳ hoặc hôm nay nếu kỳ "
            "chưa hết (default: end of the period, or today).",
        )
        parser.add_argument("--unit", help="Mã đơn vị (unit code).")
        parser.add_argument("--json", action="store_true", help="In JSON (print JSON).")

    def handle(self, *args, period, on=None, unit=None, json=False, **opts):
        try:
            p = parse_period(period)
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if unit and not Unit.objects.filter(code=unit).exists():
            raise CommandError(
                f"Không có đơn vị mã “{unit}” (no unit with code {unit}).", returncode=2
            )
        result = outlook(
            user=system_user(), period=p, on=parse_day(on) if on else None, unit_code=unit
        )
        if json:
            self.stdout.write(_dumps(result.as_json()))
            return
        self.stdout.write(
            f"Cảnh báo sớm — {p.label_vi} (nhiệm vụ tính đến {result.on.strftime('%d/%m/%Y')})"
        )
        self.stdout.write("Chỉ tiêu:")
        for r in result.indicators:
            o = r.outlook
            self.stdout.write(
                f"  [{r.risk_label}] {r.indicator.name[:60]} — ước cả năm "
                f"{_n(o.projected)} ({_n(o.low)} – {_n(o.high)}) {r.unit_label}; "
                f"mục tiêu {r.target_text}"
            )
            self.stdout.write(f"      {o.method_vi}")
        self.stdout.write("Nhiệm vụ:")
        for r in result.tasks:
            self.stdout.write(f"  [{r.risk_label}] {r.task.title[:70]}")
            for reason in r.outlook.reasons:
                self.stdout.write(f"      - {reason}")


def _n(x) -> str:
    return "—" if x is None else format_vn_number(round(x, 2))


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)
