"""Backtest: planted-profile recovery, reproducibility, AUC."""

import random
from decimal import Decimal as D

from benchmarks.outlook.backtest import (
    PROFILES,
    auc,
    backtest_targets,
    backtest_tasks,
    realized_class,
    synth_flows,
    synth_tasks,
)
from tiendo.indicators.rules import Bound, Direction, TargetSpec
from tiendo.outlook.rules import Risk, target_band, target_outlook
from tiendo.outlook.stats import seasonal_profile


def test_seasonal_profile_recovers_the_planted_back_loaded_profile():
    series = synth_flows(random.Random(5), n_series=4, years=30, profile_noise=0.05)
    back = next(s for s in series if s.name.startswith("back_loaded"))
    planted = [sum(PROFILES["back_loaded"][:k]) for k in (1, 2, 3)]  # 0,10 / 0,30 / 0,55
    for k, share in zip((1, 2, 3), planted, strict=True):
        estimated = seasonal_profile(back.ytd, k)
        assert abs(sum(estimated) / len(estimated) - share) < 0.01


def test_seasonal_projection_after_q1_recovers_the_year_from_a_back_loaded_start():
    series = synth_flows(random.Random(5), n_series=4, years=12, profile_noise=0.03,
                         total_noise=0.0)  # fmt: skip
    back = next(s for s in series if s.name.startswith("back_loaded"))
    years = sorted(back.ytd)
    history = {y: back.ytd[y] for y in years[:-1]}
    last = years[-1]
    band = target_band(TargetSpec(back.plans[last], Bound.EQ), Direction.HIGHER)
    seasonal = target_outlook(band=band, accumulation="cumulative", periods_per_year=4,
                              observed=back.ytd[last][:1], history=history)  # fmt: skip
    run_rate = target_outlook(band=band, accumulation="cumulative", periods_per_year=4,
                              observed=back.ytd[last][:1])  # fmt: skip
    actual = float(back.ytd[last][-1])
    assert abs(float(seasonal.projected) - actual) / actual < 0.05
    # The uniform run-rate under-projects a back-loaded flow by about 0,10·4 = 40%.
    assert float(run_rate.projected) / actual < 0.5
    assert float(seasonal.low) <= actual <= float(seasonal.high)


def test_backtest_is_reproducible_for_a_fixed_seed():
    a = backtest_targets(synth_flows(random.Random(2026), n_series=8))
    b = backtest_targets(synth_flows(random.Random(2026), n_series=8))
    c = backtest_targets(synth_flows(random.Random(2027), n_series=8))
    assert a == b
    assert a != c
    t1 = backtest_tasks(synth_tasks(random.Random(7), n_tasks=300))
    t2 = backtest_tasks(synth_tasks(random.Random(7), n_tasks=300))
    assert t1 == t2


def test_backtest_counts_every_replayed_prediction():
    result = backtest_targets(synth_flows(random.Random(1), n_series=4, years=5))
    # 4 series × 3 replayed years × 3 quarters per method
    assert result.overall["seasonal"]["predictions"] == 36
    assert result.overall["run_rate"]["predictions"] == 36


def test_auc_of_a_perfect_and_a_reversed_ranking():
    assert auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]) == 1.0
    assert auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]) == 0.0
    assert auc([0.5, 0.5], [0, 1]) == 0.5
    assert auc([0.5], [1]) is None


def test_realized_class_uses_a_five_percent_margin():
    assert realized_class(100, 100) is Risk.ON_COURSE
    assert realized_class(95, 100) is Risk.AT_RISK
    assert realized_class(94.9, 100) is Risk.OFF_COURSE


def test_synthetic_plans_are_decimals():
    s = synth_flows(random.Random(3), n_series=1, years=1)[0]
    assert isinstance(next(iter(s.plans.values())), D)


def test_write_block_replaces_only_its_own_section(tmp_path):
    from benchmarks.outlook.report import write_block

    path = tmp_path / "benchmarks.md"
    path.write_text(
        "# Benchmarks\n\n<!-- section:scoring -->\nA\n<!-- /section:scoring -->\n"
        "<!-- section:outlook -->\nold\n<!-- /section:outlook -->\n",
        encoding="utf-8",
    )
    write_block(path, "outlook", "new")
    assert path.read_text(encoding="utf-8") == (
        "# Benchmarks\n\n<!-- section:scoring -->\nA\n<!-- /section:scoring -->\n"
        "<!-- section:outlook -->\nnew\n<!-- /section:outlook -->\n"
    )
    write_block(tmp_path / "new.md", "outlook", "x")
    assert (tmp_path / "new.md").read_text(encoding="utf-8") == (
        "<!-- section:outlook -->\nx\n<!-- /section:outlook -->\n"
    )


def test_rendered_report_names_both_methods_and_the_auc():
    from benchmarks.outlook.report import render_markdown, run_backtest

    result = run_backtest()
    text = render_markdown(result)
    assert "| seasonal | all | 1200 |" in text
    assert "| run_rate | all | 1200 |" in text
    assert f"scorecard AUC {result['tasks']['auc']:.3f}" in text


def test_level_history_recovers_the_planted_change_to_year_end():
    from benchmarks.outlook.backtest import LEVEL_PATH, backtest_levels, synth_levels

    series = synth_levels(random.Random(9), n_series=3, years=40)
    s = series[0]
    band = target_band(TargetSpec(D(0), Bound.EQ), Direction.HIGHER)
    years = sorted(s.values)
    history = {y: s.values[y] for y in years[:-1]}
    o = target_outlook(band=band, accumulation="point_in_time", periods_per_year=4,
                       observed=s.values[years[-1]][:1], history=history)  # fmt: skip
    planted = s.yearly_change * (1 - LEVEL_PATH[0])
    change = float(o.projected) - float(s.values[years[-1]][0])
    assert abs(change - planted) < 0.25 * s.yearly_change
    result = backtest_levels(series)
    assert result["seasonal"]["predictions"] == 3 * 38 * 3
    assert result["seasonal"]["mape_pct"] < result["no_history"]["mape_pct"]
