import json

from django.core.management.base import BaseCommand, CommandError

from tiendo.indicators.queries import figure_table
from tiendo.lib.periods import PeriodError, parse_period
from tiendo.lib.vn_numbers import format_vn_number
from tiendo.orgs.access import system_user
from tiendo.orgs.models import Unit


class Command(BaseCommand):
    help = (
        "Bảng chỉ tiêu của một kỳ: kế hoạch, thực hiện, tỷ lệ đạt, so với cùng kỳ, đánh giá. "
        "(The indicator table of a period: plan, actual, attainment, change, status.)"
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True,
                            help="Kỳ (period): 2026-Q1, quý I/2026, 2026-04, 2026…")
        parser.add_argument("--unit", help="Mã đơn vị (unit code), ví dụ ubnd-tinh.")
        parser.add_argument("--json", action="store_true", help="In JSON (print JSON).")

    def handle(self, *args, period, unit=None, json=False, **opts):
        try:
            p = parse_period(period)
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if unit and not Unit.objects.filter(code=unit).exists():
            raise CommandError(f"Không có đơn vị mã “{unit}” (no unit with code {unit}).",
                               returncode=2)
        rows = figure_table(user=system_user(), period=p, unit_code=unit)
        if json:
            self.stdout.write(_json_dumps([r.as_json() for r in rows]))
            return
        for r in rows:
            v = r.verdict
            self.stdout.write(
                f"{r.indicator.name[:60]:60} {r.unit.code:18} "
                f"KH {format_vn_number(r.plan):>12} TH {format_vn_number(r.actual):>12} "
                f"{r.indicator.unit_of_measure:12} {v.value if v else '':12}"
            )


def _json_dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)
