"""One entry point for every output of the report: the command, the page and the API call it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from tiendo.lib.periods import PeriodError, parse_period
from tiendo.reports.content import build_report
from tiendo.shared.i18n import translate

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}
FORMAT_LABELS = {
    "docx": "Báo cáo (Word .docx)",
    "pdf": "Báo cáo (PDF)",
    "xlsx": "Bảng tính chỉ tiêu và nhiệm vụ (.xlsx)",
    "csv": "Chỉ tiêu (CSV)",
    "json": "Chỉ tiêu và nhiệm vụ (JSON)",
}
MSG_BAD_FORMAT = _("Định dạng “{fmt}” không hỗ trợ; chọn một trong: {choices}.")
MSG_BAD_PERIOD = _("Kỳ báo cáo không hợp lệ: {error}")


class BuildError(ValueError):
    """Bad input to a build, with a Vietnamese message."""


@dataclass(frozen=True)
class Built:
    content: bytes
    filename: str
    content_type: str


def check_period(text: str):
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise BuildError(MSG_BAD_PERIOD.format(error=translate(exc))) from exc


def build(fmt: str, *, user, period: str, unit_code: str | None = None,
          tree: str | None = None, on: date, sheet: str = "indicators",
          issuer_code: str | None = None, dated: date | None = None,
          number: str = "") -> Built:
    """Build one output. Raises BuildError on a bad format or period; Http404 when the user
    may not see the unit."""
    if fmt not in FORMATS:
        raise BuildError(MSG_BAD_FORMAT.format(fmt=fmt, choices=", ".join(FORMATS)))
    p = check_period(period)
    report = build_report(user=user, period=p, unit_code=unit_code, tree=tree, on=on,
                          detail=fmt in ("xlsx", "csv", "json"), issuer_code=issuer_code,
                          dated=dated, number=number)
    if fmt == "docx":
        from tiendo.reports.docx import render_docx

        content = render_docx(report)
    elif fmt == "pdf":
        from tiendo.reports.pdf import render_pdf

        content = render_pdf(report)
    elif fmt == "xlsx":
        from tiendo.reports.xlsx import render_xlsx

        content = render_xlsx(report)
    elif fmt == "csv":
        from tiendo.reports.xlsx import render_csv

        content = render_csv(report, sheet)
    else:
        from tiendo.reports.xlsx import render_json

        content = render_json(report)
    stem = f"bao-cao-{p.code}" + (f"-{unit_code}" if unit_code else "")
    if fmt == "csv" and sheet != "indicators":
        stem += f"-{sheet}"
    return Built(content, f"{stem}.{fmt}", FORMATS[fmt])
