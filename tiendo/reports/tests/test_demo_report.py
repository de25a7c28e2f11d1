"""The Q1 2026 report of the demo workspace, in every format, and the round trip through the
extraction engine.

The demo is loaded once for the module inside a transaction that is rolled back, and every
output is built inside it; the tests then read the bytes.
"""

import io
import json
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.db import transaction
from docx import Document
from docx.shared import Mm

from tiendo.demo.loader import load_demo
from tiendo.orgs.access import system_user
from tiendo.reports.builds import build

ON = date(2026, 4, 6)
# pytest-django sets up the test database only for modules whose tests ask for it.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_outputs(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(password="demo-password-123")
        user = system_user()
        outputs = {fmt: build(fmt, user=user, period="2026-Q1", on=ON)
                   for fmt in ("docx", "pdf", "xlsx", "csv", "json")}
        from tiendo.reports.content import build_report

        report = build_report(user=user, period="2026-Q1", on=ON)
        # What each sentence of the report states: (sentence, [(actual, plan, status)])
        expected = [
            (b.text, [(r.actual, r.plan, r.status) for r in b.figures])
            for b in report.blocks if b.figures
        ]
        n_rows = len(report.figure_rows)
        # Other apps' demo data add their own Q1 tasks: count what the report holds.
        tasks = [(r.task.code or "", r.status.status.value) for r in report.task_rows]
        ratings = [(r.unit.code, r.score) for r in report.ratings]
        transaction.set_rollback(True)
    return {"outputs": outputs, "expected": expected, "n_rows": n_rows, "tasks": tasks,
            "ratings": ratings}


def _docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def test_docx_states_the_reports_own_figures_in_its_wording(demo_outputs):
    text = _docx_text(demo_outputs["outputs"]["docx"].content)
    for needle in ("10.619", "7,47", "9,77", "không đạt", "783"):
        assert needle in text
    assert ("- Tốc độ tăng trưởng GRDP tăng 7,47% so với cùng kỳ (KH: 9,77%, không đạt)."
            in text)
    # the report's own verdict: đạt, not vượt; "121% so cùng kỳ" is a ratio (+21%)
    assert ("- Thu ngân sách nhà nước đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng, đạt), bằng 33% "
            "dự toán Trung ương, bằng 31% dự toán địa phương, bằng 121% so với cùng kỳ." in text)
    assert "vượt" not in text.split("Thu ngân sách nhà nước đạt 10.619")[1].split("\n")[0]
    assert ("- Tổng kim ngạch xuất khẩu ước đạt 783 triệu USD (KH: 850 triệu USD, không đạt), "
            "đạt 21,81% kế hoạch năm, tăng 0,6% so với cùng kỳ." in text)
    assert ("- Tỷ lệ bảo hiểm y tế toàn dân đạt 87,23% (KH cả năm >95%, KH quý I: 86%, đạt)."
            in text)


def test_docx_summarises_tasks_and_lists_targets_not_met(demo_outputs):
    text = _docx_text(demo_outputs["outputs"]["docx"].content)
    # The report's own nine Q1 tasks (its action programme): 06 on time, 03 due and not done;
    # the base organisations' own sample tasks are not the issuer's and are not counted.
    assert sorted(s for _c, s in demo_outputs["tasks"]) == (
        ["done_on_time"] * 6 + ["overdue"] * 3)
    assert all(code.startswith("q1-") for code, _s in demo_outputs["tasks"])
    assert ("trong quý I/2026, trên tổng số 09 nhiệm vụ: hoàn thành đúng tiến độ 06 nhiệm vụ; "
            "03 nhiệm vụ đã đến hạn nhưng chưa hoàn thành (chi tiết tại Phụ lục kèm theo)."
            in text)
    assert "* Đánh giá chung:" in text
    # limitations: growth rates compared in percentage points, with the units' reasons
    assert "tốc độ tăng trưởng GRDP 7,47%, thấp hơn kế hoạch 2,30 điểm %" in text
    assert "76,46" not in text
    assert ("Nguyên nhân chậm tiến độ theo báo cáo của các đơn vị chủ trì: " in text
            and "đang lấy ý kiến các sở, ngành" in text)


def test_docx_has_part_b_closing_and_signature_before_the_appendix(demo_outputs):
    doc = Document(io.BytesIO(demo_outputs["outputs"]["docx"].content))
    body = [p.text for p in doc.paragraphs]
    text = "\n".join(body)
    b = next(i for i, t in enumerate(body) if t.startswith("B. PHƯƠNG HƯỚNG"))
    assert body[b] == "B. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II/2026"
    part_b = "\n".join(body[b:])
    assert "- Phấn đấu thu ngân sách nhà nước đạt 8.250 tỷ đồng." in part_b
    assert "- Phấn đấu tổng kim ngạch xuất khẩu đạt 900 triệu USD." in part_b
    assert "- Tỷ lệ nợ xấu nội bảng không quá 2%." in part_b
    numbered = [p for p in doc.paragraphs[b:] if p.style.name == "List Number"]
    assert len(numbered) == 14  # the Q2 tasks the report sets
    # the body ends with the closing sentence; then Nơi nhận and the signature; then Phụ lục
    closing = [i for i, t in enumerate(body) if t.startswith("Trên đây là báo cáo")]
    assert len(closing) == 1
    assert body[closing[0]] == (
        "Trên đây là báo cáo kết quả thực hiện nhiệm vụ quý I/2026 và phương hướng, nhiệm vụ "
        "trọng tâm quý II/2026 của Đảng ủy Ủy ban nhân dân tỉnh./.")
    elements = [el.tag.rsplit("}", 1)[1] for el in doc.element.body.iterchildren()]
    sign_table = doc.tables[1]
    assert "Nơi nhận:" in sign_table.cell(0, 0).text
    assert "PHÓ BÍ THƯ" in sign_table.cell(0, 1).text
    order = list(doc.element.body.iterchildren())
    closing_el = doc.paragraphs[closing[0]]._p
    appendix_el = next(p._p for p in doc.paragraphs if p.text == "PHỤ LỤC")
    assert (order.index(closing_el) < order.index(sign_table._tbl)
            < order.index(appendix_el))
    assert elements.count("tbl") == 4  # heading, signature, the two appendix tables
    # the Party heading under HD 36: the issuer under its parent, no "Như trên" unaddressed
    assert "Như trên" not in sign_table.cell(0, 0).text and "Kính gửi" not in text
    assert "-----" in body


def test_docx_has_the_administrative_layout_and_party_heading(demo_outputs):
    doc = Document(io.BytesIO(demo_outputs["outputs"]["docx"].content))
    s = doc.sections[0]
    assert (round(s.page_width / Mm(1)), round(s.page_height / Mm(1))) == (210, 297)
    assert [round(m / Mm(1)) for m in (s.top_margin, s.bottom_margin, s.left_margin,
                                       s.right_margin)] == [20, 20, 30, 15]
    normal = doc.styles["Normal"].font
    assert (normal.name, normal.size.pt) == ("Times New Roman", 14)
    heading = [c.text for c in doc.tables[0].rows[0].cells]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in heading[1]
    assert "ĐẢNG BỘ TỈNH LÂM ĐỒNG" in heading[0]
    # dated the reporting deadline of the period (10 days after it ends), not the build day
    assert "ngày 10 tháng 4 năm 2026" in heading[1]
    assert "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH" in heading[0]
    appendix = doc.tables[2]
    assert [c.text for c in appendix.rows[0].cells] == [
        "TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tiến độ", "Tình trạng"]
    assert len(appendix.rows) == 1 + len(demo_outputs["tasks"])
    assert "{{" not in _docx_text(demo_outputs["outputs"]["docx"].content)


def _value_given_back(numbers: list[dict]):
    """The figure's value as the extraction format (docs/extraction-format.md) carries it: the
    actual; for a done/total pair ("17/18") the first part; for an indicator whose value is a
    change ("Số vụ phá rừng giảm 47,3%", "tăng gấp 2,3 lần") the signed change."""
    for role in ("actual", "part"):
        got = next((n["value"] for n in numbers if n["role"] == role), None)
        if got is not None:
            return got
    change = next((n for n in numbers if n["role"] == "change"), None)
    if change is None:
        return None
    return -change["value"] if change.get("direction") == "down" else change["value"]


def test_tiendo_extract_gives_back_at_least_98_percent_of_the_figures(demo_outputs, tmp_path):
    """Round trip: `tiendo extract q1.docx` reads the generated report; each statement is tied
    to the report sentence its first number sits in (in the order of the indicators within a
    "…; trong đó: …" sentence) and must give back the same actual, plan and verdict."""
    from django.core.management import call_command

    path = tmp_path / "q1.docx"
    path.write_bytes(demo_outputs["outputs"]["docx"].content)
    text_path, out = tmp_path / "q1.txt", io.StringIO()
    call_command("extract", str(path), "--text-out", str(text_path), stdout=out)
    text = text_path.read_text(encoding="utf-8")
    statements = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    statements = [s for s in statements if s["numbers"]]

    spans, cursor = [], 0
    for sentence, rows in demo_outputs["expected"]:
        at = text.find(sentence, cursor)
        assert at >= 0, sentence
        spans.append((at, at + len(sentence), rows, []))
        cursor = at + len(sentence)
    for s in statements:
        first = min(n["start"] for n in s["numbers"])
        for start, end, _rows, found in spans:
            if start <= first < end:
                found.append(s)
                break

    def same(a, b) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return Decimal(str(a)) == Decimal(b)

    total = good = 0
    missed = []
    for _start, _end, rows, found in spans:
        for k, (actual, plan, status) in enumerate(rows):
            total += 1
            st = found[k] if k < len(found) else {"numbers": [], "status": None}
            got_actual = _value_given_back(st["numbers"])
            got_plan = next((n["value"] for n in st["numbers"] if n["role"] == "target"
                             and n.get("scope") in (None, "period", "2026-Q1")), None)
            if same(got_actual, actual) and same(got_plan, plan) and st.get("status") == status:
                good += 1
            else:
                missed.append((actual, plan, status, got_actual, got_plan, st.get("status")))
    assert total == demo_outputs["n_rows"] == 144
    assert good / total >= 0.98, f"{good}/{total} came back unchanged; missed: {missed}"


def test_pdf_carries_the_same_sentences_with_vietnamese_text(demo_outputs):
    import pdfplumber

    content = demo_outputs["outputs"]["pdf"].content
    assert content.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        text = " ".join((page.extract_text() or "") for page in pdf.pages)
    text = " ".join(text.split())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Thu ngân sách nhà nước đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng, đạt)" in text
    assert "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II/2026" in text
    assert "nhiệm vụ đã đến hạn nhưng chưa hoàn thành" in text


def test_workbook_reopens_with_values_and_number_formats(demo_outputs):
    wb = openpyxl.load_workbook(io.BytesIO(demo_outputs["outputs"]["xlsx"].content))
    assert wb.sheetnames == ["Chỉ tiêu", "Nhiệm vụ", "Xếp loại"]
    ws = wb["Chỉ tiêu"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:Q145"
    header = [c.value for c in ws[1]]
    assert header[:2] == ["Mã chỉ tiêu", "Chỉ tiêu"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    budget = dict(zip(header, rows["thu-ngan-sach-nha-nuoc"], strict=True))
    assert budget["Kế hoạch"].value == 9950
    assert budget["Kế hoạch"].number_format == "#,##0"
    assert budget["Thực hiện"].value == 10619
    assert budget["Tỷ lệ đạt (% KH)"].value == pytest.approx(1.0672)
    assert budget["Tỷ lệ đạt (% KH)"].number_format == "0.00%"
    assert budget["Đánh giá"].value == "Đạt"
    grdp = dict(zip(header, rows["toc-do-tang-truong-grdp"], strict=True))
    assert grdp["Thực hiện"].value == pytest.approx(7.47)
    assert grdp["Thực hiện"].number_format == "#,##0.00"
    assert grdp["Đánh giá"].value == "Không đạt"
    exports = dict(zip(header, rows["tong-kim-ngach-xuat-khau"], strict=True))
    assert exports["Tăng/giảm so với cùng kỳ"].value == pytest.approx(0.006)
    assert exports["Tăng/giảm so với cùng kỳ"].number_format == "+0.00%;-0.00%;0.00%"
    assert exports["Ước đạt"].value == "ước"
    assert ws.column_dimensions["B"].width == 48

    tasks = wb["Nhiệm vụ"]
    assert tasks.freeze_panes == "A2"
    assert tasks.max_row == 1 + len(demo_outputs["tasks"])
    first = [c.value for c in tasks[2]]
    assert first[0] == 1
    assert first[5] == date(2026, 1, 31) or first[5].date() == date(2026, 1, 31)
    assert tasks.cell(row=2, column=6).number_format == "dd/mm/yyyy"
    assert tasks.cell(row=2, column=8).number_format == "0%"

    rated = wb["Xếp loại"]
    assert demo_outputs["ratings"], "the demo rates its units for 2026-Q1"
    assert rated.freeze_panes == "A2"
    assert rated.max_row == 1 + len(demo_outputs["ratings"])
    sheet_rows = {r[2].value: r for r in rated.iter_rows(min_row=2)}
    for unit_code, score in demo_outputs["ratings"]:
        if score is not None:
            assert sheet_rows[unit_code][4].value == pytest.approx(float(score))
            assert sheet_rows[unit_code][4].number_format in ("#,##0", "#,##0.00")


def test_csv_and_json_carry_the_same_rows(demo_outputs):
    csv_text = demo_outputs["outputs"]["csv"].content.decode("utf-8-sig")
    lines = csv_text.splitlines()
    assert lines[0].startswith("indicator_code,indicator,unit_of_measure")
    assert len(lines) == 1 + 144
    assert any(line.startswith("thu-ngan-sach-nha-nuoc,Thu ngân sách nhà nước,tỷ đồng,")
               and ",9950,,,10619,,106.72,Đạt," in line for line in lines)
    doc = json.loads(demo_outputs["outputs"]["json"].content)
    assert doc["period"] == "2026-Q1"
    assert len(doc["indicators"]) == 144
    assert len(doc["tasks"]) == len(demo_outputs["tasks"])
    assert len(doc["ratings"]) == len(demo_outputs["ratings"])
    grdp = next(r for r in doc["indicators"] if r["indicator_code"] == "toc-do-tang-truong-grdp")
    assert (grdp["actual"], grdp["plan"], grdp["status"]) == (7.47, 9.77, "Không đạt")
