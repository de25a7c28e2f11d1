"""Properties of the target outlook over arbitrary inputs: no crash, ordered interval."""

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from tiendo.indicators.rules import Bound, Direction, TargetSpec
from tiendo.outlook.rules import Accumulation, Risk, target_band, target_outlook

values = st.decimals(min_value=-1000, max_value=100000, places=2, allow_nan=False)
maybe = st.one_of(st.none(), values)


@settings(max_examples=300, deadline=None)
@given(
    acc=st.sampled_from(list(Accumulation)),
    n_per=st.sampled_from([1, 2, 4, 12]),
    data=st.data(),
    target=st.decimals(min_value=-100, max_value=100000, places=2, allow_nan=False),
    bound=st.sampled_from([Bound.EQ, Bound.GE, Bound.LE, Bound.ABOUT]),
    direction=st.sampled_from(list(Direction)),
    years=st.integers(min_value=0, max_value=4),
)
def test_outlook_never_crashes_and_orders_its_interval(
    acc, n_per, data, target, bound, direction, years
):
    k = data.draw(st.integers(min_value=0, max_value=n_per))
    observed = data.draw(st.lists(maybe, min_size=k, max_size=k))
    history = {
        2020 + y: data.draw(st.lists(maybe, min_size=n_per, max_size=n_per)) for y in range(years)
    }
    band = target_band(TargetSpec(target, bound), direction)
    o = target_outlook(band=band, accumulation=acc, periods_per_year=n_per, observed=observed,
                       history=history)  # fmt: skip
    assert o.reasons
    assert o.method_vi
    if o.projected is None:
        assert o.risk is Risk.UNKNOWN
    else:
        assert o.low <= o.projected <= o.high
    if o.probability is not None:
        assert D(0) <= o.probability <= D(1)
