"""Pure rules for indicators (chỉ tiêu): verdicts, attainment, comparisons and roll-ups.

docs/domain.md §Indicator verdicts. No ORM, no clock: plain ``Decimal`` values, enums and small
dataclasses (Django only to mark the labels and sentences for translation).

Verdict (:func:`assess`), with the default, configurable :class:`VerdictRule`:

- no actual figure or no target → no verdict;
- the *bound* of the target decides what "met" means:

  ======  ==========================================  ==================================
  bound   met (Đạt) when                              better side
  ======  ==========================================  ==================================
  EQ      HIGHER: actual ≥ plan; LOWER: actual ≤ plan  given by the direction
          RANGE (towards a target): within ±tolerance
  GT      actual > value ("trên 75%", "> 70%")        higher
  GE      actual ≥ value ("từ 10,86% trở lên")        higher
  LT      actual < value ("dưới 4")                   lower
  LE      actual ≤ value ("không quá 2%")             lower
  RANGE   value ≤ actual ≤ value_high ("6,6–6,8%")     none: never Vượt
  ABOUT   |actual − value| ≤ tolerance × |value|      given by the direction
          ("khoảng"); beyond the band on the better
          side also counts as met
  ======  ==========================================  ==================================

- Vượt (exceeded) when the target is met and the actual beats the plan (the bound value for
  GT/GE/LT/LE) on the better side by MORE than ``exceed_margin × |plan|`` (default 5%); exactly
  5% is Đạt. A direction of RANGE never gives Vượt. ``VerdictRule.exceed_on_bounds=False`` turns
  Vượt off for the threshold bounds GT/GE/LT/LE (some tables only say Đạt for "không quá 2%").
- ``exceed_margin=None`` (the workspace default, ``TIENDO_RULES``): no Vượt from the numbers —
  Đạt at 100% of plan or better. Vượt then comes only from a verdict the issuing body stated
  (:func:`issuer_verdict`: the report says "(KH: 9.950 tỷ đồng, đạt)" for 10.619, and tiendo
  says đạt too).
- A zero plan still gets a verdict by comparison (any strictly better actual is Vượt since the
  margin is 0).

Attainment (% of plan, 2 decimals, ROUND_HALF_UP): the plan is ``value`` (for a RANGE bound the
end that must be reached: ``value`` for HIGHER, ``value_high`` for LOWER, the midpoint for
RANGE). HIGHER and RANGE: actual / plan × 100, only when plan > 0. LOWER: plan / actual × 100
(beating a cap gives more than 100%), only when plan > 0 and actual > 0. Otherwise ``None``: a
ratio against a zero or negative number means nothing (e.g. growth of −2%).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cache

from django.db.models import TextChoices
from django.utils.translation import gettext_noop, pgettext_lazy

from tiendo.lib.messages import Message
from tiendo.shared.i18n import Number, in_language, render, translate

__all__ = [
    "MSG_NO_ACTUAL",
    "MSG_NO_TARGET",
    "Assessment",
    "Bound",
    "Direction",
    "Rollup",
    "RollupResult",
    "TargetSpec",
    "Verdict",
    "VerdictRule",
    "assess",
    "change_pct",
    "issuer_verdict",
    "judge",
    "ratio_pct",
    "roll_up",
    "verdict_rule_from",
]

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


class Direction(StrEnum):
    HIGHER = "higher"  # cao hơn là tốt hơn
    LOWER = "lower"  # thấp hơn là tốt hơn (CPI, hộ nghèo, nợ xấu…)
    RANGE = "range"  # hướng tới một mức / trong khoảng (cơ cấu kinh tế)


class Bound(StrEnum):
    EQ = "="  # point target "9,77%"
    GT = ">"  # "> 70%", "trên 75%"
    GE = ">="  # "từ 10,86% trở lên"
    LT = "<"  # "dưới 4"
    LE = "<="  # "không quá 2%"
    RANGE = "range"  # "6,6–6,8%": value..value_high
    ABOUT = "about"  # "khoảng 10%"


class Verdict(TextChoices):
    # A context of their own: the dashboard's "Đạt"/"Không đạt" counts read "Met"/"Not met".
    EXCEEDED = "exceeded", pgettext_lazy("verdict", "Vượt")
    ACHIEVED = "achieved", pgettext_lazy("verdict", "Đạt")
    NOT_ACHIEVED = "not_achieved", pgettext_lazy("verdict", "Không đạt")


MSG_NO_ACTUAL = gettext_noop("Chưa có số liệu thực hiện.")
MSG_NO_TARGET = gettext_noop("Chưa có chỉ tiêu kế hoạch.")
MSG_BAD_RANGE = "a RANGE target needs value <= value_high"


# Looked up once per language: switching the language costs more than the rest of a label.
@cache
def _label_in(language: str, verdict: Verdict) -> str:
    return in_language(language, Verdict(verdict).label)



def _dec(value: Decimal | int | str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (bool, float)):
        raise TypeError("use Decimal (or int/str), not float or bool")
    return Decimal(value)


@dataclass(frozen=True)
class TargetSpec:
    """A target as written: a point, a bound, a range or "khoảng".

    ``value_high`` is only read for a RANGE bound (and must then be ≥ ``value``).
    """

    value: Decimal
    bound: Bound = Bound.EQ
    value_high: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", _dec(self.value))
        object.__setattr__(self, "bound", Bound(self.bound))
        if self.value_high is not None:
            object.__setattr__(self, "value_high", _dec(self.value_high))
        # value_high is ignored for bounds other than RANGE (a stored row may carry one).
        if self.bound == Bound.RANGE and (self.value_high is None or self.value_high < self.value):
            raise ValueError(MSG_BAD_RANGE)

    def describe(self) -> Message:
        """The target in words: "9,77", "trên 70", "không quá 2", "6,6–6,8"."""
        params = {"value": Number(self.value)}
        if self.bound == Bound.RANGE:
            assert self.value_high is not None  # noqa: S101 - guaranteed by __post_init__
            params["high"] = Number(self.value_high)
        return Message(_BOUND_WORDS[self.bound], params)

    def describe_vi(self) -> str:
        return str(self.describe())

    def describe_en(self) -> str:
        return render(self.describe(), "en")


_BOUND_WORDS = {
    Bound.EQ: "%(value)s",
    Bound.GT: gettext_noop("trên %(value)s"),
    Bound.GE: gettext_noop("từ %(value)s trở lên"),
    Bound.LT: gettext_noop("dưới %(value)s"),
    Bound.LE: gettext_noop("không quá %(value)s"),
    Bound.RANGE: "%(value)s–%(high)s",
    Bound.ABOUT: gettext_noop("khoảng %(value)s"),
}


@dataclass(frozen=True)
class VerdictRule:
    """The configurable line between Vượt, Đạt and Không đạt (shown beside each verdict)."""

    exceed_margin: Decimal | None = Decimal("0.05")  # None: never Vượt from the numbers
    about_tolerance: Decimal = Decimal("0.02")
    exceed_on_bounds: bool = True
    honour_stated: bool = True  # a verdict the issuer stated wins (issuer_verdict)

    def describe(self) -> Message:
        """The rule in words, shown beside the verdicts."""
        tolerance = Number(self.about_tolerance * HUNDRED, percent=True)
        if self.exceed_margin is None:
            return Message(_RULE_WITHOUT_MARGIN, {"tolerance": tolerance})
        margin = Number(self.exceed_margin * HUNDRED, percent=True)
        template = _RULE_WITH_MARGIN if self.exceed_on_bounds else _RULE_WITH_MARGIN_NOT_ON_BOUNDS
        return Message(template, {"margin": margin, "tolerance": tolerance})

    def describe_vi(self) -> str:
        return str(self.describe())

    def describe_en(self) -> str:
        return render(self.describe(), "en")


_RULE_WITHOUT_MARGIN = gettext_noop(
    "Đạt: bằng hoặc tốt hơn kế hoạch (từ 100%% kế hoạch); còn lại: Không đạt "
    '(chỉ tiêu "khoảng": sai lệch trong ±%(tolerance)s là Đạt); Vượt chỉ khi '
    "cơ quan ban hành báo cáo đánh giá là vượt.")
_RULE_WITH_MARGIN = gettext_noop(
    "Vượt: hơn kế hoạch trên %(margin)s kế hoạch; Đạt: bằng hoặc tốt hơn kế hoạch; còn lại: "
    'Không đạt (chỉ tiêu "khoảng": sai lệch trong ±%(tolerance)s là Đạt).')
_RULE_WITH_MARGIN_NOT_ON_BOUNDS = gettext_noop(
    "Vượt: hơn kế hoạch trên %(margin)s kế hoạch; Đạt: bằng hoặc tốt hơn kế hoạch; còn lại: "
    'Không đạt (chỉ tiêu "khoảng": sai lệch trong ±%(tolerance)s là Đạt; chỉ tiêu ngưỡng '
    '"trên", "dưới", "không quá": chỉ Đạt hoặc Không đạt).')


@dataclass(frozen=True)
class Assessment:
    """A verdict, the attainment and the sentence explaining them (``message``), which
    :attr:`explanation` gives in the active language; ``explanation_vi`` and ``explanation_en``
    hold it rendered in each language for readers that want one of them whatever the page's."""

    verdict: Verdict | None
    attainment: Decimal | None
    explanation_vi: str
    explanation_en: str = ""
    message: Message | None = field(default=None, compare=False, repr=False)

    @property
    def explanation(self) -> str:
        return translate(self.message) if self.message is not None else self.explanation_vi

    @property
    def label_vi(self) -> str:
        return _label_in("vi", self.verdict) if self.verdict else ""

    @property
    def label_en(self) -> str:
        return _label_in("en", self.verdict) if self.verdict else ""


def _q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _plan_for_attainment(target: TargetSpec, direction: Direction) -> Decimal:
    if target.bound != Bound.RANGE:
        return target.value
    assert target.value_high is not None  # noqa: S101 - guaranteed by TargetSpec
    if direction == Direction.HIGHER:
        return target.value
    if direction == Direction.LOWER:
        return target.value_high
    return (target.value + target.value_high) / 2


def _attainment(actual: Decimal, plan: Decimal, direction: Direction) -> Decimal | None:
    if plan <= 0:
        return None
    if direction == Direction.LOWER:
        if actual <= 0:
            return None
        return _q2(plan / actual * HUNDRED)
    return _q2(actual / plan * HUNDRED)


def _better_by(actual: Decimal, plan: Decimal, side: Direction) -> Decimal:
    """How far ``actual`` is on the better side of ``plan`` (negative when worse)."""
    return actual - plan if side == Direction.HIGHER else plan - actual


def _verdict(
    actual: Decimal, target: TargetSpec, direction: Direction, rule: VerdictRule
) -> Verdict:
    v = target.value
    # No threshold: nothing is "better by more than the margin" (an infinite margin).
    margin = (rule.exceed_margin * abs(v) if rule.exceed_margin is not None
              else Decimal("Infinity"))
    bound = target.bound

    if bound == Bound.RANGE:
        assert target.value_high is not None  # noqa: S101 - guaranteed by TargetSpec
        inside = v <= actual <= target.value_high
        return Verdict.ACHIEVED if inside else Verdict.NOT_ACHIEVED

    if bound in (Bound.GT, Bound.GE, Bound.LT, Bound.LE):
        side = Direction.HIGHER if bound in (Bound.GT, Bound.GE) else Direction.LOWER
        met = {
            Bound.GT: actual > v,
            Bound.GE: actual >= v,
            Bound.LT: actual < v,
            Bound.LE: actual <= v,
        }[bound]
        if not met:
            return Verdict.NOT_ACHIEVED
        if rule.exceed_on_bounds and _better_by(actual, v, side) > margin:
            return Verdict.EXCEEDED
        return Verdict.ACHIEVED

    if bound == Bound.ABOUT:
        band = rule.about_tolerance * abs(v)
        if abs(actual - v) <= band:
            return Verdict.ACHIEVED
        if direction == Direction.RANGE:
            return Verdict.NOT_ACHIEVED
        better = _better_by(actual, v, direction)
        if better < 0:
            return Verdict.NOT_ACHIEVED
        return Verdict.EXCEEDED if better > margin else Verdict.ACHIEVED

    # Bound.EQ: a point target, read through the direction.
    if direction == Direction.RANGE:
        band = rule.about_tolerance * abs(v)
        return Verdict.ACHIEVED if abs(actual - v) <= band else Verdict.NOT_ACHIEVED
    better = _better_by(actual, v, direction)
    if better < 0:
        return Verdict.NOT_ACHIEVED
    return Verdict.EXCEEDED if better > margin else Verdict.ACHIEVED


def assess(
    actual: Decimal | None,
    target: TargetSpec | None,
    direction: Direction | str,
    rule: VerdictRule = VerdictRule(),  # frozen, so a shared default is safe
    stated: str | None = None,
) -> Assessment:
    """Verdict and attainment of an actual figure against a target (see the module docstring).

    The explanation reads e.g. "Thực hiện 7,47 so với kế hoạch 9,77: đạt 76,46% kế hoạch,
    không đạt."
    """
    direction = Direction(direction)
    if actual is None or target is None:
        return _explained(None, None, Message(MSG_NO_ACTUAL if actual is None else MSG_NO_TARGET))
    actual = _dec(actual)
    computed = _verdict(actual, target, direction, rule)
    verdict = issuer_verdict(computed, stated, rule) or computed  # never None here
    attainment = _attainment(actual, _plan_for_attainment(target, direction), direction)

    params = {"actual": Number(actual), "plan": target.describe(),
              "verdict": Message(_VERDICT_WORDS[verdict])}
    if attainment is not None:
        params["attainment"] = Number(attainment, percent=True)
    template = _EXPLANATIONS[attainment is not None, verdict != computed]
    return _explained(verdict, attainment, Message(template, params))


def judge(
    actual: Decimal | None,
    target: TargetSpec | None,
    direction: Direction | str,
    rule: VerdictRule = VerdictRule(),
    stated: str | None = None,
) -> Assessment:
    """:func:`assess` without its explanation sentence: the same verdict and attainment (the
    same rule functions), at a fraction of the cost, for readers that count verdicts over a
    whole province (the report, reminders, ratings) and never print the sentence."""
    if actual is None:
        return Assessment(None, None, MSG_NO_ACTUAL)
    if target is None:
        return Assessment(None, None, MSG_NO_TARGET)
    direction = Direction(direction)
    actual = _dec(actual)
    computed = _verdict(actual, target, direction, rule)
    return Assessment(issuer_verdict(computed, stated, rule) or computed,
                      _attainment(actual, _plan_for_attainment(target, direction), direction), "")


def _explained(verdict: Verdict | None, attainment: Decimal | None,
               message: Message) -> Assessment:
    return Assessment(verdict, attainment, str(message), render(message, "en"), message)


# The explanation, by (there is an attainment, the issuer's stated verdict won).
_EXPLANATIONS = {
    (False, False): gettext_noop("Thực hiện %(actual)s so với kế hoạch %(plan)s: %(verdict)s."),
    (True, False): gettext_noop(
        "Thực hiện %(actual)s so với kế hoạch %(plan)s: đạt %(attainment)s kế hoạch, "
        "%(verdict)s."),
    (False, True): gettext_noop(
        "Thực hiện %(actual)s so với kế hoạch %(plan)s: %(verdict)s "
        "(theo đánh giá của cơ quan ban hành)."),
    (True, True): gettext_noop(
        "Thực hiện %(actual)s so với kế hoạch %(plan)s: đạt %(attainment)s kế hoạch, "
        "%(verdict)s (theo đánh giá của cơ quan ban hành)."),
}
_VERDICT_WORDS = {
    Verdict.EXCEEDED: gettext_noop("vượt"),
    Verdict.ACHIEVED: gettext_noop("đạt"),
    Verdict.NOT_ACHIEVED: gettext_noop("không đạt"),
}


def verdict_rule_from(rules: dict) -> VerdictRule:
    """The workspace's verdict policy from its settings (``TIENDO_RULES``). An empty or missing
    ``exceed_margin`` means no Vượt from the numbers (the default: docs/domain.md §Indicator
    verdicts leaves the line between Vượt and Đạt to each issuer). Raises ValueError on a value
    that is not a number between 0 and 1."""
    raw = rules.get("exceed_margin")
    margin = None
    if raw not in (None, ""):
        try:
            margin = Decimal(str(raw))
        except ArithmeticError as exc:
            raise ValueError(f"exceed_margin must be a number, got {raw!r}") from exc
        if not margin.is_finite() or not (0 <= margin < 1):
            raise ValueError(f"exceed_margin must be between 0 and 1, got {raw!r}")
    return VerdictRule(exceed_margin=margin,
                       about_tolerance=Decimal(str(rules.get("about_tolerance", "0.02"))),
                       honour_stated=bool(rules.get("honour_stated_verdicts", True)))


def issuer_verdict(computed: Verdict | None, stated: str | None,
                   rule: VerdictRule = VerdictRule()) -> Verdict | None:
    """The verdict as the issuing body states it. ``stated`` is the verdict written with the
    figure ("đạt", "không đạt", "vượt" as ``Verdict`` values, e.g. from the report a figure came
    from); it wins over the computed one when the rule honours stated verdicts and there is a
    computed one (a stated verdict with no plan to hold it against is not shown). Anything else
    keeps ``computed``."""
    if computed is None or not rule.honour_stated or not stated:
        return computed
    try:
        return Verdict(stated)
    except ValueError:
        return computed


def change_pct(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Change in percent against a base: (current − previous) / |previous| × 100, 2 decimals.

    "tăng 7,47% so với cùng kỳ". ``None`` when either is missing or the base is 0.
    """
    if current is None or previous is None:
        return None
    current, previous = _dec(current), _dec(previous)
    if previous == 0:
        return None
    return _q2((current - previous) / abs(previous) * HUNDRED)


def ratio_pct(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Ratio in percent, 100 = flat: current / previous × 100, 2 decimals ("bằng 121% cùng kỳ").

    ``None`` when either is missing or the base is 0 or negative (a ratio to a negative base
    means nothing).
    """
    if current is None or previous is None:
        return None
    current, previous = _dec(current), _dec(previous)
    if previous <= 0:
        return None
    return _q2(current / previous * HUNDRED)


class Rollup(StrEnum):
    SUM = "sum"  # cộng dồn (thu ngân sách của các xã)
    MEAN = "mean"  # bình quân
    WEIGHTED = "weighted"  # bình quân gia quyền
    LAST = "last"  # số cuối kỳ (dư nợ, tiền gửi: chỉ tiêu thời điểm)
    NONE = "none"  # không cộng được


@dataclass(frozen=True)
class RollupResult:
    """``value`` from ``counted`` rows; ``missing`` rows had no figure (not counted as zero)."""

    value: Decimal | None
    counted: int
    missing: int


def roll_up(
    values: Sequence[Decimal | None],
    rule: Rollup | str,
    weights: Sequence[Decimal | None] | None = None,
) -> RollupResult:
    """Combine child figures into one (e.g. communes into the province).

    Missing values are reported, never taken as zero. SUM and MEAN use the present values (all
    missing → ``None``). WEIGHTED = Σ(v·w) / Σw over rows where both are present (Σw = 0 →
    ``None``); a row missing either counts as missing. LAST is the last present value in the
    given order (``counted`` is 1). NONE gives ``None`` with ``counted`` 0. MEAN and WEIGHTED are
    not rounded.
    """
    rule = Rollup(rule)
    present = [_dec(v) for v in values if v is not None]
    missing = len(values) - len(present)

    if rule == Rollup.NONE:
        return RollupResult(None, 0, missing)
    if rule == Rollup.WEIGHTED:
        if weights is None or len(weights) != len(values):
            raise ValueError("WEIGHTED roll-up needs one weight per value")
        pairs = [
            (_dec(v), _dec(w))
            for v, w in zip(values, weights, strict=True)
            if v is not None and w is not None
        ]
        missing = len(values) - len(pairs)
        total_weight = sum((w for _, w in pairs), Decimal(0))
        if not pairs or total_weight == 0:
            return RollupResult(None, len(pairs), missing)
        weighted = sum((v * w for v, w in pairs), Decimal(0))
        return RollupResult(weighted / total_weight, len(pairs), missing)
    if not present:
        return RollupResult(None, 0, missing)
    if rule == Rollup.SUM:
        return RollupResult(sum(present, Decimal(0)), len(present), missing)
    if rule == Rollup.MEAN:
        return RollupResult(sum(present, Decimal(0)) / len(present), len(present), missing)
    return RollupResult(present[-1], 1, missing)
