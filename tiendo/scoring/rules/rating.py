"""Rate the subjects of one period."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from contextlib import contextmanager

from .framework import Framework
from .judging import _judge
from .points import _normalise, _score
from .quota import _apply_quota, _tie_values
from .results import SubjectMetrics, SubjectResult, _check_unique, _order_key


@contextmanager
def _no_gc():
    """Pause the cyclic garbage collector while building results.

    A rating allocates hundreds of thousands of small acyclic objects; the collector's repeated
    passes over them cost about a third of the time (measured in benchmarks/scoring.py).
    Reference counting still frees everything; the collector is restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def rate(framework: Framework, subjects: Sequence[SubjectMetrics]) -> list[SubjectResult]:
    """Score and rate every subject; the result is in ranking order, independent of input order.

    Ranking order: score desc (unscored last), tie-break keys desc, subject id asc.
    """
    _check_unique(s.subject_id for s in subjects)
    with _no_gc():
        return _rate(framework, subjects)


def _rate(framework: Framework, subjects: Sequence[SubjectMetrics]) -> list[SubjectResult]:
    results = []
    caches: list[dict | None] = [{} for _ in framework.criteria]
    for s in subjects:
        m = _normalise(s.metrics)
        breakdown, score, missing = _score(framework, m, caches)
        band, level, reasons = _judge(framework, score, m, missing)
        results.append(SubjectResult(
            s.subject_id, s.label, s.peer_group, score, level, breakdown, reasons, missing,
            m, band, level, _tie_values(framework, m)))
    _apply_quota(framework, results)
    results.sort(key=_order_key)
    return results
