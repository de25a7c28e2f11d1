"""Pure rules for people's products and evaluations (Nghị định 335/2025/NĐ-CP). No Django, no
clock: the day a period closes is a parameter.

A work item counts for a quarter when its period is the quarter or one of its months, and the
manager approved it (declared-but-not-approved and rejected items do not count). For each
counted item of weight w (converted products):

- done: the manager accepted it (nghiệm thu); an item not accepted keeps no quality or progress
  points;
- quality: −25% per return (each failed review for a content error);
- progress: −25% for a completion after the deadline, unless an objective cause is confirmed.

Then ``scoring.rules.civil_servant_weighted_sums`` gives the ND335-CC metrics.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tiendo.scoring.rules import LEVEL_RANK, civil_servant_weighted_sums

COUNTED = ("approved", "submitted", "accepted")


@dataclass(frozen=True)
class Item:
    weight: Decimal
    state: str
    deadline: date
    completed_on: date | None
    returns: int = 0
    delay_excused: bool = False


def quarter_periods(quarter_code: str) -> tuple[str, ...]:
    """"2026-Q1" → ("2026-Q1", "2026-01", "2026-02", "2026-03")."""
    year, q = quarter_code.split("-Q")
    first = (int(q) - 1) * 3 + 1
    return (quarter_code, *(f"{year}-{m:02d}" for m in range(first, first + 3)))


def item_delays(item: Item) -> int:
    """1 when an accepted item was completed after its deadline without an excused cause."""
    if item.state != "accepted" or item.completed_on is None or item.delay_excused:
        return 0
    return 1 if item.completed_on > item.deadline else 0


def product_metrics(items: Iterable[Item]) -> dict[str, Decimal]:
    """ND335-CC product metrics of one person from their items of the period."""
    rows = [(i.weight, i.state == "accepted", i.returns, item_delays(i))
            for i in items if i.state in COUNTED]
    return civil_servant_weighted_sums(rows)


def marks_metrics(marks: dict | None) -> dict[str, Decimal | None]:
    """The three common criteria (0–10 each) from the manager's marks; missing stays missing."""
    marks = marks or {}
    return {k: (Decimal(str(marks[k])) if marks.get(k) not in (None, "") else None)
            for k in ("mark_politics", "mark_ethics", "mark_discipline")}


def level_rank(level: str | None) -> Decimal | None:
    """0 xuất sắc, 1 tốt, 2 hoàn thành, 3 không hoàn thành; None when unrated."""
    return Decimal(LEVEL_RANK[level]) if level in LEVEL_RANK else None


def team_of(manager_id, reports: dict) -> set:
    """Everyone below ``manager_id`` in the reporting lines (``reports``: person → manager),
    transitively; a cycle in bad data stops the walk."""
    children: dict = {}
    for person, mgr in reports.items():
        children.setdefault(mgr, []).append(person)
    seen: set = set()
    todo = list(children.get(manager_id, ()))
    while todo:
        p = todo.pop()
        if p in seen or p == manager_id:
            continue
        seen.add(p)
        todo.extend(children.get(p, ()))
    return seen
