"""Target outlook: closed-form run-rate, needed rate, seasonal and thin-data cases."""

import math
from decimal import Decimal as D

import pytest

from tiendo.indicators.rules import Bound, Direction, TargetSpec
from tiendo.outlook.rules import (
    Risk,
    TargetBand,
    classify,
    target_band,
    target_outlook,
)
from tiendo.outlook.stats import seasonal_profile, t90
from tiendo.outlook.wording import NOT_ENOUGH_DATA


def q(x: float) -> D:
    """The rounding the rules apply to their outputs (4 places)."""
    return D(repr(round(x, 4)))


def band(value, bound=Bound.EQ, direction=Direction.HIGHER, high=None):
    return target_band(TargetSpec(D(value), bound, D(high) if high else None), direction)


@pytest.mark.parametrize(
    ("value", "bound", "direction", "high", "lo", "hi"),
    [
        ("9.77", Bound.EQ, Direction.HIGHER, None, D("9.77"), None),
        ("2", Bound.LE, Direction.LOWER, None, None, D("2")),
        ("2", Bound.EQ, Direction.LOWER, None, None, D("2")),
        ("70", Bound.GT, Direction.HIGHER, None, D("70"), None),
        ("4", Bound.LT, Direction.LOWER, None, None, D("4")),
        ("10.86", Bound.GE, Direction.HIGHER, None, D("10.86"), None),
        ("6.6", Bound.RANGE, Direction.RANGE, "6.8", D("6.6"), D("6.8")),
        ("10", Bound.ABOUT, Direction.HIGHER, None, D("9.80"), None),
        ("10", Bound.ABOUT, Direction.LOWER, None, None, D("10.20")),
        ("10", Bound.ABOUT, Direction.RANGE, None, D("9.80"), D("10.20")),
        ("40", Bound.EQ, Direction.RANGE, None, D("39.20"), D("40.80")),
    ],
)
def test_target_band_follows_bound_and_direction(value, bound, direction, high, lo, hi):
    b = band(value, bound, direction, high)
    assert (b.lo, b.hi) == (lo, hi)
    assert b.reference == D(value)


def test_cumulative_run_rate_with_two_increments_has_closed_form_interval():
    o = target_outlook(
        band=band("600"), accumulation="cumulative", periods_per_year=4,
        observed=[D("100"), D("250")],
    )  # fmt: skip
    # increments 100, 150: mean 125, sd 35.355…; year-end 250 + 2·125 = 500
    half = t90(1) * math.sqrt(1250) * math.sqrt(2 + 4 / 2)
    assert o.projected == D("500")
    assert (o.low, o.high) == (q(500 - half), q(500 + half))
    assert o.method == "run_rate"
    assert o.risk is Risk.AT_RISK
    assert o.needed_per_period == D("175")  # (600 − 250) / 2
    assert o.needed_bound == "min"
    assert "2 quý còn lại cần bình quân ít nhất 175 mỗi quý" in " ".join(o.reasons)


def test_cumulative_lower_is_better_needed_rate_is_a_ceiling():
    o = target_outlook(
        band=band("100", Bound.LE, Direction.LOWER), accumulation="cumulative",
        periods_per_year=4, observed=[D("30"), D("55")], unit="vụ",
    )  # fmt: skip
    assert o.projected == D("110")  # 55 + 2·27,5
    assert o.risk is Risk.AT_RISK
    assert o.needed_per_period == D("22.5")  # (100 − 55) / 2
    assert o.needed_bound == "max"
    assert "cần bình quân không quá 22,5 vụ mỗi quý" in " ".join(o.reasons)


def test_cumulative_single_quarter_uses_uniform_prior_and_flags_a_far_miss():
    o = target_outlook(
        band=band("14867"), accumulation="cumulative", periods_per_year=4,
        observed=[D("578.9")], unit="tỷ đồng",
    )  # fmt: skip
    assert o.projected == D("2315.6")  # 578,9 / (1/4)
    assert (o.low, o.high) == (q(578.9 / 0.375), q(578.9 / 0.125))
    assert o.method == "prior"
    assert o.thin
    assert o.risk is Risk.OFF_COURSE
    assert o.needed_per_period == D("4762.7")  # (14867 − 578,9) / 3
    assert o.reasons[0] == (
        "Lũy kế đến hết quý I: 578,9 tỷ đồng, bằng 3,89% kế hoạch năm (14.867 tỷ đồng)."
    )


def test_attainment_share_alone_is_turned_into_an_amount_of_the_plan():
    o = target_outlook(
        band=band("14867"), accumulation="cumulative", periods_per_year=4,
        observed=[None], ytd_share_pct=D("3.89"),
    )  # fmt: skip
    assert o.projected == q(3.89 / 100 * 14867 * 4)
    assert o.risk is Risk.OFF_COURSE


def test_share_of_plan_as_the_indicator_itself():
    o = target_outlook(
        band=band("100"), accumulation="cumulative", periods_per_year=4, observed=[D("3.89")],
        unit="%",
    )  # fmt: skip
    assert o.projected == D("15.56")
    assert o.needed_per_period == q((100 - 3.89) / 3)
    assert o.risk is Risk.OFF_COURSE


def test_one_data_point_near_the_target_is_unknown_with_not_enough_data():
    o = target_outlook(
        band=band("14000"), accumulation="cumulative", periods_per_year=4,
        observed=[D("3500")],
    )  # fmt: skip
    assert o.projected == D("14000")
    assert o.risk is Risk.UNKNOWN
    assert o.probability is None
    assert any(NOT_ENOUGH_DATA in r for r in o.reasons)


def test_one_point_in_time_value_near_the_target_is_unknown():
    o = target_outlook(
        band=band("95"), accumulation="point_in_time", periods_per_year=4, observed=[D("94")],
    )  # fmt: skip
    assert o.risk is Risk.UNKNOWN
    assert any(NOT_ENOUGH_DATA in r for r in o.reasons)


def test_no_observation_at_all_is_unknown_without_numbers():
    o = target_outlook(band=band("10"), accumulation="point_in_time", periods_per_year=4,
                       observed=[None, None])  # fmt: skip
    assert (o.projected, o.low, o.high, o.needed_per_period) == (None, None, None, None)
    assert o.risk is Risk.UNKNOWN
    assert o.reasons == (f"Chưa có số liệu năm nay, {NOT_ENOUGH_DATA} để dự báo.",)


def test_point_in_time_growth_far_below_plan_is_off_course_with_prior_interval():
    o = target_outlook(
        band=band("10.95"), accumulation="point_in_time", periods_per_year=4,
        observed=[D("8.24")], unit="%",
    )  # fmt: skip
    half = 0.15 * 10.95 * 3 / 4
    assert o.projected == D("8.24")
    assert (o.low, o.high) == (q(8.24 - half), q(8.24 + half))
    assert o.risk is Risk.OFF_COURSE
    assert o.needed_per_period == q((10.95 - 8.24) / 3)
    assert "mỗi quý còn lại cần tăng bình quân 0,9 điểm %" in " ".join(o.reasons)


def test_ytd_average_needed_rate_is_the_average_of_remaining_periods():
    o = target_outlook(
        band=band("10.95"), accumulation="ytd_average", periods_per_year=4,
        observed=[D("8.24")], unit="%",
    )  # fmt: skip
    assert o.needed_per_period == q((10.95 * 4 - 8.24) / 3)  # 11,8533
    assert o.risk is Risk.OFF_COURSE


def test_ytd_average_with_two_periods_has_closed_form_interval():
    o = target_outlook(
        band=band("10"), accumulation="ytd_average", periods_per_year=4,
        observed=[D("8"), D("9")],
    )  # fmt: skip
    # implied period values 8 and 10: sd √2; half = t(1)·√2·√(2 + 4/2) / 4
    half = t90(1) * math.sqrt(2) * 2 / 4
    assert o.projected == D("9")
    assert (o.low, o.high) == (q(9 - half), q(9 + half))
    assert o.needed_per_period == D("11")  # (10·4 − 9·2) / 2
    assert o.risk is Risk.AT_RISK


def test_point_in_time_linear_trend_with_three_points():
    o = target_outlook(
        band=band("90"), accumulation="point_in_time", periods_per_year=4,
        observed=[D("80"), D("82"), D("84")],
    )  # fmt: skip
    assert o.method == "trend"
    assert (o.projected, o.low, o.high) == (D("86"), D("86"), D("86"))  # 80 + 2·(4 − 1)
    assert o.risk is Risk.OFF_COURSE
    assert o.needed_per_period == D("6")


def test_point_in_time_lower_is_better_on_course_with_falling_trend():
    o = target_outlook(
        band=band("2.5", Bound.LE, Direction.LOWER), accumulation="point_in_time",
        periods_per_year=4, observed=[D("3.0"), D("2.8"), D("2.6")],
    )  # fmt: skip
    assert o.projected == D("2.4")
    assert o.risk is Risk.ON_COURSE
    assert o.needed_bound == "max"
    assert o.needed_per_period == D("-0.1")


def test_range_target_inside_is_on_course():
    o = target_outlook(
        band=band("6.6", Bound.RANGE, Direction.RANGE, "6.8"), accumulation="point_in_time",
        periods_per_year=4, observed=[D("6.5"), D("6.6"), D("6.7")],
    )  # fmt: skip
    assert o.projected == D("6.8")
    assert o.risk is Risk.ON_COURSE
    assert o.needed_per_period is None


def test_seasonal_projection_divides_by_the_usual_share():
    history = {2023: [D(10), D(30), D(55), D(100)], 2024: [D(20), D(40), D(70), D(100)]}
    o = target_outlook(
        band=band("90"), accumulation="cumulative", periods_per_year=4, observed=[D(15)],
        history=history,
    )  # fmt: skip
    # shares 0,1 and 0,2: mean 0,15, sd 0,0707; half = t(1)·sd·√(1 + 1/2)
    half = t90(1) * math.sqrt(0.005) * math.sqrt(1.5)
    s_lo, s_hi = max(0.15 - half, 0.015), min(0.15 + half, 1.0)
    assert o.method == "seasonal"
    assert o.projected == D("100")
    assert (o.low, o.high) == (q(15 / s_hi), q(15 / s_lo))
    assert o.risk is Risk.ON_COURSE
    assert "thường đạt 15% tổng cả năm (từ 10% đến 20%, 2 năm)" in " ".join(o.reasons)


def test_seasonal_level_projection_adds_the_usual_change_to_year_end():
    history = {2023: [D(80), D(82), D(84), D(90)], 2024: [D(81), D(83), D(86), D(93)]}
    o = target_outlook(
        band=band("95"), accumulation="point_in_time", periods_per_year=4, observed=[D(85)],
        history=history,
    )  # fmt: skip
    # changes from Q1 to year end: 10 and 12 → +11
    assert o.projected == D("96")
    assert o.method == "seasonal"
    assert o.risk is Risk.ON_COURSE


def test_full_year_is_final_and_has_no_needed_rate():
    o = target_outlook(
        band=band("100"), accumulation="cumulative", periods_per_year=4,
        observed=[D(20), D(45), D(70), D(98)],
    )  # fmt: skip
    assert (o.projected, o.low, o.high) == (D(98), D(98), D(98))
    assert o.method == "final"
    assert o.risk is Risk.OFF_COURSE
    assert o.needed_per_period is None


def test_seasonal_profile_skips_incomplete_years():
    history = {2022: [D(10), None, None, None], 2023: [D(25), D(50), D(75), D(100)]}
    assert seasonal_profile(history, 1) == [0.25]


@pytest.mark.parametrize(
    ("projected", "low", "high", "thin", "risk"),
    [
        (110, 100, 120, False, Risk.ON_COURSE),
        (90, 80, 105, False, Risk.AT_RISK),
        (90, 80, 99, False, Risk.OFF_COURSE),
        (110, 95, 120, True, Risk.UNKNOWN),
        (110, 101, 120, True, Risk.ON_COURSE),
        (90, 80, 99, True, Risk.OFF_COURSE),
    ],
)
def test_classify_against_a_floor(projected, low, high, thin, risk):
    floor = TargetBand(D(100), None, D(100))
    assert classify(floor, projected, low, high, thin=thin) is risk


def test_monthly_indicator_speaks_of_months():
    o = target_outlook(
        band=band("1200"), accumulation="cumulative", periods_per_year=12,
        observed=[D(100), D(190), D(300)],
    )  # fmt: skip
    assert o.projected == D("1200")  # 300 + 9·100
    assert "9 tháng còn lại" in " ".join(o.reasons)


def test_seasonal_share_near_zero_is_unknown_rather_than_a_division_by_zero():
    history = {2024: [D(0), D(10), D(20), D(100)], 2025: [D(1), D(5), D(30), D(100)]}
    o = target_outlook(
        band=band("100"), accumulation="cumulative", periods_per_year=4, observed=[D(5)],
        history=history,
    )  # fmt: skip
    assert o.risk is Risk.UNKNOWN
    assert o.projected is None
    assert NOT_ENOUGH_DATA in o.reasons[0]
