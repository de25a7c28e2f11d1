"""A small, fast .xlsx (SpreadsheetML) writer for tabular exports.

Why not openpyxl for writing: a province's quarter is ~30,000 figure rows × 17 columns, and
openpyxl builds a Python object per cell — 10 s and more on our 2-core server, against a 3 s
budget. The workbooks tiendo writes are plain tables (one header row, typed cells, a handful
of number formats, frozen header, filter, column widths), so they are streamed here straight to
XML: about a tenth of the time. openpyxl still reads them back in the tests, and Excel and
LibreOffice open them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape

from tiendo.lib.cells import is_formula_like

# Number formats (custom ids from 164, as Excel numbers them). The first six are the reports';
# the rest the on-screen lists' (tiendo/shared/xlsx.py). New ones go at the end: a format's
# style id is its place in this list.
NUMBER_FORMATS = ["#,##0", "#,##0.00", "0.00%", "+0.00%;-0.00%;0.00%", "0%", "dd/mm/yyyy",
                  "#,##0.####", '0.00"%"', "DD/MM/YYYY", "DD/MM/YYYY HH:MM", "@"]
_STYLE_OF_FORMAT = {fmt: 2 + i for i, fmt in enumerate(NUMBER_FORMATS)}  # 0 plain, 1 header
AUTO_NUMBER = "number"  # a column format: "#,##0" for whole numbers, "#,##0.00" otherwise
_INT_STYLE, _DEC_STYLE = _STYLE_OF_FORMAT["#,##0"], _STYLE_OF_FORMAT["#,##0.00"]
_QUOTED_STYLE = 2 + len(NUMBER_FORMATS)  # text that looks like a formula (lib/cells.py)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_EPOCH = date(1899, 12, 30)
_EPOCH_TIME = datetime(1899, 12, 30)  # noqa: DTZ001 — cells hold local, naive times
FONT = "Times New Roman"

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass
class Sheet:
    title: str
    header: Sequence[str]
    rows: Iterable[Sequence]  # cell values: str, int, float, Decimal, date, naive datetime, None
    formats: Sequence[str | None]  # per column: one of NUMBER_FORMATS, AUTO_NUMBER or None
    widths: Sequence[float]


def _letters(n: int) -> list[str]:
    out = []
    for i in range(1, n + 1):
        s, k = "", i
        while k:
            k, r = divmod(k - 1, 26)
            s = chr(65 + r) + s
        out.append(s)
    return out


def _text(value: str) -> str:
    value = _ILLEGAL.sub("", value)
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    # a carriage return written raw is read back as a line feed (XML end-of-line handling)
    return f"<is><t{space}>{escape(value, {chr(13): '&#13;'})}</t></is>"


def _sheet_xml(sheet: Sheet) -> tuple[bytes, int]:
    cols = len(sheet.header)
    letters = _letters(cols)
    styles = [-1 if f == AUTO_NUMBER else _STYLE_OF_FORMAT.get(f or "", 0)
              for f in sheet.formats]
    timed = ["HH" in (f or "") for f in sheet.formats]  # a datetime keeps its time of day
    out = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}" '
        f'xmlns:r="{NS_R}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" '
        'topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
        'activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight='
        '"15"/><cols>'
    ]
    out.extend(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
               for i, w in enumerate(sheet.widths, start=1))
    out.append('</cols><sheetData><row r="1" ht="32" customHeight="1">')
    out.extend(f'<c r="{letters[i]}1" s="1" t="inlineStr">{_text(h)}</c>'
               for i, h in enumerate(sheet.header))
    out.append("</row>")
    n = 1
    texts: dict[str, str] = {}  # names of units and indicators repeat on every row
    for values in sheet.rows:
        n += 1
        cells = [f'<row r="{n}">']
        for i, v in enumerate(values):
            if v is None or v == "":
                continue
            ref = f"{letters[i]}{n}"
            s = styles[i]
            if isinstance(v, str):
                t = texts.get(v)
                if t is None:
                    t = texts[v] = _text(v)
                quoted = f' s="{_QUOTED_STYLE}"' if is_formula_like(v) else ""
                cells.append(f'<c r="{ref}"{quoted} t="inlineStr">{t}</c>')
            elif isinstance(v, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
            elif isinstance(v, datetime) and timed[i]:  # naive, local: day and its fraction
                serial = (v - _EPOCH_TIME).total_seconds() / 86400
                cells.append(f'<c r="{ref}" s="{s}"><v>{serial!r}</v></c>')
            elif isinstance(v, (date, datetime)):
                d = v.date() if isinstance(v, datetime) else v
                cells.append(f'<c r="{ref}" s="{s}"><v>{(d - _EPOCH).days}</v></c>')
            else:
                if s == -1:
                    s = _INT_STYLE if v == int(v) else _DEC_STYLE
                num = format(v, "f") if isinstance(v, Decimal) else repr(v)
                cells.append(f'<c r="{ref}" s="{s}"><v>{num}</v></c>' if s
                             else f'<c r="{ref}"><v>{num}</v></c>')
        cells.append("</row>")
        out.append("".join(cells))
    out.append(f'</sheetData><autoFilter ref="A1:{letters[-1]}{n}"/></worksheet>')
    return "".join(out).encode("utf-8"), n


def _styles_xml() -> bytes:
    fmts = "".join(f'<numFmt numFmtId="{164 + i}" formatCode="{escape(f, {chr(34): "&quot;"})}"/>'
                   for i, f in enumerate(NUMBER_FORMATS))
    xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
           '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" '
           'applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" '
           'vertical="center" wrapText="1"/></xf>']
    xfs += [f'<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"/>' for i in range(len(NUMBER_FORMATS))]
    xfs.append('<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" '
               'applyNumberFormat="1" quotePrefix="1"/>')  # _QUOTED_STYLE
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{NS}">'
        f'<numFmts count="{len(NUMBER_FORMATS)}">{fmts}</numFmts>'
        f'<fonts count="2"><font><sz val="12"/><name val="{FONT}"/></font>'
        f'<font><b/><sz val="12"/><name val="{FONT}"/></font></fonts>'
        '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill '
        'patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor '
        'rgb="FFDCE6F1"/></patternFill></fill></fills>'
        '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>'
        '<left/><right/><top/><bottom style="thin"><color rgb="FF999999"/></bottom><diagonal/>'
        '</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        f'borderId="0"/></cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ).encode()


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1))
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default '
            'Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{overrides}</Types>"))
        z.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
            f'"{NS_PKG}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"))
        names, sheet_tags, rels = [], [], []
        for i, sheet in enumerate(sheets, start=1):
            xml, last_row = _sheet_xml(sheet)
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
            title = escape(sheet.title[:31], {'"': "&quot;"})
            sheet_tags.append(f'<sheet name="{title}" sheetId="{i}" r:id="rId{i}"/>')
            rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/'
                        f'officeDocument/2006/relationships/worksheet" '
                        f'Target="worksheets/sheet{i}.xml"/>')
            last_col = _letters(len(sheet.header))[-1]
            quoted = "'" + sheet.title[:31].replace("'", "''") + "'"
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i - 1}" '
                         f'hidden="1">{escape(quoted)}!$A$1:${last_col}${last_row}'
                         "</definedName>")
        rels.append(f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.'
                    'openxmlformats.org/officeDocument/2006/relationships/styles" '
                    'Target="styles.xml"/>')
        z.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{NS}" '
            f'xmlns:r="{NS_R}"><sheets>{"".join(sheet_tags)}</sheets><definedNames>'
            f'{"".join(names)}</definedNames></workbook>'))
        z.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="{NS_PKG}">{"".join(rels)}</Relationships>'))
        z.writestr("xl/styles.xml", _styles_xml())
    return buf.getvalue()
