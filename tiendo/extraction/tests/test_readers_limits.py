"""Hostile documents: a zip bomb, too many paragraphs, too much text. Each is
refused with one clear line, before it costs memory."""

import subprocess
import sys
import tempfile
import threading
import zipfile

import docx
import pytest

from tiendo.extraction.engine import ReadError, read_document
from tiendo.extraction.engine.readers_limits import Limits, check_statements

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
        '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
PARAGRAPH = "<w:p><w:r><w:t>Thu ngân sách đạt 1.234 tỷ đồng.</w:t></w:r></w:p>"
TAIL = "</w:body></w:document>"


def build_docx(path, *, document_bytes: int, paragraph: str = PARAGRAPH):
    """A .docx whose document.xml repeats ``paragraph`` to about ``document_bytes``."""
    chunk = (paragraph * 1000).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(HEAD.encode())
            written = 0
            while written < document_bytes:
                out.write(chunk)
                written += len(chunk)
            out.write(TAIL.encode())
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    """50 MB of document.xml zipped to about 200 KB."""
    path = build_docx(tmp_path_factory.mktemp("bomb") / "bomb.docx",
                      document_bytes=50 * 1024 * 1024)
    assert 100_000 < path.stat().st_size < 400_000
    return path


def test_the_zip_bomb_is_refused_before_it_is_unpacked(bomb):
    with pytest.raises(ReadError) as exc:
        read_document(bomb)
    assert "khi giải nén quá lớn" in str(exc.value)
    assert "unpacks to too much" in exc.value.message_en


# Starts the command and writes its peak memory (KiB) to argv[1]. The command is started from
# this small process, not from the test's: on Linux a child's ru_maxrss counts the memory of
# the process that started it (the address space it had before exec), and a test process that
# has run a thousand tests under coverage is itself over 400 MB.
_PEAK_OF = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_pid, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def test_tiendo_extract_refuses_the_bomb_in_one_line_within_limits(bomb, tmp_path):
    """The bar: exit non-zero within 15 s, one clear line, under 400 MB."""
    peak = tmp_path / "peak"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-c", _PEAK_OF, str(peak), sys.executable,
                                 "-m", "tiendo.cli", "extract", str(bomb)],
                                stdout=out, stderr=err)
        timer = threading.Timer(15, proc.kill)
        timer.start()
        proc.wait()
        timer.cancel()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    assert proc.returncode > 0  # exited with an error, not killed at 15 s
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "bomb.docx" in lines[0] and "giải nén quá lớn" in lines[0]
    assert stdout == ""
    assert int(peak.read_text()) < 400 * 1024  # KiB on Linux


def test_a_part_that_compresses_too_well_is_refused(tmp_path):
    path = build_docx(tmp_path / "nen.docx", document_bytes=3 * 1024 * 1024)
    with pytest.raises(ReadError, match="nén bất thường"):
        read_document(path)


def test_too_many_paragraphs_are_refused_by_counting_not_parsing(tmp_path):
    path = build_docx(tmp_path / "dai.docx", document_bytes=200_000)
    with pytest.raises(ReadError, match="quá nhiều đoạn văn"):
        read_document(path, limits=Limits(max_paragraphs=1000))
    assert len(read_document(path).text.splitlines()) == 3000  # read within the defaults


def test_too_many_parts_are_refused(tmp_path):
    path = tmp_path / "nhieu.docx"
    docx.Document().save(path)
    with zipfile.ZipFile(path, "a") as z:
        for i in range(30):
            z.writestr(f"customXml/extra{i}.xml", "<a/>")
    with pytest.raises(ReadError, match="quá nhiều phần"):
        read_document(path, limits=Limits(max_entries=20))


def test_too_much_text_is_refused(tmp_path):
    path = tmp_path / "dai.txt"
    path.write_text("Thu ngân sách đạt 1.234 tỷ đồng.\n" * 100, encoding="utf-8")
    with pytest.raises(ReadError, match="quá dài"):
        read_document(path, limits=Limits(max_chars=1000))


def test_too_many_statements_are_refused():
    check_statements(5, "a.txt", Limits(max_statements=5))
    with pytest.raises(ReadError, match="quá nhiều chỉ tiêu"):
        check_statements(6, "a.txt", Limits(max_statements=5))


def test_an_entity_in_the_document_is_never_expanded(tmp_path):
    """XXE / billion laughs: the paragraph count does not resolve entities."""
    path = tmp_path / "xxe.docx"
    doctype = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
               '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", doctype + HEAD.split("?>", 1)[1]
                   + "<w:p><w:r><w:t>&b;</w:t></w:r></w:p>" + TAIL)
    assert "aaaaaaaaaa" not in read_document(path).text
