"""`tiendo rate --period 2026-Q1 --framework ND335-CC|LDQL-Q --json` rates people."""

import json
from datetime import date
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tiendo.people import services
from tiendo.people.models import Evaluation, WorkItem

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
def test_rate_people_refuses_q4_and_a_month(dept):
    with pytest.raises(CommandError) as exc:
        run("--period", "2026-Q4", "--framework", "ND335-CC")
    assert "Quý IV không xếp loại riêng" in str(exc.value)
    with pytest.raises(CommandError) as exc:
        run("--period", "2026-05", "--framework", "ND335-CC")
    assert "Chỉ xếp loại theo quý" in str(exc.value)


@pytest.mark.django_db
def test_the_year_is_the_mean_of_the_quarters_criterion_by_criterion(dept):
    # Q1: on time, marks 10 → 100; Q2: accepted late → KQ3 15 → 95; Q3: not done → 30;
    # Q4 (its products and marks 9, never rated alone): on time → 97.
    plan = {1: ("accepted", date(2026, 3, 20), "10"), 2: ("accepted", date(2026, 6, 25), "10"),
            3: ("approved", None, "10"), 4: ("accepted", date(2026, 12, 10), "9")}
    deadlines = {1: date(2026, 3, 20), 2: date(2026, 6, 20), 3: date(2026, 9, 20),
                 4: date(2026, 12, 20)}
    for q, (state, done, mark) in plan.items():
        WorkItem.objects.create(person=dept.staff1, unit=dept.unit, period=f"2026-Q{q}",
                                title=f"Sản phẩm quý {q}", deadline=deadlines[q], state=state,
                                completed_on=done)
        Evaluation.objects.create(person=dept.staff1, unit=dept.unit, period=f"2026-Q{q}",
                                  framework_code="ND335-CC", state="manager_assessed",
                                  manager_marks=dict.fromkeys(MARKS, mark))
    data = json.loads(run("--period", "2026", "--framework", "ND335-CC", "--json"))
    p = next(x for x in data["people"] if x["username"] == "staff1")
    pts = {c["code"]: c["points"] for c in p["breakdown"]}
    # CC each (10 + 10 + 10 + 9) / 4 = 9.75; KQ1 (30 + 30 + 0 + 30) / 4 = 22.5;
    # KQ2 (20 + 20 + 0 + 20) / 4 = 15; KQ3 (20 + 15 + 0 + 20) / 4 = 13.75
    assert pts == {"CC1": "9.75", "CC2": "9.75", "CC3": "9.75", "KQ1": "22.50",
                   "KQ2": "15.00", "KQ3": "13.75"}
    assert (p["score"], p["level"]) == ("80.50", "tot")
    assert p["reasons"][0]["code"] == "year_fold"
