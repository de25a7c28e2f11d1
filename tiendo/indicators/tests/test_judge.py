"""``judge`` is ``assess`` without the sentence: the same verdict and attainment on every case."""

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from tiendo.indicators.rules import (
    MSG_NO_ACTUAL,
    MSG_NO_TARGET,
    Bound,
    Direction,
    TargetSpec,
    VerdictRule,
    assess,
    judge,
)

values = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False,
                     allow_infinity=False)


@given(actual=values, plan=values, bound=st.sampled_from([Bound.EQ, Bound.GT, Bound.GE,
                                                          Bound.LT, Bound.LE]),
       direction=st.sampled_from(list(Direction)),
       margin=st.sampled_from([None, D("0.05")]),
       stated=st.sampled_from([None, "achieved", "not_achieved", "exceeded"]))
def test_judge_gives_assess_verdict_and_attainment(actual, plan, bound, direction, margin,
                                                    stated):
    spec = TargetSpec(plan, bound)
    rule = VerdictRule(exceed_margin=margin)
    full, quick = (f(actual, spec, direction, rule, stated) for f in (assess, judge))
    assert (quick.verdict, quick.attainment) == (full.verdict, full.attainment)


def test_judge_without_a_figure_or_a_target_says_why():
    spec = TargetSpec(D("10"), Bound.GE)
    assert judge(None, spec, Direction.HIGHER).explanation_vi == MSG_NO_ACTUAL
    assert judge(D("5"), None, Direction.HIGHER).explanation_vi == MSG_NO_TARGET
