"""Export a list as it is filtered on screen to an .xlsx workbook: a bold frozen header,
an autofilter over the data, number formats per column and sensible widths."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tiendo.lib.cells import is_formula_like

FORMATS = {
    "text": "@",
    "int": "#,##0",
    "number": "#,##0.####",
    "percent": '0.00"%"',
    "date": "DD/MM/YYYY",
    "datetime": "DD/MM/YYYY HH:MM",
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # one of FORMATS
    width: int = 14


def _cell(value, kind: str):
    if value is None or value == "":
        return None
    if kind in ("number", "percent", "int") and isinstance(value, Decimal):
        return int(value) if kind == "int" else float(value)
    if kind == "datetime" and isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    if kind == "date" and isinstance(value, datetime):
        return value.date()
    if isinstance(value, (date, int, float, str)):
        return value
    return str(value)


def build_workbook(*, title: str, columns: list[Column], rows: list[list]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append([c.header for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F2")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append([_cell(v, c.kind) for v, c in zip(row, columns, strict=True)])
        for cell in ws[ws.max_row]:
            if is_formula_like(cell.value):  # text, never a formula (lib/cells.py)
                cell.data_type = "s"
                cell.quotePrefix = True
    for i, col in enumerate(columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = col.width
        for cell in ws[letter][1:]:
            cell.number_format = FORMATS[col.kind]
            if col.kind == "text":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def xlsx_response(*, filename: str, title: str, columns: list[Column], rows: list[list]):
    data = build_workbook(title=title, columns=columns, rows=rows)
    response = HttpResponse(data, content_type=XLSX)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.xlsx"'
    return response
