"""Read-only pages on a PostgreSQL read replica (TIENDO_REPLICA_URL, tiendo/dbrouter.py).

CI runs this module a second time on PostgreSQL with TIENDO_REPLICA_URL naming a second
database that stands in for the replica; `replicate()` plays the part of replication. Without a
replica configured the module is skipped (every other test runs on the one database)."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections, transaction
from django.test import Client
from django.urls import reverse

from tiendo.dbrouter import replica_reads
from tiendo.indicators.models import Assessment, Figure, Indicator, Target
from tiendo.orgs.models import Membership, Profile, Unit
from tiendo.testing import make_cast, make_figure, make_indicator, make_target

pytestmark = [
    pytest.mark.skipif("replica" not in settings.DATABASES,
                       reason="needs TIENDO_REPLICA_URL (CI runs it on PostgreSQL)"),
    pytest.mark.django_db(databases=["default", "replica"], transaction=True),
]
Q = "2026-Q1"
TABLES = [get_user_model(), Unit, Membership, Profile, Indicator, Target, Figure, Assessment]


def replicate():
    """Copy the primary's rows to the replica, as streaming replication would."""
    names = ", ".join(m._meta.db_table for m in TABLES)
    with connections["replica"].cursor() as cur:
        cur.execute(f"TRUNCATE {names} CASCADE")
    for model in TABLES:
        rows = list(model.objects.using("default").order_by("pk"))
        for row in rows:
            row.save(using="replica", force_insert=True)


def test_a_read_only_page_reads_the_replica(cast_db):
    cast, revenue = cast_db
    leader = Client()
    leader.force_login(cast.leader)
    page = leader.get(reverse("web:figures"), {"period": Q}).content.decode()
    assert "10.619" in page
    # a figure written on the primary after the last replication is not on the page yet
    make_target(revenue, cast.unit_b, Q, "500")
    make_figure(revenue, cast.unit_b, Q, "555")
    page = leader.get(reverse("web:figures"), {"period": Q}).content.decode()
    assert "10.619" in page and "555" not in page
    replicate()
    page = leader.get(reverse("web:figures"), {"period": Q}).content.decode()
    assert "555" in page


def test_a_write_goes_to_the_primary_and_its_request_reads_it_back(cast_db):
    cast, revenue = cast_db
    focal = Client()
    focal.force_login(cast.focal_b)
    url = reverse("web:figure_save", args=[cast.unit_b.pk, Q, revenue.pk])
    response = focal.post(url, {f"i{revenue.pk}-value": "777", f"i{revenue.pk}-note": "",
                                f"i{revenue.pk}-change": "",
                                f"i{revenue.pk}-version": "0"},  # a new figure: version 0
                          HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "777" in response.content.decode()  # the row re-read after the save: the primary
    assert Figure.objects.using("default").filter(value=Decimal(777)).exists()
    assert not Figure.objects.using("replica").filter(value=Decimal(777)).exists()


def test_the_router_reads_the_primary_in_a_transaction_after_a_write_and_for_logins(cast_db):
    with replica_reads():
        assert Figure.objects.all().db == "replica"
        assert get_user_model().objects.all().db == "default"  # who is logged in
        with transaction.atomic():
            assert Figure.objects.all().db == "default"
        Unit.objects.create(code="moi", name="Đơn vị mới")
        assert Figure.objects.all().db == "default"  # read your own writes
    assert Figure.objects.all().db == "default"


@pytest.fixture
def cast_db():
    cast = make_cast()
    revenue = make_indicator("thu-ngan-sach", name="Thu ngân sách nhà nước")
    make_target(revenue, cast.unit_a, Q, "9950")
    make_figure(revenue, cast.unit_a, Q, "10619")
    replicate()
    return cast, revenue
