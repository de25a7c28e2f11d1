from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tiendo.testing import make_figure, make_indicator, make_target, make_task, make_unit
from tiendo.web.tests.conftest import xlsx_rows

Q = "2026-Q1"


@pytest.fixture
def board(cast):
    """Unit A: budget revenue met (10.619 vs 9.950), GRDP not met (7,47 vs 8), one target not
    reported; a task of A overdue, one of B done on time."""
    revenue = make_indicator("thu-ngan-sach", name="Thu ngân sách", is_key=True)
    grdp = make_indicator("grdp", name="Tăng trưởng GRDP", unit_of_measure="%", is_key=True)
    export = make_indicator("xuat-khau", name="Kim ngạch xuất khẩu", unit_of_measure="triệu USD")
    make_target(revenue, cast.unit_a, Q, "9950")
    make_figure(revenue, cast.unit_a, Q, "10619")
    make_target(grdp, cast.unit_a, Q, "8")
    make_figure(grdp, cast.unit_a, Q, "7.47")
    make_target(export, cast.unit_b, Q, "500")
    make_task("Kế hoạch chuyển đổi số", cast.unit_a, deadline=date(2026, 3, 20), period=Q)
    make_task("Đề án du lịch", cast.unit_b, deadline=date(2026, 3, 31), period=Q,
              state="done", completed_on=date(2026, 3, 30))
    return revenue, grdp, export


def test_anonymous_visitor_goes_to_login(client, db):
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("who", ["leader", "office", "inspector", "admin"])
def test_overview_shows_the_periods_numbers_in_the_html(as_user, board, who):
    html = as_user(who).get(reverse("web:home"), {"period": Q}).content.decode()
    assert 'id="kpi-met">01<' in html
    assert 'id="kpi-not-met">01<' in html
    assert 'id="kpi-not-reported">01<' in html
    assert "10.619" in html and "9.950" in html and "7,47" in html
    assert 'id="kpi-task-overdue"><span class="badge bg-red-lt fs-2">01<' in html
    assert 'id="kpi-task-done_on_time"><span class="badge bg-green-lt fs-2">01<' in html


def test_overview_defaults_to_the_latest_quarter_with_reported_figures(as_user, board):
    html = as_user("leader").get(reverse("web:home")).content.decode()
    assert "Quý I/2026" in html
    assert "10.619" in html


def test_focal_point_lands_on_my_work(as_user, board):
    response = as_user("focal_a").get(reverse("web:home"))
    assert response.status_code == 302
    assert response.url == reverse("web:mywork")


def test_outsider_sees_none_of_the_numbers(as_user, board, cast):
    # The outsider is a focal point; give them a leader role on their own unit C.
    from tiendo.orgs.models import Membership

    Membership.objects.create(user=cast.outsider, unit=cast.unit_c, role="leader")
    html = as_user("outsider").get(reverse("web:home"), {"period": Q}).content.decode()
    assert "10.619" not in html
    assert 'id="kpi-met">00<' in html


def test_every_number_links_to_the_list_behind_it(as_user, board):
    client = as_user("leader")
    html = client.get(reverse("web:home"), {"period": Q}).content.decode()
    assert f'href="/so-lieu/?period={Q}&status=met"' in html
    assert f'href="/nhiem-vu/?period={Q}&status=overdue"' in html
    met = client.get(reverse("web:figures"), {"period": Q, "status": "met"}).content.decode()
    assert "Thu ngân sách" in met and "Tăng trưởng GRDP" not in met
    overdue = client.get(reverse("web:tasks"), {"period": Q, "status": "overdue"})
    body = overdue.content.decode()
    assert "Kế hoạch chuyển đổi số" in body and "Đề án du lịch" not in body


def test_lagging_units_put_unit_a_first(as_user, board, cast):
    html = as_user("leader").get(reverse("web:home"), {"period": Q}).content.decode()
    table = html[html.index('id="lagging"'):]
    assert table.index("Sở A") < table.index("Sở B")


def test_bad_period_is_answered_in_vietnamese(as_user, board):
    html = as_user("leader").get(reverse("web:home"), {"period": "quý 9/2026"}).content.decode()
    assert "alert-warning" in html
    assert "quý 9/2026" in html


def test_charts_script_is_loaded_only_on_pages_with_charts(as_user, board):
    client = as_user("leader")
    assert "echarts.min.js" in client.get(reverse("web:home")).content.decode()
    assert "echarts.min.js" not in client.get(reverse("web:tasks")).content.decode()
    assert "echarts.min.js" not in client.get(reverse("web:figures")).content.decode()


def test_no_page_loads_anything_from_another_host(as_user, board):
    import re

    client = as_user("office")
    for name in ("web:home", "web:tasks", "web:figures", "web:indicators", "web:mywork",
                 "web:approvals", "web:figure_entry", "web:units"):
        html = client.get(reverse(name)).content.decode()
        assert not re.search(r'(src|href)="(https?:)?//', html), name
        assert "<script>" not in html and 'onclick' not in html


def test_export_of_the_overview_table_has_the_exact_figures(as_user, board):
    response = as_user("leader").get(reverse("web:home"), {"period": Q, "xuat": "xlsx"})
    rows = xlsx_rows(response)
    assert rows[0][:3] == ("Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị")
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["thu-ngan-sach"][6:8] == (9950, 10619)
    assert by_code["grdp"][11] == "Không đạt"


def _count(client, url, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx.captured_queries)


def test_overview_query_count_does_not_grow_with_rows(as_user, board, cast,
                                                      django_assert_max_num_queries):
    client = as_user("leader")
    url = reverse("web:home")
    client.get(url, {"period": Q})  # the first choice of a period is written to the session
    before = _count(client, url, {"period": Q})
    for i in range(15):
        unit = make_unit(f"xa-{i}", parent=cast.province, kind="commune")
        ind = make_indicator(f"ct-{i}")
        make_target(ind, unit, Q, 10)
        make_figure(ind, unit, Q, 12)
        make_task(f"Nhiệm vụ {i}", unit, deadline=date(2026, 2, 1), period=Q,
                  coordinating=[cast.unit_a])
    with django_assert_max_num_queries(before):
        client.get(url, {"period": Q})
    after = _count(client, url, {"period": Q})
    # session, user, memberships, visible units, period codes (2), targets, figures, tasks,
    # coordinating units, trend targets and figures, navigation (reminders' bell if present)
    assert after == before
    assert after <= 20


def test_figures_list_query_count_does_not_grow_with_rows(as_user, board, cast,
                                                          django_assert_max_num_queries):
    client = as_user("office")
    url = reverse("web:figures")
    client.get(url, {"period": Q})  # the first choice of a period is written to the session
    before = _count(client, url, {"period": Q})
    for i in range(15):
        ind = make_indicator(f"ct-{i}")
        make_target(ind, cast.unit_b, Q, 10)
        make_figure(ind, cast.unit_b, Q, 9)
    with django_assert_max_num_queries(before):
        client.get(url, {"period": Q})
    assert _count(client, url, {"period": Q}) == before <= 16


def test_today_is_the_task_status_date(as_user, board):
    html = as_user("leader").get(reverse("web:tasks")).content.decode()
    assert timezone.localdate().strftime("%d/%m/%Y") in html


def test_first_screen_stays_under_600_kb_compressed_and_15_requests(as_user, board):
    """The overview with every file it references (CSS, scripts, icons, manifest, charts),
    each gzip-compressed as whitenoise serves it after collectstatic."""
    import gzip
    import re

    from django.contrib.staticfiles import finders

    client = as_user("leader")
    html = client.get(reverse("web:home"), {"period": Q}).content
    urls = set(re.findall(rb'(?:src|href)="(/static/[^"]+)"', html))
    total = len(gzip.compress(html))
    for url in urls:
        path = finders.find(url.decode().removeprefix("/static/"))
        assert path, url
        with open(path, "rb") as fh:
            total += len(gzip.compress(fh.read()))
    manifest = client.get(reverse("web:manifest")).content
    total += len(gzip.compress(manifest))
    requests = 1 + len(urls) + 1 + 1  # page, its files, manifest, the outlook panel (htmx)
    assert requests <= 15
    assert total < 600 * 1024


@pytest.mark.parametrize("n_units", [3, 14])
def test_attainment_chart_rows_are_the_first_key_rows_with_an_attainment(cast, n_units):
    """With few key rows the chart's rows come from their own query; with many, from the key
    rows already read. Both give the rows the query alone would."""
    from tiendo.indicators.queries import ROW_ORDER, rows_from
    from tiendo.lib.periods import parse_period
    from tiendo.web import queries

    key = make_indicator("ct-key", name="Chủ yếu", is_key=True)
    other = make_indicator("ct-other", name="Khác")
    for i in range(n_units):
        unit = make_unit(f"so-{i}", name=f"Sở {i}", parent=cast.province)
        for ind in (key, other):
            make_target(ind, unit, Q, 100)
            make_figure(ind, unit, Q, 90 + i)
        make_target(key, unit, "2026-Q2", 100)  # another period is not read
    period = parse_period(Q)
    user = cast.office
    assessed = queries.scoped_assessments(user=user, period=period)
    expected = rows_from(assessed.filter(attainment__isnull=False)
                         .order_by("-is_key", *ROW_ORDER)[:12], period)
    data = queries.dashboard(user=user, period=period, on=date(2026, 4, 15))
    got = [(r.indicator.code, r.unit.code, r.actual) for r in data["attain_rows"]]
    assert got == [(r.indicator.code, r.unit.code, r.actual) for r in expected]
    assert len(got) == 12 if n_units == 14 else 2 * n_units
    codes = [code for code, _unit, _actual in got]
    assert codes == (["ct-key"] * 12 if n_units == 14 else ["ct-key"] * 3 + ["ct-other"] * 3)
