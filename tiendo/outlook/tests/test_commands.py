"""`tiendo outlook`."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_outlook_json_has_indicators_and_tasks_with_exact_values(world):
    data = json.loads(run("outlook", "--period", "2026-Q1", "--on", "2026-05-31", "--json"))
    assert data["period"] == "2026-Q1"
    assert data["on"] == "2026-05-31"
    rows = {r["code"]: r for r in data["indicators"]}
    d = rows["giai-ngan"]
    assert (d["projected"], d["low"], d["high"]) == (15.56, 10.3733, 31.12)
    assert (d["risk"], d["needed_per_period"], d["needed_bound"]) == ("off_course", 32.0367, "min")
    assert d["method"].startswith("Theo tốc độ thực hiện")
    assert d["reasons"][1] == "Lũy kế đến hết quý I: 3,89% kế hoạch năm."
    g = rows["tang-truong"]
    assert (g["projected"], g["risk"], g["needed_per_period"]) == (8.24, "off_course", 0.9033)
    assert "Để đạt mục tiêu, mỗi quý còn lại cần tăng bình quân 0,9 điểm %." in g["reasons"]
    tasks = {t["title"]: t for t in data["tasks"]}
    assert set(tasks) == {"Đề án chuyển đổi số", "Kế hoạch du lịch", "Nhiệm vụ tỉnh C"}
    assert tasks["Đề án chuyển đổi số"]["risk"] == "off_course"
    assert tasks["Đề án chuyển đổi số"]["reasons"][1] == "51 ngày chưa cập nhật tiến độ."


def test_outlook_text_lists_risk_labels(world):
    text = run("outlook", "--period", "2026-Q1", "--on", "2026-05-31")
    assert "[Chệch hướng] Giải ngân vốn đầu tư công — ước cả năm 15,56 (10,37 – 31,12)" in text


def test_outlook_rejects_a_bad_period_in_vietnamese(world):
    with pytest.raises(CommandError, match="Không hiểu kỳ"):
        run("outlook", "--period", "quý 9/2026")


def test_outlook_rejects_an_unknown_unit(world):
    with pytest.raises(CommandError, match="Không có đơn vị mã “khong-co”"):
        run("outlook", "--period", "2026-Q1", "--unit", "khong-co")
