"""The planning grid: targets of one period for many units × indicators, checked by the same
import rules (transfer.services.import_sheets) as a workbook's `Kế hoạch` sheet."""

from __future__ import annotations

from dataclasses import dataclass, field

from tiendo.indicators.models import Indicator, Target
from tiendo.lib.vn_numbers import format_vn_number
from tiendo.orgs import access
from tiendo.transfer.services import import_sheets
from tiendo.transfer.workbook import TARGETS, SheetRows

MAX_UNITS = 300
MAX_INDICATORS = 30


@dataclass
class Grid:
    period: str
    units: list
    indicators: list
    values: dict = field(default_factory=dict)  # (unit code, indicator code) → text
    errors: dict = field(default_factory=dict)  # (unit code, indicator code) → message

    def cell(self, unit, indicator) -> str:
        return self.values.get((unit.code, indicator.code), "")


def catalogue():
    """Indicators to choose the grid's columns from."""
    return Indicator.objects.order_by("sort_order", "code").only("code", "name")


def grid_for(*, user, period: str, indicator_codes: list[str] | None = None) -> Grid:
    """The units the user manages (at most MAX_UNITS) × the chosen indicators (default: the key
    ones), with the targets already set for the period. Queries: access (2), units (1),
    indicators (1), targets (1)."""
    units = list(access.units_managed_by(user).order_by("tree", "path")[:MAX_UNITS])
    indicators = Indicator.objects.order_by("sort_order", "code")
    if indicator_codes:
        indicators = indicators.filter(code__in=indicator_codes)
    else:
        indicators = indicators.filter(is_key=True)
    indicators = list(indicators[:MAX_INDICATORS])
    grid = Grid(period, units, indicators)
    for t in Target.objects.filter(period=period, basis="", unit__in=units,
                                   indicator__in=indicators).select_related("unit", "indicator"):
        grid.values[(t.unit.code, t.indicator.code)] = format_vn_number(t.value)
    return grid


def grid_save(*, actor, grid: Grid, posted: dict[tuple[str, str], str]):
    """Write the cells that differ from what is set; errors come back per cell and nothing is
    written. Returns the import result."""
    rows, where = [], {}
    n = 1
    for key, text in posted.items():
        text = (text or "").strip()
        if not text or text == grid.values.get(key, ""):
            continue
        n += 1
        unit_code, indicator_code = key
        rows.append((n, (indicator_code, unit_code, grid.period, text)))
        where[n] = key
    sheet = SheetRows(TARGETS, {"indicator": 0, "unit": 1, "period": 2, "value": 3}, rows)
    result = import_sheets(actor=actor, sheets=[sheet] if rows else [])
    for e in result.errors:
        if e.row in where:
            grid.errors[where[e.row]] = f"{e.expected_vi} ({e.expected_en})"
    grid.values.update({k: (v or "").strip() for k, v in posted.items() if (v or "").strip()})
    return result
