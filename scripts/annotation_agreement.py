#!/usr/bin/env python3
"""How far two annotators agree on the blind set, and the engine's scores against each.

    .venv/bin/python scripts/annotation_agreement.py

The blind set's answers (`tiendo/extraction/tests/data/real/blind/*.gold.jsonl`) were made by
a first annotator. A second one, who never saw them nor the engine, gave each number its role
and each statement its verdict again, on the same numbers and statements
(`…/real/second/*.second.jsonl`); see `docs/extraction.md`. This prints, pooled over the
files (never per file, so that no rule is written while looking at a blind file):
- the share of required numbers both gave the same role, and of verdicts they share;
- the engine's `score_facts` figures against the first answer, the second, and an agreed
  answer that keeps only what both gave (a role they differ on becomes optional, a verdict
  they differ on becomes null).
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tiendo.extraction.engine import extract  # noqa: E402
from tiendo.extraction.engine.scoring import counts, summary  # noqa: E402

REAL = ROOT / "tiendo" / "extraction" / "tests" / "data" / "real"


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def agreed(first: list[dict], second: list[dict]) -> list[dict]:
    """The first answer, keeping only the roles and verdicts the second shares."""
    out = []
    for a, b in zip(first, second, strict=True):
        numbers = [x if x["role"] == y["role"] else dict(x, optional=True)
                   for x, y in zip(a["numbers"], b["numbers"], strict=True)]
        status = a.get("status") if a.get("status") == b.get("status") else None
        out.append(dict(a, numbers=numbers, status=status))
    return out


def main() -> None:
    roles = same_roles = verdicts_first = verdicts_second = verdicts_shared = 0
    totals: dict[str, dict[str, float]] = {"first": {}, "second": {}, "agreed": {}}
    files = sorted((REAL / "second").glob("*.second.jsonl"))
    for path in files:
        name = path.name.removesuffix(".second.jsonl")
        first, second = _load(REAL / "blind" / f"{name}.gold.jsonl"), _load(path)
        for a, b in zip(first, second, strict=True):
            for x, y in zip(a["numbers"], b["numbers"], strict=True):
                if not x.get("optional"):
                    roles += 1
                    same_roles += x["role"] == y["role"]
            verdicts_first += bool(a.get("status"))
            verdicts_second += bool(b.get("status"))
            verdicts_shared += bool(a.get("status")) and a.get("status") == b.get("status")
        text = (REAL / "blind" / f"{name}.txt").read_text(encoding="utf-8")
        pred = [s.to_dict() for s in extract(text)]
        for key, gold in (("first", first), ("second", second),
                          ("agreed", agreed(first, second))):
            for k, v in counts(gold, pred).items():
                totals[key][k] = totals[key].get(k, 0) + v
    print(f"{len(files)} files; same role on {same_roles} of {roles} required numbers "
          f"({same_roles / roles:.3f})")
    print(f"verdicts: the first gives {verdicts_first}, the second {verdicts_second}, both the "
          f"same {verdicts_shared} ({verdicts_shared / verdicts_first:.3f} of the first's)")
    keys = ("detection_f1", "value_accuracy", "role_accuracy", "link_f1", "status_accuracy",
            "unit_accuracy")
    print("engine against   " + "  ".join(k.split("_")[0][:6].rjust(6) for k in keys))
    for key, total in totals.items():
        figures = summary(total)
        print(f"{key:16} " + "  ".join(f"{figures[k]:6.3f}" for k in keys))


if __name__ == "__main__":
    main()
