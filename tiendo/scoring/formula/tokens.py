"""Tokeniser: a formula's text as numbers, names and operators, each with its position."""

from __future__ import annotations

from dataclasses import dataclass

from .language import FormulaError


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # num, name, op, end
    text: str
    pos: int  # 1-based


_BLANKS = " \t\r\n"
_TWO_CHAR_OPS = ("<=", ">=", "==", "!=")
_ONE_CHAR_OPS = "+-*/(),<>"
# characters that are never valid, with the hint for what was probably meant
_HINTS = {
    "=": "dùng '==' để so sánh bằng",
    "!": "dùng 'not' để phủ định, hoặc '!=' để so sánh khác",
    "%": "không dùng dấu '%'; viết tỉ lệ dạng số, ví dụ 0.3 hoặc 30 / 100",
}


def tokenize(src: str) -> list[Token]:
    toks: list[Token] = []
    i, n = 0, len(src)
    while i < n:
        if src[i] in _BLANKS:
            i += 1
            continue
        kind, j = _scan(src, i)
        toks.append(Token(kind, src[i:j], i + 1))
        i = j
    toks.append(Token("end", "", n + 1))
    return toks


def _scan(src: str, i: int) -> tuple[str, int]:
    """Kind and end of the token that starts at ``src[i]`` (not a blank)."""
    c = src[i]
    if _is_digit(c) or (c == "." and i + 1 < len(src) and src[i + 1].isdigit()):
        return "num", _number_end(src, i)
    if c.isascii() and (c.isalpha() or c == "_"):
        return "name", _name_end(src, i)
    if src[i:i + 2] in _TWO_CHAR_OPS:
        return "op", i + 2
    if c in _ONE_CHAR_OPS:
        return "op", i + 1
    raise _bad_character(c, i)


def _is_digit(c: str) -> bool:
    return c.isascii() and c.isdigit()


def _digits_end(src: str, j: int) -> int:
    while j < len(src) and _is_digit(src[j]):
        j += 1
    return j


def _number_end(src: str, i: int) -> int:
    n = len(src)
    j = _digits_end(src, i)
    if j < n and src[j] == ".":
        j += 1
        if not (j < n and _is_digit(src[j])):
            raise FormulaError(j + 1, "thiếu chữ số sau dấu chấm thập phân")
        j = _digits_end(src, j)
        if j < n and src[j] == ".":
            raise FormulaError(j + 1, "số có hai dấu chấm thập phân")
    if j < n and (src[j].isalpha() or src[j] == "_"):
        raise FormulaError(j + 1, f"số viết liền với chữ '{src[i:j + 1]}'")
    return j


def _name_end(src: str, i: int) -> int:
    j = i
    while j < len(src) and src[j].isascii() and (src[j].isalnum() or src[j] == "_"):
        j += 1
    return j


def _bad_character(c: str, i: int) -> FormulaError:
    if c in _HINTS:
        return FormulaError(i + 1, _HINTS[c])
    if c.isalpha():
        return FormulaError(
            i + 1, f"tên chỉ số chỉ gồm chữ không dấu, chữ số và '_' (gặp '{c}')")
    return FormulaError(i + 1, f"ký tự không hợp lệ '{c}'")
