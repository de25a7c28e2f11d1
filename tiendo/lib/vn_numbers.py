"""Vietnamese number parsing and formatting — the only code in tiendo that does it.

Vietnamese writing (docs/domain.md §Numbers, dates and holidays): ``.`` groups thousands and
``,`` is the decimal mark: ``10.619``, ``7,47``, ``6.018,3``; percent without a space:
``7,47%``; counts below ten are written with a leading zero: ``03 nhiệm vụ``.

Parsing rules of :func:`parse_vn_number` (strict, for text written the Vietnamese way):

- optional sign first: ``-``, ``+``, the minus sign U+2212, an en dash or an em dash, optionally
  followed by spaces (``"– 4,13"`` is -4.13);
- integer part: either plain digits (``"03"``, ``"10619"``) or groups of exactly three digits
  after each ``.`` with a first group of 1–3 digits (``"1.904.950"``). In Vietnamese writing a
  ``.`` is ALWAYS a thousands separator, so ``"4.0"``, ``"9.95"`` or ``"1234.567"`` are rejected;
- optional fraction after a single ``,`` with at least one digit (``"3.060,1960"``);
- surrounding whitespace (including non-breaking spaces) is ignored; nothing else is accepted
  (no ``%``, no units, no spaces inside the number).

:func:`parse_decimal_input` is the lenient variant for form fields, where people also type the
machine form ``10619.5``; see its docstring for the exact rule.

Formatting rounds ROUND_HALF_UP. Errors are :class:`VnNumberError` (a ``ValueError``) whose
message is Vietnamese; ``tiendo.shared.i18n.translate(err)`` gives it in the active language.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from tiendo.lib.messages import Message, MessageError, gettext_noop

__all__ = [
    "MSG_BAD_NUMBER",
    "REASON_BAD_DOT_GROUP",
    "REASON_EMPTY",
    "REASON_SYNTAX",
    "VnNumberError",
    "format_count",
    "format_vn_number",
    "format_vn_percent",
    "parse_decimal_input",
    "parse_vn_number",
]

MSG_BAD_NUMBER = gettext_noop('Không đọc được số "%(text)s": %(reason)s')
REASON_EMPTY = gettext_noop("chưa nhập số.")
REASON_BAD_DOT_GROUP = gettext_noop(
    "dấu chấm ngăn cách hàng nghìn phải đứng trước đúng 3 chữ số; "
    "phần thập phân viết sau dấu phẩy (ví dụ 10.619 hoặc 7,47)."
)
REASON_SYNTAX = gettext_noop(
    "chỉ dùng chữ số, dấu chấm ngăn cách hàng nghìn và dấu phẩy thập phân (ví dụ 6.018,3)."
)


class VnNumberError(MessageError):
    """A text that is not a number written the Vietnamese way.

    ``str(err)`` is the Vietnamese message and ``err.text`` the input; the reason is a nested
    message in ``err.params``.
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        super().__init__(MSG_BAD_NUMBER, text=text, reason=Message(reason))


_SIGNS = {"-": -1, "+": 1, "\u2212": -1, "\u2013": -1, "\u2014": -1}
_VN_NUMBER = re.compile(
    r"(?P<int>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,(?P<frac>[0-9]+))?",
)
_MACHINE_NUMBER = re.compile(r"(?P<int>[0-9]+)\.(?P<frac>[0-9]+)")
# Something that looks like digits and dots, to tell a bad dot group from plain garbage.
_DOTTED = re.compile(r"[0-9]+(?:\.[0-9]+)+(?:,[0-9]+)?")


def _clean(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return unicodedata.normalize("NFC", text).strip()


def _split_sign(body: str) -> tuple[int, str]:
    if body and body[0] in _SIGNS:
        return _SIGNS[body[0]], body[1:].lstrip()
    return 1, body


def parse_vn_number(text: str) -> Decimal:
    """Parse a number written the Vietnamese way ("10.619", "7,47", "6.018,3", "– 4,13")."""
    body = _clean(text)
    if not body:
        raise VnNumberError(text, REASON_EMPTY)
    sign, rest = _split_sign(body)
    match = _VN_NUMBER.fullmatch(rest)
    if match is None:
        if _DOTTED.fullmatch(rest):
            raise VnNumberError(text, REASON_BAD_DOT_GROUP)
        raise VnNumberError(text, REASON_SYNTAX)
    digits = match["int"].replace(".", "")
    if match["frac"]:
        digits += "." + match["frac"]
    value = Decimal(digits)
    return value.copy_negate() if sign < 0 else value


def parse_decimal_input(text: str) -> Decimal:
    """Parse a number typed into a form: Vietnamese form, or the plain machine form.

    The rule, in order:

    1. a ``,`` anywhere → Vietnamese form (:func:`parse_vn_number`): "10.619,5" → 10619.5;
    2. exactly one ``.`` followed by a number of digits other than 3 → machine decimal point:
       "10619.5" → 10619.5, "7.47" → 7.47, "0.6" → 0.6, "1.2345" → 1.2345;
    3. anything else → Vietnamese form: "9.950" → 9950 (a single dot before exactly three digits is
       read as the thousands separator), "1.904.950" → 1904950, "100" → 100.

    So "1.500" is one thousand five hundred, never one and a half: type "1,5" for that.
    """
    body = _clean(text)
    sign, rest = _split_sign(body)
    if "," not in rest and rest.count(".") == 1:
        match = _MACHINE_NUMBER.fullmatch(rest)
        if match is not None and len(match["frac"]) != 3:
            value = Decimal(rest)
            return value.copy_negate() if sign < 0 else value
    return parse_vn_number(text)


def _to_decimal(value: Decimal | int | float | str) -> Decimal:
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            result = Decimal(value)
        except InvalidOperation as exc:
            raise ValueError(f"not a number: {value!r}") from exc
    else:
        raise TypeError(f"expected a number, got {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def _group_thousands(int_digits: str) -> str:
    head = len(int_digits) % 3 or 3
    groups = [int_digits[:head]]
    groups.extend(int_digits[i : i + 3] for i in range(head, len(int_digits), 3))
    return ".".join(groups)


def format_vn_number(value: Decimal | int | float | str | None, decimals: int | None = None) -> str:
    """Format a number the Vietnamese way: ``10.619``, ``7,47``, ``-4,13``.

    ``None`` → "". With ``decimals=None`` trailing zeros are trimmed (``7.50`` → "7,5");
    with ``decimals=n`` exactly ``n`` decimals are shown, rounded ROUND_HALF_UP.
    """
    if value is None:
        return ""
    d = _to_decimal(value)
    with localcontext() as ctx:
        ctx.prec = max(28, len(d.as_tuple().digits) + (decimals or 0) + 30)
        if decimals is not None:
            if decimals < 0:
                raise ValueError("decimals must be >= 0")
            d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        text = format(abs(d), "f")
    int_part, _, frac_part = text.partition(".")
    if decimals is None:
        frac_part = frac_part.rstrip("0")
    result = _group_thousands(int_part)
    if frac_part:
        result += "," + frac_part
    if d < 0 and any(ch not in "0.," for ch in result):
        result = "-" + result
    return result


def format_vn_percent(
    value: Decimal | int | float | str | None, decimals: int | None = None
) -> str:
    """Format a percentage without a space before the sign: ``7,47%``. ``None`` → ""."""
    if value is None:
        return ""
    return format_vn_number(value, decimals) + "%"


def format_count(n: int) -> str:
    """Format a count, with a leading zero below ten: 3 → "03", 12 → "12", 1234 → "1.234"."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("a count must be an int")
    if 0 <= n < 10:
        return f"0{n}"
    return format_vn_number(n)
