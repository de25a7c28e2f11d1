"""Targets and figures of the same indicator and unit side by side: the one grouping that the
figure table, the quarterly report and the early warning share. Pure: it walks rows already
read (models, value tuples, or (row, period) pairs), in one pass each, with no query."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Slot:
    indicator: Any = None  # the row's indicator, when the rows carry it (select_related)
    unit: Any = None
    targets: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    history: tuple = ((), ())  # (sources, years) taken from predecessor units, if any

    @property
    def figure(self):
        """The current figure, when the rows are current figures only (one per slot)."""
        return self.figures[-1] if self.figures else None


def _itself(item):
    return item


def by_indicator_and_unit(targets: Iterable, figures: Iterable, *,
                          row: Callable[[Any], Any] = _itself,
                          keep: set[tuple[int, int]] | None = None
                          ) -> dict[tuple[int, int], Slot]:
    """{(indicator id, unit id): Slot}, in the order the keys first appear. ``row(item)`` is
    the row an item stands for (for (row, period) pairs: the row); ``keep`` limits the keys."""
    slots: dict[tuple[int, int], Slot] = {}
    for name, items in (("targets", targets), ("figures", figures)):
        for item in items:
            r = row(item)
            key = (r.indicator_id, r.unit_id)
            if keep is not None and key not in keep:
                continue
            slot = slots.get(key)
            if slot is None:
                slot = slots[key] = Slot(getattr(r, "indicator", None), getattr(r, "unit", None))
            getattr(slot, name).append(item)
    return slots
