"""Scoring extracted statements against hand-made answers (docs/extraction-format.md).

Numbers are paired one to one by span overlap (largest overlap first). Over the pairs:
detection precision/recall/F1 (optional gold numbers neither count nor penalise), value, role
and unit accuracy; link F1 over pairs of numbers sharing a statement; status accuracy at the
actual number of each gold statement that states a status. Works on plain dicts (the JSONL
objects), so gold files and engine output are scored the same way.
"""

from __future__ import annotations

import math
from itertools import combinations


def _flat(statements: list[dict]) -> list[tuple[int, dict]]:
    return [(k, n) for k, st in enumerate(statements) for n in st.get("numbers", [])]


def _unit_key(unit) -> str:
    return " ".join(str(unit or "").lower().replace("ngàn", "nghìn").split())


def _pairs_by_overlap(gold, pred) -> dict[int, int]:
    """{pred index: gold index}, greedy on the largest overlap."""
    candidates = []
    for p_i, (_, p) in enumerate(pred):
        for g_i, (_, g) in enumerate(gold):
            overlap = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if overlap > 0:
                candidates.append((overlap, p_i, g_i))
    candidates.sort(reverse=True)
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    out: dict[int, int] = {}
    for _, p_i, g_i in candidates:
        if p_i in taken_p or g_i in taken_g:
            continue
        out[p_i] = g_i
        taken_p.add(p_i)
        taken_g.add(g_i)
    return out


def _safe(num: float, den: float) -> float:
    return num / den if den else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if (p + r) else 0.0


def _close(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isfinite(a) and abs(a - b) <= 1e-9 * max(1.0, abs(b))


def counts(gold_st: list[dict], pred_st: list[dict]) -> dict[str, int]:
    """Raw counts for one document (sum them to pool several documents)."""
    gold, pred = _flat(gold_st), _flat(pred_st)
    pairs = _pairs_by_overlap(gold, pred)
    optional = {g_i for g_i, (_, g) in enumerate(gold) if g.get("optional")}
    hits = {p_i: g_i for p_i, g_i in pairs.items() if g_i not in optional}
    c = {
        "gold": len(gold) - len(optional),
        "pred": len(pred),
        "tp": len(hits),
        "fp": len(pred) - len(pairs),
        "value_ok": sum(
            _close(pred[p][1].get("value"), gold[g][1]["value"]) for p, g in hits.items()
        ),
        "role_ok": sum(pred[p][1].get("role") == gold[g][1]["role"] for p, g in hits.items()),
        "unit_ok": sum(
            _unit_key(pred[p][1].get("unit")) == _unit_key(gold[g][1].get("unit"))
            for p, g in hits.items()
        ),
    }
    # links: unordered pairs of (required) gold numbers in one statement
    gold_links = set()
    by_stmt: dict[int, list[int]] = {}
    for g_i, (k, _) in enumerate(gold):
        if g_i not in optional:
            by_stmt.setdefault(k, []).append(g_i)
    for members in by_stmt.values():
        gold_links.update(frozenset(x) for x in combinations(members, 2))
    pred_links = set()
    by_pred: dict[int, list[int]] = {}
    for p_i, g_i in hits.items():
        by_pred.setdefault(pred[p_i][0], []).append(g_i)
    for members in by_pred.values():
        pred_links.update(frozenset(x) for x in combinations(members, 2))
    c.update(link_tp=len(gold_links & pred_links), gold_links=len(gold_links),
             pred_links=len(pred_links))
    # status at each gold statement's first actual number
    g_to_p = {g: p for p, g in pairs.items()}
    c["status_total"] = c["status_ok"] = 0
    for k, st in enumerate(gold_st):
        if not st.get("status"):
            continue
        actual = next((g_i for g_i, (kk, g) in enumerate(gold)
                       if kk == k and g["role"] == "actual"), None)
        if actual is None:
            continue
        c["status_total"] += 1
        p_i = g_to_p.get(actual)
        if p_i is not None and pred_st[pred[p_i][0]].get("status") == st["status"]:
            c["status_ok"] += 1
    return c


def summary(c: dict[str, int]) -> dict[str, float]:
    """The figures from (pooled) counts, rounded to 4 places."""
    p, r = _safe(c["tp"], c["tp"] + c["fp"]), _safe(c["tp"], c["gold"])
    lp, lr = _safe(c["link_tp"], c["pred_links"]), _safe(c["link_tp"], c["gold_links"])
    figures = {
        "detection_precision": p,
        "detection_recall": r,
        "detection_f1": _f1(p, r),
        "value_accuracy": _safe(c["value_ok"], c["tp"]),
        "role_accuracy": _safe(c["role_ok"], c["tp"]),
        "unit_accuracy": _safe(c["unit_ok"], c["tp"]),
        "link_precision": lp,
        "link_recall": lr,
        "link_f1": _f1(lp, lr),
        "status_accuracy": _safe(c["status_ok"], c["status_total"]),
    }
    return {k: round(v, 4) for k, v in figures.items()}


def score(gold_st: list[dict], pred_st: list[dict]) -> dict[str, float]:
    return summary(counts(gold_st, pred_st))
