"""Matching an extracted statement to the indicator catalogue.

Names are compared accent-folded (``tiendo.lib.text.fold``) after dropping words that do not
name the quantity ("tổng", "số", "toàn tỉnh", period words); the score is rapidfuzz's
``token_set_ratio`` blended with ``partial_ratio``, then scaled by unit compatibility: a
statement in "tỷ đồng" does not match an indicator kept in "%" unless it is a rate of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from tiendo.lib.text import fold

from .model import Statement

_NOISE_RE = re.compile(
    r"\b(tong|so|luong|toan tinh|tren dia ban|uoc|dat|nam|quy|thang|[ivx]+|[0-9/]+|"
    r"cua|cac|nhung|va|trong do|duoc|da)\b"
)
_MONEY = ("dong", "usd", "euro")
_DIMENSIONS = {
    "percent": ("%", "phan tram"),
    "area": ("ha", "km2", "m2", "hecta"),
    "mass": ("tan", "kg", "ta"),
    "energy": ("kwh", "mwh", "gwh"),
    "power": ("mw", "kw"),
    "length": ("km", "m"),
}

MIN_SCORE = 55.0


@dataclass(frozen=True)
class CatalogueEntry:
    code: str
    name: str
    unit_of_measure: str = ""


@dataclass(frozen=True)
class Match:
    code: str
    score: float  # 0–100
    reason: str


def _key(name: str) -> str:
    return " ".join(_NOISE_RE.sub(" ", fold(name)).split())


def dimension(unit: str | None) -> str | None:
    """"tỷ đồng" → "money", "%" → "percent", "nghìn lượt khách" → "count:luot khach"."""
    if not unit:
        return None
    u = fold(unit)
    last = u.split("/")[0].split()
    if "%" in u or "phan tram" in u:
        return "percent"
    if any(w in last for w in _MONEY):
        return "money"
    for dim, words in _DIMENSIONS.items():
        if last and last[-1] in words:
            return dim
    noun = [w for w in last if w not in ("nghin", "trieu", "ty", "van", "tram")]
    return "count:" + " ".join(noun) if noun else "count"


def unit_factor(stmt_unit: str | None, entry_unit: str | None) -> tuple[float, str]:
    a, b = dimension(stmt_unit), dimension(entry_unit)
    if a is None or b is None:
        return 0.9, "đơn vị chưa rõ"
    if a == b:
        return 1.0, "cùng đơn vị"
    if a.startswith("count") and b.startswith("count"):
        return 0.9, "cùng là số đếm"
    return 0.6, f"khác đơn vị ({stmt_unit} / {entry_unit})"


def match_indicator(statement: Statement, catalogue, *, limit: int = 5) -> list[Match]:
    """Best catalogue entries for ``statement``, best first, score ≥ MIN_SCORE."""
    name = _key(statement.indicator)
    if not name:
        return []
    main = next((n for n in statement.numbers if n.role in ("actual", "target", "part")), None)
    unit = main.unit if main else (statement.numbers[0].unit if statement.numbers else None)
    out = []
    for entry in catalogue:
        key = _key(entry.name)
        if not key:
            continue
        text_score = 0.7 * fuzz.token_set_ratio(name, key) + 0.3 * fuzz.partial_ratio(name, key)
        factor, why = unit_factor(unit, entry.unit_of_measure)
        score = round(text_score * factor, 1)
        if score >= MIN_SCORE:
            out.append(Match(entry.code, score, f"tên giống {text_score:.0f}%, {why}"))
    out.sort(key=lambda m: (-m.score, m.code))
    return out[:limit]
