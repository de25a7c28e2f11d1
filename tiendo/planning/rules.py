"""Progress toward a term target (chỉ tiêu nhiệm kỳ), from the years' figures. Pure: no
database, no clock (`on` is passed in).

How the years add up follows the indicator's roll-up: ``sum`` adds the years' values (a
five-year total of revenue or investment); ``mean`` averages them (average growth over the
term); anything else reads the latest value (a rate to reach by the end of the term). Progress
is the attainment of that value against the term target; the share of the term's time elapsed
goes beside it. A summed target is on track when its attainment keeps pace with the time
elapsed; another one when the latest value meets the plan of its own year (or the term target).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tiendo.indicators.rules import Direction, TargetSpec, Verdict, assess
from tiendo.lib.vn_numbers import format_vn_number, format_vn_percent


@dataclass(frozen=True)
class YearLine:
    year: int
    plan: TargetSpec | None
    actual: Decimal | None
    actual_label: str = ""  # the period the actual is of ("Quý I/2026")


@dataclass(frozen=True)
class TermProgress:
    value: Decimal | None
    attainment: Decimal | None
    elapsed: Decimal  # % of the term's time gone by `on`
    on_track: bool | None
    sentence_vi: str


def elapsed_pct(start: date, end: date, on: date) -> Decimal:
    if on <= start:
        return Decimal(0)
    if on >= end:
        return Decimal(100)
    return (Decimal((on - start).days) * 100 / Decimal((end - start).days + 1)).quantize(
        Decimal("0.1"))


def term_progress(*, target: TargetSpec, direction: Direction | str, rollup: str,
                  years: list[YearLine], start: date, end: date, on: date,
                  unit: str = "") -> TermProgress:
    direction = Direction(direction)
    seen = [y for y in years if y.actual is not None]
    actuals = [y.actual for y in years if y.actual is not None]
    elapsed = elapsed_pct(start, end, on)
    u = f" {unit}" if unit and not unit.startswith("%") else unit
    if not seen:
        return TermProgress(None, None, elapsed, None,
                            f"Chưa có số liệu của nhiệm kỳ; đã qua {format_vn_percent(elapsed)} "
                            "thời gian nhiệm kỳ.")
    if rollup == "sum":
        value = sum(actuals, Decimal(0))
        how = f"cộng {len(seen)} năm"
    elif rollup == "mean":
        value = (sum(actuals, Decimal(0)) / len(actuals)).quantize(Decimal("0.01"))
        how = f"bình quân {len(seen)} năm"
    else:
        value = actuals[-1]
        how = f"số mới nhất, {seen[-1].actual_label or seen[-1].year}"
    a = assess(value, target, direction)
    if rollup == "sum":
        on_track = a.attainment is not None and a.attainment >= elapsed
    elif a.verdict is not None and a.verdict != Verdict.NOT_ACHIEVED:
        on_track = True
    else:
        last = seen[-1]
        on_track = (assess(last.actual, last.plan, direction).verdict
                    not in (None, Verdict.NOT_ACHIEVED)) if last.plan else False
    pct = f"đạt {format_vn_percent(a.attainment)} mục tiêu nhiệm kỳ" if a.attainment is not None \
        else "chưa tính được tỷ lệ đạt"
    track = "đúng tiến độ" if on_track else "chậm so với tiến độ"
    sentence = (f"Đến nay {format_vn_number(value)}{u} ({how}): {pct} "
                f"({target.describe_vi()}{u}); đã qua {format_vn_percent(elapsed)} thời gian "
                f"nhiệm kỳ — {track}.")
    return TermProgress(value, a.attainment, elapsed, on_track, sentence)
