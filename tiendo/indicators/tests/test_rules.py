"""Table-driven tests of the pure indicator rules (docs/domain.md §Indicator verdicts); no
database."""

from decimal import Decimal

import pytest

from tiendo.indicators.rules import (
    MSG_NO_ACTUAL,
    MSG_NO_TARGET,
    Assessment,
    Bound,
    Direction,
    Rollup,
    RollupResult,
    TargetSpec,
    Verdict,
    VerdictRule,
    assess,
    change_pct,
    ratio_pct,
    roll_up,
)
from tiendo.shared.i18n import in_language

D = Decimal
H, L, R = Direction.HIGHER, Direction.LOWER, Direction.RANGE
EX, OK, NO = Verdict.EXCEEDED, Verdict.ACHIEVED, Verdict.NOT_ACHIEVED
LABELS_IN_VIETNAMESE = {v: in_language("vi", v.label) for v in Verdict}
LABELS_IN_ENGLISH = {v: in_language("en", v.label) for v in Verdict}


def t(value, bound=Bound.EQ, high=None):
    return TargetSpec(D(value), bound, D(high) if high is not None else None)


# (actual, target, direction, verdict, attainment)
ASSESS_TABLE = [
    # point targets, higher is better (GRDP growth 9,77%)
    ("7.47", t("9.77"), H, NO, "76.46"),
    ("9.77", t("9.77"), H, OK, "100.00"),
    ("10.2585", t("9.77"), H, OK, "105.00"),  # exactly 5% above: Đạt, not Vượt
    ("10.26", t("9.77"), H, EX, "105.02"),
    ("105", t("100"), H, OK, "105.00"),
    ("105.01", t("100"), H, EX, "105.01"),
    ("99.99", t("100"), H, NO, "99.99"),
    # point targets, lower is better (CPI 4%)
    ("4", t("4"), L, OK, "100.00"),
    ("3.8", t("4"), L, OK, "105.26"),  # exactly 5% below: Đạt
    ("3.79", t("4"), L, EX, "105.54"),
    ("4.1", t("4"), L, NO, "97.56"),
    # "trên 70%" (GT)
    ("70", t("70", Bound.GT), H, NO, "100.00"),
    ("70.01", t("70", Bound.GT), H, OK, "100.01"),
    ("73.5", t("70", Bound.GT), H, OK, "105.00"),
    ("73.6", t("70", Bound.GT), H, EX, "105.14"),
    ("69", t("70", Bound.GT), H, NO, "98.57"),
    # "từ 10,86% trở lên" (GE)
    ("10.86", t("10.86", Bound.GE), H, OK, "100.00"),
    ("10.85", t("10.86", Bound.GE), H, NO, "99.91"),
    ("11.5", t("10.86", Bound.GE), H, EX, "105.89"),
    # "nợ xấu không quá 2%" (LE, lower is better)
    ("2", t("2", Bound.LE), L, OK, "100.00"),
    ("1.95", t("2", Bound.LE), L, OK, "102.56"),
    ("1.9", t("2", Bound.LE), L, OK, "105.26"),  # exactly 5% of plan better: Đạt
    ("1.8", t("2", Bound.LE), L, EX, "111.11"),
    ("2.1", t("2", Bound.LE), L, NO, "95.24"),
    # "dưới 4" (LT)
    ("4", t("4", Bound.LT), L, NO, "100.00"),
    ("3.9", t("4", Bound.LT), L, OK, "102.56"),
    ("3", t("4", Bound.LT), L, EX, "133.33"),
    # range "6,6–6,8%": never Vượt
    ("6.6", t("6.6", Bound.RANGE, "6.8"), H, OK, "100.00"),
    ("6.8", t("6.6", Bound.RANGE, "6.8"), H, OK, "103.03"),
    ("7.5", t("6.6", Bound.RANGE, "6.8"), H, NO, "113.64"),
    ("6.5", t("6.6", Bound.RANGE, "6.8"), H, NO, "98.48"),
    ("6.7", t("6.6", Bound.RANGE, "6.8"), R, OK, "100.00"),
    ("6.7", t("6.6", Bound.RANGE, "6.8"), L, OK, "101.49"),
    # "khoảng 10" (ABOUT, ±2%)
    ("9.8", t("10", Bound.ABOUT), H, OK, "98.00"),
    ("10.2", t("10", Bound.ABOUT), H, OK, "102.00"),
    ("9.79", t("10", Bound.ABOUT), H, NO, "97.90"),
    ("10.4", t("10", Bound.ABOUT), H, OK, "104.00"),
    ("10.5", t("10", Bound.ABOUT), H, OK, "105.00"),
    ("10.6", t("10", Bound.ABOUT), H, EX, "106.00"),
    ("10.3", t("10", Bound.ABOUT), L, NO, "97.09"),
    ("9.7", t("10", Bound.ABOUT), L, OK, "103.09"),
    ("9.4", t("10", Bound.ABOUT), L, EX, "106.38"),
    ("10.5", t("10", Bound.ABOUT), R, NO, "105.00"),
    ("9.9", t("10", Bound.ABOUT), R, OK, "99.00"),
    # towards a point target (economic structure share 40%, ±2% of 40 = 0,8)
    ("40.5", t("40"), R, OK, "101.25"),
    ("39.2", t("40"), R, OK, "98.00"),
    ("41", t("40"), R, NO, "102.50"),
    # zero plan: no attainment, verdict by comparison
    ("0", t("0"), H, OK, None),
    ("3", t("0"), H, EX, None),
    ("-1", t("0"), H, NO, None),
    ("0", t("0"), L, OK, None),
    ("2", t("0"), L, NO, None),
    ("0", t("0", Bound.LE), L, OK, None),
    # negative growth values
    ("-1", t("-2"), H, EX, None),
    ("-1.95", t("-2"), H, OK, None),
    ("-2.05", t("-2"), H, NO, None),
    ("-4.13", t("5"), H, NO, "-82.60"),
    ("-0.5", t("4"), L, EX, None),  # deflation against a CPI cap
    ("-0.5", t("0", Bound.GT), H, NO, None),
]


@pytest.mark.parametrize(("actual", "target", "direction", "verdict", "attainment"), ASSESS_TABLE)
def test_assess_table(actual, target, direction, verdict, attainment):
    result = assess(D(actual), target, direction)
    assert result.verdict == verdict
    assert result.attainment == (D(attainment) if attainment is not None else None)
    if result.attainment is not None:
        assert result.attainment.as_tuple().exponent == -2


def test_assess_table_is_large_and_covers_every_direction_and_bound():
    assert len(ASSESS_TABLE) >= 30
    assert {row[2] for row in ASSESS_TABLE} == set(Direction)
    assert {row[1].bound for row in ASSESS_TABLE} == set(Bound)
    assert {row[3] for row in ASSESS_TABLE} == set(Verdict)


@pytest.mark.parametrize(
    ("actual", "target", "direction", "explanation_vi"),
    [
        (
            "7.47",
            t("9.77"),
            H,
            "Thực hiện 7,47 so với kế hoạch 9,77: đạt 76,46% kế hoạch, không đạt.",
        ),
        (
            "1.8",
            t("2", Bound.LE),
            L,
            "Thực hiện 1,8 so với kế hoạch không quá 2: đạt 111,11% kế hoạch, vượt.",
        ),
        (
            "10619",
            t("9000", Bound.GE),
            H,
            "Thực hiện 10.619 so với kế hoạch từ 9.000 trở lên: đạt 117,99% kế hoạch, vượt.",
        ),
        (
            "71",
            t("70", Bound.GT),
            H,
            "Thực hiện 71 so với kế hoạch trên 70: đạt 101,43% kế hoạch, đạt.",
        ),
        (
            "3",
            t("4", Bound.LT),
            L,
            "Thực hiện 3 so với kế hoạch dưới 4: đạt 133,33% kế hoạch, vượt.",
        ),
        (
            "6.7",
            t("6.6", Bound.RANGE, "6.8"),
            H,
            "Thực hiện 6,7 so với kế hoạch 6,6–6,8: đạt 101,52% kế hoạch, đạt.",
        ),
        (
            "10.1",
            t("10", Bound.ABOUT),
            H,
            "Thực hiện 10,1 so với kế hoạch khoảng 10: đạt 101% kế hoạch, đạt.",
        ),
        ("3", t("0"), H, "Thực hiện 3 so với kế hoạch 0: vượt."),
        ("-4.13", t("-2"), H, "Thực hiện -4,13 so với kế hoạch -2: không đạt."),
    ],
)
def test_assess_explains_in_one_vietnamese_sentence(actual, target, direction, explanation_vi):
    assert assess(D(actual), target, direction).explanation_vi == explanation_vi


def test_assess_explains_in_english_too():
    result = assess(D("7.47"), t("9.77"), H)
    assert result.explanation_en == "Actual 7.47 against plan 9.77: 76.46% of plan, not achieved."
    assert result.label_vi == "Không đạt"
    assert result.label_en == "Not achieved"


def test_no_actual_gives_no_verdict():
    assert assess(None, t("9.77"), H) == Assessment(
        None, None, MSG_NO_ACTUAL, "No actual figure yet."
    )
    assert assess(None, t("9.77"), H).label_vi == ""


def test_no_target_gives_no_verdict():
    result = assess(D("7.47"), None, L)
    assert (result.verdict, result.attainment, result.explanation_vi) == (
        None,
        None,
        MSG_NO_TARGET,
    )


def test_direction_may_be_given_as_its_stored_string():
    assert assess(D("10.26"), t("9.77"), "higher").verdict == EX
    assert assess(D("2.1"), t("2", "<="), "lower").verdict == NO
    with pytest.raises(ValueError):
        assess(D("1"), t("1"), "sideways")


@pytest.mark.parametrize(
    ("rule", "actual", "target", "direction", "verdict"),
    [
        (VerdictRule(exceed_margin=D("0.10")), "10.5", t("9.77"), H, OK),
        (VerdictRule(exceed_margin=D("0.10")), "10.75", t("9.77"), H, EX),
        (VerdictRule(exceed_margin=D("0")), "9.78", t("9.77"), H, EX),
        (VerdictRule(exceed_margin=D("0")), "9.77", t("9.77"), H, OK),
        (VerdictRule(exceed_on_bounds=False), "1.8", t("2", Bound.LE), L, OK),
        (VerdictRule(exceed_on_bounds=False), "90", t("70", Bound.GT), H, OK),
        (VerdictRule(exceed_on_bounds=False), "2.1", t("2", Bound.LE), L, NO),
        (VerdictRule(exceed_on_bounds=False), "11", t("10"), H, EX),  # point targets still Vượt
        (VerdictRule(about_tolerance=D("0.05")), "9.6", t("10", Bound.ABOUT), H, OK),
        (VerdictRule(about_tolerance=D("0.05")), "9.4", t("10", Bound.ABOUT), H, NO),
        (VerdictRule(about_tolerance=D("0")), "9.99", t("10", Bound.ABOUT), R, NO),
    ],
)
def test_verdict_rule_is_configurable(rule, actual, target, direction, verdict):
    assert assess(D(actual), target, direction, rule).verdict == verdict


def test_verdict_rule_describes_itself():
    assert VerdictRule().describe_vi() == (
        "Vượt: hơn kế hoạch trên 5% kế hoạch; Đạt: bằng hoặc tốt hơn kế hoạch; "
        'còn lại: Không đạt (chỉ tiêu "khoảng": sai lệch trong ±2% là Đạt).'
    )
    assert VerdictRule(exceed_margin=D("0.1"), exceed_on_bounds=False).describe_vi() == (
        "Vượt: hơn kế hoạch trên 10% kế hoạch; Đạt: bằng hoặc tốt hơn kế hoạch; "
        'còn lại: Không đạt (chỉ tiêu "khoảng": sai lệch trong ±2% là Đạt; '
        'chỉ tiêu ngưỡng "trên", "dưới", "không quá": chỉ Đạt hoặc Không đạt).'
    )
    assert (
        VerdictRule()
        .describe_en()
        .startswith("Exceeded: better than plan by more than 5% of plan; ")
    )


def test_verdict_labels():
    assert LABELS_IN_VIETNAMESE == {EX: "Vượt", OK: "Đạt", NO: "Không đạt"}
    assert set(LABELS_IN_ENGLISH) == set(Verdict)
    assert Verdict.EXCEEDED == "exceeded"
    assert Bound.LE == "<="
    assert Direction.RANGE == "range"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"value": D("6.6"), "bound": Bound.RANGE}, "value <= value_high"),
        ({"value": D("6.8"), "bound": Bound.RANGE, "value_high": D("6.6")}, "value <= value_high"),
        ({"value": D("6.6"), "bound": "between"}, "between"),
    ],
)
def test_target_spec_refuses_inconsistent_targets(kwargs, message):
    with pytest.raises(ValueError, match=message):
        TargetSpec(**kwargs)


def test_value_high_is_ignored_for_bounds_other_than_range():
    target = TargetSpec(D("9.77"), Bound.EQ, D("12"))
    assert assess(D("9.8"), target, H).verdict == OK
    assert target.describe_vi() == "9,77"


def test_target_spec_refuses_floats_and_accepts_strings():
    with pytest.raises(TypeError):
        TargetSpec(9.77)
    assert TargetSpec("9.77", ">=") == TargetSpec(D("9.77"), Bound.GE)


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        ("10619", "9870", "7.59"),
        ("90", "100", "-10.00"),
        ("100", "100", "0.00"),
        ("5", "-10", "150.00"),
        ("-15", "-10", "-50.00"),
        ("7.47", "0", None),
        (None, "1", None),
        ("1", None, None),
        ("1", "3", "-66.67"),
        ("2", "3", "-33.33"),
    ],
)
def test_change_pct(current, previous, expected):
    result = change_pct(
        D(current) if current is not None else None,
        D(previous) if previous is not None else None,
    )
    assert result == (D(expected) if expected is not None else None)


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        ("121", "100", "121.00"),
        ("1", "3", "33.33"),
        ("2", "3", "66.67"),
        ("0", "3", "0.00"),
        ("5", "0", None),
        ("5", "-1", None),
        (None, "3", None),
        ("3", None, None),
    ],
)
def test_ratio_pct(current, previous, expected):
    result = ratio_pct(
        D(current) if current is not None else None,
        D(previous) if previous is not None else None,
    )
    assert result == (D(expected) if expected is not None else None)


def _ds(*values):
    return [D(v) if v is not None else None for v in values]


@pytest.mark.parametrize(
    ("values", "rule", "weights", "expected"),
    [
        (_ds("1", "2", None), Rollup.SUM, None, RollupResult(D("3"), 2, 1)),
        (_ds(None, None), Rollup.SUM, None, RollupResult(None, 0, 2)),
        ([], Rollup.SUM, None, RollupResult(None, 0, 0)),
        (_ds("0", None), Rollup.SUM, None, RollupResult(D("0"), 1, 1)),
        (_ds("1", "2", None, "3"), Rollup.MEAN, None, RollupResult(D("2"), 3, 1)),
        (_ds(None), Rollup.MEAN, None, RollupResult(None, 0, 1)),
        (
            _ds("10", "20", None, "30"),
            Rollup.WEIGHTED,
            _ds("1", "3", "2", None),
            RollupResult(D("17.5"), 2, 2),
        ),
        (_ds("10", "20"), Rollup.WEIGHTED, _ds("0", "0"), RollupResult(None, 2, 0)),
        (_ds(None, None), Rollup.WEIGHTED, _ds("1", "1"), RollupResult(None, 0, 2)),
        (_ds("1", None, "3", None), Rollup.LAST, None, RollupResult(D("3"), 1, 2)),
        (_ds(None, None), Rollup.LAST, None, RollupResult(None, 0, 2)),
        (_ds("1", None, "3"), Rollup.NONE, None, RollupResult(None, 0, 1)),
        (_ds("1", "2"), "sum", None, RollupResult(D("3"), 2, 0)),
    ],
)
def test_roll_up_never_counts_missing_values_as_zero(values, rule, weights, expected):
    assert roll_up(values, rule, weights) == expected


def test_roll_up_mean_is_not_rounded():
    assert roll_up(_ds("1", "2", "2"), Rollup.MEAN).value == D(5) / D(3)


@pytest.mark.parametrize("weights", [None, _ds("1")])
def test_weighted_roll_up_needs_one_weight_per_value(weights):
    with pytest.raises(ValueError, match="one weight per value"):
        roll_up(_ds("1", "2"), Rollup.WEIGHTED, weights)


# --- property tests ---------------------------------------------------------------------------
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

RANK = {NO: 0, OK: 1, EX: 2}
amounts = st.decimals(
    min_value=D("-1e9"), max_value=D("1e9"), places=4, allow_nan=False, allow_infinity=False
)
positive = st.decimals(min_value=D("0.0001"), max_value=D("1e9"), places=4)


@given(amounts, amounts, amounts, st.sampled_from([Bound.EQ, Bound.GT, Bound.GE, Bound.ABOUT]))
def test_higher_actual_never_gives_a_worse_verdict_on_the_higher_side(a, b, value, bound):
    low, high = sorted((a, b))
    target = TargetSpec(value, bound)
    assert RANK[assess(low, target, H).verdict] <= RANK[assess(high, target, H).verdict]


@given(amounts, amounts, amounts, st.sampled_from([Bound.EQ, Bound.LT, Bound.LE, Bound.ABOUT]))
def test_lower_actual_never_gives_a_worse_verdict_on_the_lower_side(a, b, value, bound):
    low, high = sorted((a, b))
    target = TargetSpec(value, bound)
    assert RANK[assess(low, target, L).verdict] >= RANK[assess(high, target, L).verdict]


@given(amounts, amounts, amounts, st.sampled_from(list(Direction)))
def test_a_range_target_is_never_exceeded(actual, a, b, direction):
    low, high = sorted((a, b))
    result = assess(actual, TargetSpec(low, Bound.RANGE, high), direction)
    assert result.verdict == (OK if low <= actual <= high else NO)


@given(amounts, positive)
def test_exceeded_point_target_means_more_than_105_percent(actual, plan):
    result = assess(actual, TargetSpec(plan), H)
    assert result.attainment == (actual / plan * 100).quantize(D("0.01"), rounding="ROUND_HALF_UP")
    if result.verdict == EX:
        assert result.attainment >= D("105.00")
    if result.verdict == NO:
        assert result.attainment <= D("100.00")


@given(amounts, amounts, st.sampled_from(list(Bound)), st.sampled_from(list(Direction)))
def test_assess_always_gives_a_verdict_and_a_sentence(actual, value, bound, direction):
    high = value + 1 if bound == Bound.RANGE else None
    result = assess(actual, TargetSpec(value, bound, high), direction)
    assert result.verdict in set(Verdict)
    assert result.explanation_vi.startswith("Thực hiện ")
    assert result.explanation_vi.endswith(LABELS_IN_VIETNAMESE[result.verdict].lower() + ".")


@given(st.lists(st.one_of(st.none(), amounts), max_size=20))
def test_sum_ignores_missing_values_and_counts_them(values):
    result = roll_up(values, Rollup.SUM)
    present = [v for v in values if v is not None]
    assert (result.counted, result.missing) == (len(present), len(values) - len(present))
    assert result.value == (sum(present, D(0)) if present else None)


# --- the workspace's verdict policy ------------------------------------------------------

from tiendo.indicators.rules import issuer_verdict, verdict_rule_from  # noqa: E402


def test_policy_without_threshold_says_dat_however_far_above_plan():
    rule = verdict_rule_from({"exceed_margin": "", "about_tolerance": "0.02"})
    a = assess(Decimal("10619"), TargetSpec(Decimal("9950")), Direction.HIGHER, rule)
    assert a.verdict == Verdict.ACHIEVED and a.attainment == Decimal("106.72")
    assert assess(Decimal("3"), TargetSpec(Decimal("0")), Direction.HIGHER, rule).verdict == (
        Verdict.ACHIEVED)
    assert assess(Decimal("1"), TargetSpec(Decimal("2"), Bound.LE), Direction.LOWER,
                  rule).verdict == Verdict.ACHIEVED
    assert "Vượt chỉ khi" in rule.describe_vi()


def test_policy_with_a_configured_threshold_gives_vuot_beyond_it():
    rule = verdict_rule_from({"exceed_margin": "0.05"})
    assert assess(Decimal("10619"), TargetSpec(Decimal("9950")), Direction.HIGHER,
                  rule).verdict == Verdict.EXCEEDED
    assert assess(Decimal("10400"), TargetSpec(Decimal("9950")), Direction.HIGHER,
                  rule).verdict == Verdict.ACHIEVED


@pytest.mark.parametrize("raw", ["abc", "1.5", "-0.1", "NaN"])
def test_policy_rejects_a_threshold_that_is_not_a_share(raw):
    with pytest.raises(ValueError, match="exceed_margin"):
        verdict_rule_from({"exceed_margin": raw})


@pytest.mark.parametrize(("computed", "stated", "honour", "result"), [
    (Verdict.EXCEEDED, "achieved", True, Verdict.ACHIEVED),  # the report says đạt
    (Verdict.ACHIEVED, "exceeded", True, Verdict.EXCEEDED),  # vượt only when stated
    (Verdict.ACHIEVED, "not_achieved", False, Verdict.ACHIEVED),
    (Verdict.ACHIEVED, None, True, Verdict.ACHIEVED),
    (Verdict.ACHIEVED, "rubbish", True, Verdict.ACHIEVED),
    (None, "achieved", True, None),  # no plan: a stated verdict has nothing to hold to
])
def test_issuer_verdict_wins_when_stated(computed, stated, honour, result):
    rule = VerdictRule(exceed_margin=None, honour_stated=honour)
    assert issuer_verdict(computed, stated, rule) == result


def test_assess_explains_a_stated_verdict():
    a = assess(Decimal("10619"), TargetSpec(Decimal("9950")), Direction.HIGHER,
               VerdictRule(), stated="achieved")
    assert a.verdict == Verdict.ACHIEVED
    assert a.explanation_vi.endswith("đạt (theo đánh giá của cơ quan ban hành).")
