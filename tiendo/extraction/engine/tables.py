"""Tables of targets: a row per line, its cells separated by a tab (readers.py writes a Word
table so, and reports pasted as text keep it). The header row names what each column holds —
the plan ("KH", "Kế hoạch năm 2019", "Dự toán"), the result ("Thực hiện", "Ước TH"), the
earlier period's result ("TH 2018"), the share of the plan ("% so KH", "TH/KH"), the ratio to
the same period ("So cùng kỳ (%)"), the unit ("ĐVT") and the verdict ("Đánh giá": Đạt /
Không đạt) — and each row below it is one indicator, read by its columns, not by its words.

Used by extractor.extract: :func:`read_header` says whether a line is a header (and what its
columns are), :func:`row_statements` reads a row under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tiendo.lib.text import fold

from .model import Number, Statement
from .numbers import ENGLISH_GROUPS_RE, find_numbers, read_unit
from .numbers import YEAR_RE as _YEAR_RE

# what a column holds, from the words of its header (folded: no diacritics, lower case);
# tried in this order, the first that matches decides
_KINDS = (
    ("index", re.compile(r"^(?:stt|tt|so tt)$")),
    ("unit", re.compile(r"^(?:dvt|don vi tinh|don vi)$")),
    ("verdict", re.compile(r"danh gia|muc do hoan thanh|ket qua danh gia|^ghi chu$"
                           r"|^dat\s*/\s*khong dat$|^dat hay khong dat$")),
    # "% so KH", "TH/KH", "Ước TH so với KH (%)", "Tỷ lệ thực hiện so dự toán"
    ("attainment", re.compile(
        r"(?:%|ty le|so voi|so sanh|/|\bso\b)[^;]*"
        r"\b(?:kh|ke hoach|du toan|chi tieu|nq|nghi quyet)\b|\b(?:kh|ke hoach|du toan)\b[^;]*%")),
    # "So cùng kỳ (%)", "TH 2019/TH 2018", "Tăng, giảm so với năm trước"
    ("change", re.compile(
        r"(?:%|so voi|so sanh|/|\bso\b|tang)[^;]*(?:cung ky|nam truoc|\bck\b|(?:19|20)[0-9]{2})")),
    # "So sánh (%)", "Tỷ lệ đạt (%)", "% thực hiện" beside a plan and a result: the share
    # reached; "Tăng/giảm (%)": a change
    ("attainment", re.compile(r"^(?:so sanh|ty le (?:dat|thuc hien)|% (?:dat|thuc hien))\b")),
    ("change", re.compile(r"^tang\s*[/,]?\s*giam\b")),
    ("target", re.compile(r"\b(?:kh|ke hoach|du toan|muc tieu|nghi quyet|nq|chi tieu (?:nq|giao"
                          r"|ke hoach|nam)|giao)\b")),
    ("actual", re.compile(r"\b(?:thuc hien|th|uth|uoc|uoc th|uoc thuc hien|ket qua|luy ke|dat)\b")),
    ("name", re.compile(r"chi tieu|noi dung|danh muc|\bten\b|linh vuc|dia phuong|don vi")),
)
_VALUE_KINDS = {"target", "actual", "attainment", "change", "verdict"}
_NOT_A_YEAR_DIGIT_RE = re.compile(r"[0-9]")
_MONTHS_RE = re.compile(r"(?<![0-9])[0-9]{1,2}\s*tháng", re.IGNORECASE)
_COLUMN_NUMBER_RE = re.compile(r"\(\s*[0-9]{1,2}\s*\)")


@dataclass
class Table:
    """The columns of a table: what each holds, and the year its header names (if any);
    ``complete`` once two columns of values are known (a first header line may only name the
    years above them)."""

    kinds: list[str]
    years: list[int | None]
    complete: bool = True
    cells: bool = False  # copied one cell a line (join_cell_rows)
    english: bool = False  # its figures are grouped the English way ("1,338,000")
    unit: str | None = None  # the unit written over it ("Đơn vị tính: Tỷ đồng")
    group_verdict: str | None = None  # of the group the rows are under ("Các chỉ tiêu đạt")


def column_kind(cell: str) -> str:
    """What a column whose header reads ``cell`` holds ("other" when the header says none)."""
    key = " ".join(fold(cell).replace("(", " ").replace(")", " ").split())
    if not key:
        return "other"
    for kind, rule in _KINDS:
        if rule.search(key):
            return kind
    return "other"


def read_header(line: str, before: Table | None = None) -> Table | None:
    """The table a header line opens: at least two columns of values, no figure but years.
    A second header line right under a first (the year above, "KH | TH" under it) completes
    it column by column."""
    cells = line.split("\t")
    # a header holds no figure but years, the months of a period ("Ước TH 6 tháng 2024") and
    # the numbers of its columns ("ƯTH (2)")
    words = _COLUMN_NUMBER_RE.sub("", _MONTHS_RE.sub("", _YEAR_RE.sub("", line)))
    if len(cells) < 3 or _NOT_A_YEAR_DIGIT_RE.search(words):
        return None
    kinds = [column_kind(c) for c in cells]
    # "Nội dung chỉ tiêu | Chỉ tiêu | Kết quả đạt được": a second column named by the target
    # word alone holds the targets
    for j, (k, c) in enumerate(zip(kinds, cells, strict=True)):
        if k == "name" and "name" in kinds[:j] and fold(c).strip() in ("chi tieu", "muc tieu"):
            kinds[j] = "target"
    years = [int(y.group()) if (y := _YEAR_RE.search(c)) else None for c in cells]
    own = sum(k in _VALUE_KINDS for k in kinds)
    if before is not None and len(before.kinds) == len(cells) and (
        not before.complete or own == 0  # "Dự toán | ƯTH" over "2008 | 2008"
    ):
        kinds = [k if k != "other" else b for k, b in zip(kinds, before.kinds, strict=True)]
        years = [y or b for y, b in zip(years, before.years, strict=True)]
    values = sum(k in _VALUE_KINDS for k in kinds)
    if values < 2 and not any(years):
        return None
    _earlier_results(kinds, years)
    return Table(kinds, years, complete=values >= 2)


# a cell of values alone on its line: "5", "8.717 lượt chính sách[2]", "98,5%", "(Vượt chỉ tiêu)",
# a range of plans "7,0-7,5", "≥ 95%"; "-" and "x" stand in an empty cell
_VALUE_CELL_RE = re.compile(
    r"^\s*(?:[<>≥≤]=?\s*)?[0-9][0-9.,]*(?:\s*%?\s*[-–]\s*[0-9][0-9.,]*)?"
    r"\s*(?:%|[^\W\d_]+(?:\s+[^\W\d_]+){0,3})?\s*(?:\[[0-9]+\])?\s*$|^\s*(?:[-–x]|\.{3}|…)\s*$"
)
_HEADER_CELL_MAX = 40


def _is_value_cell(line: str, units: bool = False) -> bool:
    """A cell of values (with ``units``, under a header with a unit column, a unit cell too:
    "%", "tỷ đồng")."""
    return bool(_VALUE_CELL_RE.match(line) or _is_verdict_cell(line)) or (
        units and _is_unit_cell(line))


def _is_unit_cell(line: str) -> bool:
    cell = line.strip()
    if not cell or len(cell) > 20:
        return False
    unit = read_unit(" " + cell, 0)
    return unit.kind in ("percent", "measure", "count") and unit.end >= len(cell) + 1


def _cell_verdict(cell: str) -> str | None:
    """The verdict a cell states ("Đạt", "(Vượt chỉ tiêu)", "Không đạt NQ"), or None."""
    v = _VERDICT_CELL_RE.match(fold(cell).strip().strip("()").strip())
    return None if v is None else ("not_achieved" if v.group("neg") else "achieved")


def _is_verdict_cell(cell: str) -> bool:
    return _cell_verdict(cell) is not None


def join_cell_rows(text: str) -> tuple[str, set[int]]:
    """A table copied one cell a line ("Nội dung chỉ tiêu" / "Chỉ tiêu" / "Kết quả đạt được",
    then "+ Cấp trung ương" / "5" / "6" / "(Vượt chỉ tiêu)") written as a table of tab-separated
    rows: the line breaks between the cells of its header and of each row become tabs, so
    that the offsets of every figure stay as they are. A row is a name line and the cells of
    values right under it; a long line (the text of a target) is left a line of its own.
    Returns the text and the offsets of the headers' lines."""
    lines = text.split("\n")
    tabbed: set[int] = set()  # the lines whose line break becomes a tab
    heads: set[int] = set()
    i = 0
    while i < len(lines):
        head, header = _cell_header_at(lines, i)
        if header is None:
            i += 1
            continue
        tabbed.update(range(i, i + head - 1))
        heads.add(i)
        kinds = header.kinds
        units = "unit" in kinds
        i += head
        i += _column_numbers(lines[i : i + head])  # they stay lines of their own
        long_before = False
        while i < len(lines):
            line = lines[i]
            values = 0
            while i + 1 + values < len(lines) and _is_value_cell(lines[i + 1 + values], units):
                nxt = i + 2 + values
                if "index" in kinds and _INDEX_CELL_RE.match(lines[i + 1 + values]) and (
                    nxt < len(lines) and lines[nxt].strip() and not _is_value_cell(lines[nxt])
                ):
                    break  # the next row's index ("2" / "Thu ngân sách")
                values += 1
            if values and line.strip() and not _is_value_cell(line):
                if len(line) <= 160 and not re.search(r"[0-9]", _YEAR_RE.sub("", line)):
                    first = i  # the name line starts the row
                    if i > 0 and _INDEX_CELL_RE.match(lines[i - 1]) and i - 1 not in tabbed and (
                        lines[i - 1].strip()
                    ):
                        first = i - 1  # … after its index ("1" / "Tốc độ tăng trưởng")
                else:
                    first = i + 1  # a long name, or one with figures, stays apart
                tabbed.update(range(first, i + values))
                i += values + 1
                long_before = False
                continue
            if len(line) >= 80:
                if long_before:
                    break
                long_before = True
            i += 1
    if not tabbed:
        return text, set()
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    joined = "".join(line + ("\t" if k in tabbed else "\n") for k, line in enumerate(lines))
    return joined[: len(text)], {starts[k] for k in heads}


def _cell_header_at(lines: list[str], i: int) -> tuple[int, Table | None]:
    """How many lines from ``i`` are the cells of a table's header, and the header they make
    (0, None: none): two to seven short lines without a figure whose words name at least two
    columns of values, and a few lines under them a line and the cells of values of its
    row."""
    found: tuple[int, Table | None] = (0, None)
    for n in range(2, 8):
        cells = lines[i : i + n]
        if len(cells) < n or any(
            not c.strip() or len(c) > _HEADER_CELL_MAX or c.rstrip().endswith((".", ";", ","))
            or _NOT_A_YEAR_DIGIT_RE.search(_YEAR_RE.sub("", c)) for c in cells
        ):
            return found
        table = read_header("\t".join(cells))
        if table is None or not table.complete:
            continue
        # the index first and the name before the values: not a title over the header
        # ("Kết quả thực hiện các chỉ tiêu năm 2023" / "STT" / "Chỉ tiêu" / …)
        named = table.kinds.index("name") if "name" in table.kinds else 0
        if "index" in table.kinds[1:] or any(k in _VALUE_KINDS for k in table.kinds[:named]):
            continue
        units = "unit" in table.kinds
        # the longest header whose next line starts a row, not a cell of values ("Đánh giá"
        # is the header's, "8,5" a row's); an index may come first ("1" / "Tốc độ …")
        after = lines[i + n : i + n + 8 + n]  # (a line or two of the target's text first)
        after = after[_column_numbers(after) :][:8]
        if after and _INDEX_CELL_RE.match(after[0]) and len(after) > 1 and not (
            _is_value_cell(after[1])
        ):
            after = after[1:]
        if after and not _is_value_cell(after[0], units) and any(
            not _is_value_cell(after[k]) and _is_value_cell(after[k + 1], units)
            and _is_value_cell(after[k + 2], units) for k in range(len(after) - 2)
        ):
            found = (n, table)
    return found


# "Đơn vị tính: Tỷ đồng -Bill VND", "ĐVT: triệu đồng": the unit of a table's figures, over it
_UNIT_LINE_RE = re.compile(
    r"^\s*(?:đơn vị tính|đvt)\s*:\s*(?P<unit>[^\W\d_][^-–(;,\n]{0,30}?)\s*(?:[-–(;,]|$)",
    re.IGNORECASE | re.MULTILINE)


def unit_over(text: str, start: int) -> str | None:
    """The unit a line over the table at ``start`` (within three lines) writes for it."""
    above = text[max(0, start - 400) : start].rstrip("\n").split("\n")[-3:]
    for line in reversed(above):
        m = _UNIT_LINE_RE.match(line)
        if m:
            return " ".join(m.group("unit").lower().split())
    return None


def _column_numbers(lines: list[str]) -> int:
    """How many of ``lines`` are the numbers of a header's columns ("1" / "2" / "3" / "4")."""
    k = 0
    while k < len(lines) and lines[k].strip().strip("()").strip() == str(k + 1):
        k += 1
    return k if k >= 3 else 0


def _earlier_results(kinds: list[str], years: list[int | None]) -> None:
    """"TH 2018 | KH 2019 | Ước TH 2019": a result of a year before the latest is the earlier
    period's own figure."""
    results = [y for k, y in zip(kinds, years, strict=True) if k == "actual" and y]
    if not results:
        return
    latest = max(results)
    for j, (k, y) in enumerate(zip(kinds, years, strict=True)):
        if k == "actual" and y and y < latest:
            kinds[j] = "earlier"


# a verdict cell names the plan as a verdict in prose does ("Vượt dự toán", "Đạt NQ",
# "Không đạt kế hoạch năm", "Hoàn thành vượt mức")
_VERDICT_CELL_RE = re.compile(
    r"^\s*(?P<neg>khong|chua)?\s*(?:dat|vuot|hoan thanh)(?:\s+(?:va vuot|vuot muc|va hoan thanh"
    r"|ke hoach|kh|chi tieu|muc tieu|du toan|nghi quyet|nq|kich ban|nam|de ra|giao|so voi))*\s*$"
)
_INDEX_CELL_RE = re.compile(r"^\s*(?:[0-9]{1,3}|[ivxlc]+|[a-zđ])[.)]?\s*$", re.IGNORECASE)


def _cells(line: str, start: int) -> list[tuple[int, str]]:
    out, pos = [], start
    for cell in line.split("\t"):
        out.append((pos, cell))
        pos += len(cell) + 1
    return out


def _align(table: Table, cells: list[tuple[int, str]]) -> list[tuple[str, int, str]]:
    """(kind, offset, text) of each cell of a row: by position when the row has as many cells
    as the header; else the leading text cells are its index and name and the others line up
    with the header's last columns (merged cells leave a row shorter)."""
    n = len(table.kinds)
    if len(cells) == n:
        return [(table.kinds[j], pos, c) for j, (pos, c) in enumerate(cells)]
    if "verdict" not in table.kinds and len(cells) > 1 and _is_verdict_cell(cells[-1][1]):
        # "… | 5 | 6 | (Vượt chỉ tiêu)": a verdict after the columns the header names
        return [*_align(table, cells[:-1]), ("verdict", *cells[-1])]
    out = []
    lead = 0
    if len(cells) > 1 and _INDEX_CELL_RE.match(cells[0][1]) and not re.search(
        r"[0-9]", cells[1][1]
    ):
        out.append(("index", *cells[0]))
        lead = 1
    while lead < len(cells) - 1 and not re.search(r"[0-9]", cells[lead][1]):
        kind = "unit" if any(k == "name" for k, _, _ in out) else "name"
        out.append((kind, *cells[lead]))
        lead += 1
    rest = cells[lead:]
    kinds = table.kinds[n - len(rest) :] if len(rest) <= n else table.kinds + ["other"] * (
        len(rest) - n)
    out.extend((k, pos, c) for k, (pos, c) in zip(kinds, rest, strict=True))
    return out


def row_statements(text: str, start: int, line: str, table: Table,
                   report_period: str | None) -> list[Statement]:
    """The statements of a row: the indicator named in its name cell, with the plan, the
    result, the shares and ratios of its columns and the verdict of its verdict cell; the
    earlier period's result a statement of its own."""
    # a row grouped the English way ("1,338,000") says how the table's "323,000" reads
    table.english = table.english or bool(_ENGLISH_GROUPS_RE.search(line))
    cells = _align(table, _cells(line, start))
    name = next((c.strip() for k, _, c in cells if k == "name" and c.strip()), "")
    if not name:
        name = next((c.strip() for k, _, c in cells if not re.search(r"[0-9]", c) and c.strip()),
                    "")
    unit = next((" ".join(c.lower().split()) for k, _, c in cells if k == "unit" and c.strip()),
                None)
    if unit is None and (u := re.search(r"\(([^()0-9]{1,20})\)\s*$", name)):
        unit = " ".join(u.group(1).lower().split())
    unit = unit or table.unit
    main: list[Number] = []
    earlier: list[Number] = []
    status = None
    for kind, pos, cell in cells:
        if kind == "verdict":
            status = _cell_verdict(cell) or status
            continue
        if kind not in ("target", "actual", "attainment", "change", "earlier"):
            continue
        for n in _numbers(text, pos, cell, kind, unit, table.english):
            (earlier if kind == "earlier" else main).append(n)
    label = re.sub(r"^\s*(?:[0-9]+|[ivxlc]+|[a-zđ])[.)]\s*", "", name, flags=re.IGNORECASE)
    label = label[:1].upper() + label[1:] if label else "Chỉ tiêu"
    out = []
    if main:
        out.append(Statement(label[:120], report_period, status, main))
    if earlier:
        y = next((yy for k, yy in zip(table.kinds, table.years, strict=True)
                  if k == "earlier" and yy), None)
        out.append(Statement(label[:120], str(y) if y else None, None, earlier))
    return out


# (numbers.ENGLISH_GROUPS_RE, found in a row)
_ENGLISH_GROUPS_RE = re.compile(r"(?<![0-9.,])" + ENGLISH_GROUPS_RE.pattern + r"(?![0-9.,])")
_THOUSANDS_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")


def _numbers(text: str, pos: int, cell: str, kind: str, unit: str | None,
             english: bool = False) -> list[Number]:
    role = "actual" if kind == "earlier" else kind
    out = []
    tokens = [t for t in find_numbers(cell) if t.value is not None]
    for k, t in enumerate(tokens):
        s = pos + t.start
        written = read_unit(text, s + len(t.text))
        u = written.text if written.kind in ("percent", "measure", "count") and written.text else (
            "%" if kind in ("attainment", "change") else unit)
        value = t.value
        if english and _THOUSANDS_RE.fullmatch(t.text):  # "323,000" in an English table
            value = int(t.text.replace(",", ""))
        negative = k == 0 and re.match(r"^\s*[-–−]\s*$", cell[: t.start]) is not None
        if negative:
            value = -value
        n = Number(s, s + len(t.text), t.text, value, u, role)
        if role == "change":
            n.direction = "down" if negative else ("up" if u != "%" or value >= 100 else "down")
        if role == "target":
            n.scope = "period"
        if len(tokens) == 2 and role == "target":  # "7,5-8,0": a range of plans
            n.bound = ">=" if k == 0 else "<="
        out.append(n)
    return out
