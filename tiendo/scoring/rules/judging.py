"""The level of one subject before the quota: the band of its score, then vetoes, then the
further conditions of each level."""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from ..formula import Formula
from .framework import Condition, Framework, Veto, _Compiled
from .levels import KHONG_HOAN_THANH, LEVEL_LABELS, LEVEL_RANK, LEVELS
from .results import Reason
from .wording import _condition_text, _fmt_points, _setting_note


def _judge(fw: Framework, score: Decimal | None, m: dict, missing: list[str]
           ) -> tuple[str | None, str | None, list[Reason]]:
    """(band level, individual level, reasons) for one subject, before the quota.

    A veto or an applicable condition that cannot be checked leaves the level None; its
    missing metrics are added to ``missing``."""
    comp: _Compiled = fw._compiled  # type: ignore[attr-defined]
    if score is None:
        labels = ", ".join(fw.metric_label(n) for n in missing) or "—"
        return None, None, [Reason(
            "missing_data", f"Chưa đề xuất xếp loại: thiếu dữ liệu {labels}.")]
    band = fw.bands.level(score)
    reasons = [Reason(
        "band", f"Điểm {_fmt_points(score)} thuộc khung {fw.bands.text_vi(band)}: "
        f"mức {LEVEL_LABELS[band]}.", changed=False)]
    held, unknown = _vetoes(comp, m)
    if held:
        reasons += [_veto_held(v) for v in held]
        return band, KHONG_HOAN_THANH, reasons
    if unknown:
        reasons += [_veto_unchecked(fw, v, f, m, missing) for v, f in unknown]
        return band, None, reasons
    level, values, unchecked = _conditions(comp, band, m)
    if unchecked:
        reasons += [_condition_unchecked(fw, c, f, m, missing) for c, f in unchecked]
        return band, None, reasons
    failed = sorted((LEVEL_RANK[comp.conditions[i][0].level], i)
                    for i, v in values.items() if v is False)
    reasons += [_condition_failed(comp.conditions[i][0], m) for _, i in failed]
    return band, level, reasons


def _vetoes(comp: _Compiled, m: dict) -> tuple[list[Veto], list[tuple[Veto, Formula]]]:
    """The vetoes that hold, and those that cannot be checked for lack of data."""
    held, unknown = [], []
    for v, f in comp.vetoes:
        val = f._fn(m, [])
        if val is None:
            unknown.append((v, f))
        elif val:
            held.append(v)
    return held, unknown


def _conditions(comp: _Compiled, band: str, m: dict
                ) -> tuple[str, dict[int, bool | None], list[tuple[Condition, Formula]]]:
    """Walk down from the band to the first level whose applicable conditions all hold.

    Conditions are cumulative: one attached to a level applies to that level and every level
    above it. Returns that level, the value of each condition evaluated on the way (by index),
    and the applicable conditions of the level that cannot be checked (then the walk stops)."""
    values: dict[int, bool | None] = {}
    level = band
    while level != KHONG_HOAN_THANH:
        rank = LEVEL_RANK[level]
        blocked, unknown = False, []
        for i, (c, f) in enumerate(comp.conditions):
            if LEVEL_RANK[c.level] < rank:
                continue  # a condition of a higher level does not apply here
            if i not in values:
                values[i] = cast("bool | None", f._fn(m, []))  # a BOOL formula
            if values[i] is None:
                unknown.append((c, f))
            elif not values[i]:
                blocked = True
        if not blocked:
            return level, values, unknown
        level = LEVELS[rank + 1]
    return level, values, []


def _missing_labels(fw: Framework, f: Formula, m: dict, missing: list[str]) -> str:
    """The labels of the metrics ``f`` reads that are missing; they are added to ``missing``."""
    miss = [n for n in f.names if m.get(n) is None]
    missing.extend(n for n in miss if n not in missing)
    return ", ".join(fw.metric_label(n) for n in miss)


def _veto_held(v: Veto) -> Reason:
    return Reason(
        f"veto:{v.code}",
        f"Điều kiện loại trừ: {v.name_vi}{_setting_note(v.setting)} → xếp loại "
        f"{LEVEL_LABELS[KHONG_HOAN_THANH]}.")


def _veto_unchecked(fw: Framework, v: Veto, f: Formula, m: dict, missing: list[str]
                    ) -> Reason:
    return Reason(
        f"missing_data:veto:{v.code}",
        f"Chưa đề xuất xếp loại: không kiểm tra được điều kiện loại trừ “{v.name_vi}” "
        f"vì thiếu dữ liệu {_missing_labels(fw, f, m, missing)}.")


def _condition_unchecked(fw: Framework, c: Condition, f: Formula, m: dict,
                         missing: list[str]) -> Reason:
    return Reason(
        f"missing_data:condition:{c.code}",
        f"Chưa đề xuất xếp loại: không kiểm tra được điều kiện "
        f"“{_condition_text(c.text_vi, m)}” của mức {LEVEL_LABELS[c.level]} vì "
        f"thiếu dữ liệu {_missing_labels(fw, f, m, missing)}.")


def _condition_failed(c: Condition, m: dict) -> Reason:
    return Reason(
        f"condition:{c.code}",
        f"Chưa đạt điều kiện của mức {LEVEL_LABELS[c.level]}: "
        f"{_condition_text(c.text_vi, m)}{_setting_note(c.setting)} → xét mức "
        f"{LEVEL_LABELS[LEVELS[LEVEL_RANK[c.level] + 1]]}.")
