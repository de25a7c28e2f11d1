import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from tiendo.shared.xlsx import Column, build_workbook


def test_workbook_has_frozen_header_filter_formats_and_widths():
    data = build_workbook(title="Số liệu", columns=[
        Column("Chỉ tiêu", width=40), Column("Thực hiện", "number"),
        Column("Đạt %", "percent"), Column("Hạn", "date", 12), Column("Số", "int", 8)],
        rows=[["Thu ngân sách", Decimal("10619"), Decimal("106.72"), date(2026, 3, 31), 3],
              ["GRDP", Decimal("7.47"), None, None, None]])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.title == "Số liệu"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:E3"
    assert ws["A1"].font.bold
    assert ws["B2"].value == 10619 and ws["B2"].number_format == "#,##0.####"
    assert ws["B3"].value == 7.47
    assert ws["C2"].number_format == '0.00"%"'
    assert ws["D2"].number_format == "DD/MM/YYYY" and ws["D2"].value.date() == date(2026, 3, 31)
    assert ws["C3"].value is None
    assert ws.column_dimensions["A"].width == 40


def test_a_moment_keeps_its_time_of_day_in_vietnam():
    from datetime import UTC, datetime

    data = build_workbook(title="Duyệt", columns=[Column("Gửi lúc", "datetime", 16)],
                          rows=[[datetime(2026, 3, 31, 2, 30, tzinfo=UTC)]])
    cell = load_workbook(io.BytesIO(data)).active["A2"]
    assert cell.number_format == "DD/MM/YYYY HH:MM"
    assert cell.value == datetime(2026, 3, 31, 9, 30)  # 02:30 UTC is 09:30 in Vietnam
