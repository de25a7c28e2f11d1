import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from tiendo.lib import clock
from tiendo.reminders import planner
from tiendo.reminders.management.commands._clock import parse_now
from tiendo.reminders.texts import vn_date


class Command(BaseCommand):
    # The worker and the planner need no URL, template or admin checks: they must keep
    # running whatever state the web side is in.
    requires_system_checks: list = []
    help = ("Lập các nhắc việc đến hạn tại một thời điểm và xếp vào hàng đợi (không gửi). "
            "(Plan the reminders due at a moment and queue them; the worker sends them.)")

    def add_arguments(self, parser):
        parser.add_argument("--now", help="Thời điểm, ISO 8601 (moment; default: now).")
        parser.add_argument("--dry-run", action="store_true",
                            help="Chỉ in ra, không ghi gì (print only, write nothing).")
        parser.add_argument("--json", action="store_true", help="In JSON (print JSON).")

    def handle(self, *args, now=None, dry_run=False, json=False, **opts):
        moment = parse_now(now) or clock.now()
        result = planner.plan(now=moment, dry_run=dry_run)
        names = dict(get_user_model().objects.values_list("pk", "username"))
        rows = []
        for n in result.notifications:
            rows.append({"channel": "inapp", "key": n["key"],
                         "recipient": names.get(n["recipient"]), "kind": n["kind"],
                         "title": n["title"], "deadline": n["subject"].get("deadline"),
                         "deadline_vn": vn_date(n["subject"].get("deadline")),
                         "link": n["link"], "urgent": n["urgent"]})
        for o in result.outbox:
            items = o["payload"].get("items", [])
            rows.append({"channel": o["channel"], "key": o["key"],
                         "recipient": names.get(o["recipient"]), "address": o["address"],
                         "kind": o["payload"].get("kind"), "not_before": o["not_before"],
                         "items": [{"title": it["title"], "deadline": it.get("deadline"),
                                    "deadline_vn": vn_date(it.get("deadline")),
                                    "link": it["link"]} for it in items]})
        if json:
            self.stdout.write(_dumps(rows))
            return
        verb = "sẽ xếp hàng (would queue)" if dry_run else "đã xếp hàng (queued)"
        self.stdout.write(f"{len(result.notifications)} thông báo, {len(result.outbox)} thư "
                          f"{verb}.")
        for r in rows:
            if r["channel"] == "inapp":
                self.stdout.write(f"  [{r['recipient']}] {r['title']}")


def _dumps(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)
