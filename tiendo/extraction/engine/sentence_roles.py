"""The role of each number of one sentence, and its marks, read from the text around it.

For each number in turn (step 3 of the pipeline, see extractor.py): what is around it (its
window since the number before, the text up to the next, its parenthesis, its subject), then
its role — the one the words give (roles.local_role), adjusted by :data:`_ROLE_RULES` in
order — then its marks (:data:`_MARKS`: its place in a "lần lượt" list, its bounds, a sign).
Each number is read after the ones before it, whose roles some rules look at.
"""

from __future__ import annotations

import re

from . import lexicon, roles
from .mentions import _FROM_BEFORE_RE, Mention, _clause_left, _cue_left, _flat, _innermost
from .naming import _noun_after, _paren_head, _reference, _subject
from .numbers import YEAR_RE as _YEAR_RE
from .numbers import Unit, find_numbers

_AND_ONLY_RE = re.compile(r"\s*(?:và|,)\s*")
_PLANS_IN_TURN_RE = re.compile(
    r"\s*[,;(]?\s*so\s+(?:với\s+)?(?:mục tiêu|kế hoạch|kh|chỉ tiêu|dự toán|nghị quyết)"
    r"(?:\s+[^\W\d_]+){0,4}?\s*(?:là|:|phải đạt|đề ra là|giao là)?\s*"
)
_RANGE_END_RE = re.compile(r"^\s*%?\s*(?:đến|tới|-|–)\s*$")


def _read_numbers(text, a, b, ms: list[Mention], groups) -> None:
    """Reads each number ``ms`` of the sentence text[a:b], in order."""
    _counts_out_of_a_total(text, ms)
    prev_end = a
    for i, m in enumerate(ms):
        m.said = text[a : m.tok.start].lower()
        clause = _surroundings(text, ms, i, prev_end, b, groups)
        _role(text, ms, i, clause)
        for rule in _MARKS:
            rule(ms, i)
        prev_end = m.unit.end
    _respective_roles(ms)
    _bounded_figures_set_out(ms)
    _counts_of_targets(ms)


# "Trong tổng số 15 chỉ tiêu …, có 11 chỉ tiêu đạt và vượt kế hoạch": a count out of a total
# named before it, the same noun counted, written apart
_TOTAL_BEFORE_RE = re.compile(r"(?<![\w])(?:trong\s+)?tổng\s+số\s*$", re.IGNORECASE)
_THEN_ITS_PART_RE = re.compile(
    r"(?:[^0-9.;:()]|(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])){0,120}?(?:,\s*|\s)"
    r"(?:thì\s+|đến nay\s+|hiện\s+|đã\s+)*(?:[^\W\d_]+\s+){0,2}?có\s*$",
    re.IGNORECASE,
)


def _counts_out_of_a_total(text, ms: list[Mention]) -> None:
    """The total and the count out of it are a done/total pair: both ``part``, one statement
    (not when more counts of the same noun follow: "…, có 11 chỉ tiêu đạt, 7 chỉ tiêu không
    đạt" breaks the total down, each count an actual)."""
    for i in range(len(ms) - 1):
        m, n = ms[i], ms[i + 1]
        if (
            m.unit.kind == "count" and m.unit.text and n.unit.text == m.unit.text
            and m.pair is None and n.pair is None and m.range_of is None and n.range_of is None
            and m.tok.value is not None and n.tok.value is not None and n.tok.value <= m.tok.value
            and _TOTAL_BEFORE_RE.search(text, max(0, m.tok.start - 20), m.tok.start)
            and _THEN_ITS_PART_RE.fullmatch(text, m.unit.end, n.tok.start)
            and not any(k.unit.text == m.unit.text for k in ms[i + 2 :])
        ):
            m.role = n.role = "part"
            m.pair, n.pair = i + 1, i


# "giảm từ 11,75% năm 2010 xuống 0,6%", "tăng từ 12,4% đến 13,2% so với cùng kỳ": a move or
# a comparison told after the figure
# (or counted to a date: "… đạt từ 10.000 tỷ đồng trở lên, tính hết tháng 8")
_MOVED_OR_COMPARED_RE = re.compile(
    r"(?<![\w])(?:(?<!trở )lên|xuống|so với|so|cùng kỳ|tính (?:đến|hết|tới))(?![\w])"
)


def _bounded_figures_set_out(ms: list[Mention]) -> None:
    """"Tốc độ tăng trưởng kinh tế tư nhân đạt 11,5-12%", "GRDP … đạt bình quân từ 11%/năm
    trở lên", "tăng tối thiểu 10%/năm": a range or a floor or ceiling written for a level, in a
    clause that tells no result, estimate or comparison, sets it out as a plan (results are
    told as a figure)."""
    for i, m in enumerate(ms):
        if m.role not in ("actual", "change") or m.range_of is not None or m.extras.get(
                "reference"):
            continue
        ranged = i + 1 < len(ms) and ms[i + 1].range_of == i
        # a change is set out as a range of rates only ("tăng bình quân hằng năm 10-12%"): a
        # floor of a change is told of results too ("tăng trên 10%"), and so is a span of
        # amounts ("giá lúa giảm từ 900 - 3.300 đồng/kg")
        if m.role == "change" and not (ranged and m.unit.kind == "percent"):
            continue
        if not (ranged or m.bound in (">=", "<=")):
            continue
        # the end of the range ("từ 12,4% đến 13,2%" is one by its words)
        last = i + 1 if i + 1 < len(ms) and (ranged or (
            m.bound == ">=" and ms[i + 1].bound == "<=")) else i
        if _TOLD_RESULT_RE.search(re.split(r"[;:]", m.said)[-1]) or _MOVED_OR_COMPARED_RE.search(
            re.split(r"[;:.]", ms[last].right)[0]
        ):
            continue
        if m.unit.kind != "percent" and _PRICE_RE.search(re.split(r"[;:]", m.said)[-1]):
            continue  # "lúa thường giá từ 4.500-5.700 đồng/kg": prices spread, as they are
        # a level set out, each a statement of its own (linking._is_primary)
        m.role, m.extras = "target", {"cue": "planned", "planned_level": True}
        if ranged:  # the end of the range goes with its start
            ms[i + 1].role, ms[i + 1].extras = "target", {"cue": "planned"}


# a price ("giá lúa", "giá bán"), not a value ("giá trị sản xuất")
_PRICE_RE = re.compile(r"(?<![\w])giá(?!\s+trị)(?![\w])")


def _respective_roles(ms: list[Mention]) -> None:
    """"lần lượt đạt 40,1% và 25,9% kế hoạch": the words after the last figure of the list
    say what each figure is (here a share of the plan), so the earlier ones read as it does."""
    i = 0
    while i < len(ms):
        if ms[i].extras.get("respectively") != 0:
            i += 1
            continue
        n = i + 1
        while n < len(ms) and ms[n].extras.get("respectively", 0) > 0:
            n += 1
        last = ms[n - 1]
        if n - i > 1 and last.role == "attainment":
            for m in ms[i : n - 1]:
                if m.role == "actual" and m.unit.kind == last.unit.kind:
                    m.role = "attainment"
                    m.extras = dict(last.extras, respectively=m.extras["respectively"])
        i = n


def _surroundings(text, ms, i, prev_end, b, groups) -> str:
    """Reads what is around number ``i``: the text since the number before it (its window
    and the cue on its left), the text up to the next number, its parenthesis and its
    subject. Returns the clause it is in."""
    m = ms[i]
    window = text[prev_end : m.tok.start]
    m.window = window.lower()
    m.left = _cue_left(window)
    nxt_start = ms[i + 1].tok.start if i + 1 < len(ms) else b
    m.right = text[m.unit.end : nxt_start].lower()
    m.group = _innermost(groups, m.tok.start)
    if i == 0:  # the sentence's subject may hold commas ("khách đến tham quan, nghỉ dưỡng")
        clause, bounded = _clause_left(window, marks=";(", and_cut=False)
    else:
        clause, bounded = _clause_left(window, and_cut=True)
    m.subject = _subject(clause, need_verb=(i > 0 and not bounded))
    _subject_before_parenthesis(text, m, prev_end, i > 0)
    _reference_named_after(text, m)
    return clause


# "GRDP … tăng 9,2%, cao hơn nhiều so với mức 6,76% của cả nước", "… tăng 5,43%, thấp hơn mức
# tăng 5,75% của năm trước": a level compared with, whose it is named after its figure
_LEVEL_COMPARED_RE = re.compile(
    r"(?<![\w])(?:cao hơn|thấp hơn)(?:\s+(?:nhiều|rất nhiều|hẳn))?\s+(?:so\s+)?(?:với\s+)?mức"
    r"(?:\s+(?:tăng|tăng trưởng|bình quân|trung bình))?\s*$"
)
_WHOSE_LEVEL_RE = re.compile(
    r"\s*(?:của|ở)\s+(?P<whose>cả nước|toàn quốc"
    r"|cùng kỳ(?:\s+năm\s+(?:trước|ngoái|(?:19|20)[0-9]{2}))?"
    r"|năm\s+(?:trước|ngoái|(?:19|20)[0-9]{2})|(?:giai đoạn|nhiệm kỳ)\s+trước)(?![\w])"
)


def _reference_named_after(text, m: Mention) -> None:
    """A level compared with, named after its figure ("… cao hơn mức 6,76% của cả nước"): a
    reference figure, its own statement (see _subject_before_parenthesis for one in brackets)."""
    if m.group is not None or "mức" not in m.window or not _LEVEL_COMPARED_RE.search(m.window):
        return  # (the cheap test first: this is asked of every figure)
    whose = _WHOSE_LEVEL_RE.match(m.right)
    if whose:
        m.subject = text[m.unit.end + whose.start("whose") : m.unit.end + whose.end("whose")]
        m.extras["reference"] = True


# words that go on describing the figure before ("kiểm tra 31.427 tổ chức đảng về thu, nộp,
# quản lý và sử dụng đảng phí (tăng 10,7% …)": what was checked)
_DESCRIBES_THE_FIGURE_RE = re.compile(r"\s*(?:về|thuộc|trong lĩnh vực)\s", re.IGNORECASE)


def _subject_before_parenthesis(text, m: Mention, prev_end: int, after_a_figure: bool) -> None:
    """The subject of a number in a parenthesis opened after the number before it."""
    if m.group is None or m.group[0] < prev_end:
        return
    before, opening = text[prev_end : m.group[0]], text[m.group[0] + 1 : m.tok.start]
    if ref := _reference(before, opening):
        # "(cả nước tăng 9,8%)", "cao hơn bình quân cả nước (7,1%)": a reference figure
        m.subject, m.extras["reference"] = ref, True
    elif after_a_figure and _DESCRIBES_THE_FIGURE_RE.match(before):
        return  # the parenthesis is said of the figure before, which its words describe
    elif m.subject is None:
        # "tăng trưởng GDP (đạt khoảng 2% …), tốc độ tăng kim ngạch xuất khẩu (đạt 1% …)":
        # a list item names its indicator before the parenthesis its figures are in
        m.subject = _paren_head(before, opening)


def _role(text, ms, i, clause: str) -> None:
    """The role of number ``i``: the end of a range takes its start's; any other number but
    a part takes the one the words around it give (roles.local_role), then each of
    :data:`_ROLE_RULES` in order."""
    m = ms[i]
    if m.range_of is not None:  # "10-11%": the end of a range reads as its start
        first = ms[m.range_of]
        m.role, m.extras = first.role, dict(first.extras)
        return
    if _ends_a_range_of_changes(text, ms, i):
        m.role, m.extras = ms[i - 1].role, dict(ms[i - 1].extras)
        return
    if m.pair is not None and m.pair < i:
        _compared_pair(text, ms, i)
    if m.role == "part" or m.pair is not None:  # a pair's roles are read with it (mentions)
        return
    left, right = m.left, m.right
    if (i + 1 < len(ms) and ms[i + 1].range_of == i) or _ends_a_range_of_changes(
        text, ms, i + 1
    ):  # "tăng từ 10-11%", "tăng từ 10,20% đến 10,71% so với …": a range
        left = _FROM_BEFORE_RE.sub("", left)
        # "đạt từ 80-92% dự toán": what follows the range's end is said of the range
        after = text[ms[i + 1].unit.end : ms[i + 1].unit.end + 80]
        right = re.split(r"[0-9]", after, maxsplit=1)[0].lower()
    reference = m.extras.get("reference")
    m.role, m.extras = roles.local_role(left, right, m.unit.kind)
    if reference:  # kept for the verdicts (statement_rules._statuses)
        m.extras["reference"] = True
    for rule in _ROLE_RULES:
        rule(text, ms, i, clause)


_RANGE_END_BETWEEN_RE = re.compile(r"\s*%?\s*(?:đến|tới)\s*")


_COMPARED_AFTER_RE = re.compile(r"^\s*(?:so|với)(?![\w])")


def _ends_a_range_of_changes(text, ms, i) -> bool:
    """"tăng từ 10,20% đến 10,71% so với ước thực hiện năm 2017": number ``i`` ends a range of
    changes against one basis (without the basis, "tăng từ 68% đến 72%" is a level before and
    after)."""
    if not 0 < i < len(ms) or ms[i].range_of is not None or "từ" not in ms[i - 1].window[-4:]:
        return False  # (the cheap test first: this is asked of every figure)
    first, end = ms[i - 1], ms[i]
    between = text[first.tok.end : end.tok.start].lower()  # (read before ``end``'s window)
    after = text[end.unit.end : end.unit.end + 12].lower()
    return bool(
        _RANGE_END_BETWEEN_RE.fullmatch(between)
        and _CHANGE_FROM_RE.search(first.window)
        and first.unit.kind == end.unit.kind
        and (first.tok.value or 0) < (end.tok.value or 0)
        and _COMPARED_AFTER_RE.match(after)
    )


_CHANGE_FROM_RE = re.compile(r"(?<![\w])(?:tăng|giảm)\s+từ\s*$")


# "cao hơn mức bình quân chung của tỉnh (13,86/9,15%)", "gấp 1,3 lần của tỉnh (83,5/64 triệu
# đồng)", "tăng gấp 2,58 lần so năm 2015 (24.013/9.278 tỷ đồng)": the two figures compared
_COMPARED_WORD_RE = re.compile(
    r"(?<![\w])(?:cao hơn|thấp hơn|nhiều hơn|ít hơn|gấp|so với|so)(?![\w])"
)
_COMPARED_RE = re.compile(_COMPARED_WORD_RE.pattern + r"(?P<what>[^();.]*)\(\s*$")


def _compared_pair(text, ms, i) -> None:
    """The second figure of a pair in a parenthesis after a comparison is what the first is
    compared with: a figure of its own (named after the comparison), not a plan nor a whole."""
    first, m = ms[i - 1], ms[i]
    opening = text[max(0, first.tok.start - 120) : first.tok.start].lower()
    c = None
    for w in _COMPARED_WORD_RE.finditer(opening):  # the comparison nearest the parenthesis
        c = _COMPARED_RE.match(opening, w.start()) or c
    if c is None or roles.PLAN_WORD_RE.search(c.group("what")):
        return
    if not re.match(r"\s*\)", text[m.unit.end : m.unit.end + 5]):
        return  # "so với cùng kỳ năm 2017 (12/17 khoản thu đạt dự toán)": a count of its own
    what = re.sub(r"^[\s0-9,.]*(?:lần\s*)?", "", c.group("what")).strip(" ,")
    first.role, m.role = "actual", "actual"
    first.extras, m.extras = {}, {"reference": True}
    first.pair = m.pair = None
    m.subject = what or None


# "…/6.200 triệu đồng, đạt 55,7%": a % of what the figure before the slash reached follows
_ATTAINMENT_NEXT_RE = re.compile(r"\s*,?\s*\(?\s*(?:đạt|bằng)(?:\s+(?:khoảng|được))?\s*")


def _plan_after_slash(text, ms, i, clause) -> None:
    """"giải ngân 1.234,5 tỷ đồng/2.345,6 tỷ đồng kế hoạch vốn": the plan after the slash;
    so is an amount in the unit of the one before the slash when the share of it that was
    reached follows ("thực hiện 3.456 triệu đồng/6.200 triệu đồng, đạt 55,7%")."""
    m = ms[i]
    if m.window.strip() != "/" or m.unit.kind == "percent":
        return
    reached = (
        i > 0
        and m.unit.kind == "measure"
        and ms[i - 1].unit.text == m.unit.text
        and ms[i - 1].role == "actual"
        and _ATTAINMENT_NEXT_RE.fullmatch(m.right)
        and i + 1 < len(ms)
        and ms[i + 1].unit.kind == "percent"
    )
    if reached or roles.PLAN_RIGHT_RE.match(m.right):
        m.role, m.extras = "target", {"cue": "plan-after-slash"}


_BASIS_BEFORE_PAREN_RE = re.compile(
    r"^\s*%?\s*(?:so\s+(?:với\s+)?)(?P<basis>[^();,]{2,60}?)\s*\(\s*$"
)


_SAME_CHANGE_RE = re.compile(r"\s*,?\s*(?:tương đương|tương ứng)(?:\s+(?:với|khoảng))?\s*")


def _change_verb_not_repeated(text, ms, i, clause) -> None:
    """"tăng 40% về số lượng và 25% về vốn": the verb of a change is not repeated; but
    "giảm 1,44% so với cùng kỳ năm trước (2,82%)" gives the basis's own figure, an actual of
    its own."""
    m = ms[i]
    prev = ms[i - 1] if i > 0 else None
    if prev is None or prev.role != "change" or m.role != "actual":
        return  # (the cheap test first: this is asked of every figure)
    basis = _BASIS_BEFORE_PAREN_RE.match(prev.right)
    if basis and m.subject is None:
        m.extras["reference"] = True
        m.subject = basis.group("basis").strip()
        return
    # "tăng 7,7% tương đương 1,6 triệu đồng": the same change in the unit of the level
    same = bool(_SAME_CHANGE_RE.fullmatch(m.window))
    if (
        # ("tăng 434 triệu đồng (25,85%)": the change again, as a rate; but "tăng 3,67%
        # (12.640 tỷ đồng)" gives the level the rate is of)
        (m.unit.kind == prev.unit.kind or same or (
            m.window.strip() == "(" and not (prev.unit.kind == "percent" and m.unit.kind != (
                "percent"))))
        and (same or not clause.strip(" ,"))
        and m.subject is None  # "… và cao hơn mức trung bình của huyện (96,2%)": its own
        # "70 tổ chức (giảm 33 tổ chức) và 2.117 đảng viên": the verb stays in its parenthesis
        and not (prev.group is not None and prev.group[1] < m.tok.start)
        and "trong đó" not in m.window  # "trong đó 91 tổ chức …": a part, not an ellipsis
        and ";" not in _flat(m.window)  # "vượt 2 xã …; 4 xã đạt chuẩn": a new clause
        and not roles.ACTUAL_VERB_RE.search(m.left)
    ):
        m.role, m.extras = "change", dict(prev.extras)


_PLAN_PAREN_RE = re.compile(
    r"\s*(kh|kế hoạch|chỉ tiêu|mục tiêu|dự toán)(?![\w])"
    # "(NQ: dưới 3%)", "(Nghị quyết đề ra: 95%)": the resolution's target
    # ("(Nghị quyết tăng 6,5%)": the change it plans)
    r"|\s*(?:nghị quyết|nq)(?:\s+(?:đề ra|giao|đại hội|năm(?:\s+(?:19|20)[0-9]{2})?))*\s*"
    r"(?::|là|=)?\s*(?:(?:tăng|giảm)(?:\s+(?:bình quân|khoảng|thêm))?\s*)?"
    r"(?:dưới|trên|từ|không quá|tối đa|tối thiểu|khoảng|[<>≥≤])?\s*$"
    # "(NQHĐND là 9-9,5%)", "(Nghị quyết HĐND tỉnh đề ra là 95%)": the resolution named by
    # who passed it, then "là" or a colon
    r"|\s*(?:nghị quyết|nq[^\W\d_]*)(?:\s+[^\W\d_]+){0,5}?\s*(?::|là|=)"
    r"\s*(?:dưới|trên|từ|không quá|tối đa|tối thiểu|khoảng|[<>≥≤])?\s*$"
)
# "(so với 80 – 82% Nghị quyết HĐND)", "(so với 250 - 260 triệu USD Nghị quyết HĐND)": the plan's
# figure a result is set against, the plan named after it
_VS_OPENING_RE = re.compile(r"\s*so\s+(?:với\s+)?(?:mức\s+)?")
_PLAN_NAMED_AFTER_RE = re.compile(
    r"\s*(?:" + roles.PLAN_WORDS + r"|nq[^\W\d_]*)(?![\w])[^()]*\)"
)


def _plan_set_against(text, ms, i, clause) -> None:
    """"đạt 72% (so với 80 – 82% Nghị quyết HĐND)": the figure after "so với" in a
    parenthesis, with the plan named after it, is the plan's (not a share of it)."""
    m = ms[i]
    if m.group is None or m.role not in ("actual", "attainment") or m.range_of is not None:
        return
    if not _VS_OPENING_RE.fullmatch(text, m.group[0] + 1, m.tok.start):
        return
    last = ms[i + 1] if i + 1 < len(ms) and ms[i + 1].range_of == i else m
    if _PLAN_NAMED_AFTER_RE.match(text[last.unit.end : m.group[1] + 1].lower()):
        m.role, m.extras = "target", {"cue": "plan-paren"}


def _plan_in_parenthesis(text, ms, i, clause) -> None:
    """Inside "(KH: …)" every figure is a plan, a planned change too ("(Nghị quyết tăng
    6,5%)")."""
    m = ms[i]
    if m.group and m.role in ("actual", "change"):
        opening = text[m.group[0] + 1 : m.tok.start].lower()
        if _PLAN_PAREN_RE.match(opening):
            m.role, m.extras = "target", {"cue": "plan-paren"}


# "vượt chỉ tiêu kế hoạch đề ra (giảm 1%)", "thấp hơn kịch bản tăng trưởng (9,5%)": a result
# compared with a plan named without its figure, which the parenthesis after it gives
_COMPARED_PLAN_RE = re.compile(
    r"(?<![\w])(?:vượt|đạt|chưa đạt|không đạt|cao hơn|thấp hơn|so với|bằng|hoàn thành)\s+"
    # ("không đạt so với Nghị quyết (80%)": the resolution's plan)
    r"(?:mức\s+)?(?:chỉ tiêu|kế hoạch|kh|mục tiêu|kịch bản|dự toán|phương án|nghị quyết|nq"
    # "vượt mức Quốc hội cho phép (3%)": the ceiling allowed
    r"|(?:mức|ngưỡng|giới hạn|trần)(?:\s+[^\W\d_,;()]+){0,4}?\s+cho phép)"
    r"(?![\w])"
    # "chỉ tiêu đề ra tại Nghị quyết số 03-NQ/TU ngày 10/12/2021 của Tỉnh ủy (38%)"; not the
    # items of a list after it ("hoàn thành dự toán thu gồm Hội An (100,94%), …")
    r"(?:(?!(?<![\w])(?:gồm|như)(?![\w]))[^,;()]){0,90}\($"
)
_PLANNED_CHANGE_OPENING_RE = re.compile(
    r"\s*(?:(?:tăng|giảm)(?:\s+(?:khoảng|thêm))?\s*)?"
    # "không đạt so với chỉ tiêu (dưới 11%)": the plan's bound
    r"(?:(?:dưới|trên|từ|không quá|tối đa|tối thiểu|khoảng|hơn|gần)\s*)?"
)


def _plan_compared_in_parenthesis(text, ms, i, clause) -> None:
    """The figure opening a parenthesis right after a plan that a result is compared with
    is that plan, a planned change too ("(giảm 1%)"), unless it has a basis of its own."""
    m = ms[i]
    if m.group is None or m.role not in ("actual", "change") or m.range_of is not None:
        return
    open_at = m.group[0]
    # the first number of a sentence looks back as far as any other ("Tỷ lệ giải ngân không
    # đạt so với kịch bản điều hành của tỉnh (65%)")
    prev_end = ms[i - 1].unit.end if i > 0 else max(0, open_at - 140)
    if open_at < prev_end or roles.SAME_PERIOD_RIGHT_RE.match(m.right):
        return
    if not _PLANNED_CHANGE_OPENING_RE.fullmatch(text, open_at + 1, m.tok.start):
        return
    before = text[max(prev_end, open_at - 140) : open_at + 1].lower()
    # "đạt 24% kế hoạch thành phố giao (hơn 24.981 tỷ đồng)": the amount of the plan just named
    # after the share of it reached
    amount_of_the_plan = bool(
        i > 0 and ms[i - 1].role == "attainment" and m.unit.kind == "measure"
        and _PLAN_THEN_PAREN_RE.match(before)
    )
    if amount_of_the_plan or _COMPARED_PLAN_RE.search(before):
        m.role, m.extras = "target", {"cue": "plan-paren"}


_PLAN_THEN_PAREN_RE = re.compile(
    r"\s*(?:" + roles.PLAN_WORDS + r")(?![\w])[^,;()0-9]{0,60}\($"
)


# "Một số mặt hàng tăng đột biến như giày da (160%), điện gió (103%)": a list of the things
# that changed, each with its change in a parenthesis
_CHANGE_LIST_RE = re.compile(
    r"(?<![\w])(?:tăng|giảm)(?:\s+[^\W\d_]+){0,3}\s+(?:như|gồm|là)\s*:?"
)


_ITEM_AFTER_MARK_RE = re.compile(r"\s*[;,]\s*[^\W\d_][^0-9;,()]*")


def _changes_listed(text, ms, i, clause) -> None:
    """A bare % in a parenthesis after a name, in a list opened by "tăng/giảm … như", is that
    item's change."""
    m = ms[i]
    if not (m.role == "actual" and not m.extras.get("cue") and m.unit.kind == "percent"):
        return  # (the cheap test first: this is asked of every figure)
    item = _ITEM_AFTER_MARK_RE.fullmatch(m.window) and not (
        _ITEM_VERB_RE.search(m.window))  # "…; thuế thu nhập cá nhân 14%; …"
    if not (m.window.rstrip(" -–−").endswith("(") or item):  # ("(-29,19%)")
        return
    opened = _CHANGE_LIST_RE.findall(m.said)
    if opened:
        down = opened[-1].startswith("giảm")
        m.role, m.extras = "change", {"direction": "down" if down else "up", "cue": "change"}


_LIST_OPENED_RE = re.compile(r"(?<![\w])(?:gồm|như)(?![\w])|[:;]", re.IGNORECASE)


def _share_of_count(text, ms, i, clause) -> None:
    """"98/102 tổ chức (96,1%)", "90 tổ chức hoàn thành tốt (72%)": a bare % opening a
    parenthesis right after a count is the share of that count."""
    m = ms[i]
    if (
        m.role == "actual"
        and not m.extras.get("cue")
        and m.unit.kind == "percent"
        and i > 0
        and ms[i - 1].unit.kind in ("count", "measure", "none")
        and m.group is not None
        and m.group[0] > ms[i - 1].tok.end
        and not text[m.group[0] + 1 : m.tok.start].strip()
        # not an item of a list opened after the count ("10/18 chi cục thuế hoàn thành dự toán
        # gồm Hội An (100,94%)")
        and not _LIST_OPENED_RE.search(text, ms[i - 1].tok.end, m.group[0])
    ):
        if ms[i - 1].role == "target":  # "6.000 người/chỉ tiêu 15.000 người (40%)": of the plan
            m.role, m.extras = "attainment", {"cue": "plan-right", "basis": "chỉ tiêu"}
            return
        m.extras = {"cue": "share", "basis": _noun_after(text, ms[i - 1])}


def _share_done(text, ms, i, clause) -> None:
    """"hoàn thành 8/20 việc (đạt 40%)": the share of the count that is done; "971/876 =
    110,8%": the ratio of done to planned. "320/411 xã đạt chuẩn, tương đương 77,86%": a
    count out of a whole restated as its share is that share."""
    m = ms[i]
    if i == 0 or m.role != "actual" or m.unit.kind != "percent" or m.subject is not None:
        return
    prev = ms[i - 1]
    ratio = m.window.strip() == "=" and prev.pair is not None
    if prev.unit.kind == "percent" or not (m.extras.get("cue") == "by" or ratio):
        return
    # "tỷ lệ trường … đạt chuẩn quốc gia là 495/607 trường, đạt 81,55%": a rate named;
    # "52 trường mầm non, đạt tỷ lệ 29,4%; …; 67 trường THCS, đạt 40,6%": items alike
    # (named in the item's own words: "Những đơn vị có tỷ lệ kết nạp … đạt cao như: X kết nạp
    # 318 ĐV, đạt 127,2%" names the share of the plan the items reach)
    named = re.search(r"(?<![\w])(?:tỷ lệ|tỉ lệ)(?![\w])", re.split(r"[;:]", m.said)[-1].split(
        prev.tok.text)[0]) and (prev.role == "part" or not re.search(
            r"(?<![\w])(?:kế hoạch|kh|dự toán|chỉ tiêu)(?![\w])", m.right[:25]))
    alike = any(ms[k].extras.get("cue") == "share" and ms[k - 1].unit.kind == "count"
                for k in range(1, i - 1) if ms[k].unit.kind == "percent")
    if (prev.role == "part" and re.search(r"(?<![\w])(?:tương đương|tương ứng)\s*$", m.left)) or (
        named or (alike and prev.unit.kind == "count") or _share_of_a_whole_before(text, ms, i)
        or prev.extras.get("cue") == "maximum"  # "54,2/61,5 điểm tối đa (đạt 88,13%)"
    ):
        m.extras = {"cue": "share", "basis": _noun_after(text, prev)}
    elif prev.role != "part" or not ratio:
        m.role = "attainment"
        m.extras["basis"] = m.extras.get("basis") or _noun_after(text, prev)


def _share_of_a_whole_before(text, ms, i) -> bool:
    """"thụ lý 1.954 vụ việc, đã giải quyết 1.632 vụ, đạt 83,52%", "đến hạn giải quyết là 4.169
    hồ sơ. Đã có kết quả trả đúng hạn là 4.157 hồ sơ (đạt 99,71%)": the % is the count before
    it over a whole told just before (in its sentence or the one before), as the writer
    computed it, not over a plan."""
    m, prev = ms[i], ms[i - 1]
    done = prev.tok.value
    # ("trên 130 ngàn (đạt trên 98%)": a count in thousands, its noun before it)
    counted = prev.unit.kind == "count" or prev.unit.text in lexicon.MULTIPLIERS
    if not counted or not done or m.tok.value is None:
        return False
    wholes = [ms[k].tok.value for k in range(i - 1) if ms[k].role != "target"]
    wholes += [t.value for t in find_numbers(text[max(0, ms[0].tok.start - 200) : ms[0].tok.start])]
    pct = float(m.tok.value)
    return any(
        whole and float(whole) >= float(done) and abs(100 * float(done) / float(whole) - pct)
        <= max(0.051, 0.005 * pct)
        for whole in wholes
    )


# "Chỉ tiêu năm 2019, Thành ủy giao kết nạp 300 đảng viên": a plan given, in a sentence that
# opens on the plan
_PLAN_GIVEN_RE = re.compile(
    r"^\s*(?:[-–•+]\s*)?(?:chỉ tiêu|kế hoạch|mục tiêu)(?![\w])[^;]*(?<![\w])giao"
    r"(?:\s+[^\W\d_]+){0,3}\s*$"
)


def _plan_given_in_its_sentence(text, ms, i, clause) -> None:
    """The first figure of a sentence that opens on a plan ("Chỉ tiêu năm 2019, …") and
    says who gave it ("… giao kết nạp 300 đảng viên") is that plan."""
    m = ms[i]
    if i == 0 and m.role == "actual" and _PLAN_GIVEN_RE.match(clause.lower()):
        m.role, m.extras = "target", {"cue": "giver"}


# "Ước cả năm, kim ngạch đạt …", "sản lượng ước cả năm 96.800 tấn", "ước thực hiện năm 2025":
# an estimate for the whole year (a target when the report is on a shorter period)
_ESTIMATE_YEAR_RE = re.compile(
    r"(?<![\w])(?:(?:dự\s+)?ước(?:\s+(?:tính|thực hiện|đạt))?\s+(?:cả năm|năm\s+(?:19|20)[0-9]{2}"
    r"|(?:đến\s+)?(?:hết|cuối)\s+năm)|cả năm\s*,?\s*(?:dự\s+)?ước)(?![\w])"
)


def _estimate_for_the_year(text, ms, i, clause) -> None:
    """A level figure whose clause opens with an estimate for the whole year is marked, so
    that the statement rules make it a target in a report on a shorter period."""
    m = ms[i]
    if m.role == "actual" and _ESTIMATE_YEAR_RE.search(clause.lower()):
        m.extras["estimate"] = True


# "Nếu so với kế hoạch Thủ tướng giao, tỷ lệ giải ngân đạt 22%": the plan a result is
# compared with, named before the clause's subject
_PLAN_BEFORE_SUBJECT_RE = re.compile(
    r"so\s+(?:với\s+)?((?:kế hoạch|kh|dự toán|chỉ tiêu|mục tiêu)[^,;()]{0,40}?)\s*,\s*"
    r"(?:[^\W\d_]+\s+){1,6}?(?:ước\s+)?(?:đạt|bằng)(?:\s+(?:được|khoảng|hơn|gần|trên))?\s*$"
)


def _plan_named_before_the_subject(text, ms, i, clause) -> None:
    """A % reached, after a plan named before the clause's subject, is the share of that plan
    reached (an attainment), unless the subject names a rate: a rate named as one keeps its
    % (the sample answer's "Tỷ lệ giải ngân … đạt 3,89% (so với kế hoạch …)")."""
    m = ms[i]
    if m.role != "actual" or m.unit.kind != "percent" or m.extras.get("basis"):
        return
    if roles.RATE_NAME_RE.match(re.split(r"[,;:(]", m.window)[-1]):
        return  # "…, tỷ lệ giải ngân đạt 58,33%": a rate named as one is the rate
    found = _PLAN_BEFORE_SUBJECT_RE.search(_flat(m.window))
    if found:
        m.role, m.extras = "attainment", {"cue": "plan-right", "basis": found.group(1)}


_INTENT_RE = re.compile(
    r"(?<![\w])(?:(?<!chỉ tiêu )(?<!mục tiêu )(?<!kế hoạch )(?<!giao )phấn đấu|dự kiến"
    r"|(?<!buộc )(?<!không )(?<!đã )phải|" + roles.CAN + r"|đặt mục tiêu|" + roles.QUYET_TAM +
    r"|đề ra mục tiêu"
    # "Tổng thu … năm 2025 dự toán 16.500 tỷ đồng, tăng 8% …": the estimate a budget plan
    # gives for its year, as its verb (not "(dự toán 10.500 tỷ đồng)", the plan beside a result)
    r"|(?<=[12][0-9]{3} )dự toán(?=\s+(?:là\s+)?[0-9]))(?![\w])"
)
_AIM_FIRST_RE = re.compile(
    r"(?<![\w])(?:(?<!chỉ tiêu )(?<!mục tiêu )(?<!kế hoạch )(?<!giao )phấn đấu|(?<!so với )dự kiến|"
    + roles.QUYET_TAM + r")(?![\w])"
)


def _words_re(*words: str) -> re.Pattern:
    """Any of ``words`` (regex alternatives), as whole words."""
    return re.compile(r"(?<![\w])(?:" + "|".join(words) + r")(?![\w])")


# what was done is told again: "đã", "kết quả", "đạt được"; "ước đạt" estimates it; so does a
# result set against the plan ("… phấn đấu đạt 6,3 triệu lượt khách nhưng … cuối năm chỉ 3,6
# triệu lượt khách")
_TOLD_DONE = ("đã", "kết quả", "đạt được", "thực hiện được", "ước",
              r"(?:nhưng|song|tuy nhiên)(?=[^.;]*?(?<![\w])(?:chỉ|mới|thực tế|cuối năm)(?![\w]))")
_TOLD_DONE_RE = _words_re(*_TOLD_DONE)
# … and in the clause of a figure set out: a result, an estimate, a report, a comparison
_TOLD_RESULT_RE = _words_re(
    *_TOLD_DONE, "được", "thực hiện", "hiện", "còn", "chỉ", "mới", "lũy kế", "so với", "cùng kỳ",
    "báo cáo", "tăng lên", "giảm xuống", "khoảng", "có",
)


def _planned(m: Mention) -> None:
    """A figure the sentence plans: a level figure stays one ("planned_level"), so that each
    item of a list of targets is a statement of its own (linking._is_primary)."""
    level = m.role == "actual" and m.extras.get("cue") not in ("share", "by")
    m.role, m.extras = "target", {"cue": "planned", "planned_level": level}


_BASIS_OF_A_COMPARISON_RE = re.compile(r"(?<![\w])so\s+(?:với\s+)?(?:mức\s+)?$")


def _intent_carries_on(text, ms, i, clause) -> None:
    """"Đảng bộ huyện phấn đấu năm 2018 tỷ lệ … đạt từ 7% trở lên …; 100% chi bộ … đều phát
    triển được đảng viên": an intent that made the first figure after it a plan makes every
    later figure of the sentence a plan, a planned change too, until the sentence tells
    what was done again ("đã"); a share of the plan first in its sentence after an aim is a
    plan too."""
    m = ms[i]
    if m.role == "attainment" and i == 0 and not m.extras.get("reference"):
        # "phấn đấu đến tháng 10/2020, giải ngân đạt 80% kế hoạch vốn": a share of the plan
        # striven for, in the clause after the aim's (not "dự kiến", an estimate of a result)
        strive = [c for c in _AIM_FIRST_RE.finditer(m.said) if c.group() != "dự kiến"]
        if strive and not _TOLD_DONE_RE.search(m.said, strive[-1].end()):
            _planned(m)
        return
    if m.role not in ("actual", "change") or m.extras.get("reference"):
        return
    if m.role == "change" and m.extras.get("cue") != "change":
        return  # "Dự kiến cả năm thu 640 tỷ đồng, vượt 7,6% dự toán": against the plan
    if "so" in m.said and _BASIS_OF_A_COMPARISON_RE.search(m.said):
        return  # "GDP quý 4 cần tăng 10,6%, cao gấp đôi so với mức 5,33% trong quý 3": the level
        # compared with, reached before
    # "BHXH TP Hà Nội đặt mục tiêu số người tham gia BHXH, BHTN đạt 90% …", "Mục tiêu … đặt ra
    # trong năm 2019 là duy trì tỷ lệ thất nghiệp … ở mức dưới 4%": a plan set, then what
    set_first = _PLAN_SET_RE.search(m.said) if _may_set_a_plan(m.said) else None
    if set_first and not _TOLD_DONE_RE.search(m.said, set_first.end()) and not any(
        len(ms[k].said) >= set_first.end() for k in range(i)
    ):
        _planned(m)
        return
    # (after figures only "phấn đấu", "quyết tâm" count: the cheap test first)
    strives = i > 0 and ("phấn đấu" in m.said or "quyết tâm" in m.said)
    aim = list(_AIM_FIRST_RE.finditer(m.said)) if i == 0 or strives else []
    if i == 0 or (aim and aim[-1].group() != "dự kiến" and len(ms[i - 1].said) < aim[-1].end()):
        # "(dự kiến đến hết năm 2020, đạt trên 3.000 USD, …)", "… là 6,175 tỷ đồng, phấn đấu
        # đến cuối năm 2015, tỷ lệ lao động qua đào tạo đạt khoảng 42%, …": an aim whose clause
        # the first figure after it ends (after figures, "dự kiến" estimates a result: "tỷ lệ
        # hộ nghèo … dự kiến giảm còn …")
        if aim and not _TOLD_DONE_RE.search(m.said, aim[-1].end()):
            _planned(m)
        return
    sets = _PLAN_SET_RE.finditer(m.said) if _may_set_a_plan(m.said) else ()
    intents = _INTENT_RE.finditer(m.said) if _may_intend(m.said) else ()
    cues = sorted([*intents, *sets], key=lambda c: c.end())
    if not cues or _TOLD_DONE_RE.search(m.said, cues[-1].end()):
        return
    if _in_a_closed_aside(m.said, cues[-1].start()):
        return  # "(… Bộ Y tế đặt mục tiêu 26 giường bệnh); hơn 81% số xã …": the aside is over
    first = next((k for k in range(i) if len(ms[k].said) >= cues[-1].end()), None)
    if first is not None and ms[first].role == "target":
        _planned(m)


def _in_a_closed_aside(said: str, pos: int) -> bool:
    """Whether ``said[pos]`` is inside a parenthesis that closes before the end of ``said``."""
    opened = said.rfind("(", 0, pos)
    return opened >= 0 and ")" not in said[opened:pos] and ")" in said[pos:]


# a word each branch of _INTENT_RE holds ("cần" in "cần phải", "mục tiêu" in "đặt mục tiêu")
_INTENT_WORDS = ("phấn đấu", "dự kiến", "phải", "cần", "mục tiêu", "quyết tâm", "dự toán")


def _may_intend(said: str) -> bool:
    """A word each branch of :data:`_INTENT_RE` holds, looked for first."""
    return any(w in said for w in _INTENT_WORDS)


def _may_set_a_plan(said: str) -> bool:
    """A word each branch of :data:`_PLAN_SET_RE` holds, looked for first: the pattern is tried
    on the words before every figure."""
    return any(w in said for w in _PLAN_SET_WORDS)


def _names_targets(low: str) -> bool:
    """A word each branch of :data:`_PLAN_LIST_RE` and :data:`_TARGETS_SET_RE` holds, looked
    for first."""
    return "chỉ tiêu" in low or "mục tiêu" in low


_PLAN_SET_WORDS = ("mục tiêu", "kế hoạch", "chỉ tiêu", "nhiệm vụ", "phương hướng", "định hướng")
_PLAN_SET_RE = re.compile(
    r"(?<![\w])(?:đặt mục tiêu|đề ra mục tiêu|đặt ra mục tiêu"
    # "Thành phố cũng đề ra kế hoạch kim ngạch xuất khẩu đạt 102 triệu USD"
    # ("huyện đề ra một số chỉ tiêu cơ bản như …": some of them)
    r"|(?:đặt|đề ra|đặt ra)\s+(?:(?:một số|các|những)\s+)?(?:kế hoạch|chỉ tiêu))(?![\w])"
    # "Trong khi đó, kế hoạch đặt ra đối với nông – lâm – thủy sản là từ 29-30%, …"
    r"|^\s*(?:[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*,\s*)?(?:kế hoạch|chỉ tiêu|mục tiêu)\s+"
    r"(?:đặt ra|đề ra|được giao|giao)(?![\w])"
    r"|^\s*(?:[-–•+]\s*)?(?:mục tiêu|chỉ tiêu)(?![\w])(?:[^;:0-9]|(?:19|20)[0-9]{2})*?"
    r"(?<![\w])là(?![\w])"
    # "Nhiệm vụ trọng tâm được huyện đặt ra trong năm 2021 là thu nhập … đạt trên 29 triệu"
    r"|^\s*(?:[-–•+]\s*)?nhiệm vụ(?![\w])[^;:0-9]*?(?<![\w])(?:đặt ra|đề ra)(?![\w])"
    r"(?:[^;:0-9]|(?:19|20)[0-9]{2})*?(?<![\w])là(?![\w])"
    # "Mục tiêu năm 2024, toàn tỉnh giải quyết việc làm mới cho trên 22.500 lao động, …": a
    # label of the plans of a year, then a comma
    r"|^\s*(?:[-–•+]\s*)?(?:mục tiêu|kế hoạch|phương hướng|định hướng)\s+(?:của\s+)?"
    r"(?:năm|giai đoạn|nhiệm kỳ)\s+(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:19|20)[0-9]{2})?\s*,"
)


# "… những tháng cuối năm với các chỉ tiêu: tăng trưởng kinh tế đạt 17%; …": a list of the
# targets set, opened by "chỉ tiêu" / "mục tiêu" and a colon, in a sentence about what is to
# be done (not "hoàn thành cơ bản các chỉ tiêu: …", nor "có 03 chỉ tiêu không đạt: …")
_PLAN_LIST_RE = re.compile(
    r"(?<![\w])(?:chỉ tiêu|mục tiêu)(?:\s+(?!đạt|vượt|hoàn thành|không|chưa)[^\W\d_]+"
    r"|\s+(?:19|20)[0-9]{2}){0,6}"
    # "Ban chấp hành Đảng bộ tỉnh xác định 7 chỉ tiêu chủ yếu, gồm …"
    # ("… đã đề ra các chỉ tiêu chủ yếu đến năm 2030 như: …")
    r"\s*(?::|,?\s*(?:gồm|bao gồm|như sau|như(?=\s*:))(?![\w])\s*:?)"
    # "Theo Quyết định, chỉ tiêu thực hiện BHYT cụ thể của Quảng Nam giai đoạn 2015 - 2020 như
    # sau: …"
    r"|(?<![\w])(?:chỉ tiêu|mục tiêu)(?:\s+(?!đạt|vượt|hoàn thành|không|chưa)[^\W\d_]+"
    r"|\s+(?:19|20)[0-9]{2}|\s*[-–]){0,24}\s+như sau\s*:"
    # "UBND tỉnh giao chỉ tiêu kế hoạch … năm 2024 cho các sở, ngành … để triển khai thực
    # hiện: …"
    r"|(?<![\w])giao\s+(?:các\s+)?chỉ tiêu(?:[^:;.0-9]|(?:19|20)[0-9]{2}){0,200}:"
    # "Nghị quyết đề ra 24 chỉ tiêu chủ yếu … năm 2024; trong đó, tốc độ tăng … đạt từ 6,5-7%"
    # ("22 chỉ tiêu chủ yếu cần thực hiện trong 6 tháng cuối năm, trong đó …": a span of months)
    r"|(?<![\w])(?:chỉ tiêu|mục tiêu)(?![\w])(?:[^:;.0-9]|(?:19|20)[0-9]{2}"
    r"|(?<![0-9])[0-9]{1,2}\s+tháng(?![\w])){0,120}[;,]\s*"
    r"trong đó(?![\w])\s*,?"
)
# the words of what is still to be done, or of targets set, in the words that open a list of
# targets ("22 chỉ tiêu chủ yếu cần thực hiện trong 6 tháng cuối năm, trong đó …", "Các chỉ
# tiêu chủ yếu được đưa ra là: …")
_STILL_TO_DO_RE = re.compile(
    r"(?<![\w])(?:cần|phải|còn lại|cuối năm|tiếp theo|sắp tới|năm tới"
    r"|được (?:đưa ra|đề ra|đặt ra|xác định|thông qua))(?![\w])"
)
_AHEAD_RE = re.compile(
    r"(?<![\w])(?:nhiệm vụ|phương hướng|kế hoạch|phấn đấu|đề ra|định hướng|sắp tới|năm tới"
    # "tỉnh đặt ra 25 chỉ tiêu chủ yếu, gồm: …", "HĐND thông qua 20 chỉ tiêu năm 2026, …"
    # (searched in the words before the target word, so it may end the text searched)
    r"|(?:đặt ra|thông qua)(?=\s+(?:(?:các|những|một số)\s+)?(?:[0-9]+\s+)?(?:nhóm\s+)?"
    # ("Đại biểu đã biểu quyết thông qua Nghị quyết về phát triển kinh tế xã hội năm 2024 với các
    # chỉ tiêu chủ yếu như: …": a resolution passed sets its targets)
    r"(?:chỉ tiêu|mục tiêu|nghị quyết|$))"
    r"|xác định|theo quyết định"
    r"|tiếp theo|còn lại|cuối năm)(?![\w])"
)
_DONE_LIST_RE = re.compile(
    r"(?<![\w])(?:hoàn thành|đạt|thực hiện|kết quả|vượt)(?:\s+[^\W\d_]+){0,3}\s*$"
)


_YEAR_REACHES_RE = re.compile(r"^\s*[;,]?\s*(?:và\s+)?năm\s+(?:19|20)[0-9]{2}\s+(?:đạt|là)\s*$")


def _plans_given_year_by_year(text, ms, i, clause) -> None:
    """"tỉnh giao năm 2016 đạt 48-50%; năm 2019 đạt 66-68% và năm 2021 đạt 81%": the plans of
    the later years, in the words of the first, are given too."""
    m = ms[i]
    if i == 0 or m.role != "actual" or not _YEAR_REACHES_RE.match(m.window):
        return
    before = ms[i - 1] if ms[i - 1].range_of is None else ms[ms[i - 1].range_of]
    if before.role == "target" and before.extras.get("cue") == "giver" and re.search(
        r"năm\s+(?:19|20)[0-9]{2}\s+(?:đạt|là)\s*$", before.window
    ):  # each year's plan is a statement of its own (linking._is_primary)
        m.role, m.extras = "target", {"cue": "giver", "planned_level": True}


# "Điều 1. Quyết định dự toán thu, chi ngân sách địa phương năm 2026 như sau:": a council
# deciding (approving, giving) the estimates or the plan that its list under it sets out
_ESTIMATES_DECIDED_RE = re.compile(
    r"(?<![\w])(?:quyết định|quyết nghị|phê chuẩn|phê duyệt|thông qua|giao|phân bổ)\s+"
    r"(?:(?:[^\W\d_]+|(?:19|20)[0-9]{2})[ ,]+){0,3}?(?:dự toán|kế hoạch)(?![\w])"
    r"(?:[^.;:0-9]|(?:19|20)[0-9]{2}){0,160}:\s*$"
)


# "Điều chỉnh dự toán thu ngân sách nhà nước trên địa bàn như sau: Tổng thu …: 17.726.369
# triệu đồng, …": a sentence that decides (or adjusts) an estimate or a plan and lists it after
# its colon, on the same line
_ESTIMATES_LISTED_RE = re.compile(
    r"(?<![\w])(?:quyết định|quyết nghị|phê chuẩn|phê duyệt|thông qua|giao|phân bổ|điều chỉnh)"
    r"\s+(?:(?:[^\W\d_]+|(?:19|20)[0-9]{2})[ ,]+){0,3}?(?:dự toán|kế hoạch)(?![\w])"
    r"(?:[^.;:0-9]|(?:19|20)[0-9]{2}){0,160}:"
)


def lists_estimates(low: str) -> bool:
    """Whether the sentence ``low`` (lower case) decides an estimate or a plan and opens the
    list of its figures (not one of what was done with it: "Kết quả thực hiện kế hoạch vốn
    năm 2024 như sau:")."""
    m = _ESTIMATES_LISTED_RE.search(low) if ("dự toán" in low or "kế hoạch" in low) else None
    return m is not None and not _DONE_WORDS_RE.search(low, 0, m.end())


# "Chi đầu tư phát triển: 9.770.917 triệu đồng, trong đó: …": a line that names an item, a
# colon, then its figure
_LABELLED_FIGURE_RE = re.compile(r"\s*(?:[-–•+*]\s*)?[^\W\d_][^:0-9]{1,80}:\s*[0-9]")


def continues_a_list_of_estimates(line: str) -> bool:
    """"Chi thường xuyên: 31.408.900 triệu đồng, …" under a list of the estimates or plans
    decided: a line that names its item before a colon and gives its figure, with no word of
    a result."""
    low = line.strip().lower()
    return bool(_LABELLED_FIGURE_RE.match(low)) and not _REPORTED_RE.search(low)


def opens_a_list_of_targets(line: str) -> bool:
    """"Về cụ thể 12 chỉ tiêu chủ yếu trong Kế hoạch … năm 2020 mà Quốc hội vừa thông qua như
    sau:": a line that ends by opening a list of the targets set, or that gives targets and
    lists them ("UBND tỉnh giao chỉ tiêu … để triển khai thực hiện: …"), for the paragraph
    under it. Called on every line, so it looks for the target words first."""
    low = line.strip().lower()
    if low.endswith(":") and _ESTIMATES_DECIDED_RE.search(low):
        # not a list of what was done with the plan given ("Kết quả thực hiện kế hoạch vốn
        # được giao năm 2024 như sau:"), which the guard below keeps out of lists of targets
        return not _DONE_WORDS_RE.search(low)
    if not _names_targets(low):
        return False
    opener = _PLAN_LIST_RE.search(low)
    if not opener or not _AHEAD_RE.search(low):
        return False
    before = low[: opener.start()]
    given = low[opener.start() :].startswith("giao")  # the list runs on from its line
    return (given or not low[opener.end() :].strip()) and not _DONE_LIST_RE.search(before) and (
        not _DONE_WORDS_RE.search(before if given else low)
    )


_DONE_WORDS_RE = _words_re(
    "đạt", "kết quả", "thực hiện", "hoàn thành", "vượt", "ước", "giải ngân", "lũy kế", "tình hình"
)


# "Kế hoạch năm 2026: …", "Dự kiến năm 2026: …", "Các chỉ tiêu chủ yếu năm 2026:": a line
# that opens on a label of plans and a colon
_PLAN_LABEL_RE = re.compile(
    r"^\s*(?:[-–•+*]\s*)?(?:(?:các|những)\s+)?"
    r"(?P<word>kế hoạch|kh|dự kiến|phương hướng|định hướng|chỉ tiêu|mục tiêu)(?![\w&])"
    # "Chỉ tiêu 1: Đến cuối nhiệm kỳ, … ít nhất 05 chính sách": a target the text numbers
    r"(?P<num>\s+[0-9]{1,2}(?![0-9]))?"
    r"(?P<mid>(?:\s+(?!(?:đạt|vượt|hoàn thành|không|chưa|thực hiện|kết quả|đã)(?![\w]))"
    r"[^\W\d_]+|\s+(?:19|20)[0-9]{2}|\s*[-–]\s*(?:19|20)[0-9]{2}){0,8})\s*:"
)


def plan_label(line: str, year: int | None) -> str | None:
    """What follows the colon of a line that opens on a label of plans ("Kế hoạch năm 2026:
    tổng vốn đầu tư 50.000 tỷ đồng; …", "Dự kiến năm 2026: …"), or None. A label of targets
    ("Các chỉ tiêu chủ yếu năm 2026:") is one of plans when it names a year after the
    report's (``year``) or a word of what is ahead; otherwise it may head the results."""
    low = line.lower()
    m = _PLAN_LABEL_RE.match(low)
    if not m:
        return None
    if m.group("num"):  # set out, and nothing told of its result
        return None if _REPORTS_RE.search(low[m.end() :]) else line[m.end() :]
    if m.group("word") in ("chỉ tiêu", "mục tiêu"):
        years = [int(y) for y in _YEAR_RE.findall(m.group("mid"))]
        later = bool(years) and year is not None and max(years) > year
        if not later and not _AHEAD_RE.search(m.group("mid")):
            return None
    return line[m.end() :]


def sets_plans(low: str, found) -> bool:
    """Whether the sentence ``low`` (lower case), whose statements are ``found``, gives only
    plans of figures (not a count of the targets set) or sets targets and tells none of their
    results ("Nghị quyết đề ra 23 chỉ tiêu chủ yếu.")."""
    only_plans = bool(found) and all(
        n.role == "target" and n.unit not in lexicon.TARGET_NOUNS
        for st in found for n in st.numbers
    )
    if only_plans:
        return True
    if not found and "kịch bản" in low and _SCENARIO_ISSUED_RE.search(low):
        return True  # "Tỉnh đã xây dựng và ban hành kịch bản tăng trưởng kinh tế năm 2025."
    set_out = _TARGETS_SET_RE.search(low) if _names_targets(low) else None
    # "… kết quả trồng rừng đạt vượt chỉ tiêu kế hoạch được giao": a verdict on the targets
    # set, in the clause before them
    return set_out is not None and not _MET_RE.search(
        low, max(low.rfind(",", 0, set_out.start()), 0), set_out.start())


_MET_RE = _words_re("đạt", "vượt", "hoàn thành", "kết quả")
# a growth scenario drawn up or issued, whose contents the sentences after it give
_SCENARIO_ISSUED_RE = re.compile(
    r"(?<![\w])(?:xây dựng|ban hành|phê duyệt|thông qua|đề ra)(?:\s+và\s+[^\W\d_]+(?:\s+"
    r"[^\W\d_]+)?)?\s+(?:các\s+)?kịch bản(?![\w])")


def aims(low: str) -> bool:
    """"Năm 2026, ngành phấn đấu giá trị sản xuất đạt …": a sentence that states an aim (not
    an estimate: "dự kiến còn 2,9%")."""
    return _AIMS_RE.search(low) is not None


_AIMS_RE = re.compile(r"(?<![\w])(?:phấn đấu|mục tiêu)(?![\w])")


def told_by_the_plan(low: str) -> bool:
    """"Theo kế hoạch, tổng vốn đầu tư công năm 2023 … là trên 4.029 tỷ đồng, …": a sentence
    that opens on the plan it tells and tells no result."""
    m = _BY_THE_PLAN_RE.match(low)
    # (the plan's figure given with "là": not "Theo kế hoạch, trong 2 ngày … sẽ nghe 12 báo
    # cáo", a schedule)
    return m is not None and not _TELLS_A_RESULT_RE.search(low, m.end()) and (
        _IS_RE.search(low, m.end()) is not None)


_IS_RE = re.compile(r"(?<![\w])là(?![\w])")


_BY_THE_PLAN_RE = re.compile(
    r"\s*theo\s+(?:kế hoạch|dự toán|chỉ tiêu|nghị quyết)(?![\w])[^,.;:0-9]{0,60},")


def counts_the_targets(found) -> bool:
    """"Có 16 chỉ tiêu chủ yếu …": a sentence whose only figures count targets."""
    return bool(found) and all(
        n.unit in lexicon.TARGET_NOUNS for st in found for n in st.numbers
    )


def details_a_plan(low: str, aimed: bool = False, set_out: bool = False) -> bool:
    """"Trong đó, thu nội địa 45.000 tỷ đồng", "Theo đó, …", "Cụ thể, …": a sentence that
    details the plans of the sentence before it and tells no result; or one that goes on
    with their parts in the same bare words ("Thu từ đất là 7.100 tỷ đồng; thu từ hoạt động
    xổ số kiến thiết 23 tỷ đồng."), without a word of a result, a change or a comparison.
    After an aim (``aimed``) in its paragraph, "đạt" alone is what is aimed at ("… phấn đấu
    giá trị sản xuất đạt 52.000 tỷ đồng. Doanh thu bán lẻ đạt 18.400 tỷ đồng.")."""
    if _PARTS_RE.match(low):
        return not _RESULT_RE.search(low)
    if _CONTENTS_RE.match(low):  # "Các nội dung chủ yếu như: tăng trưởng GRDP đạt 10,5%, …,
        # tăng 20% so với năm 2024": the contents of the plan, with its changes and estimates
        return not _TOLD_PAST_RE.search(low)
    if set_out:  # after targets set out without a figure (extractor._line), their changes too,
        # against the year before ("… đạt 6.605 tỷ đồng, tăng 6,57% so với cùng kỳ.")
        return not _SET_OUT_RESULT_RE.search(low)
    if aimed:
        return not _TELLS_A_RESULT_BUT_REACHED_RE.search(low)
    return not _TELLS_A_RESULT_RE.search(low)


_PARTS_RE = re.compile(r"\s*(?:trong đó|theo đó|cụ thể)(?![\w])")
_CONTENTS_RE = re.compile(
    r"\s*(?:các|những)\s+(?:nội dung|chỉ tiêu)(?:\s+(?:chủ yếu|chính|cơ bản))?\s*"
    r"(?:như|gồm|là|bao gồm)?\s*:")
_TOLD_PAST_RE = _words_re("đã", "kết quả", "năm qua", "vừa qua", "cùng kỳ", "thực hiện")
# a detail that tells a result ("Trong đó, … thực hiện …")
_RESULT_WORDS = ("thực hiện", "vượt", "kết quả", "ước", "đã", "so với", "cùng kỳ", "năm qua",
                 "vừa qua")
_RESULT_RE = _words_re(*_RESULT_WORDS)
# … and after targets set out, a change against the year before is planned
_SET_OUT_RESULT_RE = _words_re(*(w for w in _RESULT_WORDS if w not in ("so với", "cùng kỳ")))
# a sentence in bare words tells none of these: a result, a change, a comparison, a state
_TELLING_WORDS = (
    *_RESULT_WORDS, "tăng", "giảm", "so", "bằng", "chiếm", "hoàn thành",
    # ("có" as the verb, not in "doanh nghiệp có vốn nhà nước", "bổ sung có mục tiêu")
    r"có(?!\s+(?:vốn|mục tiêu|thu|liên quan))", "còn", "lũy kế", "cao hơn", "thấp hơn", "đứng",
    "xếp", "giải ngân", "kết nạp", "tạo", "đến nay", "hiện nay", "hiện", "trong năm", "tính đến",
    "đến hết", "gấp", "lần", "đạt được", "phát sinh", "thu được", "nộp",
)
_TELLS_A_RESULT_RE = _words_re(*_TELLING_WORDS, "đạt")
# after an aim, "đạt" alone is what is aimed at (details_a_plan)
_TELLS_A_RESULT_BUT_REACHED_RE = _words_re(*_TELLING_WORDS)
_TARGETS_SET_RE = re.compile(
    # ("… nghị quyết của QH xác định hệ thống chỉ tiêu chủ yếu …", "… đưa ra các chỉ tiêu …")
    r"(?:(?<![\w])(?:đề ra|đặt ra|đưa ra|giao|xác định|thông qua)\s+(?:(?:hệ thống|các|những)\s+)?"
    r"(?:[0-9]+\s+)?(?:nhóm\s+)?(?:chỉ tiêu|mục tiêu)(?![\w])"
    # "… các chỉ tiêu chủ yếu năm 2013 đã được Quốc hội thông qua.": set, said the other way
    r"|(?<![\w])(?:chỉ tiêu|mục tiêu)(?![\w])(?:[^.;:0-9]|(?:19|20)[0-9]{2}){0,40}?(?<![\w])"
    r"(?:đã\s+)?được"
    r"(?:\s+[^\W\d_]+){0,4}?\s+(?:thông qua|giao|đề ra|đưa ra|xác định)(?![\w]))"
    r"(?!.*(?<![\w])(?:đạt|vượt|hoàn thành|kết quả|thực hiện được)(?![\w]))"
)


def lists_plans(line: str) -> bool:
    """"Nghị quyết đề ra 12 chỉ tiêu chủ yếu gồm: …", "… các chỉ tiêu chủ yếu năm 2013 đã được
    Quốc hội thông qua. Trong đó, …": a line that sets targets out and gives them (the next
    paragraph may go on with them)."""
    low = line.lower()
    return _names_targets(low) and bool(_TARGETS_SET_RE.search(low) or (
        _PLAN_LIST_RE.search(low) and _AHEAD_RE.search(low)))


def continues_a_list_of_targets(line: str) -> bool:
    """"Tỷ lệ đô thị hóa đạt 34%; tỷ lệ tăng dân số tự nhiên 1,12%; …": a paragraph that goes on
    with the targets listed above it, each clause a name and its figure, with no word of a
    result or of a comparison. A heading, a single clause or a paragraph that reports ends
    the list."""
    low = line.strip().lower()
    if not low or low[-1] not in ".;…" or not _DIGIT_RE.search(low):
        return False
    clauses = [c for c in re.split(r";", low.rstrip(".;… ")) if c.strip()]
    if len(clauses) < 2 or not all(_DIGIT_RE.search(c) for c in clauses):
        return False
    return not _REPORTS_RE.search(low)


_DIGIT_RE = re.compile(r"[0-9]")
# the words of a result reported, of its comparison or of a verdict
_REPORTED_WORDS = (
    "đã", "ước", "ước tính", "thực hiện", "kết quả", "so với", "so cùng kỳ", "cùng kỳ", "năm trước",
    # ("giảm xuống dưới 16%": a ceiling aimed at)
    "hoàn thành", "vượt", "không đạt", "chưa đạt", r"bằng(?=\s*[0-9])", "tăng lên",
    r"giảm xuống(?!\s+dưới)", "còn lại", r"(?:tháng|năm|quý) qua",
)
_REPORTED_RE = _words_re(*_REPORTED_WORDS)
# … or a label and its colon, which a list of targets in clauses does not have
_REPORTS_RE = re.compile(_REPORTED_RE.pattern + r"|:")


def _list_of_targets(text, ms, i, clause) -> None:
    """Every figure after a list of the targets set is a target."""
    m = ms[i]
    if m.role in ("target", "part") or m.extras.get("reference"):
        return
    opener = _PLAN_LIST_RE.search(m.said) if _names_targets(m.said) else None
    if opener is None:
        return
    # the list opens the figures (a count of the targets may come first: "xác định 7 chỉ tiêu")
    first = next((x for x in ms if x.unit.text not in lexicon.TARGET_NOUNS), m)
    if opener.start() > len(first.said) or m.unit.text == "chỉ tiêu":
        return
    before = m.said[: opener.start()]
    given = m.said[opener.start() :].startswith("giao")  # "giao chỉ tiêu …:" plans by itself
    ahead = _AHEAD_RE.search(before) or _STILL_TO_DO_RE.search(opener.group())
    if (given or ahead) and not _DONE_LIST_RE.search(before):
        _planned(m)


_LISTED_RATE_RE = re.compile(
    r"(?<![\w])(?:tốc độ tăng|tỷ lệ|tỉ lệ)(?![\w])[^;]*?"
    r"(?:(?<![\w])(?:gồm|bao gồm|là|như)\s*:?|:)(?P<items>[^;]*)$"
)


def _items_of_a_listed_rate(text, ms, i, clause) -> None:
    """"10 tỉnh có tốc độ tăng GRDP cao nhất gồm: Bắc Giang tăng 13,45%, Hậu Giang tăng
    12,27%": each item's "tăng X%" is the rate the list names, an actual."""
    m = ms[i]
    if m.role != "change" or m.unit.kind != "percent" or m.extras.get("cue") != "change":
        return
    listed = _LISTED_RATE_RE.search(m.said)
    if listed and re.search(r"[^\W\d_]\s+tăng\s*$", listed.group("items")):
        m.role, m.extras = "actual", {"cue": "rate"}


_LISTED_SHARE_OF_PLAN_RE = re.compile(
    r"(?<![\w])(?P<plan>dự toán|kế hoạch|kh)(?![\w])[^;]*?"
    r"(?:(?<![\w])(?:gồm|bao gồm|như|cụ thể là|cụ thể|đó là)\s*:?|:"
    # ("4/7 lĩnh vực thu đạt dự toán là thuế … (109,9%), …": items named after "là")
    r"|(?<![\w])là(?=\s+[^\W\d_]))(?P<items>[^;]*)$"
)
_ITEM_VERB_RE = re.compile(r"(?<![\w])(?:đạt|tăng|giảm|bằng|vượt|chiếm|giải ngân)(?![\w])")


def _items_of_a_listed_share_of_plan(text, ms, i, clause) -> None:
    """"9/9 xã đạt và vượt kế hoạch như: Phước Đông 113,63%, Bàu Đồn 102,23%", "chưa đạt 50%
    dự toán, như: tài chính thu (48%), bán nhà (49%)": a bare % of an item of a list opened
    after a share of the plan is that item's share of the plan."""
    m = ms[i]
    if m.unit.kind != "percent" or not (
        (m.role == "actual" and m.extras.get("cue") in (None, "by"))
        # ("… đạt dự toán là thuế sử dụng đất (109,9%)": the first item's, not the plan's)
        or (m.role == "target" and m.extras.get("cue") == "plan-paren")
    ):
        return
    listed = _LISTED_SHARE_OF_PLAN_RE.search(m.said)
    # "… chỉ có hai xã chưa đạt, gồm Hiệp Thạnh đạt 83% và Tân Thành đạt 92%": a bare "đạt"
    last = re.split(r"[,;:]|(?<![\w])và(?![\w])", listed.group("items"))[-1] if listed else ""
    item = re.sub(r"(?<![\w])đạt(?:\s+(?:khoảng|hơn|gần|trên))?\s*$", "", last)
    if item != last:  # a bare "đạt" after a name ("Hiệp Thạnh"), not an indicator's words
        # ("gia đình văn hóa đạt trên 98%", the share of the families)
        written = text[m.tok.start - len(last) : m.tok.start].strip()
        if written[:1].islower():
            return
    if listed and not _ITEM_VERB_RE.search(item):
        m.role, m.extras = "attainment", {"cue": "plan-right", "basis": listed.group("plan")}


# "… cơ bản đạt kế hoạch đề ra: tổng sản lượng lương thực đạt 102,2%; …", "một số chỉ tiêu đạt
# và vượt trội như: xây dựng NTM đạt 200%": a list of the targets met (or not) opens
_TARGETS_MET_LIST_RE = re.compile(
    r"(?<![\w])(?:chỉ tiêu|kế hoạch|kh|nghị quyết|mục tiêu)(?![\w])[^.;:0-9]{0,80}?(?<![\w])"
    r"(?:đạt|vượt|hoàn thành)(?![\w])[^.;:0-9]{0,80}?(?::|(?<![\w])(?:như|gồm)(?![\w]))"
    r"|(?<![\w])(?:đạt|vượt|hoàn thành)(?![\w])[^.;:0-9]{0,30}?(?<![\w])(?:chỉ tiêu|kế hoạch"
    r"|kh|nghị quyết|mục tiêu)(?![\w])[^.;:0-9]{0,80}?(?::|(?<![\w])(?:như|gồm)(?![\w]))"
    # "Nhiều khoản thu đạt và vượt như thu từ doanh nghiệp … (140,7%), …": met and exceeded
    # says the plan by itself
    r"|(?<![\w])đạt và vượt(?![\w])[^.;:0-9]{0,20}?(?::|(?<![\w])(?:như|gồm)(?![\w]))"
)


# "… đạt thấp hơn so với thực hiện cùng kỳ: Nghi Lộc bằng 57%, Diễn Châu bằng 76%": a list of
# ratios to the same period of the year before
_LISTED_SAME_PERIOD_RE = re.compile(
    r"(?<![\w])so\s+(?:với\s+)?(?:thực hiện\s+)?cùng kỳ"
    r"(?:\s+năm\s+(?:trước|ngoái|(?:19|20)[0-9]{2}))?"
    r"\s*(?::|(?<![\w])(?:như|gồm)(?![\w])\s*:?)(?P<items>[^;:]*)$"
)


def _items_of_a_listed_ratio_to_the_year_before(text, ms, i, clause) -> None:
    """"… thấp hơn so với thực hiện cùng kỳ: Nghi Lộc bằng 57%, Diễn Châu bằng 76%": each item's
    "bằng X%" is its ratio to the same period, a change, not a share of the plan named before
    the list."""
    m = ms[i]
    if m.unit.kind != "percent" or m.role not in ("actual", "attainment"):
        return
    listed = _LISTED_SAME_PERIOD_RE.search(m.said)
    if listed and re.search(r"(?<![\w])bằng\s*$", m.said):
        m.role, m.extras = "change", {"cue": "change", "basis": "cùng kỳ"}


def _items_of_a_list_of_targets_met(text, ms, i, clause) -> None:
    """"Các chỉ tiêu … cơ bản đạt kế hoạch đề ra: tổng sản lượng lương thực đạt 102,2%; trồng
    thuốc lá đạt 100,5%": in a list of the targets met, a bare % an item reaches is its share of
    the plan, unless the item names a rate."""
    m = ms[i]
    if m.role != "actual" or m.unit.kind != "percent":
        return
    # "đạt 102,2%", or an item's % alone in its parenthesis ("lệ phí trước bạ (135%)")
    if m.extras.get("cue") != "by" and not _alone_in_parenthesis(text, m):
        return
    if m.extras.get("basis") or not re.match(r"^\s*(?:[,;.)…]|và|$)", m.right):
        return
    opened = _TARGETS_MET_LIST_RE.search(m.said)
    item = m.said[opened.end() :].split(";")[-1] if opened else ""
    if opened and not re.search(r"[0-9]", item) and not _RATE_WORD_RE.search(item):
        m.role, m.extras = "attainment", {"cue": "plan-right", "basis": "kế hoạch"}


_RATE_WORD_RE = re.compile(
    r"(?<![\w])(?:tỷ lệ|tỉ lệ|tốc độ|tăng trưởng|tỷ trọng|tỉ trọng|cơ cấu|che phủ)(?![\w])"
)


_EARLIER_OPENING_RE = re.compile(r"\s*(?:so\s+(?:với\s+)?)?cùng kỳ[^()]*?(?:đạt|là|:)\s*$")


def _earlier_periods_share_of_plan(text, ms, i, clause) -> None:
    """"đạt 47% kế hoạch Thủ tướng giao (cùng kỳ năm 2019 đạt 41,39%)": the earlier period's
    own figure of a share of the plan is a share of its plan too."""
    m = ms[i]
    if m.group is None or i == 0 or m.role != "actual" or ms[i - 1].role != "attainment":
        return
    if _EARLIER_OPENING_RE.fullmatch(text[m.group[0] + 1 : m.tok.start].lower()):
        m.role, m.extras = "attainment", dict(ms[i - 1].extras)


_BARE_OUT_OF_RE = re.compile(r"\s*trên\s*")


_OUT_OF_TOTAL_RE = re.compile(r"\s*(?:trong|trên)\s+(?:tổng\s+)?số\s*")


def _out_of_a_whole(text, ms, i, clause) -> None:
    """"có 662 trong tổng số 686 tổ chức cơ sở đảng": a count out of a whole is a done/total
    pair, written in words; the first counts the noun of the second."""
    m = ms[i]
    # "có 12 trên 44 bộ": a bare count out of a larger one, "trên" without "số"
    bare = i + 1 < len(ms) and _BARE_OUT_OF_RE.fullmatch(m.right) and m.unit.kind == "none" and (
        (m.tok.value or 0) < (ms[i + 1].tok.value or 0))
    if i + 1 < len(ms) and (
        bare or _OUT_OF_TOTAL_RE.fullmatch(m.right)
    ) and ms[i + 1].unit.kind == "count":
        m.role, m.extras = "part", {"cue": "out-of"}
        m.unit = Unit(ms[i + 1].unit.text, m.unit.end, "count")
    elif i > 0 and ms[i - 1].extras.get("cue") == "out-of":
        m.role, m.extras = "part", {"cue": "out-of"}
        m.pair, ms[i - 1].pair = i - 1, i  # one statement, as "662/686" would be


_PAREN_OPEN_RE = re.compile(r"\s*(?:đạt|bằng)?\s*(?:hơn|khoảng|gần|trên)?\s*")


def _in_parenthesis_after_an_amount(text, ms, k) -> bool:
    m = ms[k]
    return (
        k > 0
        and m.unit.kind == "percent"
        and ms[k - 1].unit.kind != "percent"
        and m.group is not None
        and m.group[0] > ms[k - 1].tok.end
        and bool(_PAREN_OPEN_RE.fullmatch(text[m.group[0] + 1 : m.tok.start].lower()))
    )


def _parallel_share_of_plan(text, ms, i, clause) -> None:
    """"Cà Mau thu đạt hơn 104 tỉ đồng (đạt 208% dự toán); Khánh Hòa thu đạt hơn 3.690 tỷ đồng
    (hơn 127%); …": the items of a list are written alike, so a bare % in a parenthesis after
    an amount is what the first item's was, a share of the same plan."""
    m = ms[i]
    if m.role != "actual" or m.extras.get("cue") not in (None, "by", "share"):
        return
    if not _in_parenthesis_after_an_amount(text, ms, i) or (
        m.subject and not _PAREN_OPEN_RE.fullmatch(m.subject.lower())
    ):
        return
    first = next((ms[k] for k in range(1, i - 1) if _in_parenthesis_after_an_amount(text, ms, k)
                  and ms[k].role == "attainment"), None)
    if first is not None:
        m.role, m.extras, m.subject = "attainment", dict(first.extras), None


_NEXT_ITEM_REACHES_RE = re.compile(
    r"^\s*(?:[^\W\d_]+\s+){1,8}?(?:đạt|giải ngân(?:\s+được)?|thực hiện)"
    r"(?:\s+(?:được|khoảng|hơn|gần|trên))*\s*$"
)
_NOT_THE_SAME_SHARE_RE = re.compile(r"(?<![\w])(?:tỷ lệ|tỉ lệ|so với|tăng|giảm|chiếm)(?![\w])")


def _parallel_bare_share_of_plan(text, ms, i, clause) -> None:
    """"… mới đạt 29,79% kế hoạch Thủ tướng giao, các địa phương đạt 18,66%.": the next item
    of the sentence, in the same words without its plan, reaches a share of the same plan."""
    m = ms[i]
    if (
        i == 0
        or m.role != "actual"
        or m.unit.kind != "percent"
        or m.extras.get("cue") != "by"
        or m.extras.get("basis")
        or re.search(r"(?<![\w])(?:đạt|bằng|so|kế hoạch|dự toán)(?![\w])", m.right.split(";")[0])
    ):
        return
    before = ms[i - 1]
    # the item: after the last ";" of the text since the figure before, else its last ","
    parts = m.window.split(";") if ";" in m.window else m.window.split(",")
    item = parts[-1] if len(parts) > 1 else ""
    if (
        before.role == "attainment"
        and before.unit.kind == "percent"
        and before.extras.get("cue") == "plan-right"
        and _NEXT_ITEM_REACHES_RE.match(item)
        and not _NOT_THE_SAME_SHARE_RE.search(item)
    ):
        m.role, m.extras = "attainment", dict(before.extras)


# "(160%)", "(hơn 111%)": a % alone in its parenthesis, maybe after a word of how near
_BARE_PAREN_SHARE_RE = re.compile(r"\s*(?:đạt\s+)?(?:hơn|gần|trên|khoảng)?\s*")


def _alone_in_parenthesis(text, m: Mention, lead: re.Pattern | None = None) -> bool:
    """Whether figure ``m`` is all its parenthesis holds ("lệ phí trước bạ (135%)"; with
    ``lead``, after the words it allows: "(hơn 111%)")."""
    if m.group is None:
        return False
    before = text[m.group[0] + 1 : m.tok.start]
    return bool(lead.fullmatch(before.lower()) if lead else not before.strip()) and not (
        text[m.unit.end : m.group[1]].strip(" %"))


def _parallel_share_in_parenthesis(text, ms, i, clause) -> None:
    """"tỷ lệ lao động qua đào tạo đạt 65% (đạt 100% so với chỉ tiêu), tỷ lệ hộ nghèo giảm 3.009
    hộ (hơn 111%), … huy động được 6,4 tỷ đồng (160%)": after items whose parenthesis gave the
    share of the plan reached, a % alone in the parenthesis after an item's figure is that
    share."""
    m = ms[i]
    if (
        i == 0 or m.role != "actual" or m.unit.kind != "percent"
        or not _alone_in_parenthesis(text, m, _BARE_PAREN_SHARE_RE)
        or ms[i - 1].group == m.group
    ):
        return
    earlier = next((x for x in reversed(ms[:i]) if x.role == "attainment" and x.group is not None
                    and x.extras.get("cue") == "plan-right"), None)
    if earlier is not None:
        m.role, m.extras = "attainment", dict(earlier.extras)


def _not_yet_allocated(text, ms, i, clause) -> None:
    """"Số vốn chưa phân bổ 234,1 tỷ đồng", "Số vốn chưa được các bộ, cơ quan Trung ương phân
    bổ chi tiết là hơn 7.124,3 tỷ đồng": the capital its clause says is not yet allocated is
    what is left, not the plan (roles._allocated)."""
    m = ms[i]
    if m.extras.get("allocated") and roles.NOT_YET_RE.search(re.split(r"[;:.]", m.said)[-1]):
        m.role, m.extras = "actual", {}


# "14/27 chỉ tiêu đạt từ 50% trở lên", "1 chỉ tiêu đạt dưới 50%": the share of their plans
# the targets counted reach
_TARGETS_REACH_RE = re.compile(
    r"(?:\s+(?!(?:và|hoặc|trong|có)(?![\w]))[^\W\d_]+){0,3}?\s+(?:đều\s+)?(?:chỉ\s+|mới\s+)?"
    r"đạt(?:\s+(?:từ|trên|dưới|hơn|khoảng|gần))?\s*$"
)


def _share_the_targets_reach(text, ms, i, clause) -> None:
    """A % the targets just counted reach is the share of their plans they reach."""
    m = ms[i]
    if m.role != "actual" or m.unit.kind != "percent" or i == 0:
        return
    count = ms[i - 1]
    if count.unit.text in _TARGETS_COUNTED and _TARGETS_REACH_RE.match(
        text, count.unit.end, m.tok.start
    ):
        m.role, m.extras = "attainment", {"cue": "plan-right", "basis": "kế hoạch"}


_STRIVE_RE = re.compile(r"(?<![\w])(?:phấn đấu|quyết tâm)(?![\w])")


def _counts_of_targets(ms: list[Mention]) -> None:
    """"Năm 2022 huyện đề ra 26 chỉ tiêu", "giao 30 chỉ tiêu và 102 nhiệm vụ", "trong tổng số
    18 chỉ tiêu kế hoạch": how many targets or tasks were set is a count, a fact, not a plan;
    unless it is striven for ("phấn đấu hoàn thành 20 nhiệm vụ") or heads the plans its
    sentence goes on to list ("Nghị quyết đề ra 12 chỉ tiêu chủ yếu gồm: GDP tăng khoảng
    6,8%; …"), as the annotators read it."""
    counts = [m for m in ms if m.unit.text in _TARGETS_COUNTED]
    plans_listed = False
    for m in reversed(ms):
        if m.role == "target" and m in counts and not plans_listed and not _STRIVE_RE.search(
            re.split(r"[;:.]", m.said)[-1]
        ):
            m.role, m.extras = "actual", {}
        plans_listed = plans_listed or (m.role == "target" and m not in counts)


# (not "tiêu chí", as lexicon.TARGET_NOUNS has it: "phấn đấu đạt 19 tiêu chí" plans criteria)
_TARGETS_COUNTED = frozenset({"chỉ tiêu", "mục tiêu", "nhiệm vụ"})


def _change_restated_as_a_share(text, ms, i, clause) -> None:
    """"giảm 129.617 tỷ đồng (37,7%) so với dự toán": a bare % in the bracket right after a
    change restates that change as a share of its basis."""
    m = ms[i]
    if m.role != "attainment" or i == 0 or m.group is None or (
        text[m.group[0] + 1 : m.tok.start].strip()
    ):
        return
    prev = ms[i - 1]
    if prev.role == "change" and not text[prev.unit.end : m.group[0]].strip():
        m.role, m.extras = "change", {**prev.extras, "cue": "as-written"}


# After the role the words give, in this order; each sees the role the ones before it gave.
def _share_disbursed(text, ms, i, clause) -> None:
    """"toàn tỉnh chỉ mới giải ngân 18,1% (1.372,2 tỷ đồng)", "giải ngân được 13,99%": a bare %
    disbursed is the share of the capital plan disbursed (a rate named as one, "tỷ lệ giải ngân
    đạt 62%", stays a rate)."""
    m = ms[i]
    if (
        m.role == "actual" and m.unit.kind == "percent" and not m.extras.get("basis")
        and _DISBURSED_LEFT_RE.search(m.left) and not re.match(r"^\s*%?\s*(?:so|của)\b", m.right)
    ):
        m.role, m.extras = "attainment", {"cue": "plan-right", "basis": "kế hoạch"}


_DISBURSED_LEFT_RE = re.compile(
    r"(?<!tỷ lệ )(?<!tỉ lệ )(?<![\w])giải ngân(?:\s+(?:được|đạt|mới|chỉ|hơn|trên|gần|khoảng))*\s*$"
)


_ROLE_RULES = (
    _not_yet_allocated,
    _change_restated_as_a_share,
    _plan_after_slash,
    _change_verb_not_repeated,
    _plan_in_parenthesis,
    _plan_set_against,
    _plan_compared_in_parenthesis,
    _changes_listed,
    _share_of_count,
    _share_done,
    _parallel_share_of_plan,
    _parallel_bare_share_of_plan,
    _parallel_share_in_parenthesis,
    _plan_given_in_its_sentence,
    _plan_named_before_the_subject,
    _intent_carries_on,
    _list_of_targets,
    _plans_given_year_by_year,
    _items_of_a_listed_rate,
    _items_of_a_listed_share_of_plan,
    _items_of_a_list_of_targets_met,
    _items_of_a_listed_ratio_to_the_year_before,
    _earlier_periods_share_of_plan,
    _estimate_for_the_year,
    _out_of_a_whole,
    _share_the_targets_reach,
    _share_disbursed,
)


def _respectively(ms, i) -> None:
    """"X và Y tăng lần lượt 12% và 8%": one figure for each subject, in order."""
    m = ms[i]
    if "lần lượt" in m.window or "tương ứng" in m.window[-20:]:
        m.extras["respectively"] = 0
    elif i > 0 and "respectively" in ms[i - 1].extras and _AND_ONLY_RE.fullmatch(m.window):
        m.extras["respectively"] = ms[i - 1].extras["respectively"] + 1
    elif i > 0 and "respectively" in ms[i - 1].extras and _PLANS_IN_TURN_RE.fullmatch(m.window):
        # "đạt lần lượt 51,3% và 54,8%, so với mục tiêu phải đạt 80% và 60%": the plans of
        # the figures listed, in the same order
        m.extras["plan_of"] = i - 1 - ms[i - 1].extras["respectively"]
    elif i > 0 and "plan_of" in ms[i - 1].extras and _AND_ONLY_RE.fullmatch(m.window):
        m.extras["plan_of"] = ms[i - 1].extras["plan_of"] + 1


def _bound(ms, i) -> None:
    """"trên 90%", "không quá 2%": the bound the words around the number give."""
    m = ms[i]
    m.bound = roles.bound_of(m.window[-25:], m.right[:30])


def _range_bounds(ms, i) -> None:
    """"từ 7,5% đến 8%", "7,5-8%": a range bounds both ends (written low to high: "giảm từ
    5,2% đến 3,1%" is the level before and after)."""
    m = ms[i]
    from_to = i > 0 and bool(
        _RANGE_END_RE.match(m.window) and ms[i - 1].window.rstrip().endswith("từ"))
    if from_to and (ms[i - 1].tok.value or 0) > (m.tok.value or 0):
        ms[i - 1].bound = None  # not a floor ("từ" read alone)
    elif i > 0 and (m.range_of is not None or from_to):
        ms[i - 1].bound, m.bound = ">=", "<="


def _plus_sign(ms, i) -> None:
    """"(+5,83%)": a signed figure is a change up."""
    m = ms[i]
    if m.role == "actual" and not m.extras.get("cue") and m.window.endswith(("(+", " +")):
        m.role, m.extras = "change", {"direction": "up", "cue": "sign"}


def _negative(ms, i) -> None:
    """"âm 4,13%", "(-2%)": a negative figure (not a part, nor the end of a range)."""
    m = ms[i]
    m.negative = (
        bool(roles.NEG_RE.search(m.window[-8:])) and m.role != "part" and m.range_of is None
    )


# What a number carries besides its role, set in this order once its role is read.
_MARKS = (_respectively, _bound, _range_bounds, _plus_sign, _negative)
