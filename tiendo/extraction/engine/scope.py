"""Which numbers are quantities (in scope) and which are dates, identifiers, names or markers.

docs/extraction-format.md lists what is out of scope: dates and periods, document numbers and
named bodies, numbers inside proper names, section/list markers and footnote marks, and fixed
structural counts ("chính quyền 2 cấp", "24/7"). Each rule below is one of those, written for
the grammar of the text, never for a given report.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from . import lexicon
from .numbers import Token, Unit

_ID_WORDS_RE = re.compile(
    r"(?:^|[\s(])(" + "|".join(re.escape(w) for w in sorted(lexicon.IDENTIFIER_WORDS,
                                                              key=len, reverse=True))
    + r")\s*$"
)
_DATE_BEFORE_RE = re.compile(
    r"(?:^|[\s(])(?:" + "|".join(re.escape(w) for w in lexicon.DATE_WORDS)
    + r"|từ|đến|trước|sau|dịp|hạn)\s*$"
)
_SO_RE = re.compile(r"(?:^|\s)số\s*$")
_PERIOD_WORD_RE = re.compile(r"(?:^|[\s(])(?:tháng|quý|ngày|tuần|năm|đợt|kỳ)\s*$")
_ORDINAL_RE = re.compile(r"(?:thứ|lần|khóa|khoá|kỳ|số)\s*$")
# Document number tails: "245/QĐ-UBND", "18-NQ/TW", "18- NQ/TW", "123/2024/NĐ-CP".
_DOC_TAIL_RE = re.compile(r"\s*[/\-–]\s*(?:[0-9]{4}\s*/\s*)?[A-ZĐ]{1,}")
# a unit typed glued to its figure ("5ha", "30tạ/ha", "970con", "71,79Mbps", "8.800.000đ")
_GLUED_UNIT_RE = re.compile(
    r"(" + "|".join(re.escape(w) for w in sorted(
        {*lexicon.MEASURE_UNITS, "%", "tỷ", "triệu", "con"}, key=len, reverse=True))
    + r")(?![\w])", re.IGNORECASE
)
_VALUE_CUE_RE = re.compile(
    r"(?:đạt|là|bằng|tăng|giảm|khoảng|chiếm|còn|mức|trên|dưới|hơn|gần|quá|tối đa|tối thiểu"
    r"|kh|kế hoạch|chỉ tiêu|:|>|<|≥|≤|="
    # the forms of party discipline count the people they were applied to ("khiển trách 28,
    # cảnh cáo 21", "huyện ủy thi hành kỷ luật 8")
    r"|khiển trách|cảnh cáo|cách chức|khai trừ|kỷ luật"
    r"|đề ra|được giao|giao)\s*$"  # "(chỉ tiêu đề ra 150)": the plan given
)
# "662 trong tổng số 686 tổ chức", "12 trên 44 bộ, cơ quan": a count out of a whole
_OUT_OF_RE = re.compile(r"\s*(?:trong|trên)\s+(?:(?:tổng\s+)?số\s+)?[0-9]")
# "khiển trách 28 (chiếm 45%)": a bare number whose share of a whole follows is a count
_SHARE_AFTER_RE = re.compile(
    r"\s*\(\s*(?:chiếm\s+)?(?:khoảng\s+)?[0-9]+(?:[.,][0-9]+)?\s*%"
    # "Hoàn thành tốt nhiệm vụ 35 (có 07 đảng bộ và 28 chi bộ), chiếm tỷ lệ 68,62%": the share
    # the count is, told after a comma
    r"|\s*(?:\([^()]{0,80}\)\s*)?,?\s*chiếm(?:\s+t[ỷỉ] lệ)?(?:\s+khoảng)?\s+"
    r"[0-9]+(?:[.,][0-9]+)?\s*%"
)


_RANK_BEFORE_RE = re.compile(r"(?<![\w])(?:thứ|hạng|xếp|đứng|vị trí)\s*$")


_RANK_RE = re.compile(r"(?<![\w])(?:đứng|xếp|vị trí|hạng)(?:\s+(?:thứ|hạng))?\s*$")


class Mask:
    """Spans of the text whose numbers are never quantities (quotes, footnote marks)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def is_year(tok: Token) -> bool:
    return (
        tok.value is not None
        and len(tok.text) == 4
        and tok.text.isdigit()
        and 1900 <= int(tok.text) <= 2100
    )


_MARKER_TAIL_RE = re.compile(r"\.[0-9]|/\s")


def is_list_marker(text: str, tok: Token, line_start: int) -> bool:
    """"2.1." / "1." / "(1)" / "1)" opening a line or an enumerated item."""
    before = text[line_start : tok.start]
    after = text[tok.end : tok.end + 3]
    if before.strip(" \t-–•*+\u00a0") == "" and (
        after.startswith((".", ")")) or _MARKER_TAIL_RE.match(after)
    ):
        return True
    # "(1) Triển khai…", "(2) Đẩy nhanh…": a bracketed small number before a capitalised word
    if text[tok.start - 1 : tok.start] == "(" and after.startswith(")"):
        rest = text[tok.end + 1 : tok.end + 4].lstrip()
        if rest[:1].isupper() or rest[:1] == "":
            return True
    return False


class _Around(NamedTuple):
    """A token and what is around it: the line it is on and the 30 characters before it."""

    text: str
    tok: Token
    unit: Unit
    line_start: int
    before: str  # lower case


_COVID_BEFORE_RE = re.compile(r"(?<![\w])covid\s*[-–]?\s*$", re.IGNORECASE)


def _glued_to_letters(at: _Around) -> bool:
    """"COVID-19", "H5N1", "14C", "F0" (a glued unit like "5ha" is fine)."""
    text, tok = at.text, at.tok
    if text[tok.start - 1 : tok.start] == "-" and tok.start >= 2 and text[tok.start - 2].isalpha():
        return True
    before = text[max(0, tok.start - 10) : tok.start]
    if "vid" in before.lower() and _COVID_BEFORE_RE.search(before):
        return True  # "Covid - 19", "Covid 19": the name of the disease, spaced
    return text[tok.end : tok.end + 1].isalpha() and not _GLUED_UNIT_RE.match(text, tok.end)


_DOC_KIND_AFTER_RE = re.compile(r"\s*[/\-–]\s*(?:[0-9]{4}\s*/\s*)?[A-ZĐ]{2,}")


def _document_number(at: _Around) -> bool:
    """"245/QĐ-UBND", "18-NQ/TW", "18- NQ/TW", "123/2024/NĐ-CP": a document number."""
    if not (_DOC_TAIL_RE.match(at.text, at.tok.end) and at.unit.kind in ("none", "count")):
        return False
    tail = at.text[at.tok.end : at.tok.end + 12]
    return bool(_DOC_KIND_AFTER_RE.match(tail))


def _list_marker(at: _Around) -> bool:
    """"2.1.", "1)", "(1) Triển khai…": a section or list marker."""
    return is_list_marker(at.text, at.tok, at.line_start)


_YEARS_SPAN_BEFORE_RE = re.compile(r"(?:19|20)[0-9]{2}\s*[-–]\s*$")


def _year(at: _Around) -> bool:
    """"năm 2022", "năm 2022 Đồng Nai": a year, before a name too, not 2022 đồng; the end of a
    span of years ("nhiệm kỳ 2021 - 2026 ngày 11/12")."""
    if is_year(at.tok) and _YEARS_SPAN_BEFORE_RE.search(at.before):
        return True
    return is_year(at.tok) and (
        at.unit.kind not in ("percent", "measure")
        or at.text[at.tok.end : at.unit.end].strip()[:1].isupper()
    )


_AGE_CUE_BEFORE_RE = re.compile(r"(?:đạt|là|khoảng|ước)\s*$")


def _structural(at: _Around) -> bool:
    """"chính quyền 2 cấp": a fixed structural count; an age reached ("tuổi thọ … đạt khoảng
    74,8 tuổi") is a quantity."""
    if at.unit.text == "tuổi" and _AGE_CUE_BEFORE_RE.search(at.before):
        return False
    return at.unit.kind == "structural"


# "năm thứ 3 liên tiếp", "lần thứ 21 mở rộng", "kỳ họp lần thứ 3": which time it is, whatever
# follows (not "đứng thứ 3", a rank)
_TIME_ORDINAL_RE = re.compile(
    r"(?<![\w])(?:năm|lần|đợt|kỳ|kỳ họp|khóa|khoá|tháng|quý|tuần|vòng|phiên|phiên họp)\s+thứ\s*$"
)


_THU_BEFORE_RE = re.compile(r"(?<![\w])thứ\s*$")


def _ordinal(at: _Around) -> bool:
    """"lần 2", "khóa 15", "kỳ họp thứ 8", "kỳ họp thứ 12 Hội đồng nhân dân", "năm thứ 3 liên
    tiếp": an ordinal."""
    if "thứ" in at.before and _TIME_ORDINAL_RE.search(at.before):
        return True
    if at.unit.kind == "count" and _THU_BEFORE_RE.search(at.before):
        return at.text[at.tok.end : at.unit.end].strip()[:1].isupper()
    return at.unit.kind == "none" and bool(_ORDINAL_RE.search(at.before))


# "kỳ họp 8 sáng ngày 21/10", "HĐND xã khóa 20 tổ chức họp": the number of a session or of a
# council's term, whatever word follows it (not "mỗi khóa 30 học viên", a count of a course)
_SESSION_OR_TERM_RE = re.compile(
    r"(?<![\w])(?<!mỗi )(?<!một )(?:kỳ họp|phiên họp|khóa|khoá)\s*$"
)


def _session_or_term(at: _Around) -> bool:
    """The number of a session or of a term, after its word."""
    return at.unit.kind != "percent" and bool(_SESSION_OR_TERM_RE.search(at.before))


# "tăng trưởng 2 con số" (double-digit growth), "là 1 trong 10 địa phương" (one of ten): idioms
_DIGITS_IDIOM_RE = re.compile(r"\s*con số(?![\w])")
_ONE_OF_RE = re.compile(r"\s+trong\s+(?:số\s+)?[0-9]")
_ONE_OF_BEFORE_RE = re.compile(r"(?<![0-9.,])1\s+trong\s+(?:số\s+)?$")


def _idiom(at: _Around) -> bool:
    """"2 con số", "1 trong 10": a number in an idiom counts nothing."""
    text, tok = at.text, at.tok
    if len(tok.text) <= 2 and (
        (tok.text in ("1", "01") and _ONE_OF_RE.match(text, tok.end))
        or _DIGITS_IDIOM_RE.match(text, tok.end)
    ):
        return True
    return "trong" in at.before and _ONE_OF_BEFORE_RE.search(at.before) is not None


_GRADE_RE = re.compile(r"(?<![\w])lớp\s*$", re.IGNORECASE)


def _grade(at: _Around) -> bool:
    """"thi đỗ vào lớp 10 công lập", "học sinh lớp 9": a school grade is a name, whatever word
    follows it ("04 lớp" before the noun is a count)."""
    return at.unit.kind != "percent" and bool(_GRADE_RE.search(at.before))


_RANK_GOES_ON_RE = re.compile(r"(?<![\w])(?:và|,)\s+thứ\s*$")


def _rank(at: _Around) -> bool:
    """"đứng thứ 12 cả nước", "xếp hạng 5 toàn quốc": a rank."""
    return at.unit.kind != "percent" and bool(
        _RANK_RE.search(at.before)
        # "đứng thứ 10 trong cả nước và thứ 3 khu vực": a rank whose verb is not repeated
        or (at.unit.kind != "measure" and _RANK_GOES_ON_RE.search(at.before))
    )


_NAMES_LISTED_BEFORE_RE = re.compile(r"\s*[0-9]+\s*(?:,|và|-|–)\s*$")


def _identifier(at: _Around) -> bool:
    """"Điều 5", "quốc lộ 20", "thôn 3": a bare number after a word that names things by
    number (lexicon.IDENTIFIER_WORDS)."""
    if at.unit.kind != "none":
        return False
    # "mức độ 3, 4", "thôn 2 và 5": the names listed after the first
    before = _NAMES_LISTED_BEFORE_RE.sub(" ", at.before)
    return bool(_ID_WORDS_RE.search(at.before) or _ID_WORDS_RE.search(before))


# "người dân tộc thiểu số 12 đồng chí", "tổng số 45 đảng viên": "số" in a noun, not "No."
_SO_IN_A_NOUN_RE = re.compile(r"(?<![\w])(?:tổng|thiểu|đa|dân|một)\s+số\s*$")


def _after_so(at: _Around) -> bool:
    """"Quyết định số 245": the number of a document (not "so với dân số 42%": a share)."""
    if not at.before.endswith(("số", "số ")):  # (the cheap test first: asked of every figure)
        return False
    if at.unit.kind in ("count", "percent") and _SO_IN_A_NOUN_RE.search(at.before):
        return False
    return bool(_SO_RE.search(at.before))


# "chỉ tiêu năm 240 đảng viên", "kế hoạch năm 12 dự án": "năm" names the plan's period, and
# the count after it is the plan; "giảm so với cùng kỳ 4 vụ": "cùng kỳ" is a basis, not a date
_PLAN_OF_THE_YEAR_RE = re.compile(
    r"(?<![\w])(?:(?:chỉ tiêu|kế hoạch|kh|mục tiêu|dự toán)\s+năm|cùng kỳ)\s*$"
)


def _period_or_date(at: _Around) -> bool:
    """"tháng 9", "quý 2", "ngày 15": a period or a date."""
    if at.unit.kind == "count" and _PLAN_OF_THE_YEAR_RE.search(at.before):
        return False
    return at.unit.kind not in ("percent", "measure") and bool(_PERIOD_WORD_RE.search(at.before))


# "16-08-2012" (the day, then the month), "ngày 10-11": a date written with hyphens
_DAY_OF_A_HYPHEN_DATE_RE = re.compile(r"-[0-9]{1,2}-(?:19|20)[0-9]{2}(?![0-9])")
_MONTH_OF_A_HYPHEN_DATE_RE = re.compile(r"(?:(?<![0-9.,])[0-9]{1,2}-|(?<![\w])ngày\s+[0-9]{1,2}-)$")


def _hyphen_date(at: _Around) -> bool:
    """"Cập nhật: 16-08-2012", "đến ngày 10-11": the day or the month of a date written
    with hyphens."""
    text, tok = at.text, at.tok
    if "-" not in (text[tok.end : tok.end + 1], text[tok.start - 1 : tok.start]):
        return False  # (the cheap test first: this is asked of every number)
    if not (tok.text.isdigit() and len(tok.text) <= 2):
        return False
    if _DAY_OF_A_HYPHEN_DATE_RE.match(text, tok.end):
        return True
    month = _MONTH_OF_A_HYPHEN_DATE_RE.search(at.before)
    return month is not None and int(tok.text) <= 12 and (
        month.group().startswith("ngày") or re.match(r"-(?:19|20)[0-9]{2}(?![0-9])", text[tok.end :
                                                                                    tok.end + 6])
    )


# "đến 14 giờ 15 phút chiều": a time of day told in words
_CLOCK_HOUR_RE = re.compile(r"\s*giờ\s*[0-9]{1,2}\s*phút(?![\w])")


def _clock_time(at: _Around) -> bool:
    """"14 giờ 15 phút": the hour and the minute of a time of day (not "49 giờ", a
    duration)."""
    if at.unit.text == "giờ":
        return _CLOCK_HOUR_RE.match(at.text, at.tok.end) is not None
    return at.unit.text == "phút" and re.search(r"[0-9]\s*giờ\s*$", at.before) is not None


# "Kế hoạch 437 ngày 10/10/2014", "Đề án 06", "Chương trình 135": a document or a programme
# named by its number (not "theo Nghị quyết 90% trở lên", the plan's figure)
_NAMED_BY_NUMBER_RE = re.compile(
    r"(?<![\w])(?:Kế hoạch|Quyết định|Chỉ thị|Nghị quyết|Nghị định|Thông tư|Công văn|Công điện"
    r"|Thông báo|Kết luận|Đề án|Chương trình)\s+$"
)


def _named_by_its_number(at: _Around) -> bool:
    """A number right after a document's or a programme's name, written with a capital."""
    if not (at.tok.text.isdigit() and len(at.tok.text) <= 4):
        return False
    if not _NAMED_BY_NUMBER_RE.search(at.text, max(at.line_start, at.tok.start - 16), at.tok.start):
        return False
    return at.unit.kind not in ("percent", "measure") or (
        re.match(r"\s*ngày\s+[0-9]", at.text[at.tok.end : at.tok.end + 12]) is not None
    )


def _time_of_day(at: _Around) -> bool:
    """"22:46", "09:16:43": a time of day (of a page's date line), not a quantity."""
    text, tok = at.text, at.tok
    if ":" not in (text[tok.end : tok.end + 1], text[tok.start - 1 : tok.start]):
        return False  # (the cheap test first: this is asked of every number)
    return bool(
        re.match(r":[0-9]{2}(?![0-9])", text[tok.end : tok.end + 3])
        or re.search(r"(?<![0-9.,])[0-9]{1,2}:$", text[max(0, tok.start - 3) : tok.start])
    ) and bool(re.fullmatch(r"[0-9]{1,2}", tok.text))


_LABEL_MARK_RE = re.compile(r"\s*[:)]")


def _label(at: _Around) -> bool:
    """"Chỉ tiêu 1:", "Nhiệm vụ 2)": a label."""
    after = at.text[at.tok.end : at.tok.end + 3]
    if after.lstrip().startswith(")") and _VALUE_CUE_RE.search(at.before.rstrip()):
        return False  # "(khiển trách 3, cảnh cáo 1)": a count closing its parenthesis
    return at.unit.kind == "none" and bool(_LABEL_MARK_RE.match(after))


def _line_end(at: _Around) -> int:
    end = at.text.find("\n", at.tok.end)
    return len(at.text) if end < 0 else end


_CELL_FIGURE_RE = re.compile(r"\s*[-–−]?\s*[0-9][0-9.,]*\s*%?\s*")


def _in_a_cell(at: _Around) -> bool:
    """"Tổng thu và viện trợ\t323,000\t416,783": a figure alone in a cell of a row of
    tab-separated cells (a table whose header names no column the table reader knows) is a
    value of the row (not the first cell: the row's index, _row_index)."""
    end = _line_end(at)
    left = at.text.rfind("\t", at.line_start, at.tok.start)
    if left < 0:
        return False
    right = at.text.find("\t", at.tok.end, end)
    cell = at.text[left + 1 : right if right >= 0 else end]
    return bool(_CELL_FIGURE_RE.fullmatch(cell))


_ROW_INDEX_CELL_RE = re.compile(r"\s*[0-9]{1,3}\s*[.)]?\s*")


def _row_index(at: _Around) -> bool:
    """"1\tHuyện A\t1.234": the index alone in the first cell of a row of cells."""
    first_tab = at.text.find("\t", at.line_start, _line_end(at))
    return first_tab > at.tok.start and bool(
        _ROW_INDEX_CELL_RE.fullmatch(at.text[at.line_start : first_tab]))


_SHARE_OF_PLAN_NEXT_RE = re.compile(r"\s*,?\s*(?:ước\s+)?(?:đạt|bằng)\s+[0-9]")


def _bare_without_cue(at: _Around) -> bool:
    """A bare number is a quantity only after a value cue ("đạt 1,2", "KH: 3,6") or alone in
    a cell of a table's row."""
    return (
        at.unit.kind == "none"
        and not _in_a_cell(at)
        and not _VALUE_CUE_RE.search(at.before.rstrip())
        and not _SHARE_AFTER_RE.match(at.text, at.tok.end)
        # "Tổng diện tích cây công nghiệp 42.107 đạt 101% kế hoạch": reached a share of its plan
        and not _SHARE_OF_PLAN_NEXT_RE.match(at.text[at.tok.end :
                                                                          at.tok.end + 20])
        # "có 662 trong tổng số 686 tổ chức cơ sở đảng": a count out of a whole
        and not _OUT_OF_RE.match(at.text, at.tok.end)
    )


def _in_a_name(at: _Around) -> bool:
    """"Hòa Bình 2", "Ban Chỉ đạo 389": a bare number right after a capitalised word."""
    if at.unit.kind != "none":
        return False
    if _SHARE_AFTER_RE.match(at.text, at.tok.end):
        return False  # "tiểu học 206 (75,2%), THCS 123 (56%)": a count with its share
    if _OUT_OF_RE.match(at.text, at.tok.end):
        return False  # "Có 662 trong tổng số 686 tổ chức": a count out of a whole
    if _in_a_cell(at):
        return False  # "Huyện A\t1.234": the name is in the cell before
    words = at.text[max(at.line_start, at.tok.start - 20) : at.tok.start].split()
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() not in _VERBS_OF_A_COUNT


# a verb opening a sentence with its count, not a name: "Có 12 xã", "Còn 3 hộ", "KH 5"
_VERBS_OF_A_COUNT = ("kh", "đạt", "có", "còn", "gồm")


_PER_SLASH_BEFORE_RE = re.compile(r"[^\W\d_]\s*/\s*$")


def _per_in_a_name(at: _Around) -> bool:
    """"số bác sĩ/10.000 dân", "giường bệnh/1 vạn dân": the whole a rate is per, written in
    its name after a noun and a slash."""
    whole = (at.unit.text or "").split(" ")[0]
    return whole in _WHOLES and bool(_PER_SLASH_BEFORE_RE.search(at.before))


_WHOLES = ("dân", "người", "hộ", "vạn", "nghìn", "ha", "km2")


# What a number is when it is not a quantity, tried in this order.
_NOT_QUANTITIES = (
    _glued_to_letters,
    _per_in_a_name,
    _document_number,
    _list_marker,
    _year,
    _structural,
    _ordinal,
    _session_or_term,
    _idiom,
    _grade,
    _rank,
    _identifier,
    _after_so,
    _period_or_date,
    _hyphen_date,
    _time_of_day,
    _clock_time,
    _named_by_its_number,
    _label,
    _row_index,
    _bare_without_cue,
    _in_a_name,
)


def out_of_scope(text: str, tok: Token, unit: Unit, line_start: int, masked) -> bool:
    """True when the token is not a quantity of a result, state, plan or change."""
    if tok.value is None:  # "4.0", "2.1": versions and section numbers
        return True
    if masked.covers(tok.start):
        return True
    before = text[max(line_start, tok.start - 30) : tok.start].lower()
    at = _Around(text, tok, unit, line_start, before)
    for rule in _NOT_QUANTITIES:  # noqa: SIM110 (a loop, not any(): asked of every figure)
        if rule(at):
            return True
    return False


def is_date_pair(text: str, a: Token, b: Token, line_start: int, has_noun: bool) -> bool:
    """"15/3", "2/9 - 3/9", "tháng 5/2025", "24/7": a date, a month or an idiom, not x/y."""
    if a.value is None or b.value is None:
        return True
    if not (a.text.isdigit() and b.text.isdigit()):
        return False
    ia, ib = int(a.text), int(b.text)
    if is_year(b):
        return True
    if text[b.end : b.end + 1] == "/":  # d/m/y
        return True
    before = text[max(line_start, a.start - 15) : a.start].lower()
    if _DATE_BEFORE_RE.search(before) or _RANK_BEFORE_RE.search(before):
        return True  # a date, or a rank ("xếp thứ 10/63", "xếp 9/63", "đứng thứ 5/34")
    if ib == 24 or (ia == 24 and ib == 7):
        return not has_noun
    return not has_noun and 1 <= ia <= 31 and 1 <= ib <= 12
