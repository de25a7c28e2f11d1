from datetime import date
from decimal import Decimal

import pytest

from tiendo.indicators.models import Figure
from tiendo.planning.queries import term_rows
from tiendo.testing import make_figure, make_indicator, make_target


@pytest.fixture
def term(cast):
    bhyt = make_indicator("bhyt", name="Tỷ lệ bảo hiểm y tế", unit_of_measure="%",
                          rollup="none")
    make_target(bhyt, cast.province, "2025-2030", 97, bound=">=")
    make_target(bhyt, cast.province, "2026", 95, bound=">")
    make_figure(bhyt, cast.province, "2025", "85.1")
    make_figure(bhyt, cast.province, "2026-Q1", "87.23")
    make_figure(bhyt, cast.province, "2026-Q2", "88")  # after `on`: not counted
    make_target(bhyt, cast.unit_c, "2025-2030", 90)  # another tree
    return bhyt


def test_term_rows_give_each_year_its_plan_and_latest_figure(cast, term,
                                                             django_assert_num_queries):
    # memberships, visible units, term targets, year targets, figures
    with django_assert_num_queries(5):
        [row] = term_rows(user=cast.leader, on=date(2026, 4, 15))
    assert row.term.code == "2025-2030"
    lines = {y.year: y for y in row.years}
    assert (lines[2025].actual, lines[2026].actual) == (Decimal("85.1"), Decimal("87.23"))
    assert lines[2026].actual_label == "Quý I/2026"
    assert lines[2026].plan.value == 95
    assert row.progress.value == Decimal("87.23")


def test_the_dashboard_panel_shows_term_progress_to_those_who_see_the_overview(
        cast, term, client, time_machine):
    time_machine.move_to(date(2026, 7, 15))  # the page reads today's date: Q2 has ended
    Figure.objects.filter(period="2026-Q2").delete()
    client.force_login(cast.leader)
    page = client.get("/ke-hoach/nhiem-ky/").content.decode()
    assert "Nhiệm kỳ 2025 - 2030" in page
    assert "đạt 89,93% mục tiêu nhiệm kỳ" in page
    assert "UBND tỉnh C" not in page
    client.force_login(cast.focal_a)
    assert client.get("/ke-hoach/nhiem-ky/").status_code == 403
    client.force_login(cast.outsider)
    assert client.get("/ke-hoach/nhiem-ky/").status_code == 403
    client.force_login(cast.office)
    assert 'hx-get="/ke-hoach/nhiem-ky/"' in client.get("/").content.decode()


def test_the_demo_has_a_2025_2030_term_target_with_its_progress(db, client):
    from django.contrib.auth import get_user_model

    from tiendo.demo.loader import load_demo

    load_demo(password="demo-password-123")
    leader = get_user_model().objects.get(username="lanhdao")
    [row] = term_rows(user=leader, on=date(2026, 6, 25))
    assert (row.term.code, row.target.indicator.code) == ("2025-2030",
                                                          "ty-le-bao-hiem-y-te-toan-dan")
    assert row.progress.value == Decimal("87.23")  # the report's Q1 2026 figure
    assert row.progress.attainment == Decimal("89.93")  # of the term's 97%
    assert [y.year for y in row.years if y.plan] == [2026, 2027, 2028, 2029, 2030]
    client.force_login(leader)
    page = client.get("/ke-hoach/nhiem-ky/").content.decode()
    assert "Tỷ lệ bảo hiểm y tế toàn dân" in page and "dữ liệu mẫu" in page
