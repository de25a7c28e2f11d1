"""Limits on what reading one document may cost: hostile archives and documents.

A .docx (or .xlsx) is a zip of XML parts. A "zip bomb" — 50 MB of XML that compresses to
200 KB — made the web process grow past 1.5 GB and run for 100 s. Before any part is parsed,
:func:`check_zip` reads the archive's directory and refuses:

- more than ``max_entries`` parts;
- more than ``max_unpacked`` bytes once unpacked (all parts together), or more than
  ``max_xml`` bytes of XML;
- a part of over 1 MB unpacked that is more than ``max_ratio`` times its packed size.

Python's zipfile never inflates a part beyond the size the directory declares (it stops and
fails the CRC check), so the declared sizes bound the memory even when they lie.

:func:`count_paragraphs` then walks word/document.xml as a stream (lxml iterparse, entities
never resolved, elements freed as it goes) and stops at ``max_paragraphs``. The reader checks
``max_chars`` on the text and ``max_pdf_pages``; the callers check ``max_statements``.

Every refusal is a :class:`~.readers_errors.ReadError` with one Vietnamese line and its
English twin.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from .readers_errors import refusal

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_entries: int = 2000
    max_unpacked: int = 80 * MB  # every part, pictures included
    max_xml: int = 16 * MB  # the XML parts (text, styles, tables)
    max_ratio: int = 100  # unpacked / packed, for parts over RATIO_FLOOR
    max_paragraphs: int = 50_000
    max_chars: int = 3_000_000
    max_pdf_pages: int = 500
    max_statements: int = 5_000


RATIO_FLOOR = 1 * MB  # small parts may compress very well (styles, settings) and cost nothing
DEFAULT_LIMITS = Limits()


def check_zip(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse an archive whose parts would unpack to too much, or compress too well."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refusal("Tệp “{name}” bị hỏng hoặc không phải tệp Office hợp lệ.",
                      "The file “{name}” is damaged or not a valid Office file.",
                      name=name) from None
    if len(infos) > limits.max_entries:
        raise refusal(
            "Tệp “{name}” có quá nhiều phần ({n}); giới hạn là {limit}.",
            "The file “{name}” has too many parts ({n}); the limit is {limit}.",
            name=name, n=len(infos), limit=limits.max_entries)
    total = sum(i.file_size for i in infos)
    xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
    if total > limits.max_unpacked or xml > limits.max_xml:
        size, limit = (xml, limits.max_xml) if xml > limits.max_xml else (
            total, limits.max_unpacked)
        raise refusal(
            "Tệp “{name}” khi giải nén quá lớn ({mb:.0f} MB); giới hạn là {limit} MB.",
            "The file “{name}” unpacks to too much ({mb:.0f} MB); the limit is {limit} MB.",
            name=name, mb=size / MB, limit=limit // MB)
    for i in infos:
        if i.file_size > RATIO_FLOOR and i.file_size > limits.max_ratio * max(i.compress_size, 1):
            raise refusal(
                "Tệp “{name}” bị nén bất thường (phần {part} nén {ratio} lần); không đọc tệp "
                "này.",
                "The file “{name}” is abnormally compressed (part {part}, {ratio} times); "
                "it is not read.",
                name=name, part=i.filename, ratio=i.file_size // max(i.compress_size, 1))


def count_paragraphs(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> int:
    """The paragraphs of word/document.xml, counted as a stream; ReadError past the limit."""
    from lxml import etree

    with zipfile.ZipFile(path) as z, z.open("word/document.xml") as stream:
        n = 0
        for _event, el in etree.iterparse(stream, events=("end",), tag=f"{{{W_NS}}}p",
                                          resolve_entities=False, no_network=True,
                                          load_dtd=False, huge_tree=False):
            n += 1
            if n > limits.max_paragraphs:
                raise refusal(
                    "Tệp “{name}” có quá nhiều đoạn văn (trên {limit}); hãy tách thành các "
                    "tệp nhỏ hơn.",
                    "The file “{name}” has too many paragraphs (over {limit}); split it into "
                    "smaller files.", name=name, limit=limits.max_paragraphs)
            el.clear(keep_tail=False)
            while el.getprevious() is not None:
                del el.getparent()[0]
    return n


def check_text(text: str, name: str, limits: Limits = DEFAULT_LIMITS) -> str:
    if len(text) > limits.max_chars:
        raise refusal(
            "Tệp “{name}” quá dài ({n} ký tự); giới hạn là {limit} ký tự.",
            "The file “{name}” is too long ({n} characters); the limit is {limit}.",
            name=name, n=len(text), limit=limits.max_chars)
    return text


def check_statements(count: int, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    if count > limits.max_statements:
        raise refusal(
            "Tệp “{name}” cho quá nhiều chỉ tiêu ({n}); giới hạn là {limit}.",
            "The file “{name}” yields too many statements ({n}); the limit is {limit}.",
            name=name, n=count, limit=limits.max_statements)
