"""Backtest of the early warning on synthetic history with planted patterns. Pure Python.

Nothing here reads a clock or the database; every random draw comes from one seeded
``random.Random``, so a seed gives the same history and the same figures.

Targets: :func:`synth_flows` plants a seasonal profile (the share of the year's total done in each
period) in series of cumulative flows, with year-to-year noise in the profile and in the total,
and an annual plan that is sometimes ambitious, sometimes easy. :func:`backtest_targets` replays
each year period by period, using only the years before it as history (what was known then),
projects the year end, and compares with what happened: the share of correct risk classes, the
mean absolute percentage error (MAPE) of the projection and the coverage of the 90% interval —
for the seasonal method and, on the same data, for the run-rate without history.

Tasks: :func:`synth_tasks` makes units with a planted on-time propensity, tasks whose real
duration is drawn around the plan, progress reports that thin out when a task slips, and
extensions. :func:`backtest_tasks` looks at each task half-way through its original schedule,
with the unit's record counted only from tasks finished before that day, scores it with the
scorecard, then compares with the outcome: AUC, Brier score and a calibration table; it also fits
a logistic regression (``logistic.fit_logistic``) on the earlier half of the tasks and scores the
later half, to check the hand-set weights against data.
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from benchmarks.outlook.logistic import fit_logistic, predict_logistic
from tiendo.indicators.rules import Bound, Direction, TargetSpec
from tiendo.outlook.rules import Accumulation, Risk, target_band, target_outlook
from tiendo.outlook.task_rules import task_features, task_risk

__all__ = [
    "PROFILES",
    "FlowSeries",
    "LevelSeries",
    "SynthTask",
    "TargetBacktest",
    "TaskBacktest",
    "auc",
    "backtest_levels",
    "backtest_targets",
    "backtest_tasks",
    "realized_class",
    "synth_flows",
    "synth_levels",
    "synth_tasks",
]

# Planted share of the year's total done in each quarter (sums to 1).
PROFILES = {
    "back_loaded": (0.10, 0.20, 0.25, 0.45),  # public-investment disbursement
    "front_loaded": (0.30, 0.26, 0.22, 0.22),
    "uniform": (0.25, 0.25, 0.25, 0.25),
    "mid_peak": (0.18, 0.32, 0.30, 0.20),
}
AT_RISK_MARGIN = 0.05  # a miss by at most 5% of plan counts as "at risk", beyond as "off course"


@dataclass(frozen=True)
class FlowSeries:
    name: str
    profile: tuple[float, ...]
    ytd: dict[int, tuple[Decimal, ...]]  # year → year-to-date totals at the end of each period
    plans: dict[int, Decimal]  # year → annual plan (a floor: higher is better)


def synth_flows(
    rng: random.Random,
    *,
    n_series: int = 40,
    first_year: int = 2014,
    years: int = 12,
    profile_noise: float = 0.12,
    total_noise: float = 0.06,
    plan_noise: float = 0.08,
) -> list[FlowSeries]:
    """Series of quarterly cumulative flows with a planted profile (see the module docstring).

    Period amounts are ``total·p_j·e^{ε_j}`` renormalised to the total,
    ``ε_j ~ N(0, profile_noise)``; totals grow 8% a year with ``N(0, total_noise)`` relative
    noise; the plan is the expected total times ``1 + N(0, plan_noise)``.
    """
    names = sorted(PROFILES)
    out = []
    for i in range(n_series):
        pname = names[i % len(names)]
        profile = PROFILES[pname]
        base = rng.uniform(500, 20000)
        ytd: dict[int, tuple[Decimal, ...]] = {}
        plans: dict[int, Decimal] = {}
        for y in range(years):
            expected = base * 1.08**y
            total = expected * (1 + rng.gauss(0, total_noise))
            raw = [p * math.exp(rng.gauss(0, profile_noise)) for p in profile]
            amounts = [total * r / sum(raw) for r in raw]
            running, cum = 0.0, []
            for a in amounts:
                running += a
                cum.append(Decimal(repr(round(running, 2))))
            ytd[first_year + y] = tuple(cum)
            plans[first_year + y] = Decimal(
                repr(round(expected * (1 + rng.gauss(0, plan_noise)), 2))
            )
        out.append(FlowSeries(f"{pname}-{i:02d}", profile, ytd, plans))
    return out


def realized_class(actual: float, plan: float) -> Risk:
    """What happened, in the risk vocabulary: met → on course, missed by ≤ 5% → at risk."""
    if actual >= plan:
        return Risk.ON_COURSE
    if actual >= plan * (1 - AT_RISK_MARGIN):
        return Risk.AT_RISK
    return Risk.OFF_COURSE


@dataclass
class _Tally:
    n: int = 0
    unknown: int = 0
    class_hits: int = 0
    met_hits: int = 0
    ape: list[float] = field(default_factory=list)
    covered: int = 0

    def as_dict(self) -> dict[str, float | int | None]:
        judged = self.n - self.unknown
        return {
            "predictions": self.n,
            "unknown_share": _r(self.unknown / self.n) if self.n else None,
            "class_accuracy": _r(self.class_hits / judged) if judged else None,
            "met_vs_missed_accuracy": _r(self.met_hits / judged) if judged else None,
            "mape_pct": _r(100 * statistics.fmean(self.ape)) if self.ape else None,
            "interval_coverage": _r(self.covered / self.n) if self.n else None,
        }


def _r(x: float) -> float:
    return round(x, 4)


@dataclass(frozen=True)
class TargetBacktest:
    by_method: dict[str, dict[int, dict]]  # method → period k → tally
    overall: dict[str, dict]
    profile_recovery: dict[str, tuple[float, ...]]  # name → estimated share reached per quarter


def backtest_targets(series: Sequence[FlowSeries], *, min_history: int = 2) -> TargetBacktest:
    """Replay each year after ``min_history`` years, quarter by quarter (module docstring)."""
    tallies = {m: {k: _Tally() for k in (1, 2, 3)} for m in ("seasonal", "run_rate")}
    recovery: dict[str, list[list[float]]] = {}
    for s in series:
        years = sorted(s.ytd)
        for idx, year in enumerate(years):
            if idx < min_history:
                continue
            history = {y: s.ytd[y] for y in years[:idx]}
            actual = float(s.ytd[year][-1])
            plan = float(s.plans[year])
            truth = realized_class(actual, plan)
            band = target_band(TargetSpec(s.plans[year], Bound.EQ), Direction.HIGHER)
            for k in (1, 2, 3):
                observed = s.ytd[year][:k]
                for method, hist in (("seasonal", history), ("run_rate", None)):
                    o = target_outlook(
                        band=band, accumulation=Accumulation.CUMULATIVE, periods_per_year=4,
                        observed=observed, history=hist,
                    )  # fmt: skip
                    t = tallies[method][k]
                    t.n += 1
                    t.ape.append(abs(float(o.projected) - actual) / actual)
                    t.covered += float(o.low) <= actual <= float(o.high)
                    if o.risk is Risk.UNKNOWN:
                        t.unknown += 1
                        continue
                    t.class_hits += o.risk is truth
                    t.met_hits += (o.risk is Risk.ON_COURSE) == (truth is Risk.ON_COURSE)
        # profile recovery: the mean share reached by each quarter over all years of the series
        shares = [[float(s.ytd[y][k]) / float(s.ytd[y][-1]) for k in range(4)] for y in years]
        key = s.name.rsplit("-", 1)[0]
        recovery.setdefault(key, []).extend(shares)
    by_method = {m: {k: t.as_dict() for k, t in per.items()} for m, per in tallies.items()}
    overall = {}
    for m, per in tallies.items():
        total = _Tally()
        for t in per.values():
            total.n += t.n
            total.unknown += t.unknown
            total.class_hits += t.class_hits
            total.met_hits += t.met_hits
            total.ape += t.ape
            total.covered += t.covered
        overall[m] = total.as_dict()
    profile_recovery = {
        name: tuple(round(statistics.fmean(col), 4) for col in zip(*rows, strict=True))
        for name, rows in sorted(recovery.items())
    }
    return TargetBacktest(by_method, overall, profile_recovery)


# --- levels (point in time) ---------------------------------------------------------------------

LEVEL_PATH = (0.2, 0.45, 0.7, 1.0)  # planted share of the year's change reached by each quarter


@dataclass(frozen=True)
class LevelSeries:
    name: str
    yearly_change: float  # the planted mean change over a year
    values: dict[int, tuple[Decimal, ...]]  # year → level at the end of each quarter
    plans: dict[int, Decimal]  # year → year-end target (a floor)


def synth_levels(
    rng: random.Random, *, n_series: int = 40, first_year: int = 2014, years: int = 12
) -> list[LevelSeries]:
    """Levels (coverage-like rates) that climb by a planted amount each year along
    :data:`LEVEL_PATH`: ``v_q = start + Δ·path_q + N(0, 0.3)``, ``Δ ~ N(μ, 0.4·|μ|)`` with
    ``μ ~ U(0.5, 4)`` per series; the next year starts where this one ended. The plan is the
    expected year end plus ``N(0, 0.5·μ)``."""
    out = []
    for i in range(n_series):
        mu = rng.uniform(0.5, 4.0)
        level = rng.uniform(40, 80)
        values: dict[int, tuple[Decimal, ...]] = {}
        plans: dict[int, Decimal] = {}
        for y in range(years):
            delta = rng.gauss(mu, 0.4 * mu)
            quarters = [level + delta * f + rng.gauss(0, 0.3) for f in LEVEL_PATH]
            values[first_year + y] = tuple(Decimal(repr(round(v, 2))) for v in quarters)
            plans[first_year + y] = Decimal(repr(round(level + mu + rng.gauss(0, 0.5 * mu), 2)))
            level = quarters[-1]
        out.append(LevelSeries(f"level-{i:02d}", mu, values, plans))
    return out


def backtest_levels(series: Sequence[LevelSeries], *, min_history: int = 2) -> dict[str, dict]:
    """Replay point-in-time series like :func:`backtest_targets`: the seasonal method (the change
    usually seen from period k to year end) against the same year without history (last value
    under the prior, or the linear trend from Q3)."""
    tallies = {m: _Tally() for m in ("seasonal", "no_history")}
    for s in series:
        years = sorted(s.values)
        for idx, year in enumerate(years):
            if idx < min_history:
                continue
            history = {y: s.values[y] for y in years[:idx]}
            actual = float(s.values[year][-1])
            truth = realized_class(actual, float(s.plans[year]))
            band = target_band(TargetSpec(s.plans[year], Bound.EQ), Direction.HIGHER)
            for k in (1, 2, 3):
                for method, hist in (("seasonal", history), ("no_history", None)):
                    o = target_outlook(
                        band=band, accumulation=Accumulation.POINT_IN_TIME, periods_per_year=4,
                        observed=s.values[year][:k], history=hist,
                    )  # fmt: skip
                    t = tallies[method]
                    t.n += 1
                    t.ape.append(abs(float(o.projected) - actual) / abs(actual))
                    t.covered += float(o.low) <= actual <= float(o.high)
                    if o.risk is Risk.UNKNOWN:
                        t.unknown += 1
                        continue
                    t.class_hits += o.risk is truth
                    t.met_hits += (o.risk is Risk.ON_COURSE) == (truth is Risk.ON_COURSE)
    return {m: t.as_dict() for m, t in tallies.items()}


# --- tasks ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SynthTask:
    unit: int
    start: date
    deadline: date  # the deadline in force at the checkpoint (after extensions granted by then)
    checkpoint: date
    finished: date
    late: bool
    progress_at_checkpoint: Decimal
    last_update_on: date | None
    updates_count: int
    extensions: int


def synth_tasks(
    rng: random.Random,
    *,
    n_units: int = 12,
    n_tasks: int = 1500,
    first_day: date = date(2022, 1, 3),
) -> list[SynthTask]:
    """Tasks of units with a planted propensity to slip (see the module docstring).

    Each unit has a slip factor ``μ_u ~ U(−0.25, 0.25)`` and a reporting interval of 10–35 days.
    A task's real duration is ``planned·exp(μ_u + N(0, 0.25))``. Progress is linear in real time
    and reported with noise; a task running late reports half as often. When, at 40% of the plan,
    progress trails time by more than 15 points, an extension of 30% of the plan is granted with
    probability 0.6. Late = finished after the deadline in force.
    """
    units = [(rng.uniform(-0.25, 0.25), rng.uniform(10, 35)) for _ in range(n_units)]
    out = []
    for _ in range(n_tasks):
        u = rng.randrange(n_units)
        slip, every = units[u]
        start = first_day + timedelta(days=rng.randrange(0, 3 * 365))
        planned = rng.randrange(30, 181)
        real = max(7, round(planned * math.exp(slip + rng.gauss(0, 0.25))))
        deadline = start + timedelta(days=planned)
        extensions = 0
        early_progress = min(100.0, 100 * 0.4 * planned / real)
        if 40 - early_progress > 15 and rng.random() < 0.6:
            extensions = 1
            deadline += timedelta(days=round(0.3 * planned))
        checkpoint = start + timedelta(days=planned // 2)
        finished = start + timedelta(days=real)
        interval = every * (2 if real > planned else 1)
        reports = []
        day = start + timedelta(days=max(1, round(rng.uniform(0.5, 1.5) * interval)))
        while day <= checkpoint and day < finished:
            reports.append(day)
            day += timedelta(days=max(1, round(rng.uniform(0.5, 1.5) * interval)))
        last = reports[-1] if reports else None
        if last is None:
            progress = 0.0
        else:
            true = 100 * (last - start).days / real
            progress = min(99.0, max(0.0, true + rng.gauss(0, 5)))
        out.append(
            SynthTask(
                unit=u,
                start=start,
                deadline=deadline,
                checkpoint=checkpoint,
                finished=finished,
                late=finished > deadline,
                progress_at_checkpoint=Decimal(repr(round(progress))),
                last_update_on=last,
                updates_count=len(reports),
                extensions=extensions,
            )
        )
    out.sort(key=lambda t: t.checkpoint)
    return out


def auc(scores: Sequence[float], labels: Sequence[int]) -> float | None:
    """Area under the ROC curve (Mann–Whitney, ties counted as half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return None
    ranked = sorted((s, i) for i, s in enumerate(scores))
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(ranked):
        j = i
        while j + 1 < len(ranked) and ranked[j + 1][0] == ranked[i][0]:
            j += 1
        for m in range(i, j + 1):
            ranks[ranked[m][1]] = (i + j) / 2 + 1
        i = j + 1
    pos_rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (pos_rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def _calibration(probs: Sequence[float], labels: Sequence[int]) -> list[dict]:
    bins = []
    for b in range(5):
        lo, hi = b / 5, (b + 1) / 5
        rows = [
            (p, y)
            for p, y in zip(probs, labels, strict=True)
            if lo <= p < hi or (b == 4 and p == 1)
        ]
        if rows:
            bins.append({
                "bin": f"{lo:.1f}–{hi:.1f}",
                "n": len(rows),
                "mean_predicted": _r(statistics.fmean(p for p, _ in rows)),
                "observed_late": _r(statistics.fmean(y for _, y in rows)),
            })  # fmt: skip
    return bins


@dataclass(frozen=True)
class TaskBacktest:
    n: int
    late_share: float
    auc: float | None
    brier: float
    calibration: list[dict]
    class_late_rates: dict[str, dict]
    fitted_auc_test: float | None
    scorecard_auc_test: float | None
    fitted_coefficients: tuple[float, ...]


def backtest_tasks(tasks: Sequence[SynthTask]) -> TaskBacktest:
    """Score every task at its checkpoint with what was known that day (module docstring)."""
    probs, labels, vectors, classes = [], [], [], []
    open_tasks = [t for t in tasks if t.finished > t.checkpoint]
    for t in open_tasks:
        done = [o for o in tasks if o.unit == t.unit and o.finished < t.checkpoint and o is not t]
        n = len(done)
        rate = Decimal(repr(round(100 * sum(not o.late for o in done) / n, 2))) if n else None
        kwargs = {
            "progress_pct": t.progress_at_checkpoint, "start": t.start, "deadline": t.deadline,
            "on": t.checkpoint, "last_update_on": t.last_update_on, "unit_on_time_rate": rate,
            "unit_history_n": n, "extensions": t.extensions,
        }  # fmt: skip
        r = task_risk(updates_count=t.updates_count, **kwargs)
        probs.append(float(r.probability))
        labels.append(int(t.late))
        classes.append(r.risk)
        vectors.append(task_features(**kwargs).vector())
    half = len(open_tasks) // 2
    beta = fit_logistic(vectors[:half], labels[:half])
    fitted = [predict_logistic(beta, v) for v in vectors[half:]]
    class_rates = {}
    for risk in (Risk.ON_COURSE, Risk.AT_RISK, Risk.OFF_COURSE):
        ys = [y for c, y in zip(classes, labels, strict=True) if c is risk]
        class_rates[risk.value] = {
            "n": len(ys),
            "observed_late": _r(statistics.fmean(ys)) if ys else None,
        }
    return TaskBacktest(
        n=len(open_tasks),
        late_share=_r(statistics.fmean(labels)),
        auc=_r(a) if (a := auc(probs, labels)) is not None else None,
        brier=_r(statistics.fmean((p - y) ** 2 for p, y in zip(probs, labels, strict=True))),
        calibration=_calibration(probs, labels),
        class_late_rates=class_rates,
        fitted_auc_test=_r(a) if (a := auc(fitted, labels[half:])) is not None else None,
        scorecard_auc_test=_r(a) if (a := auc(probs[half:], labels[half:])) is not None else None,
        fitted_coefficients=tuple(round(b, 3) for b in beta),
    )
