"""The engine meets the quality floors on the sample report (copied into tests/data) and on
seven reports written for these tests (an imaginary province, "Bình An", a party committee of
provincial agencies, a half-year party report, a year's resolution report, a health
department's party committee, a district's month, a province's quarter), annotated by hand
following the annotation rules before the engine was run on them."""

import json
from pathlib import Path

import pytest

from tiendo.extraction.engine import extract
from tiendo.extraction.engine.scoring import counts, score, summary

DATA = Path(__file__).parent / "data"
FLOORS = {
    "detection_f1": 0.95,
    "value_accuracy": 0.99,
    "role_accuracy": 0.92,
    "link_f1": 0.85,
    "status_accuracy": 0.95,
}


@pytest.mark.parametrize("name", [
    "lamdong-2026q1-report", "binhan-2025-10-report", "dangbo-khoi-2025q3-report",
    "nghiquyet-2025h1-report", "tinh-2025-nghiquyet-report", "dangbo-syt-2026q2-report",
    "huyen-2025-08-report", "tinh-2025q3-lanluot-report",
])
def test_report_meets_the_floors(name):
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in
            (DATA / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    for s in gold:  # the copy is intact
        for n in s["numbers"]:
            assert text[n["start"] : n["end"]] == n["text"]
    pred = [s.to_dict() for s in extract(text)]
    figures = score(gold, pred)
    below = {k: figures[k] for k, floor in FLOORS.items() if figures[k] < floor}
    assert below == {}


REAL = DATA / "real"


def _pooled(folder):
    total = {}
    for txt in sorted((REAL / folder).glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        gold = [json.loads(line) for line in
                txt.with_suffix(".gold.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
        for s in gold:
            for n in s["numbers"]:
                assert text[n["start"] : n["end"]] == n["text"], txt.name
        for k, v in counts(gold, [s.to_dict() for s in extract(text)]).items():
            total[k] = total.get(k, 0) + v
    return summary(total)


def test_real_reports_of_the_tuning_set_meet_the_issue_floors():
    """The real reports by other issuers in `data/real/tuning/`, with the texts the team wrote
    there to cover hard genres (`team-*`, see the README), pooled.
    The blind set beside it is scored only by hand (docs/extraction.md), never here, so that
    no rule is written while looking at its results."""
    figures = _pooled("tuning")
    floors = dict(FLOORS, status_accuracy=0.85)
    below = {k: figures[k] for k, floor in floors.items() if figures[k] < floor}
    assert below == {}


def test_the_blind_set_is_intact_and_kept_apart():
    blind = sorted(p.name for p in (REAL / "blind").glob("*.txt"))
    tuning = sorted(p.name for p in (REAL / "tuning").glob("*.txt"))
    assert len(blind) >= 4 and len(tuning) >= 4 and not set(blind) & set(tuning)
    for name in blind:
        txt = REAL / "blind" / name
        text = txt.read_text(encoding="utf-8")
        for line in txt.with_suffix(".gold.jsonl").read_text(encoding="utf-8").splitlines():
            for n in json.loads(line)["numbers"] if line.strip() else []:
                assert text[n["start"] : n["end"]] == n["text"], name


def test_the_second_annotation_of_the_blind_set_reads_the_same_numbers():
    """`real/second/` gives the roles and verdicts of a second annotator on the blind answers'
    own statements and numbers (scripts/annotation_agreement.py compares them)."""
    seconds = sorted((REAL / "second").glob("*.second.jsonl"))
    assert len(seconds) >= 32
    for path in seconds:
        first = (REAL / "blind" / path.name.replace(".second.", ".gold.")).read_text(
            encoding="utf-8").splitlines()
        second = path.read_text(encoding="utf-8").splitlines()
        assert len(first) == len(second), path.name
        for a, b in zip(map(json.loads, first), map(json.loads, second), strict=True):
            assert [(n["start"], n["end"]) for n in a["numbers"]] == [
                (n["start"], n["end"]) for n in b["numbers"]], path.name
            assert b["status"] in (None, "achieved", "not_achieved")
            assert {n["role"] for n in b["numbers"]} <= {
                "actual", "target", "change", "attainment", "part"}
