"""The quarterly report as PDF, with WeasyPrint (HTML → PDF).

Why WeasyPrint rather than LibreOffice headless: it is a Python dependency (no 600 MB office
suite on the server, no soffice process to supervise, no profile directory races when two
builds run at once), it builds a report in well under a second, and its output is the same on
every machine once the fonts are named. The PDF is laid out from the same content as the .docx
(content.py), in the same layout (A4, margins, heading block), in Noto Serif: Times New Roman
is not free on a Linux server, and the font fontconfig puts in its place (Liberation Serif)
lacks the stacked Vietnamese marks, which then come from another font mid-word.

Debian packages it needs: libpango-1.0-0 libpangoft2-1.0-0 (WeasyPrint's text engine),
libharfbuzz-subset0 (font subsetting), fonts-noto-core (Noto Serif: every Vietnamese mark).
"""

from __future__ import annotations

from dataclasses import replace

from django.template.loader import render_to_string

from tiendo.reports.content import Block, Report

CENTERED_COLUMNS = {1, 4, 5}


def _lists(blocks: list[Block]) -> list[Block]:
    """Consecutive numbered items as one list ("numbers"), so HTML numbers them 1, 2, 3…"""
    out: list[Block] = []
    for b in blocks:
        if b.kind == "number":
            if out and out[-1].kind == "numbers":
                out[-1].rows.append([b.text])
            else:
                out.append(Block("numbers", rows=[[b.text]]))
        else:
            out.append(b)
    return out


def render_html(report: Report) -> str:
    view = replace(report, blocks=_lists(report.blocks), appendix=_lists(report.appendix))
    return render_to_string("reports/report_pdf.html",
                            {"report": view, "centered": CENTERED_COLUMNS})


def render_pdf(report: Report) -> bytes:
    from weasyprint import HTML  # imported late: loading Pango takes a moment

    return HTML(string=render_html(report)).write_pdf()
