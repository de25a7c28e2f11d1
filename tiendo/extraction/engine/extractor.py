"""From report text to indicator statements (ANNOTATION.md): the pipeline.

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
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from tiendo.lib.text import fold

from . import roles
from .model import Number, Statement
from .numbers import Token, Unit, find_numbers, read_unit
from .periods import find_periods, parse_code, year_of
from .scope import Mask, is_date_pair, out_of_scope
from .textmap import nfc_with_map

MAX_SENTENCE = 4000  # longer "sentences" (tables flattened without punctuation) are cut

_SENT_END_RE = re.compile(r"[.!?…]\s+(?=\S)|\n|\]|\[")
_PLAN_HEAD_RE = re.compile(
    r"phuong huong|ke hoach|giai phap|muc tieu|nhiem vu (?:trong tam|chu yeu|va giai phap)"
)
_RESULT_HEAD_RE = re.compile(r"ket qua|tinh hinh|danh gia|thuc hien")
_HEAD_MARK_RE = re.compile(r"^\s*(?:[A-ZĐ]|[IVXLC]+|[0-9]+)[.)]\s+")
_MASK_RE = re.compile(
    r"\[footnoteRef:[^\]]*\]|\[bookmark:[^\]]*\]|\[[0-9]+:|“[^”\n]{0,300}”|\"[^\"\n]{0,300}\""
    r"|«[^»\n]{0,300}»"
)
_TRONG_DO_RE = re.compile(r"(?<![\w])(trong đó|riêng|bao gồm|gồm|cụ thể)(?![\w])")
_VERDICT_RE = re.compile(
    r"(?<![\w])(?P<neg>không|chưa)?\s*(?P<w>đạt|vượt|hoàn thành)(?![\w])", re.IGNORECASE
)
_VERDICT_NEXT_RE = re.compile(
    r"^\s*(?:$|[,;.)\]]|so với|so\s|kế hoạch|kh\b|phương án|kịch bản|chỉ tiêu|mục tiêu|dự toán"
    r"|yêu cầu|tiến độ|vượt mức|mức)"
)
_LEAD_FILLER_RE = re.compile(
    r"^(?:\s|[-–•*+:]|\(?[0-9]{1,2}[)/]|[0-9]+(?:\.[0-9]+)*\.|[a-zđ]\)|"
    r"và|còn|riêng|trong đó|bao gồm|gồm|cụ thể|"
    r"đồng thời|ngoài ra|với|"
    r"trong|đó|như|điển hình như|tính|lũy kế|đến nay|hiện nay|hiện|toàn tỉnh|toàn thành phố|"
    r"toàn huyện|toàn xã|toàn quốc|cả nước|toàn ngành|"
    r"đã|có|về)+(?![\w])",
)
_SUBJECT_STOP_RE = re.compile(
    r"(?<!tốc độ )(?<![\w])(ước đạt|chỉ đạt|đạt|ước tính|ước|tăng trưởng|tăng|giảm|bằng|chiếm|"
    r"là|có|"
    r"khoảng|gấp|cao hơn|thấp hơn|nhiều hơn|ít hơn|không quá|tối đa|vượt|kh|"
    r"(?:trên|dưới|hơn|gần|từ)(?=\s*[-–>]?\s*$)|"
    r"kế hoạch|chỉ tiêu|mục tiêu|dự toán|kịch bản|phương án|so với)(?![\w])"
)
_NOT_SUBJECT_WORDS = {
    "tổng", "số", "mức", "tỷ", "lệ", "cả", "năm", "quý", "tháng", "i", "ii", "iii", "iv",
    "được", "đã", "thì", "toàn", "tỉnh", "nay", "đến", "cộng", "ước", "còn", "các", "những",
    "ngày", "tính",
}


@dataclass
class Mention:
    tok: Token
    unit: Unit
    role: str = "actual"
    extras: dict = field(default_factory=dict)
    left: str = ""  # lower-cased clause text before the number (since the previous number)
    window: str = ""  # lower-cased text since the previous number (whole)
    right: str = ""  # lower-cased text after the unit up to the next number
    subject: str | None = None
    bound: str | None = None
    negative: bool = False
    pair: int | None = None  # index of the other member of an x/y pair
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


# --- public --------------------------------------------------------------------------------


def extract(text: str, *, default_period: str | None = None) -> list[Statement]:
    """Every indicator statement of ``text`` (ANNOTATION.md), in text order. Never raises on
    odd text; ``default_period`` ("2026-Q1") is the report's period when headings give none."""
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
    report_period = parse_code(default_period) if default_period else _guess_period(text)
    ctx = _Context(report_period, year_of(report_period))
    ctx.section_period = report_period
    masked = Mask([(m.start(), m.end()) for m in _MASK_RE.finditer(text)])
    notes: dict[str, tuple[bool, str | None]] = {}
    out: list[Statement] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        if _is_heading(line) or _is_marked_heading(line):
            _enter_section(line, ctx)
        if not _DIGIT_RE.search(line):
            continue  # no number, no statement
        for m in _FOOTNOTE_REF_RE.finditer(line):  # where each footnote is called from
            notes.setdefault(m.group(1), (ctx.plan, ctx.section_period))
        for a, b in _sentences(text, start, start + len(line)):
            body = _FOOTNOTE_BODY_RE.match(text, a, b)
            if body:  # a footnote's text belongs to the section that calls it
                saved = ctx.plan, ctx.section_period
                ctx.plan, ctx.section_period = notes.get(
                    body.group(1), (False, ctx.report_period))
                out.extend(_sentence(text, a, b, start, ctx, masked))
                ctx.plan, ctx.section_period = saved
            else:
                out.extend(_sentence(text, a, b, start, ctx, masked))
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


def _enter_section(line: str, ctx: _Context) -> None:
    key = fold(line)
    periods = [p for p in find_periods(line, ctx.year) if p.code]
    plan = bool(_PLAN_HEAD_RE.search(key)) and not _RESULT_HEAD_RE.search(key)
    if periods:
        code = periods[-1].code
        if ctx.report_period is None:
            ctx.report_period, ctx.year = code, year_of(code)
        if ctx.report_period and code != ctx.report_period and code > ctx.report_period:
            plan = plan or bool(_PLAN_HEAD_RE.search(key))
        ctx.section_period = code if plan else ctx.report_period
        ctx.plan = plan
    elif _HEAD_MARK_RE.match(line) and re.match(r"^\s*[A-ZĐ][.)]", line):
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


_PAREN_RE = re.compile(r"[()]")


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


# --- one sentence ----------------------------------------------------------------------------


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
        if nxt is not None and text[t.end : nxt.start] == "/":  # x/y
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
                m1.pair, m2.pair = len(out) + 1, len(out)
                out.extend([m1, m2])
            i += 2
            continue
        unit = read_unit(text, t.end)
        if not out_of_scope(text, t, unit, line_start, masked):
            out.append(Mention(t, unit))
        i += 1
    return out


_CLOSED_PAREN_RE = re.compile(r"\([^()]*\)")
_AND_RE = re.compile(r"(?<![\w])(và|trong đó)(?![\w])")
_WORD_RE = re.compile(r"[^\W\d_]+")
_SPACES_RE = re.compile(r"\s+")


def _flat(window: str) -> str:
    """Closed parentheses blanked out (they qualify a subject or a number: "(dịch vụ)")."""
    if "(" not in window:
        return window
    return _CLOSED_PAREN_RE.sub(lambda m: " " * len(m.group()), window)


def _clause_left(window: str, marks: str = ",;(:)", and_cut: bool = False) -> tuple[str, bool]:
    """The part of ``window`` after its last top-level boundary, and whether there was one."""
    flat = _flat(window)
    cut = max(flat.rfind(ch) for ch in marks)
    end = cut + 1
    if and_cut:
        for m in _AND_RE.finditer(flat.lower()):
            if m.end() > end:
                end = m.end()
    return (window[end:], True) if end > 0 else (window, False)


def _cue_left(window: str) -> str:
    """Text before a number that can hold its cue words: the clause, or, for a number opening
    a parenthesis ("phương án kịch bản (9,77%)"), the words before the parenthesis."""
    flat = _flat(window)
    left, _ = _clause_left(flat, ",;(")
    if not left.strip() and flat.rstrip().endswith("("):
        left, _ = _clause_left(flat.rstrip()[:-1], ",;(")
    return _mask_document_names(left, window)


def _mask_document_names(left: str, window: str) -> str:
    """"ban hành các Kế hoạch mở 04 lớp": a capitalised plan word inside a clause is the name
    of a document, not a plan figure."""
    raw = window[len(window) - len(left) :] if left else ""

    def repl(m: re.Match) -> str:
        return "văn bản" if raw[: m.start()].strip(" -–") else m.group().lower()

    return re.sub(r"(?<![\w])(Kế hoạch|Chương trình|Chỉ tiêu|Mục tiêu)", repl, raw).lower()


def _subject(clause: str, need_verb: bool = False) -> str | None:
    """The indicator named before the verb of a clause, or None when the clause starts with
    a verb/cue ("tăng 5%", "KH: …", "đạt 3,65%")."""
    c = _flat(clause)
    colon = c.rfind(":")
    if colon >= 0 and _SUBJECT_STOP_RE.search(c.lower(), colon):
        # "Chỉ tiêu 1: Tốc độ tăng trưởng đạt", "Về ngân hàng: Vốn huy động đạt"; when the
        # words after the colon name nothing ("Thu ngân sách: ước thực hiện đạt"), the label
        return _subject(clause[colon + 1 :], need_verb) or _subject(clause[:colon], False)
    low = c.lower()
    m = _LEAD_FILLER_RE.match(low)
    start = m.end() if m else 0
    stop = _SUBJECT_STOP_RE.search(low, start)
    if stop is not None and not low[start : stop.start()].strip() and (
        stop.group(1) == "tăng trưởng"
    ):
        # "Tăng trưởng tín dụng đạt 7%": a noun when a verb follows; ", tăng trưởng 18%": a verb
        stop = _SUBJECT_STOP_RE.search(low, stop.end()) or stop
    if stop is None and need_verb:  # words trailing the previous number, not a new subject
        return None
    end = stop.start() if stop else len(low)
    words = _WORD_RE.findall(low[start:end])
    if not any(w not in _NOT_SUBJECT_WORDS for w in words):
        return None
    # keep the original case, trimmed
    raw = _SPACES_RE.sub(" ", clause[start:end]).strip(" -–:,;")
    if ":" in raw:  # "Về ngân hàng: Vốn huy động", "Số lao động được giải quyết việc làm:"
        raw = [p for p in raw.split(":") if p.strip()][-1].strip()
    parts = raw.split(", ")
    while len(parts) > 1 and _is_filler(parts[0]):  # "Trong quý I, phát hiện …"
        parts.pop(0)
    raw = ", ".join(parts)
    raw = _TRAILING_PERIOD_RE.sub("", raw).strip(" -–:,;")
    if _is_filler(raw):
        return None
    return raw or None


_TRAILING_PERIOD_RE = re.compile(
    r"(?:\s+(?:trong\s+)?(?:quý\s+[ivx0-9]+|tháng\s+[0-9]+|năm\s+[0-9]{4}|[0-9]+\s+tháng)"
    r"(?:\s*(?:/|năm)\s*[0-9]{4})?)+\s*$",
    re.IGNORECASE,
)


def _is_filler(part: str) -> bool:
    low = _TRAILING_PERIOD_RE.sub("", " " + part.lower())
    m = _LEAD_FILLER_RE.match(low.strip())
    rest = low.strip()[m.end() :] if m else low.strip()
    words = re.findall(r"[^\W\d_]+", rest)
    return all(w in _NOT_SUBJECT_WORDS for w in words)


_DIGIT_RE = re.compile(r"[0-9]")


def _sentence(text, a, b, line_start, ctx: _Context, masked) -> list[Statement]:
    if not _DIGIT_RE.search(text, a, b):
        return []
    ms = _mentions(text, a, b, line_start, masked)
    if not ms:
        return []
    groups = _paren_groups(text, a, b)
    low_text = text  # offsets shared; lower-casing per slice below
    prev_end = a
    for i, m in enumerate(ms):
        window = low_text[prev_end : m.tok.start]
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
        if m.role != "part":
            m.role, m.extras = roles.local_role(m.left, m.right, m.unit.kind)
            if (  # "giải ngân 1.234,5 tỷ đồng/2.345,6 tỷ đồng kế hoạch vốn"
                m.window.strip() == "/"
                and m.unit.kind != "percent"
                and roles.PLAN_RIGHT_RE.match(m.right)
            ):
                m.role, m.extras = "target", {"cue": "plan-after-slash"}
            prev = ms[i - 1] if i > 0 else None
            if (
                prev is not None
                and prev.role == "change"
                and m.role == "actual"
                and (m.unit.kind == prev.unit.kind or m.window.strip() == "(")
                and not clause.strip(" ,")
                and not roles.ACTUAL_VERB_RE.search(m.left)
            ):  # "tăng 117% về số lượng và 45% về vốn": the verb is not repeated
                m.role, m.extras = "change", dict(prev.extras)
            # inside "(KH: …)" every figure is a plan
            if m.group and m.role == "actual":
                opening = text[m.group[0] + 1 : m.tok.start].lower()
                if re.match(r"\s*(kh|kế hoạch|chỉ tiêu|mục tiêu)(?![\w])", opening):
                    m.role, m.extras = "target", {"cue": "plan-paren"}
            # "98/102 tổ chức (96,1%)", "90 tổ chức hoàn thành tốt (72%)": a bare % opening a
            # parenthesis right after a count is the share of that count
            if (
                m.role == "actual"
                and not m.extras.get("cue")
                and m.unit.kind == "percent"
                and i > 0
                and ms[i - 1].unit.kind in ("count", "measure")
                and m.group is not None
                and m.group[0] > ms[i - 1].tok.end
                and not text[m.group[0] + 1 : m.tok.start].strip()
            ):
                m.extras = {"cue": "share", "basis": _noun_after(text, ms[i - 1])}
            # "(đạt 22,45%)" after a count: the share of it that is done
            if (
                m.role == "actual"
                and m.extras.get("cue") == "by"
                and i > 0
                and ms[i - 1].unit.kind != "percent"
                and m.subject is None
            ):
                m.role = "attainment"
                m.extras["basis"] = m.extras.get("basis") or _noun_after(text, ms[i - 1])
        m.bound = roles.bound_of(m.window[-25:], m.right[:30])
        m.negative = bool(roles.NEG_RE.search(m.window[-8:])) and m.role != "part"
        prev_end = m.unit.end
    stmts = _group(text, ms, ctx.plan)
    label = _label(text, a, ms[0].tok.start)
    for st in stmts:  # "Thu ngân sách: …; lũy kế 10 tháng đạt …": the sentence's label
        if st.subject is None and label:
            st.subject = label
    if stmts and stmts[0].subject is None:
        stmts[0].context = _flat(text[a : ms[0].tok.start]).lower()
    _statement_rules(ms, stmts, ctx)
    _statuses(text, a, b, ms, stmts, groups, ctx)
    _periods(text, a, b, ms, stmts, ctx)
    return _build(text, ms, stmts, ctx)


def _label(text: str, a: int, first: int) -> str | None:
    """"- Thu ngân sách: ước thực hiện …": the indicator a sentence names before a colon."""
    head = _flat(text[a:first])
    colon = head.find(":")
    if colon < 0:
        return None
    label = _subject(text[a : a + colon])
    return label if label and len(label.split()) <= 14 else None


def _noun_after(text: str, m: Mention) -> str | None:
    s = text[m.unit.end : m.unit.end + 60]
    s = re.split(r"[,;.()\n0-9]|(?<![\w])(?:đạt|tăng|giảm|bằng|so với|với)(?![\w])", s)[0]
    s = s.strip()
    return " ".join(((m.unit.text or "") + " " + s).split()[:6]) or None


def _is_primary(m: Mention, plan: bool = False) -> bool:
    """A level figure that a statement is about. In a plan section a plan word ("phấn đấu
    kết nạp 30 đảng viên") opens its own figure too; a plan in "(KH: …)" never does."""
    if plan and m.role == "target":
        return m.extras.get("cue") not in ("plan-paren", "giver", "plan-after-slash")
    return m.role in ("actual", "part")


def _group(text: str, ms: list[Mention], plan: bool = False) -> list[_Stmt]:
    stmts: list[_Stmt] = []

    def new(i: int, parent: int | None) -> None:
        stmts.append(_Stmt(ms[i].subject, [i], parent=parent))
        ms[i].stmt = len(stmts) - 1

    def join(i: int, s: int) -> None:
        stmts[s].mentions.append(i)
        ms[i].stmt = s

    def has_primary(s: int) -> bool:
        return any(_is_primary(ms[j], plan) for j in stmts[s].mentions)

    for i, m in enumerate(ms):
        if i == 0:
            new(i, None)
            continue
        prev = ms[i - 1]
        cur = prev.stmt
        if m.pair is not None and m.pair < i:
            join(i, ms[m.pair].stmt)
            continue
        if m.window.strip() == "/":  # "03 hộ/03 xã"
            join(i, cur)
            continue
        giver = m.extras.get("cue") == "giver"
        sub_marker = bool(_TRONG_DO_RE.search(m.window))
        if m.subject and not giver:
            if m.role == "target":  # a plan for an indicator named earlier in the sentence
                s = _same_subject(ms, stmts, m.subject, i)
                if s is not None:
                    _relink_parent_plan(ms, stmts, i, s)
                    join(i, s)
                    continue
            new(i, cur if sub_marker else None)
            continue
        if _is_primary(m, plan) and has_primary(cur):
            share = m.extras.get("cue") == "share"
            second_basis = (
                m.unit.kind == "percent"
                and "so với" in m.right[:12]
                and any("so với" in ms[j].right[:12] for j in stmts[cur].mentions)
            )
            if not (share or second_basis):
                new(i, cur if sub_marker else None)
                continue
        target = cur
        if m.role == "change" and m.unit.kind in ("count", "measure"):
            target = _by_unit(ms, stmts, m, i, cur)
        elif m.role == "change" and m.unit.kind == "percent":
            target = _by_about(ms, stmts, m, cur)
        join(i, target)
    return stmts


def _same_subject(ms, stmts, subject, i):
    key = fold(subject)
    for s in range(len(stmts) - 1, -1, -1):
        subj = stmts[s].subject
        if subj and (fold(subj) == key or fold(subj).endswith(" " + key)):
            return s
    return None


def _relink_parent_plan(ms, stmts, i, s):
    """"(KH: 10,63%; trong đó, công nghiệp 10,95%)": the first plan is the parent's."""
    parent = stmts[s].parent
    prev = ms[i - 1]
    if parent is None or prev.role != "target" or prev.stmt != s or prev.group != ms[i].group:
        return
    stmts[s].mentions.remove(i - 1)
    stmts[parent].mentions.append(i - 1)
    prev.stmt = parent


def _by_unit(ms, stmts, m, i, cur):
    """"giảm 23 vụ", "tăng 17 người chết": the change of the statement counting the same
    noun; among several, the one whose words follow the noun alike."""
    after = set(re.findall(r"[^\W\d_]+", m.right[:30]))
    best, best_score = None, -1
    for s in range(len(stmts)):
        units = [ms[j].unit.text for j in stmts[s].mentions if _is_primary(ms[j])]
        if m.unit.text not in units:
            continue
        j = next(j for j in stmts[s].mentions if _is_primary(ms[j]))
        words = set(re.findall(r"[^\W\d_]+", ms[j].window[-30:] + " " + ms[j].right[:30]))
        score = len(after & words)
        if score >= best_score:
            best, best_score = s, score
    return cur if best is None else best


def _by_about(ms, stmts, m, cur):
    """"tăng 117% về số lượng và 45% về vốn": the change of the count or of the money."""
    about = re.match(r"^\s*về\s+(số lượng|số|vốn|giá trị|kim ngạch|doanh thu|diện tích)", m.right)
    if not about:
        return cur
    money = about.group(1) != "số lượng" and about.group(1) != "số"
    for s in range(len(stmts) - 1, -1, -1):
        for j in stmts[s].mentions:
            mj = ms[j]
            if not _is_primary(mj) or not mj.unit.text:
                continue
            is_money = "đồng" in mj.unit.text or "usd" in mj.unit.text
            if is_money == money and mj.unit.kind != "percent":
                return s
    return cur


# --- statement-level rules ------------------------------------------------------------------

_RATE_RE = re.compile(r"^(tỷ lệ|tỉ lệ|tốc độ|mức tăng|tăng trưởng)(?![\w])")


def _is_rate(ms, st: _Stmt) -> bool:
    if st.subject and _RATE_RE.search(st.subject.lower().lstrip("- ")):
        return True
    if not st.subject and re.search(r"(?<![\w])(tỷ lệ|tỉ lệ|tốc độ tăng)", st.context):
        return True
    return any(ms[j].role == "target" and ms[j].unit.kind == "percent" for j in st.mentions)


def _statement_rules(ms, stmts, ctx: _Context) -> None:
    rate_first = bool(stmts) and _is_rate(ms, stmts[0])
    for k, st in enumerate(stmts):
        rate = _is_rate(ms, st) or (rate_first and k > 0 and st.parent is not None)
        has_level = any(
            ms[j].role == "actual" and ms[j].unit.kind != "percent" for j in st.mentions
        )
        pct_plan = any(ms[j].role == "target" and ms[j].unit.kind == "percent"
                       for j in st.mentions)
        if pct_plan:  # "làm rõ 312 vụ, đạt 90,4% (chỉ tiêu trên 75%)": a rate with its plan
            for j in st.mentions:
                if ms[j].role == "attainment" and ms[j].extras.get("cue") == "by":
                    ms[j].role = "actual"
        if has_level:  # "578,9 tỷ đồng, đạt 3,89% (so với …) và 3,65% (so với …)"
            for j in st.mentions:
                mj = ms[j]
                if mj.role == "actual" and mj.unit.kind == "percent" and (
                    "so với" in mj.right[:12] and mj.extras.get("cue") != "share"
                ):
                    mj.role = "attainment"
                    mj.extras["basis"] = roles.basis_text(mj.right)
        if rate and not has_level:
            given = {k for k in st.mentions if ms[k].role == "actual"}
            for j in st.mentions:
                mj = ms[j]
                if mj.unit.kind != "percent":
                    continue
                if given - {j}:
                    break  # the rate is given; what follows is its change or attainment
                if mj.role == "change" and mj.extras.get("cue") == "change":
                    mj.role = "actual"
                    given.add(j)
                    continue
                if (mj.role == "change" and mj.extras.get("cue") == "change") or (
                    mj.role == "attainment" and mj.extras.get("cue") != "plan-right"
                ) or (mj.role == "attainment" and "so với" in mj.right[:12]):
                    mj.role = "actual"
        if ctx.plan:
            for j in st.mentions:
                ms[j].role = "target"


def _statuses(text, a, b, ms, stmts, groups, ctx: _Context) -> None:
    if ctx.plan:
        return
    low = text[a:b].lower()
    for v in _VERDICT_RE.finditer(low):
        if not _VERDICT_NEXT_RE.match(low[v.end() :]):
            continue
        nxt = re.match(r"^[^,;()]*", low[v.end() :]).group()
        if re.search(r"[0-9]", nxt) and not re.search(r"\b(kh|kế hoạch)\b", nxt):
            continue
        status = "not_achieved" if v.group("neg") else "achieved"
        pos = a + v.start()
        g = _innermost(groups, pos)
        targets = set()
        if g:
            inside = [i for i, m in enumerate(ms) if g[0] < m.tok.start < g[1]]
            before = [i for i, m in enumerate(ms) if m.tok.start < g[0]]
            targets.update(ms[i].stmt for i in inside)
            if before:
                targets.add(ms[before[-1]].stmt)
        else:
            before = [i for i, m in enumerate(ms) if m.tok.start < pos]
            after = [i for i, m in enumerate(ms) if m.tok.start > pos]
            if before:
                targets.add(ms[before[-1]].stmt)
            elif after:
                targets.add(ms[after[0]].stmt)
        for s in targets:
            if s is not None:
                stmts[s].status = status


_NOT_PERIOD_BEFORE_RE = re.compile(
    r"(?:so với|so|cuối|sang|từ|giai đoạn|nhiệm kỳ|thời kỳ|chỉ tiêu|của|tháng|cùng kỳ)\s*$"
)


def _periods(text, a, b, ms, stmts, ctx: _Context) -> None:
    found = [p for p in find_periods(text[a:b], ctx.year) if p.code]
    for p in found:
        p.start += a
        p.end += a
    usable = [
        p for p in found
        if not _NOT_PERIOD_BEFORE_RE.search(text[max(a, p.start - 12) : p.start].lower())
        and not re.match(r"\s*[-–]\s*(?:19|20)[0-9]{2}", text[p.end : p.end + 8])
    ]
    for st in stmts:
        first = ms[min(st.mentions)]
        pos = first.tok.start
        clause_end = text.find(";", pos, b)
        clause_end = b if clause_end < 0 else clause_end
        code = None
        for p in usable:
            if pos < p.start < clause_end and re.search(
                r"(?:trong|ngay trong|hết|đến hết|đến)\s*$", text[max(a, p.start - 14) : p.start]
            ):
                code = p.code
                break
        if code is None:
            before = [p for p in usable if p.end <= pos]
            if before:
                p = before[-1]
                code = p.code
                all_target = not any(ms[j].role in ("actual", "part") for j in st.mentions)
                if (
                    p.kind == "year"
                    and not ctx.plan
                    and not all_target
                    and ctx.report_period
                    and code == str(ctx.year)
                ):
                    code = ctx.report_period
        st.period = code or ctx.section_period


def _build(text, ms, stmts, ctx: _Context) -> list[Statement]:
    out = []
    for st in stmts:
        nums = []
        for j in sorted(st.mentions):
            m = ms[j]
            value = -m.tok.value if m.negative else m.tok.value
            n = Number(m.tok.start, m.tok.end, m.tok.text, value, m.unit.text, m.role)
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
        indicator = indicator[:1].upper() + indicator[1:]
        out.append(Statement(indicator[:120], st.period, st.status, nums))
    return out


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


def _count_phrase(text: str, m: Mention) -> str | None:
    """"vụ vi phạm Luật Lâm nghiệp": a counted noun with its modifiers, when it has some."""
    if m.unit.kind != "count" or not m.unit.text:
        return None
    tail = _tail_words(text, m)
    return " ".join([m.unit.text, *tail]) if tail else None


def _tail_words(text: str, m: Mention) -> list[str]:
    tail = text[m.unit.end : m.unit.end + 80]
    tail = re.split(r"[,;.()\n0-9]|(?<![\w])(?:đạt|tăng|giảm|bằng|so với|với|chiếm|để|nhằm|"
                    r"do|theo|cho|trong|và)(?![\w])", tail)[0]
    return tail.split()[:8]


def _indicator_from(text: str, m: Mention) -> str:
    """A name for a statement whose clause names no subject: the counted noun and its
    modifiers ("vụ vi phạm Luật Lâm nghiệp"), else the clause's words."""
    words = _tail_words(text, m)
    if m.unit.kind == "count" and m.unit.text:
        words = [m.unit.text, *words]
    if len(words) >= 2:
        s = " ".join(words)
    else:
        left = re.sub(r"\s+", " ", m.left).strip(" -–:,;(")
        left = re.split(r"(?<![\w])(?:với|có|là|gồm|cho)(?![\w])", left)[-1].strip()
        filler = _LEAD_FILLER_RE.match(left)
        left = left[filler.end() :].strip() if filler else left
        s = " ".join((left.split()[-6:] if left else []) + words).strip()
    return (s[:1].upper() + s[1:]) if s else (m.unit.text or "")
