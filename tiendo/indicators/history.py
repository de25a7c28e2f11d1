"""History through mergers: the figures of predecessor units (the three provinces merged on
1/7/2025, merged districts and communes) combined into their successor's history, by the rule
each indicator declares (`Indicator.history_rule`):

- ``sum``: the successor's value is the sum of its predecessors' (budget revenue, disbursement in
  tỷ đồng, arrivals); a share of the annual plan reported beside it ("đạt 3,89% kế hoạch")
  combines as the sum of values over the sum of the plans those shares imply;
- ``weighted``: a weighted average (rates, percentages); the weights are each predecessor's
  figure of the indicator named in `history_weight` for the same period, or equal weights;
- ``none``: not combinable; the successor has no history before it existed.

A period is combined only when every predecessor has a figure for it: a partial sum would read
as a fall. The successor's own figure of a period always wins over a combined one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiendo.indicators.models import Figure, FigureState, HistoryRule

RULE_WORDS = {HistoryRule.SUM: gettext_lazy("cộng số liệu"),
              HistoryRule.WEIGHTED: gettext_lazy("bình quân gia quyền")}


@dataclass
class CombinedFigure:
    """Stands in for a Figure in series built from history: `value` and `reported`."""

    value: Decimal
    reported: dict = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    is_combined: bool = True


def combine_values(rule: str, points: Sequence[tuple[Decimal, Decimal | None, Decimal | None]]
                   ) -> tuple[Decimal | None, Decimal | None]:
    """(value, share of plan) of the successor from its predecessors' (value, share, weight).
    Pure: no database. None where the rule or the data do not allow it."""
    if not points or rule == HistoryRule.NONE:
        return None, None
    values = [v for v, _s, _w in points]
    shares = [s for _v, s, _w in points]
    if rule == HistoryRule.SUM:
        total = sum(values, Decimal(0))
        share = None
        if all(s is not None and s > 0 for s in shares):
            plans = sum((v * 100 / s for v, s in zip(values, shares, strict=True)), Decimal(0))
            share = (total * 100 / plans).quantize(Decimal("0.0001")) if plans else None
        return total, share
    weights = [w if w is not None else Decimal(1) for _v, _s, w in points]
    if sum(weights) <= 0:
        return None, None
    mean = sum((v * w for v, w in zip(values, weights, strict=True)), Decimal(0)) / sum(weights)
    share = None
    if all(s is not None for s in shares):
        share = sum((s * w for s, w in zip(shares, weights, strict=True)),
                    Decimal(0)) / sum(weights)
    q = Decimal("0.0001")
    return mean.quantize(q), share.quantize(q) if share is not None else None


def _first_share(figure) -> tuple[Decimal, str] | None:
    for a in (figure.reported or {}).get("attainments") or []:
        if a.get("value") is not None:
            return Decimal(str(a["value"])), a.get("basis", "")
    return None


def predecessors_of(units: Iterable) -> dict[int, list]:
    """Each unit's predecessors, all generations up. Queries: the merge links (one), the
    predecessor units (one) — whatever the number of units."""
    from tiendo.orgs.models import Unit

    links = Unit.successors.through.objects.values_list("from_unit_id", "to_unit_id")
    before: dict[int, set[int]] = defaultdict(set)
    for old, new in links:
        before[new].add(old)
    if not before:
        return {}
    lineage: dict[int, set[int]] = {}
    for unit in units:
        seen, todo = set(), [unit.pk]
        while todo:
            for p in before.get(todo.pop(), ()):
                if p not in seen and p != unit.pk:
                    seen.add(p)
                    todo.append(p)
        if seen:
            lineage[unit.pk] = seen
    if not lineage:
        return {}
    found = {u.pk: u for u in Unit.objects.filter(
        pk__in={p for ps in lineage.values() for p in ps}).order_by("code")}
    return {uid: sorted((found[p] for p in ps), key=lambda u: u.code)
            for uid, ps in lineage.items()}


def combined_history(*, indicators: Sequence, units: Sequence, period_from: str, period_to: str
                     ) -> dict[tuple[int, int], dict[str, CombinedFigure]]:
    """For each (indicator id, successor unit id) with a combinable rule and predecessors: the
    combined figure of each period in [period_from, period_to) that all predecessors reported.
    Queries: predecessors (one per generation per unit), their figures (one), weights (one)."""
    inds = {i.pk: i for i in indicators if i.history_rule != HistoryRule.NONE}
    if not inds:
        return {}
    preds = predecessors_of(units)
    if not preds:
        return {}
    pred_ids = {p.pk for ps in preds.values() for p in ps}
    wanted = set(inds) | {i.history_weight_id for i in inds.values() if i.history_weight_id}
    rows = (Figure.objects.filter(unit_id__in=pred_ids, indicator_id__in=wanted,
                                  period__gte=period_from, period__lt=period_to,
                                  superseded_by__isnull=True)
            .exclude(state=FigureState.DRAFT).select_related("unit"))
    by_key: dict[tuple[int, int, str], Figure] = {(f.indicator_id, f.unit_id, f.period): f
                                                  for f in rows}
    periods_of: dict[tuple[int, int], set[str]] = defaultdict(set)
    for (i, u, p) in by_key:
        periods_of[(i, u)].add(p)
    out: dict[tuple[int, int], dict[str, CombinedFigure]] = {}
    for unit_id, ps in preds.items():
        for ind in inds.values():
            common = set.intersection(*(periods_of.get((ind.pk, p.pk), set()) for p in ps))
            series = {}
            for period in sorted(common):
                points, basis = [], ""
                for p in ps:
                    f = by_key[(ind.pk, p.pk, period)]
                    share = _first_share(f)
                    if share:
                        basis = share[1]
                    w = None
                    if ind.history_weight_id:
                        wf = by_key.get((ind.history_weight_id, p.pk, period))
                        w = wf.value if wf else None
                    points.append((f.value, share[0] if share else None, w))
                if ind.history_weight_id and any(w is None for _v, _s, w in points):
                    continue  # a weight is missing: the average cannot be weighted honestly
                value, share = combine_values(ind.history_rule, points)
                if value is None:
                    continue
                reported = {"attainments": [{"value": float(share), "basis": basis}]
                            } if share is not None else {}
                series[period] = CombinedFigure(value, reported, tuple(p.name for p in ps))
            if series:
                out[(ind.pk, unit_id)] = series
    return out


def history_note(indicator, sources: Sequence[str], years: Sequence[int]) -> str:
    """The sentence pages and the early warning show: the history is combined, from whom, how."""
    if not sources or not years:
        return ""
    span = f"{min(years)}–{max(years)}" if min(years) != max(years) else str(years[0])
    return _("Số liệu các năm %(span)s là lịch sử ghép từ %(count)s đơn vị trước sáp nhập "
             "(%(sources)s), theo quy tắc %(rule)s.") % {
        "span": span, "count": len(sources), "sources": ", ".join(sources),
        "rule": RULE_WORDS[indicator.history_rule]}
