"""The scorer follows docs/extraction-format.md's definitions (checked by hand-computable cases)."""

import importlib.util
from pathlib import Path

import pytest

from tiendo.extraction.engine.scoring import score


def _n(start, end, value, role="actual", unit="%", **kw):
    return {"start": start, "end": end, "text": "x" * (end - start), "value": value,
            "unit": unit, "role": role, **kw}


GOLD = [
    {"indicator": "a", "period": "2026-Q1", "status": "achieved",
     "numbers": [_n(0, 4, 8.35), _n(10, 14, 9.5, "target")]},
    {"indicator": "b", "period": "2026-Q1", "status": None,
     "numbers": [_n(20, 26, 12450, unit="tỷ đồng"), _n(30, 32, 41, "attainment"),
                 _n(40, 42, 3, optional=True)]},
]


def test_a_perfect_answer_scores_one_everywhere():
    figures = score(GOLD, GOLD)
    assert set(figures.values()) == {1.0}


def test_missing_extra_and_wrong_numbers_are_counted():
    pred = [
        {"indicator": "a", "period": "2026-Q1", "status": "not_achieved",
         "numbers": [_n(1, 4, 8.35), _n(10, 14, 9.5, "actual")]},
        {"indicator": "b", "period": "2026-Q1", "status": None,
         "numbers": [_n(20, 26, 12.45, unit="tỷ")]},
        {"indicator": "c", "period": None, "status": None,
         "numbers": [_n(50, 52, 5), _n(40, 42, 3)]},  # 50-52 is extra, 40-42 optional
    ]
    f = score(GOLD, pred)
    # 4 required gold numbers; 3 found; 1 false positive (the optional one is neither)
    assert f["detection_precision"] == pytest.approx(0.75)
    assert f["detection_recall"] == pytest.approx(0.75)
    assert f["value_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert f["role_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert f["unit_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    # gold links: (a1,a2), (b1,b2); predicted among found: (a1,a2)
    assert (f["link_precision"], f["link_recall"]) == (1.0, 0.5)
    assert f["status_accuracy"] == 0.0


def test_splitting_a_statement_loses_its_links():
    pred = [{"indicator": "a", "status": "achieved", "numbers": [_n(0, 4, 8.35)]},
            {"indicator": "a2", "status": None, "numbers": [_n(10, 14, 9.5, "target")]},
            GOLD[1]]
    f = score(GOLD, pred)
    assert f["link_recall"] == 0.5
    assert f["status_accuracy"] == 1.0


def test_the_agreed_answer_keeps_only_what_both_annotators_gave():
    path = Path(__file__).resolve().parents[3] / "scripts" / "annotation_agreement.py"
    spec = importlib.util.spec_from_file_location("annotation_agreement", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first = [{"indicator": "A", "status": "achieved", "numbers": [
        {"start": 0, "end": 2, "role": "actual"}, {"start": 5, "end": 7, "role": "target"}]},
        {"indicator": "B", "status": "not_achieved", "numbers": [
            {"start": 9, "end": 10, "role": "actual"}]}]
    second = [{"indicator": "A", "status": "achieved", "numbers": [
        {"start": 0, "end": 2, "role": "actual"}, {"start": 5, "end": 7, "role": "change"}]},
        {"indicator": "B", "status": None, "numbers": [{"start": 9, "end": 10, "role": "actual"}]}]
    got = module.agreed(first, second)
    assert [(s["status"], [n.get("optional", False) for n in s["numbers"]]) for s in got] == [
        ("achieved", [False, True]), (None, [False])]
