"""The demo's people: ≥ 30 civil servants in 3 departments and ≥ 6 leaders, rated from their Q1
2026 products and evaluations, with the per-unit quota holding (sample data, labelled)."""

import json
from collections import defaultdict
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command

from tiendo.demo.loader import load_demo
from tiendo.orgs.models import Profile
from tiendo.people.models import Evaluation, Position, WorkItem

LEVELS = {"xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"}


def rate(*args):
    out = StringIO()
    call_command("rate", "--period", "2026-Q1", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_demo_people_are_rated_with_nd335_and_ldql_and_the_quota_holds():
    load_demo(password="demo-password-123")
    assert Position.objects.count() == 42
    assert all(p.is_sample for p in Position.objects.all())
    assert all(w.is_sample for w in WorkItem.objects.all())
    assert Profile.objects.filter(user__positions__isnull=False, is_sample=True).count() == 42
    people = rate("--framework", "ND335-CC")["people"]
    assert len(people) == 30
    assert len({p["unit"] for p in people}) == 3
    by_unit = defaultdict(list)
    for p in people:
        assert {"person", "unit", "score", "level", "breakdown", "reasons"} <= set(p)
        assert p["level"] in LEVELS
        assert D(p["score"]) == sum(D(c["points"]) for c in p["breakdown"])
        assert all({"code", "points", "max_points", "explanation"} <= set(c)
                   for c in p["breakdown"])
        by_unit[p["unit"]].append(p["level"])
    for unit, levels in by_unit.items():  # xuất sắc ≤ 20% of tốt, in each unit
        assert 5 * levels.count("xuat_sac") <= levels.count("tot"), unit
        assert set(levels) == LEVELS, unit  # every level shows in every department
    assert Evaluation.objects.filter(state="concluded").count() == 10

    leaders = rate("--framework", "LDQL-Q")["people"]
    assert len(leaders) == 12
    for p in leaders:
        assert p["level"] in LEVELS, p["person"]
        assert D(p["score"]) == sum(D(c["points"]) for c in p["breakdown"])
        assert [c["code"] for c in p["breakdown"]] == ["LD1", "LD2", "LD3", "LD4", "LD5",
                                                       "LD6"]
    levels = [p["level"] for p in leaders]
    assert 5 * levels.count("xuat_sac") <= levels.count("tot")
    # Sở Tài chính is rated không hoàn thành (QĐ 366): its leaders cannot be above hoàn thành
    assert {p["level"] for p in leaders if p["unit"] == "Sở Tài chính"} == {"hoan_thanh"}
