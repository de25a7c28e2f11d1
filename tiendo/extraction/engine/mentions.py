"""Numbers of one sentence (mentions) and the text around them: clauses, parentheses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numbers import Token, Unit, find_numbers, read_unit
from .scope import is_date_pair, is_year, out_of_scope


@dataclass
class Mention:
    tok: Token
    unit: Unit
    role: str = "actual"
    extras: dict = field(default_factory=dict)
    left: str = ""  # lower-cased clause text before the number (since the previous number)
    window: str = ""  # lower-cased text since the previous number (whole)
    right: str = ""  # lower-cased text after the unit up to the next number
    said: str = ""  # lower-cased text of the sentence before the number
    subject: str | None = None
    bound: str | None = None
    negative: bool = False
    pair: int | None = None  # index of the other member of an x/y pair
    range_of: int | None = None  # "30–40%": index of the range's first member
    group: tuple[int, int] | None = None  # innermost enclosing parenthesis (open, close)
    stmt: int | None = None


@dataclass
class _Stmt:
    subject: str | None
    mentions: list[int]
    context: str = ""  # the sentence's words before its first number (for a missing subject)
    parent: int | None = None
    status: str | None = None
    period: str | None = None


@dataclass
class _Context:
    report_period: str | None
    year: int | None
    plan: bool = False
    section_period: str | None = None
    # the sentence before gave plans only, or set targets (extractor._line), for the next
    planned: bool = False
    # a sentence of the line being read listed the estimates or plans decided after its colon
    # (sentence_roles.lists_estimates): the rest of the line gives plans
    estimates_listed: bool = False
    # the plans were opened by a line naming the targets of a year, not a section heading:
    # they end with their paragraph (extractor._heads_targets)
    plan_to_blank: bool = False
    # a heading glued to the start of its line set the section for that line only: the
    # section to go back to after it (extractor._glued_heading)
    after_line: tuple[bool, str | None] | None = None


_PAREN_RE = re.compile(r"[()]")
# "đạt 98,31 kế hoạch": the share of the plan reached, typed without its "%"
_REACHED_LEFT_RE = re.compile(r"(?<![\w])(?:đạt|bằng)(?:\s+(?:được|khoảng|hơn|gần|trên))?\s*$",
                              re.IGNORECASE)
_SHARE_SIGN_DROPPED_RE = re.compile(r"\s+(?:kế hoạch|kh|dự toán)(?![\w])", re.IGNORECASE)


def _paren_groups(text: str, a: int, b: int) -> list[tuple[int, int]]:
    groups, stack = [], []
    for m in _PAREN_RE.finditer(text, a, b):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            groups.append((stack.pop(), m.start()))
    groups.extend((o, b) for o in stack)  # unclosed: runs to the sentence end
    return groups


def _innermost(groups, pos):
    best = None
    for o, c in groups:
        if o < pos <= c and (best is None or o > best[0]):
            best = (o, c)
    return best


_AMOUNT_UNIT_RE = re.compile(r"(?<![\w])(?:đồng|usd|ha|tấn|tạ|kg|m2|m3|km)(?![\w])")


def _mentions(text: str, a: int, b: int, line_start: int, masked) -> list[Mention]:
    toks = find_numbers(text[a:b])
    for t in toks:
        t.start += a
        t.end += a
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        slash = text[t.end : nxt.start] if nxt is not None else ""
        if slash == "/" or (slash in ("/ ", " / ") and read_unit(text, nxt.end).kind in (
            "count", "measure", "percent"
        )) or _unit_repeated(text, t, nxt):  # x/y ("33/ 31,5 ha", "83,2%/50%")
            unit = read_unit(text, nxt.end)
            has_noun = unit.kind in ("count", "measure", "percent")
            if is_date_pair(text, t, nxt, line_start, has_noun) or masked.covers(t.start):
                i += 2
                while i < len(toks) and text[toks[i - 1].end : toks[i].start] == "/":
                    i += 1
                continue
            if t.value is not None and nxt.value is not None:
                m1 = Mention(t, unit, role="part")
                m2 = Mention(nxt, unit, role="part")
                if (unit.kind == "measure" and _AMOUNT_UNIT_RE.search(unit.text or "")) or (
                    t.value > nxt.value  # "8.793/6.500 đảng viên": more than a whole, so a plan
                ) or _PLAN_AFTER_RE.match(text, unit.end):  # "507.000 người/515.000 người theo
                    # kế hoạch"
                    # "1.897/1.490 triệu đồng", "53,5/52ha": an amount done over the amount
                    # planned, not a count of things done out of a total (that is a part)
                    m1.role, m2.role = "actual", "target"
                    m2.extras["cue"] = "plan-after-slash"
                if _MAXIMUM_RE.match(text, unit.end):
                    # "54,2/61,5 điểm tối đa": a score out of the most it can be, not a count
                    # done out of a total
                    m1.role, m2.role = "actual", "actual"
                    m2.extras = {"cue": "maximum", "reference": True}
                m1.pair, m2.pair = len(out) + 1, len(out)
                out.extend([m1, m2])
            i += 2
            continue
        if out and t.start < out[-1].unit.end:  # "… bác sĩ trên 10.000 dân": in the unit
            i += 1
            continue
        unit = read_unit(text, t.end)
        if unit.kind in ("none", "count") and _SHARE_SIGN_DROPPED_RE.match(text, t.end) and (
            _REACHED_LEFT_RE.search(text, max(line_start, t.start - 20), t.start)
        ):  # "đạt 105 kế hoạch", "đạt 139,32 KH tỉnh": a share of the plan, its "%" dropped
            unit = Unit("%", t.end, "percent")
        if (  # "10-11%", "30–40 tỷ đồng", "từ 1-2 đảng viên": one range, its unit at its end
            # ("6%-6,5%", "6% - 6,5%": its unit at each end)
            unit.kind in ("none", "percent")
            and nxt is not None
            and (_RANGE_DASH_RE.fullmatch(text, unit.end if unit.kind == "percent" else t.end,
                                          nxt.start) or _from_to(text, t, unit, nxt))
            and t.value is not None
            and nxt.value is not None
            and not (is_year(t) or is_year(nxt))
            and not masked.covers(t.start)
        ):
            end_unit = read_unit(text, nxt.end)
            if end_unit.kind in ("percent", "measure", "count") and t.value < nxt.value and (
                unit.kind == "none" or end_unit.kind == "percent"
            ):
                first = Mention(t, Unit(end_unit.text, t.end, end_unit.kind))
                second = Mention(nxt, end_unit)
                second.range_of = len(out)
                out.extend([first, second])
                i += 2
                continue
        if unit.kind == "none" and out and _goes_on_counting(text, out[-1], t):
            unit = Unit(out[-1].unit.text, t.end, "count")
        if not out_of_scope(text, t, unit, line_start, masked):
            out.append(Mention(t, unit))
        i += 1
    return out


_MAXIMUM_RE = re.compile(r"\s*(?:điểm\s+)?tối đa(?![\w])")
# ", Mỏ Cày Nam 121, Giồng Trôm 120, …" after "Thạnh Phú 121 đảng viên": the next name of a list
# of counts, its count without the noun
_NEXT_NAMED_RE = re.compile(r"\s*[,;]\s*(?:,\s*)?[A-ZĐ][^\W\d_]*(?:[ .-]+[^\W\d_]+){0,9}\s+$")
_ITEM_ENDS_RE = re.compile(r"\s*(?:[,;.…]|và(?![\w])|$)")


def _goes_on_counting(text: str, prev, t) -> bool:
    """A bare number after the next name of a list whose item before gave its count with its
    noun ("Thạnh Phú 121 đảng viên, Mỏ Cày Nam 121, …"): a count of the same noun."""
    return prev.unit.kind == "count" and bool(
        _NEXT_NAMED_RE.fullmatch(text, prev.unit.end, t.start)
        and _ITEM_ENDS_RE.match(text, t.end)
    )
_FROM_BEFORE_RE = re.compile(r"(?<![\w])từ\s*$")
_TO_BETWEEN_RE = re.compile(r"\s+(?:đến|tới)\s+")


def _from_to(text: str, t, unit, nxt) -> bool:
    """"từ 10.000 đến 30.000 đồng/kg": a range in words, its unit at its end only."""
    return unit.kind == "none" and bool(
        _TO_BETWEEN_RE.fullmatch(text, t.end, nxt.start)
        and _FROM_BEFORE_RE.search(text, max(0, t.start - 8), t.start)
    )
_RANGE_DASH_RE = re.compile(r"[ \t]?[-–][ \t]?")
_PLAN_AFTER_RE = re.compile(r"\s*theo\s+(?:kế hoạch|kh)(?![\w])", re.IGNORECASE)


_SLASH_ONLY_RE = re.compile(r"\s*/\s*")


def _unit_repeated(text: str, t, nxt) -> bool:
    """"83,2%/50%", "507.000 người/515.000 người": a pair with its unit written twice."""
    if nxt is None or "/" not in text[t.end : nxt.start]:
        return False
    first = read_unit(text, t.end)
    if first.kind not in ("count", "measure", "percent") or not first.text:
        return False
    second = read_unit(text, nxt.end)
    # ("61,7 tỷ/68,6 tỷ đồng": the unit written in full only at the end)
    return bool(_SLASH_ONLY_RE.fullmatch(text[first.end : nxt.start])) and (
        second.text == first.text or (second.text or "").startswith(first.text + " ")
    )


_CLOSED_PAREN_RE = re.compile(r"\([^()]*\)")


_AND_RE = re.compile(r"(?<![\w])(và|trong đó)(?![\w])")


def _flat(window: str) -> str:
    """Closed parentheses blanked out (they qualify a subject or a number: "(dịch vụ)")."""
    if "(" not in window:
        return window
    return _CLOSED_PAREN_RE.sub(lambda m: " " * len(m.group()), window)


_LAST_MARK_RE = {
    marks: re.compile("[" + re.escape(marks) + "][^" + re.escape(marks) + "]*$")
    for marks in (",;(:)", ",;(", ";(")
}


def _clause_left(window: str, marks: str = ",;(:)", and_cut: bool = False) -> tuple[str, bool]:
    """The part of ``window`` after its last top-level boundary, and whether there was one."""
    flat = _flat(window)
    last = _LAST_MARK_RE[marks].search(flat)
    end = last.start() + 1 if last else 0
    if and_cut:
        for m in _AND_RE.finditer(flat.lower()):
            if m.end() > end:
                end = m.end()
    return (window[end:], True) if end > 0 else (window, False)


def _cue_left(window: str) -> str:
    """Text before a number that can hold its cue words: the clause, or, for a number opening
    a parenthesis ("phương án kịch bản (8,5%)"), the words before the parenthesis."""
    flat = _flat(window)
    left, _ = _clause_left(flat, ",;(")
    if not left.strip() and flat.rstrip().endswith("("):
        window = window[: len(flat.rstrip()) - 1]  # the words before the parenthesis
        left, _ = _clause_left(flat[: len(window)], ",;(")
    return _mask_document_names(left, window)


_PLAN_NAME_CAPITAL_RE = re.compile(r"(?<![\w])(Kế hoạch|Chương trình|Chỉ tiêu|Mục tiêu)")


def _mask_document_names(left: str, window: str) -> str:
    """"ban hành các Kế hoạch mở 06 lớp": a capitalised plan word inside a clause is the name
    of a document, not a plan figure."""
    raw = window[len(window) - len(left) :] if left else ""

    def repl(m: re.Match) -> str:
        return "văn bản" if raw[: m.start()].strip(" -–") else m.group().lower()

    return _PLAN_NAME_CAPITAL_RE.sub(repl, raw).lower()
