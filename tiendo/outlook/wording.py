"""How the target outlook (triển vọng chỉ tiêu năm) words its results: labels, phrases, numbers.

Pure functions over plain values (no Django, no clock), one per sentence, so the rules in
``outlook.rules`` compute and this module only says. Numbers are written the Vietnamese way
(``lib.vn_numbers``): two decimals at most, "—" for a missing value. ``u`` is the unit of the
indicator as it follows a number (see :func:`unit_suffix`), ``at`` the name of the last
observed period ("quý I", "tháng 5") and ``word`` the name of one period ("quý", "tháng").
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from tiendo.lib.vn_numbers import format_vn_number

__all__ = [
    "CLASS_SENTENCES",
    "FINAL_METHOD",
    "NOT_ENOUGH_DATA",
    "NO_DATA_METHOD",
    "NO_DATA_REASON",
    "RISK_LABELS",
    "SHARE_TOO_SMALL_METHOD",
    "average_run_rate_method",
    "band_text",
    "cumulative_so_far",
    "estimate_sentence",
    "final_reason",
    "level_prior_method",
    "level_prior_reason",
    "level_so_far",
    "needed_amount_sentence",
    "needed_average_sentence",
    "needed_change_sentence",
    "number",
    "percent",
    "period_name",
    "period_word",
    "run_rate_method",
    "seasonal_change_method",
    "seasonal_change_reason",
    "seasonal_share_method",
    "seasonal_share_reason",
    "share_prior_reason",
    "share_too_small_reason",
    "trend_method",
    "trend_reason",
    "unit_suffix",
]

NOT_ENOUGH_DATA = "chưa đủ dữ liệu"

# Keyed by the values of ``outlook.rules.Risk`` (a StrEnum: its members look these up).
RISK_LABELS = {
    "on_course": "Đúng hướng",
    "at_risk": "Có nguy cơ",
    "off_course": "Chệch hướng",
    "unknown": "Chưa đủ dữ liệu",
}
CLASS_SENTENCES = {
    "on_course": "Dự báo đạt mục tiêu năm.",
    "at_risk": "Dự báo chưa đạt mục tiêu, nhưng vẫn có thể đạt nếu các kỳ sau tăng tốc.",
    "off_course": "Cả khoảng dự báo đều không đạt mục tiêu năm.",
    "unknown": f"Khoảng dự báo còn rộng, {NOT_ENOUGH_DATA} để kết luận đạt hay không đạt.",
}

NO_DATA_METHOD = "Không dự báo: chưa có số liệu."
NO_DATA_REASON = f"Chưa có số liệu năm nay, {NOT_ENOUGH_DATA} để dự báo."
SHARE_TOO_SMALL_METHOD = "Không dự báo: phần thường đạt được đến kỳ này quá nhỏ."
FINAL_METHOD = "Số liệu cả năm đã có: dùng trực tiếp, không dự báo."


def number(x: float | Decimal | None) -> str:
    if x is None:
        return "—"
    return format_vn_number(Decimal(repr(round(float(x), 2))))


def percent(x: float) -> str:
    """A share (0,25) as a percentage ("25%")."""
    return format_vn_number(Decimal(repr(round(x * 100, 2)))) + "%"


def period_word(n_periods: int) -> str:
    return {4: "quý", 12: "tháng", 2: "6 tháng", 1: "năm"}.get(n_periods, "kỳ")


def period_name(k: int, n_periods: int) -> str:
    if n_periods == 4:
        return "quý " + ("I", "II", "III", "IV")[k - 1]
    if n_periods == 12:
        return f"tháng {k}"
    return f"kỳ {k}"


def band_text(lo: Decimal | None, hi: Decimal | None) -> str:
    """A target band as written: "≥ 95", "≤ 2", "6,6–6,8" or the single value."""
    if lo is not None and hi is not None:
        return number(lo) if lo == hi else f"{number(lo)}–{number(hi)}"
    if lo is not None:
        return f"≥ {number(lo)}"
    return f"≤ {number(hi)}"


def unit_suffix(unit: str) -> str:
    """The unit as written after a number: "%" sticks to it, other units follow a space."""
    return unit if unit.startswith("%") else (f" {unit}" if unit else "")


def share_too_small_reason(at: str, share: float) -> str:
    return (
        f"Các năm trước, đến hết {at} thường chưa đạt {percent(share)} tổng cả năm: "
        f"{NOT_ENOUGH_DATA} để dự báo từ kỳ này."
    )


def final_reason(c: float, u: str) -> str:
    return f"Số liệu cả năm: {number(c)}{u}."


def cumulative_so_far(at: str, c: float, u: str, reference: Decimal, *, is_share: bool) -> str:
    """The first reason of a flow: the year-to-date total, and its share of the annual plan
    unless the indicator is that share already (``is_share``)."""
    if is_share:
        return f"Lũy kế đến hết {at}: {number(c)}{u}."
    share = percent(c / float(reference)) if reference else "—"
    return (
        f"Lũy kế đến hết {at}: {number(c)}{u}, bằng {share} kế hoạch năm ({number(reference)}{u})."
    )


def level_so_far(at: str, c: float, u: str, band_text: str) -> str:
    return f"Số liệu đến hết {at}: {number(c)}{u}; mục tiêu năm {band_text}{u}."


def seasonal_share_method(years: int, at: str) -> str:
    return (
        f"Theo mùa vụ {years} năm trước: lũy kế chia cho tỷ lệ bình quân thường đạt được "
        f"đến hết {at}."
    )


def seasonal_share_reason(at: str, usual: float, shares: Sequence[float]) -> str:
    return (
        f"Các năm trước, đến hết {at} thường đạt {percent(usual)} tổng cả năm "
        f"(từ {percent(min(shares))} đến {percent(max(shares))}, {len(shares)} năm)."
    )


def run_rate_method(k: int, n_periods: int, word: str) -> str:
    return (
        f"Theo tốc độ thực hiện: lũy kế chia cho phần thời gian đã qua ({k}/{n_periods} năm), "
        f"giả định mỗi {word} thực hiện như nhau."
    )


def share_prior_reason(at: str, share: float, low: float, high: float) -> str:
    return (
        f"Chưa có số liệu các năm trước: giả định mặc định đến hết {at} đạt "
        f"{percent(share)} cả năm (có thể từ {percent(low)} đến {percent(high)})."
    )


def seasonal_change_method(years: int, at: str) -> str:
    return f"Theo {years} năm trước: số liệu {at} cộng mức thay đổi bình quân từ {at} đến cuối năm."


def seasonal_change_reason(at: str, mean: float, changes: Sequence[float], u: str) -> str:
    return (
        f"Các năm trước, từ {at} đến cuối năm số liệu thay đổi bình quân "
        f"{number(mean)}{u} (từ {number(min(changes))} đến {number(max(changes))})."
    )


def trend_method(n_points: int, word: str) -> str:
    return f"Theo xu hướng tuyến tính của {n_points} {word} đã có, kéo dài đến cuối năm."


def trend_reason(slope: float, u: str, word: str) -> str:
    return f"Xu hướng: thay đổi bình quân {number(slope)}{u} mỗi {word}."


def average_run_rate_method(word: str) -> str:
    return f"Theo tốc độ thực hiện: các {word} còn lại giả định bằng bình quân các {word} đã qua."


def level_prior_method(at: str) -> str:
    return f"Giữ nguyên số liệu {at} đến cuối năm (chưa có số liệu các năm trước)."


def level_prior_reason(n_known: int, word: str, spread: float) -> str:
    return (
        f"Chỉ có {n_known} {word} số liệu: khoảng dự báo theo giả định mặc định "
        f"±{number(spread * 100)}% giá trị cho cả năm, thu hẹp dần theo "
        "số kỳ còn lại."
    )


def _verb(bound: str) -> str:
    return "ít nhất" if bound == "min" else "không quá"


def needed_amount_sentence(
    needed: float, bound: str, rem: int, word: str, u: str, *, pace: float
) -> str:
    """What a flow needs per remaining period; ``pace`` is the mean per period so far."""
    if bound == "min" and needed <= 0:
        return f"Lũy kế đã đạt mức kế hoạch năm; {rem} {word} còn lại chỉ cần giữ kết quả."
    tail = ""
    if bound == "min" and pace > 0:
        tail = f", gấp {number(needed / pace)} lần bình quân mỗi {word} đã qua ({number(pace)}{u})"
    return (
        f"Để đạt mục tiêu, {rem} {word} còn lại cần bình quân {_verb(bound)} {number(needed)}{u} "
        f"mỗi {word}{tail}."
    )


def needed_average_sentence(needed: float, bound: str, rem: int, word: str, u: str) -> str:
    return (
        f"Để đạt mục tiêu cả năm, {rem} {word} còn lại cần đạt bình quân {_verb(bound)} "
        f"{number(needed)}{u} mỗi {word}."
    )


def needed_change_sentence(needed: float, word: str, u: str) -> str:
    change = "tăng" if needed >= 0 else "giảm"
    return (
        f"Để đạt mục tiêu, mỗi {word} còn lại cần {change} bình quân {number(abs(needed))}"
        f"{' điểm %' if u.startswith('%') else u}."
    )


def estimate_sentence(projected: float, low: float, high: float, u: str, band_text: str) -> str:
    return (
        f"Ước cả năm: {number(projected)}{u} (khoảng {number(low)} – {number(high)}{u}); "
        f"mục tiêu {band_text}{u}."
    )
