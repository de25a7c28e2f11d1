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
    assert disbursement["projected"] == 15.56  # 3,89% of the plan after one quarter of four
    assert growth["projected"] == 8.24
    assert data["tasks"]
