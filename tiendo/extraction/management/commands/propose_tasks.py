"""`tiendo propose-tasks FILE`: the tasks a plan section of a report asks for."""

import json
from dataclasses import replace

from django.core.management.base import BaseCommand, CommandError

from tiendo.extraction.engine import ReadError, read_document
from tiendo.extraction.engine.directives import propose_tasks
from tiendo.lib.cells import strip_formula_prefix
from tiendo.lib.clock import vn_day
from tiendo.lib.periods import PeriodError


def _units():
    """(code, name) of the current units, to guess the lead unit of each task."""
    from django.db import DatabaseError

    from tiendo.orgs.models import Unit

    try:
        return [(u.code, u.name) for u in Unit.objects.only("code", "name")]
    except DatabaseError:  # no database yet (`tiendo manage migrate` not run): no guess
        return []


class Command(BaseCommand):
    requires_system_checks = []  # reads a file; needs no URL or model checks
    help = (
        "Đề xuất nhiệm vụ từ phần phương hướng, nhiệm vụ của báo cáo (tiêu đề, hạn, chỉ tiêu "
        "gắn kèm, sản phẩm, đơn vị chủ trì). / Propose tasks from the plan section of a "
        "report (title, deadline, linked targets, product, lead unit)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp báo cáo / the report file")
        parser.add_argument("--json", action="store_true",
                            help="in JSON (một mảng) / print JSON (one array)")
        parser.add_argument("--period", metavar="KỲ",
                            help="kỳ của phần kế hoạch khi tiêu đề không ghi, ví dụ 2026-Q2 / "
                                 "the plan's period when its heading gives none")

    def handle(self, *args, **opts):
        try:
            doc = read_document(opts["file"])
            tasks = propose_tasks(doc.text, units=_units(), default_period=opts["period"])
            # a title a spreadsheet would take for a formula loses its prefix (lib/cells.py)
            tasks = [replace(t, title=strip_formula_prefix(t.title)) for t in tasks]
        except (ReadError, PeriodError) as exc:
            raise CommandError(str(exc), returncode=2) from None
        if opts["json"]:
            self.stdout.write(json.dumps([t.to_dict() for t in tasks], ensure_ascii=False,
                                         indent=2))
            return
        for t in tasks:
            deadline = vn_day(t.deadline) or "—"
            extra = []
            if t.product:
                extra.append(f"sản phẩm: {t.product}")
            if t.lead_unit:
                extra.append(f"chủ trì: {t.lead_unit}")
            targets = [n.text for s in t.targets for n in s.numbers if n.role == "target"]
            if targets:
                extra.append("chỉ tiêu: " + ", ".join(targets))
            tail = f"  ({'; '.join(extra)})" if extra else ""
            self.stdout.write(f"[{deadline}] {t.title}{tail}")
