"""The indicator page of a unit formed by a merger draws the years before it from its
predecessors, by the indicator's history rule, and says so under the chart."""

import json
import re
from datetime import date

import pytest

from tiendo.testing import make_figure, make_indicator, make_target, make_unit
from tiendo.units import services as orgs

pytestmark = pytest.mark.django_db


def _chart(html: str) -> dict:
    found = re.search(r'<script id="indicator-data" type="application/json">(.*?)</script>',
                      html, re.S)
    return json.loads(found.group(1))


@pytest.fixture
def merged(cast):
    old_x = make_unit("tinh-x-cu", name="Tỉnh X cũ", kind="province")
    old_y = make_unit("tinh-y-cu", name="Tỉnh Y cũ", kind="province")
    orgs.unit_merge(actor=None, merged=[old_x, old_y], into=cast.province,
                    effective=date(2025, 7, 1))
    return old_x, old_y


def test_the_chart_adds_the_combined_history_and_says_so(cast, client, merged):
    old_x, old_y = merged
    ind = make_indicator("giai-ngan", name="Giải ngân vốn đầu tư công", history_rule="sum")
    make_figure(ind, old_x, "2025-Q1", "100")
    make_figure(ind, old_y, "2025-Q1", "50.5")
    make_figure(ind, old_x, "2025-Q2", "120")  # Tỉnh Y cũ has none: not a sum of both
    make_target(ind, cast.province, "2026-Q1", "200")
    make_figure(ind, cast.province, "2026-Q1", "180")
    client.force_login(cast.leader)
    html = client.get(f"/chi-tieu/{ind.pk}/").content.decode()
    chart = _chart(html)
    assert chart["labels"] == ["Quý I/2025", "Quý I/2026"]
    assert (chart["combined"], chart["actual"], chart["plan"]) == (
        [150.5, None], [None, 180.0], [None, 200.0])
    note = ("Số liệu các năm 2025 là lịch sử ghép từ 2 đơn vị trước sáp nhập "
            "(Tỉnh X cũ, Tỉnh Y cũ), theo quy tắc cộng số liệu.")
    assert chart["note"] == note
    assert f'<p class="text-secondary small mb-0 mt-2" id="history-note">{note}</p>' in html


def test_an_indicator_that_does_not_combine_shows_only_its_own_periods(cast, client, merged):
    old_x, old_y = merged
    ind = make_indicator("ty-le", name="Tỷ lệ", unit_of_measure="%")  # history_rule: none
    for unit in (old_x, old_y):
        make_figure(ind, unit, "2025-Q1", "90")
    make_figure(ind, cast.province, "2026-Q1", "95")
    client.force_login(cast.leader)
    html = client.get(f"/chi-tieu/{ind.pk}/").content.decode()
    chart = _chart(html)
    assert (chart["labels"], chart["combined"], chart["note"]) == (["Quý I/2026"], [None], "")
    assert 'id="history-note"' not in html
