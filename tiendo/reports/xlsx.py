"""Workbooks (.xlsx) and the CSV and JSON exports of the same rows."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from tiendo.reports.content import Report
from tiendo.reports.records import (
    INDICATOR_COLUMNS,
    TASK_COLUMNS,
    Column,
    indicator_records,
    plain,
    task_records,
)

FMT_NUMBER_INT = "#,##0"
FMT_NUMBER_DEC = "#,##0.00"
FMT_PERCENT = "0.00%"
FMT_CHANGE = "+0.00%;-0.00%;0.00%"
FMT_PROGRESS = "0%"
FMT_DATE = "dd/mm/yyyy"
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
FONT = "Times New Roman"
HEADER_FONT = Font(name=FONT, bold=True)
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
HEADER_BORDER = Border(bottom=Side(style="thin", color="999999"))
CSV_SHEETS = ("indicators", "tasks")


def _number_format(col: Column, value) -> str | None:
    if col.kind == "date":
        return FMT_DATE
    if col.kind == "percent":
        return {"change": FMT_CHANGE, "progress": FMT_PROGRESS}.get(col.key, FMT_PERCENT)
    if col.kind == "int":
        return FMT_NUMBER_INT
    if col.kind == "number" and isinstance(value, Decimal):
        return FMT_NUMBER_INT if value == value.to_integral_value() else FMT_NUMBER_DEC
    return None


def _cell_value(col: Column, value):
    if value is None or value == "":
        return None
    if col.kind == "percent":
        return float(Decimal(value) / 100)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _sheet(wb: Workbook, title: str, columns: list[Column], records: list[dict]) -> None:
    """One sheet in write-only mode (a province-sized quarter has tens of thousands of rows):
    a styled header row, frozen, with a filter over every column."""
    ws = wb.create_sheet(title)
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{len(records) + 1}"
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws, value=col.title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGN
        cell.border = HEADER_BORDER
        header.append(cell)
    ws.append(header)
    for rec in records:
        row = []
        for col in columns:
            value = rec[col.key]
            fmt = _number_format(col, value)
            if fmt is None:
                row.append(_cell_value(col, value))
            else:
                cell = WriteOnlyCell(ws, value=_cell_value(col, value))
                cell.number_format = fmt
                row.append(cell)
        ws.append(row)


def render_xlsx(report: Report) -> bytes:
    wb = Workbook(write_only=True)
    _sheet(wb, "Chỉ tiêu", INDICATOR_COLUMNS, indicator_records(report))
    _sheet(wb, "Nhiệm vụ", TASK_COLUMNS, task_records(report))
    # Ratings: tiendo.scoring exposes no query yet; the sheet is added once it does.
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def render_csv(report: Report, sheet: str = "indicators") -> bytes:
    """UTF-8 with a BOM, so Excel opens the Vietnamese text correctly; machine values (10619.5,
    2026-03-31) so other programs can read them."""
    columns, records = ((INDICATOR_COLUMNS, indicator_records(report)) if sheet == "indicators"
                        else (TASK_COLUMNS, task_records(report)))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([c.key for c in columns])
    for rec in records:
        w.writerow(["" if rec[c.key] is None else plain(rec[c.key]) for c in columns])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def render_json(report: Report) -> bytes:
    doc = {
        "period": report.period.code,
        "indicators": [{k: plain(v) for k, v in r.items()} for r in indicator_records(report)],
        "tasks": [{k: plain(v) for k, v in r.items()} for r in task_records(report)],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
