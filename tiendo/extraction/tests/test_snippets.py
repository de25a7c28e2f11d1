"""Fixture-driven tests: each `snippets/<name>.txt` with its expected `snippets/<name>.jsonl`.

The snippets are short texts written for these tests (budget, exports, tourism, health, party
work, crime, agriculture, plans, bounds, out-of-scope numbers). Compared: period, status and,
for every number, span, text, value, unit, role, scope, direction and bound. The indicator
name and the basis are free text (docs/extraction-format.md) and not compared.
"""

import json
from pathlib import Path

import pytest

from tiendo.extraction.engine import extract

SNIPPETS = Path(__file__).parent / "snippets"
NUMBER_KEYS = ("start", "end", "text", "value", "unit", "role", "scope", "direction", "bound")


def _comparable(statements):
    return [
        {
            "period": s["period"],
            "status": s["status"],
            "numbers": [{k: n.get(k) for k in NUMBER_KEYS} for n in s["numbers"]],
        }
        for s in statements
    ]


@pytest.mark.parametrize("name", sorted(p.stem for p in SNIPPETS.glob("*.txt")))
def test_snippet_reads_as_expected(name):
    text = (SNIPPETS / f"{name}.txt").read_text(encoding="utf-8")
    expected = [
        json.loads(line)
        for line in (SNIPPETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    got = [s.to_dict() for s in extract(text)]
    assert _comparable(got) == _comparable(expected)
    for s in got:
        for n in s["numbers"]:
            assert text[n["start"] : n["end"]] == n["text"]


def test_out_of_scope_snippet_keeps_only_the_measured_length():
    text = (SNIPPETS / "out_of_scope.txt").read_text(encoding="utf-8")
    numbers = [n.text for s in extract(text) for n in s.numbers]
    assert numbers == ["12,5"]


def test_a_verdict_in_a_plan_parenthesis_gives_the_status():
    [s] = extract("Thu ngân sách đạt 1.200 tỷ đồng (KH: 1.000 tỷ đồng, vượt).",
                  default_period="2025")
    assert s.status == "achieved"
    assert [(n.value, n.role) for n in s.numbers] == [(1200, "actual"), (1000, "target")]


def test_a_verb_with_a_number_gives_no_status():
    [s] = extract("Số hộ thoát nghèo đạt 98,1% kế hoạch.", default_period="2025")
    assert s.status is None
    assert s.numbers[0].role == "attainment"


def test_not_achieved_before_the_plan_applies_to_the_statement():
    [s] = extract(
        "Tốc độ tăng trưởng kinh tế ước đạt 5,1% (không đạt so với kịch bản, KH: 6%).",
        default_period="2025-Q2",
    )
    assert s.status == "not_achieved"
    assert [(n.value, n.role) for n in s.numbers] == [(5.1, "actual"), (6, "target")]


def test_default_period_is_used_when_the_text_names_none():
    [s] = extract("Đã cấp 240 giấy phép xây dựng.", default_period="2025-Q4")
    assert s.period == "2025-Q4"
    assert (s.numbers[0].value, s.numbers[0].unit) == (240, "giấy phép")


def test_decomposed_text_keeps_offsets_into_the_callers_text():
    import unicodedata

    text = unicodedata.normalize("NFD", "Vốn huy động đạt 236.800 tỷ đồng (tăng 3%).")
    [s] = extract(text, default_period="2026-Q1")
    assert [(n.text, n.value, n.role) for n in s.numbers] == [
        ("236.800", 236800, "actual"), ("3", 3, "change")
    ]
    for n in s.numbers:
        assert text[n.start : n.end] == n.text
    assert s.numbers[0].unit == "tỷ đồng"


def test_negative_growth_has_a_negative_value():
    [s] = extract("Xuất khẩu tăng trưởng âm 4,13% so với cùng kỳ.", default_period="2025")
    assert (s.numbers[0].value, s.numbers[0].role) == (-4.13, "change")


def test_a_number_at_the_very_start_of_the_text_is_read():
    [s] = extract("5 tỷ đồng được giải ngân trong quý.", default_period="2026-Q1")
    assert [(n.text, n.unit) for n in s.numbers] == [("5", "tỷ đồng")]


def test_a_plan_named_as_the_basis_gives_an_attainment():
    [s] = extract("Thu ngân sách đạt 500 tỷ đồng, so với kế hoạch đạt 95%.", default_period="2025")
    assert [(n.value, n.role, n.basis) for n in s.numbers] == [
        (500, "actual", None), (95, "attainment", "kế hoạch")]


def test_a_range_is_one_figure_pair_not_a_negative_number():
    [s] = extract("Năng suất lao động tăng 30–40% so với năm 2020.", default_period="2025")
    assert [(n.value, n.role) for n in s.numbers] == [(30, "change"), (40, "change")]


def test_a_verdict_opening_a_list_applies_to_each_item():
    stmts = extract("Có 02 chỉ tiêu không đạt: (1) Tốc độ tăng trưởng GRDP đạt 6,5% (KH: 8%); "
                    "(2) Thu ngân sách đạt 9.800 tỷ đồng (KH: 10.500 tỷ đồng).",
                    default_period="2025")
    items = [s for s in stmts if any(n.role == "target" for n in s.numbers)]
    assert [s.status for s in items] == ["not_achieved", "not_achieved"]
    assert [[n.role for n in s.numbers] for s in items] == [["actual", "target"]] * 2


def test_a_figure_compared_with_the_plan_written_after_it_is_the_actual():
    stmts = extract("Có 2 chỉ tiêu không đạt là tăng trưởng GDP (đạt 2% so với kế hoạch là 6,8%) "
                    "và tỷ lệ lao động qua đào tạo (64,5% so với kế hoạch là 65%).",
                    default_period="2025")
    pairs = [[(n.value, n.role) for n in s.numbers] for s in stmts if s.status]
    assert pairs == [[(2, "actual"), (6.8, "target")], [(64.5, "actual"), (65, "target")]]


def test_a_national_figure_in_brackets_is_a_statement_of_its_own():
    stmts = extract("Kim ngạch xuất khẩu đạt 1.250 triệu USD, tăng 12,5% (cả nước tăng 9,8%).",
                    default_period="2025")
    assert [[n.value for n in s.numbers] for s in stmts] == [[1250, 12.5], [9.8]]
