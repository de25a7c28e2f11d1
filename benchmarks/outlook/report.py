"""Run the backtests with fixed seeds and render their figures for ``benchmarks/outlook.py``.
Pure Python, no Django."""

from __future__ import annotations

import random
import re
from dataclasses import asdict
from pathlib import Path

from benchmarks.outlook.backtest import (
    PROFILES,
    backtest_levels,
    backtest_targets,
    backtest_tasks,
    synth_flows,
    synth_levels,
    synth_tasks,
)

TARGET_SEED = 2026
TASK_SEED = 7


def run_backtest(*, target_seed: int = TARGET_SEED, task_seed: int = TASK_SEED) -> dict:
    """Both backtests on their synthetic histories; a plain dict (JSON-ready)."""
    # Seeded pseudo-random numbers make synthetic history, nothing secret.
    targets = backtest_targets(synth_flows(random.Random(target_seed)))
    tasks = backtest_tasks(synth_tasks(random.Random(task_seed)))
    levels = backtest_levels(synth_levels(random.Random(target_seed + 1)))
    return {
        "target_seed": target_seed,
        "task_seed": task_seed,
        "targets": {
            "overall": targets.overall,
            "by_quarter": {m: {str(k): v for k, v in per.items()}
                           for m, per in targets.by_method.items()},
            "profile_planted": {
                name: [round(sum(p[:k]), 4) for k in range(1, 5)]
                for name, p in sorted(PROFILES.items())
            },
            "profile_recovered": {k: list(v) for k, v in targets.profile_recovery.items()},
        },
        "levels": levels,
        "tasks": asdict(tasks),
    }  # fmt: skip


def _f(x: float | None, pct: bool = False) -> str:
    if x is None:
        return "—"
    return f"{100 * x:.1f}%" if pct else f"{x:.3f}"


def render_markdown(result: dict) -> str:
    """The figures as a Markdown block (English headings, numbers as measured)."""
    t = result["targets"]
    lines = [
        f"Synthetic history, seeds {result['target_seed']} (targets) and "
        f"{result['task_seed']} (tasks); `python benchmarks/outlook.py` reproduces these numbers.",
        "",
        "**Targets** — 40 quarterly cumulative flows × 12 years, 4 planted profiles; each year "
        "after the first two replayed at Q1, Q2, Q3 with only earlier years as history.",
        "",
        "| method | quarter | predictions | unknown | class accuracy (3 classes) "
        "| met/missed accuracy | MAPE | 90% interval coverage |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for method, per in t["by_quarter"].items():
        for k, row in [*per.items(), ("all", t["overall"][method])]:
            lines.append(
                f"| {method} | {k} | {row['predictions']} | {_f(row['unknown_share'], True)} "
                f"| {_f(row['class_accuracy'], True)} | {_f(row['met_vs_missed_accuracy'], True)} "
                f"| {row['mape_pct']:.1f}% | {_f(row['interval_coverage'], True)} |"
            )
    lines += [
        "",
        "Planted vs recovered share of the year's total reached by the end of Q1–Q4:",
        "",
        "| profile | planted | recovered (mean over all years) |",
        "|---|---|---|",
    ]
    for name, planted in t["profile_planted"].items():
        got = t["profile_recovered"].get(name, [])
        lines.append(
            f"| {name} | {', '.join(f'{x:.2f}' for x in planted)} "
            f"| {', '.join(f'{x:.3f}' for x in got)} |"
        )
    lines += [
        "",
        "**Levels** (point in time) — 40 quarterly series × 12 years climbing along a planted "
        "path (20/45/70/100% of the year's change by Q1–Q4); same replay, all quarters pooled.",
        "",
        "| method | predictions | unknown | class accuracy | met/missed accuracy | MAPE "
        "| 90% interval coverage |",
        "|---|---|---|---|---|---|---|",
    ]
    for method, row in result["levels"].items():
        lines.append(
            f"| {method} | {row['predictions']} | {_f(row['unknown_share'], True)} "
            f"| {_f(row['class_accuracy'], True)} | {_f(row['met_vs_missed_accuracy'], True)} "
            f"| {row['mape_pct']:.2f}% | {_f(row['interval_coverage'], True)} |"
        )
    k = result["tasks"]
    lines += [
        "",
        f"**Tasks** — {k['n']} open tasks scored half-way through their schedule "
        f"(late share {_f(k['late_share'], True)}); a unit's record counts only tasks finished "
        "before that day.",
        "",
        f"- scorecard AUC {_f(k['auc'])}, Brier score {_f(k['brier'])}",
        f"- later half only: scorecard AUC {_f(k['scorecard_auc_test'])}; logistic regression "
        f"fitted on the earlier half AUC {_f(k['fitted_auc_test'])} "
        f"(coefficients {', '.join(str(b) for b in k['fitted_coefficients'])} for intercept, "
        "logit of the track record, gap, silent weeks, extensions)",
        "",
        "| predicted late | tasks | mean predicted | observed late |",
        "|---|---|---|---|",
    ]
    for row in k["calibration"]:
        lines.append(
            f"| {row['bin']} | {row['n']} | {_f(row['mean_predicted'])} "
            f"| {_f(row['observed_late'])} |"
        )
    lines += ["", "| class | tasks | observed late |", "|---|---|---|"]
    for cls, row in k["class_late_rates"].items():
        lines.append(f"| {cls} | {row['n']} | {_f(row['observed_late'], True)} |")
    return "\n".join(lines) + "\n"


def write_block(path: Path, name: str, text: str) -> None:
    """Replace (or append) the block ``<!-- section:name -->…<!-- /section:name -->`` in a file."""
    block = f"<!-- section:{name} -->\n{text.rstrip()}\n<!-- /section:{name} -->"
    pattern = re.compile(
        rf"<!-- section:{re.escape(name)} -->.*?<!-- /section:{re.escape(name)} -->", re.S
    )
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if pattern.search(old):
        new = pattern.sub(lambda _m: block, old)
    else:
        new = (old.rstrip() + "\n\n" if old.strip() else "") + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")
