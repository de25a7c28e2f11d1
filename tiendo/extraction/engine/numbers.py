"""Finding numbers in Vietnamese prose and reading the unit written after them.

``find_numbers(text)`` returns every number token with its span and value; ``read_unit`` reads
what follows a number ("%", "tỷ đồng", "nghìn lượt khách", "bác sĩ/vạn dân", "doanh nghiệp").
Values come from :func:`tiendo.lib.vn_numbers.parse_vn_number`, the one parser of the project;
a token it rejects ("4.0", "2.1") is not a quantity (a version or a section marker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tiendo.lib.vn_numbers import VnNumberError, parse_decimal_input, parse_vn_number

from . import lexicon

# A run of digits with "." and "," inside it, not glued to a letter or digit on the left.
NUMBER_RE = re.compile(
    # a figure glued to the verb before it, a slip of the keyboard ("đạt3,02%", "giảm2,6%")
    r"(?:(?<![\w.,])|(?<=đạt)|(?<=tăng)|(?<=giảm)|(?<=bằng)|(?<=chiếm))[0-9]+(?:[.,][0-9]+)*"
)


@dataclass
class Token:
    start: int
    end: int
    text: str
    value: float | int | None  # None when the token is not a Vietnamese number


def to_json_number(d) -> float | int:
    """A Decimal as a JSON-friendly int (when whole) or float."""
    if d == d.to_integral_value():
        return int(d)
    return float(d)


_MACHINE_DECIMAL_RE = re.compile(r"[0-9]+\.[0-9]{1,2}")
_PERCENT_AFTER_RE = re.compile(r"\s?%")
_ZERO_POINT_RE = re.compile(r"0\.[0-9]+")
# two or more groups of three after commas cannot be a Vietnamese decimal
ENGLISH_GROUPS_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){2,}")
# a year ("2024", not in "12024")
YEAR_RE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


def find_numbers(text: str) -> list[Token]:
    """Every number-like token of ``text`` in order; never raises.

    A token that is not written the Vietnamese way has no value (``4.0``, ``2.1``: versions
    and section numbers), except a percentage typed with a decimal point (``7.5%``), which
    only a slip of the keyboard produces, and a whole number grouped the English way
    (``1,338,000``, in a bilingual table).
    """
    out = []
    for m in NUMBER_RE.finditer(text):
        if _ZERO_POINT_RE.fullmatch(m.group()):  # "0.7024 điểm", "0.702": a dot after a zero
            # groups no thousands, it is a decimal point
            out.append(Token(m.start(), m.end(), m.group(), float(m.group())))
            continue
        try:
            value = to_json_number(parse_vn_number(m.group()))
        except (VnNumberError, ValueError, ArithmeticError):
            value = None
            if _MACHINE_DECIMAL_RE.fullmatch(m.group()) and _PERCENT_AFTER_RE.match(text, m.end()):
                value = to_json_number(parse_decimal_input(m.group()))
            elif ENGLISH_GROUPS_RE.fullmatch(m.group()):  # "1,338,000": grouped the English way
                value = int(m.group().replace(",", ""))
        out.append(Token(m.start(), m.end(), m.group(), value))
    return _compound_amounts(text, out)


# "57 tỷ 148 triệu đồng", "2 triệu 500 nghìn đồng": one amount, in the smaller scale, written
# in two parts; its span runs from the first digit to the last
_COMPOUND_BETWEEN_RE = re.compile(r"[ \t\u00a0]+(tỷ|tỉ|triệu)[ \t\u00a0]+", re.IGNORECASE)
_COMPOUND_AFTER_RE = re.compile(r"[ \t\u00a0]*(triệu|nghìn|ngàn)(?![\w])", re.IGNORECASE)
_SMALLER_SCALE = {"tỷ": "triệu", "tỉ": "triệu", "triệu": "nghìn"}


def _compound_amounts(text: str, tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        a = out[-1] if out else None
        big = _COMPOUND_BETWEEN_RE.fullmatch(text, a.end, tok.start) if a else None
        small = _COMPOUND_AFTER_RE.match(text, tok.end) if big else None
        if (
            a is not None and big and small and isinstance(a.value, int)
            and _SMALLER_SCALE[big.group(1).lower()] == _norm(small.group(1))
            and tok.text.isdigit() and len(tok.text) <= 3
        ):
            value = a.value * 1000 + int(tok.text)
            out[-1] = Token(a.start, tok.end, text[a.start : tok.end], value)
            continue
        out.append(tok)
    return out


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_WB = r"(?![\w])"  # the word ends here
# "tỷ lệ", "tỷ trọng" are nouns (a rate, a share), not the scale "tỷ" ("năm 2018 tỷ lệ …")
_MULT_RE = re.compile(
    rf"[ \t\u00a0]*({_alternation(lexicon.MULTIPLIERS)}){_WB}(?![ \t\u00a0]+(?:lệ|trọng){_WB})"
)
_MEASURE_RE = re.compile(rf"[ \t\u00a0]*({_alternation(lexicon.MEASURE_UNITS)}){_WB}")
_NOUN_RE = re.compile(rf"[ \t\u00a0]*({_alternation(lexicon.COUNT_NOUNS)}){_WB}")
_PERCENT_RE = re.compile(r"[ \t\u00a0]*(%|‰|phần trăm)")
# words that open on a unit but are none ("lần lượt": respectively)
_NOT_A_UNIT_RE = re.compile(r"[ \t\u00a0]*lần lượt(?![\w])")
_DENOM_RE = re.compile(
    rf"[ \t\u00a0]*/[ \t\u00a0]*({_alternation(lexicon.DENOMINATORS)}){_WB}"
)
_WORD_RE = re.compile(r"[ \t\u00a0]*([^\W\d_]+)")
_PER_RE = re.compile(
    r"[ \t\u00a0]+trên[ \t\u00a0]+(1|10|100|1\.000|10\.000|100\.000)[ \t\u00a0]+"
    rf"(dân|người|ha|hộ|lao động|học sinh|trẻ|trẻ em|km2){_WB}"
)
_STRUCT_RE = re.compile(rf"[ \t\u00a0]*({_alternation(lexicon.STRUCTURAL_NOUNS)}){_WB}")

# Words that follow a number without being its unit.
_NOT_UNIT = {
    "và", "so", "với", "trong", "của", "đến", "tới", "để", "là", "được", "đã", "thì", "tại", "ở",
    "cho", "từ", "theo", "về", "trên", "dưới", "hơn", "khoảng", "gần", "hoặc", "hay", "nhưng",
    "tăng", "giảm", "đạt", "bằng", "chiếm", "còn", "vào", "ra", "lên", "xuống", "trở", "nên",
    "các", "những", "mỗi", "này", "đó", "kia", "như", "sau", "trước", "khi", "nếu", "do",
    "bởi", "vì", "qua", "cùng", "kỳ", "năm", "tháng", "quý", "ngày", "tuần", "giờ",
    "ước", "thực", "không", "chưa", "đang", "sẽ", "phải", "cần", "nhằm", "gồm", "có",
    "cả", "toàn",
}


@dataclass
class Unit:
    text: str | None  # normalised unit, lower case, "ngàn" → "nghìn"
    end: int  # offset after the unit as written (== number end when no unit)
    kind: str  # "percent", "measure", "count", "none", "structural"


_NGAN_RE = re.compile(r"\bngàn\b")


def _norm(u: str) -> str:
    u = " ".join(u.lower().split())
    return _NGAN_RE.sub("nghìn", u)


def read_unit(text: str, pos: int) -> Unit:
    """Read the unit written from ``pos`` (just after a number)."""
    low = text[pos : pos + 80].lower()
    m = _PERCENT_RE.match(low)
    if m:
        return Unit("%", pos + m.end(), "percent")
    if _NOT_A_UNIT_RE.match(low):  # "thứ 5 và thứ 6 lần lượt là …": "respectively", no unit
        return Unit(None, pos, "none")
    m = _STRUCT_RE.match(low)
    noun = _NOUN_RE.match(low)
    if m and not (noun and noun.end() > m.end()):  # "13 cấp ủy viên" counts people
        return Unit(_norm(m.group(1)), pos + m.end(), "structural")
    parts = []
    cur = 0
    kind = "none"
    m = _MULT_RE.match(low, cur)
    if m:
        parts.append(m.group(1))
        cur = m.end()
        kind = "measure"
    measure = _MEASURE_RE.match(low, cur)
    noun = _NOUN_RE.match(low, cur)
    if noun and (not measure or noun.end() > measure.end()):
        measure = None
    if measure:
        parts.append(measure.group(1))
        cur = measure.end()
        kind = "measure"
    else:
        m = noun
        if m:
            parts.append(m.group(1))
            cur = m.end()
            kind = "count"
        elif not parts:
            m = _WORD_RE.match(low, cur)
            if m and m.group(1) not in _NOT_UNIT and text[pos + m.start(1)].islower():
                parts.append(m.group(1))
                cur = m.end()
                kind = "count"
    if not parts:
        return Unit(None, pos, "none")
    m = _DENOM_RE.match(low, cur)
    while m:  # "bác sĩ/vạn dân", "triệu đồng/người/năm"
        parts[-1] = parts[-1] + "/" + m.group(1)
        cur = m.end()
        m = _DENOM_RE.match(low, cur)
    m = _PER_RE.match(low, cur)
    if m:  # "15 bác sĩ trên 10.000 dân", "53 triệu đồng trên 1 ha": per so many of a whole
        parts[-1] = f"{parts[-1]}/{m.group(1)} {m.group(2)}"
        cur = m.end()
    return Unit(_norm(" ".join(parts)), pos + cur, kind)
