"""A framework (bộ tiêu chí) as data: criteria, bands, conditions, vetoes, quota. It is checked
and its formulas compiled when it is built; a framework that cannot be used raises
FrameworkError."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ..formula import BOOL, NUM, Formula, FormulaError, compile_formula, to_decimal
from .levels import (
    HOAN_THANH,
    KHONG_HOAN_THANH,
    OF_TOT,
    QUOTA_READINGS,
    TOT,
    XUAT_SAC,
    ZERO,
)
from .wording import fmt

REDISTRIBUTE_PROPORTIONAL = "proportional"
GROUPING_PEER = "peer_group"
GROUPING_PARENT = "parent"


class FrameworkError(ValueError):
    """A framework that cannot be used (bad formula, bad band, duplicate code...)."""


@dataclass(frozen=True)
class Criterion:
    code: str
    name_vi: str
    max_points: Decimal
    formula: str
    group: str = ""
    # Vietnamese sentence with {metric}, {points}, {max_points} placeholders.
    explain_vi: str = ""
    # True/false formula: when it is false there is nothing to measure, the criterion is
    # *không áp dụng* (0 of 0 points) and its weight goes to the others (Framework.redistribute).
    applies: str = ""
    # why it does not apply, e.g. "không có nhiệm vụ đến hạn trong kỳ"
    not_applicable_vi: str = ""


@dataclass(frozen=True)
class Condition:
    """To be rated ``level`` or better, ``formula`` (true/false) must hold."""

    code: str
    level: str
    formula: str
    text_vi: str  # the requirement; may hold {metric} placeholders
    # True: a setting of the office (or tiendo's default), not the regulation's wording; the
    # explanation says so.
    setting: bool = False


@dataclass(frozen=True)
class Veto:
    """When ``formula`` holds the subject is rated khong_hoan_thanh, whatever its score."""

    code: str
    name_vi: str
    formula: str
    setting: bool = False  # see Condition.setting


@dataclass(frozen=True)
class Bands:
    xuat_sac: Decimal = Decimal(90)
    tot: Decimal = Decimal(70)
    hoan_thanh: Decimal = Decimal(50)

    def level(self, score: Decimal) -> str:
        if score >= self.xuat_sac:
            return XUAT_SAC
        if score >= self.tot:
            return TOT
        if score >= self.hoan_thanh:
            return HOAN_THANH
        return KHONG_HOAN_THANH

    def text_vi(self, level: str) -> str:
        if level == XUAT_SAC:
            return f"từ {fmt(self.xuat_sac)} điểm"
        if level == TOT:
            return f"từ {fmt(self.tot)} đến dưới {fmt(self.xuat_sac)} điểm"
        if level == HOAN_THANH:
            return f"từ {fmt(self.hoan_thanh)} đến dưới {fmt(self.tot)} điểm"
        return f"dưới {fmt(self.hoan_thanh)} điểm"


@dataclass(frozen=True)
class TieKey:
    """A secondary key for the quota order: higher values first; missing values last."""

    formula: str
    label_vi: str


@dataclass(frozen=True)
class QuotaRule:
    """xuat_sac ≤ ``percent``% of tot (reading ``of_tot``) or of tot-or-better, per peer group.

    ``min_allowed`` lets an office allow that many xuat_sac in any group whatever its size
    (default 0: the percentage is applied strictly, so small groups may get none).
    """

    reading: str = OF_TOT
    percent: Decimal = Decimal(20)
    tie_break: tuple[TieKey, ...] = ()
    min_allowed: int = 0
    # How the rated units are grouped for the quota (used by the caller that builds the
    # subjects): ``parent`` = every subject under the same superior unit (the base organisations
    # of the whole Đảng bộ, the regulation's grouping); ``peer_group`` = the units' configured
    # groups of similar role and function (for per-unit quotas of civil servants as well).
    grouping: str = GROUPING_PEER


@dataclass(frozen=True)
class Framework:
    code: str
    version: int
    subject_kind: str
    period_kind: str
    criteria: tuple[Criterion, ...]
    bands: Bands = field(default_factory=Bands)
    conditions: tuple[Condition, ...] = ()
    vetoes: tuple[Veto, ...] = ()
    quota: QuotaRule = field(default_factory=QuotaRule)
    name_vi: str = ""
    # metric name -> Vietnamese label; when given, formulas may only read these names.
    metrics: Mapping[str, str] | None = None
    # metrics that add up over periods (counts of events), summed when folding a year.
    additive: frozenset[str] = frozenset()
    total_points: Decimal = Decimal(100)
    # What happens to the points of a criterion that does not apply: ``proportional`` = the
    # applicable criteria are scaled up in proportion to their maximum (the only reading shipped).
    redistribute: str = REDISTRIBUTE_PROPORTIONAL
    # what the subjects are called in explanations ("đơn vị", "người")
    subject_noun_vi: str = "đơn vị"

    def __post_init__(self):
        compiled = _compile_framework(self)
        object.__setattr__(self, "_compiled", compiled)

    def metric_label(self, name: str) -> str:
        if self.metrics and name in self.metrics:
            return self.metrics[name]
        return name


@dataclass(frozen=True)
class _Compiled:
    criteria: tuple[tuple[Criterion, Formula, Decimal, str], ...]
    conditions: tuple[tuple[Condition, Formula], ...]
    vetoes: tuple[tuple[Veto, Formula], ...]
    tie_keys: tuple[tuple[TieKey, Formula], ...]
    names: tuple[str, ...]
    applies: tuple[tuple[int, Formula], ...] = ()  # (criterion index, true/false formula)


def _compile(src: str, where: str, allowed, kind: str) -> Formula:
    try:
        return compile_formula(src, allowed_names=allowed, kind=kind)
    except FormulaError as exc:
        raise FrameworkError(f"{where} — {exc}") from exc


def _compile_framework(fw: Framework) -> _Compiled:
    _check_settings(fw)
    allowed = frozenset(fw.metrics) if fw.metrics is not None else None
    crit, applies, names = _compile_criteria(fw, allowed)
    conds = []
    for c in fw.conditions:
        if c.level not in (XUAT_SAC, TOT, HOAN_THANH):
            raise FrameworkError(f"Điều kiện {c.code}: mức không hợp lệ {c.level!r}")
        conds.append((c, _compile(c.formula, f"Điều kiện {c.code}", allowed, BOOL)))
    vetoes = tuple((v, _compile(v.formula, f"Điều kiện loại trừ {v.code}", allowed, BOOL))
                   for v in fw.vetoes)
    ties = tuple((t, _compile(t.formula, "Tiêu chí phân định đồng điểm", allowed, NUM))
                 for t in fw.quota.tie_break)
    for _, f in (*conds, *vetoes, *ties):
        _add_names(names, f)
    return _Compiled(tuple(crit), tuple(conds), vetoes, ties, tuple(names), tuple(applies))


def _check_settings(fw: Framework) -> None:
    """Everything but the formulas: period, bands, quota, redistribution."""
    if fw.period_kind not in ("quarter", "year", "month", "half"):
        raise FrameworkError(f"Kỳ đánh giá không hợp lệ: {fw.period_kind!r}")
    b = fw.bands
    if not (b.xuat_sac > b.tot > b.hoan_thanh >= 0):
        raise FrameworkError("Ngưỡng điểm phải giảm dần: xuất sắc > tốt > hoàn thành ≥ 0")
    if fw.quota.reading not in QUOTA_READINGS:
        raise FrameworkError(f"Cách tính hạn mức không hợp lệ: {fw.quota.reading!r}")
    if not (0 <= fw.quota.percent <= 100) or fw.quota.min_allowed < 0:
        raise FrameworkError("Tỉ lệ hạn mức phải từ 0 đến 100")
    if not fw.criteria:
        raise FrameworkError("Bộ tiêu chí chưa có tiêu chí nào")
    if fw.redistribute != REDISTRIBUTE_PROPORTIONAL:
        raise FrameworkError(f"Cách chia lại điểm không hợp lệ: {fw.redistribute!r}")
    if fw.quota.grouping not in (GROUPING_PEER, GROUPING_PARENT):
        raise FrameworkError(f"Cách nhóm đơn vị tính hạn mức không hợp lệ: "
                             f"{fw.quota.grouping!r}")


def _compile_criteria(fw: Framework, allowed: frozenset[str] | None
                      ) -> tuple[list, list[tuple[int, Formula]], list[str]]:
    """(criterion, formula, max points, its text) of each criterion, the formulas saying when
    a criterion applies, and the metric names read so far; the maxima must add up to the
    framework's total."""
    seen: set[str] = set()
    crit = []
    applies: list[tuple[int, Formula]] = []
    names: list[str] = []
    for c in fw.criteria:
        if c.code in seen:
            raise FrameworkError(f"Mã tiêu chí trùng: {c.code}")
        seen.add(c.code)
        mp = to_decimal(c.max_points)
        if mp is None or not (0 < mp < 1000):
            raise FrameworkError(f"Tiêu chí {c.code}: điểm tối đa phải lớn hơn 0 và dưới 1.000")
        f = _compile(c.formula, f"Tiêu chí {c.code}", allowed, NUM)
        crit.append((c, f, mp, fmt(mp)))
        _add_names(names, f)
        if c.applies:
            af = _compile(c.applies, f"Tiêu chí {c.code} (điều kiện áp dụng)", allowed, BOOL)
            applies.append((len(crit) - 1, af))
            _add_names(names, af)
    total = sum((mp for _, _, mp, _ in crit), ZERO)
    if total != to_decimal(fw.total_points):
        raise FrameworkError(
            f"Tổng điểm tối đa các tiêu chí là {fmt(total)}, phải bằng {fmt(fw.total_points)}")
    return crit, applies, names


def _add_names(names: list[str], f: Formula) -> None:
    names.extend(n for n in f.names if n not in names)
