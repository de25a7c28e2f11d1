"""The workbook format: its sheets and columns, reading a file into rows, writing one.

One format for import, export and the empty template. Each sheet has Vietnamese headers in
its first row; rows refer to units, indicators and documents by code. docs/import.md
describes every column.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tiendo.extraction.engine import ReadError
from tiendo.extraction.engine.readers_limits import MB, Limits, check_zip
from tiendo.indicators.models import (
    Bound,
    Direction,
    Field,
    FigureState,
    Frequency,
    HistoryRule,
    Rollup,
    TargetScope,
)
from tiendo.lib.clock import vn_day
from tiendo.orgs.models import Tree, UnitKind
from tiendo.programmes.models import ProgrammeKind
from tiendo.tasks.models import Product, Recurrence, TaskState
from tiendo.transfer import rules

UNITS, PROGRAMMES, INDICATORS, TARGETS, FIGURES, TASKS = (
    "Đơn vị", "Văn bản", "Chỉ tiêu", "Kế hoạch", "Số liệu", "Nhiệm vụ")
SHEET_ORDER = (UNITS, PROGRAMMES, INDICATORS, TARGETS, FIGURES, TASKS)
# columns holding a unit code, offered the units' drop-down (except on the indicators sheet)
_UNIT_CODE_COLUMNS = ("unit", "parent", "lead_unit", "issuing_unit")
MAX_ROWS = 200_000


def _choices(tc) -> dict[str, str]:
    return {value: str(label) for value, label in tc.choices}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str  # text, code, codes, decimal, int, date, bool, choice, period, json
    required: bool = False
    choices: dict[str, str] = field(default_factory=dict)
    max_length: int = 300
    example: object = None
    help_vi: str = ""


def _c(key, header, kind, example=None, *, required=False, choices=None, max_length=300,
       help_vi=""):
    return Column(key, header, kind, required, dict(choices or {}), max_length, example, help_vi)


SHEETS: dict[str, list[Column]] = {
    UNITS: [
        _c("code", "Mã", "code", "so-tai-chinh", required=True),
        _c("name", "Tên", "text", "Sở Tài chính", required=True, max_length=255),
        _c("short_name", "Tên ngắn", "text", "", max_length=100),
        _c("tree", "Khối", "choice", "state", required=True, choices=_choices(Tree)),
        _c("kind", "Loại", "choice", "department", required=True, choices=_choices(UnitKind)),
        _c("parent", "Mã cấp trên", "code", "ubnd-tinh"),
        _c("peer_group", "Nhóm tương đồng", "text", "so-nganh", max_length=64),
        _c("valid_from", "Hiệu lực từ", "date", "01/07/2025"),
        _c("valid_to", "Hiệu lực đến", "date"),
        _c("successors", "Đơn vị kế thừa", "codes"),
        _c("sort_order", "Thứ tự", "int", 0),
        _c("is_sample", "Dữ liệu mẫu", "bool"),
    ],
    PROGRAMMES: [
        _c("code", "Mã", "code", "ct-hanh-dong-2025-2030", required=True),
        _c("title", "Tên văn bản", "text", "Chương trình hành động nhiệm kỳ 2025 - 2030",
           required=True, max_length=500),
        _c("kind", "Loại", "choice", "chuong_trinh_hanh_dong", required=True,
           choices=_choices(ProgrammeKind)),
        _c("document_number", "Số, ký hiệu", "text", "", max_length=64),
        _c("issued_on", "Ngày ban hành", "date"),
        _c("term_start", "Nhiệm kỳ từ năm", "int", 2025),
        _c("term_end", "Nhiệm kỳ đến năm", "int", 2030),
        _c("period", "Kỳ", "period"),
        _c("issuing_unit", "Cơ quan ban hành", "code", "ubnd-tinh"),
        _c("source_note", "Nguồn", "text", "", max_length=255),
    ],
    INDICATORS: [
        _c("code", "Mã", "code", "thu-ngan-sach", required=True),
        _c("name", "Tên chỉ tiêu", "text", "Thu ngân sách nhà nước", required=True),
        _c("unit_of_measure", "Đơn vị tính", "text", "tỷ đồng", required=True, max_length=64),
        _c("direction", "Chiều tốt", "choice", "higher", choices=_choices(Direction)),
        _c("rollup", "Cách tổng hợp", "choice", "sum", choices=_choices(Rollup)),
        _c("history_rule", "Ghép lịch sử", "choice", "sum", choices=_choices(HistoryRule)),
        _c("history_weight", "Chỉ tiêu trọng số", "code"),
        _c("frequency", "Tần suất", "choice", "quarter", choices=_choices(Frequency)),
        _c("is_cumulative", "Lũy kế", "bool", "x"),
        _c("field", "Lĩnh vực", "choice", "kinh_te", choices=_choices(Field)),
        _c("parent", "Thuộc chỉ tiêu", "code"),
        _c("programme", "Mã văn bản", "code"),
        _c("scope_units", "Đơn vị báo cáo", "codes"),
        _c("is_key", "Chủ yếu", "bool", "x"),
        _c("sort_order", "Thứ tự", "int", 1),
        _c("description", "Ghi chú", "text", "", max_length=4000),
    ],
    TARGETS: [
        _c("indicator", "Mã chỉ tiêu", "code", "thu-ngan-sach", required=True),
        _c("unit", "Mã đơn vị", "code", "ubnd-tinh", required=True),
        _c("period", "Kỳ", "period", "2026", required=True),
        _c("bound", "Ràng buộc", "choice", ">=", choices=_choices(Bound)),
        _c("value", "Giá trị", "decimal", 21000, required=True),
        _c("value_high", "Cận trên", "decimal"),
        _c("scope", "Phạm vi", "choice", "period", choices=_choices(TargetScope)),
        _c("basis", "Căn cứ", "text", "", max_length=120),
        _c("programme", "Mã văn bản", "code"),
        _c("note", "Ghi chú", "text", ""),
        _c("is_sample", "Dữ liệu mẫu", "bool"),
    ],
    FIGURES: [
        _c("indicator", "Mã chỉ tiêu", "code", "thu-ngan-sach", required=True),
        _c("unit", "Mã đơn vị", "code", "ubnd-tinh", required=True),
        _c("period", "Kỳ", "period", "2026-Q1", required=True),
        _c("value", "Giá trị", "decimal", 10619, required=True),
        _c("is_estimate", "Ước đạt", "bool"),
        _c("change", "Tăng/giảm so với cùng kỳ (%)", "decimal"),
        _c("state", "Trạng thái", "choice", "approved", choices=_choices(FigureState)),
        _c("source", "Nguồn số liệu", "text", "", max_length=300),
        _c("note", "Thuyết minh", "text", "", max_length=4000),
        _c("reported", "Số liệu kèm theo (JSON)", "json"),
        _c("is_sample", "Dữ liệu mẫu", "bool"),
    ],
    TASKS: [
        _c("code", "Mã", "code", "q2-ke-hoach-du-lich", required=True),
        _c("title", "Tên nhiệm vụ", "text", "Xây dựng kế hoạch kích cầu du lịch",
           required=True, max_length=500),
        _c("lead_unit", "Đơn vị chủ trì", "code", "so-van-hoa", required=True),
        _c("coordinating_units", "Đơn vị phối hợp", "codes", "so-tai-chinh"),
        _c("programme", "Mã văn bản", "code"),
        _c("period", "Kỳ giao", "period", "2026-Q2"),
        _c("start_date", "Ngày bắt đầu", "date", "01/04/2026"),
        _c("deadline", "Thời hạn", "date", "30/06/2026"),
        _c("extended_deadline", "Thời hạn đã điều chỉnh", "date"),
        _c("expected_product", "Sản phẩm", "choice", "ke_hoach", choices=_choices(Product)),
        _c("is_key", "Trọng tâm", "bool"),
        _c("recurrence", "Lặp lại", "choice", "none", choices=_choices(Recurrence)),
        _c("progress", "Tiến độ (%)", "int", 0),
        _c("state", "Trạng thái", "choice", "open", choices=_choices(TaskState)),
        _c("completed_on", "Ngày hoàn thành", "date"),
        _c("description", "Nội dung", "text", "", max_length=10000),
        _c("source_note", "Nguồn", "text", "", max_length=300),
        _c("is_sample", "Dữ liệu mẫu", "bool"),
    ],
}

DEFAULTS = {"direction": "higher", "rollup": "sum", "frequency": "quarter", "bound": "=",
            "scope": "period", "state_figure": "approved", "expected_product": "khac",
            "recurrence": "none", "history_rule": "none"}


def parse_cell(col: Column, raw):
    """The cell's value for `col`, or None when empty. Raises rules.CellError."""
    if rules.is_blank(raw):
        if col.required:
            raise rules.CellError("không được để trống", "required")
        return None
    kind = col.kind
    if kind == "text":
        return rules.parse_text(raw, max_length=col.max_length)
    if kind == "code":
        return rules.parse_code(raw)
    if kind == "codes":
        return rules.parse_codes(raw)
    if kind == "decimal":
        return rules.parse_decimal(raw)
    if kind == "int":
        return rules.parse_int(raw, low=0, high=2_000_000_000)
    if kind == "date":
        return rules.parse_date(raw)
    if kind == "bool":
        return rules.parse_bool(raw)
    if kind == "choice":
        return rules.parse_choice(raw, col.choices)
    if kind == "period":
        return rules.parse_period_code(raw)
    if kind == "json":
        return rules.parse_json_object(raw)
    raise AssertionError(kind)


class WorkbookError(ValueError):
    """The file is not a workbook we can read at all."""


@dataclass
class SheetRows:
    name: str
    columns: dict[str, int]  # key → 0-based index in the row
    rows: list[tuple[int, tuple]]  # (row number in Excel, raw cells)
    unknown_headers: list[str] = field(default_factory=list)


# A workbook is a zip of XML parts, like a .docx: before openpyxl opens it, its directory is
# checked against these limits (tiendo.extraction.engine.readers_limits), so a "zip bomb"
# cannot take the process's memory or time. 200,000 rows of the widest sheet are about 100 MB
# of XML, which compresses 10-30 times; a bomb compresses thousands of times.
MSG_NOT_XLSX = "Tệp không phải sổ tính Excel .xlsx đọc được (not a readable .xlsx workbook)."
WORKBOOK_LIMITS = Limits(max_entries=500, max_unpacked=200 * MB, max_xml=160 * MB,
                         max_ratio=200)


def read_workbook(source) -> list[SheetRows]:
    """Read the known sheets of a workbook (path, bytes or file object). Sheets named
    otherwise are ignored; blank rows are skipped. WorkbookError for a file that is not a
    workbook, unpacks to too much, or has more than MAX_ROWS rows in a sheet."""
    if isinstance(source, bytes | bytearray):
        source = io.BytesIO(source)
    try:
        if not zipfile.is_zipfile(source):
            raise WorkbookError(MSG_NOT_XLSX)
        if hasattr(source, "seek"):
            source.seek(0)
        check_zip(source, "sổ tính", WORKBOOK_LIMITS)
    except ReadError as exc:
        raise WorkbookError(f"{exc.message_vi} ({exc.message_en})") from None
    if hasattr(source, "seek"):
        source.seek(0)
    try:
        wb = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not .xlsx
        raise WorkbookError(MSG_NOT_XLSX) from exc
    found = []
    try:
        by_fold = {rules.fold(n): n for n in wb.sheetnames}
        for sheet in SHEET_ORDER:
            name = by_fold.get(rules.fold(sheet))
            if name is None:
                continue
            ws = wb[name]
            it: Iterator[tuple] = ws.iter_rows(values_only=True)
            header = next(it, None) or ()
            wanted = {rules.fold(c.header): c.key for c in SHEETS[sheet]}
            columns, unknown = {}, []
            for i, h in enumerate(header):
                text = rules.as_text(h)
                if not text:
                    continue
                key = wanted.get(rules.fold(text))
                if key is None:
                    unknown.append(text)
                else:
                    columns[key] = i
            rows = []
            for n, cells in enumerate(it, start=2):
                if n > MAX_ROWS + 1:  # blank rows count too: each costs time to read
                    raise WorkbookError(f"Sheet “{sheet}” có quá {MAX_ROWS} dòng "
                                        f"(more than {MAX_ROWS} rows).")
                if all(rules.is_blank(c) for c in cells):
                    continue
                rows.append((n, cells))
            found.append(SheetRows(sheet, columns, rows, unknown))
    finally:
        wb.close()
    return found


def write_workbook(data: dict[str, list[dict]], *, template: bool = False,
                   lists: dict[str, list[str]] | None = None,
                   columns: dict[str, list[str]] | None = None) -> bytes:
    """A workbook with every sheet, headers in row 1 and `data[sheet]` rows below (dicts by
    column key). With `template`, one example row per sheet. `columns` limits the sheets and
    columns written (a partial file: absent columns keep the database's values). `lists`
    holds the values offered in drop-downs for unit codes and periods; choices columns always
    get theirs."""
    wb = Workbook()
    wb.remove(wb.active)
    dropdowns = _DropDowns(wb)
    for sheet in SHEET_ORDER:
        if columns is not None and sheet not in columns:
            continue
        cols = SHEETS[sheet]
        if columns is not None:
            cols = [c for c in cols if c.key in columns[sheet]]
        rows = [{c.key: c.example for c in cols}] if template else data.get(sheet, [])
        ws = wb.create_sheet(sheet)
        _write_sheet(ws, cols, rows)
        for i, c in enumerate(cols, start=1):
            ref = _drop_down_of(sheet, c, lists or {}, dropdowns)
            if ref:
                _add_validation(ws, c, ref, column=i, last=max(len(rows) + 1, 1000))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


class _DropDowns:
    """The hidden sheet `_lists`: the values of each drop-down in a column of their own."""

    def __init__(self, wb: Workbook):
        self.sheet = wb.create_sheet("_lists")
        self.sheet.sheet_state = "hidden"
        self.ranges: dict[str, str] = {}

    def ref(self, name: str, values: list[str]) -> str:
        """The range holding list `name` (written on first use)."""
        if name in self.ranges:
            return self.ranges[name]
        col_no = len(self.ranges) + 1
        letter = get_column_letter(col_no)
        self.sheet.cell(row=1, column=col_no, value=name)
        for i, v in enumerate(values or [""], start=2):
            self.sheet.cell(row=i, column=col_no, value=v)
        self.ranges[name] = f"_lists!${letter}$2:${letter}${max(len(values), 1) + 1}"
        return self.ranges[name]


def _write_sheet(ws, cols: list[Column], rows: list[dict]) -> None:
    """Headers (frozen, columns wide enough to read them), then one line per row, text kept
    as text: a value starting with "=" is never a formula."""
    ws.append([c.header for c in cols])
    ws.freeze_panes = "A2"
    for i, c in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(12, min(40, len(c.header) + 4))
    for row in rows:
        ws.append([_cell_out(c, row.get(c.key)) for c in cols])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, never a formula


def _drop_down_of(sheet: str, c: Column, lists: dict[str, list[str]],
                  dropdowns: _DropDowns) -> str | None:
    """The list a column offers: its choices, the unit codes, the periods, or "x" for yes."""
    if c.kind == "choice":
        return dropdowns.ref(f"{sheet}:{c.key}", list(c.choices))
    if c.key in _UNIT_CODE_COLUMNS and sheet != INDICATORS and "units" in lists:
        return dropdowns.ref("units", lists["units"])
    if c.kind == "period" and "periods" in lists:
        return dropdowns.ref("periods", lists["periods"])
    if c.kind == "bool":
        return dropdowns.ref("bool", ["x"])
    return None


def _add_validation(ws, c: Column, ref: str, *, column: int, last: int) -> None:
    """Offer the list at `ref` in rows 2..`last` of a column; only choices and yes/no refuse
    a value outside it (a new code or period may be typed in)."""
    letter = get_column_letter(column)
    dv = DataValidation(type="list", formula1=f"={ref}", allow_blank=True,
                        showErrorMessage=c.kind in ("choice", "bool"))
    dv.error = "Chọn một giá trị trong danh sách (pick a value from the list)."
    dv.add(f"{letter}2:{letter}{last}")
    ws.add_data_validation(dv)


def _cell_out(col: Column, value):
    if value is None:
        return None
    if col.kind == "codes":
        return ", ".join(value)
    if col.kind == "bool":
        return "x" if value else None
    if col.kind == "date" and not isinstance(value, str):
        return vn_day(value)
    if col.kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None
    if col.kind == "decimal" and not isinstance(value, str | int):
        v = Decimal(value).normalize()
        if v == v.to_integral():
            return int(v)
        if len(v.as_tuple().digits) <= 15:
            return float(v)  # exact: repr of a float of ≤ 15 digits gives the digits back
        return format(v, "f").replace(".", ",")  # Vietnamese text, read back exactly
    return value


Progress = Callable[[int, int], None]
