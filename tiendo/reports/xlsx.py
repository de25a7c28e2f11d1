"""Workbooks (.xlsx) and the CSV and JSON exports of the same rows."""

from __future__ import annotations

import csv
import io
import json

from tiendo.lib.cells import csv_cell
from tiendo.lib.xlsx import AUTO_NUMBER, Sheet, write_workbook
from tiendo.reports.content import Report
from tiendo.reports.records import (
    INDICATOR_COLUMNS,
    RATING_COLUMNS,
    TASK_COLUMNS,
    Column,
    indicator_records,
    plain,
    rating_records,
    task_records,
)

FMT_NUMBER_INT = "#,##0"
FMT_NUMBER_DEC = "#,##0.00"
FMT_PERCENT = "0.00%"
FMT_CHANGE = "+0.00%;-0.00%;0.00%"
FMT_PROGRESS = "0%"
FMT_DATE = "dd/mm/yyyy"
CSV_SHEETS = ("indicators", "tasks", "ratings")


def _format(col: Column) -> str | None:
    if col.kind == "date":
        return FMT_DATE
    if col.kind == "percent":
        return {"change": FMT_CHANGE, "progress": FMT_PROGRESS}.get(col.key, FMT_PERCENT)
    if col.kind == "int":
        return FMT_NUMBER_INT
    if col.kind == "number":
        return AUTO_NUMBER
    return None


def _rows(columns: list[Column], records: list[dict]):
    keys = [c.key for c in columns]
    percent = [c.kind == "percent" for c in columns]
    for rec in records:
        yield [None if (v := rec[k]) is None else (v / 100 if pct else v)
               for k, pct in zip(keys, percent, strict=True)]


def _sheet(title: str, columns: list[Column], records: list[dict]) -> Sheet:
    return Sheet(title=title, header=[c.title for c in columns], rows=_rows(columns, records),
                 formats=[_format(c) for c in columns], widths=[c.width for c in columns])


def render_xlsx(report: Report) -> bytes:
    """Three sheets, each with a frozen, filtered header: "Chỉ tiêu" (every unit's row),
    "Nhiệm vụ" (the appendix's tasks) and "Xếp loại" (the period's stored ratings)."""
    return write_workbook([
        _sheet("Chỉ tiêu", INDICATOR_COLUMNS, indicator_records(report)),
        _sheet("Nhiệm vụ", TASK_COLUMNS, task_records(report)),
        _sheet("Xếp loại", RATING_COLUMNS, rating_records(report)),
    ])


def render_csv(report: Report, sheet: str = "indicators") -> bytes:
    """UTF-8 with a BOM, so Excel opens the Vietnamese text correctly; machine values (10619.5,
    2026-03-31) so other programs can read them."""
    columns, records = {
        "indicators": (INDICATOR_COLUMNS, indicator_records),
        "tasks": (TASK_COLUMNS, task_records),
        "ratings": (RATING_COLUMNS, rating_records),
    }[sheet]
    records = records(report)
    buf = io.StringIO()
    # RFC 4180 line ends: with "\n" alone the csv module leaves a field holding "\r"
    # unquoted, and a carriage return in a title would start a new row (lib/cells.py)
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.key for c in columns])
    for rec in records:
        w.writerow(["" if rec[c.key] is None else csv_cell(plain(rec[c.key]))
                    for c in columns])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def render_json(report: Report) -> bytes:
    doc = {
        "period": report.period.code,
        "indicators": [{k: plain(v) for k, v in r.items()} for r in indicator_records(report)],
        "tasks": [{k: plain(v) for k, v in r.items()} for r in task_records(report)],
        "ratings": [{k: plain(v) for k, v in r.items()} for r in rating_records(report)],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
