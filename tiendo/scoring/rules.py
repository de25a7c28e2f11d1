"""Rating engine (xếp loại chất lượng): a pure, deterministic function from a framework and the
metrics of every subject to scores, levels and the reasons for them.

No Django, no ORM, no clock. DOMAIN.md §4 lives here; docs/scoring.md explains the choices.

Order of the rules for one subject
----------------------------------
1. Each criterion's formula is evaluated; the value is clamped to ``[0, max_points]`` and rounded
   to 2 decimals (ROUND_HALF_UP). A criterion whose value is missing is *not* counted as zero:
   the subject gets no score and no level ("thiếu dữ liệu") until the data is there.
2. ``score`` = the exact sum of the criteria points.
3. The band gives the starting level (``>= 90`` xuất sắc, ``>= 70`` tốt, ``>= 50`` hoàn thành).
4. Vetoes: any veto that holds sets ``khong_hoan_thanh`` (every veto that holds is named).
5. Further conditions are cumulative: a condition attached to a level applies to that level and
   every level above it. From the band downwards, the first level whose applicable conditions all
   hold is the subject's level; every failed condition is named.
   A veto or applicable condition that cannot be checked for lack of data leaves the subject
   without a level ("thiếu dữ liệu"), never silently passed or failed.
6. Quota per peer group (see :func:`quota_limit`).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from tiendo.lib.vn_numbers import format_vn_number

from .formula import BOOL, NUM, Formula, FormulaError, compile_formula, to_decimal

# --------------------------------------------------------------------------- levels

XUAT_SAC = "xuat_sac"
TOT = "tot"
HOAN_THANH = "hoan_thanh"
KHONG_HOAN_THANH = "khong_hoan_thanh"
LEVELS = (XUAT_SAC, TOT, HOAN_THANH, KHONG_HOAN_THANH)  # best first
LEVEL_RANK = {lv: i for i, lv in enumerate(LEVELS)}
LEVEL_LABELS = {
    XUAT_SAC: "Hoàn thành xuất sắc nhiệm vụ",
    TOT: "Hoàn thành tốt nhiệm vụ",
    HOAN_THANH: "Hoàn thành nhiệm vụ",
    KHONG_HOAN_THANH: "Không hoàn thành nhiệm vụ",
}
LEVEL_SHORT = {XUAT_SAC: "HTXSNV", TOT: "HTTNV", HOAN_THANH: "HTNV", KHONG_HOAN_THANH: "KHTNV"}

OF_TOT = "of_tot"
OF_TOT_OR_BETTER = "of_tot_or_better"
NO_QUOTA = "none"
QUOTA_READINGS = (OF_TOT, OF_TOT_OR_BETTER, NO_QUOTA)

TWO_PLACES = Decimal("0.01")
ZERO = Decimal(0)
ZERO_POINTS = Decimal("0.00")

MSG_Q4_NOT_RATED = (
    "Quý IV không xếp loại riêng: kết quả nhiệm vụ quý IV được gộp vào xếp loại cả năm."
)


class FrameworkError(ValueError):
    """A framework that cannot be used (bad formula, bad band, duplicate code...)."""


def fmt(value, decimals: int | None = None) -> str:
    """Vietnamese number text ("18", "9,5", "22,50", "10.619"); None → "—".

    A fast path covers the small numbers that fill explanations; anything else goes through
    tiendo.lib.vn_numbers, the project's one formatter."""
    if value is None:
        return "—"
    if type(value) is Decimal and decimals in (None, 2) and -1000 < value < 1000:
        if decimals == 2:
            value = value.quantize(TWO_PLACES, ROUND_HALF_UP)
        s = str(value)
        if "E" not in s:
            if decimals is None and "." in s:
                s = s.rstrip("0").rstrip(".")
            return s.replace(".", ",")
    return format_vn_number(value, decimals)


def _fmt_points(value: Decimal) -> str:
    """Points are already quantized to 2 places; small ones skip the general formatter."""
    if value.as_tuple().exponent == -2 and -1000 < value < 1000:
        return str(value).replace(".", ",")
    return fmt(value, 2)


class _Fmt(dict):
    """format_map helper: metric placeholders become Vietnamese numbers, unknown ones stay."""

    def __missing__(self, key):
        return "{" + key + "}"


class _LazyFmt(dict):
    """Formats a subject's metrics on first use and keeps them for the next criterion."""

    __slots__ = ("m",)

    def __init__(self, m: Mapping):
        super().__init__()
        self.m = m

    def __missing__(self, key):
        if key in self.m:
            text = fmt(self.m[key])
            self[key] = text
            return text
        return "{" + key + "}"


# --------------------------------------------------------------------------- framework data

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


SETTING_LABEL = "thiết lập của đơn vị sử dụng, không phải quy định"
REDISTRIBUTE_PROPORTIONAL = "proportional"
GROUPING_PEER = "peer_group"
GROUPING_PARENT = "parent"


def _setting_note(setting: bool) -> str:
    return f" [{SETTING_LABEL}]" if setting else ""


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
    allowed = frozenset(fw.metrics) if fw.metrics is not None else None
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
        names.extend(n for n in f.names if n not in names)
        if c.applies:
            af = _compile(c.applies, f"Tiêu chí {c.code} (điều kiện áp dụng)", allowed, BOOL)
            applies.append((len(crit) - 1, af))
            names.extend(n for n in af.names if n not in names)
    total = sum((mp for _, _, mp, _ in crit), ZERO)
    if total != to_decimal(fw.total_points):
        raise FrameworkError(
            f"Tổng điểm tối đa các tiêu chí là {fmt(total)}, phải bằng {fmt(fw.total_points)}")
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
        names.extend(n for n in f.names if n not in names)
    return _Compiled(tuple(crit), tuple(conds), vetoes, ties, tuple(names), tuple(applies))


# --------------------------------------------------------------------------- inputs / results

@dataclass
class SubjectMetrics:
    subject_id: object  # int or str; must be unique within one rating
    label: str
    peer_group: str | None
    metrics: dict


@dataclass(slots=True)
class Reason:
    code: str
    text_vi: str
    changed: bool = True  # False: informative (band, quota kept), True: this rule moved the level


@dataclass(slots=True)
class CriterionScore:
    code: str
    name: str
    group: str
    inputs: dict
    formula: str
    points: Decimal | None
    max_points: Decimal
    explanation_vi: str
    raw: Decimal | None = None  # value before clamping


@dataclass(slots=True)
class SubjectResult:
    subject_id: object
    label: str
    peer_group: str | None
    score: Decimal | None
    level: str | None
    breakdown: list[CriterionScore]
    reasons: list[Reason]
    missing: list[str]
    metrics: dict = field(default_factory=dict)
    band_level: str | None = None  # the level given by the score alone
    individual_level: str | None = None  # after vetoes and conditions, before the quota
    tie_values: tuple = ()
    # tied at the quota boundary after every tie-break the framework names: the Party committee
    # (or the competent level) decides, never the code ("đồng điểm — cấp ủy quyết định")
    tie_unresolved: bool = False

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS.get(self.level, "Chưa xếp loại (thiếu dữ liệu)")

    def as_dict(self) -> dict:
        """JSON-ready dict (Decimals as strings) — the shape of the CLI's --json output."""
        return {
            "subject_id": self.subject_id,
            "unit": self.label,
            "peer_group": self.peer_group,
            "score": _s(self.score),
            "level": self.level,
            "band_level": self.band_level,
            "individual_level": self.individual_level,
            "tie_unresolved": self.tie_unresolved,
            "breakdown": [
                {
                    "code": c.code, "name": c.name, "group": c.group, "formula": c.formula,
                    "inputs": {k: _s(v) for k, v in c.inputs.items()},
                    "points": _s(c.points), "max_points": _s(c.max_points),
                    "explanation": c.explanation_vi,
                }
                for c in self.breakdown
            ],
            "reasons": [{"code": r.code, "text": r.text_vi, "changed": r.changed}
                        for r in self.reasons],
            "missing": list(self.missing),
            "metrics": {k: _s(v) for k, v in self.metrics.items()},
        }


def _s(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, Decimal):
        return str(v)
    return v


# --------------------------------------------------------------------------- one subject

def _normalise(metrics: Mapping) -> dict:
    out = {}
    for k, v in metrics.items():
        out[k] = v if v is None or type(v) is Decimal else to_decimal(v)
    return out


def _explain(c: Criterion, fw: Framework, inputs: dict, points, raw, mp, notes, missing,
             lazy: _LazyFmt, mp_text: str) -> str:
    if points is None:
        labels = ", ".join(fw.metric_label(n) for n in missing)
        text = f"Chưa tính được điểm: thiếu dữ liệu {labels}." if missing else \
            "Chưa tính được điểm."
        if notes:
            note = "; ".join(notes)
            text += " " + note[:1].upper() + note[1:] + "."
        return text
    lazy["points"] = _fmt_points(points)
    lazy["max_points"] = mp_text
    vals = lazy
    if c.explain_vi:
        text = c.explain_vi.format_map(vals)
    else:
        shown = ", ".join(f"{k} = {vals[k]}" for k in inputs)
        text = f"{c.formula}" + (f" với {shown}" if shown else "") + \
            f": {vals['points']}/{vals['max_points']} điểm"
    if raw > mp:
        text += f" (kết quả {fmt(raw.quantize(TWO_PLACES, ROUND_HALF_UP))} vượt tối đa, " \
            f"tính {vals['max_points']})"
    elif raw < 0:
        text += f" (kết quả {fmt(raw.quantize(TWO_PLACES, ROUND_HALF_UP))} âm, tính 0)"
    if notes:
        text += " (" + "; ".join(notes) + ")"
    return text + "."


MEMO_LIMIT = 2048  # distinct input tuples per criterion before its memo is dropped


def _score(fw: Framework, m: dict, caches: list[dict | None] | None = None
           ) -> tuple[list[CriterionScore], Decimal | None, list[str]]:
    """Points of every criterion (clamped, 2 decimals), the exact total and the missing metrics.

    This is the hot loop of the benchmark (300,000 criteria). A criterion's points and sentence
    depend only on the values of the metrics its formula reads, so within one rating they are
    memoised per criterion on that tuple of values (``caches``, one dict per criterion, shared
    by the subjects of one rating): units share small counts, and a repeated tuple costs a
    dictionary look-up instead of a formula. A memo that grows past MEMO_LIMIT entries is not
    paying off and is dropped (``None``), which also bounds its memory."""
    comp: _Compiled = fw._compiled  # type: ignore[attr-defined]
    if caches is None:
        caches = [{} for _ in comp.criteria]
    breakdown = []
    append = breakdown.append
    missing: list[str] = []
    total = ZERO
    complete = True
    lazy = None
    get = m.get
    for i, (c, f, mp, mp_text) in enumerate(comp.criteria):
        names = f.names
        key = tuple(map(get, names))
        cache = caches[i]
        hit = cache.get(key) if cache is not None else None
        if hit is None:
            if lazy is None:
                lazy = _LazyFmt(m)
            hit = _criterion(c, fw, f, m, mp, mp_text, lazy)
            if cache is not None:
                if len(cache) < MEMO_LIMIT:
                    cache[key] = hit
                else:
                    caches[i] = None
        raw, points, text, miss = hit
        if points is None:
            missing.extend(n for n in miss if n not in missing)
            complete = False
        else:
            total += points
        append(CriterionScore(c.code, c.name_vi, c.group, dict(zip(names, key, strict=True)),
                              c.formula, points, mp, text, raw))
    if comp.applies:
        return _redistribute(fw, comp, m, breakdown, missing, complete)
    return breakdown, (total if complete else None), missing


NOTHING_APPLIES = "không có tiêu chí nào áp dụng (không có gì để đo trong kỳ)"


def _redistribute(fw: Framework, comp: _Compiled, m: dict, breakdown: list[CriterionScore],
                  missing: list[str], complete: bool
                  ) -> tuple[list[CriterionScore], Decimal | None, list[str]]:
    """Criteria with nothing to measure are *không áp dụng*: 0 of 0 points, never full marks
    for nothing. Their points go to the applicable criteria in proportion to their maximum
    (``Framework.redistribute = "proportional"``): each applicable criterion's points and
    maximum are multiplied by total / (sum of the applicable maxima), and the sentence says so.
    A criterion whose applicability cannot be checked (missing data) counts as applicable."""
    na = {i for i, af in comp.applies if af._fn(m, []) is False}
    if not na:
        return breakdown, (sum((c.points for c in breakdown), ZERO) if complete else None), \
            missing
    total_max = to_decimal(fw.total_points)
    app_max = sum((mp for i, (_c, _f, mp, _t) in enumerate(comp.criteria) if i not in na), ZERO)
    out: list[CriterionScore] = []
    complete = True
    for i, cs in enumerate(breakdown):
        c, _f, mp, mp_text = comp.criteria[i]
        if i in na:
            why = c.not_applicable_vi or "không có gì để đo trong kỳ"
            text = (f"Không áp dụng: {why}. Không tính điểm cho việc không có; {mp_text} điểm "
                    f"của tiêu chí được chia lại cho các tiêu chí áp dụng theo tỉ lệ điểm tối đa "
                    f"(quy định của bộ tiêu chí).")
            out.append(CriterionScore(cs.code, cs.name, cs.group, cs.inputs, cs.formula,
                                      ZERO_POINTS, ZERO_POINTS, text, None))
            continue
        if cs.points is None or app_max == 0:
            complete = False
            out.append(cs)
            continue
        clamped = min(max(cs.raw, ZERO), mp)
        new_max = (mp * total_max / app_max).quantize(TWO_PLACES, ROUND_HALF_UP)
        new_pts = (clamped * total_max / app_max).quantize(TWO_PLACES, ROUND_HALF_UP)
        text = (f"{cs.explanation_vi} Quy đổi theo tỉ lệ {fmt(total_max)}/{fmt(app_max)} vì có "
                f"tiêu chí không áp dụng: {_fmt_points(new_pts)}/{_fmt_points(new_max)} điểm.")
        out.append(CriterionScore(cs.code, cs.name, cs.group, cs.inputs, cs.formula, new_pts,
                                  new_max, text, cs.raw))
    if app_max == 0:
        if NOTHING_APPLIES not in missing:
            missing.append(NOTHING_APPLIES)
        return out, None, missing
    total = sum((c.points for c in out), ZERO) if complete else None
    return out, total, missing


def _criterion(c: Criterion, fw: Framework, f: Formula, m: dict, mp: Decimal, mp_text: str,
               lazy: _LazyFmt) -> tuple:
    notes: list[str] = []
    raw = f._fn(m, notes)
    inputs = {n: m.get(n) for n in f.names}
    if raw is None:
        miss = tuple(n for n in f.names if inputs[n] is None)
        return raw, None, _explain(c, fw, inputs, None, raw, mp, notes, miss, lazy, mp_text), miss
    if ZERO <= raw <= mp and c.explain_vi and not notes:
        points = raw.quantize(TWO_PLACES, ROUND_HALF_UP)
        # 0 <= points <= max_points < 1000 (checked when compiling): plain "22,50"
        lazy["points"] = str(points).replace(".", ",")
        lazy["max_points"] = mp_text
        return raw, points, c.explain_vi.format_map(lazy) + ".", ()
    points = (mp if raw > mp else ZERO if raw < 0 else raw).quantize(TWO_PLACES, ROUND_HALF_UP)
    return raw, points, _explain(c, fw, inputs, points, raw, mp, notes, (), lazy, mp_text), ()


def _condition_text(text: str, m: dict) -> str:
    if "{" not in text:
        return text
    return text.format_map(_LazyFmt(m))


def _judge(fw: Framework, score: Decimal | None, m: dict, missing: list[str]
           ) -> tuple[str | None, str | None, list[Reason]]:
    """(band level, individual level, reasons) for one subject, before the quota."""
    comp: _Compiled = fw._compiled  # type: ignore[attr-defined]
    if score is None:
        labels = ", ".join(fw.metric_label(n) for n in missing) or "—"
        return None, None, [Reason(
            "missing_data", f"Chưa đề xuất xếp loại: thiếu dữ liệu {labels}.")]
    band = fw.bands.level(score)
    reasons = [Reason(
        "band", f"Điểm {_fmt_points(score)} thuộc khung {fw.bands.text_vi(band)}: "
        f"mức {LEVEL_LABELS[band]}.", changed=False)]
    # vetoes
    held, unknown = [], []
    for v, f in comp.vetoes:
        val = f._fn(m, [])
        if val is None:
            unknown.append((v, f))
        elif val:
            held.append(v)
    if held:
        for v in held:
            reasons.append(Reason(
                f"veto:{v.code}",
                f"Điều kiện loại trừ: {v.name_vi}{_setting_note(v.setting)} → xếp loại "
                f"{LEVEL_LABELS[KHONG_HOAN_THANH]}."))
        return band, KHONG_HOAN_THANH, reasons
    if unknown:
        for v, f in unknown:
            miss = [n for n in f.names if m.get(n) is None]
            missing.extend(n for n in miss if n not in missing)
            reasons.append(Reason(
                f"missing_data:veto:{v.code}",
                f"Chưa đề xuất xếp loại: không kiểm tra được điều kiện loại trừ “{v.name_vi}” "
                f"vì thiếu dữ liệu {', '.join(fw.metric_label(n) for n in miss)}."))
        return band, None, reasons
    # further conditions, cumulative, from the band downwards
    values: dict[int, bool | None] = {}
    level = band
    while level != KHONG_HOAN_THANH:
        rank = LEVEL_RANK[level]
        blocked, unknown = False, []
        for i, (c, f) in enumerate(comp.conditions):
            if LEVEL_RANK[c.level] < rank:
                continue  # a condition of a higher level does not apply here
            if i not in values:
                values[i] = f._fn(m, [])
            if values[i] is None:
                unknown.append((c, f))
            elif not values[i]:
                blocked = True
        if blocked:
            level = LEVELS[rank + 1]
            continue
        if unknown:
            for c, f in unknown:
                miss = [n for n in f.names if m.get(n) is None]
                missing.extend(n for n in miss if n not in missing)
                reasons.append(Reason(
                    f"missing_data:condition:{c.code}",
                    f"Chưa đề xuất xếp loại: không kiểm tra được điều kiện "
                    f"“{_condition_text(c.text_vi, m)}” của mức {LEVEL_LABELS[c.level]} vì "
                    f"thiếu dữ liệu {', '.join(fw.metric_label(n) for n in miss)}."))
            return band, None, reasons
        break
    failed = sorted((LEVEL_RANK[comp.conditions[i][0].level], i)
                    for i, v in values.items() if v is False)
    for _, i in failed:
        c = comp.conditions[i][0]
        reasons.append(Reason(
            f"condition:{c.code}",
            f"Chưa đạt điều kiện của mức {LEVEL_LABELS[c.level]}: "
            f"{_condition_text(c.text_vi, m)}{_setting_note(c.setting)} → xét mức "
            f"{LEVEL_LABELS[LEVELS[LEVEL_RANK[c.level] + 1]]}."))
    return band, level, reasons


# --------------------------------------------------------------------------- quota

def quota_limit(reading: str, percent: Decimal, candidates: int, tot: int,
                min_allowed: int = 0) -> int:
    """Largest number of xuat_sac allowed in a peer group.

    ``candidates`` = subjects that individually qualify for xuat_sac, ``tot`` = subjects whose
    individual level is tot. Demoted candidates become tot, so the rule is checked on the final
    counts. With N = candidates + tot and p = percent:

    - ``of_tot``: x ≤ p% × (N − x)  ⇔  x ≤ p·N / (100 + p)  → x = ⌊p·N / (100 + p)⌋
      (p = 20: ⌊N / 6⌋: fewer than 6 units at tot or better → no xuat_sac);
    - ``of_tot_or_better``: x ≤ p% × N  → x = ⌊p·N / 100⌋ (p = 20: ⌊N / 5⌋).

    The result is then raised to ``min(min_allowed, candidates)`` and capped at ``candidates``.
    """
    if reading == NO_QUOTA:
        return candidates
    n = candidates + tot
    p = to_decimal(percent)
    denom = Decimal(100) + p if reading == OF_TOT else Decimal(100)
    limit = int((p * n / denom).to_integral_value(rounding=ROUND_FLOOR))
    limit = max(limit, min(min_allowed, candidates))
    return min(limit, candidates)


def _id_key(subject_id) -> tuple:
    if isinstance(subject_id, int) and not isinstance(subject_id, bool):
        return (0, subject_id, "")
    return (1, 0, str(subject_id))


def _order_key(r: SubjectResult) -> tuple:
    """Score desc, then each tie-break key desc (missing last), then subject id asc."""
    ties = tuple((0, -v) if v is not None else (1, ZERO) for v in r.tie_values)
    score = (0, -r.score) if r.score is not None else (1, ZERO)
    return (score, ties, _id_key(r.subject_id))


def _quota_reading_vi(q: QuotaRule, noun: str = "đơn vị") -> str:
    if q.reading == OF_TOT:
        return f"{fmt(q.percent)}% số {noun} xếp loại Hoàn thành tốt nhiệm vụ"
    return f"{fmt(q.percent)}% số {noun} xếp loại Hoàn thành tốt nhiệm vụ trở lên"


def _tie_order_vi(fw: Framework) -> str:
    parts = ["điểm cao hơn"]
    parts += [f"{t.label_vi} cao hơn" for t in fw.quota.tie_break]
    return ", rồi ".join(parts)


def _decision_key(r: SubjectResult) -> tuple:
    """The order the framework names (score, then its tie-break keys); no subject id."""
    return _order_key(r)[:2]


def quota_min_group(reading: str, percent: Decimal) -> int | None:
    """Smallest number of subjects at tốt or better for which the quota allows one xuất sắc."""
    if reading == NO_QUOTA:
        return 1
    for n in range(1, 10_001):
        if quota_limit(reading, percent, n, 0) >= 1:
            return n
    return None


TIE_DECIDED_BY_COMMITTEE = "đồng điểm — cấp ủy quyết định"


def _apply_quota(fw: Framework, results: list[SubjectResult]) -> None:
    q = fw.quota
    groups: dict[object, list[SubjectResult]] = defaultdict(list)
    for r in results:
        groups[r.peer_group or ""].append(r)
    for gname, members in groups.items():
        cands = sorted((r for r in members if r.level == XUAT_SAC), key=_order_key)
        n_tot = sum(1 for r in members if r.level == TOT)
        limit = quota_limit(q.reading, q.percent, len(cands), n_tot, q.min_allowed)
        if q.reading == NO_QUOTA or not cands:
            continue
        group_vi = f"nhóm “{gname}”" if gname else "nhóm chung"
        noun = fw.subject_noun_vi
        head = (f"Hạn mức {group_vi}: Xuất sắc không quá {_quota_reading_vi(q, noun)}; "
                f"{len(cands)} {noun} đủ điều kiện Xuất sắc, {n_tot} {noun} Tốt → "
                f"tối đa {limit} {noun} Xuất sắc")
        if limit == 0:
            need = quota_min_group(q.reading, q.percent)
            small = (f"; nhóm chỉ có {len(cands) + n_tot} {noun} Tốt trở lên, quá nhỏ để có dù "
                     f"một {noun} Xuất sắc theo tỉ lệ {fmt(q.percent)}% (cần ít nhất {need})"
                     if need else "")
            for r in cands:
                r.reasons.append(Reason(
                    "quota", f"{head}{small} nên hạ xuống {LEVEL_LABELS[TOT]}."))
                r.level = TOT
            continue
        # a tie across the boundary, after every key the framework names, is not decided here
        tied: list[SubjectResult] = []
        if limit < len(cands) and _decision_key(cands[limit - 1]) == \
                _decision_key(cands[limit]):
            k = _decision_key(cands[limit])
            tied = [r for r in cands if _decision_key(r) == k]
        first_tied = cands.index(tied[0]) if tied else None
        for i, r in enumerate(cands, start=1):
            if tied and r in tied:
                slots = limit - first_tied
                names = ", ".join(t.label for t in tied)
                r.reasons.append(Reason(
                    "quota_tie",
                    f"{head}; {TIE_DECIDED_BY_COMMITTEE[:1].upper()}{TIE_DECIDED_BY_COMMITTEE[1:]}"
                    f": {names} cùng {_fmt_points(r.score)} điểm và bằng nhau theo mọi tiêu chí "
                    f"phân định của bộ tiêu chí ({_tie_order_vi(fw)}); còn {slots} suất Xuất "
                    f"sắc cho {len(tied)} {noun}. Phần mềm không chọn thay: tạm đề xuất "
                    f"{LEVEL_LABELS[TOT]}, cấp ủy quyết định."))
                r.level = TOT
                r.tie_unresolved = True
                continue
            if i <= limit:
                r.reasons.append(Reason(
                    "quota_kept", f"{head}; {noun} xếp thứ {i} nên giữ mức Xuất sắc.",
                    changed=False))
                continue
            r.reasons.append(Reason(
                "quota", f"{head}; {noun} xếp thứ {i} (thứ tự: {_tie_order_vi(fw)}) nên hạ "
                f"xuống {LEVEL_LABELS[TOT]}."))
            r.level = TOT


# --------------------------------------------------------------------------- public API

def _tie_values(fw: Framework, m: dict) -> tuple:
    comp: _Compiled = fw._compiled  # type: ignore[attr-defined]
    return tuple(f._fn(m, []) for _, f in comp.tie_keys)


def _check_unique(ids: Iterable) -> None:
    seen = set()
    for sid in ids:
        k = _id_key(sid)
        if k in seen:
            raise ValueError(f"Mã đối tượng trùng: {sid!r}")
        seen.add(k)


@contextmanager
def _no_gc():
    """Pause the cyclic garbage collector while building results.

    A rating allocates hundreds of thousands of small acyclic objects; the collector's repeated
    passes over them cost about a third of the time (measured in benchmarks/scoring.py).
    Reference counting still frees everything; the collector is restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def rate(framework: Framework, subjects: Sequence[SubjectMetrics]) -> list[SubjectResult]:
    """Score and rate every subject; the result is in ranking order, independent of input order.

    Ranking order: score desc (unscored last), tie-break keys desc, subject id asc.
    """
    _check_unique(s.subject_id for s in subjects)
    with _no_gc():
        return _rate(framework, subjects)


def _rate(framework: Framework, subjects: Sequence[SubjectMetrics]) -> list[SubjectResult]:
    results = []
    caches: list[dict | None] = [{} for _ in framework.criteria]
    for s in subjects:
        m = _normalise(s.metrics)
        breakdown, score, missing = _score(framework, m, caches)
        band, level, reasons = _judge(framework, score, m, missing)
        results.append(SubjectResult(
            s.subject_id, s.label, s.peer_group, score, level, breakdown, reasons, missing,
            m, band, level, _tie_values(framework, m)))
    _apply_quota(framework, results)
    results.sort(key=_order_key)
    return results


def check_period_ratable(period_code: str) -> None:
    """Raise ValueError for a fourth quarter ("2026-Q4"): Q4 is folded into the year."""
    if period_code.strip().upper().endswith("Q4"):
        raise ValueError(MSG_Q4_NOT_RATED)


def fold_year(
    framework: Framework,
    quarter_results: Mapping[str, Sequence[SubjectResult]],
    q4_task_metrics: Sequence[SubjectMetrics],
) -> list[SubjectResult]:
    """The year's rating from the Q1–Q3 results and Q4's metrics (Q4 is never rated alone).

    For each subject: Q4 is scored (not rated) with ``framework``; each criterion's year points
    are the mean of its points over the quarters the subject has (Q1..Q4), rounded to 2 decimals,
    and the year score is their sum. Vetoes and further conditions are checked on the year's
    metrics: the framework's ``additive`` metrics summed over the quarters, every other metric
    taken from the latest quarter (Q4 when present). Then the quota per peer group, as for a
    quarter. A quarter whose score is missing leaves the year unscored.
    """
    for q in quarter_results:
        if q.upper() not in ("Q1", "Q2", "Q3"):
            raise ValueError(f"Chỉ gộp kết quả quý I–III vào năm, không nhận {q!r}")
    _check_unique(s.subject_id for s in q4_task_metrics)
    per_subject: dict[tuple, dict[str, SubjectResult]] = defaultdict(dict)
    for qname in sorted(quarter_results, key=str.upper):
        for r in quarter_results[qname]:
            per_subject[_id_key(r.subject_id)][qname.upper()] = r
    for s in q4_task_metrics:
        m = _normalise(s.metrics)
        breakdown, score, missing = _score(framework, m)
        per_subject[_id_key(s.subject_id)]["Q4"] = SubjectResult(
            s.subject_id, s.label, s.peer_group, score, None, breakdown, [], missing, m)
    comp: _Compiled = framework._compiled  # type: ignore[attr-defined]
    results = []
    for quarters in per_subject.values():
        names = sorted(quarters)
        latest = quarters[names[-1]]
        year_m: dict = dict(latest.metrics)
        for k in framework.additive:
            vals = [q.metrics.get(k) for q in quarters.values() if k in q.metrics]
            if vals:
                year_m[k] = None if any(v is None for v in vals) else sum(vals, ZERO)
        missing: list[str] = []
        breakdown = []
        complete = all(q.score is not None for q in quarters.values())
        for qn in names:
            missing.extend(n for n in quarters[qn].missing if n not in missing)
        total = ZERO
        for c, _f, mp, _t in comp.criteria:
            pts = []
            maxes = []
            for qn in names:
                cs = next((x for x in quarters[qn].breakdown if x.code == c.code), None)
                pts.append((qn, cs.points if cs is not None else None))
                maxes.append(cs.max_points if cs is not None else mp)
            # a criterion re-weighted in a quarter (another one did not apply) keeps that
            # quarter's maximum: the year's maximum is the mean of the quarters' maxima
            ymax = (sum(maxes, ZERO) / len(maxes)).quantize(TWO_PLACES, ROUND_HALF_UP)
            if complete and all(p is not None for _, p in pts):
                mean = (sum((p for _, p in pts), ZERO) / len(pts)).quantize(
                    TWO_PLACES, ROUND_HALF_UP)
                total += mean
            else:
                mean = None
            shown = "; ".join(f"{qn} {_fmt_points(p) if p is not None else '—'}"
                              for qn, p in pts)
            expl = (f"Trung bình các quý ({shown}): {_fmt_points(mean)}/{fmt(ymax)} điểm."
                    if mean is not None else f"Chưa tính được điểm năm ({shown}).")
            breakdown.append(CriterionScore(
                c.code, c.name_vi, c.group, dict(pts), c.formula, mean, ymax,
                expl, mean))
        score = total if complete else None
        band, level, reasons = _judge(framework, score, year_m, missing)
        reasons.insert(0, Reason(
            "year_fold",
            f"Điểm năm là trung bình điểm các quý {', '.join(names)} (quý IV không xếp loại "
            f"riêng); điều kiện và điều kiện loại trừ xét trên số liệu cả năm.", changed=False))
        results.append(SubjectResult(
            latest.subject_id, latest.label, latest.peer_group, score, level, breakdown,
            reasons, missing, year_m, band, level, _tie_values(framework, year_m)))
    _apply_quota(framework, results)
    results.sort(key=_order_key)
    return results


# --------------------------------------------------------------------------- NĐ 335 helper

QUARTER_PENALTY = Decimal("0.25")


def item_factor(count: int) -> Decimal:
    """Share of an item's quality (or progress) points kept after ``count`` failed reviews (or
    unexcused delays): −25% each, never below 0 (Nghị định 335)."""
    return max(ZERO, Decimal(1) - QUARTER_PENALTY * count)


def civil_servant_item_sums(items: Iterable[tuple[bool, int, int]]) -> dict[str, Decimal]:
    """Metrics of the NĐ 335 framework from a person's assigned products.

    ``items``: (done, failed_reviews, unexcused_delays) per assigned (converted) product. Returns
    ``products_assigned``, ``products_done``, ``quality_factor_sum`` and ``progress_factor_sum``
    (an item not done keeps no quality or progress points).
    """
    assigned = done = 0
    q = p = ZERO
    for is_done, failed, delays in items:
        assigned += 1
        if is_done:
            done += 1
            q += item_factor(failed)
            p += item_factor(delays)
    return {"products_assigned": Decimal(assigned), "products_done": Decimal(done),
            "quality_factor_sum": q, "progress_factor_sum": p}


def civil_servant_weighted_sums(items: Iterable[tuple[Decimal, bool, int, int]]
                                ) -> dict[str, Decimal]:
    """Like :func:`civil_servant_item_sums` for converted products: each item is
    (weight, done, failed_reviews, unexcused_delays) and counts ``weight`` products
    (sản phẩm quy đổi), so its quality and progress factors are multiplied by its weight."""
    assigned = done = q = p = ZERO
    for weight, is_done, failed, delays in items:
        w = to_decimal(weight)
        assigned += w
        if is_done:
            done += w
            q += w * item_factor(failed)
            p += w * item_factor(delays)
    return {"products_assigned": assigned, "products_done": done,
            "quality_factor_sum": q, "progress_factor_sum": p}


# --------------------------------------------------------------------------- JSON round-trip

def framework_to_dict(fw: Framework) -> dict:
    """JSON-ready description of a framework (stored in the database as a version)."""
    return {
        "code": fw.code, "version": fw.version, "name_vi": fw.name_vi,
        "subject_kind": fw.subject_kind, "period_kind": fw.period_kind,
        "total_points": str(fw.total_points),
        "criteria": [{"code": c.code, "name_vi": c.name_vi, "max_points": str(c.max_points),
                      "formula": c.formula, "group": c.group, "explain_vi": c.explain_vi,
                      "applies": c.applies, "not_applicable_vi": c.not_applicable_vi}
                     for c in fw.criteria],
        "redistribute": fw.redistribute, "subject_noun_vi": fw.subject_noun_vi,
        "bands": {"xuat_sac": str(fw.bands.xuat_sac), "tot": str(fw.bands.tot),
                  "hoan_thanh": str(fw.bands.hoan_thanh)},
        "conditions": [{"code": c.code, "level": c.level, "formula": c.formula,
                        "text_vi": c.text_vi, "setting": c.setting} for c in fw.conditions],
        "vetoes": [{"code": v.code, "name_vi": v.name_vi, "formula": v.formula,
                    "setting": v.setting} for v in fw.vetoes],
        "quota": {"reading": fw.quota.reading, "percent": str(fw.quota.percent),
                  "min_allowed": fw.quota.min_allowed, "grouping": fw.quota.grouping,
                  "tie_break": [{"formula": t.formula, "label_vi": t.label_vi}
                                for t in fw.quota.tie_break]},
        "metrics": dict(fw.metrics) if fw.metrics is not None else None,
        "additive": sorted(fw.additive),
    }


def framework_from_dict(d: Mapping) -> Framework:
    """Inverse of :func:`framework_to_dict`; raises FrameworkError on bad content."""
    try:
        q = d.get("quota") or {}
        b = d.get("bands") or {}
        return Framework(
            code=str(d["code"]), version=int(d["version"]), name_vi=d.get("name_vi", ""),
            subject_kind=str(d["subject_kind"]), period_kind=str(d["period_kind"]),
            total_points=Decimal(str(d.get("total_points", "100"))),
            criteria=tuple(Criterion(
                str(c["code"]), str(c["name_vi"]), Decimal(str(c["max_points"])),
                str(c["formula"]), c.get("group", ""), c.get("explain_vi", ""),
                c.get("applies", "") or "", c.get("not_applicable_vi", "") or "")
                for c in d["criteria"]),
            redistribute=d.get("redistribute", REDISTRIBUTE_PROPORTIONAL),
            subject_noun_vi=d.get("subject_noun_vi", "đơn vị"),
            bands=Bands(*(Decimal(str(b.get(k, dflt))) for k, dflt in
                          (("xuat_sac", 90), ("tot", 70), ("hoan_thanh", 50)))),
            conditions=tuple(Condition(c["code"], c["level"], c["formula"], c["text_vi"],
                                       bool(c.get("setting", False)))
                             for c in d.get("conditions", ())),
            vetoes=tuple(Veto(v["code"], v["name_vi"], v["formula"], bool(v.get("setting", False)))
                         for v in d.get("vetoes", ())),
            quota=QuotaRule(
                reading=q.get("reading", OF_TOT), percent=Decimal(str(q.get("percent", "20"))),
                min_allowed=int(q.get("min_allowed", 0)),
                grouping=q.get("grouping", GROUPING_PEER),
                tie_break=tuple(TieKey(t["formula"], t["label_vi"])
                                for t in q.get("tie_break", ()))),
            metrics=d.get("metrics"),
            additive=frozenset(d.get("additive", ())),
        )
    except FrameworkError:
        raise
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise FrameworkError(f"Bộ tiêu chí không hợp lệ: {exc}") from exc
