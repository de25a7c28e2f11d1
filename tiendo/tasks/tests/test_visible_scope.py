"""What a user sees is the same whether the units they see go into SQL as a list of ids or,
for a large scope (a ministry's 2,000 units), as a subquery: tasks they lead or coordinate,
and any row with a unit."""

from datetime import date

import pytest

from tiendo.indicators.models import Assessment
from tiendo.orgs import access
from tiendo.tasks.queries import visible_tasks
from tiendo.testing import make_figure, make_indicator, make_task, make_unit


@pytest.fixture
def spread(cast):
    ind = make_indicator("ct-1")
    other = make_unit("so-khac", name="Sở khác")  # a unit of another tree
    for unit in (cast.unit_a, cast.unit_b, other):
        make_figure(ind, unit, "2026-Q1", "5")
    make_task("Do A chủ trì", cast.unit_a, deadline=date(2026, 3, 1))
    make_task("Do đơn vị ngoài chủ trì, A phối hợp", other, deadline=date(2026, 3, 2),
              coordinating=[cast.unit_a])
    make_task("Của đơn vị ngoài", other, deadline=date(2026, 3, 3))
    return other


@pytest.mark.parametrize("who", ["office", "focal_a", "outsider", "admin"])
def test_a_large_scope_as_a_subquery_sees_the_same_rows(cast, spread, monkeypatch, who):
    user = getattr(cast, who)
    as_ids = (sorted(visible_tasks(user=user).values_list("title", flat=True)),
              sorted(access.scope_by_unit(Assessment.objects.all(), user)
                     .values_list("unit__code", flat=True)))
    monkeypatch.setattr(access, "IDS_IN_SQL_UP_TO", 0)
    access.forget_scope(user)
    assert access.visible_units_in_sql(user) is None or not isinstance(
        access.visible_units_in_sql(user), set)
    as_subquery = (sorted(visible_tasks(user=user).values_list("title", flat=True)),
                   sorted(access.scope_by_unit(Assessment.objects.all(), user)
                          .values_list("unit__code", flat=True)))
    assert as_subquery == as_ids
    if who == "focal_a":
        assert as_ids == (["Do A chủ trì", "Do đơn vị ngoài chủ trì, A phối hợp"],
                          [cast.unit_a.code])
