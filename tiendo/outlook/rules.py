"""Target outlook (triển vọng chỉ tiêu năm): will an annual target be met? Pure functions.

No Django, no clock: the elapsed periods are given by the caller as the length of ``observed``.
Numbers come in as ``Decimal`` and go out as ``Decimal`` rounded to 4 places; the statistics
in between use ``float`` (``statistics`` module only).

Three ways an indicator adds up over the year (:class:`Accumulation`):

- ``cumulative`` — a flow summed over the year (budget revenue, disbursement, exports). The
  observed values are year-to-date totals (lũy kế) at the end of periods 1..k. A share of the
  annual plan ("đạt 3,89% kế hoạch năm") is the same thing expressed in percent of the plan:
  pass ``ytd_share_pct`` and the plan is used to turn it into an amount.
- ``point_in_time`` — a rate or a stock read at a date (coverage %, forest cover, a level). The
  year's value is the value at year end.
- ``ytd_average`` — a year-to-date average such as growth "so với cùng kỳ" of a cumulative
  period: the year's value is (approximately) the mean of the N period values, and the observed
  values are year-to-date means.

Methods, chosen in this order (N periods in the year, k = last observed period, c = its value):

(b) **seasonal profile of past years** (``cumulative``: at least ``MIN_HISTORY_YEARS`` past years
    with both the period-k and the year-end total). Share normally reached by period k:
    ``s_y = ytd_k(y) / ytd_N(y)``, ``s̄ = mean(s_y)``, ``sd = stdev(s_y)``.
    Projection ``c / s̄``; 90% prediction interval of the share ``s̄ ± t₀.₉₅(m−1)·sd·√(1+1/m)``
    (m years), giving the interval ``[c / s_hi, c / s_lo]``. When ``s̄`` is below
    ``MIN_SEASONAL_SHARE`` (2%) nothing is usually done by period k and dividing by it would say
    nothing: the outlook is ``unknown``.
    For ``point_in_time``/``ytd_average`` the analogue is the change usually seen from period k
    to year end: ``d_y = v_N(y) − v_k(y)``, projection ``c + mean(d)``, interval
    ``± t₀.₉₅(m−1)·sd(d)·√(1+1/m)``.
(a) **run-rate** (no usable history).
    ``cumulative``: projection ``c / (k/N) = c·N/k`` (uniform share per period). With at least
    two observed period increments ``x_j`` (mean ``m``, sd ``s``):
    ``year-end = c + (N−k)·m`` and the 90% interval is ``± t₀.₉₅(r−1)·s·√((N−k) + (N−k)²/r)``
    (r increments: noise of the remaining periods plus the error of the estimated mean).
    ``point_in_time``: with at least 3 points the least-squares line through (period, value)
    extrapolated to N, interval ``± t₀.₉₅(n−2)·s_e·√(1 + 1/n + (N−k̄)²/Sxx)``; otherwise the last
    value carried to year end.
    ``ytd_average``: the remaining periods are expected at the mean so far, so the projection is
    ``c``; with at least two implied period values ``p_j = j·y_j − (j−1)·y_{j−1}`` the interval is
    ``± t·s·√((N−k) + (N−k)²/r) / N``.
(c) **thin data** — run-rate without two increments (cumulative, ytd_average) or three points
    (point_in_time): the interval comes from a documented default prior instead of the data:
    ``cumulative``: the share reached by period k is ``k/N`` give or take
    ``DEFAULT_SHARE_REL_SPREAD`` (±50%: between 0.5·k/N and 1.5·k/N, capped at 1);
    levels: ``± DEFAULT_LEVEL_REL_SPREAD · max(|c|, |target|) · (N−k)/N`` (±15% of the value over a
    full year, shrinking as the year runs out). With thin data tiendo commits to a class only when
    the whole prior-widened interval lies on one side of the target; otherwise the class is
    ``unknown`` with the reason "chưa đủ dữ liệu". No observation at all is always ``unknown``.

Risk class from the projection ``p`` and the 90% interval ``[low, high]`` against the target band
``[lo, hi]`` (see :func:`target_band`): ``on_course`` when ``p`` is inside the band,
``at_risk`` when ``p`` misses but the interval still reaches the band, ``off_course`` when even
the favourable end of the interval misses. ``probability`` is the chance of landing in the band
under a normal approximation with ``sd = (high − low) / (2·1.645)``.

Needed rate per remaining period (r = N − k remaining periods, B = the binding bound):
``cumulative``: ``(B − c) / r`` — amount per period; ``point_in_time``: ``(B − c) / r`` — change
per period; ``ytd_average``: ``(B·N − c·k) / r`` — the average period value required. B is the
lower bound when the band has only one (at least), the upper bound when it has only one (at
most), and the nearer bound to the projection for a range. It is ``None`` when the year is over.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from tiendo.indicators.rules import Bound, Direction, TargetSpec
from tiendo.outlook import wording
from tiendo.outlook.stats import (
    Z90,
    changes_to_year_end,
    implied_period_values,
    increments,
    normal_cdf,
    seasonal_profile,
    t90,
)
from tiendo.outlook.wording import RISK_LABELS

__all__ = [
    "DEFAULT_ABOUT_TOLERANCE",
    "DEFAULT_LEVEL_REL_SPREAD",
    "DEFAULT_SHARE_REL_SPREAD",
    "MIN_HISTORY_YEARS",
    "Accumulation",
    "Risk",
    "TargetBand",
    "TargetOutlook",
    "classify",
    "target_band",
    "target_outlook",
]

MIN_HISTORY_YEARS = 2
MIN_SEASONAL_SHARE = 0.02  # below this usual share, dividing by it says nothing
DEFAULT_SHARE_REL_SPREAD = 0.5
DEFAULT_LEVEL_REL_SPREAD = 0.15
DEFAULT_ABOUT_TOLERANCE = Decimal("0.02")


class Risk(StrEnum):
    ON_COURSE = "on_course"
    AT_RISK = "at_risk"
    OFF_COURSE = "off_course"
    UNKNOWN = "unknown"


class Accumulation(StrEnum):
    CUMULATIVE = "cumulative"
    POINT_IN_TIME = "point_in_time"
    YTD_AVERAGE = "ytd_average"


@dataclass(frozen=True)
class TargetBand:
    """Values that meet the target: ``lo <= x <= hi`` (``None`` = unbounded on that side).

    ``reference`` is the value written in the target (the plan), used for shares and wording.
    """

    lo: Decimal | None
    hi: Decimal | None
    reference: Decimal

    def contains(self, x: float) -> bool:
        return (self.lo is None or x >= float(self.lo)) and (self.hi is None or x <= float(self.hi))

    def reachable(self, low: float, high: float) -> bool:
        """Whether the interval ``[low, high]`` touches the band."""
        return (self.lo is None or high >= float(self.lo)) and (
            self.hi is None or low <= float(self.hi)
        )

    @property
    def text(self) -> str:
        return wording.band_text(self.lo, self.hi)


def target_band(
    spec: TargetSpec,
    direction: Direction | str = Direction.HIGHER,
    *,
    tolerance: Decimal = DEFAULT_ABOUT_TOLERANCE,
) -> TargetBand:
    """The band of values that meet a target, matching ``indicators.rules.assess``.

    EQ is a floor when higher is better, a ceiling when lower is better and ``value ± tol·|value|``
    when the direction is RANGE (towards a level); GT/GE are floors, LT/LE ceilings; RANGE is
    ``[value, value_high]``; ABOUT is ``value ± tol·|value|`` with the better side open (as in
    ``assess``: beyond the band on the better side also counts as met). Strict bounds are treated
    as non-strict: a projection is never exact enough for the difference to matter.
    """
    direction = Direction(direction)
    value = spec.value
    tol = abs(value) * tolerance
    if spec.bound == Bound.RANGE:
        return TargetBand(value, spec.value_high, value)
    if spec.bound in (Bound.GT, Bound.GE):
        return TargetBand(value, None, value)
    if spec.bound in (Bound.LT, Bound.LE):
        return TargetBand(None, value, value)
    if spec.bound == Bound.ABOUT:
        lo = None if direction == Direction.LOWER else value - tol
        hi = None if direction == Direction.HIGHER else value + tol
        return TargetBand(lo, hi, value)
    if direction == Direction.LOWER:
        return TargetBand(None, value, value)
    if direction == Direction.RANGE:
        return TargetBand(value - tol, value + tol, value)
    return TargetBand(value, None, value)


@dataclass(frozen=True)
class TargetOutlook:
    projected: Decimal | None
    low: Decimal | None
    high: Decimal | None
    risk: Risk
    probability: Decimal | None
    needed_per_period: Decimal | None
    needed_bound: str | None  # "min" (at least this much) / "max" (no more than this)
    method: str  # seasonal / run_rate / trend / last_value / prior / final / none
    method_vi: str
    reasons: tuple[str, ...]
    thin: bool

    @property
    def risk_label_vi(self) -> str:
        return RISK_LABELS[self.risk]


def _d(x: float | None) -> Decimal | None:
    if x is None or not math.isfinite(x):
        return None
    return Decimal(repr(round(x, 4)))


def classify(band: TargetBand, projected: float, low: float, high: float, *, thin: bool) -> Risk:
    """Risk class of a projection and its interval against the target band (see module doc)."""
    inside_all = band.contains(low) and band.contains(high)
    if band.contains(projected):
        risk = Risk.ON_COURSE
    elif band.reachable(low, high):
        risk = Risk.AT_RISK
    else:
        risk = Risk.OFF_COURSE
    if thin and risk is not Risk.OFF_COURSE and not inside_all:
        return Risk.UNKNOWN
    return risk


def _probability(band: TargetBand, projected: float, low: float, high: float) -> float:
    sd = (high - low) / (2 * Z90)
    if sd <= 0:
        return 1.0 if band.contains(projected) else 0.0
    up = 1.0 if band.hi is None else normal_cdf((float(band.hi) - projected) / sd)
    down = 0.0 if band.lo is None else normal_cdf((float(band.lo) - projected) / sd)
    return max(0.0, min(1.0, up - down))


def _unknown(reason: str, method_text: str) -> TargetOutlook:
    return TargetOutlook(
        projected=None, low=None, high=None, risk=Risk.UNKNOWN, probability=None,
        needed_per_period=None, needed_bound=None, method="none", method_vi=method_text,
        reasons=(reason,), thin=True,
    )  # fmt: skip


@dataclass(frozen=True)
class _Year:
    """What is known of this year: period ``k`` is the last observed one, ``c`` its value,
    ``rem`` the periods left; ``at``, ``word`` and ``u`` are how the wording names them."""

    band: TargetBand
    acc: Accumulation
    n_per: int
    values: list[Decimal | None]
    known: list[tuple[int, Decimal]]
    history: Mapping[int, Sequence[Decimal | None]]
    unit: str
    k: int
    c: float
    rem: int
    at: str
    word: str
    u: str


@dataclass(frozen=True)
class _Projection:
    """A year-end value with its 90% interval, before it is classified."""

    projected: float
    low: float
    high: float
    method: str
    method_text: str
    reasons: tuple[str, ...] = ()
    thin: bool = False


def target_outlook(
    *,
    band: TargetBand,
    accumulation: Accumulation | str,
    periods_per_year: int,
    observed: Sequence[Decimal | None],
    history: Mapping[int, Sequence[Decimal | None]] | None = None,
    ytd_share_pct: Decimal | None = None,
    unit: str = "",
) -> TargetOutlook:
    """Project the year-end value of an indicator and say whether its annual target will be met.

    ``observed`` holds one value per elapsed period of this year (``None`` where missing), see
    the module docstring for what the values mean per :class:`Accumulation`. ``history`` maps
    past years to their N values per period, read the same way. ``ytd_share_pct`` is the share of
    the annual plan reached so far (cumulative only), used when the amount itself is missing.
    """
    acc = Accumulation(accumulation)
    n_per = periods_per_year
    if n_per < 1:
        raise ValueError("periods_per_year must be >= 1")
    if len(observed) > n_per:
        raise ValueError("more observed periods than periods in the year")
    values = list(observed)
    share_only = values and values[-1] is None
    if acc is Accumulation.CUMULATIVE and share_only and ytd_share_pct is not None:
        values[-1] = ytd_share_pct * band.reference / 100
    known = [(j, v) for j, v in enumerate(values, start=1) if v is not None]
    if not known:
        return _unknown(wording.NO_DATA_REASON, wording.NO_DATA_METHOD)
    k, c = known[-1]
    year = _Year(
        band=band, acc=acc, n_per=n_per, values=values, known=known, history=history or {},
        unit=unit, k=k, c=float(c), rem=n_per - k, at=wording.period_name(k, n_per),
        word=wording.period_word(n_per), u=wording.unit_suffix(unit),
    )  # fmt: skip
    projection = _project(year)
    if projection is None:
        return _unknown(
            wording.share_too_small_reason(year.at, MIN_SEASONAL_SHARE),
            wording.SHARE_TOO_SMALL_METHOD,
        )
    return _assess(year, projection)


def _project(y: _Year) -> _Projection | None:
    """The year-end projection by the first method that fits (module docstring: b, a, c), with
    the value so far as its first reason; ``None`` when past years show that almost nothing is
    usually done by period k."""
    if y.rem == 0:
        return _project_final(y)
    if y.acc is Accumulation.CUMULATIVE:
        shares = seasonal_profile(y.history, y.k)
        incs = increments(y.values)
        if len(shares) >= MIN_HISTORY_YEARS and statistics.fmean(shares) < MIN_SEASONAL_SHARE:
            return None
        if len(shares) >= MIN_HISTORY_YEARS:
            p = _project_seasonal_share(y, shares)
        elif len(incs) >= 2:
            p = _project_run_rate(y, incs)
        else:
            p = _project_share_prior(y)
        is_share = y.unit.startswith("%") and y.band.reference == 100
        first = wording.cumulative_so_far(y.at, y.c, y.u, y.band.reference, is_share=is_share)
    else:
        changes = changes_to_year_end(y.history, y.k)
        period_values = implied_period_values(y.values)
        if len(changes) >= MIN_HISTORY_YEARS:
            p = _project_seasonal_change(y, changes)
        elif y.acc is Accumulation.POINT_IN_TIME and len(y.known) >= 3:
            p = _project_trend(y)
        elif y.acc is Accumulation.YTD_AVERAGE and len(period_values) >= 2:
            p = _project_average_run_rate(y, period_values)
        else:
            p = _project_level_prior(y)
        first = wording.level_so_far(y.at, y.c, y.u, y.band.text)
    return replace(p, reasons=(first, *p.reasons))


def _project_final(y: _Year) -> _Projection:
    """The year is over: its value is the answer."""
    return _Projection(
        y.c, y.c, y.c, "final", wording.FINAL_METHOD, (wording.final_reason(y.c, y.u),)
    )


def _project_seasonal_share(y: _Year, shares: list[float]) -> _Projection:
    """A flow divided by the share of the year usually reached by period k (method b)."""
    m = len(shares)
    s_bar, sd = statistics.fmean(shares), statistics.stdev(shares)
    half = t90(m - 1) * sd * math.sqrt(1 + 1 / m)
    s_lo, s_hi = max(s_bar - half, s_bar / 10), min(s_bar + half, 1.0)
    s_bar = min(s_bar, 1.0)
    reason = wording.seasonal_share_reason(y.at, s_bar, shares)
    return _Projection(
        y.c / s_bar, y.c / s_hi, y.c / s_lo, "seasonal", wording.seasonal_share_method(m, y.at),
        (reason,),
    )  # fmt: skip


def _project_run_rate(y: _Year, incs: list[float]) -> _Projection:
    """A flow continued at the mean of its period increments (method a)."""
    r = len(incs)
    mean, sd = statistics.fmean(incs), statistics.stdev(incs)
    projected = y.c + y.rem * mean
    half = t90(r - 1) * sd * math.sqrt(y.rem + y.rem * y.rem / r)
    return _Projection(
        projected, projected - half, projected + half, "run_rate",
        wording.run_rate_method(y.k, y.n_per, y.word),
    )  # fmt: skip


def _project_share_prior(y: _Year) -> _Projection:
    """A flow with one increment: the uniform share ``k/N`` give or take the default spread."""
    share = y.k / y.n_per
    s_lo = share * (1 - DEFAULT_SHARE_REL_SPREAD)
    s_hi = min(share * (1 + DEFAULT_SHARE_REL_SPREAD), 1.0)
    low, high = sorted((y.c / s_hi, y.c / s_lo))
    return _Projection(
        y.c / share, low, high, "prior", wording.run_rate_method(y.k, y.n_per, y.word),
        (wording.share_prior_reason(y.at, share, s_lo, s_hi),), thin=True,
    )  # fmt: skip


def _project_seasonal_change(y: _Year, changes: list[float]) -> _Projection:
    """A level plus the change usually seen from period k to year end (method b)."""
    m = len(changes)
    mean, sd = statistics.fmean(changes), statistics.stdev(changes)
    projected = y.c + mean
    half = t90(m - 1) * sd * math.sqrt(1 + 1 / m)
    return _Projection(
        projected, projected - half, projected + half, "seasonal",
        wording.seasonal_change_method(m, y.at),
        (wording.seasonal_change_reason(y.at, mean, changes, y.u),),
    )  # fmt: skip


def _project_trend(y: _Year) -> _Projection:
    """A point-in-time value on its least-squares line, extrapolated to period N (method a)."""
    xs = [float(j) for j, _ in y.known]
    ys = [float(v) for _, v in y.known]
    n = len(xs)
    slope, intercept = statistics.linear_regression(xs, ys)
    x_bar = statistics.fmean(xs)
    sxx = sum((x - x_bar) ** 2 for x in xs)
    resid = [v - (intercept + slope * x) for x, v in zip(xs, ys, strict=True)]
    s_e = math.sqrt(sum(e * e for e in resid) / (n - 2))
    projected = intercept + slope * y.n_per
    half = t90(n - 2) * s_e * math.sqrt(1 + 1 / n + (y.n_per - x_bar) ** 2 / sxx)
    return _Projection(
        projected, projected - half, projected + half, "trend",
        wording.trend_method(n, y.word), (wording.trend_reason(slope, y.u, y.word),),
    )  # fmt: skip


def _project_average_run_rate(y: _Year, period_values: list[float]) -> _Projection:
    """A year-to-date mean whose remaining periods come at the mean so far (method a)."""
    r = len(period_values)
    sd = statistics.stdev(period_values)
    half = t90(r - 1) * sd * math.sqrt(y.rem + y.rem * y.rem / r) / y.n_per
    return _Projection(
        y.c, y.c - half, y.c + half, "run_rate", wording.average_run_rate_method(y.word)
    )


def _project_level_prior(y: _Year) -> _Projection:
    """A level carried to year end, give or take the default spread (method c)."""
    scale = max(abs(y.c), abs(float(y.band.reference)))
    half = DEFAULT_LEVEL_REL_SPREAD * scale * y.rem / y.n_per
    reason = wording.level_prior_reason(len(y.known), y.word, DEFAULT_LEVEL_REL_SPREAD)
    return _Projection(
        y.c, y.c - half, y.c + half, "prior", wording.level_prior_method(y.at), (reason,),
        thin=True,
    )  # fmt: skip


def _assess(y: _Year, p: _Projection) -> TargetOutlook:
    """Classify a projection against the band and add the needed rate and the verdict."""
    # Classify the numbers as they are shown (4 places), so float noise never flips a class.
    projected = round(p.projected, 4)
    low, high = round(min(p.low, p.high, projected), 4), round(max(p.low, p.high, projected), 4)
    risk = classify(y.band, projected, low, high, thin=p.thin)
    prob = None if risk is Risk.UNKNOWN else _probability(y.band, projected, low, high)
    needed, needed_bound = _needed(y, projected)
    reasons = list(p.reasons)
    if needed is not None and needed_bound is not None:  # _needed gives both or neither
        reasons.append(_needed_sentence(y, needed, needed_bound))
    if p.method != "final":
        reasons.append(wording.estimate_sentence(projected, low, high, y.u, y.band.text))
    reasons.append(wording.CLASS_SENTENCES[risk])
    return TargetOutlook(
        projected=_d(projected), low=_d(low), high=_d(high), risk=risk, probability=_d(prob),
        needed_per_period=_d(needed), needed_bound=needed_bound, method=p.method,
        method_vi=p.method_text, reasons=tuple(reasons), thin=p.thin,
    )  # fmt: skip


def _needed(y: _Year, projected: float) -> tuple[float | None, str | None]:
    """The rate per remaining period that reaches the binding bound B, and whether B is a floor
    ("min") or a ceiling ("max"); ``(None, None)`` when the year is over or nothing binds."""
    band = y.band
    if y.rem == 0:
        return None, None
    if band.lo is not None and (band.hi is None or projected < float(band.lo)):
        bound_value, bound = float(band.lo), "min"
    elif band.hi is not None and (band.lo is None or projected > float(band.hi)):
        bound_value, bound = float(band.hi), "max"
    else:
        return None, None
    if y.acc is Accumulation.YTD_AVERAGE:
        return (bound_value * y.n_per - y.c * y.k) / y.rem, bound
    return (bound_value - y.c) / y.rem, bound


def _needed_sentence(y: _Year, needed: float, bound: str) -> str:
    if y.acc is Accumulation.CUMULATIVE:
        return wording.needed_amount_sentence(needed, bound, y.rem, y.word, y.u, pace=y.c / y.k)
    if y.acc is Accumulation.YTD_AVERAGE:
        return wording.needed_average_sentence(needed, bound, y.rem, y.word, y.u)
    return wording.needed_change_sentence(needed, y.word, y.u)
