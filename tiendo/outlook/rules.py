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
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from tiendo.indicators.rules import Bound, Direction, TargetSpec
from tiendo.lib.vn_numbers import format_vn_number

__all__ = [
    "DEFAULT_ABOUT_TOLERANCE",
    "DEFAULT_LEVEL_REL_SPREAD",
    "DEFAULT_SHARE_REL_SPREAD",
    "MIN_HISTORY_YEARS",
    "NOT_ENOUGH_DATA_VI",
    "Accumulation",
    "Risk",
    "TargetBand",
    "TargetOutlook",
    "classify",
    "seasonal_profile",
    "t90",
    "target_band",
    "target_outlook",
]

MIN_HISTORY_YEARS = 2
MIN_SEASONAL_SHARE = 0.02  # below this usual share, dividing by it says nothing
DEFAULT_SHARE_REL_SPREAD = 0.5
DEFAULT_LEVEL_REL_SPREAD = 0.15
DEFAULT_ABOUT_TOLERANCE = Decimal("0.02")
NOT_ENOUGH_DATA_VI = "chưa đủ dữ liệu"
Z90 = 1.6448536269514722
# One-sided 95% quantiles of Student's t (two-sided 90% intervals), df 1..30.
_T95 = (
    6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812,
    1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725,
    1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697,
)  # fmt: skip


class Risk(StrEnum):
    ON_COURSE = "on_course"
    AT_RISK = "at_risk"
    OFF_COURSE = "off_course"
    UNKNOWN = "unknown"


RISK_LABELS_VI = {
    Risk.ON_COURSE: "Đúng hướng",
    Risk.AT_RISK: "Có nguy cơ",
    Risk.OFF_COURSE: "Chệch hướng",
    Risk.UNKNOWN: "Chưa đủ dữ liệu",
}


class Accumulation(StrEnum):
    CUMULATIVE = "cumulative"
    POINT_IN_TIME = "point_in_time"
    YTD_AVERAGE = "ytd_average"


def t90(df: int) -> float:
    """The factor of a two-sided 90% interval with ``df`` degrees of freedom (normal beyond 30)."""
    if df < 1:
        raise ValueError("df must be >= 1")
    return _T95[df - 1] if df <= len(_T95) else Z90


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
        if self.lo is not None and self.hi is not None:
            if self.lo == self.hi:
                return _n(self.lo)
            return f"{_n(self.lo)}–{_n(self.hi)}"
        if self.lo is not None:
            return f"≥ {_n(self.lo)}"
        return f"≤ {_n(self.hi)}"


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
        return RISK_LABELS_VI[self.risk]


def _d(x: float | None) -> Decimal | None:
    if x is None or not math.isfinite(x):
        return None
    return Decimal(repr(round(x, 4)))


def _n(x: float | Decimal | None) -> str:
    if x is None:
        return "—"
    return format_vn_number(Decimal(repr(round(float(x), 2))))


def _pct(x: float) -> str:
    return format_vn_number(Decimal(repr(round(x * 100, 2)))) + "%"


def _period_word(n_periods: int) -> str:
    return {4: "quý", 12: "tháng", 2: "6 tháng", 1: "năm"}.get(n_periods, "kỳ")


def _period_name(k: int, n_periods: int) -> str:
    if n_periods == 4:
        return "quý " + ("I", "II", "III", "IV")[k - 1]
    if n_periods == 12:
        return f"tháng {k}"
    return f"kỳ {k}"


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


def _changes_to_year_end(history: Mapping[int, Sequence[Decimal | None]], k: int) -> list[float]:
    changes = []
    for _year, values in sorted(history.items()):
        if len(values) < k or values[-1] is None or values[k - 1] is None:
            continue
        changes.append(float(values[-1]) - float(values[k - 1]))
    return changes


def _normal_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


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
    up = 1.0 if band.hi is None else _normal_cdf((float(band.hi) - projected) / sd)
    down = 0.0 if band.lo is None else _normal_cdf((float(band.lo) - projected) / sd)
    return max(0.0, min(1.0, up - down))


def _unknown(reasons: list[str], method_vi: str) -> TargetOutlook:
    return TargetOutlook(
        projected=None, low=None, high=None, risk=Risk.UNKNOWN, probability=None,
        needed_per_period=None, needed_bound=None, method="none", method_vi=method_vi,
        reasons=tuple(reasons), thin=True,
    )  # fmt: skip


def _increments(observed: Sequence[Decimal | None]) -> list[float]:
    """Period amounts ``ytd_j − ytd_{j−1}`` where both are known (``ytd_0 = 0``)."""
    out = []
    prev: Decimal | None = Decimal(0)
    for value in observed:
        if value is not None and prev is not None:
            out.append(float(value) - float(prev))
        prev = value
    return out


def _implied_period_values(observed: Sequence[Decimal | None]) -> list[float]:
    """Period values of a year-to-date mean: ``p_j = j·y_j − (j−1)·y_{j−1}``."""
    out = []
    prev: Decimal | None = None
    for j, value in enumerate(observed, start=1):
        if value is not None and (j == 1 or prev is not None):
            out.append(j * float(value) - (j - 1) * float(prev or 0))
        prev = value
    return out


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
    history = history or {}
    word = _period_word(n_per)
    u = unit if unit.startswith("%") else (f" {unit}" if unit else "")
    values = list(observed)
    if (
        acc is Accumulation.CUMULATIVE
        and ytd_share_pct is not None
        and values
        and (values[-1] is None)
    ):
        values[-1] = ytd_share_pct * band.reference / 100
    known = [(j, v) for j, v in enumerate(values, start=1) if v is not None]
    if not known:
        return _unknown(
            [f"Chưa có số liệu năm nay, {NOT_ENOUGH_DATA_VI} để dự báo."],
            "Không dự báo: chưa có số liệu.",
        )
    k, c_dec = known[-1]
    c = float(c_dec)
    rem = n_per - k
    reasons: list[str] = []
    at = _period_name(k, n_per)
    thin = False

    if rem == 0:
        projected = low = high = c
        method, method_vi = "final", "Số liệu cả năm đã có: dùng trực tiếp, không dự báo."
        reasons.append(f"Số liệu cả năm: {_n(c)}{u}.")
    elif acc is Accumulation.CUMULATIVE:
        shares = seasonal_profile(history, k)
        if len(shares) >= MIN_HISTORY_YEARS and statistics.fmean(shares) < MIN_SEASONAL_SHARE:
            return _unknown(
                [
                    f"Các năm trước, đến hết {at} thường chưa đạt "
                    f"{_pct(MIN_SEASONAL_SHARE)} tổng cả năm: {NOT_ENOUGH_DATA_VI} để dự báo "
                    "từ kỳ này."
                ],
                "Không dự báo: phần thường đạt được đến kỳ này quá nhỏ.",
            )
        if len(shares) >= MIN_HISTORY_YEARS:
            m = len(shares)
            s_bar, sd = statistics.fmean(shares), statistics.stdev(shares)
            half = t90(m - 1) * sd * math.sqrt(1 + 1 / m)
            s_lo, s_hi = max(s_bar - half, s_bar / 10), min(s_bar + half, 1.0)
            s_bar = min(s_bar, 1.0)
            projected, low, high = c / s_bar, c / s_hi, c / s_lo
            method = "seasonal"
            method_vi = (
                f"Theo mùa vụ {m} năm trước: lũy kế chia cho tỷ lệ bình quân thường đạt được "
                f"đến hết {at}."
            )
            reasons.append(
                f"Các năm trước, đến hết {at} thường đạt {_pct(s_bar)} tổng cả năm "
                f"(từ {_pct(min(shares))} đến {_pct(max(shares))}, {m} năm)."
            )
        else:
            share = k / n_per
            incs = _increments(values)
            projected = c / share
            method = "run_rate"
            method_vi = (
                f"Theo tốc độ thực hiện: lũy kế chia cho phần thời gian đã qua ({k}/{n_per} năm), "
                f"giả định mỗi {word} thực hiện như nhau."
            )
            if len(incs) >= 2:
                r = len(incs)
                mean, sd = statistics.fmean(incs), statistics.stdev(incs)
                projected = c + rem * mean
                half = t90(r - 1) * sd * math.sqrt(rem + rem * rem / r)
                low, high = projected - half, projected + half
            else:
                thin = True
                s_lo = share * (1 - DEFAULT_SHARE_REL_SPREAD)
                s_hi = min(share * (1 + DEFAULT_SHARE_REL_SPREAD), 1.0)
                low, high = sorted((c / s_hi, c / s_lo))
                method = "prior"
                reasons.append(
                    f"Chưa có số liệu các năm trước: giả định mặc định đến hết {at} đạt "
                    f"{_pct(share)} cả năm (có thể từ {_pct(s_lo)} đến {_pct(s_hi)})."
                )
        if unit.startswith("%") and band.reference == 100:  # already a share of the plan
            first = f"Lũy kế đến hết {at}: {_n(c)}{u}."
        else:
            share_text = _pct(c / float(band.reference)) if band.reference else "—"
            first = (
                f"Lũy kế đến hết {at}: {_n(c)}{u}, bằng {share_text} kế hoạch năm "
                f"({_n(band.reference)}{u})."
            )
        reasons.insert(0, first)
    else:
        changes = _changes_to_year_end(history, k)
        reasons.append(f"Số liệu đến hết {at}: {_n(c)}{u}; mục tiêu năm {band.text}{u}.")
        if len(changes) >= MIN_HISTORY_YEARS:
            m = len(changes)
            mean, sd = statistics.fmean(changes), statistics.stdev(changes)
            projected = c + mean
            half = t90(m - 1) * sd * math.sqrt(1 + 1 / m)
            low, high = projected - half, projected + half
            method = "seasonal"
            method_vi = (
                f"Theo {m} năm trước: số liệu {at} cộng mức thay đổi bình quân từ {at} "
                "đến cuối năm."
            )
            reasons.append(
                f"Các năm trước, từ {at} đến cuối năm số liệu thay đổi bình quân "
                f"{_n(mean)}{u} (từ {_n(min(changes))} đến {_n(max(changes))})."
            )
        elif acc is Accumulation.POINT_IN_TIME and len(known) >= 3:
            xs = [float(j) for j, _ in known]
            ys = [float(v) for _, v in known]
            n = len(xs)
            slope, intercept = statistics.linear_regression(xs, ys)
            x_bar = statistics.fmean(xs)
            sxx = sum((x - x_bar) ** 2 for x in xs)
            resid = [y - (intercept + slope * x) for x, y in zip(xs, ys, strict=True)]
            s_e = math.sqrt(sum(e * e for e in resid) / (n - 2))
            projected = intercept + slope * n_per
            half = t90(n - 2) * s_e * math.sqrt(1 + 1 / n + (n_per - x_bar) ** 2 / sxx)
            low, high = projected - half, projected + half
            method = "trend"
            method_vi = f"Theo xu hướng tuyến tính của {n} {word} đã có, kéo dài đến cuối năm."
            reasons.append(f"Xu hướng: thay đổi bình quân {_n(slope)}{u} mỗi {word}.")
        elif acc is Accumulation.YTD_AVERAGE and len(_implied_period_values(values)) >= 2:
            pv = _implied_period_values(values)
            r = len(pv)
            sd = statistics.stdev(pv)
            projected = c
            half = t90(r - 1) * sd * math.sqrt(rem + rem * rem / r) / n_per
            low, high = projected - half, projected + half
            method = "run_rate"
            method_vi = (
                f"Theo tốc độ thực hiện: các {word} còn lại giả định bằng bình quân các {word} "
                "đã qua."
            )
        else:
            thin = True
            projected = c
            scale = max(abs(c), abs(float(band.reference)))
            half = DEFAULT_LEVEL_REL_SPREAD * scale * rem / n_per
            low, high = c - half, c + half
            method = "prior"
            method_vi = f"Giữ nguyên số liệu {at} đến cuối năm (chưa có số liệu các năm trước)."
            reasons.append(
                f"Chỉ có {len(known)} {word} số liệu: khoảng dự báo theo giả định mặc định "
                f"±{_n(DEFAULT_LEVEL_REL_SPREAD * 100)}% giá trị cho cả năm, thu hẹp dần theo "
                "số kỳ còn lại."
            )

    # Classify the numbers as they are shown (4 places), so float noise never flips a class.
    projected = round(projected, 4)
    low, high = round(min(low, high, projected), 4), round(max(low, high, projected), 4)
    risk = classify(band, projected, low, high, thin=thin)
    prob = None if risk is Risk.UNKNOWN else _probability(band, projected, low, high)

    needed = None
    needed_bound = None
    if rem > 0:
        if band.lo is not None and (band.hi is None or projected < float(band.lo)):
            bound_value, needed_bound = float(band.lo), "min"
        elif band.hi is not None and (band.lo is None or projected > float(band.hi)):
            bound_value, needed_bound = float(band.hi), "max"
        else:
            bound_value, needed_bound = None, None
        if bound_value is not None:
            if acc is Accumulation.YTD_AVERAGE:
                needed = (bound_value * n_per - c * k) / rem
            else:
                needed = (bound_value - c) / rem
            reasons.append(_needed_sentence(acc, needed, needed_bound, rem, word, u, c, k))

    if method != "final":
        reasons.append(
            f"Ước cả năm: {_n(projected)}{u} (khoảng {_n(low)} – {_n(high)}{u}); "
            f"mục tiêu {band.text}{u}."
        )
    reasons.append(_class_sentence(risk))
    return TargetOutlook(
        projected=_d(projected), low=_d(low), high=_d(high), risk=risk,
        probability=_d(prob) if prob is not None else None,
        needed_per_period=_d(needed), needed_bound=needed_bound, method=method,
        method_vi=method_vi, reasons=tuple(reasons), thin=thin,
    )  # fmt: skip


def _needed_sentence(
    acc: Accumulation, needed: float, bound: str, rem: int, word: str, u: str, c: float, k: int
) -> str:
    verb = "ít nhất" if bound == "min" else "không quá"
    if acc is Accumulation.CUMULATIVE:
        pace = c / k
        tail = ""
        if bound == "min" and pace > 0 and needed > 0:
            tail = f", gấp {_n(needed / pace)} lần bình quân mỗi {word} đã qua ({_n(pace)}{u})"
        if bound == "min" and needed <= 0:
            return f"Lũy kế đã đạt mức kế hoạch năm; {rem} {word} còn lại chỉ cần giữ kết quả."
        return (
            f"Để đạt mục tiêu, {rem} {word} còn lại cần bình quân {verb} {_n(needed)}{u} "
            f"mỗi {word}{tail}."
        )
    if acc is Accumulation.YTD_AVERAGE:
        return (
            f"Để đạt mục tiêu cả năm, {rem} {word} còn lại cần đạt bình quân {verb} "
            f"{_n(needed)}{u} mỗi {word}."
        )
    change = "tăng" if needed >= 0 else "giảm"
    return (
        f"Để đạt mục tiêu, mỗi {word} còn lại cần {change} bình quân {_n(abs(needed))}"
        f"{' điểm %' if u.startswith('%') else u}."
    )


def _class_sentence(risk: Risk) -> str:
    return {
        Risk.ON_COURSE: "Dự báo đạt mục tiêu năm.",
        Risk.AT_RISK: "Dự báo chưa đạt mục tiêu, nhưng vẫn có thể đạt nếu các kỳ sau tăng tốc.",
        Risk.OFF_COURSE: "Cả khoảng dự báo đều không đạt mục tiêu năm.",
        Risk.UNKNOWN: (
            f"Khoảng dự báo còn rộng, {NOT_ENOUGH_DATA_VI} để kết luận đạt hay không đạt."
        ),
    }[risk]
