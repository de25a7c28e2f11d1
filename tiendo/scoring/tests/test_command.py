"""`tiendo rate --period 2026-Q1 [--framework CODE] --json`."""

import json
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tiendo.scoring.models import Rating

from .helpers import perfect_quarter


def run(*args) -> str:
    out = StringIO()
    call_command("rate", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_rate_json_prints_every_unit_with_its_explained_breakdown(cast):
    perfect_quarter(cast)
    data = json.loads(run("--period", "2026-Q1", "--framework", "QD366", "--json"))
    assert data["period"] == "2026-Q1"
    assert data["framework"] == "QD366 v1"
    units = {u["unit"]: u for u in data["units"]}
    assert set(units) == {"Sở A", "Sở B"}  # the other province's unit C is not a department
    a = units["Sở A"]
    # no targets, no reports: B1, B2, C1, C2 (30 points) do not apply → 70 applicable,
    # ×100/70: A1 25 → 35.71, A2 10 → 14.29, A3 5 → 7.14, D1 18 → 25.71, E1 10 → 14.29
    assert (a["score"], a["level"]) == ("97.14", "tot")
    assert [c["code"] for c in a["breakdown"]] == ["A1", "A2", "A3", "B1", "B2", "C1", "C2",
                                                   "D1", "E1"]
    assert a["breakdown"][0] == {
        "code": "A1", "name": "Nhiệm vụ hoàn thành đúng hạn", "points": "35.71",
        "max_points": "35.71",
        "explanation": "Hoàn thành đúng hạn 3/3 nhiệm vụ đến hạn: 25,00/25 điểm. Quy đổi theo "
                       "tỉ lệ 100/70 vì có tiêu chí không áp dụng: 35,71/35,71 điểm."}
    b1 = a["breakdown"][3]
    assert (b1["points"], b1["max_points"]) == ("0.00", "0.00")
    assert b1["explanation"].startswith("Không áp dụng: không có chỉ tiêu nào có kết quả")
    for u in data["units"]:  # nothing to measure never scores
        for c in u["breakdown"]:
            if c["explanation"].startswith("Không áp dụng"):
                assert D(c["points"]) == 0
    for u in data["units"]:
        assert D(u["score"]) == sum(D(c["points"]) for c in u["breakdown"])
    assert [r["code"] for r in a["reasons"]] == ["band", "quota"]
    assert Rating.objects.count() == 0  # printing saves nothing


@pytest.mark.django_db
def test_rate_propose_saves_and_text_output_is_vietnamese(cast):
    perfect_quarter(cast)
    out = run("--period", "quý I/2026", "--framework", "QD366", "--propose")
    assert out.splitlines()[0].startswith("Xếp loại Quý I/2026 — ")
    assert "  97,14  Hoàn thành tốt nhiệm vụ" in out
    assert Rating.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(("args", "message"), [
    (("--period", "2026-Q4"), "Quý IV không xếp loại riêng"),
    (("--period", "2026-05"), "Chỉ xếp loại theo quý (quý I–III) hoặc cả năm"),
    (("--period", "quý năm"), "Kỳ không hợp lệ"),
    (("--period", "2026-Q1", "--framework", "KHONG-CO"), "Không có bộ tiêu chí “KHONG-CO”."),
])
def test_rate_refuses_bad_input_in_vietnamese(cast, args, message):
    with pytest.raises(CommandError) as exc:
        run(*args)
    assert message in str(exc.value)


@pytest.mark.django_db
def test_rate_year_folds_the_quarters(cast):
    perfect_quarter(cast)
    data = json.loads(run("--period", "2026", "--framework", "QD366", "--json"))
    a = next(u for u in data["units"] if u["unit"] == "Sở A")
    # Q1 98; Q2–Q4 have no quality mark → the year has no score (missing stays missing)
    assert a["score"] is None
    assert "quality_mark" in a["missing"]
    assert a["reasons"][0]["code"] == "year_fold"


@pytest.mark.django_db
def test_year_score_is_the_mean_of_the_quarters_and_q4_counts(cast):
    from tiendo.scoring.models import MarkKind

    from .helpers import done_task, mark

    perfect_quarter(cast)  # Q1: A 98
    for q, quality in (("2026-Q2", 7), ("2026-Q3", 8), ("2026-Q4", 10)):
        mark(cast.unit_a, MarkKind.QUALITY, quality, period=q)
        mark(cast.unit_b, MarkKind.QUALITY, quality, period=q)
    done_task("Q4 trễ", cast.unit_a, "2026-11-30", "2026-12-05")  # late in Q4
    data = json.loads(run("--period", "2026", "--framework", "QD366", "--json"))
    a = next(u for u in data["units"] if u["unit"] == "Sở A")
    points = {c["code"]: c["points"] for c in a["breakdown"]}
    # Q1 (70 applicable, ×100/70): A1 35.71, A2 14.29, A3 7.14, D1 25.71, E1 14.29 = 97.14.
    # Q2, Q3 (no task: only D1 and E1 apply, ×100/30): D1 14 → 46.67 and 16 → 53.33,
    # E1 33.33. Q4 (one late task; A1, A3, D1, E1 apply, ×100/60): A1 0, A3 0,
    # D1 20 → 33.33, E1 16.67. Year = mean per criterion:
    # D1 (25.71 + 46.67 + 53.33 + 33.33) / 4 = 39.76; A3 7.14 / 4 = 1.79; A1 35.71 / 4 = 8.93
    assert (points["D1"], points["A3"], points["A1"]) == ("39.76", "1.79", "8.93")
    assert a["score"] == str(sum(D(p) for p in points.values()))
    # A2 14.29 / 4 = 3.57; E1 (14.29 + 33.33 + 33.33 + 16.67) / 4 = 24.41
    assert a["score"] == "78.46"  # 8.93 + 3.57 + 1.79 + 39.76 + 24.41
    # conditions on the year's summed counts: 1 of 4 tasks late (25% > 20%) → không hoàn thành
    assert a["level"] == "khong_hoan_thanh"
    assert [r["code"] for r in a["reasons"]] == [
        "year_fold", "band", "condition:tot_on_time", "condition:ht_late_20"]
    assert a["reasons"][0]["code"] == "year_fold"
