from decimal import Decimal

import pytest

from tiendo.indicators.history import combine_values, combined_history, history_note
from tiendo.indicators.models import HistoryRule
from tiendo.testing import make_figure, make_indicator, make_unit

D = Decimal


@pytest.mark.parametrize("rule, points, expected", [
    ("sum", [(D(100), None, None), (D(50), None, None)], (D(150), None)),
    # shares of each plan: 100 is 10% of 1000, 50 is 25% of 200 → 150 of 1200 = 12,5%
    ("sum", [(D(100), D(10), None), (D(50), D(25), None)], (D(150), D("12.5000"))),
    ("weighted", [(D(4), None, D(3)), (D(8), None, D(1))], (D("5.0000"), None)),
    ("weighted", [(D(4), None, None), (D(8), None, None)], (D("6.0000"), None)),
    ("none", [(D(4), None, None)], (None, None)),
    ("sum", [], (None, None)),
])
def test_predecessors_combine_by_the_declared_rule(rule, points, expected):
    assert combine_values(rule, points) == expected


@pytest.fixture
def merger(db):
    new = make_unit("tinh-moi", name="Tỉnh mới", kind="province")
    old_a = make_unit("tinh-a-cu", name="Tỉnh A (cũ)", kind="province")
    old_b = make_unit("tinh-b-cu", name="Tỉnh B (cũ)", kind="province")
    old_a.successors.add(new)
    old_b.successors.add(new)
    return new, old_a, old_b


def test_combined_history_needs_every_predecessor_and_keeps_the_sources(merger):
    new, old_a, old_b = merger
    thu = make_indicator("thu-ns", history_rule=HistoryRule.SUM)
    rate = make_indicator("ty-le", history_rule=HistoryRule.NONE)
    for u, v in ((old_a, 10), (old_b, 5)):
        make_figure(thu, u, "2024", v)
        make_figure(rate, u, "2024", v)
    make_figure(thu, old_a, "2023", 9)  # B has no 2023: not combined
    out = combined_history(indicators=[thu, rate], units=[new], period_from="2016",
                           period_to="2026")
    assert list(out) == [(thu.pk, new.pk)]
    series = out[(thu.pk, new.pk)]
    assert list(series) == ["2024"]
    assert series["2024"].value == 15
    assert series["2024"].sources == ("Tỉnh A (cũ)", "Tỉnh B (cũ)")
    assert history_note(thu, series["2024"].sources, [2021, 2024]) == (
        "Số liệu các năm 2021–2024 là lịch sử ghép từ 2 đơn vị trước sáp nhập (Tỉnh A (cũ), "
        "Tỉnh B (cũ)), theo quy tắc cộng số liệu.")


def test_a_weighted_average_uses_the_weight_indicator_of_each_predecessor(merger):
    new, old_a, old_b = merger
    pop = make_indicator("dan-so", history_rule=HistoryRule.SUM)
    rate = make_indicator("ty-le-ngheo", history_rule=HistoryRule.WEIGHTED, history_weight=pop)
    make_figure(pop, old_a, "2024", 300)
    make_figure(pop, old_b, "2024", 100)
    make_figure(rate, old_a, "2024", 4)
    make_figure(rate, old_b, "2024", 8)
    out = combined_history(indicators=[rate], units=[new], period_from="2016", period_to="2026")
    assert out[(rate.pk, new.pk)]["2024"].value == D(5)
