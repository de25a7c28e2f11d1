"""What goes in (the metrics of each subject) and what comes out (scores, levels, reasons), and
the ranking order of results."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from .levels import LEVEL_LABELS, ZERO

NO_LEVEL_LABEL = "Chưa xếp loại (thiếu dữ liệu)"


@dataclass
class SubjectMetrics:
    subject_id: object  # int or str; must be unique within one rating
    label: str
    peer_group: str | None
    metrics: dict


@dataclass(slots=True)
class Reason:
    code: str
    text_vi: str
    changed: bool = True  # False: informative (band, quota kept), True: this rule moved the level


@dataclass(slots=True)
class CriterionScore:
    code: str
    name: str
    group: str
    inputs: dict
    formula: str
    points: Decimal | None
    max_points: Decimal
    explanation_vi: str
    raw: Decimal | None = None  # value before clamping


@dataclass(slots=True)
class SubjectResult:
    subject_id: object
    label: str
    peer_group: str | None
    score: Decimal | None
    level: str | None
    breakdown: list[CriterionScore]
    reasons: list[Reason]
    missing: list[str]
    metrics: dict = field(default_factory=dict)
    band_level: str | None = None  # the level given by the score alone
    individual_level: str | None = None  # after vetoes and conditions, before the quota
    tie_values: tuple = ()
    # tied at the quota boundary after every tie-break the framework names: the Party committee
    # (or the competent level) decides, never the code ("đồng điểm — cấp ủy quyết định")
    tie_unresolved: bool = False

    @property
    def level_label(self) -> str:
        if self.level is None:
            return NO_LEVEL_LABEL
        return LEVEL_LABELS.get(self.level, NO_LEVEL_LABEL)

    def as_dict(self) -> dict:
        """JSON-ready dict (Decimals as strings) — the shape of the CLI's --json output."""
        return {
            "subject_id": self.subject_id,
            "unit": self.label,
            "peer_group": self.peer_group,
            "score": _s(self.score),
            "level": self.level,
            "band_level": self.band_level,
            "individual_level": self.individual_level,
            "tie_unresolved": self.tie_unresolved,
            "breakdown": [
                {
                    "code": c.code, "name": c.name, "group": c.group, "formula": c.formula,
                    "inputs": {k: _s(v) for k, v in c.inputs.items()},
                    "points": _s(c.points), "max_points": _s(c.max_points),
                    "explanation": c.explanation_vi,
                }
                for c in self.breakdown
            ],
            "reasons": [{"code": r.code, "text": r.text_vi, "changed": r.changed}
                        for r in self.reasons],
            "missing": list(self.missing),
            "metrics": {k: _s(v) for k, v in self.metrics.items()},
        }


def _s(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, Decimal):
        return str(v)
    return v


def _id_key(subject_id) -> tuple:
    if isinstance(subject_id, int) and not isinstance(subject_id, bool):
        return (0, subject_id, "")
    return (1, 0, str(subject_id))


def _order_key(r: SubjectResult) -> tuple:
    """Score desc, then each tie-break key desc (missing last), then subject id asc."""
    ties = tuple((0, -v) if v is not None else (1, ZERO) for v in r.tie_values)
    score = (0, -r.score) if r.score is not None else (1, ZERO)
    return (score, ties, _id_key(r.subject_id))


def _check_unique(ids: Iterable) -> None:
    seen = set()
    for sid in ids:
        k = _id_key(sid)
        if k in seen:
            raise ValueError(f"Mã đối tượng trùng: {sid!r}")
        seen.add(k)
