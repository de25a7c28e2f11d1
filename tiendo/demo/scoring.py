"""Sample rating data for the Lâm Đồng demo (dữ liệu mẫu): Q1 2026 tasks and leaders' marks of
the base party organisations, then a proposed rating that shows every level and the quota.

The demo loader calls ``load_demo(actor=admin)`` (tiendo/demo/loader.py).
Everything goes through the services, so the audit log shows how it was built.

Expected Q1 2026 outcome (QD366-TCCS, quota of_tot): in the group "so-nganh" three units qualify
for xuất sắc but with 8 units at tốt or better only ⌊8/6⌋ = 1 may keep it; one unit is held at
tốt by the "≥ 30% exceeded" condition; one is hoàn thành (a task late, within 20%), one không
hoàn thành (overdue tasks), one has no quality mark yet (not rated); cb-ttcds, alone in its
group, qualifies but ⌊1/6⌋ = 0.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from tiendo.demo.units import FOCAL_UNITS
from tiendo.lib.clock import VN
from tiendo.orgs.models import Unit
from tiendo.scoring import services
from tiendo.scoring.models import MarkKind
from tiendo.tasks import services as tasks

SAMPLE = "dữ liệu mẫu"
PERIOD = "2026-Q1"
# The sample tasks come from the base organisations' work programme for the year (kỳ giao
# 2026), due in Q1: the report's own count of Q1 tasks (06 on time, 03 overdue) stays as it is.
PLAN_PERIOD = "2026"

# unit code: (quality mark or None, deductions, shortcomings noted, remedied,
#             [(title, deadline, completed_on or None, is_key, exceeded)])
PLAN = {
    "db-so-tai-chinh": (Decimal("9.5"), 0, 1, 1, [
        ("Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh đến chi bộ", "2026-01-31", "2026-01-26",
         True, True),
        ("Kế hoạch kiểm tra, giám sát năm 2026 của đảng bộ", "2026-02-15", "2026-02-10",
         False, True),
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-20", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-27", False, False),
    ]),
    "db-so-y-te": (Decimal("9.0"), 0, 0, 0, [
        ("Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh đến chi bộ", "2026-01-31", "2026-01-29",
         True, True),
        ("Kế hoạch phát triển đảng viên năm 2026", "2026-02-28", "2026-02-20", False, True),
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-24", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-30", False, False),
    ]),
    "db-so-giao-duc": (Decimal("8.5"), 0, 0, 0, [
        ("Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh đến chi bộ", "2026-01-31", "2026-01-30",
         True, True),
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-23", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-31", False, False),
    ]),
    "db-so-cong-thuong": (Decimal("8.0"), 0, 0, 0, [
        ("Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh đến chi bộ", "2026-01-31", "2026-01-30",
         True, False),
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-25", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-28", False, False),
    ]),
    "db-so-khcn": (Decimal("7.0"), 0, 0, 0, [
        ("Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh đến chi bộ", "2026-01-31", "2026-01-31",
         True, False),
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-20", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-26", False, False),
    ]),
    "db-so-noi-vu": (Decimal("7.5"), 0, 2, 1, [
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-24", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-30", False, False),
    ]),
    "db-so-xay-dung": (Decimal("8.0"), 1, 0, 0, [
        ("Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh đến chi bộ", "2026-01-31", "2026-01-28",
         True, False),
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-25", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-31", False, False),
    ]),
    "cb-van-phong-ubnd": (Decimal("7.0"), 0, 0, 0, [
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-19", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-31", False, False),
    ]),
    "db-so-nong-nghiep": (Decimal("7.0"), 0, 0, 0, [
        ("Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh đến chi bộ", "2026-01-31", "2026-01-30",
         True, False),
        ("Kế hoạch kiểm tra, giám sát năm 2026 của đảng bộ", "2026-02-15", "2026-02-24",
         False, False),
        ("Kế hoạch phát triển đảng viên năm 2026", "2026-02-28", "2026-02-27", False, False),
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-25", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-30", False, False),
    ]),
    "db-so-van-hoa": (Decimal("6.0"), 0, 1, 0, [
        ("Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh đến chi bộ", "2026-01-31", None,
         True, False),
        ("Kế hoạch kiểm tra, giám sát năm 2026 của đảng bộ", "2026-02-15", "2026-02-12",
         False, False),
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-25", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", None, False, False),
    ]),
    "cb-thanh-tra": (None, 0, 0, 0, [
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-23", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-29", False, False),
    ]),
    "cb-ttcds": (Decimal("9.0"), 0, 0, 0, [
        ("Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh đến chi bộ", "2026-01-31", "2026-01-22",
         True, True),
        ("Báo cáo công tác đảng quý I", "2026-03-25", "2026-03-20", False, False),
        ("Sinh hoạt chuyên đề quý I", "2026-03-31", "2026-03-26", False, False),
    ]),
}

# (unit code, focal username): sample self-assessments; the first is also reviewed, confirmed
# and published by the inspection board, the second reviewed, so the browser flow can go on.
WORKFLOW = [("db-so-tai-chinh", "taichinh"), ("db-so-nong-nghiep", "nongnghiep"),
            ("db-so-y-te", "yte"), ("db-so-van-hoa", "vanhoa")]
INSPECTOR = "kiemtra"


def _at(day: str, hour: int = 16) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), VN).replace(hour=hour)


def load_demo_ratings(*, actor) -> list:
    """Sample tasks and marks for 2026-Q1, then the proposal and a few workflow steps."""
    units = {u.code: u for u in Unit.objects.filter(code__in=PLAN)}
    if not units:
        return []
    evidence = f"Biên bản họp Ban Thường vụ Đảng ủy UBND tỉnh, tháng 4/2026 ({SAMPLE})."
    link_state_bodies(actor=actor)
    for code, (quality, deductions, noted, remedied, task_rows) in PLAN.items():
        unit = units.get(code)
        if unit is None:
            continue
        for i, (title, deadline, done_on, key, exceeded) in enumerate(task_rows, start=1):
            task = tasks.task_create(
                actor=actor, title=title, lead_unit=unit, deadline=date.fromisoformat(deadline),
                code=f"xl-{code}-{i}", period=PLAN_PERIOD, is_key=key, is_sample=True,
                start_date=date(2026, 1, 5),
                source_note=f"Chương trình công tác năm 2026 của tổ chức cơ sở đảng, hạn trong "
                            f"quý I ({SAMPLE}).")
            if done_on:
                tasks.task_report_done(actor=actor, task=task,
                                       completed_on=date.fromisoformat(done_on),
                                       note=f"Đã hoàn thành ({SAMPLE}).")
                tasks.task_accept(actor=actor, task=task, now=_at(done_on))
            if exceeded:
                services.mark_add(actor=actor, unit=unit, period=PERIOD,
                                  kind=MarkKind.EXCEEDED_TASK, task=task, evidence=evidence,
                                  is_sample=True)
        if quality is not None:
            services.mark_add(actor=actor, unit=unit, period=PERIOD, kind=MarkKind.QUALITY,
                              value=quality, evidence=evidence, is_sample=True)
        for kind, value in ((MarkKind.DEDUCTION, deductions),
                            (MarkKind.SHORTCOMING_NOTED, noted),
                            (MarkKind.SHORTCOMING_REMEDIED, remedied)):
            if value:
                services.mark_add(actor=actor, unit=unit, period=PERIOD, kind=kind, value=value,
                                  evidence=evidence, is_sample=True)
    ratings = services.rating_propose(actor=actor, period=PERIOD, framework_code="QD366-TCCS",
                                      now=_at("2026-04-08", 9), is_sample=True)
    by_unit = {r.unit.code: r for r in ratings}
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=[f for _c, f in WORKFLOW] + [INSPECTOR])}
    for code, focal in WORKFLOW:
        rating = by_unit.get(code)
        if rating is None or focal not in users or not rating.level:
            continue
        services.rating_self_assess(
            actor=users[focal], rating=rating, level=rating.level, now=_at("2026-04-10", 10),
            comment=f"Đơn vị thống nhất với mức đề xuất ({SAMPLE}).")
    inspector = users.get(INSPECTOR)
    if inspector is not None:
        first, second = by_unit.get(WORKFLOW[0][0]), by_unit.get(WORKFLOW[1][0])
        if first is not None and first.level:
            first = services.rating_review(actor=inspector, rating=first, now=_at("2026-04-14"),
                                           note=f"Hồ sơ đầy đủ ({SAMPLE}).")
            first = services.rating_confirm(actor=inspector, rating=first,
                                            now=_at("2026-04-15"))
            services.rating_publish(actor=inspector, rating=first, now=_at("2026-04-20"))
        if second is not None and second.level:
            services.rating_review(actor=inspector, rating=second, now=_at("2026-04-14"),
                                   note=f"Có 01 nhiệm vụ hoàn thành quá hạn ({SAMPLE}).")
    return ratings


def link_state_bodies(*, actor) -> int:
    """Link each base organisation to the State body it leads (Đảng bộ Sở Tài chính → Sở Tài
    chính), from the demo's focal-unit pairs; returns how many links were set."""

    pairs = [(party, state) for _user, state, party in FOCAL_UNITS if party]
    units = {u.code: u for u in Unit.objects.filter(
        code__in=[c for pair in pairs for c in pair])}
    n = 0
    for party, state in pairs:
        if party in units and state in units:
            services.state_body_link_set(
                actor=actor, party_unit=units[party], state_unit=units[state], is_sample=True,
                note=f"Tổ chức cơ sở đảng trong cơ quan ({SAMPLE}).")
            n += 1
    return n


def load_demo(*, actor) -> None:
    """Hook called by tiendo/demo/loader.py."""
    load_demo_ratings(actor=actor)
