"""The statistics under the target outlook, over plain floats. Pure functions.

Student's t factor and the normal distribution (``statistics`` and ``math`` only), and the ways
``outlook.rules`` reads a year's values: the share of the year reached by a period in past
years, the change from a period to year end, the amount of each period in a year-to-date total
and the period values behind a year-to-date mean.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal

__all__ = [
    "Z90",
    "changes_to_year_end",
    "implied_period_values",
    "increments",
    "normal_cdf",
    "seasonal_profile",
    "t90",
]

Z90 = 1.6448536269514722
# One-sided 95% quantiles of Student's t (two-sided 90% intervals), df 1..30.
_T95 = (
    6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812,
    1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725,
    1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697,
)  # fmt: skip


def t90(df: int) -> float:
    """The factor of a two-sided 90% interval with ``df`` degrees of freedom (normal beyond 30)."""
    if df < 1:
        raise ValueError("df must be >= 1")
    return _T95[df - 1] if df <= len(_T95) else Z90


def normal_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def seasonal_profile(history: Mapping[int, Sequence[Decimal | None]], k: int) -> list[float]:
    """Past years' share of the year-end total reached by period ``k`` (cumulative flows).

    ``history`` maps a year to its year-to-date totals at the end of periods 1..N; years with a
    missing or non-positive year-end total, or a missing period-k total, are skipped.
    """
    shares = []
    for _year, ytd in sorted(history.items()):
        if len(ytd) < k or ytd[-1] is None or ytd[k - 1] is None or ytd[-1] <= 0:
            continue
        shares.append(float(ytd[k - 1]) / float(ytd[-1]))
    return shares


def changes_to_year_end(history: Mapping[int, Sequence[Decimal | None]], k: int) -> list[float]:
    """Past years' change of a level from period ``k`` to year end, where both are known."""
    changes = []
    for _year, values in sorted(history.items()):
        if len(values) < k or values[-1] is None or values[k - 1] is None:
            continue
        changes.append(float(values[-1]) - float(values[k - 1]))
    return changes


def increments(observed: Sequence[Decimal | None]) -> list[float]:
    """Period amounts ``ytd_j − ytd_{j−1}`` where both are known (``ytd_0 = 0``)."""
    out = []
    prev: Decimal | None = Decimal(0)
    for value in observed:
        if value is not None and prev is not None:
            out.append(float(value) - float(prev))
        prev = value
    return out


def implied_period_values(observed: Sequence[Decimal | None]) -> list[float]:
    """Period values of a year-to-date mean: ``p_j = j·y_j − (j−1)·y_{j−1}``."""
    out = []
    prev: Decimal | None = None
    for j, value in enumerate(observed, start=1):
        if value is not None and (j == 1 or prev is not None):
            out.append(j * float(value) - (j - 1) * float(prev or 0))
        prev = value
    return out
