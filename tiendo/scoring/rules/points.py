"""Points of one subject: each criterion's formula, clamped and rounded, its sentence, and the
points of criteria that do not apply shared out among the others."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import cast

from ..formula import Formula, to_decimal
from .framework import Criterion, Framework, _Compiled
from .levels import TWO_PLACES, ZERO, ZERO_POINTS
from .results import CriterionScore
from .wording import _fmt_points, _LazyFmt, fmt


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
    breakdown: list[CriterionScore] = []
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
        return breakdown, (_total(breakdown) if complete else None), missing
    # not None: compiling the framework checked it against the sum of the maxima
    total_max = cast(Decimal, to_decimal(fw.total_points))
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
        if cs.points is None or cs.raw is None or app_max == 0:
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
    return out, (_total(out) if complete else None), missing


def _total(breakdown: list[CriterionScore]) -> Decimal:
    """The exact sum of the points (of a breakdown where every criterion has them)."""
    return sum((c.points for c in breakdown if c.points is not None), ZERO)


def _criterion(c: Criterion, fw: Framework, f: Formula, m: dict, mp: Decimal, mp_text: str,
               lazy: _LazyFmt) -> tuple:
    notes: list[str] = []
    raw = cast("Decimal | None", f._fn(m, notes))  # a NUM formula
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
