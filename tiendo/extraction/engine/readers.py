"""Reading a report file into the text that every offset refers to.

- ``.txt``: UTF-8 (a BOM is kept as a character so offsets stay those of the file's text);
- ``.docx``: paragraphs and tables in document order (python-docx); a table row is one line,
  its cells separated by a tab;
- ``.pdf``: the text layer, page by page (pdfplumber), with the lines the PDF wrapped inside a
  paragraph joined again (:func:`reflow`). A PDF without a text layer (a scan) is refused.

Anything else — an unknown type, a corrupt file, a file over ``max_bytes``, a document past
one of the :class:`~.readers_limits.Limits` (unpacked size, compression ratio, paragraphs,
characters, PDF pages) — raises :class:`ReadError` with a Vietnamese message (``message_en``
holds the English one). The size is checked before the file is opened, and a .docx's archive
before any part is parsed, so a huge or hostile file costs no memory.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from .model import Document
from .readers_errors import ReadError, refusal
from .readers_limits import DEFAULT_LIMITS, Limits, check_text, check_zip, count_paragraphs

MAX_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = DEFAULT_LIMITS.max_pdf_pages


def read_document(path, *, max_bytes: int = MAX_BYTES,
                  limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read ``path`` (.txt, .docx, .pdf) into a :class:`Document`; ReadError otherwise."""
    p = Path(path)
    name = p.name
    try:
        size = os.stat(p).st_size
    except OSError:
        raise refusal("Không mở được tệp “{name}”: tệp không tồn tại hoặc không đọc được.",
                      "Cannot open “{name}”: the file does not exist or cannot be read.",
                      name=name) from None
    if p.is_dir():
        raise refusal("“{name}” là thư mục, không phải tệp.", "“{name}” is a directory.",
                      name=name)
    if size > max_bytes:
        raise refusal(
            "Tệp “{name}” quá lớn ({mb:.1f} MB); giới hạn là {limit} MB.",
            "The file “{name}” is too large ({mb:.1f} MB); the limit is {limit} MB.",
            name=name, mb=size / 1048576, limit=max_bytes // 1048576,
        )
    ext = p.suffix.lower()
    if ext == ".txt":
        return Document(check_text(_read_txt(p), name, limits), "txt")
    if ext == ".docx":
        return Document(check_text(_read_docx(p, limits), name, limits), "docx")
    if ext == ".pdf":
        return Document(check_text(_read_pdf(p, limits), name, limits), "pdf")
    raise refusal("Không đọc được tệp “{name}”: chỉ nhận .txt, .docx hoặc .pdf.",
                  "Cannot read “{name}”: only .txt, .docx or .pdf files are accepted.", name=name)


def _read_txt(p: Path) -> str:
    try:
        return p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refusal(
            "Tệp “{name}” không phải văn bản UTF-8 (byte lỗi ở vị trí {pos}); hãy lưu lại "
            "với bảng mã UTF-8.",
            "The file “{name}” is not UTF-8 text (bad byte at {pos}); save it as UTF-8.",
            name=p.name, pos=exc.start,
        ) from None


def _read_docx(p: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        if not zipfile.is_zipfile(p):
            raise ValueError("not a zip")
        check_zip(p, p.name, limits)  # before any part is inflated
        count_paragraphs(p, p.name, limits)
        d = docx.Document(str(p))
        lines: list[str] = []
        for block in d.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(block, d).text)
            elif tag == "tbl":
                for row in Table(block, d).rows:
                    cells = []
                    for cell in row.cells:
                        t = " ".join(cell.text.split())
                        if not cells or cells[-1] != t:  # merged cells repeat their text
                            cells.append(t)
                    lines.append("\t".join(cells))
        return "\n".join(lines)
    except ReadError:
        raise
    except Exception:  # python-docx raises many kinds on a broken package
        raise refusal(
            "Tệp “{name}” bị hỏng hoặc không phải tệp Word (.docx) hợp lệ.",
            "The file “{name}” is damaged or not a valid Word (.docx) file.", name=p.name,
        ) from None


_ITEM_START_RE = re.compile(r"^\s*(?:[-–•*+]|[0-9]+(?:\.[0-9]+)*[.)/]|[a-zđ]\)|[IVXLC]+\.|\()")
_SENTENCE_END_RE = re.compile(r"[.:;!?…]\s*$")


def reflow(page_text: str) -> str:
    """Join the lines a PDF wrapped inside a paragraph: a line that does not end a sentence
    joins the next one when that one goes on in lower case, or when the line is nearly as
    wide as the page's widest (a wrap) and the next is not a new item."""
    lines = page_text.split("\n")
    if len(lines) < 2:
        return page_text
    width = max(len(line) for line in lines)
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        first = line.lstrip()[:1]
        wrapped = len(prev) >= 0.8 * width and not _ITEM_START_RE.match(line)
        goes_on = first.islower() or first.isdigit() or first in "(%,"
        if prev.strip() and line.strip() and not _SENTENCE_END_RE.search(prev) and (
            goes_on or wrapped
        ):
            out[-1] = prev.rstrip() + " " + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def _read_pdf(p: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    try:
        import pdfplumber

        with open(p, "rb") as fh:
            if not fh.read(1024).lstrip().startswith(b"%PDF"):
                raise ValueError("no PDF header")
        pages = []
        with pdfplumber.open(str(p)) as pdf:
            if len(pdf.pages) > limits.max_pdf_pages:
                raise refusal(
                    "Tệp PDF “{name}” có quá nhiều trang ({n}); giới hạn là {limit} trang.",
                    "The PDF “{name}” has too many pages ({n}); the limit is {limit}.",
                    name=p.name, n=len(pdf.pages), limit=limits.max_pdf_pages,
                )
            for page in pdf.pages:
                pages.append(reflow(page.extract_text() or ""))
                page.flush_cache()
    except ReadError:
        raise
    except Exception:
        raise refusal(
            "Tệp “{name}” bị hỏng hoặc không phải tệp PDF hợp lệ.",
            "The file “{name}” is damaged or not a valid PDF file.", name=p.name,
        ) from None
    text = "\n".join(pages)
    if not text.strip():
        raise refusal(
            "Tệp PDF “{name}” không có lớp văn bản (có thể là bản scan); hãy dùng tệp .docx "
            "hoặc PDF xuất từ Word.",
            "The PDF “{name}” has no text layer (probably a scan); use a .docx or a PDF "
            "exported from Word.", name=p.name,
        )
    return text
