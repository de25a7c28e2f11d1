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
from tiendo.reports.wording import tasks_summary

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
    assert ("- Thu ngân sách nhà nước đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng, vượt), bằng 33% "
            "dự toán Trung ương, bằng 31% dự toán địa phương." in text)
    assert ("- Tổng kim ngạch xuất khẩu ước đạt 783 triệu USD (KH: 850 triệu USD, không đạt), "
            "đạt 21,81% kế hoạch năm, tăng 0,6% so với cùng kỳ." in text)
    assert ("- Tỷ lệ bảo hiểm y tế toàn dân đạt 87,23% (KH cả năm >95%, KH quý I: 86%, đạt)."
            in text)


def test_docx_summarises_tasks_and_lists_targets_not_met(demo_outputs):
    text = _docx_text(demo_outputs["outputs"]["docx"].content)
    # The report's own nine Q1 tasks: 06 done on time, 03 due and not done.
    own = sorted(status for code, status in demo_outputs["tasks"] if code.startswith("q1-"))
    assert own == ["done_on_time"] * 6 + ["overdue"] * 3
    summary = tasks_summary([s for _c, s in demo_outputs["tasks"]], period_label="quý I/2026")
    assert summary.startswith(f"Trong quý I/2026, trên tổng số {len(demo_outputs['tasks'])} ")
    assert "nhiệm vụ đã đến hạn nhưng chưa hoàn thành" in summary
    assert summary in text
    assert "IV. Các chỉ tiêu chưa đạt kế hoạch" in text
    assert ("- Tốc độ tăng trưởng GRDP: thực hiện 7,47%, KH: 9,77% (đạt 76,46% kế hoạch)."
            in text)


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
    assert "ngày 06 tháng 4 năm 2026" in heading[1]
    appendix = doc.tables[1]
    assert [c.text for c in appendix.rows[0].cells] == [
        "TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tiến độ", "Tình trạng"]
    assert len(appendix.rows) == 1 + len(demo_outputs["tasks"])
    assert "{{" not in _docx_text(demo_outputs["outputs"]["docx"].content)


def test_round_trip_through_the_extraction_engine_keeps_actual_plan_and_status(
        demo_outputs, tmp_path):
    from tiendo.extraction.engine import extract, read_document

    path = tmp_path / "bao-cao.docx"
    path.write_bytes(demo_outputs["outputs"]["docx"].content)
    text = read_document(path).text
    statements = [s for s in extract(text, default_period="2026-Q1") if s.numbers]

    # Each statement belongs to the report sentence its first number sits in; within a
    # sentence ("…; trong đó: …") statements come in the order of the indicators.
    spans, cursor = [], 0
    for sentence, rows in demo_outputs["expected"]:
        at = text.find(sentence, cursor)
        assert at >= 0, sentence
        spans.append((at, at + len(sentence), rows, []))
        cursor = at + len(sentence)
    for s in statements:
        for start, end, _rows, found in spans:
            if start <= s.start < end:
                found.append(s)
                break

    def same(a, b) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return Decimal(str(a)) == Decimal(b)

    total = good = 0
    for _start, _end, rows, found in spans:
        for k, (actual, plan, status) in enumerate(rows):
            total += 1
            if k >= len(found):
                continue
            st = found[k]
            got_actual = next((n.value for n in st.numbers if n.role == "actual"), None)
            got_plan = next((n.value for n in st.numbers if n.role == "target"
                             and n.scope in (None, "period", "2026-Q1")), None)
            if same(got_actual, actual) and same(got_plan, plan) and st.status == status:
                good += 1
    assert total == demo_outputs["n_rows"] == 144
    assert good / total >= 0.90, f"{good}/{total} indicators came back unchanged"


def test_pdf_carries_the_same_sentences_with_vietnamese_text(demo_outputs):
    import pdfplumber

    content = demo_outputs["outputs"]["pdf"].content
    assert content.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        text = " ".join((page.extract_text() or "") for page in pdf.pages)
    text = " ".join(text.split())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Thu ngân sách nhà nước đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng, vượt)" in text
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
    assert budget["Đánh giá"].value == "Vượt"
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
               and ",9950,,,10619,,106.72,Vượt," in line for line in lines)
    doc = json.loads(demo_outputs["outputs"]["json"].content)
    assert doc["period"] == "2026-Q1"
    assert len(doc["indicators"]) == 144
    assert len(doc["tasks"]) == len(demo_outputs["tasks"])
    assert len(doc["ratings"]) == len(demo_outputs["ratings"])
    grdp = next(r for r in doc["indicators"] if r["indicator_code"] == "toc-do-tang-truong-grdp")
    assert (grdp["actual"], grdp["plan"], grdp["status"]) == (7.47, 9.77, "Không đạt")
