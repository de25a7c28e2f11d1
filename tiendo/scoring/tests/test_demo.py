"""The Lâm Đồng demo: a Q1 2026 rating of the base party organisations that shows every level
and the quota at work, with sample data labelled as such."""

import json
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command

from tiendo.demo.loader import load_demo
from tiendo.demo.units import FOCAL_UNITS
from tiendo.orgs.models import Unit
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
    # the quota is counted over the base organisations of the whole Đảng ủy UBND tỉnh (11
    # rated, 8 at tốt or better → ⌊8/6⌋ = 1 xuất sắc), and each organisation of a department
    # draws on its department's tasks (configured Party ↔ State link)
    assert levels == {
        "db-so-y-te": "xuat_sac",  # 97,14; wins the tie-break on tasks exceeded (2/4)
        "cb-ttcds": "tot", "db-so-giao-duc": "tot",  # lowered by the quota
        "db-so-cong-thuong": "tot", "db-so-xay-dung": "tot",  # < 30% exceeded
        "db-so-khcn": "tot", "cb-van-phong-ubnd": "tot", "db-so-noi-vu": "tot",
        "db-so-tai-chinh": "hoan_thanh",  # Sở Tài chính's key draft resolution is overdue
        # its own late task plus Sở Nông nghiệp's overdue task: 2 of 6 behind (> 20%)
        "db-so-nong-nghiep": "khong_hoan_thanh",
        "db-so-van-hoa": "khong_hoan_thanh",  # tasks overdue
        "cb-thanh-tra": "",  # no quality mark yet: not rated
    }
    assert [x["code"] for x in ratings["cb-ttcds"].result["reasons"]] == ["band", "quota"]
    assert [x["code"] for x in ratings["db-so-tai-chinh"].result["reasons"]] == [
        "band", "state_body", "condition:tot_on_time"]
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
    for u in units:  # a criterion with nothing to measure never has points
        for c in u["breakdown"]:
            if c["explanation"].startswith("Không áp dụng"):
                assert D(c["points"]) == 0, (u["unit"], c["code"])
    # every organisation of a department shows the department's results in its breakdown
    bodies = {party: state for _u, state, party in FOCAL_UNITS if party}
    names = dict(Unit.objects.filter(
        code__in=list(bodies) + list(bodies.values())).values_list("code", "name"))
    by_name = {u["unit"]: u for u in units}
    for party, state in bodies.items():
        a1 = by_name[names[party]]["breakdown"][0]
        assert f"Gồm kết quả của {names[state]}" in a1["explanation"], party
    tc = by_name["Đảng bộ Sở Tài chính"]["breakdown"][0]["explanation"]
    assert tc.endswith("Gồm kết quả của Sở Tài chính (cơ quan do tổ chức đảng lãnh đạo, theo "
                       "liên kết đã cấu hình): nhiệm vụ đến hạn 1, đúng hạn 0.")
    by_group: dict = {}
    for u in units:
        by_group.setdefault(u["peer_group"], []).append(u["level"])
    for group_levels in by_group.values():
        assert 5 * group_levels.count("xuat_sac") <= group_levels.count("tot")
