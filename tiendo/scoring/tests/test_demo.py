"""The Lâm Đồng demo: a Q1 2026 rating of the base party organisations that shows every level
and the quota at work, with sample data labelled as such."""

import json
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command

from tiendo.demo.loader import load_demo
from tiendo.scoring.models import Mark, Rating
from tiendo.tasks.models import Task


@pytest.mark.django_db
def test_demo_rating_shows_every_level_and_the_quota():
    load_demo(password="demo-password-123")
    ratings = {r.unit.code: r for r in Rating.objects.select_related("unit")}
    assert len(ratings) == 12
    assert all(r.is_sample for r in ratings.values())
    assert all(m.is_sample for m in Mark.objects.all())
    assert Task.objects.filter(code__startswith="xl-", is_sample=True).count() == 38
    levels = {code: r.level for code, r in ratings.items()}
    assert levels == {
        "db-so-tai-chinh": "xuat_sac",
        "db-so-y-te": "tot", "db-so-giao-duc": "tot",  # lowered by the quota
        "cb-ttcds": "tot",  # alone in its group: ⌊1/6⌋ = 0
        "db-so-cong-thuong": "tot", "db-so-xay-dung": "tot",  # < 30% exceeded
        "db-so-khcn": "tot", "cb-van-phong-ubnd": "tot", "db-so-noi-vu": "tot",
        "db-so-nong-nghiep": "hoan_thanh",  # one task of five late
        "db-so-van-hoa": "khong_hoan_thanh",  # tasks overdue
        "cb-thanh-tra": "",  # no quality mark yet: not rated
    }
    assert [x["code"] for x in ratings["db-so-y-te"].result["reasons"]] == ["band", "quota"]
    states = {code: r.state for code, r in ratings.items()}
    assert states["db-so-tai-chinh"] == "published"
    assert states["db-so-nong-nghiep"] == "reviewed"
    assert states["db-so-y-te"] == states["db-so-van-hoa"] == "self_assessed"

    out = StringIO()
    call_command("rate", "--period", "2026-Q1", "--json", stdout=out)
    units = json.loads(out.getvalue())["units"]
    scored = [u for u in units if u["score"] is not None]
    assert len(scored) == 11
    for u in scored:
        assert D(u["score"]) == sum(D(c["points"]) for c in u["breakdown"])
    by_group: dict = {}
    for u in units:
        by_group.setdefault(u["peer_group"], []).append(u["level"])
    for group_levels in by_group.values():
        assert 5 * group_levels.count("xuat_sac") <= group_levels.count("tot")
