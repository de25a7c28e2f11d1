"""NĐ 335 helper: the metrics of the civil servants' framework from a person's products."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..formula import to_decimal
from .levels import ZERO

QUARTER_PENALTY = Decimal("0.25")


def item_factor(count: int) -> Decimal:
    """Share of an item's quality (or progress) points kept after ``count`` failed reviews (or
    unexcused delays): −25% each, never below 0 (Nghị định 335)."""
    return max(ZERO, Decimal(1) - QUARTER_PENALTY * count)


def civil_servant_item_sums(items: Iterable[tuple[bool, int, int]]) -> dict[str, Decimal]:
    """Metrics of the NĐ 335 framework from a person's assigned products.

    ``items``: (done, failed_reviews, unexcused_delays) per assigned (converted) product. Returns
    ``products_assigned``, ``products_done``, ``quality_factor_sum`` and ``progress_factor_sum``
    (an item not done keeps no quality or progress points).
    """
    assigned = done = 0
    q = p = ZERO
    for is_done, failed, delays in items:
        assigned += 1
        if is_done:
            done += 1
            q += item_factor(failed)
            p += item_factor(delays)
    return {"products_assigned": Decimal(assigned), "products_done": Decimal(done),
            "quality_factor_sum": q, "progress_factor_sum": p}


def civil_servant_weighted_sums(items: Iterable[tuple[Decimal, bool, int, int]]
                                ) -> dict[str, Decimal]:
    """Like :func:`civil_servant_item_sums` for converted products: each item is
    (weight, done, failed_reviews, unexcused_delays) and counts ``weight`` products
    (sản phẩm quy đổi), so its quality and progress factors are multiplied by its weight."""
    assigned = done = q = p = ZERO
    for weight, is_done, failed, delays in items:
        w = to_decimal(weight)
        if w is None:
            raise TypeError("thiếu trọng số của sản phẩm")
        assigned += w
        if is_done:
            done += w
            q += w * item_factor(failed)
            p += w * item_factor(delays)
    return {"products_assigned": assigned, "products_done": done,
            "quality_factor_sum": q, "progress_factor_sum": p}
