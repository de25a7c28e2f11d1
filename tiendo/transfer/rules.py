"""Reading one workbook cell into a plain value (no database).

Each parser takes the raw cell (what openpyxl gives: str, int, float, datetime, bool or None)
and returns the value, or raises :class:`CellError` saying what was expected, in Vietnamese and
English. The services turn a CellError into an error row naming the sheet, row and column.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from tiendo.lib import clock
from tiendo.lib.periods import PeriodError, parse_period
from tiendo.lib.text import fold, nfc
from tiendo.lib.vn_numbers import VnNumberError, parse_decimal_input
from tiendo.shared.i18n import in_language

TRUE_WORDS = {"x", "co", "1", "true", "yes", "dung", "c"}
FALSE_WORDS = {"", "khong", "0", "false", "no", "k"}
_CODE = re.compile(r"[-a-zA-Z0-9_]+")


class CellError(ValueError):
    """A cell that does not hold what its column expects."""

    def __init__(self, expected_vi: str, expected_en: str) -> None:
        self.expected_vi = expected_vi
        self.expected_en = expected_en
        super().__init__(expected_vi)


@dataclass(frozen=True)
class RowError:
    """One problem in the file: where it is and what was expected there."""

    sheet: str
    row: int
    column: str
    value: str
    expected_vi: str
    expected_en: str

    @property
    def message(self) -> str:
        where = f"Sheet “{self.sheet}”, dòng {self.row}"
        if self.column:
            where += f", cột “{self.column}”"
        got = f" (đang ghi “{self.value}”)" if self.value else ""
        return f"{where}: {self.expected_vi}{got}. ({self.expected_en})"

    def as_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "value": self.value, "expected": self.expected_vi,
                "expected_en": self.expected_en, "message": self.message}


def is_blank(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def as_text(raw) -> str:
    """The cell as trimmed NFC text ('' for an empty cell); whole floats lose their '.0'."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    return nfc(str(raw)).strip()


def parse_text(raw, *, max_length: int) -> str:
    text = as_text(raw)
    if len(text) > max_length:
        raise CellError(f"tối đa {max_length} ký tự", f"at most {max_length} characters")
    return text


def parse_code(raw) -> str:
    text = as_text(raw)
    if not _CODE.fullmatch(text) or len(text) > 64:
        raise CellError("một mã gồm chữ không dấu, số, gạch ngang (ví dụ so-tai-chinh)",
                        "a code of plain letters, digits and hyphens (e.g. so-tai-chinh)")
    return text


def parse_codes(raw) -> list[str]:
    """A list of codes separated by commas, semicolons or line breaks."""
    parts = [p.strip() for p in re.split(r"[,;\n]", as_text(raw)) if p.strip()]
    for p in parts:
        parse_code(p)
    return parts


def parse_decimal(raw) -> Decimal:
    """A number cell, or text written the Vietnamese way ("10.619", "7,47") or plainly."""
    if isinstance(raw, bool):
        raise CellError("một số", "a number")
    if isinstance(raw, int):
        value = Decimal(raw)
    elif isinstance(raw, float):
        value = Decimal(repr(raw))
    else:
        try:
            value = parse_decimal_input(as_text(raw))
        except (VnNumberError, InvalidOperation, TypeError) as exc:
            raise CellError("một số (ví dụ 10.619 hoặc 7,47)",
                            "a number (e.g. 10.619 or 7,47)") from exc
    if not value.is_finite():
        raise CellError("một số", "a number")
    if abs(value) >= Decimal(10) ** 16:
        raise CellError("một số nhỏ hơn 10^16", "a number below 10^16")
    exponent = value.normalize().as_tuple().exponent  # an int: the value is finite
    if isinstance(exponent, int) and exponent < -4:
        raise CellError("một số có tối đa 4 chữ số thập phân",
                        "a number with at most 4 decimal places")
    return value


def parse_int(raw, *, low: int, high: int) -> int:
    value = parse_decimal(raw)
    if value != value.to_integral() or not low <= value <= high:
        raise CellError(f"một số nguyên từ {low} đến {high}",
                        f"a whole number from {low} to {high}")
    return int(value)


def parse_date(raw) -> date:
    """A date cell, or text as dd/mm/yyyy or yyyy-mm-dd."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    try:
        return clock.parse_day(as_text(raw))
    except ValueError as exc:
        raise CellError("một ngày dạng dd/mm/yyyy", "a date as dd/mm/yyyy") from exc


def parse_bool(raw) -> bool:
    if isinstance(raw, bool):
        return raw
    key = fold(as_text(raw))
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise CellError("“x” hoặc “có” (để trống là không)", "“x” or “có” (empty means no)")


def parse_choice(raw, choices: dict[str, str]) -> str:
    """One of `choices` (value → label), written as the value or as the label."""
    text = as_text(raw)
    if text in choices:
        return text
    key = fold(text)
    for value, label in choices.items():
        if key in (fold(value), fold(str(label))):
            return value
    raise CellError("một trong: " + ", ".join(choices),
                    "one of: " + ", ".join(choices))


def parse_period_code(raw) -> str:
    text = as_text(raw)
    try:
        return parse_period(text).code
    except PeriodError as exc:
        raise CellError(f"một kỳ hợp lệ — {exc}",
                        f"a valid period — {in_language('en', exc)}") from exc


def parse_json_object(raw) -> dict:
    text = as_text(raw)
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise CellError("một đối tượng JSON, ví dụ {\"status\": \"achieved\"}",
                        "a JSON object, e.g. {\"status\": \"achieved\"}") from exc
    if not isinstance(value, dict):
        raise CellError("một đối tượng JSON {…}", "a JSON object {…}")
    return value


def order_by_parent(items: list[tuple[str, str | None]]) -> list[str] | None:
    """Codes ordered so that each comes after its parent (when the parent is in the list);
    None when the parents form a cycle."""
    parent = dict(items)
    done: list[str] = []
    placed: set[str] = set()
    for code, _p in items:
        chain, seen = [], set()
        c: str | None = code
        while c is not None and c in parent and c not in placed:
            if c in seen:
                return None
            seen.add(c)
            chain.append(c)
            c = parent[c]
        for c in reversed(chain):
            placed.add(c)
            done.append(c)
    return done
