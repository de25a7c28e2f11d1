"""Vietnamese wording shared by the explanations: numbers, metric placeholders, settings."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from tiendo.lib.vn_numbers import format_vn_number

from .levels import TWO_PLACES

SETTING_LABEL = "thiết lập của đơn vị sử dụng, không phải quy định"


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


def _setting_note(setting: bool) -> str:
    return f" [{SETTING_LABEL}]" if setting else ""


def _condition_text(text: str, m: dict) -> str:
    if "{" not in text:
        return text
    return text.format_map(_LazyFmt(m))
