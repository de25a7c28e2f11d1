"""Sample people for the Lâm Đồng demo (dữ liệu mẫu): 3 departments with a head, a deputy,
2 managers and 10 civil servants each (30 civil servants, 12 leaders and managers), their Q1
2026 work items and the evaluation chain at every step. Every write goes through the people
services, so the audit log shows how it was built.

The loader calls ``load_demo_people(actor=admin)``. Demo people log in with the demo password
(their password hash is the administrator's at load time).

Per department, the ten civil servants follow the same pattern (index 0–9): six qualify for
xuất sắc by score, two are tốt, one hoàn thành and one không hoàn thành, so the per-unit quota
(⌊8/6⌋ = 1 xuất sắc) is at work in every department.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model

from tiendo.audit.services import record
from tiendo.lib.clock import VN
from tiendo.lib.periods import Period
from tiendo.orgs.models import Unit
from tiendo.people import queries, services
from tiendo.people.models import Rank
from tiendo.scoring import services as scoring
from tiendo.scoring.models import MarkKind
from tiendo.scoring.queries import framework_version
from tiendo.tasks.models import Task
from tiendo.units import services as orgs

SAMPLE = "dữ liệu mẫu"
PERIOD = "2026-Q1"
TODAY = date(2026, 4, 6)

# (unit code, username prefix, how far the chain goes: "concluded" | "assessed")
# Every civil servant is assessed by their manager (so all 30 are rated); only Sở Tài chính's
# head has concluded.
DEPARTMENTS = [("so-tai-chinh", "tc", "concluded"), ("so-noi-vu", "nv", "assessed"),
               ("so-khcn", "kh", "assessed")]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Võ"]
GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Hải", "Thị Hoa",
         "Văn Hùng", "Ngọc Lan", "Thanh Long", "Thị Mai", "Văn Nam", "Hồng Nhung", "Văn Phúc"]
# per civil servant (index 0–9): outcomes of four Q1 items, and the manager's three marks
# ok = done on time and accepted; late = done 3 days late; ret = returned once, then accepted
# on time; open = approved, not done
PATTERN = [
    (("ok", "ok", "ok", "ok"), ("10", "10", "10")),
    (("ok", "ok", "ok", "ok"), ("10", "9.5", "9.5")),
    (("ok", "ok", "ok", "ret"), ("9", "9", "9")),
    (("ok", "ok", "late", "ok"), ("9", "9", "8")),
    (("ok", "ok", "ok", "late"), ("8", "8", "8")),
    (("ok", "ret", "late", "ok"), ("8", "8", "8")),
    (("ok", "ok", "open", "ok"), ("8", "8", "8")),
    (("ok", "open", "open", "ret"), ("8", "8", "7")),
    (("ok", "late", "late", "ok"), ("7", "8", "7")),
    (("open", "open", "open", "ret"), ("6", "7", "6")),
]
ITEMS = [("Tham mưu văn bản triển khai nhiệm vụ tháng 1", "2026-01", date(2026, 1, 30)),
         ("Báo cáo chuyên đề tháng 2", "2026-02", date(2026, 2, 27)),
         ("Thẩm định hồ sơ, đề xuất xử lý tháng 3", "2026-03", date(2026, 3, 20)),
         ("Tổng hợp báo cáo kết quả quý I", PERIOD, date(2026, 3, 31))]
LEADER_MARKS = [("9", "9", "9"), ("9", "8.5", "9"), ("9", "9", "8"), ("8", "8", "8")]
# one task of each department assigned to civil servants (index): done on time or not
# the province leader's quality mark of each department for Q1 (its QĐ 366 rating, to which
# the leaders' evaluation is linked)
UNIT_QUALITY = {"so-tai-chinh": Decimal("8"), "so-noi-vu": Decimal("9"),
                "so-khcn": Decimal("8.5")}
ASSIGNED = {"so-tai-chinh": ("q1-du-thao-nq-dau-tu", (3, 4)),
            "so-noi-vu": ("q1-ke-hoach-ccHC", (0,)), "so-khcn": ("q1-ke-hoach-cds", (1,))}


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, datetime.min.time(), VN).replace(hour=hour)


def _user(actor, username: str, full_name: str):
    user = orgs.user_create(actor=actor, username=username, email=f"{username}@demo.tiendo.vn",
                            full_name=full_name, password=None, is_sample=True)
    user.password = actor.password  # the demo password (the administrator's hash)
    user.save(update_fields=["password"])
    record(actor=None, action="demo.password_set", object_type="auth.user",
           object_id=str(user.pk), reason="TIENDO_DEMO_PASSWORD")  # audit verify explains it
    return user


def _marks(t) -> dict:
    return dict(zip(("mark_politics", "mark_ethics", "mark_discipline"),
                    (Decimal(x) for x in t), strict=True))


def _run_item(item, outcome, manager, person):
    if outcome == "open":
        return
    done = item.deadline + timedelta(days=3) if outcome == "late" else item.deadline
    item = services.workitem_report_done(actor=person, item=item, completed_on=done,
                                         today=TODAY, now=_at(done, 16))
    if outcome == "ret":
        item = services.workitem_return(
            actor=manager, item=item, now=_at(done, 17),
            reason=f"Sai số liệu tổng hợp, đề nghị chỉnh sửa ({SAMPLE}).")
        item = services.workitem_report_done(actor=person, item=item, completed_on=done,
                                             today=TODAY, now=_at(done, 18))
    services.workitem_accept(actor=manager, item=item, now=_at(done + timedelta(days=1)))


def load_demo_people(*, actor) -> dict:
    """Create the sample people, their Q1 2026 products and evaluations; returns counts."""
    units = {u.code: u for u in Unit.objects.filter(code__in=[d[0] for d in DEPARTMENTS])}
    top = get_user_model().objects.filter(username="lanhdao").first()
    if len(units) < len(DEPARTMENTS):
        return {}
    n = 0
    staff_by_unit: dict[str, list] = {}
    leaders_by_unit: dict[str, list] = {}
    for d, (code, prefix, _depth) in enumerate(DEPARTMENTS):
        unit = units[code]
        leaders, staff = _department_people(actor, unit, prefix, d, top)
        leaders_by_unit[code], staff_by_unit[code] = leaders, staff
        n += len(leaders) + len(staff)
        _staff_products(unit, staff)
        _assigned_task(code, leaders[2][0], staff)  # the first manager assigns
        _leader_products(unit, leaders)
    if top is not None:
        for code, value in UNIT_QUALITY.items():
            scoring.mark_add(actor=top, unit=units[code], period=PERIOD, kind=MarkKind.QUALITY,
                             value=value, is_sample=True,
                             evidence=f"Nhận xét của Chủ tịch UBND tỉnh quý I/2026 ({SAMPLE}).")
    _evaluate(staff_by_unit, leaders_by_unit, units)
    return {"people": n}


def _department_people(actor, unit, prefix: str, d: int, top) -> tuple[list, list]:
    """A department's head, deputy, two managers and ten civil servants with their positions
    (department ``d`` picks their names); returns leaders and staff as (person, manager)."""

    def name(i):
        return f"{FAMILY[(i + 3 * d) % len(FAMILY)]} {GIVEN[(i * 5 + d) % len(GIVEN)]}"

    head = _user(actor, f"{prefix}.gd", name(0))
    deputy = _user(actor, f"{prefix}.pgd", name(1))
    tp1, tp2 = _user(actor, f"{prefix}.tp1", name(2)), _user(actor, f"{prefix}.tp2", name(3))
    orgs.membership_add(actor=actor, user=head, unit=unit, role="leader", is_head=True,
                        title="Giám đốc")
    orgs.membership_add(actor=actor, user=tp1, unit=unit, role="office",
                        title="Chánh Văn phòng")
    services.position_set(actor=actor, user=head, unit=unit, rank=Rank.HEAD, manager=top,
                          title="Giám đốc", is_sample=True)
    services.position_set(actor=actor, user=deputy, unit=unit, rank=Rank.DEPUTY,
                          manager=head, title="Phó Giám đốc", is_sample=True)
    services.position_set(actor=actor, user=tp1, unit=unit, rank=Rank.MANAGER,
                          manager=deputy, title="Chánh Văn phòng", is_sample=True)
    services.position_set(actor=actor, user=tp2, unit=unit, rank=Rank.MANAGER,
                          manager=deputy, title="Trưởng phòng Nghiệp vụ", is_sample=True)
    leaders = [(head, top), (deputy, head), (tp1, deputy), (tp2, deputy)]
    staff = []
    for i in range(10):
        person = _user(actor, f"{prefix}.cv{i + 1:02d}", name(4 + i))
        manager = tp1 if i < 5 else tp2
        services.position_set(actor=actor, user=person, unit=unit, rank=Rank.STAFF,
                              manager=manager, title="Chuyên viên", is_sample=True)
        staff.append((person, manager))
    return leaders, staff


def _staff_products(unit, staff: list) -> None:
    """Four declared items per civil servant, approved by the manager, then run as PATTERN
    says; two of them also declare an April item still waiting for approval."""
    for i, (person, manager) in enumerate(staff):
        outcomes, _marks_t = PATTERN[i]
        for (title, period, deadline), outcome in zip(ITEMS, outcomes, strict=True):
            item = services.workitem_declare(
                actor=person, unit=unit, period=period, deadline=deadline, is_sample=True,
                title=f"{title} ({SAMPLE})")
            item = services.workitem_decide(actor=manager, item=item, approve=True,
                                            now=_at(deadline - timedelta(days=20)))
            _run_item(item, outcome, manager, person)
        if i in (0, 3):  # declared for April, waiting for approval (does not count in Q1)
            services.workitem_declare(
                actor=person, unit=unit, period="2026-04", deadline=date(2026, 4, 28),
                title=f"Dự thảo kế hoạch tháng 4 ({SAMPLE})", is_sample=True)


def _assigned_task(code: str, assigner, staff: list) -> None:
    """The department's task of ASSIGNED given to its civil servants; their items are done
    when the task is closed."""
    task_code, who = ASSIGNED[code]
    task = Task.objects.filter(code=task_code).first()
    if task is None:
        return
    people = [staff[i][0] for i in who]
    items = services.task_assign(actor=assigner, task=task, people=people,
                                 now=_at(date(2026, 1, 10)), is_sample=True)
    for item, i in zip(items, who, strict=True):
        if task.closed_on:
            _run_item(item, "ok", staff[i][1], staff[i][0])


def _leader_products(unit, leaders: list) -> None:
    """Two items per leader or manager, approved and run by their own manager (the head's
    stay declared when there is no province leader); one of them is late."""
    for j, (leader, manager) in enumerate(leaders):
        for k, (title, period, deadline) in enumerate(ITEMS[:2]):
            item = services.workitem_declare(
                actor=leader, unit=unit, period=period, deadline=deadline, is_sample=True,
                title=f"Chỉ đạo: {title.lower()} ({SAMPLE})")
            if manager is None:
                continue
            item = services.workitem_decide(actor=manager, item=item, approve=True)
            _run_item(item, "late" if (j + k) == 3 else "ok", manager, leader)


def _evaluate(staff_by_unit, leaders_by_unit, units) -> None:
    period = Period(2026, "quarter", 1)
    for code, _prefix, depth in DEPARTMENTS:
        unit = units[code]
        for i, (person, manager) in enumerate(staff_by_unit[code]):
            mk = _marks(PATTERN[i][1])
            own = {k: min(Decimal(10), v + Decimal("0.5")) for k, v in mk.items()}
            ev = services.evaluation_self_assess(
                actor=person, unit=unit, period=PERIOD, framework_code=queries.CIVIL_FRAMEWORK,
                marks=own, comment=f"Hoàn thành các sản phẩm được giao ({SAMPLE}).",
                now=_at(date(2026, 4, 2)), is_sample=True)
            services.evaluation_manager_assess(
                actor=manager, evaluation=ev, marks=mk, now=_at(date(2026, 4, 4)),
                comment=f"Nhận xét của trưởng phòng ({SAMPLE}).")
        for j, (leader, manager) in enumerate(leaders_by_unit[code]):
            mk = _marks(LEADER_MARKS[j])
            ev = services.evaluation_self_assess(
                actor=leader, unit=unit, period=PERIOD, framework_code=queries.LEADER_FRAMEWORK,
                marks=mk, comment=f"Tự đánh giá của cán bộ lãnh đạo, quản lý ({SAMPLE}).",
                now=_at(date(2026, 4, 2)), is_sample=True)
            if manager is not None:
                services.evaluation_manager_assess(
                    actor=manager, evaluation=ev, marks=mk, now=_at(date(2026, 4, 4)),
                    comment=f"Nhận xét của cấp trên ({SAMPLE}).")
        if depth != "concluded":
            continue
        head = leaders_by_unit[code][0][0]
        fv = framework_version(queries.CIVIL_FRAMEWORK)
        results = {r.position.user_id: r for r in queries.compute_people(
            user=head, period=period, fv=fv) if r.position.unit_id == unit.pk}
        for person, _m in staff_by_unit[code]:
            res = results.get(person.pk)
            if res is None or res.evaluation is None or res.result.level is None:
                continue
            services.evaluation_conclude(
                actor=head, evaluation=res.evaluation, level=res.result.level, proposal=res,
                comment=f"Thống nhất mức đề xuất ({SAMPLE}).", now=_at(date(2026, 4, 8)))
