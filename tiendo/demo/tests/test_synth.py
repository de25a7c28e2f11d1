"""The synthetic workspace, at a shrunken scale (the real scales are run by benchmarks/)."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tiendo.audit.integrity import verify
from tiendo.audit.models import AuditEntry
from tiendo.demo import synth
from tiendo.indicators.models import Assessment, Figure, Indicator, Target
from tiendo.orgs.models import Membership, Unit
from tiendo.tasks.models import ProgressUpdate, Task


@pytest.fixture
def small(monkeypatch):
    monkeypatch.setattr(synth, "UNITS_PER_PROVINCE", 4)
    monkeypatch.setattr(synth, "INDICATORS_PER_PROVINCE", 6)
    monkeypatch.setattr(synth, "INDICATORS_PER_UNIT", 3)
    monkeypatch.setattr(synth, "QUARTERS", 2)
    monkeypatch.setattr(synth, "TASKS_PER_UNIT", 2)


def test_quarters_end_with_the_first_quarter_of_2026():
    assert synth.quarters(5) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]
    assert len(synth.quarters()) == 20
    assert synth.quarters()[0] == "2021-Q2"


@pytest.mark.django_db
def test_province_scale_writes_the_promised_shape_labelled_and_one_audit_entry(small):
    summary = synth.load_synth(scale="province", seed=7, password="synth-password-123")
    assert summary.counts == {"units": 4, "users": 6, "indicators": 6, "targets": 24,
                              "figures": 24, "assessments": 24, "tasks": 8,
                              "progress_updates": 40}
    # every target has its stored standing, assessed as the services would
    assert Assessment.objects.count() == 24
    assert not Assessment.objects.filter(klass="no_target").exists()
    assert Unit.objects.filter(is_sample=True, code__startswith="synth-").count() == 4
    assert all("(dữ liệu tổng hợp)" in n for n in Indicator.objects.values_list("name",
                                                                                 flat=True))
    assert Figure.objects.exclude(is_sample=True).count() == 0
    assert Target.objects.count() == 24
    assert ProgressUpdate.objects.count() == 40
    assert not ProgressUpdate.objects.filter(author__isnull=True).exists()
    child = Unit.objects.get(code="synth-p1-u001")
    root = Unit.objects.get(code="synth-p1-tinh")
    assert child.path == f"/{root.pk}/{child.pk}/"
    assert Membership.objects.get(user__username="synth-p1-focal-001").unit == child
    entry = AuditEntry.objects.get(action="synth.load")
    assert (entry.action, entry.object_id, entry.after["figures"]) == ("synth.load",
                                                                        "province-7", 24)
    # the rows written in bulk are sealed into the log (one audit.seal entry per model)
    assert set(AuditEntry.objects.exclude(pk=entry.pk).values_list("action", flat=True)) == {
        "audit.seal"}
    assert verify().ok


@pytest.mark.django_db
def test_nation_scale_has_a_national_user_who_sees_every_province(small):
    from tiendo.orgs import access

    summary = synth.load_synth(scale="nation", seed=7, password="synth-password-123")
    assert synth.NATIONAL_USER in summary.users
    national = get_user_model().objects.get(username=synth.NATIONAL_USER)
    assert access.visible_unit_ids(national) == set(Unit.objects.values_list("pk", flat=True))
    assert len(access.visible_unit_ids(national)) == 40
    assert not access.can_write_unit(national, Unit.objects.first().pk)


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_figures(small):
    synth.load_synth(scale="province", seed=3, password="synth-password-123")
    first = list(Figure.objects.order_by("pk").values_list("value", "state", "change"))
    tasks = list(Task.objects.order_by("pk").values_list("deadline", "state", "progress"))
    Figure.objects.all().delete()
    ProgressUpdate.objects.all().delete()
    Task.objects.all().delete()
    Target.objects.all().delete()
    Indicator.objects.all().delete()
    Membership.objects.all().delete()
    Unit.objects.filter(parent__isnull=False).delete()
    Unit.objects.all().delete()
    from django.contrib.auth import get_user_model

    get_user_model().objects.all().delete()
    from tiendo.programmes.models import Programme

    Programme.objects.all().delete()
    synth.load_synth(scale="province", seed=3, password="synth-password-123")
    assert list(Figure.objects.order_by("pk").values_list("value", "state", "change")) == first
    assert list(Task.objects.order_by("pk").values_list("deadline", "state", "progress")) \
        == tasks


@pytest.mark.django_db
def test_a_second_load_is_refused_with_a_vietnamese_message(small):
    call_command("synth", "--scale", "province", stdout=StringIO())
    with pytest.raises(CommandError, match="đã có dữ liệu tổng hợp"):
        call_command("synth", "--scale", "province", stdout=StringIO())
