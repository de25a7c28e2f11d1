"""The units' tallies (UnitTally) always equal a count of their stored assessments: after each
write through the services, the admin's deletes, a re-assessment, and a migration from a
database that had none."""

from decimal import Decimal

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from tiendo.indicators import assessments, services
from tiendo.indicators.models import Assessment, Figure, Target, UnitTally
from tiendo.testing import make_figure, make_indicator, make_target

Q = "2026-Q1"
FIELDS = assessments.TALLY_FIELDS


def tallies() -> dict:
    return {(t.unit_id, t.period): tuple(getattr(t, f) for f in FIELDS)
            for t in UnitTally.objects.all()}


def counted() -> dict:
    """The same numbers counted from the assessments, in Python."""
    out: dict = {}
    for a in Assessment.objects.all():
        row = out.setdefault((a.unit_id, a.period), dict.fromkeys(FIELDS, 0))
        row[a.klass] += 1
        row["exceeded"] += a.verdict == "exceeded"
    return {k: tuple(v[f] for f in FIELDS) for k, v in out.items()}


@pytest.fixture
def two(db, settings):
    settings.TIENDO_RULES = {**settings.TIENDO_RULES, "exceed_margin": "0.05"}
    return (make_indicator("thu-ngan-sach", is_key=True),
            make_indicator("grdp", unit_of_measure="%"))


def test_each_write_recounts_the_units_tally(cast, two):
    revenue, grdp = two
    a = cast.unit_a.pk
    services.target_set(actor=cast.office, indicator=revenue, unit=cast.unit_a, period=Q,
                        value=Decimal(100))
    assert tallies() == {(a, Q): (0, 0, 1, 0, 0)}
    fig = services.figure_save_draft(actor=cast.focal_a, indicator=revenue, unit=cast.unit_a,
                                     period=Q, value=Decimal(110))
    assert tallies() == {(a, Q): (0, 0, 1, 0, 0)}  # a draft does not count
    services.figure_submit(actor=cast.focal_a, figure=fig)
    assert tallies() == {(a, Q): (1, 0, 0, 0, 1)}  # 110 % of plan: met and exceeded
    services.target_set(actor=cast.office, indicator=grdp, unit=cast.unit_a, period=Q,
                        value=Decimal(8))
    make_figure(grdp, cast.unit_a, Q, "7.47")
    make_figure(grdp, cast.unit_b, Q, "6")
    assert tallies() == {(a, Q): (1, 1, 0, 0, 1), (cast.unit_b.pk, Q): (0, 0, 0, 1, 0)}
    services.target_set(actor=cast.office, indicator=revenue, unit=cast.unit_a, period=Q,
                        value=Decimal(200))
    assert tallies()[(a, Q)] == (0, 2, 0, 0, 0)
    assert tallies() == counted()


def test_the_admins_deletes_leave_the_tally_counted(cast, two):
    revenue, grdp = two
    make_target(revenue, cast.unit_a, Q, "100")
    make_figure(revenue, cast.unit_a, Q, "90")
    make_target(grdp, cast.unit_a, Q, "8")
    make_target(grdp, cast.unit_a, "2026-Q2", "8")
    request = RequestFactory().post("/")
    request.user = cast.admin
    target_admin = site._registry[Target]
    target_admin.delete_model(request, Target.objects.get(indicator=grdp, period=Q))
    assert tallies() == {(cast.unit_a.pk, Q): (0, 1, 0, 0, 0),
                         (cast.unit_a.pk, "2026-Q2"): (0, 0, 1, 0, 0)}
    target_admin.delete_queryset(request, Target.objects.filter(indicator=grdp))
    assert tallies() == {(cast.unit_a.pk, Q): (0, 1, 0, 0, 0)}
    site._registry[Figure].delete_model(request, Figure.objects.get())
    assert tallies() == {(cast.unit_a.pk, Q): (0, 0, 1, 0, 0)}
    target_admin.delete_model(request, Target.objects.get())
    assert tallies() == {}


def test_a_reassessment_rebuilds_the_tallies(cast, two, settings):
    revenue, grdp = two
    make_target(revenue, cast.unit_a, Q, "100")
    make_figure(revenue, cast.unit_a, Q, "103")
    make_target(grdp, cast.unit_b, "2025-Q4", "8")
    assert tallies()[(cast.unit_a.pk, Q)] == (1, 0, 0, 0, 0)
    settings.TIENDO_RULES = {**settings.TIENDO_RULES, "exceed_margin": "0.02"}
    UnitTally.objects.filter(period="2025-Q4").update(met=7)  # a stray count is corrected too
    assessments.reassess()
    assert tallies() == {(cast.unit_a.pk, Q): (1, 0, 0, 0, 1),
                         (cast.unit_b.pk, "2025-Q4"): (0, 0, 1, 0, 0)}
    assert tallies() == counted()


def test_the_migration_counts_the_tallies_of_an_existing_database(cast, two):
    from importlib import import_module

    from django.apps import apps

    revenue, grdp = two
    make_target(revenue, cast.unit_a, Q, "100")
    make_figure(revenue, cast.unit_a, Q, "120")
    make_figure(grdp, cast.unit_b, Q, "3")
    expected = tallies()
    UnitTally.objects.all().delete()
    import_module("tiendo.indicators.migrations.0005_unit_tally").fill(apps, None)
    assert tallies() == expected == {(cast.unit_a.pk, Q): (1, 0, 0, 0, 1),
                                     (cast.unit_b.pk, Q): (0, 0, 0, 1, 0)}
