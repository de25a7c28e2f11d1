"""The issue's acceptance check on the demo: disbursement and industry growth are flagged."""

import json
from io import StringIO

from django.core.management import call_command

from tiendo.demo.loader import load_demo


def test_demo_flags_disbursement_and_industry_growth(db):
    load_demo(password="demo-test-password")
    out = StringIO()
    call_command("outlook", "--period", "2026-Q1", "--json", stdout=out)
    data = json.loads(out.getvalue())
    rows = {r["name"]: r for r in data["indicators"]}
    disbursement = rows["Giải ngân vốn đầu tư công"]
    growth = rows["Tăng trưởng công nghiệp"]
    for row in (disbursement, growth):
        assert row["risk"] in ("at_risk", "off_course")
        assert row["needed_per_period"] is not None
        assert row["reasons"]
        assert row["method"]
    # With the three merged provinces' sample history (tiendo/demo/history.py), disbursement is
    # projected from their seasonal profile — by Q1 they had reached about 8% of the year's
    # disbursement — instead of a flat 3,89% × 4 = 15,56%; and the reasons say so.
    assert disbursement["method_code"] == "seasonal"
    assert disbursement["projected"] == 49.0161
    assert disbursement["history_combined"] is True
    assert disbursement["reasons"][1] == (
        "Số liệu các năm 2021–2025 là lịch sử ghép từ 3 đơn vị trước sáp nhập (Ủy ban nhân dân "
        "tỉnh Bình Thuận (cũ), Ủy ban nhân dân tỉnh Đắk Nông (cũ), Ủy ban nhân dân tỉnh Lâm Đồng "
        "(trước sáp nhập)), theo quy tắc cộng số liệu.")
    assert any("Các năm trước, đến hết quý I thường đạt" in r for r in disbursement["reasons"])
    assert growth["projected"] == 8.24
    assert data["tasks"]
