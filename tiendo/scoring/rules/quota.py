"""The quota per peer group: how many xuất sắc a group may keep, in which order, and what happens
to a tie at the boundary."""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_FLOOR, Decimal
from typing import cast

from ..formula import to_decimal
from .framework import Framework, QuotaRule, _Compiled
from .levels import LEVEL_LABELS, NO_QUOTA, OF_TOT, TOT, XUAT_SAC
from .results import Reason, SubjectResult, _order_key
from .wording import _fmt_points, fmt


def quota_limit(reading: str, percent: Decimal, candidates: int, tot: int,
                min_allowed: int = 0) -> int:
    """Largest number of xuat_sac allowed in a peer group.

    ``candidates`` = subjects that individually qualify for xuat_sac, ``tot`` = subjects whose
    individual level is tot. Demoted candidates become tot, so the rule is checked on the final
    counts. With N = candidates + tot and p = percent:

    - ``of_tot``: x ≤ p% × (N − x)  ⇔  x ≤ p·N / (100 + p)  → x = ⌊p·N / (100 + p)⌋
      (p = 20: ⌊N / 6⌋: fewer than 6 units at tot or better → no xuat_sac);
    - ``of_tot_or_better``: x ≤ p% × N  → x = ⌊p·N / 100⌋ (p = 20: ⌊N / 5⌋).

    The result is then raised to ``min(min_allowed, candidates)`` and capped at ``candidates``.
    """
    if reading == NO_QUOTA:
        return candidates
    n = candidates + tot
    p = to_decimal(percent)
    if p is None:
        raise TypeError("thiếu tỉ lệ hạn mức")
    denom = Decimal(100) + p if reading == OF_TOT else Decimal(100)
    limit = int((p * n / denom).to_integral_value(rounding=ROUND_FLOOR))
    limit = max(limit, min(min_allowed, candidates))
    return min(limit, candidates)


def quota_min_group(reading: str, percent: Decimal) -> int | None:
    """Smallest number of subjects at tốt or better for which the quota allows one xuất sắc."""
    if reading == NO_QUOTA:
        return 1
    for n in range(1, 10_001):
        if quota_limit(reading, percent, n, 0) >= 1:
            return n
    return None


def _quota_reading_vi(q: QuotaRule, noun: str = "đơn vị") -> str:
    if q.reading == OF_TOT:
        return f"{fmt(q.percent)}% số {noun} xếp loại Hoàn thành tốt nhiệm vụ"
    return f"{fmt(q.percent)}% số {noun} xếp loại Hoàn thành tốt nhiệm vụ trở lên"


def _tie_order_vi(fw: Framework) -> str:
    parts = ["điểm cao hơn"]
    parts += [f"{t.label_vi} cao hơn" for t in fw.quota.tie_break]
    return ", rồi ".join(parts)


def _decision_key(r: SubjectResult) -> tuple:
    """The order the framework names (score, then its tie-break keys); no subject id."""
    return _order_key(r)[:2]


def _tie_values(fw: Framework, m: dict) -> tuple:
    comp: _Compiled = fw._compiled  # type: ignore[attr-defined]
    return tuple(f._fn(m, []) for _, f in comp.tie_keys)


TIE_DECIDED_BY_COMMITTEE = "đồng điểm — cấp ủy quyết định"


def _apply_quota(fw: Framework, results: list[SubjectResult]) -> None:
    q = fw.quota
    groups: dict[object, list[SubjectResult]] = defaultdict(list)
    for r in results:
        groups[r.peer_group or ""].append(r)
    for gname, members in groups.items():
        cands = sorted((r for r in members if r.level == XUAT_SAC), key=_order_key)
        n_tot = sum(1 for r in members if r.level == TOT)
        limit = quota_limit(q.reading, q.percent, len(cands), n_tot, q.min_allowed)
        if q.reading == NO_QUOTA or not cands:
            continue
        group_vi = f"nhóm “{gname}”" if gname else "nhóm chung"
        noun = fw.subject_noun_vi
        head = (f"Hạn mức {group_vi}: Xuất sắc không quá {_quota_reading_vi(q, noun)}; "
                f"{len(cands)} {noun} đủ điều kiện Xuất sắc, {n_tot} {noun} Tốt → "
                f"tối đa {limit} {noun} Xuất sắc")
        if limit == 0:
            need = quota_min_group(q.reading, q.percent)
            small = (f"; nhóm chỉ có {len(cands) + n_tot} {noun} Tốt trở lên, quá nhỏ để có dù "
                     f"một {noun} Xuất sắc theo tỉ lệ {fmt(q.percent)}% (cần ít nhất {need})"
                     if need else "")
            for r in cands:
                r.reasons.append(Reason(
                    "quota", f"{head}{small} nên hạ xuống {LEVEL_LABELS[TOT]}."))
                r.level = TOT
            continue
        # a tie across the boundary, after every key the framework names, is not decided here
        tied: list[SubjectResult] = []
        if limit < len(cands) and _decision_key(cands[limit - 1]) == \
                _decision_key(cands[limit]):
            k = _decision_key(cands[limit])
            tied = [r for r in cands if _decision_key(r) == k]
        first_tied = cands.index(tied[0]) if tied else None
        for i, r in enumerate(cands, start=1):
            if first_tied is not None and r in tied:
                slots = limit - first_tied
                names = ", ".join(t.label for t in tied)
                score = cast(Decimal, r.score)  # _judge gives a level only to a score
                r.reasons.append(Reason(
                    "quota_tie",
                    f"{head}; {TIE_DECIDED_BY_COMMITTEE[:1].upper()}{TIE_DECIDED_BY_COMMITTEE[1:]}"
                    f": {names} cùng {_fmt_points(score)} điểm và bằng nhau theo mọi tiêu chí "
                    f"phân định của bộ tiêu chí ({_tie_order_vi(fw)}); còn {slots} suất Xuất "
                    f"sắc cho {len(tied)} {noun}. Phần mềm không chọn thay: tạm đề xuất "
                    f"{LEVEL_LABELS[TOT]}, cấp ủy quyết định."))
                r.level = TOT
                r.tie_unresolved = True
                continue
            if i <= limit:
                r.reasons.append(Reason(
                    "quota_kept", f"{head}; {noun} xếp thứ {i} nên giữ mức Xuất sắc.",
                    changed=False))
                continue
            r.reasons.append(Reason(
                "quota", f"{head}; {noun} xếp thứ {i} (thứ tự: {_tie_order_vi(fw)}) nên hạ "
                f"xuống {LEVEL_LABELS[TOT]}."))
            r.level = TOT
