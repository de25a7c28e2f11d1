"""The quarterly report as plain content: a heading block and a list of blocks.

One reading of the data (through the indicator and task queries, so the user's scope applies)
feeds every format: docx.py and pdf.py lay the same blocks out, xlsx.py and exports.py tabulate
the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from tiendo.indicators.models import Field, Target
from tiendo.indicators.queries import FigureRow
from tiendo.indicators.rules import Bound, Direction, Verdict
from tiendo.lib.periods import Period, parse_period, quarter_roman
from tiendo.lib.vn_numbers import format_vn_number
from tiendo.orgs import access
from tiendo.orgs.models import Tree, Unit
from tiendo.reports.queries import ratings as report_ratings
from tiendo.reports.queries import report_rows
from tiendo.reports.queries import year_plans as report_year_plans
from tiendo.reports.wording import (
    FigureFacts,
    PlanFacts,
    figure_sentence,
    shortfall_line,
    tasks_summary,
)
from tiendo.tasks.queries import TaskRow, task_rows
from tiendo.tasks.rules import TASK_STATUS_LABELS_VI

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
TASK_TABLE_HEADER = ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tiến độ",
                     "Tình trạng"]


@dataclass
class Block:
    """``kind``: title, h1, h2, h3, p, bullet, table, pagebreak."""

    kind: str
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)  # the indicators a sentence states


@dataclass
class Heading:
    """The heading block of Nghị định 30/2020 (state) or Hướng dẫn 36-HD/VPTW (party)."""

    tree: str
    upper_body: str
    body: str
    number: str
    place_date: str
    title: str
    subtitle: str


@dataclass
class Report:
    period: Period
    heading: Heading
    blocks: list[Block]
    figure_rows: list[FigureRow]
    task_rows: list[TaskRow]
    year_plans: dict[tuple[int, int], Target]
    on: date
    ratings: list = field(default_factory=list)  # read only with detail (the workbooks)

    def text(self) -> str:
        """The report as plain text, one block a line (for tests and previews)."""
        out = [self.heading.title, self.heading.subtitle]
        for b in self.blocks:
            if b.kind == "table":
                out.extend(" | ".join(r) for r in [b.header, *b.rows])
            elif b.kind == "bullet":
                out.append("- " + b.text)
            elif b.text:
                out.append(b.text)
        return "\n".join(out)


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
    if figure is not None:
        for a in (figure.reported or {}).get("attainments", []) or []:
            try:
                attainments.append((Decimal(str(a["value"])), str(a.get("basis") or "")))
            except (KeyError, ArithmeticError, TypeError):
                continue
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
    )


def _one_row_per_indicator(rows: list[FigureRow]) -> tuple[list[FigureRow], set[int]]:
    """The report speaks for the highest unit that reported each indicator (the province, not
    each commune); the workbook keeps every unit's row. When several units tie at the top
    (two departments, no province figure), each gets its sentence, named with its unit: the
    second value returned holds the ids of those rows."""
    top: dict[int, list[FigureRow]] = {}
    for r in rows:
        cur = top.get(r.indicator.pk)
        if cur is None or r.unit.depth < cur[0].unit.depth:
            top[r.indicator.pk] = [r]
        elif r.unit.depth == cur[0].unit.depth:
            cur.append(r)
    chosen, named = [], set()
    for group in top.values():
        chosen.extend(group)
        if len(group) > 1:
            named.update(id(r) for r in group)
    chosen.sort(key=lambda r: (r.indicator.sort_order, r.indicator.code, r.unit.path))
    return chosen, named


def _sentences(rows: list[FigureRow], year_plans, period: Period,
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


def _tasks_of_period(rows: list[TaskRow], period: Period) -> list[TaskRow]:
    out = []
    for r in rows:
        t = r.task
        due = t.deadline
        if t.period == period.code or (due is not None and period.contains(due)):
            out.append(r)
    return out


def _heading(*, user, period: Period, unit: Unit | None, tree: str | None,
             on: date) -> Heading:
    if unit is None:
        roots = access.units_visible_to(user).order_by("depth", "sort_order", "pk")
        wanted = tree or Tree.PARTY
        unit = roots.filter(tree=wanted, valid_to__isnull=True).first() or roots.first()
    tree = tree or (unit.tree if unit else Tree.STATE)
    body = unit.name if unit else ""
    upper = unit.parent.name if unit and unit.parent_id else ""
    state_root = Unit.objects.filter(tree=Tree.STATE, parent__isnull=True,
                                     valid_to__isnull=True).order_by("pk").first()
    place_source = state_root.name if state_root else body
    place = place_source.split(" tỉnh ", 1)[1] if " tỉnh " in place_source else "……"
    place_date = f"{place}, ngày {on.day:02d} tháng {on.month} năm {on.year}"
    # the number is written in by hand when the report is signed: keep its blank (non-breaking
    # spaces, which HTML would otherwise collapse)
    blank = "\u00a0" * 6
    number = f"Số{blank}-BC/ĐU" if tree == Tree.PARTY else f"Số:{blank}/BC-UBND"
    title = "BÁO CÁO"
    subtitle = (f"Kết quả thực hiện nhiệm vụ {period_phrase(period)} "
                f"và các chỉ tiêu chủ yếu")
    return Heading(tree=tree, upper_body=upper.upper(), body=body.upper(), number=number,
                   place_date=place_date, title=title, subtitle=subtitle)


def build_report(*, user, period: str | Period, unit_code: str | None = None,
                 tree: str | None = None, on: date, detail: bool = True,
                 issuer_code: str | None = None) -> Report:
    """The report of ``period`` as the user may see it. ``on`` is the build date (the date
    line); task statuses are taken at the close of the period (the day after it ends) or on
    ``on`` when that is earlier. ``detail``: keep every unit's row in ``figure_rows`` (the
    workbooks need them; the narrative report does not). ``issuer_code``: the body that signs
    the report (its heading), when it is not the unit the figures are of."""
    p = period if isinstance(period, Period) else parse_period(period)
    unit = access.get_unit_by_code_for_user(user, unit_code) if unit_code else None
    all_rows = report_rows(user=user, period=p, unit_code=unit_code, top_only=not detail)
    rows, named = _one_row_per_indicator(all_rows)
    year_plans = report_year_plans(user=user, period=p, rows=all_rows)
    status_on = min(on, p.end + timedelta(days=1))
    trows = _tasks_of_period(task_rows(user=user, on=status_on, unit_code=unit_code), p)

    phrase = period_phrase(p)
    blocks: list[Block] = [
        Block("h1", f"A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ {p.label_vi.upper()}"),
    ]
    sentences = _sentences(rows, year_plans, p, named)
    key = [(r, s) for r, s in sentences if r.indicator.is_key]
    rest = [(r, s) for r, s in sentences if not r.indicator.is_key]

    blocks.append(Block("h2", "I. Kết quả thực hiện các chỉ tiêu chủ yếu"))
    if not key:
        blocks.append(Block("p", "Chưa có chỉ tiêu chủ yếu có số liệu trong kỳ."))
    letter = iter("abcdefghijklmnopqrstuvwxyz")
    for fld in FIELD_ORDER:
        group = [s for r, s in key if (r.indicator.field or "") == fld]
        if group:
            blocks.append(Block("h3", f"{next(letter)}) {KEY_FIELD_TITLES[fld]}:"))
            blocks.extend(group)

    blocks.append(Block("h2", "II. Kết quả thực hiện theo lĩnh vực"))
    n = 0
    for fld in FIELD_ORDER:
        group = [s for r, s in rest if (r.indicator.field or "") == fld]
        if group:
            n += 1
            blocks.append(Block("h3", f"{n}. {FIELD_TITLES[fld]}"))
            blocks.extend(group)
    if n == 0:
        blocks.append(Block("p", "Chưa có số liệu theo lĩnh vực trong kỳ."))

    blocks.append(Block("h2", "III. Tình hình thực hiện nhiệm vụ"))
    blocks.append(Block("p", tasks_summary([r.status.status for r in trows],
                                           period_label=phrase)))

    blocks.append(Block("h2", "IV. Các chỉ tiêu chưa đạt kế hoạch"))
    short = [r for r in rows if r.verdict == Verdict.NOT_ACHIEVED]
    if short:
        for r in short:
            f = facts_of(r, year_plans.get((r.indicator.pk, r.unit.pk)), p)
            if id(r) in named:
                f = FigureFacts(**{**f.__dict__, "name": f"{f.name} ({r.unit.name})"})
            blocks.append(Block("bullet", shortfall_line(f, r.assessment.attainment)))
    else:
        blocks.append(Block("p", "Các chỉ tiêu có kế hoạch trong kỳ đều đạt."))

    blocks.append(Block("pagebreak"))
    blocks.append(Block("h1", "PHỤ LỤC"))
    blocks.append(Block("p", f"Danh mục nhiệm vụ {phrase} và tình trạng thực hiện"))
    blocks.append(Block("table", header=TASK_TABLE_HEADER, rows=task_table_rows(trows)))

    issuer = access.get_unit_by_code_for_user(user, issuer_code) if issuer_code else unit
    heading = _heading(user=user, period=p, unit=issuer, tree=tree, on=on)
    rated = report_ratings(user=user, period=p) if detail else []
    if unit_code:
        rated = [r for r in rated if r.unit.code == unit_code]
    return Report(period=p, heading=heading, blocks=blocks, figure_rows=all_rows,
                  task_rows=trows, year_plans=year_plans, on=on, ratings=rated)


def task_table_rows(rows: list[TaskRow]) -> list[list[str]]:
    out = []
    for i, r in enumerate(rows, start=1):
        t = r.task
        due = r.status.deadline_in_force
        deadline = due.strftime("%d/%m/%Y") if due else "Thường xuyên"
        if r.status.extended and t.deadline:
            deadline += f" (hạn ban đầu {t.deadline.strftime('%d/%m/%Y')})"
        status = TASK_STATUS_LABELS_VI[r.status.status]
        if t.closed_on:
            status += f" ({t.closed_on.strftime('%d/%m/%Y')})"
        out.append([str(i), t.title, t.lead_unit.name, deadline,
                    format_vn_number(t.progress) + "%", status])
    return out
