import json

from django.core.management.base import BaseCommand

from tiendo.lib import clock
from tiendo.lib.clock import vn_day
from tiendo.orgs.access import system_user
from tiendo.shared.commands import parse_day
from tiendo.tasks.queries import task_rows
from tiendo.tasks.rules import TaskStatus


class Command(BaseCommand):
    help = (
        "Danh sách nhiệm vụ với trạng thái tại một ngày (tasks with their status on a date): "
        "in_progress, overdue, done_on_time, done_late."
    )

    def add_arguments(self, parser):
        parser.add_argument("--on", help="Ngày xét (date), YYYY-MM-DD hoặc dd/mm/yyyy; mặc định "
                                         "hôm nay (default today).")
        parser.add_argument("--unit", help="Mã đơn vị chủ trì hoặc phối hợp (unit code).")
        parser.add_argument("--status", choices=[s.value for s in TaskStatus],
                            help="Lọc theo trạng thái (filter by status).")
        parser.add_argument("--json", action="store_true", help="In JSON (print JSON).")

    def handle(self, *args, on=None, unit=None, status=None, json=False, **opts):
        day = parse_day(on) if on else clock.today()
        rows = task_rows(user=system_user(), on=day, unit_code=unit, status=status)
        if json:
            self.stdout.write(_dumps([{**r.as_json(), "on": day.isoformat()} for r in rows]))
            return
        for r in rows:
            s = r.status
            extra = f" ({s.days_overdue} ngày)" if s.days_overdue else ""
            deadline = vn_day(s.deadline_in_force) or "—"
            self.stdout.write(f"{deadline:10} {s.label_vi}{extra:10} "
                              f"{r.task.lead_unit.code:18} {r.task.title[:70]}")


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)
