"""A page costs what it shows: the dashboard, task list, indicator page and unit page make the
same number of queries (at most 15) whatever the number of units, figures and tasks."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tiendo.indicators.models import AssessmentRun
from tiendo.testing import make_figure, make_indicator, make_target, make_task, make_unit

Q = "2026-Q1"


def grow(cast, indicators, n_units: int, start: int) -> None:
    """n_units more departments under the province, each with a target and figure of every
    indicator and three tasks (one overdue, one done, one in progress)."""
    for i in range(start, start + n_units):
        unit = make_unit(f"so-{i}", name=f"Sở {i}", parent=cast.province)
        for k, ind in enumerate(indicators):
            make_target(ind, unit, Q, 100)
            make_figure(ind, unit, Q, 90 + 5 * ((i + k) % 4))
        make_task(f"Nhiệm vụ quá hạn {i}", unit, deadline=date(2026, 3, 1), period=Q)
        make_task(f"Nhiệm vụ xong {i}", unit, deadline=date(2026, 3, 1), period=Q,
                  state="done", completed_on=date(2026, 2, 20))
        make_task(f"Nhiệm vụ đang làm {i}", unit, deadline=date(2026, 12, 31) + timedelta(i))


def count(client, url, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx)


@pytest.fixture
def pages(cast):
    indicators = [make_indicator(f"ct-{k}", is_key=k % 2 == 0) for k in range(4)]
    urls = [(reverse("web:home"), {"period": Q}), (reverse("web:tasks"), {}),
            (reverse("web:indicator", args=[indicators[0].pk]), {}),
            (reverse("web:unit", args=[cast.province.pk]), {"period": Q}),
            (reverse("web:figures"), {"period": Q})]
    return indicators, urls


def test_queries_stay_the_same_as_the_province_grows(as_user, cast, pages):
    indicators, urls = pages
    client = as_user("office")
    grow(cast, indicators, 2, 1)
    for url, params in urls:  # the first choice of a period is written to the session
        client.get(url, params)
    small = [count(client, url, params) for url, params in urls]
    grow(cast, indicators, 6, 3)
    large = [count(client, url, params) for url, params in urls]
    # The same, or one fewer for the overview once its key rows hold the attainment chart's
    # rows (queries._attain_rows); never more.
    assert [min(n, s) for n, s in zip(large, small, strict=True)] == large, (small, large)
    assert small[1:] == large[1:]
    grow(cast, indicators, 8, 9)
    assert [count(client, url, params) for url, params in urls] == large
    assert max(small) <= 15, small


def test_the_overview_says_when_verdicts_are_being_reassessed(as_user, cast, pages):
    from django.utils import timezone

    make_target(pages[0][0], cast.unit_a, Q, 100)
    AssessmentRun.objects.create(rule="m0.05", started_at=timezone.now(), periods_done=3,
                                 periods_total=20)
    html = as_user("leader").get(reverse("web:home"), {"period": Q}).content.decode()
    assert "đang đánh giá lại các chỉ tiêu (3/20 kỳ)" in html


def test_saving_a_figure_reads_the_same_whatever_the_units_history(as_user, cast,
                                                                   monkeypatch):
    """The quarter-end save reads that indicator's row of the period, not the unit's whole
    history (it used to build the unit's every figure of every period on each save)."""
    from tiendo.indicators.models import Figure

    indicators = [make_indicator(f"ct-{k}") for k in range(3)]
    client = as_user("focal_a")
    ind = indicators[0]
    url = reverse("web:figure_save", args=[cast.unit_a.pk, Q, ind.pk])
    built = []
    from_db = Figure.from_db.__func__

    def counting(cls, db, field_names, values):
        built.append(1)
        return from_db(cls, db, field_names, values)

    monkeypatch.setattr(Figure, "from_db", classmethod(counting))

    version = {"now": 0}  # a new figure is saved on version 0; then the server's

    def save(value) -> tuple[int, int]:
        built.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(url, {f"i{ind.pk}-value": str(value),
                                         f"i{ind.pk}-note": "", f"i{ind.pk}-change": "",
                                         f"i{ind.pk}-version": str(version["now"])},
                                   HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        counted = len(ctx), len(built)
        version["now"] = Figure.objects.get(indicator=ind, unit=cast.unit_a, period=Q).version
        return counted

    make_target(ind, cast.unit_a, Q, 100)
    save(90)  # the draft exists from now on: later saves are alike
    short = save(91)
    for year in range(2018, 2026):
        for q in range(1, 5):
            for other in indicators:
                make_target(other, cast.unit_a, f"{year}-Q{q}", 100)
                make_figure(other, cast.unit_a, f"{year}-Q{q}", 95)
    assert save(92) == short
    # the draft locked for the save, its digest for the audit entry, the row shown after it
    assert short[1] <= 3
