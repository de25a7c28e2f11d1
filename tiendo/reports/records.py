"""The rows of the workbooks, CSV and JSON exports: one record per figure row and per task.

Values stay typed (Decimal, date) here; each format writes them its own way. Percentages that
Excel should show as percent are kept as percent numbers (106,72) and divided by 100 only
in the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from tiendo.indicators.models import Field, FigureState
from tiendo.indicators.queries import FigureRow
from tiendo.reports.wording import display_unit
from tiendo.tasks.queries import TaskRow

FIELD_LABELS = {k: str(v) for k, v in Field.choices}
STATE_LABELS = {k: str(v) for k, v in FigureState.choices}
BOUND_WORDS = {"=": "", ">": "trên", ">=": "từ … trở lên", "<": "dưới", "<=": "không quá",
               "range": "trong khoảng", "about": "khoảng"}


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = "text"  # text, number, percent, date, int
    width: int = 14


INDICATOR_COLUMNS = [
    Column("indicator_code", "Mã chỉ tiêu", width=22),
    Column("indicator", "Chỉ tiêu", width=48),
    Column("unit_of_measure", "Đơn vị tính", width=14),
    Column("field", "Lĩnh vực", width=18),
    Column("org_unit_code", "Mã đơn vị", width=16),
    Column("org_unit", "Đơn vị", width=32),
    Column("period", "Kỳ", width=9),
    Column("plan_bound", "Ràng buộc KH", width=12),
    Column("plan", "Kế hoạch", "number"),
    Column("plan_high", "Cận trên KH", "number"),
    Column("year_plan", "KH cả năm", "number"),
    Column("actual", "Thực hiện", "number"),
    Column("is_estimate", "Ước đạt", width=8),
    Column("attainment", "Tỷ lệ đạt (% KH)", "percent"),
    Column("status", "Đánh giá", width=11),
    Column("change", "Tăng/giảm so với cùng kỳ", "percent", width=16),
    Column("figure_state", "Trạng thái số liệu", width=16),
]

TASK_COLUMNS = [
    Column("no", "TT", "int", width=5),
    Column("code", "Mã", width=18),
    Column("title", "Nhiệm vụ", width=56),
    Column("lead_unit", "Đơn vị chủ trì", width=30),
    Column("coordinating_units", "Đơn vị phối hợp", width=30),
    Column("deadline", "Thời hạn", "date", width=12),
    Column("extended_deadline", "Thời hạn điều chỉnh", "date", width=12),
    Column("progress", "Tiến độ", "percent", width=9),
    Column("status", "Tình trạng", width=26),
    Column("completed_on", "Ngày hoàn thành", "date", width=12),
    Column("days_overdue", "Số ngày quá hạn", "int", width=10),
]


RATING_COLUMNS = [
    Column("framework", "Bộ tiêu chí", width=14),
    Column("peer_group", "Nhóm tương đồng", width=16),
    Column("unit_code", "Mã đơn vị", width=18),
    Column("unit", "Đơn vị", width=36),
    Column("score", "Điểm", "number", width=9),
    Column("proposed_level", "Mức đề xuất", width=30),
    Column("level", "Mức xếp loại", width=30),
    Column("state", "Trạng thái", width=18),
]


def rating_record(r) -> dict:
    return {
        "framework": r.framework_code,
        "peer_group": r.peer_group,
        "unit_code": r.unit.code,
        "unit": r.unit.name,
        "score": _n(r.score),
        "proposed_level": str(r.get_proposed_level_display()) if r.proposed_level else "",
        "level": str(r.get_level_display()) if r.level else "",
        "state": str(r.get_state_display()),
    }


def rating_records(report) -> list[dict]:
    return [rating_record(r) for r in report.ratings]


def indicator_record(row: FigureRow, year_plan=None) -> dict:
    t = row.target
    f = row.figure
    return {
        "indicator_code": row.indicator.code,
        "indicator": row.indicator.name,
        "unit_of_measure": _unit_label(row.indicator.unit_of_measure),
        "field": FIELD_LABELS.get(row.indicator.field, ""),
        "org_unit_code": row.unit.code,
        "org_unit": row.unit.name,
        "period": row.period.code,
        "plan_bound": BOUND_WORDS.get(t.bound, t.bound) if t else "",
        "plan": _n(t.value) if t else None,
        "plan_high": _n(t.value_high) if t and t.bound == "range" else None,
        "year_plan": _n(year_plan.value) if year_plan is not None else None,
        "actual": _n(f.value) if f else None,
        "is_estimate": "ước" if f and f.is_estimate else "",
        "attainment": row.assessment.attainment,
        "status": row.assessment.label_vi,
        "change": _n(f.change) if f and f.change is not None else None,
        "figure_state": STATE_LABELS.get(f.state, f.state) if f else "",
    }


def task_record(no: int, row: TaskRow) -> dict:
    t = row.task
    return {
        "no": no,
        "code": t.code or "",
        "title": t.title,
        "lead_unit": t.lead_unit.name,
        "coordinating_units": ", ".join(u.name for u in t.coordinating_units.all()),
        "deadline": t.deadline,
        "extended_deadline": t.extended_deadline,
        "progress": Decimal(t.progress),
        "status": row.status.label_vi,
        "completed_on": t.closed_on,
        "days_overdue": row.status.days_overdue,
    }


def indicator_records(report) -> list[dict]:
    return [indicator_record(r, report.year_plans.get((r.indicator.pk, r.unit.pk)))
            for r in report.figure_rows]


def task_records(report) -> list[dict]:
    return [task_record(i, r) for i, r in enumerate(report.task_rows, start=1)]


@lru_cache(maxsize=512)
def _unit_label(unit: str) -> str:
    return display_unit(unit)


def _n(value: Decimal | None) -> Decimal | None:
    """Drop the storage's trailing zeros: 10619.0000 → 10619."""
    if value is None:
        return None
    d = Decimal(value).normalize()
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


def plain(value):
    """A JSON/CSV-friendly value: numbers as int/float, dates ISO."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
