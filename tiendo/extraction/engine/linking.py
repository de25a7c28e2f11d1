"""Grouping a sentence's numbers into statements, then the statement-level rules: rates,
verdicts (đạt / không đạt) and periods."""

from __future__ import annotations

import re

from tiendo.lib.text import fold

from . import roles
from .mentions import Mention, _Context, _flat, _innermost, _Stmt
from .periods import find_periods

_TRONG_DO_RE = re.compile(r"(?<![\w])(trong đó|riêng|bao gồm|gồm|cụ thể)(?![\w])")


_FROM_TO_RE = re.compile(r"^\s*%?\s*(?:xuống|lên|đến|tới)(?:\s+(?:còn|mức))?\s*$")


def _is_primary(m: Mention, plan: bool = False) -> bool:
    """A level figure that a statement is about. In a plan section a plan word ("phấn đấu
    kết nạp 30 đảng viên") opens its own figure too; a plan in "(KH: …)" never does."""
    if plan and m.role == "target":
        return m.extras.get("cue") not in ("plan-paren", "giver", "plan-after-slash")
    return m.role in ("actual", "part")


class _Grouping:
    """A sentence's statements as its numbers are grouped into them, one number at a time."""

    def __init__(self, ms: list[Mention], plan: bool) -> None:
        self.ms, self.plan = ms, plan
        self.stmts: list[_Stmt] = []

    # new and join return True, so that a rule that places a number can end with them
    def new(self, i: int, parent: int | None) -> bool:
        self.stmts.append(_Stmt(self.ms[i].subject, [i], parent=parent))
        self.ms[i].stmt = len(self.stmts) - 1
        return True

    def join(self, i: int, s: int) -> bool:
        self.stmts[s].mentions.append(i)
        self.ms[i].stmt = s
        return True

    def has_primary(self, s: int) -> bool:
        return any(_is_primary(self.ms[j], self.plan) for j in self.stmts[s].mentions)


def _group(text: str, ms: list[Mention], plan: bool = False) -> list[_Stmt]:
    """The statements of a sentence: each number after the first opens one or joins one,
    by the first of :data:`_LINK_RULES` that places it; else it joins the statement it goes
    on from."""
    g = _Grouping(ms, plan)
    if ms:
        g.new(0, None)
    for i in range(1, len(ms)):
        cur = _outside_aside(ms, g.stmts, i)
        if not any(rule(g, i, cur) for rule in _LINK_RULES):
            g.join(i, cur)
    return g.stmts


def _joins_its_range(g: _Grouping, i: int, cur: int) -> bool:
    """"10-11%": one range, one statement."""
    m = g.ms[i]
    return m.range_of is not None and g.join(i, g.ms[m.range_of].stmt)


def _joins_its_pair(g: _Grouping, i: int, cur: int) -> bool:
    """"98/102 tổ chức": the second member of an x/y pair goes with the first."""
    m = g.ms[i]
    return m.pair is not None and m.pair < i and g.join(i, g.ms[m.pair].stmt)


def _opens_respectively(g: _Grouping, i: int, cur: int) -> bool:
    """"X và Y tăng lần lượt 12% và 8%": the k-th figure is the k-th subject's."""
    k = g.ms[i].extras.get("respectively", 0)
    if k <= 0:
        return False
    first = g.stmts[g.ms[i - k].stmt]
    parts = _CONJUNCTS_RE.split(first.subject or "")
    if len(parts) <= k:
        return False
    first.subject = parts[0] if k == 1 else first.subject
    g.new(i, first.parent)
    g.stmts[-1].subject = parts[k]
    return True


def _joins_after_slash(g: _Grouping, i: int, cur: int) -> bool:
    """"05 hộ/02 xã"."""
    return g.ms[i].window.strip() == "/" and g.join(i, cur)


def _joins_from_to(g: _Grouping, i: int, cur: int) -> bool:
    """"giảm từ 3,5% xuống còn 2,6%": the same rate, before and after."""
    return bool(
        _FROM_TO_RE.search(g.ms[i].window)
        and re.search(r"(?<![\w])từ\s*$", g.ms[i - 1].window)
    ) and g.join(i, cur)


def _is_named(m: Mention) -> bool:
    """A number whose own subject is written before it (a plan's giver does not count)."""
    return bool(m.subject) and m.extras.get("cue") != "giver"


def _sub_marker(m: Mention) -> bool:
    """"trong đó", "riêng", "bao gồm": what follows is a part of what came before."""
    return bool(_TRONG_DO_RE.search(m.window))


def _joins_plan_named_earlier(g: _Grouping, i: int, cur: int) -> bool:
    """A plan for an indicator named earlier in the sentence."""
    m = g.ms[i]
    if not (_is_named(m) and m.role == "target"):
        return False
    s = _same_subject(g.ms, g.stmts, m.subject, i)
    if s is None:
        return False
    _relink_parent_plan(g.ms, g.stmts, i, s)
    return g.join(i, s)


def _joins_plan_awaiting_actual(g: _Grouping, i: int, cur: int) -> bool:
    """"Kế hoạch vốn … được giao 5.200 tỷ đồng; lũy kế giải ngân … đạt 3.120 tỷ đồng": the
    plan allocated first, then what was done against it."""
    m = g.ms[i]
    if not (_is_named(m) and not g.plan and _plan_awaiting_actual(g.ms, g.stmts[cur], m)):
        return False
    g.join(i, cur)
    g.stmts[cur].subject = m.subject
    return True


def _opens_named(g: _Grouping, i: int, cur: int) -> bool:
    """A named number opens its own statement; siblings keep the parent."""
    m = g.ms[i]
    return _is_named(m) and g.new(i, cur if _sub_marker(m) else g.stmts[cur].parent)


def _opens_new_clause(g: _Grouping, i: int, cur: int) -> bool:
    """"…tăng được 3 bậc; 12/18 sở có chỉ số tăng": a new clause, a new quantity."""
    m = g.ms[i]
    return (
        _is_primary(m, g.plan)
        and not g.has_primary(cur)
        and ";" in _flat(m.window)
        and all(g.ms[j].unit.text != m.unit.text for j in g.stmts[cur].mentions)
    ) and g.new(i, None)


def _opens_second_level(g: _Grouping, i: int, cur: int) -> bool:
    """A second level figure opens its own statement, unless it is a share of the first or
    the first's figure against a second basis ("so với …")."""
    m = g.ms[i]
    if not (_is_primary(m, g.plan) and g.has_primary(cur)):
        return False
    share = m.extras.get("cue") == "share"
    second_basis = (
        m.unit.kind == "percent"
        and "so với" in m.right[:12]
        and any("so với" in g.ms[j].right[:12] for j in g.stmts[cur].mentions)
    )
    return not (share or second_basis) and g.new(i, cur if _sub_marker(m) else None)


def _places_count_change(g: _Grouping, i: int, cur: int) -> bool:
    """"giảm 12 vụ": the change of the statement counting the same noun; "…450 thủ tục; đã
    giảm 203 chỉ tiêu biên chế": a change of a count that no statement of the sentence
    counts is a quantity of its own."""
    m = g.ms[i]
    if not (m.role == "change" and m.unit.kind in ("count", "measure")):
        return False
    target = _by_unit(g.ms, g.stmts, m, i, cur)
    if target == cur and m.unit.kind == "count" and (
        _counts_other(g.ms, g.stmts[cur], m) or _second_count_change(g.ms, g.stmts[cur], m)
    ):
        return g.new(i, None)
    return g.join(i, target)


def _joins_percent_change(g: _Grouping, i: int, cur: int) -> bool:
    """"tăng 40% về số lượng và 25% về vốn": the change of the count or of the money."""
    m = g.ms[i]
    return m.role == "change" and m.unit.kind == "percent" and g.join(
        i, _by_about(g.ms, g.stmts, m, cur)
    )


# How a number after the first is placed, tried in this order; ``cur`` is the statement it
# goes on from (:func:`_outside_aside`).
_LINK_RULES = (
    _joins_its_range,
    _joins_its_pair,
    _opens_respectively,
    _joins_after_slash,
    _joins_from_to,
    _joins_plan_named_earlier,
    _joins_plan_awaiting_actual,
    _opens_named,
    _opens_new_clause,
    _opens_second_level,
    _places_count_change,
    _joins_percent_change,
)


_CONJUNCTS_RE = re.compile(r"\s*,\s*|\s+và\s+")


def _outside_aside(ms, stmts, i) -> int:
    """The statement a number goes on from: the previous number's, unless that one opened a
    statement inside a parenthesis that is now closed ("kết nạp 12 đảng viên (trong đó 07
    đồng chí nữ), đạt 40% chỉ tiêu": the 40% is the 12's)."""
    prev = ms[i - 1]
    g = prev.group
    if g is None or g[0] < ms[i].tok.start <= g[1]:
        return prev.stmt
    first = ms[min(stmts[prev.stmt].mentions)]
    if not (g[0] < first.tok.start <= g[1]):
        return prev.stmt
    before = [j for j in range(i) if ms[j].tok.start < g[0]]
    return ms[before[-1]].stmt if before else prev.stmt


def _same_subject(ms, stmts, subject, i):
    key = fold(subject)
    for s in range(len(stmts) - 1, -1, -1):
        subj = stmts[s].subject
        if subj and (fold(subj) == key or fold(subj).endswith(" " + key)):
            return s
    return None


def _relink_parent_plan(ms, stmts, i, s):
    """"(KH: 9,5%; trong đó, chế biến 11,2%)": the first plan is the parent's."""
    parent = stmts[s].parent
    prev = ms[i - 1]
    if parent is None or prev.role != "target" or prev.stmt != s or prev.group != ms[i].group:
        return
    stmts[s].mentions.remove(i - 1)
    stmts[parent].mentions.append(i - 1)
    prev.stmt = parent


def _by_unit(ms, stmts, m, i, cur):
    """"giảm 12 vụ", "tăng 4 người chết": the change of the statement counting the same
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


def _head_noun(unit: str | None) -> str:
    return (unit or "").split("/")[0].split(" ")[-1] if unit else ""


def _counts_other(ms, st: _Stmt, m) -> bool:
    """Whether the statement's level figure is a count or measure of another noun than the
    change's ("450 thủ tục" against "giảm 203 chỉ tiêu")."""
    levels = [ms[j] for j in st.mentions if _is_primary(ms[j]) and ms[j].unit.text]
    if not levels or any(lv.unit.kind == "percent" for lv in levels):
        return False
    mine = m.unit.text or ""
    return all(
        not (lv.unit.text.startswith(mine) or mine.startswith(lv.unit.text))
        for lv in levels
    )


_PLAN_SUBJECT_RE = re.compile(r"(?<![\w])(kế hoạch|kh|dự toán|chỉ tiêu)(?![\w])")


def _plan_awaiting_actual(ms, st: _Stmt, m) -> bool:
    """Whether the statement holds only a plan amount named as a plan ("Kế hoạch vốn … được
    giao 5.200 tỷ đồng"), in the unit of the level figure ``m`` that follows it."""
    if m.role != "actual" or m.unit.kind not in ("measure", "count") or not m.unit.text:
        return False
    members = [ms[j] for j in st.mentions]
    if not members or any(x.role != "target" for x in members):
        return False
    named = st.subject or ""
    first = members[0]
    return (
        all(x.unit.text == m.unit.text for x in members)
        and bool(_PLAN_SUBJECT_RE.search((named + " " + first.window).lower()))
    )


def _second_count_change(ms, st: _Stmt, m) -> bool:
    """"giảm 203 chỉ tiêu biên chế hành chính và 2.458 chỉ tiêu biên chế sự nghiệp": without
    a level figure, a second change counted in nouns is another quantity."""
    return not any(_is_primary(ms[j]) for j in st.mentions) and any(
        ms[j].role == "change" and ms[j].unit.kind == "count" for j in st.mentions
    )


def _by_about(ms, stmts, m, cur):
    """"tăng 40% về số lượng và 25% về vốn": the change of the count or of the money."""
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
    """The roles a statement's figures take from the statement as a whole. What it is (a rate,
    a level with a figure, a rate with its plan) is read before any rule changes a role."""
    rate_first = bool(stmts) and _is_rate(ms, stmts[0])
    for k, st in enumerate(stmts):
        rate = _is_rate(ms, st) or (rate_first and k > 0 and st.parent is not None)
        has_level = any(
            ms[j].role == "actual" and ms[j].unit.kind != "percent" for j in st.mentions
        )
        pct_plan = any(ms[j].role == "target" and ms[j].unit.kind == "percent"
                       for j in st.mentions)
        if pct_plan:
            _rate_beside_its_plan(ms, st)
        if has_level:
            _attainments_of_level(ms, st)
        if rate and not has_level:
            _rate_given_first(ms, st)
        if ctx.plan:
            for j in st.mentions:
                ms[j].role = "target"


def _rate_beside_its_plan(ms, st: _Stmt) -> None:
    """"làm rõ 312 vụ, đạt 90,4% (chỉ tiêu trên 75%)": a rate with its plan, not an
    attainment."""
    for j in st.mentions:
        if ms[j].role == "attainment" and ms[j].extras.get("cue") == "by":
            ms[j].role = "actual"


def _attainments_of_level(ms, st: _Stmt) -> None:
    """"420 tỷ đồng, đạt 5,2% (so với …) và 4,8% (so với …)": beside a level figure, a %
    against a basis is an attainment."""
    for j in st.mentions:
        mj = ms[j]
        if mj.role == "actual" and mj.unit.kind == "percent" and (
            "so với" in mj.right[:12] and mj.extras.get("cue") != "share"
        ):
            mj.role = "attainment"
            mj.extras["basis"] = roles.basis_text(mj.right)


def _rate_given_first(ms, st: _Stmt) -> None:
    """A rate without a level figure: until an actual figure gives the rate, a % read as a
    change or an attainment is the rate itself; what follows the rate is its change or
    attainment."""
    given = {k for k in st.mentions if ms[k].role == "actual"}
    for j in st.mentions:
        mj = ms[j]
        if mj.unit.kind != "percent":
            continue
        if given - {j}:
            break
        if mj.role == "change" and mj.extras.get("cue") == "change":
            mj.role = "actual"
            given.add(j)
        elif mj.role == "attainment" and (
            mj.extras.get("cue") != "plan-right" or "so với" in mj.right[:12]
        ):
            mj.role = "actual"


_VERDICT_RE = re.compile(
    r"(?<![\w])(?P<neg>không|chưa)?\s*(?P<w>đạt|vượt|hoàn thành)(?![\w])", re.IGNORECASE
)


_VERDICT_NEXT_RE = re.compile(
    r"^\s*(?:$|[,;.)\]]|so với|so\s|kế hoạch|kh\b|phương án|kịch bản|chỉ tiêu|mục tiêu|dự toán"
    r"|yêu cầu|tiến độ|vượt mức|mức)"
)


# "có 03 chỉ tiêu không đạt: (1) …", "không đạt kế hoạch đề ra: …", "chưa đạt là …": a verdict
# that opens a list applies to each item of it
_LIST_VERDICT_RE = re.compile(
    r"^\s*(?:(?:so\s+(?:với\s+)?)?(?:kế hoạch|kh|chỉ tiêu|mục tiêu|dự toán|nghị quyết|kịch bản|"
    r"yêu cầu)(?:\s+(?:đề ra|được giao|giao|năm|cả năm|của [^\W\d_]+))*)?"
    r"\s*(?::|(?:là|gồm|bao gồm|như|cụ thể là|cụ thể như)(?![\w]))"
)


def _statuses(text, a, b, ms, stmts, groups, ctx: _Context) -> None:
    if ctx.plan:
        return
    low = text[a:b].lower()
    for v in _VERDICT_RE.finditer(low):
        if _LIST_VERDICT_RE.match(low[v.end() :]):
            status = "not_achieved" if v.group("neg") else "achieved"
            pos = a + v.end()
            for k, st in enumerate(stmts):  # every statement that starts after the verdict
                if ms[min(st.mentions)].tok.start > pos:
                    stmts[k].status = status
            continue
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


def _periods(text, a, b, ms, stmts, ctx: _Context, groups=()) -> None:
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
        # the period of what was done: a plan stated first ("Kế hoạch vốn năm 2025 … ; lũy kế
        # giải ngân 9 tháng đạt …") does not give it
        levels = [j for j in st.mentions if ms[j].role in ("actual", "part")]
        first = ms[min(levels or st.mentions)]
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
            own = _innermost(groups, pos)
            before = [  # a period inside a parenthesis the statement is not in is an aside
                p for p in usable if p.end <= pos
                and (_innermost(groups, p.start) is None or _innermost(groups, p.start) == own)
            ]
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
