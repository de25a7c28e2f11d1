"""Task outlook (nguy cơ trễ hạn của nhiệm vụ): a transparent scorecard. Pure functions.

No Django, no clock: ``on`` is always a parameter.

The probability that an open task finishes late is a logistic scorecard, one term per reason:

    logit(p) = logit(p₀) + B_GAP·gap + B_SILENT·silent + B_EXT·ext

- ``p₀`` — the lead unit's track record, shrunk toward a prior when its history is thin:
  ``on_time = (rate·n + PRIOR_ON_TIME·PRIOR_WEIGHT) / (n + PRIOR_WEIGHT)``, ``p₀ = 1 − on_time``
  (PRIOR_ON_TIME = 0.8, PRIOR_WEIGHT = 10 tasks: a unit with 2 tasks on record moves the prior
  by only 2/12 of its own rate's distance).
- ``gap`` — progress behind elapsed time: ``(elapsed_share·100 − progress_pct) / 100``, in
  [−1, 1]; elapsed_share = (on − start) / (deadline − start), clipped to [0, 1].
- ``silent`` — weeks without a progress report beyond a grace of ``SILENT_GRACE_WEEKS`` (counted
  from the start when there has been none), capped at ``SILENT_CAP_WEEKS``.
- ``ext`` — extensions already granted (capped at 3).

Coefficients (:data:`SCORECARD`) are set by hand to be readable (4 log-odds for a task a whole
schedule behind, 0.35 per silent week, 0.6 per extension); ``benchmarks/outlook.py`` fits the
same four features (:meth:`TaskFeatures.vector`) by logistic regression on replayed history and
reports both AUCs, so the hand-set weights are checked against data rather than trusted. A task
already past its deadline and not finished is certain to be late (p = 1). A task without a
deadline (thường xuyên) is ``unknown``.

Classes: p < 0.25 → ``on_course``, p < 0.5 → ``at_risk``, otherwise ``off_course``.
Each result carries its reasons, the strongest risk-raising terms first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tiendo.lib.clock import vn_day
from tiendo.lib.vn_numbers import format_vn_number
from tiendo.outlook.rules import Risk
from tiendo.outlook.wording import NOT_ENOUGH_DATA
from tiendo.tasks.rules import overdue_days

__all__ = [
    "PRIOR_ON_TIME",
    "PRIOR_WEIGHT",
    "SCORECARD",
    "TaskFeatures",
    "TaskRisk",
    "task_features",
    "task_risk",
]

PRIOR_ON_TIME = 0.8
PRIOR_WEIGHT = 10
SILENT_GRACE_WEEKS = 2
SILENT_CAP_WEEKS = 8
MAX_EXTENSIONS_COUNTED = 3
AT_RISK_FROM = 0.25
OFF_COURSE_FROM = 0.5
# intercept adjustment (0: the track record alone is the base), gap, silent weeks, extensions
SCORECARD = (0.0, 4.0, 0.35, 0.6)


@dataclass(frozen=True)
class TaskFeatures:
    base_late: float  # p₀ from the shrunk track record
    shrunk_on_time: float
    elapsed_share: float
    gap: float
    silent_weeks: float  # beyond the grace period, capped
    days_silent: int
    extensions: int
    overdue_days: int

    def vector(self) -> tuple[float, float, float, float]:
        """The model's inputs: logit(p₀), gap, silent weeks, extensions."""
        return (_logit(self.base_late), self.gap, self.silent_weeks, float(self.extensions))


@dataclass(frozen=True)
class TaskRisk:
    risk: Risk
    probability: Decimal | None
    reasons: tuple[str, ...]


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    z = math.exp(x)
    return z / (1 + z)


def _n(x: float) -> str:
    return format_vn_number(Decimal(repr(round(x, 1))))


def task_features(
    *,
    progress_pct: Decimal | None,
    start: date,
    deadline: date,
    on: date,
    last_update_on: date | None,
    unit_on_time_rate: Decimal | None,
    unit_history_n: int,
    extensions: int,
) -> TaskFeatures:
    """The scorecard's inputs for one open task on day ``on`` (see the module docstring)."""
    n = max(unit_history_n, 0) if unit_on_time_rate is not None else 0
    rate = float(unit_on_time_rate) / 100 if unit_on_time_rate is not None else PRIOR_ON_TIME
    shrunk = (rate * n + PRIOR_ON_TIME * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT)
    span = max((deadline - start).days, 1)
    elapsed = min(max((on - start).days / span, 0.0), 1.0)
    progress = float(progress_pct) if progress_pct is not None else 0.0
    gap = max(-1.0, min(1.0, (elapsed * 100 - progress) / 100))
    since = last_update_on if last_update_on is not None else start
    days_silent = max((on - since).days, 0)
    silent = min(max(days_silent / 7 - SILENT_GRACE_WEEKS, 0.0), SILENT_CAP_WEEKS)
    return TaskFeatures(
        base_late=1 - shrunk,
        shrunk_on_time=shrunk,
        elapsed_share=elapsed,
        gap=gap,
        silent_weeks=silent,
        days_silent=days_silent,
        extensions=min(max(extensions, 0), MAX_EXTENSIONS_COUNTED),
        overdue_days=overdue_days(deadline=deadline, on=on),
    )


def _risk_of(p: float) -> Risk:
    if p < AT_RISK_FROM:
        return Risk.ON_COURSE
    if p < OFF_COURSE_FROM:
        return Risk.AT_RISK
    return Risk.OFF_COURSE


def task_risk(
    *,
    progress_pct: Decimal | None,
    start: date | None,
    deadline: date | None,
    on: date,
    last_update_on: date | None,
    updates_count: int,
    unit_on_time_rate: Decimal | None,
    unit_history_n: int,
    extensions: int,
    reported_done_on: date | None = None,
    coefficients: Sequence[float] = SCORECARD,
) -> TaskRisk:
    """Lateness risk of an open task on day ``on``, with its top reasons (Vietnamese).

    ``unit_on_time_rate`` is the lead unit's percentage of tasks finished on time among its
    ``unit_history_n`` finished tasks (``None`` when it has none). ``reported_done_on`` is the
    completion date the lead unit reported while the task waits for acceptance: on or before the
    deadline it is on course (no probability: the chance of a return is not modelled), after it
    the task is late already.
    """
    if reported_done_on is not None and reported_done_on <= on:
        done = vn_day(reported_done_on)
        if deadline is not None and reported_done_on > deadline:
            late = (reported_done_on - deadline).days
            return TaskRisk(
                Risk.OFF_COURSE,
                Decimal(1),
                (f"Báo cáo hoàn thành ngày {done}, trễ {late} ngày so với hạn; chờ nghiệm thu.",),
            )
        return TaskRisk(
            Risk.ON_COURSE, None, (f"Đã báo cáo hoàn thành ngày {done}, chờ nghiệm thu.",)
        )
    if deadline is None:
        return TaskRisk(
            Risk.UNKNOWN,
            None,
            ("Nhiệm vụ thường xuyên, không có hạn hoàn thành: không tính nguy cơ trễ hạn.",),
        )
    start = start if start is not None and start < deadline else min(on, deadline)
    f = task_features(
        progress_pct=progress_pct, start=start, deadline=deadline, on=on,
        last_update_on=last_update_on, unit_on_time_rate=unit_on_time_rate,
        unit_history_n=unit_history_n, extensions=extensions,
    )  # fmt: skip
    progress = float(progress_pct) if progress_pct is not None else 0.0
    if f.overdue_days > 0 and progress < 100:
        return TaskRisk(
            Risk.OFF_COURSE,
            Decimal(1),
            (
                f"Đã quá hạn {f.overdue_days} ngày, tiến độ mới đạt {_n(progress)}%.",
                *(_track_reason(f, unit_on_time_rate, unit_history_n),),
            ),
        )
    if on < start:
        return TaskRisk(
            _risk_of(f.base_late),
            Decimal(repr(round(f.base_late, 4))),
            (
                f"Chưa đến ngày bắt đầu ({start.strftime('%d/%m/%Y')}).",
                _track_reason(f, unit_on_time_rate, unit_history_n),
            ),
        )
    b0, b_gap, b_silent, b_ext = coefficients
    x_track, x_gap, x_silent, x_ext = f.vector()
    terms: list[tuple[float, str]] = []
    terms.append((b_gap * x_gap, _gap_reason(f, progress)))
    if updates_count == 0 and f.days_silent >= 7 * SILENT_GRACE_WEEKS:
        silent_text = f"Chưa có báo cáo tiến độ nào sau {f.days_silent} ngày kể từ khi giao."
    else:
        silent_text = f"{f.days_silent} ngày chưa cập nhật tiến độ."
    if f.days_silent >= 7:
        terms.append((b_silent * x_silent, silent_text))
    if f.extensions:
        terms.append((b_ext * x_ext, f"Đã được gia hạn {f.extensions} lần."))
    track_term = x_track - _logit(1 - PRIOR_ON_TIME)
    terms.append((track_term, _track_reason(f, unit_on_time_rate, unit_history_n)))
    p = _sigmoid(b0 + x_track + b_gap * x_gap + b_silent * x_silent + b_ext * x_ext)
    ordered = sorted(terms, key=lambda t: -t[0])
    raising = [text for w, text in ordered if w > 0.05]
    reasons = raising[:3] if raising else [text for _, text in ordered[:2]]
    return TaskRisk(_risk_of(p), Decimal(repr(round(p, 4))), tuple(reasons))


def _gap_reason(f: TaskFeatures, progress: float) -> str:
    expected = f.elapsed_share * 100
    if f.gap > 0:
        return (
            f"Tiến độ {_n(progress)}%, chậm {_n(f.gap * 100)} điểm % so với thời gian đã qua "
            f"({_n(expected)}% thời hạn)."
        )
    return (
        f"Tiến độ {_n(progress)}%, không chậm so với thời gian đã qua ({_n(expected)}% thời hạn)."
    )


def _track_reason(f: TaskFeatures, rate: Decimal | None, n: int) -> str:
    if rate is None or n <= 0:
        return (
            f"Đơn vị chủ trì chưa có nhiệm vụ đã hoàn thành để đánh giá ({NOT_ENOUGH_DATA}); "
            f"dùng mức mặc định {_n(PRIOR_ON_TIME * 100)}% đúng hạn."
        )
    return (
        f"Đơn vị chủ trì hoàn thành đúng hạn {_n(float(rate))}% ({n} nhiệm vụ); "
        f"sau hiệu chỉnh theo số lượng: {_n(f.shrunk_on_time * 100)}%."
    )
