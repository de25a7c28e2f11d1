"""Grouping a sentence's numbers into statements (the statement-level rules that follow are
in statement_rules.py)."""

from __future__ import annotations

import functools
import re

from tiendo.lib.text import fold

from . import lexicon
from .mentions import _FROM_BEFORE_RE, Mention, _flat, _Stmt
from .roles import GIAO, PLAN_BRACKET_OPENING, SET_BY_END_RE

_TRONG_DO_RE = re.compile(r"(?<![\w])(trong đó|riêng|bao gồm|gồm|cụ thể)(?![\w])")


# ("từ 38,24% tăng lên 43,1%": the verb after the first level)
_FROM_TO_RE = re.compile(
    r"^\s*%?\s*(?:(?:tăng|giảm)\s+)?(?:xuống|lên|đến|tới)(?:\s+(?:còn|mức))?\s*$"
)


def _is_primary(m: Mention, plan: bool = False) -> bool:
    """A level figure that a statement is about. In a plan section a plan word ("phấn đấu
    kết nạp 30 đảng viên") opens its own figure too; a plan in "(KH: …)" never does."""
    if m.extras.get("cue") == "planned":  # planned by its sentence (sentence_roles._planned)
        return bool(m.extras.get("planned_level"))
    if plan and m.role == "target":
        return m.extras.get("cue") not in ("plan-paren", "giver", "plan-after-slash")
    return m.role in ("actual", "part") or bool(m.extras.get("planned_level"))


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
        for rule in _LINK_RULES:
            if rule(g, i, cur):
                break
        else:
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
    if "respectively" not in g.ms[i].extras:
        return False
    k = g.ms[i].extras["respectively"]
    if k == 0:
        return _joins_respective_statement(g, i, 0)
    first = g.stmts[g.ms[i - k].stmt]
    parts = _CONJUNCTS_RE.split(first.subject or "")
    if len(parts) <= k:
        return _joins_respective_statement(g, i, k)
    first.subject = parts[0] if k == 1 else first.subject
    g.new(i, first.parent)
    g.stmts[-1].subject = parts[k]
    return True


def _joins_the_figure_it_plans(g: _Grouping, i: int, cur: int) -> bool:
    """"đạt lần lượt 51,3% và 54,8%, so với mục tiêu phải đạt 80% và 60%": each plan joins the
    figure listed in its place."""
    k = g.ms[i].extras.get("plan_of")
    if k is None or not 0 <= k < i or g.ms[i].role != "target":
        return False
    return g.join(i, g.ms[k].stmt)


def _joins_the_figure_of_its_unit(g: _Grouping, i: int, cur: int) -> bool:
    """"đạt 27,8 giường bệnh/vạn dân và 8,66 bác sĩ/vạn dân (… đặt mục tiêu 26 giường bệnh và 8,6
    bác sĩ/vạn dân)": a plan in brackets, after figures of several units, joins the figure
    counted in its own unit."""
    m, ms = g.ms[i], g.ms
    if m.role != "target" or m.group is None or _is_named(m) or m.unit.kind != "count":
        return False
    head = (m.unit.text or "").split("/")[0]
    found = [
        s for s, st in enumerate(g.stmts)
        if any(_is_primary(ms[j], g.plan) and ms[j].group is None and (
            (ms[j].unit.text or "").split("/")[0] == head) for j in st.mentions)
    ]
    return len(found) == 1 and found[0] != cur and g.join(i, found[0])


def _joins_the_figure_its_verdict_judges(g: _Grouping, i: int, cur: int) -> bool:
    """"Giá trị tăng thêm … ước tăng 14,21% (…), đóng góp 7,27 điểm phần trăm …, mặc dù chưa đạt
    kế hoạch đề ra (kế hoạch tăng 14,85%)": a plan in brackets after the verdict on it is the
    plan of the figure in its unit told before, not of the figure just before the verdict."""
    m, ms = g.ms[i], g.ms
    if m.role != "target" or m.group is None or not _VERDICT_ON_A_PLAN_RE.search(m.window):
        return False
    if any(ms[j].unit.text == m.unit.text for j in g.stmts[cur].mentions):
        return False
    for s in range(cur - 1, -1, -1):
        if any(ms[j].unit.text == m.unit.text and ms[j].group is None
               and ms[j].role in ("actual", "change") for j in g.stmts[s].mentions):
            return g.join(i, s)
    return False


_VERDICT_ON_A_PLAN_RE = re.compile(
    r"(?<![\w])(?:đạt|vượt|hoàn thành)\s+(?:kế hoạch|chỉ tiêu|mục tiêu|nghị quyết)"
    r"[^,;()0-9]{0,30}" + PLAN_BRACKET_OPENING + "$"
)


def _joins_respective_statement(g: _Grouping, i: int, k: int) -> bool:
    """"trong nước đạt 292.187 tỷ đồng và nước ngoài đạt 7.260 tỷ đồng, lần lượt đạt 40,1% và
    25,9% kế hoạch": the k-th figure of the list goes to the k-th of the statements before it
    """
    ms, start = g.ms, i - k
    n = start
    while n < len(ms) and "respectively" in ms[n].extras:
        n += 1
    count = n - start
    levels = []
    for s, st in enumerate(g.stmts):
        if any(_is_primary(ms[j], g.plan) and j < start for j in st.mentions):
            levels.append(s)
    if count < 2 or len(levels) < count:
        return False
    return g.join(i, levels[-count:][k])


def _leaves_a_count_of_targets(g: _Grouping, i: int, cur: int) -> bool:
    """"có 05 chỉ tiêu đạt và vượt kế hoạch là tốc độ tăng trưởng kinh tế đạt 7,26%": a figure
    named after a count of targets is a figure of one of them, not of the count (a share of
    the count, "(chiếm 94,1%)", names nothing and stays with it)."""
    m = g.ms[i]
    if m.unit.text in lexicon.TARGET_NOUNS:
        return False  # (the cheap test first: this is asked of every figure)
    counted = all(g.ms[j].unit.text in lexicon.TARGET_NOUNS for j in g.stmts[cur].mentions)
    if counted and (m.subject or _MEMBERS_RE.search(m.window)):
        return g.new(i, None)
    return False


# "… chỉ tiêu đạt là tốc độ tăng trưởng …", "… gồm: thu ngân sách …": the members named
_MEMBERS_RE = re.compile(r"(?<![\w])(?:là|gồm|bao gồm|như|cụ thể)(?![\w])\s*:?\s*[^\W\d_]")


def _opens_period_of_its_own(g: _Grouping, i: int, cur: int) -> bool:
    """"CPI bình quân 9 tháng tăng 2,73%, ước cả năm khoảng 4%", "(quý I tăng 13,2%, quý II
    tăng 13,57%)", "năm 2019 tăng 2,67%; năm 2020 tăng 3,04%": a clause that names its own
    period before its verb gives a statement of its own, of the same indicator."""
    window = _flat(g.ms[i].window)
    if not (_YEAR_ESTIMATE_RE.search(window) or _PERIOD_CLAUSE_RE.search(window)):
        return False
    if g.ms[i].role == "target" and all(g.ms[j].role == "target" for j in g.stmts[cur].mentions):
        return g.join(i, cur)  # "năm 2015 đạt 82,1%; năm 2016 đạt 85,3%": one plan, by year
    g.new(i, None)
    g.stmts[-1].subject = g.stmts[cur].subject  # the same indicator
    return True


_YEAR_ESTIMATE_RE = re.compile(
    r"(?<![\w])(?:ước|dự kiến|ước tính)(?:\s+thực hiện)?\s+cả năm(?![\w])", re.IGNORECASE
)
_PERIOD_CLAUSE_RE = re.compile(
    r"(?:^|[,;(])\s*(?:và\s+)?(?:(?:sơ bộ|ước tính|ước|dự kiến)\s+)?(?:trong\s+)?"
    r"(?:quý\s+[ivx]+|năm\s+(?:19|20)[0-9]{2}|(?:lũy|luỹ) kế(?:\s+[0-9]+\s+tháng)?"
    r"|bình quân\s+[0-9]+\s+tháng|[0-9]+\s+tháng(?:\s+(?:đầu|cuối))?(?:\s+năm)?"
    r"(?:\s+(?:19|20)[0-9]{2})?)"
    r"\s+(?:ước\s+(?:tính\s+)?)?(?:tăng|giảm|đạt|là)\s*$"
)


def _joins_after_slash(g: _Grouping, i: int, cur: int) -> bool:
    """"05 hộ/02 xã"."""
    return g.ms[i].window.strip() == "/" and g.join(i, cur)


def _joins_from_to(g: _Grouping, i: int, cur: int) -> bool:
    """"giảm từ 3,5% xuống còn 2,6%": the same rate, before and after."""
    return bool(
        _FROM_TO_RE.search(g.ms[i].window)
        and _FROM_BEFORE_RE.search(g.ms[i - 1].window)
    ) and g.join(i, cur)


def _joins_what_it_restates(g: _Grouping, i: int, cur: int) -> bool:
    """"chiếm 54%, tương đương 2,6 nghìn tỷ đồng", "tăng 58,66%, tương đương 411,52 triệu USD":
    the same figure told as an amount (not "46 khoản chi …, tương đương với 1,387 tỷ đồng": the
    money of what was counted is another quantity)."""
    m, prev = g.ms[i], g.ms[i - 1]
    return bool(
        m.unit.kind == "measure" and prev.unit.kind in ("percent", "measure")
        and _RESTATED_RE.match(m.window.rsplit(",", 1)[-1])
    ) and g.join(i, cur)


def _joins_the_change_it_results_from(g: _Grouping, i: int, cur: int) -> bool:
    """"Tỷ lệ hộ nghèo … giảm 1,86%, đưa tỷ lệ hộ nghèo chung của tỉnh xuống còn 5,93%": the
    level a change brought the rate to."""
    m, prev = g.ms[i], g.ms[i - 1]
    return bool(
        prev.role == "change" and prev.stmt == cur and m.unit.kind == prev.unit.kind == "percent"
        and _BROUGHT_TO_RE.search(m.window)
    ) and g.join(i, cur)


_BROUGHT_TO_RE = re.compile(
    r"^\s*%?\s*,?\s*(?:đưa|nâng|kéo)\s+[^,;()0-9]{0,80}?(?:xuống|lên)(?:\s+(?:còn|mức))?\s*$"
)


def _opens_the_count_it_funds(g: _Grouping, i: int, cur: int) -> bool:
    """"bố trí 1 tỷ đồng thực hiện 1 công trình", "… là 203.537 triệu đồng cho 80 công trình":
    the works an amount pays for are a count of their own."""
    m, prev = g.ms[i], g.ms[i - 1]
    return bool(
        m.unit.kind == "count" and m.role == "actual" and _currency(prev.unit.text)
        and prev.stmt == cur and _FUNDS_RE.match(m.window)
    ) and g.new(i, None)


_FUNDS_RE = re.compile(r"^\s*(?:để\s+)?(?:thực hiện|cho|đầu tư)\s*$")


def _is_named(m: Mention) -> bool:
    """A number whose own subject is written before it (a plan's giver does not count, nor who
    gave the plan a parenthesis gives the figure of: "… kế hoạch Thủ tướng và HĐND thành phố
    giao (hơn 25.440 tỷ đồng)")."""
    return bool(m.subject) and m.extras.get("cue") != "giver" and not (
        m.extras.get("cue") == "plan-paren" and SET_BY_END_RE.search(m.subject.lower())
    )


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
    if m.group is None and any(
        ";" in _flat(g.ms[k].window) for k in range(max(g.stmts[s].mentions) + 1, i + 1)
    ):  # "lúa 6.838,3ha, năng suất dự kiến 69,4 tạ/ha; bắp 1.025,2ha, năng suất dự kiến …":
        return False  # the same words in the next clause name another crop's plan
    _relink_parent_plan(g.ms, g.stmts, i, s)
    return g.join(i, s)


def _joins_plan_awaiting_actual(g: _Grouping, i: int, cur: int) -> bool:
    """"Kế hoạch vốn … được giao 5.200 tỷ đồng; lũy kế giải ngân … đạt 3.120 tỷ đồng": the
    plan allocated first, then what was done against it."""
    m = g.ms[i]
    if not (_is_named(m) and not g.plan and _plan_awaiting_actual(g.ms, g.stmts[cur], m)):
        return False
    if _sub_marker(m):  # "… là 420 tỷ đồng, trong đó vốn cân đối 300 tỷ đồng": a part of it
        return False
    g.join(i, cur)
    g.stmts[cur].subject = m.subject
    return True


# ", giải ngân được 201,7 tỷ đồng": what was used of the amount named before
_USED_OF_RE = re.compile(
    r"^\s*,?\s*(?:đã\s+)?(?:giải ngân|thanh toán|sử dụng|phân bổ)(?:\s+(?:được|đạt))?\s*$"
)


def _joins_amount_it_uses(g: _Grouping, i: int, cur: int) -> bool:
    """"Riêng vốn kéo dài … là 318,4 tỷ đồng, giải ngân được 201,7 tỷ đồng (63,3%)": the
    amount named first is what was allocated (the plan), and what was disbursed of it, in its
    unit, is the figure reached against it."""
    m, ms = g.ms[i], g.ms
    if m.role != "actual" or m.unit.kind != "measure" or not _USED_OF_RE.match(m.window):
        return False
    levels = [ms[j] for j in g.stmts[cur].mentions if ms[j].role == "actual"]
    if len(levels) != 1 or levels[0].unit.text != m.unit.text or levels[0] is not ms[i - 1]:
        return False
    levels[0].role, levels[0].extras = "target", {"cue": "giver"}
    return g.join(i, cur)


_PLAN_NAMED_RE = re.compile(
    r"(?<![\w])(?:trong khi|khó đạt|so với)\s+(?:chỉ tiêu|kế hoạch|kh|mục tiêu|nghị quyết|dự toán"
    r"|kịch bản)(?![\w])"
)


def _joins_plan_stated_beside(g: _Grouping, i: int, cur: int) -> bool:
    """"chỉ đạt 1.000 tỷ đồng, trong khi chỉ tiêu đầu năm tỉnh đưa ra là 5.074 tỷ đồng", "…
    và sẽ khó đạt mục tiêu đề ra là 7,91%": a plan named only as a plan, stated beside a result
    in its unit, is that result's plan."""
    m, ms = g.ms[i], g.ms
    if not (m.role == "target" and _PLAN_NAMED_RE.search(re.split(r"[,;(]", m.window)[-1])):
        return False
    levels = [ms[j] for j in g.stmts[cur].mentions if _is_primary(ms[j], g.plan)]
    return any(x.unit.text == m.unit.text for x in levels) and g.join(i, cur)


def _joins_the_plan_it_disburses(g: _Grouping, i: int, cur: int) -> bool:
    """"tỉnh bố trí 1 tỷ đồng thực hiện 1 công trình, đã giải ngân trên 804 triệu đồng", "vốn
    tỉnh quản lý hơn 3.700 tỉ đồng, …, giá trị khối lượng thực hiện 886 tỉ đồng và giải ngân
    799 tỉ đồng": what was disbursed, in the currency of the amount allocated before it, is
    that amount's figure reached."""
    m, ms = g.ms[i], g.ms
    money = _currency(m.unit.text)
    if m.role != "actual" or not money or not _DISBURSED_RE.fullmatch((m.subject or "").lower()):
        return False
    for s in range(cur, -1, -1):
        same = [ms[j] for j in g.stmts[s].mentions if _currency(ms[j].unit.text) == money]
        if any(x.role == "target" for x in same) and not any(x.role == "actual" for x in same):
            return g.join(i, s)
    return False


_DISBURSED_RE = re.compile(r"(?:đã\s+)?giải ngân(?:\s+thanh toán)?(?:\s+được)?")


def _currency(unit: str | None) -> str | None:
    """"đồng" for "tỷ đồng", "triệu đồng", "tỉ đồng"; "usd" for "triệu usd"."""
    last = (unit or "").split(" ")[-1]
    return last if last in ("đồng", "usd") else None


# "… có 81,3 triệu người tham gia bảo hiểm y tế, đạt tỷ lệ bao phủ 86,6% dân số", "Số người
# tham gia BHXH là 430.771 người, đạt tỷ lệ bao phủ là 25,80% so với lực lượng lao động": the
# share of a whole that the people counted before it reach
_COVERAGE_RE = re.compile(
    r"^\s*,\s*(?:đạt\s+)?t[ỷỉ] lệ bao phủ(?:\s+[^\W\d_]+){0,3}?"
    r"(?:\s+(?:đạt|là|khoảng|trên|gần|hơn))*\s*$"
)


def _joins_the_count_it_covers(g: _Grouping, i: int, cur: int) -> bool:
    """A coverage rate right after a count of people is that count's share of a whole (not an
    attainment of a plan, even "so với lực lượng lao động"): one statement."""
    m, prev = g.ms[i], g.ms[i - 1]
    if not (
        m.unit.kind == "percent"
        and prev.unit.kind == "count"
        and prev.stmt == cur
        and _COVERAGE_RE.match(_flat(m.window)) is not None
    ):
        return False
    if m.role == "actual":
        m.extras["cue"] = "share"
    return g.join(i, cur)


def _opens_named(g: _Grouping, i: int, cur: int) -> bool:
    """A named number opens its own statement; siblings keep the parent."""
    m = g.ms[i]
    # ("…; huyện bố trí trên 18 tỷ đồng": who gave a plan, opening a clause of its own)
    given = m.extras.get("cue") == "giver" and bool(m.subject) and ";" in _flat(m.window)
    return (_is_named(m) or given) and g.new(i, cur if _sub_marker(m) else g.stmts[cur].parent)


# words that may follow a % without naming what it counts: a basis, a plan, a bound
_NOT_COUNTED_RE = re.compile(
    r"^\s*(?:so|với|kế hoạch|kh|dự toán|chỉ tiêu|mục tiêu|cùng kỳ|tổng|số|trở|trên|dưới|và|"
    r"hoặc|đến|tới|của|trong|tại|nhưng|theo|về|là)(?![\w])"
)


def _opens_clause_on_its_figure(g: _Grouping, i: int, cur: int) -> bool:
    """"…; 100% chi bộ có nguồn đều phát triển được đảng viên": a clause that opens on a %
    followed by what it counts is a quantity of its own."""
    m, prev = g.ms[i], g.ms[i - 1]
    flat = _flat(m.window)
    counts_a_noun = bool(re.match(r"^\s*[^\W\d_]", m.right) and not _NOT_COUNTED_RE.match(m.right))
    parallel = (  # "có 90% dân số tham gia BHYT, 13% lao động tham gia BHXH"
        "," in flat and not flat.rsplit(",", 1)[1].strip() and prev.unit.kind == "percent"
        and re.match(r"^\s*[^\W\d_]", prev.right) and not _NOT_COUNTED_RE.match(prev.right)
    )
    return bool(
        m.unit.kind == "percent"
        and counts_a_noun
        and ((";" in flat and not flat.rsplit(";", 1)[1].strip()) or parallel)
    ) and g.new(i, None)


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
    share = m.extras.get("cue") == "share" or (
        # "tỷ lệ hộ nghèo là 0,36% (05 hộ)", "… 68% (khoảng 81.446 dịch vụ)", "… còn 1,57% với
        # 901 hộ": the count the % stands for
        _STANDS_FOR_RE.match(m.window)
        and g.ms[i - 1].unit.kind == "percent" and g.ms[i - 1].stmt == cur
    )
    second_basis = (
        m.unit.kind == "percent"
        and "so với" in m.right[:12]
        and any("so với" in g.ms[j].right[:12] for j in g.stmts[cur].mentions)
    )
    return not (share or second_basis) and g.new(i, cur if _sub_marker(m) else None)


_STANDS_FOR_RE = re.compile(r"^\s*(?:\(\s*(?:khoảng|gần|hơn|trên|với)?|,?\s*với)\s*$")
# (an amount after it, in linking; sentence_roles._change_verb_not_repeated reads the narrower
# ", tương đương" after a change, so that a change keeps its role)
_RESTATED_RE = re.compile(
    r"^\s*\(?\s*(?:tương đương|tương ứng)(?:\s+(?:với|khoảng|gần|hơn|trên))*\s*$"
)


def _places_count_change(g: _Grouping, i: int, cur: int) -> bool:
    """"giảm 12 vụ": the change of the statement counting the same noun; "…450 thủ tục; đã
    giảm 203 chỉ tiêu biên chế": a change of a count that no statement of the sentence
    counts is a quantity of its own."""
    m = g.ms[i]
    if not (m.role == "change" and m.unit.kind in ("count", "measure")):
        return False
    about = _by_about(g.ms, g.stmts, m, cur)  # "tăng 5,02 lần số vốn": the money's change
    if about != cur:
        return g.join(i, about)
    target = _by_unit(g.ms, g.stmts, m, i, cur)
    if target == cur and (m.unit.kind == "count" or m.unit.text in _RANKS) and (
        _counts_other(g.ms, g.stmts[cur], m) or _second_count_change(g.ms, g.stmts[cur], m)
    ):
        return g.new(i, None)  # ("đạt 69,03 điểm …, tăng 6 bậc": the rank, another figure)
    return g.join(i, target)


def _joins_percent_change(g: _Grouping, i: int, cur: int) -> bool:
    """"tăng 40% về số lượng và 25% về vốn": the change of the count or of the money; "giảm
    11% vụ, giảm 16% số người chết": a change of another thing counted is a figure of its
    own."""
    m, prev = g.ms[i], g.ms[i - 1]
    if not (m.role == "change" and m.unit.kind == "percent"):
        return False
    mine, before = _counted_after(m), _counted_after(prev)
    if prev.role == "change" and prev.stmt == cur and mine and before and mine != before:
        return g.new(i, None)
    return g.join(i, _by_about(g.ms, g.stmts, m, cur))


_COUNTED_NOUN_AFTER_RE = re.compile(r"^\s*số\s+(?!lượng|vốn)[^\W\d_]")


_NOUN_AFTER_RE = re.compile(r"^\s*((?:số\s+)?[^\W\d_]+(?:\s+(?!và|giảm|tăng)[^\W\d_]+){0,2})")


def _counted_after(m: Mention) -> str | None:
    """What a % counts when a noun follows it ("11% vụ", "16% số người chết")."""
    if m.unit.kind != "percent" or (
        _NOT_COUNTED_RE.match(m.right) and not _COUNTED_NOUN_AFTER_RE.match(m.right)
    ):
        return None
    noun = _NOUN_AFTER_RE.match(m.right)
    return noun.group(1) if noun else None


# How a number after the first is placed, tried in this order; ``cur`` is the statement it
# goes on from (:func:`_outside_aside`).
_LINK_RULES = (
    _joins_its_range,
    _joins_its_pair,
    _opens_respectively,
    _joins_the_figure_it_plans,
    _joins_the_figure_of_its_unit,
    _joins_the_figure_its_verdict_judges,
    _leaves_a_count_of_targets,
    _opens_period_of_its_own,
    _joins_after_slash,
    _joins_from_to,
    _joins_what_it_restates,
    _joins_the_change_it_results_from,
    _opens_the_count_it_funds,
    _joins_plan_named_earlier,
    _joins_plan_awaiting_actual,
    _joins_amount_it_uses,
    _joins_plan_stated_beside,
    _joins_the_plan_it_disburses,
    _joins_the_count_it_covers,
    _opens_named,
    _opens_clause_on_its_figure,
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
    if first.subject and ";" in first.window.rsplit("(", 1)[0]:
        return prev.stmt  # "…; thị trường châu Âu (chiếm tỷ trọng 6,33%) tăng 70,94%": the
        # parenthesis follows the new clause's subject
    before = [j for j in range(i) if ms[j].tok.start < g[0]]
    return ms[before[-1]].stmt if before else prev.stmt


def _same_subject(ms, stmts, subject, i):
    key = _folded(subject)
    for s in range(len(stmts) - 1, -1, -1):
        subj = stmts[s].subject
        if subj and (_folded(subj) == key or _folded(subj).endswith(" " + key)):
            return s
    return None


# (the subjects of a sentence are compared again for each figure: folded once each)
_folded = functools.lru_cache(maxsize=2048)(fold)


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
    prev = ms[i - 1]
    if prev.stmt == cur and _is_primary(prev) and prev.unit.text == m.unit.text:
        return cur  # "Bảo hiểm xã hội là 374.764 người, tăng 6.459 người": the count it follows
    after = set(re.findall(r"[^\W\d_]+", m.right[:30]))
    best, best_score = None, -1
    for s in range(len(stmts)):
        units = [ms[j].unit.text or "" for j in stmts[s].mentions if _is_primary(ms[j])]
        # "752 tổ chức đảng (… giảm 79 tổ chức)": the noun written shorter is the same count
        if not any(u == m.unit.text or u.startswith(m.unit.text + " ") for u in units):
            continue
        j = next(j for j in stmts[s].mentions if _is_primary(ms[j]))
        words = set(re.findall(r"[^\W\d_]+", ms[j].window[-30:] + " " + ms[j].right[:30]))
        score = len(after & words)
        if score >= best_score:
            best, best_score = s, score
    return cur if best is None else best


def _head_noun(unit: str | None) -> str:
    return (unit or "").split("/")[0].split(" ")[-1] if unit else ""


_RANKS = ("bậc", "hạng", "vị trí", "vị thứ")


# Counted nouns that stand for whatever the count before counts ("tạo việc làm mới cho 10.000
# lao động, tăng 500 người": people counted as people).
_GENERIC_COUNTS = ("trường hợp", "người", "lượt người")


def _counts_other(ms, st: _Stmt, m) -> bool:
    """Whether the statement's level figure is a count or measure of another noun than the
    change's ("450 thủ tục" against "giảm 203 chỉ tiêu")."""
    levels = [ms[j] for j in st.mentions if _is_primary(ms[j]) and ms[j].unit.text]
    if not levels or any(lv.unit.kind == "percent" for lv in levels):
        return False
    # ("2,91 triệu người", "tăng 30.000 người": the same noun, counted in millions)
    mine = lexicon.without_scale(m.unit.text or "")
    if mine in _GENERIC_COUNTS:  # "kỷ luật 17 đảng viên, giảm 6 trường hợp": the same count
        return False
    return all(
        # ("787 tổ chức cơ sở đảng (tăng 11 cơ sở đảng …)": the noun written shorter)
        not ((text := lexicon.without_scale(lv.unit.text)).startswith(mine)
             or mine.startswith(text) or text.endswith(" " + mine))
        for lv in levels
    )


# a plan named as such, or as what was given ("Ban Quản lý dự án … được giao 2.145 tỷ đồng")
_PLAN_SUBJECT_RE = re.compile(
    r"(?<![\w])(kế hoạch|kh|dự toán|chỉ tiêu|(?:được )?" + GIAO + r")(?![\w])"
)


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
    about = re.match(
        r"^\s*(?:về\s+)?(số lượng|số vốn|số|vốn|giá trị|kim ngạch|doanh thu|diện tích)(?![\w])",
        m.right,
    )
    if not about:
        return cur
    money = about.group(1) not in ("số lượng", "số")
    for s in range(len(stmts) - 1, -1, -1):
        for j in stmts[s].mentions:
            mj = ms[j]
            if not _is_primary(mj) or not mj.unit.text:
                continue
            is_money = "đồng" in mj.unit.text or "usd" in mj.unit.text
            if is_money == money and mj.unit.kind != "percent":
                return s
    return cur
