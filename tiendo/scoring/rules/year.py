"""The year's rating, folded from the quarters' (the fourth quarter is never rated alone)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from .framework import Criterion, Framework, _Compiled
from .judging import _judge
from .levels import TWO_PLACES, ZERO
from .points import _normalise, _score
from .quota import _apply_quota, _tie_values
from .results import (
    CriterionScore,
    Reason,
    SubjectMetrics,
    SubjectResult,
    _check_unique,
    _id_key,
    _order_key,
)
from .wording import _fmt_points, fmt

MSG_Q4_NOT_RATED = (
    "Quý IV không xếp loại riêng: kết quả nhiệm vụ quý IV được gộp vào xếp loại cả năm."
)


def check_period_ratable(period_code: str) -> None:
    """Raise ValueError for a fourth quarter ("2026-Q4"): Q4 is folded into the year."""
    if period_code.strip().upper().endswith("Q4"):
        raise ValueError(MSG_Q4_NOT_RATED)


def fold_year(
    framework: Framework,
    quarter_results: Mapping[str, Sequence[SubjectResult]],
    q4_task_metrics: Sequence[SubjectMetrics],
) -> list[SubjectResult]:
    """The year's rating from the Q1–Q3 results and Q4's metrics (Q4 is never rated alone).

    For each subject: Q4 is scored (not rated) with ``framework``; each criterion's year points
    are the mean of its points over the quarters the subject has (Q1..Q4), rounded to 2 decimals,
    and the year score is their sum. Vetoes and further conditions are checked on the year's
    metrics: the framework's ``additive`` metrics summed over the quarters, every other metric
    taken from the latest quarter (Q4 when present). Then the quota per peer group, as for a
    quarter. A quarter whose score is missing leaves the year unscored.
    """
    per_subject = _quarters_by_subject(framework, quarter_results, q4_task_metrics)
    results = [_fold_subject(framework, quarters) for quarters in per_subject.values()]
    _apply_quota(framework, results)
    results.sort(key=_order_key)
    return results


def _quarters_by_subject(
    framework: Framework,
    quarter_results: Mapping[str, Sequence[SubjectResult]],
    q4_task_metrics: Sequence[SubjectMetrics],
) -> dict[tuple, dict[str, SubjectResult]]:
    """Each subject's result of every quarter it has, by "Q1".."Q4"; Q4 is scored, not rated."""
    for q in quarter_results:
        if q.upper() not in ("Q1", "Q2", "Q3"):
            raise ValueError(f"Chỉ gộp kết quả quý I–III vào năm, không nhận {q!r}")
    _check_unique(s.subject_id for s in q4_task_metrics)
    per_subject: dict[tuple, dict[str, SubjectResult]] = defaultdict(dict)
    for qname in sorted(quarter_results, key=str.upper):
        for r in quarter_results[qname]:
            per_subject[_id_key(r.subject_id)][qname.upper()] = r
    for s in q4_task_metrics:
        m = _normalise(s.metrics)
        breakdown, score, missing = _score(framework, m)
        per_subject[_id_key(s.subject_id)]["Q4"] = SubjectResult(
            s.subject_id, s.label, s.peer_group, score, None, breakdown, [], missing, m)
    return per_subject


def _fold_subject(framework: Framework, quarters: dict[str, SubjectResult]) -> SubjectResult:
    """One subject's year, before the quota."""
    comp: _Compiled = framework._compiled  # type: ignore[attr-defined]
    names = sorted(quarters)
    latest = quarters[names[-1]]
    year_m = _year_metrics(framework, quarters, latest)
    complete = all(q.score is not None for q in quarters.values())
    missing: list[str] = []
    for qn in names:
        missing.extend(n for n in quarters[qn].missing if n not in missing)
    breakdown = [_year_criterion(c, mp, quarters, names, complete)
                 for c, _f, mp, _t in comp.criteria]
    score = sum((cs.points for cs in breakdown if cs.points is not None), ZERO) \
        if complete else None
    band, level, reasons = _judge(framework, score, year_m, missing)
    reasons.insert(0, Reason(
        "year_fold",
        f"Điểm năm là trung bình điểm các quý {', '.join(names)} (quý IV không xếp loại "
        f"riêng); điều kiện và điều kiện loại trừ xét trên số liệu cả năm.", changed=False))
    return SubjectResult(
        latest.subject_id, latest.label, latest.peer_group, score, level, breakdown,
        reasons, missing, year_m, band, level, _tie_values(framework, year_m))


def _year_metrics(framework: Framework, quarters: dict[str, SubjectResult],
                  latest: SubjectResult) -> dict:
    """The latest quarter's metrics, with each additive metric summed over the quarters that
    have it (missing in one of them: missing)."""
    year_m: dict = dict(latest.metrics)
    for k in framework.additive:
        vals = [q.metrics.get(k) for q in quarters.values() if k in q.metrics]
        if vals:
            present = [v for v in vals if v is not None]
            year_m[k] = sum(present, ZERO) if len(present) == len(vals) else None
    return year_m


def _year_criterion(c: Criterion, mp: Decimal, quarters: dict[str, SubjectResult],
                    names: list[str], complete: bool) -> CriterionScore:
    """A criterion's year points: the mean of its quarters' points, rounded to 2 decimals (None
    unless every quarter has them and every quarter is scored)."""
    pts = []
    maxes = []
    for qn in names:
        cs = next((x for x in quarters[qn].breakdown if x.code == c.code), None)
        pts.append((qn, cs.points if cs is not None else None))
        maxes.append(cs.max_points if cs is not None else mp)
    # a criterion re-weighted in a quarter (another one did not apply) keeps that
    # quarter's maximum: the year's maximum is the mean of the quarters' maxima
    ymax = (sum(maxes, ZERO) / len(maxes)).quantize(TWO_PLACES, ROUND_HALF_UP)
    known = [p for _, p in pts if p is not None]
    mean: Decimal | None
    if complete and len(known) == len(pts):
        mean = (sum(known, ZERO) / len(pts)).quantize(TWO_PLACES, ROUND_HALF_UP)
    else:
        mean = None
    shown = "; ".join(f"{qn} {_fmt_points(p) if p is not None else '—'}" for qn, p in pts)
    expl = (f"Trung bình các quý ({shown}): {_fmt_points(mean)}/{fmt(ymax)} điểm."
            if mean is not None else f"Chưa tính được điểm năm ({shown}).")
    return CriterionScore(c.code, c.name_vi, c.group, dict(pts), c.formula, mean, ymax, expl, mean)
