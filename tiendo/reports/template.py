"""The editable .docx templates of the quarterly report, written with python-docx.

`python -m tiendo.reports.template` rewrites ``templates/reports/bao-cao-dang.docx`` (party
bodies, Hướng dẫn 36-HD/VPTW) and ``bao-cao-chinh-quyen.docx`` (state bodies, Nghị định
30/2020/NĐ-CP). The office may then edit them in Word — fonts, margins, the signature block,
the wording around the placeholders — as long as the placeholders stay:

``{{upper_body}} {{body}} {{number}} {{place_date}} {{title}} {{subtitle}} {{kinh_gui}}
{{signer_power}} {{signer_title}} {{signer_name}}``, the paragraph ``{{noi_dung}}`` where the
body of the report goes, ``{{noi_nhan}}`` (one paragraph per recipient) and ``{{phu_luc}}``
after the signature block, where the appendices go. The styles used for the body are
"Normal", "Heading 1/2/3", "List Number" (the tasks of part B) and "Table Grid".
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates" / "reports"
TEMPLATES = {"party": "bao-cao-dang.docx", "state": "bao-cao-chinh-quyen.docx"}
FONT = "Times New Roman"
BODY_PT = 14
MARKER = "{{noi_dung}}"
RECIPIENTS = "{{noi_nhan}}"  # one paragraph per recipient line
APPENDIX_MARKER = "{{phu_luc}}"  # the appendices, after the signature block

# Nghị định 30/2020/NĐ-CP, Phụ lục I: A4; top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}


def _font(style_or_run, size: float | None = None, bold: bool | None = None,
          italic: bool | None = None) -> None:
    font = style_or_run.font
    font.name = FONT
    font.color.rgb = RGBColor(0, 0, 0)
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    _font(normal, BODY_PT)
    pf = normal.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.first_line_indent = Cm(1)
    pf.space_before = Pt(0)
    pf.space_after = Pt(6)
    pf.line_spacing = 1.15
    for name, size in (("Heading 1", BODY_PT), ("Heading 2", BODY_PT), ("Heading 3", BODY_PT)):
        st = doc.styles[name]
        _font(st, size, bold=True, italic=(name == "Heading 3"))
        st.paragraph_format.space_before = Pt(6)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.first_line_indent = Cm(1)
        st.paragraph_format.keep_with_next = True
    bullet = doc.styles["List Bullet"]
    _font(bullet, BODY_PT)
    bullet.paragraph_format.first_line_indent = Cm(1)
    bullet.paragraph_format.left_indent = Cm(0)
    numbered = doc.styles["List Number"]  # Word's own numbering: the office edits the list
    _font(numbered, BODY_PT)
    numbered.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    numbered.paragraph_format.space_after = Pt(6)
    grid = doc.styles["Table Grid"]
    _font(grid, 12)


def _cell_par(cell, text: str, *, size: float = 13, bold: bool = False, italic: bool = False,
              underline: bool = False, first: bool = False) -> None:
    par = cell.paragraphs[0] if first else cell.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.paragraph_format.first_line_indent = Cm(0)
    par.paragraph_format.space_after = Pt(0)
    par.paragraph_format.line_spacing = 1.0
    run = par.add_run(text)
    _font(run, size, bold=bold, italic=italic)
    run.font.underline = underline


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"})
        borders.append(el)
    tbl_pr.append(borders)


def _centered(doc, text: str, *, bold: bool = False, size: float = BODY_PT,
              space_after: float = 0) -> None:
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.paragraph_format.first_line_indent = Cm(0)
    par.paragraph_format.space_after = Pt(space_after)
    _font(par.add_run(text), size, bold=bold)


def _page_numbers(section) -> None:
    """Page numbers centred in the header from the second page on (Nghị định 30/2020)."""
    section.different_first_page_header_footer = True
    par = section.header.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.paragraph_format.first_line_indent = Cm(0)
    run = par.add_run()
    _font(run, BODY_PT)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind})
        else:
            el = run._r.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
            el.text = text
        run._r.append(el)


def make_template(tree: str):
    """A new template Document for ``tree`` ("party" or "state")."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    _styles(doc)
    _page_numbers(section)

    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    head.autofit = False
    _no_borders(head)
    left, right = head.rows[0].cells
    left.width, right.width = Cm(7), Cm(9)
    if tree == "party":
        _cell_par(left, "{{upper_body}}", size=14, first=True)
        _cell_par(left, "{{body}}", size=14, bold=True)
        _cell_par(left, "*", size=14)
        _cell_par(left, "{{number}}", size=14)
        _cell_par(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, underline=True,
                  first=True)
        _cell_par(right, "", size=14)
        _cell_par(right, "", size=14)
        _cell_par(right, "{{place_date}}", size=14, italic=True)
    else:
        _cell_par(left, "{{upper_body}}", size=13, first=True)
        _cell_par(left, "{{body}}", size=13, bold=True)
        _cell_par(left, "{{number}}", size=13)
        _cell_par(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, first=True)
        _cell_par(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, underline=True)
        _cell_par(right, "", size=14)
        _cell_par(right, "{{place_date}}", size=14, italic=True)

    doc.add_paragraph().paragraph_format.first_line_indent = Cm(0)
    _centered(doc, "{{title}}", bold=True, size=15)
    _centered(doc, "{{subtitle}}", bold=True)
    # the short line under the trích yếu (Hướng dẫn 36-HD/VPTW, Nghị định 30/2020)
    _centered(doc, "-----", space_after=6)
    _centered(doc, "{{kinh_gui}}", space_after=12)
    doc.add_paragraph(MARKER)

    sign = doc.add_table(rows=1, cols=2)
    _no_borders(sign)
    left, right = sign.rows[0].cells
    par = left.paragraphs[0]
    par.paragraph_format.first_line_indent = Cm(0)
    _font(par.add_run("Nơi nhận:"), 12, bold=True, italic=True)
    p = left.add_paragraph()
    p.paragraph_format.first_line_indent = Cm(0)
    p.paragraph_format.space_after = Pt(0)
    _font(p.add_run(RECIPIENTS), 11)
    _cell_par(right, "{{signer_power}}", size=14, bold=True, first=True)
    _cell_par(right, "{{signer_title}}", size=14, bold=True)
    for _ in range(3):
        _cell_par(right, "", size=14)
    _cell_par(right, "{{signer_name}}", size=14, bold=True)
    doc.add_paragraph(APPENDIX_MARKER)
    return doc


def write_templates(directory: Path = TEMPLATE_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for tree, name in TEMPLATES.items():
        path = directory / name
        make_template(tree).save(path)
        out.append(path)
    return out


if __name__ == "__main__":
    for p in write_templates():
        sys.stdout.write(f"{p}\n")
