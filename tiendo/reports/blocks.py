"""The pieces the quarterly report is made of: the :class:`Block`, and the sentences, lists and
tables that turn figure and task rows into blocks (the wording itself is ``reports.wording``).
``reports.content`` puts them together into the report's sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tiendo.indicators.models import Field, Target
from tiendo.indicators.queries import FigureRow
from tiendo.indicators.rules import Bound, Direction
from tiendo.lib.clock import vn_day
from tiendo.lib.periods import Period, quarter_roman
from tiendo.lib.text import fold
from tiendo.lib.vn_numbers import format_count, format_vn_number
from tiendo.reports.wording import (
    FigureFacts,
    PlanFacts,
    figure_clause,
    figure_sentence,
    lower_first,
    overdue_line,
    points_text,
    tasks_summary,
)
from tiendo.tasks.queries import TaskRow
from tiendo.tasks.rules import TaskStatus

__all__ = [
    "FIELD_ORDER",
    "FIELD_TITLES",
    "KEY_FIELD_TITLES",
    "NAMED_LATE_TASKS",
    "TASK_TABLE_HEADER",
    "Block",
    "facts_of",
    "indicator_sentences",
    "period_phrase",
    "statement",
    "task_part",
    "task_table_rows",
]

FIELD_TITLES = {
    Field.ECONOMY: "Lĩnh vực kinh tế",
    Field.SOCIETY: "Lĩnh vực văn hóa - xã hội",
    Field.ENVIRONMENT: "Lĩnh vực tài nguyên - môi trường",
    Field.SECURITY: "Quốc phòng, an ninh, nội chính",
    Field.GOVERNMENT: "Xây dựng chính quyền",
    Field.PARTY: "Công tác xây dựng Đảng",
    "": "Lĩnh vực khác",
}
KEY_FIELD_TITLES = {
    Field.ECONOMY: "Chỉ tiêu kinh tế",
    Field.SOCIETY: "Chỉ tiêu xã hội",
    Field.ENVIRONMENT: "Chỉ tiêu môi trường",
    Field.SECURITY: "Chỉ tiêu quốc phòng, an ninh",
    Field.GOVERNMENT: "Chỉ tiêu xây dựng chính quyền",
    Field.PARTY: "Chỉ tiêu xây dựng Đảng",
    "": "Chỉ tiêu khác",
}
FIELD_ORDER = [f.value for f in Field] + [""]
# late tasks named one by one in the body (the rest are in the appendix); so are their reasons
NAMED_LATE_TASKS = 10
TASK_TABLE_HEADER = ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tiến độ",
                     "Tình trạng"]


@dataclass
class Block:
    """``kind``: title, h1, h2, h3, p, bullet, number (a numbered item), table, pagebreak."""

    kind: str
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)  # the indicators a sentence states


def period_phrase(p: Period) -> str:
    """ "quý I/2026", "tháng 4/2026", "năm 2026" (lower case, inside a sentence)."""
    label = p.label_vi
    return label[:1].lower() + label[1:]


def _plan_label(p: Period) -> str:
    if p.kind == "quarter":
        return f"KH quý {quarter_roman(p.index)}"
    if p.kind == "month":
        return f"KH tháng {p.index}"
    return "KH"


def facts_of(row: FigureRow, year_plan: Target | None = None,
             period: Period | None = None) -> FigureFacts:
    """The wording facts of one figure row."""
    plans = []
    if year_plan is not None:
        plans.append(PlanFacts(year_plan.value, Bound(year_plan.bound), year_plan.value_high,
                               "KH cả năm"))
    if row.target is not None:
        label = _plan_label(period or row.period) if year_plan is not None else "KH"
        plans.append(PlanFacts(row.target.value, Bound(row.target.bound),
                               row.target.value_high, label))
    figure = row.figure
    attainments = []
    ratio = of_total = None
    of_total_unit = ""
    unit = row.indicator.unit_of_measure
    if figure is not None:
        reported = figure.reported or {}
        for a in reported.get("attainments", []) or []:
            try:
                attainments.append((Decimal(str(a["value"])), str(a.get("basis") or "")))
            except (KeyError, ArithmeticError, TypeError):
                continue
        ratio = _first_value(r for r in reported.get("ratios", []) or []
                             if fold(str(r.get("basis") or "")).startswith("cung ky"))
        for o in reported.get("other_actuals", []) or []:
            other_unit = str(o.get("unit") or "")
            if o.get("role") == "part" or (other_unit not in ("", "%", unit)
                                           and not o.get("basis")):
                of_total = _first_value([o])
                of_total_unit = "" if other_unit == unit else other_unit
                break
    return FigureFacts(
        name=row.indicator.name,
        unit=row.indicator.unit_of_measure,
        actual=row.actual,
        is_estimate=bool(figure and figure.is_estimate),
        direction=Direction(row.indicator.direction),
        plans=tuple(plans),
        verdict=row.verdict if plans and row.target is not None else None,
        change=row.change,
        attainments=tuple(attainments),
        ratio=ratio,
        of_total=of_total,
        of_total_unit=of_total_unit,
    )


def _first_value(items) -> Decimal | None:
    for item in items:
        try:
            return Decimal(str(item["value"]))
        except (KeyError, ArithmeticError, TypeError):
            continue
    return None


def indicator_sentences(rows: list[FigureRow], year_plans, period: Period,
               named: set[int]) -> list[tuple[FigureRow, Block]]:
    """One sentence per top indicator, its parts after "trong đó"."""
    by_id = {r.indicator.pk: r for r in rows if id(r) not in named}
    children: dict[int, list[FigureRow]] = {}
    for r in rows:
        if r.indicator.parent_id in by_id and id(r) not in named:
            children.setdefault(r.indicator.parent_id, []).append(r)

    def facts(r: FigureRow) -> FigureFacts:
        f = facts_of(r, year_plans.get((r.indicator.pk, r.unit.pk)), period)
        if id(r) in named:
            f = FigureFacts(**{**f.__dict__, "name": f"{f.name} ({r.unit.name})"})
        return f

    out = []
    for r in rows:
        if r.indicator.parent_id in by_id and id(r) not in named:
            continue
        f = facts(r)
        kids = children.get(r.indicator.pk, [])
        if kids:
            f = FigureFacts(**{**f.__dict__, "parts": tuple(facts(k) for k in kids)})
        out.append((r, Block("bullet", figure_sentence(f), figures=[r, *kids])))
    return out


def task_part(rows: list[TaskRow], phrase: str, notes: dict[int, str]) -> list[Block]:
    """The tasks of one part: the count, then the tasks due and not done, each with its lead
    unit and the reason its unit gave."""
    if not rows:
        return []
    out = [Block("p", tasks_summary([r.status.status for r in rows], period_label=phrase,
                                    appendix=False))]
    late = [r for r in rows if r.status.status == TaskStatus.OVERDUE]
    for r in late[:NAMED_LATE_TASKS]:
        out.append(Block("bullet", overdue_line(r.task.title, r.task.lead_unit.name,
                                                r.status.days_overdue,
                                                notes.get(r.task.pk, ""))))
    if len(late) > NAMED_LATE_TASKS:
        out.append(Block("bullet", f"{format_count(len(late) - NAMED_LATE_TASKS)} nhiệm vụ "
                                   "chậm tiến độ khác: chi tiết tại Phụ lục kèm theo."))
    return out


def statement(r: FigureRow, *, against_plan: bool = False) -> str:
    """A short clause for the assessment: "thu ngân sách nhà nước đạt 10.619 tỷ đồng (bằng
    106,72% kế hoạch)"; a rate against its plan in percentage points."""
    f = facts_of(r)
    f = FigureFacts(**{**f.__dict__, "plans": (), "verdict": None, "attainments": (),
                       "change": None, "ratio": None})
    text = lower_first(figure_clause(f))
    if against_plan and r.plan is not None and r.actual is not None:
        if r.indicator.unit_of_measure == "%":
            text += f", {points_text(r.actual, r.plan)}"
        elif r.assessment.attainment is not None:
            text += f" (bằng {format_vn_number(r.assessment.attainment)}% kế hoạch)"
    return text


def task_table_rows(rows: list[TaskRow]) -> list[list[str]]:
    out = []
    for i, r in enumerate(rows, start=1):
        t = r.task
        due = r.status.deadline_in_force
        deadline = vn_day(due) or "Thường xuyên"
        if r.status.extended and t.deadline:
            deadline += f" (hạn ban đầu {t.deadline.strftime('%d/%m/%Y')})"
        status = r.status.label_vi
        if t.closed_on:
            status += f" ({t.closed_on.strftime('%d/%m/%Y')})"
        out.append([str(i), t.title, t.lead_unit.name, deadline,
                    format_vn_number(t.progress) + "%", status])
    return out
