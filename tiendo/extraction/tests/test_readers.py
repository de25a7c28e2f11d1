"""Reading .txt, .docx and .pdf files, and refusing bad ones with a Vietnamese message."""

import pytest

from tiendo.extraction.engine import ReadError, extract, read_document

SAMPLE = "Thu ngân sách nhà nước đạt 1.234 tỷ đồng, tăng 5,6% so với cùng kỳ."


def test_txt_is_read_as_its_own_text(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("BÁO CÁO QUÝ I NĂM 2026\n" + SAMPLE, encoding="utf-8")
    doc = read_document(p)
    assert doc.kind == "txt"
    assert doc.text == p.read_text(encoding="utf-8")
    [s] = extract(doc.text)
    assert [n.text for n in s.numbers] == ["1.234", "5,6"]


def test_txt_that_is_not_utf8_is_refused(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(SAMPLE.encode("cp1258", errors="replace") + b"\xff\xfe")
    with pytest.raises(ReadError, match="không phải văn bản UTF-8"):
        read_document(p)


def test_docx_gives_paragraphs_and_tables_in_order(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("BÁO CÁO QUÝ I NĂM 2026")
    d.add_paragraph(SAMPLE)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Chỉ tiêu"
    table.cell(0, 1).text = "Kết quả"
    table.cell(1, 0).text = "Số doanh nghiệp mới"
    table.cell(1, 1).text = "đạt 120 doanh nghiệp"
    d.add_paragraph("Kết thúc.")
    p = tmp_path / "r.docx"
    d.save(p)
    doc = read_document(p)
    assert doc.kind == "docx"
    assert doc.text.splitlines() == [
        "BÁO CÁO QUÝ I NĂM 2026", SAMPLE, "Chỉ tiêu\tKết quả",
        "Số doanh nghiệp mới\tđạt 120 doanh nghiệp", "Kết thúc.",
    ]
    values = [n.value for s in extract(doc.text) for n in s.numbers]
    assert values == [1234, 5.6, 120]


def test_corrupt_docx_is_refused(tmp_path):
    p = tmp_path / "r.docx"
    p.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ReadError, match="bị hỏng hoặc không phải tệp Word"):
        read_document(p)


def _pdf(path, html):
    weasyprint = pytest.importorskip("weasyprint")
    weasyprint.HTML(string=html).write_pdf(str(path))


def test_pdf_text_layer_is_read(tmp_path):
    p = tmp_path / "r.pdf"
    _pdf(p, f"<p>BÁO CÁO QUÝ I NĂM 2026</p><p>{SAMPLE}</p>")
    doc = read_document(p)
    assert doc.kind == "pdf"
    assert "1.234 tỷ đồng" in doc.text
    assert [n.value for s in extract(doc.text) for n in s.numbers] == [1234, 5.6]


def test_pdf_without_text_layer_is_refused(tmp_path):
    p = tmp_path / "scan.pdf"
    _pdf(p, "<div style='width:200px;height:200px;background:#333'></div>")
    with pytest.raises(ReadError, match="không có lớp văn bản"):
        read_document(p)


def test_corrupt_pdf_is_refused(tmp_path):
    p = tmp_path / "r.pdf"
    p.write_bytes(b"%PDF-1.7\n garbage without objects")
    with pytest.raises(ReadError, match="bị hỏng hoặc không phải tệp PDF"):
        read_document(p)


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    p = tmp_path / "big.txt"
    with open(p, "wb") as fh:  # sparse: no 50 MB written to disk
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(ReadError, match="quá lớn") as exc:
        read_document(p)
    assert "MB" in exc.value.message_en


def test_unknown_type_and_missing_file_are_refused(tmp_path):
    p = tmp_path / "r.xlsx"
    p.write_bytes(b"PK")
    with pytest.raises(ReadError, match=r"chỉ nhận \.txt, \.docx hoặc \.pdf"):
        read_document(p)
    with pytest.raises(ReadError, match="không tồn tại"):
        read_document(tmp_path / "missing.txt")


def test_reflow_joins_wrapped_lines_but_keeps_items_apart():
    from tiendo.extraction.engine.readers import reflow

    page = (
        "- Thu ngân sách nhà nước đạt 1.234 tỷ đồng, tăng 5,6% so với cùng kỳ; chi ngân\n"
        "sách đạt 900 tỷ đồng.\n"
        "- Kim ngạch xuất khẩu ước đạt 85,5 triệu USD, đạt 21% kế hoạch năm (KH: 400\n"
        "triệu USD).\n"
        "2. Văn hóa - xã hội"
    )
    assert reflow(page).splitlines() == [
        "- Thu ngân sách nhà nước đạt 1.234 tỷ đồng, tăng 5,6% so với cùng kỳ; chi ngân sách "
        "đạt 900 tỷ đồng.",
        "- Kim ngạch xuất khẩu ước đạt 85,5 triệu USD, đạt 21% kế hoạch năm (KH: 400 triệu "
        "USD).",
        "2. Văn hóa - xã hội",
    ]


def test_a_paragraph_wrapped_by_the_pdf_is_read_as_one(tmp_path):
    p = tmp_path / "long.pdf"
    sentence = ("Tổng kim ngạch xuất khẩu của các doanh nghiệp trên địa bàn trong kỳ báo cáo ước "
                "đạt 783 triệu USD (KH: 850 triệu USD, không đạt), tăng 0,6% so với cùng kỳ.")
    _pdf(p, f"<p>BÁO CÁO QUÝ I NĂM 2026</p><p style='width: 9cm'>{sentence}</p>")
    doc = read_document(p)
    assert sentence in doc.text
    [s] = extract(doc.text)
    assert (s.status, [(n.text, n.role) for n in s.numbers]) == (
        "not_achieved", [("783", "actual"), ("850", "target"), ("0,6", "change")])
