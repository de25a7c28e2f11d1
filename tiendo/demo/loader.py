"""Load the Lâm Đồng demo workspace. Its units, documents, the report's indicators, targets
and figures, and its tasks are a workbook (tiendo.demo.workspace) loaded through the import,
then its history and term plan (tiendo.demo.history), also through the import; the people,
and what they did in Q1 (figures submitted and approved, tasks done or in progress, with their
dates), go through the services. The audit log shows how it was built.

Idempotent: when the workspace is already there, nothing is written.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from tiendo.audit.services import record
from tiendo.demo.history import load_history
from tiendo.demo.people import load_demo_people
from tiendo.demo.scoring import load_demo as load_demo_ratings
from tiendo.demo.units import FOCAL_UNITS, PEOPLE, Q1_TASKS, Q2_TASKS
from tiendo.demo.workspace import load_workspace
from tiendo.indicators import services as ind
from tiendo.indicators.models import Figure, FigureState, Indicator
from tiendo.lib.clock import VN
from tiendo.orgs.models import Unit
from tiendo.reports import services as report_services
from tiendo.tasks import services as tasks
from tiendo.tasks.models import Task
from tiendo.units import services as orgs

DATA = Path(__file__).resolve().parent / "data" / "lamdong-2026q1.json"
REPORT = Path(__file__).resolve().parent / "data" / "lamdong-2026q1-report.txt"
MARKER_UNIT = "ubnd-tinh"
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
        load_demo_ratings(actor=admin)  # Q1 tasks and marks, and a proposed rating
        load_demo_people(actor=admin)  # positions, work items and evaluations
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
    admin = orgs.user_create(actor=None, username="admin", email="admin@demo.tiendo.vn",
                             full_name={p[0]: p[1] for p in PEOPLE}["admin"],
                             password=password, is_sample=True)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    record(actor=None, action="user.grant_admin", obj=admin,
           after={"is_staff": True, "is_superuser": True})
    # units, documents, indicators, targets, figures (drafts) and tasks: through the import
    load_workspace(actor=admin)
    units = {u.code: u for u in Unit.objects.all()}

    users = {"admin": admin}
    for username, full_name, roles in PEOPLE:
        if username != "admin":
            users[username] = orgs.user_create(
                actor=None, username=username, email=f"{username}@demo.tiendo.vn",
                full_name=full_name, password=password, is_sample=True)
        for unit_code, role, head in roles:
            orgs.membership_add(actor=None, user=users[username], unit=units[unit_code],
                                role=role, is_head=head)
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
    office, focal = users["vanphong"], users["thongke"]

    # The report is the Đảng ủy UBND tỉnh's (its closing sentence says so): the workspace's
    # reports are issued in its name, under Hướng dẫn 36-HD/VPTW. The signer is sample data.
    report_services.profile_set(
        actor=None, issuer=units["dang-uy-ubnd-tinh"],
        recipients="Ban Thường vụ Tỉnh ủy (để b/c)\nCác đồng chí Ủy viên Ban Chấp hành Đảng bộ"
                   "\nCác tổ chức cơ sở đảng trực thuộc\nLưu Văn phòng Đảng ủy",
        signer_power="T/M BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ",
        signer_name=f"Nguyễn Văn A ({SAMPLE})")

    # What people did in Q1, with its dates: the focal point submits the report's figures,
    # the office approves them; the units report their tasks done or their progress.
    for figure in Figure.objects.filter(state=FigureState.DRAFT).order_by("pk"):
        figure = ind.figure_submit(actor=focal, figure=figure, now=_at("2026-04-03"))
        ind.figure_approve(actor=office, figure=figure, now=_at("2026-04-06"))
    focal_of = {state: name for name, state, _p in FOCAL_UNITS}
    focal_of.update({party: name for name, _s, party in FOCAL_UNITS if party})
    for code, _title, _deadline, done_on, lead, _product in Q1_TASKS:
        task = Task.objects.get(code=code)
        actor = users.get(focal_of.get(lead), office)
        if done_on:
            tasks.task_report_done(actor=actor, task=task, completed_on=_d(done_on),
                                   note="Đã ban hành văn bản.")
            tasks.task_accept(actor=office, task=task, now=_at(done_on, 15))
        else:
            tasks.progress_add(actor=actor, task=task, percent=60,
                               note="Đang lấy ý kiến các sở, ngành.", now=_at("2026-03-10"))
    counts = {
        "units": len(units), "users": len(users), "indicators": Indicator.objects.count(),
        "targets": len(data["targets"]), "figures": len(data["figures"]),
        "tasks": len(Q1_TASKS) + len(Q2_TASKS),
    }
    return DemoSummary(loaded=True, users=demo_usernames(), counts=counts), admin
