"""The quarterly report as a .docx, laid out in the office's editable template."""

from __future__ import annotations

import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from tiendo.reports.content import Report
from tiendo.reports.template import (
    APPENDIX_MARKER,
    MARKER,
    RECIPIENTS,
    TEMPLATE_DIR,
    TEMPLATES,
)

STYLE_OF = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "p": "Normal",
            "bullet": "Normal", "number": "List Number"}
TASK_COL_WIDTHS_CM = [1.0, 6.0, 3.4, 2.4, 1.6, 2.6]
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class TemplateError(Exception):
    pass


def _replace(paragraph, values: dict[str, str]) -> None:
    text = paragraph.text
    if "{{" not in text:
        return
    new = text
    for key, value in values.items():
        new = new.replace("{{" + key + "}}", value)
    if new == text:
        return
    runs = paragraph.runs
    runs[0].text = new
    for r in runs[1:]:
        r.text = ""


def _all_paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _move_before(marker_el, element) -> None:
    marker_el.addprevious(element)


def _cell_xml(text: str, width_twips: int | None, align: str) -> str:
    width = f'<w:tcW w:w="{width_twips}" w:type="dxa"/>' if width_twips else ""
    return (f"<w:tc><w:tcPr>{width}</w:tcPr><w:p><w:pPr><w:spacing w:after=\"0\"/>"
            f'<w:ind w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr><w:r><w:rPr>'
            f'<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">'
            f"{escape(_ILLEGAL.sub('', text))}</w:t></w:r></w:p></w:tc>")


def _add_table(doc, marker_el, header: list[str], rows: list[list[str]]) -> None:
    """A grid table. The body rows are written as XML directly: python-docx's add_row() and
    .cells are linear in the table size, so a province's 2,000-task appendix took seconds."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    widths = (TASK_COL_WIDTHS_CM if len(header) == len(TASK_COL_WIDTHS_CM)
              else [None] * len(header))
    for cell, text, width in zip(table.rows[0].cells, header, widths, strict=True):
        par = cell.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.first_line_indent = Cm(0)
        run = par.add_run(text)
        run.font.bold = True
        run.font.size = Pt(12)
        if width:
            cell.width = Cm(width)
    twips = [int(w / 2.54 * 1440) if w else None for w in widths]
    aligns = ["left" if i in (1, 2, 5) else "center" for i in range(len(header))]
    tbl = table._tbl
    for values in rows:
        cells = "".join(_cell_xml(v, t, a) for v, t, a in zip(values, twips, aligns,
                                                               strict=True))
        tbl.append(parse_xml(f"<w:tr {nsdecls('w')}>{cells}</w:tr>"))
    # the header row repeats on every page
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
    _move_before(marker_el, tbl)


def _write_blocks(doc, marker_el, blocks) -> None:
    # style ids looked up once: python-docx's own lookup walks every style per paragraph
    style_ids = {st.name: st.style_id for st in doc.styles}
    for block in blocks:
        if block.kind == "table":
            _add_table(doc, marker_el, block.header, block.rows)
            continue
        # Each paragraph is made in place, before the marker: python-docx's add_paragraph()
        # appends at the end of the body (a walk of its children per paragraph) and run.text
        # reads the text character by character.
        p = OxmlElement("w:p")
        _move_before(marker_el, p)
        par = Paragraph(p, doc._body)
        if block.kind == "pagebreak":
            par.add_run().add_break(WD_BREAK.PAGE)
            continue
        style_id = style_ids.get(STYLE_OF.get(block.kind, "Normal"))  # None: Normal
        if style_id and style_id != style_ids.get("Normal"):
            p.get_or_add_pPr().style = style_id
        text = _ILLEGAL.sub("", ("- " + block.text) if block.kind == "bullet" else block.text)
        if "\n" in text or "\t" in text or "\r" in text:
            par.add_run(text)  # line breaks and tabs become <w:br/> and <w:tab/>
        else:
            p.add_r().add_t(text)
        if block.kind == "h1":
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER if block.text == "PHỤ LỤC" else None


def render_docx(report: Report, *, template: Path | None = None) -> bytes:
    """The report as .docx bytes. ``template`` defaults to the one of the heading's tree. The
    body goes at ``{{noi_dung}}``, before Nơi nhận and the signature; the appendices at
    ``{{phu_luc}}`` after them (at the end when the template has no such paragraph)."""
    path = template or TEMPLATE_DIR / TEMPLATES.get(report.heading.tree, TEMPLATES["state"])
    doc = Document(str(path))
    h = report.heading
    values = {"upper_body": h.upper_body, "body": h.body, "number": h.number,
              "place_date": h.place_date, "title": h.title, "subtitle": h.subtitle,
              "kinh_gui": f"Kính gửi: {h.addressee}" if h.addressee else "",
              "signer_power": h.signer_power, "signer_title": h.signer_title,
              "signer_name": h.signer_name}
    marker = appendix_marker = None
    for par in list(_all_paragraphs(doc)):
        text = par.text.strip()
        if text == MARKER:
            marker = par
        elif text == APPENDIX_MARKER:
            appendix_marker = par
        elif text == RECIPIENTS:
            for line in h.recipients:
                new = parse_xml(par._p.xml)  # a copy with the same formatting
                par._p.addprevious(new)
                _set_text(new, line)
            par._p.getparent().remove(par._p)
        elif text == "{{kinh_gui}}" and not h.addressee:
            par._p.getparent().remove(par._p)
        else:
            _replace(par, values)
    if marker is None:
        raise TemplateError(f"Mẫu báo cáo {path.name} thiếu đoạn {MARKER}.")
    _write_blocks(doc, marker._p, report.blocks)
    marker._p.getparent().remove(marker._p)
    if appendix_marker is None:
        appendix_marker = doc.add_paragraph()
    _write_blocks(doc, appendix_marker._p, report.appendix)
    appendix_marker._p.getparent().remove(appendix_marker._p)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _set_text(p_el, text: str) -> None:
    runs = p_el.findall(qn("w:r"))
    for r in runs[1:]:
        p_el.remove(r)
    t = runs[0].find(qn("w:t")) if runs else None
    if t is not None:
        t.text = text


def copy_template(tree: str) -> bytes:
    """The template itself, for the office to download, edit and upload back."""
    return (TEMPLATE_DIR / TEMPLATES[tree]).read_bytes()


__all__ = ["TemplateError", "copy_template", "render_docx"]
