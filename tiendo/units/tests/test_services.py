from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tiendo.audit.models import AuditEntry
from tiendo.indicators.queries import figure_table
from tiendo.testing import make_figure, make_indicator, make_unit
from tiendo.units.services import unit_lineage, unit_merge


def test_merging_units_keeps_them_with_their_figures_and_names_the_successor(cast):
    old = make_unit("tinh-cu", name="UBND tỉnh cũ", kind="province",
                    valid_from=date(2020, 1, 1))
    ind = make_indicator("xuat-khau")
    make_figure(ind, old, "2025-Q1", 700)
    unit_merge(actor=cast.admin, merged=[old], into=cast.province, effective=date(2025, 7, 1))
    old.refresh_from_db()
    assert old.valid_to == date(2025, 6, 30)
    assert list(old.successors.all()) == [cast.province]
    assert {u.code for u in unit_lineage(cast.province)} == {"tinh-p", "tinh-cu"}
    rows = figure_table(user=cast.admin, period="2025-Q1")
    assert [(r.unit.code, r.actual) for r in rows] == [("tinh-cu", 700)]
    entry = AuditEntry.objects.get(action="unit.merge")
    assert entry.after["successor"] == cast.province.pk


def test_merging_a_unit_into_itself_is_refused_and_writes_nothing(cast):
    with pytest.raises(ValidationError):
        unit_merge(actor=cast.admin, merged=[cast.unit_a], into=cast.unit_a,
                   effective=date(2025, 7, 1))
    cast.unit_a.refresh_from_db()
    assert cast.unit_a.valid_to is None
    assert not AuditEntry.objects.filter(action="unit.merge").exists()


def test_merging_a_unit_into_itself_is_refused_in_english_on_an_english_page(cast):
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            unit_merge(actor=cast.admin, merged=[cast.unit_a], into=cast.unit_a,
                       effective=date(2025, 7, 1))
        assert exc.value.messages == ["A unit cannot be merged into itself."]
    cast.unit_a.refresh_from_db()
    assert cast.unit_a.valid_to is None
