"""Reading the trail: inspectors, office staff and administrators, each within their units."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tiendo.audit.models import AuditEntry
from tiendo.indicators import services as ind
from tiendo.testing import make_indicator


@pytest.fixture
def entries(cast):
    grdp = make_indicator("grdp", name="Tăng trưởng GRDP")
    fa = ind.figure_save_draft(actor=cast.focal_a, indicator=grdp, unit=cast.unit_a,
                               period="2026-Q1", value=Decimal("7.47"))
    fc = ind.figure_save_draft(actor=cast.outsider, indicator=grdp, unit=cast.unit_c,
                               period="2026-Q1", value=Decimal("9.1"))
    return (AuditEntry.objects.get(object_id=str(fa.pk), object_type="indicators.figure"),
            AuditEntry.objects.get(object_id=str(fc.pk), object_type="indicators.figure"))


@pytest.mark.parametrize("who", ["inspector", "office"])
def test_readers_see_their_units_entries_and_not_another_trees(client, cast, entries, who):
    entry_a, entry_c = entries
    client.force_login(getattr(cast, who))
    page = client.get(reverse("audit:list"))
    assert page.status_code == 200
    ids = [e.pk for e in page.context["page"]]
    assert ids == [entry_a.pk]
    assert client.get(reverse("audit:detail", args=[entry_a.pk])).status_code == 200
    assert client.get(reverse("audit:detail", args=[entry_c.pk])).status_code == 404


def test_admin_sees_every_entry_including_the_catalogue(client, cast, entries):
    client.force_login(cast.admin)
    page = client.get(reverse("audit:list"))
    assert {e.action for e in page.context["page"]} == {"figure.draft"}
    assert len(page.context["page"]) == 2


@pytest.mark.parametrize("who", ["focal_a", "focal_b", "leader", "outsider"])
def test_others_may_not_read_the_trail(client, cast, entries, who):
    client.force_login(getattr(cast, who))
    assert client.get(reverse("audit:list")).status_code == 403
    assert client.get(reverse("audit:detail", args=[entries[0].pk])).status_code == 403


def test_the_detail_page_shows_before_and_after(client, cast, entries):
    client.force_login(cast.inspector)
    page = client.get(reverse("audit:detail", args=[entries[0].pk]))
    assert ("value", None, "7.47", True) in page.context["changes"]
    assert "figure.draft" in page.content.decode()


def test_a_unit_filter_outside_the_readers_tree_is_404(client, cast, entries):
    client.force_login(cast.inspector)
    assert client.get(reverse("audit:list"), {"unit": "tinh-c"}).status_code == 404
    page = client.get(reverse("audit:list"), {"unit": "so-a"})
    assert [e.pk for e in page.context["page"]] == [entries[0].pk]


def test_anonymous_is_sent_to_login(client, entries):
    resp = client.get(reverse("audit:list"))
    assert resp.status_code == 302
    assert resp["Location"].startswith(reverse("login"))
