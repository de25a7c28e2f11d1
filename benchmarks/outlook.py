"""Benchmark: early-warning accuracy on synthetic history, and the speed of the pure rules.

    python benchmarks/outlook.py [--runs 5] [--no-write]

Accuracy: the backtest on synthetic history (fixed seeds, see benchmarks/outlook/report.py).
Speed: 10,000 target outlooks (cumulative flows with 5 years of history, at Q1–Q3) and 10,000
task risks, best of --runs. Prints the figures and writes them to the `outlook` section of
docs/benchmarks.md, and the accuracy alone to the `backtest` section of docs/early-warning.md.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.outlook.backtest import synth_flows  # noqa: E402
from benchmarks.outlook.report import render_markdown, run_backtest, write_block  # noqa: E402
from tiendo.indicators.rules import Bound, Direction, TargetSpec  # noqa: E402
from tiendo.outlook.rules import target_band, target_outlook  # noqa: E402
from tiendo.outlook.task_rules import task_risk  # noqa: E402

N = 10_000


def time_targets(runs: int) -> float:
    series = synth_flows(random.Random(1), n_series=40, years=6)
    cases = []
    for i in range(N):
        s = series[i % len(series)]
        years = sorted(s.ytd)
        k = 1 + i % 3
        band = target_band(TargetSpec(s.plans[years[-1]], Bound.EQ), Direction.HIGHER)
        history = {y: s.ytd[y] for y in years[:-1]}
        cases.append((band, s.ytd[years[-1]][:k], history))
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        for band, observed, history in cases:
            target_outlook(band=band, accumulation="cumulative", periods_per_year=4,
                           observed=observed, history=history)  # fmt: skip
        best = min(best, time.perf_counter() - t0)
    return best


def time_tasks(runs: int) -> float:
    rng = random.Random(2)
    on = date(2026, 5, 15)
    cases = [
        {
            "progress_pct": D(rng.randrange(0, 100)),
            "start": on - timedelta(days=rng.randrange(1, 120)),
            "deadline": on + timedelta(days=rng.randrange(-10, 120)),
            "on": on,
            "last_update_on": on - timedelta(days=rng.randrange(0, 60)),
            "updates_count": rng.randrange(0, 6),
            "unit_on_time_rate": D(rng.randrange(40, 100)),
            "unit_history_n": rng.randrange(0, 50),
            "extensions": rng.randrange(0, 3),
        }
        for _ in range(N)
    ]
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        for kwargs in cases:
            task_risk(**kwargs)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    t0 = time.perf_counter()
    result = run_backtest()
    backtest_s = time.perf_counter() - t0
    targets_s = time_targets(args.runs)
    tasks_s = time_tasks(args.runs)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = "\n".join([
        "## Early warning (outlook)",
        "",
        f"Measured {when} on {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, by `python benchmarks/outlook.py` (best of {args.runs}).",
        "",
        f"- {N:,} target outlooks (seasonal method, 5 years of history): "
        f"{targets_s:.3f} s ({1e6 * targets_s / N:.0f} µs each)",
        f"- {N:,} task risks (scorecard): {tasks_s:.3f} s ({1e6 * tasks_s / N:.0f} µs each)",
        f"- the whole backtest below: {backtest_s:.2f} s",
        "",
        render_markdown(result),
    ])  # fmt: skip
    print(text)
    if not args.no_write:
        write_block(ROOT / "docs" / "benchmarks.md", "outlook", text)
        write_block(ROOT / "docs" / "early-warning.md", "backtest", render_markdown(result))
        print("written to docs/benchmarks.md (section outlook), docs/early-warning.md (backtest)")


if __name__ == "__main__":
    main()
