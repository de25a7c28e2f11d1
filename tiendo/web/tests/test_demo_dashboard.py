"""The demo's overview, pinned by hand: the counts a leader reads for quý I/2026.

The report gives 11 Q1 targets with a verdict: 04 met (khu vực I, thu ngân sách, bảo hiểm y tế
and one more) and 07 not met (GRDP, khu vực II, công nghiệp, khu vực III, xuất khẩu, trường đạt
chuẩn, nước sạch). The other 133 statements of section A have no plan to compare with. The 47
tasks of the quarter (the report's nine and the sample tasks of the departments) are counted on
two days: within the quarter and after it. If the read path miscounted, a number would move.
"""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tiendo.demo.loader import load_demo


@pytest.fixture
def demo_leader(db, monkeypatch):
    load_demo(password="demo-password-123")
    client = Client()
    client.force_login(get_user_model().objects.get(username="lanhdao"))

    def page(on: date) -> str:
        monkeypatch.setattr("tiendo.web.views.dashboard.today", lambda: on)
        return client.get(reverse("web:home"), {"period": "2026-Q1"}).content.decode()

    return page


def kpi(html: str, ident: str) -> str:
    return re.search(rf'id="{ident}">(?:<span[^>]*>)?([0-9.]+)<', html).group(1)


def tasks(html: str) -> list[str]:
    return [kpi(html, f"kpi-task-{s}")
            for s in ("in_progress", "overdue", "done_on_time", "done_late")]


def test_the_demo_overview_counts_the_targets_as_the_report_does(demo_leader):
    html = demo_leader(date(2026, 4, 15))
    assert kpi(html, "kpi-met") == "04"
    assert kpi(html, "kpi-not-met") == "07"
    assert kpi(html, "kpi-not-reported") == "00"
    assert kpi(html, "kpi-no-target") == "133"
    # the report calls none of its targets vượt (10.619 against 9.950 is đạt), and the
    # workspace draws no vượt line by default: đạt + vượt counts the same four
    assert "trong đó vượt: 0" in html
    assert "Chỉ tiêu kế hoạch (11)" in html


def test_the_demo_overview_counts_the_quarters_tasks_on_each_day(demo_leader):
    # after the quarter: every task is done (41 on time, 01 late) or overdue (05)
    after = demo_leader(date(2026, 4, 15))
    assert tasks(after) == ["00", "05", "41", "01"]
    assert "Nhiệm vụ (47; đã hoàn thành 42/47, 89,36%)" in after
    within = demo_leader(date(2026, 3, 25))
    # on 25/03/2026: 15 still within their deadline, 02 already overdue
    assert tasks(within) == ["15", "02", "29", "01"]
