"""Export a list as it is filtered on screen to an .xlsx workbook: a bold frozen header, an
autofilter over the data, number formats per column and sensible widths. Written by the one
workbook writer, ``tiendo.lib.xlsx``."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone

from tiendo.lib import clock
from tiendo.lib.xlsx import Sheet, write_workbook

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
    kinds = [c.kind for c in columns]
    return write_workbook([Sheet(
        title=title, header=[c.header for c in columns],
        rows=([_cell(v, k) for v, k in zip(row, kinds, strict=True)] for row in rows),
        formats=[FORMATS[k] for k in kinds], widths=[c.width for c in columns])])


def xlsx_response(*, filename: str, title: str, columns: list[Column], rows: list[list]):
    data = build_workbook(title=title, columns=columns, rows=rows)
    response = HttpResponse(data, content_type=XLSX)
    stamp = clock.today().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.xlsx"'
    return response
