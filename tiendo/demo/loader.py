"""Load the Lâm Đồng demo workspace: units, people, the report's indicators, figures, plans
and tasks. Every write goes through the services, so the audit log shows how it was built.

Idempotent: when the workspace is already there, nothing is written.
"""

import importlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction

from tiendo.audit.services import record
from tiendo.demo.history import load_history
from tiendo.demo.units import FOCAL_UNITS, PEOPLE, Q1_TASKS, Q2_TASKS, UNITS
from tiendo.indicators import services as ind
from tiendo.indicators.models import Indicator
from tiendo.orgs import services as orgs
from tiendo.orgs.models import Unit
from tiendo.programmes.models import Programme
from tiendo.reports import services as report_services
from tiendo.tasks import services as tasks

DATA = Path(__file__).resolve().parent / "data" / "lamdong-2026q1.json"
REPORT = Path(__file__).resolve().parent / "data" / "lamdong-2026q1-report.txt"
VN = ZoneInfo("Asia/Ho_Chi_Minh")
MARKER_UNIT = "ubnd-tinh"
# Other apps add their demo data by exposing `load_demo(*, actor)` in tiendo/<app>/demo.py.
EXTENSION_APPS = ("scoring", "reminders", "outlook", "reports", "extraction")
SAMPLE = "dữ liệu mẫu"


@dataclass
class DemoSummary:
    loaded: bool
    users: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)


def _d(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _at(day: str, hour: int = 9) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), VN).replace(hour=hour)


def demo_usernames() -> list[str]:
    return [p[0] for p in PEOPLE] + [f[0] for f in FOCAL_UNITS]


def load_demo(*, password: str) -> DemoSummary:
    """All or nothing: the workspace and the other apps' demo data load in one transaction."""
    if Unit.objects.filter(code=MARKER_UNIT).exists():
        ensure_demo_password(password=password)
        return DemoSummary(loaded=False, users=demo_usernames())
    with transaction.atomic():
        summary, admin = _load(password)
        load_history(actor=admin)  # sample history and term plan, through the import
        for app in EXTENSION_APPS:
            try:
                module = importlib.import_module(f"tiendo.{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"tiendo.{app}.demo":
                    raise
                continue
            if hasattr(module, "load_demo"):
                module.load_demo(actor=admin)
        importlib.import_module("tiendo.demo.people").load_demo_people(actor=admin)
    return summary


def ensure_demo_password(*, password: str) -> int:
    """Give the demo users this password if they have another one (audited); returns how many
    changed. With the same password nothing is written."""
    changed = 0
    for user in get_user_model().objects.filter(username__in=demo_usernames()):
        if not user.check_password(password):
            with transaction.atomic():
                user.set_password(password)
                user.save(update_fields=["password"])
                record(actor=None, action="demo.password_set", object_type="auth.user",
                       object_id=str(user.pk), reason="TIENDO_DEMO_PASSWORD")
            changed += 1
    return changed


def _load(password: str) -> tuple[DemoSummary, object]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    units: dict[str, Unit] = {}
    for (code, name, tree, kind, parent, peer, sample, vfrom, _vto, _succ) in UNITS:
        units[code] = orgs.unit_create(
            actor=None, code=code, name=name, tree=tree, kind=kind,
            parent=units.get(parent) if parent else None, peer_group=peer, is_sample=sample,
            valid_from=_d(vfrom),
        )
    for (code, *_rest, valid_to, successors) in UNITS:
        if successors:
            orgs.unit_merge(actor=None, merged=[units[code]], into=units[successors[0]],
                            effective=date.fromordinal(_d(valid_to).toordinal() + 1))

    users = {}
    for username, full_name, roles in PEOPLE:
        users[username] = orgs.user_create(
            actor=None, username=username, email=f"{username}@demo.tiendo.vn",
            full_name=full_name, password=password, is_sample=True)
        for unit_code, role, head in roles:
            orgs.membership_add(actor=None, user=users[username], unit=units[unit_code],
                                role=role, is_head=head)
    users["admin"].is_staff = users["admin"].is_superuser = True
    users["admin"].save()
    record(actor=None, action="user.grant_admin", obj=users["admin"],
           after={"is_staff": True, "is_superuser": True})
    for username, state_unit, party_unit in FOCAL_UNITS:
        unit = units[state_unit]
        users[username] = orgs.user_create(
            actor=None, username=username, email=f"{username}@demo.tiendo.vn",
            full_name=f"Đầu mối {unit.name} ({SAMPLE})", password=password, is_sample=True)
        orgs.membership_add(actor=None, user=users[username], unit=unit, role="focal",
                            is_head=False)
        if party_unit:
            orgs.membership_add(actor=None, user=users[username], unit=units[party_unit],
                                role="focal")
    admin, office, focal = users["admin"], users["vanphong"], users["thongke"]

    report = Programme.objects.create(
        code="bc-quy-i-2026", kind="bao_cao",
        title="Báo cáo tình hình thực hiện nhiệm vụ quý I và phương hướng, nhiệm vụ trọng tâm "
              "quý II/2026 của Đảng ủy Ủy ban nhân dân tỉnh",
        period="2026-Q1", issuing_unit=units["dang-uy-ubnd-tinh"], source_note=data["source"])
    action = Programme.objects.create(
        code="cth-nq-dai-hoi-2025-2030", kind="chuong_trinh_hanh_dong",
        title="Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh và Nghị quyết "
              "Đại hội Đảng bộ UBND tỉnh nhiệm kỳ 2025 - 2030",
        term_start=2025, term_end=2030, issuing_unit=units["dang-uy-ubnd-tinh"],
        source_note="Nêu tại mục B của báo cáo quý I/2026.")

    # The report is the Đảng ủy UBND tỉnh's (its closing sentence says so): the workspace's
    # reports are issued in its name, under Hướng dẫn 36-HD/VPTW. The signer is sample data.
    report_services.profile_set(
        actor=None, issuer=units["dang-uy-ubnd-tinh"],
        recipients="Ban Thường vụ Tỉnh ủy (để b/c)\nCác đồng chí Ủy viên Ban Chấp hành Đảng bộ"
                   "\nCác tổ chức cơ sở đảng trực thuộc\nLưu Văn phòng Đảng ủy",
        signer_power="T/M BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ",
        signer_name=f"Nguyễn Văn A ({SAMPLE})")

    owner_of = {}
    for order, row in enumerate(data["indicators"], start=1):
        owner = units["dang-uy-ubnd-tinh"] if row.get("owner") == "party" else units["ubnd-tinh"]
        owner_of[row["code"]] = owner
        ind.indicator_create(
            actor=admin, code=row["code"], name=row["name"],
            unit_of_measure=row["unit_of_measure"], direction=row["direction"],
            field=row["field"], is_cumulative=row["is_cumulative"], is_key=row["is_key"],
            rollup="sum" if row["is_cumulative"] else "none", sort_order=order,
            programme=report, description=f"Nguồn: {row['source']} của báo cáo quý I/2026.",
        )
    catalogue = {i.code: i for i in Indicator.objects.all()}
    for t in data["targets"]:
        ind.target_set(
            actor=office, indicator=catalogue[t["indicator"]], unit=owner_of[t["indicator"]],
            period=t["period"], value=Decimal(str(t["value"])), bound=t["bound"],
            scope=t["scope"], basis=t.get("basis", ""),
            programme=action if t["period"] != "2026-Q1" else report,
            note=f"Báo cáo ghi “{t['source_text']}”.",
        )
    for f in data["figures"]:
        figure = ind.figure_save_draft(
            actor=focal, indicator=catalogue[f["indicator"]], unit=owner_of[f["indicator"]],
            period=f["period"], value=Decimal(str(f["value"])), is_estimate=f["is_estimate"],
            change=Decimal(str(f["change"])) if f["change"] is not None else None,
            reported=f["reported"], source=f"Báo cáo quý I/2026: “{f['source_text']}”",
        )
        figure = ind.figure_submit(actor=focal, figure=figure, now=_at("2026-04-03"))
        ind.figure_approve(actor=office, figure=figure, now=_at("2026-04-06"))

    focal_of = {state: name for name, state, _p in FOCAL_UNITS}
    focal_of.update({party: name for name, _s, party in FOCAL_UNITS if party})
    for code, title, deadline, done_on, lead, product in Q1_TASKS:
        task = tasks.task_create(
            actor=office, title=title, lead_unit=units[lead], deadline=_d(deadline),
            code=code, expected_product=product, programme=action, period="2026-Q1",
            start_date=date(2026, 1, 5), is_sample=True, is_key=True,
            source_note=f"Nhiệm vụ quý I ({SAMPLE}); báo cáo nêu 06 nhiệm vụ hoàn thành đúng "
                        "tiến độ và 03 nhiệm vụ đến hạn chưa hoàn thành.",
        )
        actor = users.get(focal_of.get(lead), office)
        if done_on:
            tasks.task_report_done(actor=actor, task=task, completed_on=_d(done_on),
                                   note="Đã ban hành văn bản.")
            tasks.task_accept(actor=office, task=task, now=_at(done_on, 15))
        else:
            tasks.progress_add(actor=actor, task=task, percent=60,
                               note="Đang lấy ý kiến các sở, ngành.", now=_at("2026-03-10"))
    for code, title, deadline, product, key, lead, coord, section in Q2_TASKS:
        tasks.task_create(
            actor=office, title=title, lead_unit=units[lead], deadline=_d(deadline), code=code,
            expected_product=product, is_key=key, programme=action, period="2026-Q2",
            start_date=date(2026, 4, 1), coordinating_units=[units[c] for c in coord],
            is_sample=True,
            source_note=f"Báo cáo quý I/2026, mục {section}; đơn vị chủ trì: {SAMPLE}.",
        )
    counts = {
        "units": len(units), "users": len(users), "indicators": len(catalogue),
        "targets": len(data["targets"]), "figures": len(data["figures"]),
        "tasks": len(Q1_TASKS) + len(Q2_TASKS),
    }
    return DemoSummary(loaded=True, users=demo_usernames(), counts=counts), admin
