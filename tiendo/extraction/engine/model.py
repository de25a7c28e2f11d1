"""Plain data of the engine: a number mention, a statement, a read document (no Django)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

ROLES = ("actual", "target", "change", "attainment", "part")


@dataclass
class Number:
    """One in-scope number: its span in the source text and how the sentence uses it."""

    start: int
    end: int
    text: str
    value: float | int
    unit: str | None
    role: str = "actual"
    scope: str | None = None  # for a target: "period", "year" or a period code
    basis: str | None = None  # for change/attainment (and a share): what it is measured against
    direction: str | None = None  # for a change: "up" / "down"
    bound: str | None = None  # ">", ">=", "<", "<="

    def to_dict(self) -> dict:
        d = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "role": self.role,
        }
        for key in ("scope", "basis", "direction", "bound"):
            val = getattr(self, key)
            if val is not None:
                d[key] = val
        return d


@dataclass
class Statement:
    """One indicator as the sentence reports it, with every number that belongs to it."""

    indicator: str
    period: str | None
    status: str | None = None
    numbers: list[Number] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.numbers[0].start if self.numbers else 0

    def to_dict(self) -> dict:
        return {
            "indicator": self.indicator,
            "period": self.period,
            "status": self.status,
            "numbers": [n.to_dict() for n in sorted(self.numbers, key=lambda n: n.start)],
        }


@dataclass(frozen=True)
class Document:
    """The text of a read document (the text every offset refers to) and its kind."""

    text: str
    kind: str  # "txt", "docx" or "pdf"


def statements_to_jsonl(statements: Iterable[Statement]) -> str:
    """One JSON object per line (docs/extraction-format.md), UTF-8 text, trailing newline."""
    lines = [json.dumps(s.to_dict(), ensure_ascii=False) for s in statements]
    return "".join(line + "\n" for line in lines)


def statements_to_json(statements: Iterable[Statement]) -> str:
    """A JSON array of the statements, indented, for people."""
    return json.dumps([s.to_dict() for s in statements], ensure_ascii=False, indent=2)
