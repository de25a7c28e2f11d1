"""`tiendo rate --period 2026-Q1 --framework ND335-CC|LDQL-Q --json` rates people."""

import json
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tiendo.people import services

from .conftest import Q1
from .test_services import MARKS, run_hand_items

KEYS = {"person", "unit", "score", "level", "breakdown", "reasons"}


def run(*args) -> str:
    out = StringIO()
    call_command("rate", *args, stdout=out)
    return out.getvalue()


def assessed(dept, person, marks=MARKS):
    ev = services.evaluation_self_assess(actor=person, unit=dept.unit, period=Q1,
                                         framework_code="ND335-CC", marks=marks)
    return services.evaluation_manager_assess(actor=dept.manager, evaluation=ev, marks=marks)


@pytest.mark.django_db
def test_rate_nd335_prints_people_with_their_explained_breakdown(dept):
    run_hand_items(dept)
    assessed(dept, dept.staff1)
    data = json.loads(run("--period", Q1, "--framework", "ND335-CC", "--json"))
    assert set(data) == {"period", "framework", "people"}
    people = {p["username"]: p for p in data["people"]}
    assert set(people) == {"staff1", "staff2"}  # civil servants only; leaders use LDQL-Q
    p = people["staff1"]
    assert set(p) >= KEYS
    assert (p["person"], p["unit"], p["score"], p["level"]) == (
        "Chuyên Viên Một", "Sở A", "74.25", "tot")
    assert [(c["code"], c["points"], c["max_points"]) for c in p["breakdown"]] == [
        ("CC1", "9.00", "10"), ("CC2", "8.50", "10"), ("CC3", "8.00", "10"),
        ("KQ1", "22.50", "30"), ("KQ2", "12.50", "20"), ("KQ3", "13.75", "20")]
    assert p["breakdown"][3]["explanation"] == (
        "Hoàn thành 3/4 sản phẩm quy đổi: 22,50/30 điểm.")
    assert D(p["score"]) == sum(D(c["points"]) for c in p["breakdown"])
    # staff2 has no product and no marks: unrated, and says why
    assert people["staff2"]["score"] is None and people["staff2"]["level"] is None
    assert people["staff2"]["reasons"][0]["code"] == "missing_data"


@pytest.mark.django_db
def test_rate_leaders_with_ldql_q(dept):
    run_hand_items(dept)
    assessed(dept, dept.staff1)
    ev = services.evaluation_self_assess(actor=dept.manager, unit=dept.unit, period=Q1,
                                         framework_code="LDQL-Q", marks=MARKS)
    services.evaluation_manager_assess(actor=dept.head, evaluation=ev, marks=MARKS)
    data = json.loads(run("--period", Q1, "--framework", "LDQL-Q", "--json"))
    people = {p["username"]: p for p in data["people"]}
    assert set(people) == {"head", "manager"}
    m = people["manager"]
    codes = {c["code"]: c for c in m["breakdown"]}
    assert list(codes) == ["LD1", "LD2", "LD3", "LD4", "LD5", "LD6"]
    # unit A has no target and no task in the period: LD1–LD3 do not apply; the manager has no
    # own product (LD5 n/a); LD4 0.5 × 25.5 = 12.75 of 15, LD6 team of 2, staff1 tốt and staff2
    # unrated (not khong_hoan_thanh) → 15 of 15; 30 applicable points ×100/30 → 42.5 + 50
    for code in ("LD1", "LD2", "LD3", "LD5"):
        assert (codes[code]["points"], codes[code]["max_points"]) == ("0.00", "0.00")
        assert codes[code]["explanation"].startswith("Không áp dụng")
    assert (codes["LD4"]["points"], codes["LD6"]["points"]) == ("42.50", "50.00")
    assert m["score"] == "92.50"
    # the unit has no QĐ 366 rating (no quality mark): the link to it cannot be checked
    assert m["level"] is None
    assert any("mức xếp loại của đơn vị" in r["text"] for r in m["reasons"])


@pytest.mark.django_db
def test_rate_people_refuses_a_year_and_q4(dept):
    with pytest.raises(CommandError) as exc:
        run("--period", "2026", "--framework", "ND335-CC")
    assert "Đánh giá cá nhân theo quý" in str(exc.value)
    with pytest.raises(CommandError) as exc:
        run("--period", "2026-Q4", "--framework", "ND335-CC")
    assert "Quý IV không xếp loại riêng" in str(exc.value)
