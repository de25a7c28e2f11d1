"""From report text to indicator statements (docs/extraction-format.md): the pipeline.

1. The text is cut into lines; upper-case section headings set the report period and whether the
   section reports results or plans ("PHƯƠNG HƯỚNG, NHIỆM VỤ … QUÝ II/2026": every number is a
   target for that period).
2. Each line is cut into sentences; each sentence's numbers are found, their units read and the
   out-of-scope ones dropped (scope.py).
3. Each number gets a local role from the words around it (roles.py).
4. Numbers are grouped into statements: a number opens a new statement when its clause names a
   new subject ("…; dư nợ tín dụng đạt …"), or when it is a second level figure; otherwise it
   belongs to the statement of the number before it (its plan, change or attainment).
5. Statement-level rules: a rate indicator's % is its actual; verdicts ("đạt", "không đạt")
   standing alone give the status; periods come from the nearest period expression.

Modules: numbers.py and scope.py (step 2), roles.py and sentence_roles.py (3), mentions.py (a
sentence's numbers and clauses), naming.py (subjects and names), linking.py (4) and
statement_rules.py (5), this module (1 and the assembly).
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from tiendo.lib.text import fold

from . import tables
from .linking import _group
from .mentions import (
    Mention,
    _Context,
    _flat,
    _mentions,
    _paren_groups,
    _Stmt,
)
from .model import Number, Statement
from .naming import (
    _count_phrase,
    _indicator_from,
    _label,
    done_by_the_subject,
    item_label,
    readable_name,
    targets_counted_name,
)
from .periods import find_periods, parse_code, year_of
from .scope import Mask
from .sentence_roles import (
    _read_numbers,
    aims,
    continues_a_list_of_estimates,
    continues_a_list_of_targets,
    counts_the_targets,
    details_a_plan,
    lists_estimates,
    lists_plans,
    opens_a_list_of_targets,
    plan_label,
    sets_plans,
    told_by_the_plan,
)
from .statement_rules import (
    _ITEM_RE,
    VerdictsAcross,
    _periods,
    _statement_rules,
    _statuses,
    group_verdict,
)
from .textmap import nfc_with_map

MAX_SENTENCE = 4000  # longer "sentences" (tables flattened without punctuation) are cut


# a full stop ends a sentence, but not the one of a title before a name ("TP. Hải Phòng",
# "TX. Ayun Pa", "ThS. …")
_ABBREVIATED = ("TP", "Tp", "TX", "TT", "TS", "GS", "BS", "KS", "ThS", "PGS", "Th.S")
_SENT_END_RE = re.compile(
    r"(?:\." + "".join(rf"(?<![\s(]{a}\.)(?<!^{a}\.)" for a in _ABBREVIATED) + r"|[!?…])"
    r"\s+(?=\S)|\n|\]|\["
)


_PLAN_HEAD_RE = re.compile(
    r"phuong huong|ke hoach|giai phap|muc tieu|nhiem vu (?:trong tam|chu yeu|va giai phap)"
    r"|du toan"  # "NGHỊ QUYẾT VỀ DỰ TOÁN THU NGÂN SÁCH … NĂM 2022": a budget estimate
)


_RESULT_HEAD_RE = re.compile(r"ket qua|tinh hinh|danh gia|thuc hien|so ket|tong ket")
# a title that names a review of the period before the next one's tasks ("SƠ KẾT 6 THÁNG ĐẦU NĂM,
# NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2024") opens on its results
_REVIEW_HEAD_RE = re.compile(r"(?<![\w])(?:so ket|tong ket)(?![\w])")


_HEAD_MARK_RE = re.compile(r"^\s*(?:[A-ZĐ]|[IVXLC]+|[0-9]+)[.)]\s+")


_MASK_RE = re.compile(
    r"\[footnoteRef:[^\]]*\]|\[bookmark:[^\]]*\]|\[[0-9]+:|“[^”\n]{0,300}”|\"[^\"\n]{0,300}\""
    r"|«[^»\n]{0,300}»"
)


def _is_speech(m: re.Match) -> bool:
    """A quotation that holds a sentence of its own, or more than a name's words, is someone's
    speech reporting figures ("…, Hà Tĩnh xếp thứ 4/63, tăng 12 bậc so với năm 2017. …"),
    whose numbers count; a short one is a name ("Chiến dịch 90 ngày")."""
    inner = m.group()[1:-1]
    if m.group()[:1] not in "“\"«":
        return False
    return len(inner.split()) > 15 or bool(re.search(r"[.;!?]\s+\S", inner))


def extract(text: str, *, default_period: str | None = None) -> list[Statement]:
    """Every indicator statement of ``text`` (docs/extraction-format.md), in text order. Never
    raises on odd text; ``default_period`` ("2026-Q1") is the report's period when headings
    give none."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    if not unicodedata.is_normalized("NFC", text):
        norm, index = nfc_with_map(text)
        statements = extract(norm, default_period=default_period)
        for st in statements:  # spans back into the caller's text
            for n in st.numbers:
                n.start, n.end = index[n.start], index[n.end]
                n.text = text[n.start : n.end]
        return statements
    # a table copied one cell a line is read as rows (the same offsets, line breaks as tabs)
    text, cell_heads = tables.join_cell_rows(text)
    report_period = parse_code(default_period) if default_period else _guess_period(text)
    ctx = _Context(report_period, year_of(report_period))
    ctx.section_period = report_period
    masked = Mask([(m.start(), m.end()) for m in _MASK_RE.finditer(text) if not _is_speech(m)])
    notes: dict[str, tuple[bool, str | None]] = {}
    out: list[Statement] = []
    across = VerdictsAcross()
    table: tables.Table | None = None
    targets_listed = False  # the line before opened a list of the targets set
    planned_above = False  # the paragraph before was read as a list of targets
    items_above = False  # … and was an item of it, or the first line under its opener
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        across.new_line(line)
        if ctx.after_line is not None:  # the line a glued heading headed is over
            (ctx.plan, ctx.section_period), ctx.after_line = ctx.after_line, None
        if not line.strip():
            table = None if table is not None and table.cells else table
            if ctx.plan_to_blank:  # the plans a line named end with their paragraph
                ctx.plan, ctx.plan_to_blank = False, False
                ctx.section_period = ctx.report_period
            continue
        label = None if ctx.plan else plan_label(line, ctx.year)
        item = bool(_ITEM_RE.match(line))
        listed = (
            targets_listed
            or (planned_above and (continues_a_list_of_targets(line) or (item and items_above)
                                   or continues_a_list_of_estimates(line)))
            or (label is not None and _DIGIT_RE.search(label) is not None)
        )
        # the items of a list of targets, one a line ("- Tốc độ tăng trưởng GRDP 8,5%."), go on
        # while the lines are items
        items_above = listed and (item or targets_listed)
        targets_listed, planned_above = opens_a_list_of_targets(line), False
        targets_listed = targets_listed or (label is not None and not label.strip())
        if listed and not ctx.plan:  # the paragraph under it lists the targets
            ctx.plan = True
            found = [s for a, b in _sentences(text, start, start + len(line))
                     for s in _sentence(text, a, b, start, ctx, masked)]
            ctx.plan = False
            out.extend(found)
            planned_above = True  # the next paragraph may go on with the list
            continue
        table, rows = _table_line(text, start, line, table, start in cell_heads, ctx)
        if rows is not None:
            out.extend(rows)
            continue
        _heading(line, ctx)
        if not _DIGIT_RE.search(line):
            across.figureless(line)
            ctx.planned = False  # a heading or a line of words ends the plans told before
            continue  # no number, no statement
        for m in _FOOTNOTE_REF_RE.finditer(line):  # where each footnote is called from
            notes.setdefault(m.group(1), (ctx.plan, ctx.section_period))
        found = _line(text, start, line, ctx, masked, notes, across)
        across.line_read(line, found)
        # a paragraph that ends on a list of plans ("Nghị quyết đề ra 12 chỉ tiêu chủ yếu gồm:
        # …; …;") may go on in the next, as one under its opener does
        planned_above = len(found) >= 2 and lists_plans(line) and all(
            n.role == "target" for st in found[-2:] for n in st.numbers)
        if ctx.estimates_listed:  # "… dự toán … như sau: Tổng thu …: 17.726 tỷ đồng, …"
            planned_above = True  # the lines under it may go on with the list
            targets_listed = targets_listed or line.rstrip().endswith(":")
        out.extend(found)
    return out


def _heading(line: str, ctx: _Context) -> None:
    """The section a heading line opens (or a heading glued to the start of its line, for
    that line alone)."""
    glued = _glued_heading(line)
    if glued is not None:  # "CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020-2025 I. Về kinh tế …"
        ctx.after_line = ctx.plan, ctx.section_period
        _enter_section(glued, ctx)
    elif _is_heading(line) or _is_marked_heading(line):
        _enter_section(line, ctx)
        ctx.plan_to_blank = False
    elif _heads_targets(line):
        _enter_section(line, ctx)
        ctx.plan_to_blank = ctx.plan


def _table_line(text, start, line, table, cell_head: bool, ctx: _Context):
    """(the table now open, the statements of ``line`` when it is a line of that table, else
    None). A line with tabs is a header (its columns) or a row; a row of words heads a group
    of the rows under it ("II | Các chỉ tiêu không đạt kế hoạch"), whose verdict they take."""
    if "\t" not in line:
        # a table copied one cell a line keeps its header over its lines of text
        return (table if table is not None and table.cells else None), None
    header = tables.read_header(line, table)
    if header is not None:
        header.cells = cell_head
        header.unit = (table.unit if table is not None else None) or tables.unit_over(text, start)
        return header, []
    if table is None or not table.complete:
        return table, None
    rows = tables.row_statements(text, start, line, table, ctx.report_period)
    if not rows:
        words = " ".join(c for c in line.split("\t")[1:] if c.strip()).lower()
        table.group_verdict = group_verdict(words)
    elif rows[0].status is None and table.group_verdict:
        rows[0].status = table.group_verdict
    return table, rows


def _line(text, start, line, ctx: _Context, masked, notes, across) -> list[Statement]:
    """The statements of the sentences of one line, with the verdicts that cross them."""
    out: list[Statement] = []
    ctx.estimates_listed = False
    aimed = False  # the plans told before, in this paragraph, are aims
    set_out = False  # … or targets set out before them without a figure
    # a title (short, no closing stop) details no plan told before it
    title = line.rstrip()[-1:] not in ".;:…!?)" and len(line) < 160
    for a, b in _sentences(text, start, start + len(line)):
        low = text[a:b].lower()
        body = _FOOTNOTE_BODY_RE.match(text, a, b)
        if body:  # a footnote's text belongs to the section that calls it
            saved = ctx.plan, ctx.section_period
            ctx.plan, ctx.section_period = notes.get(body.group(1), (False, ctx.report_period))
            out.extend(_sentence(text, a, b, start, ctx, masked))
            ctx.plan, ctx.section_period = saved
        else:
            # "… đặt chỉ tiêu phấn đấu … đạt 106.761 tỷ đồng. Trong đó, thu nội địa 45.000 tỷ
            # đồng": the parts of a plan are plans
            # "Dự toán thu … năm 2023 là 35.430 tỷ đồng. Trong đó thu nội địa là 21.840 tỷ đồng.
            # Thu từ đất là 7.100 tỷ đồng; …": so are the sentences after it that tell no result
            in_plans = ctx.plan
            # a sentence that lists the estimates decided, and the rest of its line
            ctx.estimates_listed = ctx.estimates_listed or (not in_plans and lists_estimates(low))
            ctx.plan = in_plans or ctx.estimates_listed or told_by_the_plan(low) or (
                ctx.planned and not title and details_a_plan(low, aimed, set_out))
            found = _sentence(text, a, b, start, ctx, masked)
            ctx.plan = in_plans
            across.judge(low, found, ctx.plan)
            out.extend(found)
            # ("Có 16 chỉ tiêu chủ yếu …" among plans: how many they are, and the plans go on)
            ctx.planned = sets_plans(low, found) or (ctx.planned and counts_the_targets(found))
            # an aim runs on over the sentences of its paragraph that go on with its plans, and
            # so do targets set out without a figure ("Từ đó, nghị quyết của QH xác định hệ thống
            # chỉ tiêu chủ yếu về kinh tế – xã hội.": sets_plans without a figure found), whose
            # sentences after give their planned changes too ("GDP tăng khoảng 6-6,5%; …")
            aimed = ctx.planned and (aimed or aims(low))
            set_out = ctx.planned and (set_out or not found)
        across.read(low)
    # a line that does not end a sentence (a title) leads no plans into the next line
    ctx.planned = ctx.planned and line.rstrip()[-1:] in ".;:…"
    return out


_FOOTNOTE_REF_RE = re.compile(r"\[footnoteRef:\s*([0-9]+)\]")


_FOOTNOTE_BODY_RE = re.compile(r"\[([0-9]+):")


# --- sections and sentences ----------------------------------------------------------------


def _guess_period(text: str) -> str | None:
    head = text[:600]
    for line in head.split("\n"):
        found = [p for p in find_periods(line, None) if p.code and p.kind != "year"]
        if found:
            return found[0].code
    found = [p for p in find_periods(head, None) if p.code]
    return found[0].code if found else None


def _is_heading(line: str) -> bool:
    s = line.strip()
    if len(s) >= 300 or sum(map(str.islower, s[:80])) > 12:
        return False  # quick reject: running prose
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 8:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) > 0.7 and len(s) < 300


_MAJOR_MARK_RE = re.compile(r"^\s*(?:[A-ZĐ]|[IVXLC]+|PHẦN\s+[^\s:.]+|Phần\s+[^\s:.]+)[.):]\s")


def _is_marked_heading(line: str) -> bool:
    """"II. Nhiệm vụ trọng tâm 6 tháng cuối năm 2025": a section heading in sentence case,
    under a roman or letter marker, that opens a plan or a results part."""
    s = line.strip()
    if len(s) > 160 or s.endswith((".", ";")) or not _MAJOR_MARK_RE.match(s):
        return False
    key = fold(s)
    return bool(_PLAN_HEAD_RE.search(key) or re.search(r"ket qua|tinh hinh thuc hien", key))


# "CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2023", "Các chỉ tiêu kinh tế - xã hội năm 2018", "Một số chỉ
# tiêu xã hội chủ yếu": a heading that names targets (indicators) and nothing else
# (one that ends on a colon labels the list under it: sentence_roles.plan_label)
_TARGETS_HEAD_RE = re.compile(
    r"^\s*(?:(?:[0-9]{1,2}|[ivx]+|[a-z])[.)]\s*)?(?:(?:cac|mot so|nhung)\s+)?chi tieu(?![\w])"
    r"[^.;:]*$"
)
# … of a year or a term: the targets set for it
_OF_A_PERIOD_RE = re.compile(
    r"(?<![\w])(?:nam (?:19|20)[0-9]{2}|nhiem ky|giai doan"
    r"|(?:19|20)[0-9]{2}\s*-\s*(?:19|20)[0-9]{2})"
)


def _heads_targets(line: str, colon: bool = False) -> bool:
    """A short line, no sentence, that names targets or indicators: a section heading (with
    ``colon``, one that ends on a colon too)."""
    s = line.strip()
    if len(s) > 120 or s.endswith((".", ";", ",")):
        return False  # (before folding: most lines are paragraphs)
    key = fold(s)
    if colon:
        key = key.rstrip(": ")
    # (not the targets met or not: "Các chỉ tiêu đạt và vượt kế hoạch", a verdict's heading)
    return bool(_TARGETS_HEAD_RE.match(key)) and not _RESULT_HEAD_RE.search(key) and not (
        _MET_OR_NOT_RE.search(key))


_MARKER_RE = re.compile(r"(?:[IVX]+|[0-9]{1,2})[.)]")


def _glued_heading(line: str) -> str | None:
    """"CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025 I. Về kinh tế (11 chỉ tiêu) 1. …": the
    heading of a page copied with its text on one line, when it heads the targets of a
    period or a plan; it sets the section of that line alone."""
    words = line.split(None, 24)
    n = 0  # the words in capitals (or figures) that open the line
    while n < len(words) - 1 and not any(c.islower() for c in words[n]):
        n += 1
    if n < len(words) - 1 and n and _MARKER_RE.fullmatch(words[n - 1]):
        n -= 1  # "… 2020-2025 I. Về kinh tế": the marker opens the text
    head = " ".join(words[:n])
    if n < 3 or n == len(words) - 1 or sum(c.isalpha() for c in head) < 12:
        return None
    key = fold(head)
    if _heads_targets(head) and _OF_A_PERIOD_RE.search(key):
        return head
    return head if _PLAN_HEAD_RE.search(key) and not _RESULT_HEAD_RE.search(key) else None


_MET_OR_NOT_RE = re.compile(r"(?<![\w])(?:dat|vuot|hoan thanh|khong|chua)(?![\w])")


def _enter_section(line: str, ctx: _Context) -> None:
    key = fold(line)
    periods = [p for p in find_periods(line, ctx.year) if p.code]
    plan = bool(_PLAN_HEAD_RE.search(key)) and not _RESULT_HEAD_RE.search(key)
    if _heads_targets(line, colon=True):
        # the targets of a year or a term are those set for it; indicators named without
        # one head figures of any kind, and end the plans above
        plan = plan or bool(_OF_A_PERIOD_RE.search(key))
        if not plan:
            ctx.plan, ctx.section_period = False, ctx.report_period
            return
    if periods:
        code = periods[-1].code
        if ctx.report_period is None:
            ctx.report_period, ctx.year = code, year_of(code)
        if ctx.report_period and code != ctx.report_period and code > ctx.report_period:
            # (a later period's plan, but not under a title that reviews this one first)
            plan = plan or bool(_PLAN_HEAD_RE.search(key) and not _REVIEW_HEAD_RE.search(key))
        ctx.section_period = code if plan else ctx.report_period
        ctx.plan = plan
    elif plan or (_HEAD_MARK_RE.match(line) and re.match(r"^\s*[A-ZĐ][.)]", line)):
        # a plan heading whose horizon is a span, not a period ("PHƯƠNG HƯỚNG, NHIỆM VỤ NỬA
        # CUỐI NHIỆM KỲ 2023 - 2025"), opens a plan section all the same
        ctx.plan = plan
        if not plan:
            ctx.section_period = ctx.report_period


def _sentences(text: str, a: int, b: int):
    """(start, end) of each sentence in text[a:b]."""
    cuts = [a]
    for m in _SENT_END_RE.finditer(text, a, b):
        cuts.append(m.start() if m.group() == "[" else m.end())
    cuts.append(b)
    for s, e in itertools.pairwise(cuts):
        while e - s > MAX_SENTENCE:
            yield s, s + MAX_SENTENCE
            s += MAX_SENTENCE
        if e > s:
            yield s, e


_DIGIT_RE = re.compile(r"[0-9]")


def _sentence(text, a, b, line_start, ctx: _Context, masked) -> list[Statement]:
    """The statements of the sentence text[a:b]: its numbers, each read in turn
    (sentence_roles.py), grouped into statements, then the statement-level rules."""
    if not _DIGIT_RE.search(text, a, b):
        return []
    ms = _mentions(text, a, b, line_start, masked)
    if not ms:
        return []
    groups = _paren_groups(text, a, b)
    _read_numbers(text, a, b, ms, groups)
    stmts = _group(text, ms, ctx.plan)
    label = _label(text, a, ms[0].tok.start)
    for st in stmts:  # "Thu ngân sách: …; lũy kế 10 tháng đạt …": the sentence's label
        if st.subject is None:  # (or the item's own, "…: Tổng thu …: 17.726 tỷ đồng")
            st.subject = item_label(text, a, ms[min(st.mentions)].tok.start) or label
    if stmts and stmts[0].subject is None:
        stmts[0].context = _flat(text[a : ms[0].tok.start]).lower()
    _statement_rules(ms, stmts, ctx)
    _statuses(text, a, b, ms, stmts, groups, ctx)
    _periods(text, a, b, ms, stmts, ctx, groups)
    return _build(text, ms, stmts, ctx)


def _build(text, ms, stmts, ctx: _Context) -> list[Statement]:
    out = []
    for st in stmts:
        nums = []
        for j in sorted(st.mentions):
            m = ms[j]
            value = -m.tok.value if m.negative else m.tok.value
            n = Number(m.tok.start, m.tok.end, m.tok.text, value, _unit_of(ms, j), m.role)
            if m.role in ("change", "attainment") or m.extras.get("cue") in ("share", "by"):
                n.basis = _as_written(text, m, m.extras.get("basis"))
            if m.role == "change":
                n.direction = ("down" if m.negative else None) or m.extras.get("direction") or (
                    "up" if (m.tok.value or 0) >= 100 else "down"
                )
            if m.role == "target":
                n.scope = _scope(m, st, ctx)
            if m.role in ("target", "actual"):
                n.bound = m.bound
            nums.append(n)
        first = ms[min(st.mentions)]
        indicator = st.subject or _indicator_from(text, first)
        phrase = _count_phrase(text, first)
        if st.subject and phrase and len(st.subject.split()) <= 4:
            # "Phát hiện" + "vụ vi phạm Luật Lâm nghiệp"
            indicator = f"{st.subject} {phrase}"
        elif st.subject and phrase and done_by_the_subject(st.subject):
            # "Các đơn vị KBNN đã phát hiện 1.234 khoản chi chưa đủ thủ tục": who did it names
            # nothing, what was counted names the indicator
            indicator = phrase
        indicator = targets_counted_name(text, first) or indicator
        around = text[max(0, first.tok.start - 300) : first.tok.start]
        indicator = readable_name(indicator, around)
        out.append(Statement(indicator, st.period, st.status, nums))
    return out


def _unit_of(ms, j: int) -> str | None:
    """The unit written after number ``j``; a bare count in a list after a counted one counts
    the same noun ("kỷ luật 62 đảng viên: khiển trách 28, cảnh cáo 21")."""
    m = ms[j]
    if m.unit.text or m.unit.kind != "none":
        return m.unit.text
    counted = [x for x in ms[:j] if x.unit.kind == "count" and x.unit.text]
    return counted[-1].unit.text if counted else None


def _as_written(text: str, m: Mention, basis: str | None) -> str | None:
    """The basis with the case of the text ("dự toán HĐND tỉnh giao")."""
    if not basis:
        return basis
    near = text[m.unit.end : m.unit.end + 200]
    at = near.lower().find(basis)
    return near[at : at + len(basis)] if at >= 0 else basis


def _scope(m: Mention, st: _Stmt, ctx: _Context) -> str:
    if ctx.plan:
        return st.period or "period"
    if st.period and len(st.period) == 4:
        return "year"
    cue = m.window[-40:]
    if re.search(r"(?<![\w])(cả năm|năm|kế hoạch năm)(?![\w])", cue) and "năm trước" not in cue:
        return "year"
    periods = [p for p in find_periods(cue, ctx.year) if p.code]
    if periods and periods[-1].code != ctx.report_period and periods[-1].kind != "year":
        return periods[-1].code
    return "period"
