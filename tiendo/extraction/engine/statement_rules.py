"""The statement-level rules, once a sentence's numbers are grouped (linking.py): the roles a
rate's figures take, verdicts (đạt / không đạt) and periods."""

from __future__ import annotations

import re

from . import lexicon, roles
from .mentions import _Context, _innermost, _Stmt
from .periods import find_periods

_RATE_RE = re.compile(r"^(tỷ lệ|tỉ lệ|tốc độ|mức tăng|tăng trưởng)(?![\w])")


_LAST_CLAUSE_MARK_RE = re.compile(r"[,;:(]")


_ITEM_MARK_OPENING_RE = re.compile(r"^\s*(?:[0-9]+\s*[-.)]|[-–•+*])?\s*")


_ESTIMATE_OPENING_RE = re.compile(r"^(?:dự\s+)?ước(?:\s+tính)?\s+")


def _named_as_a_rate(st: _Stmt, ms=None) -> bool:
    """"Tỷ lệ giải ngân …", "Theo Bộ Tài chính, tỷ lệ giải ngân …": the statement's subject (or,
    without one, the words opening its sentence) names a rate, in its last clause; so does the
    clause right before its first figure ("…, tốc độ tăng trưởng đạt trên 12,8%")."""
    if ms is not None and st.mentions:
        clause = _LAST_CLAUSE_MARK_RE.split(ms[min(st.mentions)].window)[-1]
        if roles.RATE_NAME_RE.match(clause):
            return True
    words = (st.subject or st.context or "").lower().split(", ")[-1]
    words = _ITEM_MARK_OPENING_RE.sub("", words)  # "6- Tỷ lệ hộ nghèo …"
    words = _ESTIMATE_OPENING_RE.sub("", words)  # "ước tỷ lệ giải ngân …"
    return bool(_RATE_RE.search(words))


_RATE_IN_CONTEXT_RE = re.compile(r"(?<![\w])(tỷ lệ|tỉ lệ|tốc độ tăng)")


def _is_rate(ms, st: _Stmt) -> bool:
    if st.subject and _RATE_RE.search(st.subject.lower().lstrip("- ")):
        return True
    if _named_as_a_rate(st, ms):
        return True
    if not st.subject and _RATE_IN_CONTEXT_RE.search(st.context):
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
            _share_of_its_plan(ms, st)
        if rate and not has_level:
            _rate_given_first(ms, st)
        if not rate and not has_level:
            _share_of_an_amount(ms, st)
        if st.parent is not None and not ctx.plan:
            _parts_of_a_plan(ms, stmts[st.parent], st)
            _parts_of_an_attainment(ms, stmts[st.parent], st)
            _parts_of_a_ratio(ms, stmts[st.parent], st)
        if ctx.plan:
            for j in st.mentions:
                ms[j].role = "target"
        elif _shorter_than_a_year(ctx.report_period):
            _estimates_for_the_year(ms, st)


# What names an amount (a value, money, a volume) rather than a rate: "tổng giá trị sản xuất",
# "TM-DV" (thương mại - dịch vụ), "SX nông nghiệp", "giải ngân vốn", "thu ngân sách"
_AMOUNT_SUBJECT_RE = re.compile(
    r"^(?:[-–•+]\s*)?(?:tổng\s+)?(?:giá trị|gtsx|sản xuất|sx|thu|chi|vốn|giải ngân|kim ngạch"
    r"|doanh thu|doanh số|sản lượng|tm\s*-\s*dv|thương mại|xuất khẩu|nhập khẩu|huy động|dư nợ"
    r"|tổng mức|tổng vốn|tổng sản phẩm|nguồn thu|nguồn vốn|số lần|số lượt|số bệnh nhân)(?![\w])"
)


def _share_of_an_amount(ms, st: _Stmt) -> None:
    """"tổng giá trị sản xuất ước đạt 53%, tăng 23,7%", "Giải ngân vốn đầu tư công đạt hơn
    32%": an amount reaching a bare %, with no level figure, reaches that share of its plan
    (an attainment); a rate would be named as one."""
    if not st.subject or not _AMOUNT_SUBJECT_RE.match(st.subject.lower().split(", ")[-1]):
        return
    for j in st.mentions:
        mj = ms[j]
        if (
            mj.role == "actual"
            and mj.unit.kind == "percent"
            and mj.extras.get("cue") == "by"
            and not mj.extras.get("basis")
            # ("Thu ngân sách đạt trên 50% tăng so với cùng kỳ …": a clause of its own follows)
            and re.match(r"^\s*(?:[,;.)]|$|(?:tăng|giảm)(?![\w]))", mj.right)
        ):
            mj.role, mj.extras = "attainment", {"cue": "plan-right", "basis": "kế hoạch"}


def _parts_of_a_plan(ms, parent: _Stmt, st: _Stmt) -> None:
    """"Tổng kế hoạch vốn … là 9.846,5 tỷ đồng; trong đó vốn ngân sách trung ương 3.412,8 tỷ
    đồng": the parts of a plan, named after "trong đó" with no verb of their own, are plans."""
    plans = [ms[j] for j in parent.mentions if ms[j].role == "target"]
    if not plans or any(ms[j].role not in ("target", "change") for j in parent.mentions):
        return
    units = {x.unit.text for x in plans}
    for j in st.mentions:
        m = ms[j]
        if m.role == "actual" and m.unit.text in units and not roles.ACTUAL_VERB_RE.search(m.left):
            m.role, m.extras = "target", {"cue": "target-word"}


def _parts_of_an_attainment(ms, parent: _Stmt, st: _Stmt) -> None:
    """"giải ngân bình quân đạt 58,4% kế hoạch; trong đó cao nhất là huyện A đạt 81,2%": a
    bare "đạt X%" of a part, with no figure of its own, shares the plan of the whole."""
    basis = next((ms[j].extras.get("basis") for j in parent.mentions
                  if ms[j].role == "attainment"), None)
    if basis is None or any(ms[j].unit.kind != "percent" for j in st.mentions):
        return
    for j in st.mentions:
        m = ms[j]
        if m.role == "actual" and m.extras.get("cue") == "by" and not m.extras.get("basis"):
            m.role, m.extras = "attainment", {"cue": "plan-right", "basis": basis}


def _parts_of_a_ratio(ms, parent: _Stmt, st: _Stmt) -> None:
    """"… ước đạt 264.821 ha, bằng 99,63% so với cùng kỳ năm trước, trong đó vụ Đông Xuân đạt
    184.989 ha, bằng 99,88%": a part's bare "bằng X%" is the same ratio as its whole's."""
    whole = next((ms[j] for j in parent.mentions if ms[j].role == "change"
                  and ms[j].extras.get("cue") == "as-written"), None)
    if whole is None or not re.search(r"(?<![\w])bằng\s*$", whole.left):
        return
    for j in st.mentions:
        m = ms[j]
        if m.role == "attainment" and m.extras.get("cue") == "by" and re.search(
            r"(?<![\w])bằng\s*$", m.left
        ):
            m.role, m.extras = "change", dict(whole.extras)


def _shorter_than_a_year(period: str | None) -> bool:
    return bool(period) and len(period) > 4


def _estimates_for_the_year(ms, st: _Stmt) -> None:
    """"Ước cả năm, kim ngạch xuất khẩu đạt 262 triệu USD" in a report on nine months: the
    year's estimate lies beyond what the report measured, so it is a target (for the year)."""
    for j in st.mentions:
        if ms[j].role == "actual" and ms[j].extras.get("estimate"):
            ms[j].role = "target"


def _rate_beside_its_plan(ms, st: _Stmt) -> None:
    """"làm rõ 312 vụ, đạt 90,4% (chỉ tiêu trên 75%)": a rate with its plan, not an
    attainment; "GRDP ước đạt 23.486 tỷ đồng, tăng 7,42% so với năm 2021 (KH tăng 10-11%)":
    beside a planned growth rate, the growth reached is that rate."""
    # its plan is a rate, so its % change is the rate ("tăng 11,2%, vượt chỉ tiêu đề ra
    # (7,5-8%)"), unless the rate's own figure is given
    planned_growth = any(
        ms[j].role == "target" and ms[j].unit.kind == "percent" for j in st.mentions
    ) and not any(ms[j].role == "actual" and ms[j].unit.kind == "percent" for j in st.mentions)
    for j in st.mentions:
        if ms[j].role == "attainment" and ms[j].extras.get("cue") == "by":
            ms[j].role = "actual"
        elif planned_growth and ms[j].role == "change" and ms[j].unit.kind == "percent" and (
            ms[j].extras.get("cue") == "change"
        ):
            ms[j].role, ms[j].extras["cue"] = "actual", "rate"


def _attainments_of_level(ms, st: _Stmt) -> None:
    """"420 tỷ đồng, đạt 5,2% (so với …) và 4,8% (so với …)": beside a level figure, a %
    against a basis is an attainment."""
    for j in st.mentions:
        mj = ms[j]
        if mj.role == "actual" and mj.unit.kind == "percent" and (
            "so với" in mj.right[:12] and mj.extras.get("cue") not in ("share", "rate")
            # "bằng 31,7% so với GRDP": a share of a whole, not of a plan
            and not re.match(r"\s*%?\s*\)?\s*so với\s+(?:grdp|gdp|tổng)(?![\w])", mj.right)
        ):
            mj.role = "attainment"
            mj.extras["basis"] = roles.basis_text(mj.right)


def _share_of_its_plan(ms, st: _Stmt) -> None:
    """"… là 318,4 tỷ đồng, giải ngân được 201,7 tỷ đồng (63,3%)": beside a plan and the
    figure reached in its unit, the bare % of that figure is the share of the plan reached;
    so is a share named after the figure reached ("kết nạp được 1.614 đảng viên mới, đạt tỷ
    lệ 74,38% chỉ tiêu nghị quyết")."""
    plans = {ms[j].unit.text for j in st.mentions if ms[j].role == "target"}
    for k, j in enumerate(st.mentions[1:], 1):
        mj, before = ms[j], ms[st.mentions[k - 1]]
        if (
            mj.role == "actual"
            and mj.unit.kind == "percent"
            and mj.extras.get("cue") == "share"
            and before.role == "actual"
            and (before.unit.text in plans or (
                before.unit.kind != "percent" and roles.PLAN_RIGHT_RE.match(mj.right)
                # "chiếm 9,28% kế hoạch …": a part of the plan, a share
                and not re.search(r"(?<![\w])chiếm(?![\w])", mj.left[-30:])))
        ):
            mj.role, mj.extras = "attainment", {"cue": "plan-right", "basis": "kế hoạch"}


_REACHED_RE = re.compile(r"(?<![\w])đạt(?:\s+(?:được|khoảng|mức|gần|trên|hơn))*\s*$")


# the level a rate reached, told after its change ("…, xuống còn"); narrower than
# roles.LEVEL_AFTER_CHANGE_RE, which also reads "giảm còn 2,8%" in one clause as a level (using
# it here changes what is read)
_LEVEL_REACHED_RE = re.compile(r"(?<![\w])(?:xuống|lên)(?:\s+(?:còn|mức|khoảng))*\s*$")


def _rate_given_first(ms, st: _Stmt) -> None:
    """A rate without a level figure: until an actual figure gives the rate, a % read as a
    change or an attainment is the rate itself; what follows the rate is its change or
    attainment."""
    given = {k for k in st.mentions if ms[k].role == "actual"}
    named = _named_as_a_rate(st, ms)
    if any(ms[k].unit.kind == "percent" and _LEVEL_REACHED_RE.search(ms[k].left) for k in given):
        return  # "giảm được 0,66% xuống còn 2,16%": the rate's level is given, after its change
    for j in st.mentions:
        mj = ms[j]
        if mj.unit.kind != "percent":
            continue
        if any(ms[k].tok.start < mj.tok.start for k in given):  # the rate is given before
            break
        if mj.role == "change" and (
            mj.extras.get("cue") == "change"
            # "Tốc độ tăng trưởng … ước đạt 7,12% (cùng kỳ năm 2024: 6,5%)": the rate reached,
            # with its basis in time; "bằng 105% so cùng kỳ" stays a ratio
            or (mj.extras.get("cue") == "as-written" and _REACHED_RE.search(mj.left))
        ):
            mj.role = "actual"
            given.add(j)
        elif mj.role == "attainment" and (
            mj.extras.get("cue") != "plan-right" or "so với" in mj.right[:12] or named
        ):
            # "Tỷ lệ giải ngân … mới đạt 52,43% kế hoạch": a rate named as one is the rate
            mj.role = "actual"


def _polarity(m: re.Match, *negations: str) -> str:
    """The verdict a match states: not achieved when one of its negation groups ("không",
    "chưa", "thấp hơn") matched."""
    return "not_achieved" if any(m.group(g) for g in negations or ("neg",)) else "achieved"


_VERDICT_RE = re.compile(
    # "sẽ khó đạt mục tiêu", "có thể đạt", "phấn đấu đạt": a forecast or an aim, no verdict;
    # "Để đạt được mục tiêu này, …", "nhằm hoàn thành kế hoạch": a purpose, none either
    r"(?<![\w])(?<!khó )(?<!sẽ )(?<!thể )(?<!đấu )(?<!để )(?<!nhằm )(?P<neg>không|chưa)?\s*"
    # "không đảm bảo chỉ tiêu KH của nghị quyết", "bảo đảm chỉ tiêu kế hoạch": met or not, said
    # of a plan
    r"(?P<w>đạt|vượt|hoàn thành"
    r"|(?:đảm bảo|bảo đảm)(?=\s+(?:chỉ tiêu|kế hoạch|kh|mục tiêu|dự toán)))(?![\w])"
    # "tăng trưởng kinh tế chỉ đạt 1,51% (thấp so với kế hoạch đặt ra)": below the plan
    r"|(?<![\w])(?P<low>thấp|thấp hơn)\s+(?:so\s+(?:với\s+)?)?(?=(?:kế hoạch|kh|chỉ tiêu"
    r"|mục tiêu|nghị quyết|dự toán)(?![\w]))",
    re.IGNORECASE,
)


_VERDICT_NEXT_RE = re.compile(
    r"^\s*(?:(?:được|cả|xa)\s+)?(?:$|[,;.)\]]|so với|so\s|kế hoạch|kh\b|phương án|kịch bản|chỉ tiêu"
    # "… chưa hoàn thành (đạt 28,5%, kế hoạch 30%)", "tiêu chí thu nhập chưa đạt (45 triệu
    # đồng, yêu cầu 50 triệu đồng)": the result and its plan, in brackets
    r"|\((?=[^()]*(?<![\w])(?:kế hoạch|kh|dự toán|nghị quyết|chỉ tiêu|mục tiêu|yêu cầu)(?![\w]))"
    r"|mục tiêu|dự toán|yêu cầu|tiến độ|vượt mức|mức|kỳ vọng)"
)
# "vượt tốc độ tăng trưởng kế hoạch đề ra", "vượt cao so với kế hoạch", "vượt tốc độ tăng
# trưởng theo kế hoạch": "vượt", a few words on
# what was passed, then the plan ("vượt qua khó khăn", overcoming; "vượt nhiều chỉ tiêu", a
# verdict on a group)
_PASSED_NEXT_RE = re.compile(
    r"^\s*(?!(?:qua|được|về|nhiều|các|những|một|hầu|phần|xấp|gần|toàn|tất)(?![\w]))"
    r"(?:[^\W\d_]+\s+){1,4}?"
    # ("vượt cận trên trong kịch bản tăng trưởng": the scenario's upper bound)
    r"(?:so\s+(?:với\s+)?|theo\s+|trong\s+)?(?:" + roles.PLAN_WORDS + r"|kịch bản)(?![\w])"
)


# "có 03 chỉ tiêu không đạt: (1) …", "không đạt kế hoạch đề ra: …", "chưa đạt là …": a verdict
# that opens a list applies to each item of it
_LIST_VERDICT_RE = re.compile(
    # "chưa đạt được gồm …", "hoàn thành và vượt chỉ tiêu kế hoạch đề ra, như: …", "đạt và vượt
    # kế hoạch đề ra, nổi bật như: …", "đạt cao bao gồm: …", "chưa đạt được, thứ nhất là …"
    r"^(?:\s+(?:được|và vượt|và hoàn thành|cao|tốt|đều|cơ bản|khá|trội|toàn diện))*"
    r"\s*(?:(?:so\s+(?:với\s+)?)?(?:(?:các|nhiều|một số|hầu hết|phần lớn)\s+)?"
    r"(?:[0-9]+(?:/[0-9]+)?\s+)?(?:kế hoạch|kh|chỉ tiêu"
    r"|mục tiêu|dự toán|nghị quyết|kịch bản|yêu cầu)"
    # "hoàn thành các chỉ tiêu Quốc hội, Chính phủ giao, cụ thể: …", "đạt và vượt 11/14 chỉ
    # tiêu nghị quyết, tiêu biểu như …": who set them, before the list opens
    r"(?:\s+(?:kế hoạch|đề ra|được giao|giao|năm(?:\s+(?:19|20)[0-9]{2})?|cả năm|của [^\W\d_]+"
    r"|nghị quyết"
    # "đạt và vượt các chỉ tiêu Nghị quyết Đại hội đề ra: …": who set them
    r"|(?:[^\W\d_]+[\s,]+){1,6}giao|(?:[^\W\d_]+\s+){1,4}đề ra"
    # "hoàn thành cơ bản các chỉ tiêu phát triển: …": what they are about, right before a colon
    # ("… được giao trên các lĩnh vực, với kết quả nổi bật như: …")
    # ("… vượt chỉ tiêu của ngành giao và cao hơn cùng kỳ năm 2017, như: …", a year named)
    r"|[^\W\d_](?:[^.;:0-9]|(?<![\w])(?:19|20)[0-9]{2}(?![\w])){0,80}?"
    r"(?=\s*(?::|[;,]\s*(?:gồm|bao gồm)(?![\w])|\s(?:như|gồm)\s)))"
    r")*)?"
    # "4 chỉ tiêu không đạt mà Chính phủ trình Quốc hội trước đó, bao gồm: …": who said so
    # ("1 chỉ tiêu không đạt kế hoạch so với kết quả đã báo cáo Quốc hội là …": against what)
    r"(?:\s+(?:mà|do|theo|so với)\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,8}"
    r"(?=\s*,?\s*(?::|bao gồm|gồm|cụ thể|là(?![\w]))))?"
    r"\s*(?:,|;(?=\s*(?:gồm|bao gồm)(?![\w])))?\s*(?::|(?:là|gồm|bao gồm|như|cụ thể là"
    r"|cụ thể như|cụ thể|đó là|nổi bật như"
    r"|nổi bật là|thứ nhất là|tiêu biểu như|điển hình như|điển hình là)(?![\w]))"
    r"(?!\s*(?:trên|dưới|khoảng)?\s*[0-9<>≥≤])"  # "vượt so với Nghị quyết đề ra là 40%": a figure
)


# "đạt 1,51% (thấp so với kế hoạch …)", "tăng 3,2%, thấp hơn kế hoạch": right after the figure
_RIGHT_AFTER_A_FIGURE_RE = re.compile(r"[0-9]\S*(?:\s*%|(?:\s+[^\W\d_]+){0,3}\s*[,(])\s*$")


# "đã thực hiện đạt và vượt 19/23 chỉ tiêu kinh tế-xã hội; trong đó tốc độ tăng … ước đạt
# 10,7% …": a count of targets met, then the figures of some of them
_COUNT_THEN_DETAIL_RE = re.compile(
    r"(?<![\w])(?P<neg>không|chưa)?\s*(?:đạt|hoàn thành|vượt)(?:\s+(?:và vượt|và hoàn thành"
    r"|vượt mức|được))*\s+(?:[0-9]+/[0-9]+|(?:(?:nhiều|hầu hết|phần lớn)\s+)?các|nhiều|hầu hết"
    r"|phần lớn)\s+(?:chỉ tiêu|mục tiêu)"
    r"[^.;:0-9]*[;,]\s*trong đó(?![\w])"
    r"(?!\s*(?:có\s+)?[0-9]+\s+chỉ tiêu)"
    # "thành phố có 7/9 chỉ tiêu … đạt và vượt so với kịch bản …, trong đó, nổi bật nhất là …"
    r"|(?<![\w.,])[0-9]+/[0-9]+\s+chỉ tiêu[^.;:0-9]*?(?<![\w])(?P<neg2>không|chưa)?\s*"
    r"(?:đạt|hoàn thành|vượt)(?![\w])[^.;:0-9]*[;,]\s*trong đó(?![\w])"
    r"(?!\s*(?:có\s+)?[0-9]+\s+chỉ tiêu)"
    # "14/17 nhóm chỉ tiêu đạt và vượt kế hoạch, trồng rừng vượt 5,4% kế hoạch; …": the items
    # straight after the count met and its plan
    r"|(?<![\w.,])[0-9]+/[0-9]+\s+(?:nhóm\s+)?chỉ tiêu(?:\s+[^\W\d_]+){0,4}?\s+"
    r"(?P<neg3>không|chưa)?\s*(?:đạt|hoàn thành|vượt)(?:\s+(?:và vượt|và hoàn thành|vượt mức))*"
    r"(?:\s+(?:so với\s+)?(?:kế hoạch|kh|nghị quyết|mục tiêu|dự toán)(?:\s+(?:đề ra|giao|năm))?)?"
    r"\s*,(?!\s*(?:có\s+)?[0-9]+\s+(?:nhóm\s+)?chỉ tiêu)"
)


def _statuses(text, a, b, ms, stmts, groups, ctx: _Context) -> None:
    if ctx.plan:
        return
    low = text[a:b].lower()
    details = _COUNT_THEN_DETAIL_RE.finditer(low) if "tiêu" in low else ()
    for d in details:
        for st in stmts:
            first = ms[min(st.mentions)]
            if first.tok.start > a + d.end() and st.status is None and first.unit.text not in (
                lexicon.TARGET_NOUNS
            ):
                st.status = _polarity(d, "neg", "neg2", "neg3")
    ceilings = list(_CEILING_RE.finditer(low)) if "cho phép" in low else []
    for v in _verdicts_on_plans(low, ceilings):
        if _LIST_VERDICT_RE.match(low[v.end() :]):
            status = _polarity(v, "neg", "low")
            pos = a + v.end()
            for k, st in enumerate(stmts):  # every statement that starts after the verdict
                if ms[min(st.mentions)].tok.start > pos:
                    stmts[k].status = status
            continue
        if not (_VERDICT_NEXT_RE.match(low[v.end() :]) or (
                v.group("w") == "vượt" and _PASSED_NEXT_RE.match(low[v.end() :]))):
            continue
        nxt = re.match(r"^[^,;()]*", low[v.end() :]).group()
        nxt = re.split(r"(?<![\w])(?:nhưng|song)(?![\w])", nxt)[0]  # "…, nhưng vẫn đứng thứ 2"
        if v.group("low") and (re.search(r"[0-9]", nxt) or not _RIGHT_AFTER_A_FIGURE_RE.search(
            low[: v.start()]
        )):
            continue  # "…, thấp hơn mục tiêu đề ra là 4,5%": a comparison, not a verdict
        if re.search(r"[0-9]", nxt) and not re.search(
            r"\b(kh|kế hoạch|nghị quyết|chỉ tiêu|mục tiêu|dự toán|kịch bản)\b", nxt
        ):
            continue
        status = _polarity(v, "neg", "low")
        judged = _judged(text, a + v.start(), ms, groups)
        if _GROUP_SUBJECT_RE.match(low) and all(m.tok.start < a + v.start() for m in ms):
            # "Riêng các chỉ tiêu về tỷ lệ lao động qua đào tạo đạt 44%; …; tỷ lệ che phủ rừng
            # là 62,67%, hiện đã thực hiện đạt kế hoạch đề ra.": the targets the sentence opens
            # on, then judges at its end
            judged = {m.stmt for m in ms}
        for s in judged:
            if s is not None:
                stmts[s].status = status
    _ceilings(text, a, ceilings, ms, stmts, groups)
    _short_of_the_plan_told(text, low, ms, stmts)
    _ahead_of_the_plan(text, a, low, ms, stmts, groups)
    _targets_judged_then_named(text, a, low, ms, stmts)


_AHEAD_OF_PLAN_RE = re.compile(r"(?<![\w])(?<!không )(?<!chưa )về đích\s+(?:sớm|trước)(?![\w])")


def _ahead_of_the_plan(text, a, low, ms, stmts, groups) -> None:
    """"… đã về đích sớm hơn dự tính khi đạt hơn 10,2 tỷ USD": reached the finish ahead of the
    plan, met, for the statement the words judge."""
    if "về đích" not in low:  # (the cheap test first: this is asked of every sentence)
        return
    for m in _AHEAD_OF_PLAN_RE.finditer(low):
        for k in _judged(text, a + m.start(), ms, groups):
            if k is not None and stmts[k].status is None:
                stmts[k].status = "achieved"


# "Trong số các chỉ tiêu đạt có tốc độ tăng GDP …", "Các chỉ tiêu không đạt có …": the targets
# judged, then named with their figures
_JUDGED_THEN_NAMED_RE = re.compile(
    r"(?<![\w])chỉ tiêu\s+(?P<neg>không\s+|chưa\s+)?(?:đạt|hoàn thành|vượt)"
    r"(?:\s+(?:và vượt|và hoàn thành|vượt mức|kế hoạch))*\s+có(?![\w])"
)


def _targets_judged_then_named(text, a, low, ms, stmts) -> None:
    """The statements after "… chỉ tiêu đạt có …" take its verdict."""
    if "chỉ tiêu" not in low:  # (the cheap test first: this is asked of every sentence)
        return
    for m in _JUDGED_THEN_NAMED_RE.finditer(low):
        status = "not_achieved" if m.group("neg") else "achieved"
        for st in stmts:
            if st.status is None and ms[min(st.mentions)].tok.start > a + m.end():
                st.status = status


# "Kế hoạch … 120 triệu đồng/người/năm nhưng cuối năm chỉ đạt 110 triệu đồng", "… mới chỉ tăng
# 4,8%, trong khi mục tiêu đề ra là 5-6%": the plan, then the result said to fall short of it
# ("chỉ", "mới", against it), or the other way round: a verdict told by the contrast
_ONLY_BEFORE_RE = re.compile(
    r"(?<![\w])(?:chỉ|mới chỉ|mới)(?:\s+(?:còn|đạt|tăng|giảm|bằng|có|được|thu được"
    r"|thực hiện được|thu hút được))+\s*(?:khoảng|hơn|gần|trên)?\s*$"
    r"|(?<![\w])chỉ\s*(?:khoảng|hơn|gần|trên)?\s*$"
)
_CONTRAST_RE = re.compile(r"(?<![\w])(?:nhưng|song|tuy nhiên|trong khi|trong khi đó)(?![\w])")


def _short_of_the_plan_told(text, low, ms, stmts) -> None:
    """A statement with a plan and a result the words say falls short of it, against it."""
    if "chỉ" not in low and "mới" not in low:  # (the cheap test first: asked of every sentence)
        return
    for st in stmts:
        if st.status is not None:
            continue
        order = sorted(st.mentions)
        actual = next((k for k in order if ms[k].role == "actual"), None)
        plan = next((k for k in order if ms[k].role == "target"), None)
        if actual is None or plan is None or not _ONLY_BEFORE_RE.search(ms[actual].window):
            continue
        lo, hi = sorted((plan, actual))
        between = text[ms[lo].unit.end : ms[hi].tok.start].lower()
        if _CONTRAST_RE.search(between) and (
            plan < actual or roles.PLAN_WORD_RE.search(between)
        ):
            st.status = "not_achieved"


def _verdicts_on_plans(low: str, ceilings: list[re.Match]):
    """The verdicts of ``low`` (:data:`_VERDICT_RE`), but for the words of a ceiling allowed
    ("vượt mức Quốc hội cho phép": a ceiling passed, which _ceilings reads)."""
    for v in _VERDICT_RE.finditer(low):
        if not (v.group("w") and any(c.start() <= v.start("w") < c.end() for c in ceilings)):
            yield v


def _ceilings(text, a, ceilings, ms, stmts, groups) -> None:
    """"Bội chi NSNN cao hơn mức QH cho phép", "vượt mức Quốc hội cho phép (3%)": a ceiling
    passed is not achieved; "trong ngưỡng Quốc hội cho phép", "thấp hơn ngưỡng cho phép": kept
    to, achieved (the verdict words inside it are no verdict on a plan: _statuses skips them)."""
    for v in ceilings:
        status = "not_achieved" if v.group("over") else "achieved"
        for s in _judged(text, a + v.start(), ms, groups):
            if s is not None:
                stmts[s].status = status


_CEILING_RE = re.compile(
    r"(?<![\w])(?:(?P<over>cao hơn|vượt quá|vượt|quá)|(?P<within>thấp hơn|dưới|trong"
    r"|không vượt quá|không vượt|không quá))(?:\s+nhiều)?(?:\s+so\s+với)?\s+(?:mức|ngưỡng"
    r"|giới hạn|trần)(?:\s+[^\W\d_]+){0,4}?\s+cho phép(?![\w])"
)


_GROUP_SUBJECT_RE = re.compile(
    r"^\s*(?:[-–•+]\s*)?(?:riêng\s+|đối với\s+)?(?:(?:các|những|cả|toàn bộ)\s+(?:[0-9]+\s+)?"
    # "2 chỉ tiêu còn lại là thu gom, xử lý 100% chất thải rắn … và giảm tỷ lệ chôn lấp … xuống
    # dưới 15% chưa đạt.": the targets counted, named, then judged
    r"|[0-9]+\s+(?=(?:chỉ tiêu|mục tiêu|nhiệm vụ)\s+còn lại\s+(?:là|gồm)(?![\w])))"
    r"(?:chỉ tiêu|mục tiêu|khoản thu|nhiệm vụ)(?![\w])"
)


def _judged(text, pos, ms, groups) -> set:
    """The statements a verdict at ``pos`` judges: in a parenthesis, those inside it and the
    one before it; else the one before it (or, opening the sentence, the one after)."""
    g = _innermost(groups, pos)
    targets = set()
    if g:
        inside = [i for i, m in enumerate(ms) if g[0] < m.tok.start < g[1]]
        before = [i for i, m in enumerate(ms) if m.tok.start < g[0]]
        targets.update(ms[i].stmt for i in inside)
        if before:
            targets.add(ms[before[-1]].stmt)
        return targets
    # "…, mặc dù chưa đạt kế hoạch đề ra (kế hoạch tăng 14,85%)": the plan in brackets right
    # after the verdict names what it judges (the statement that plan joined)
    nxt = next((m for m in ms if m.tok.start > pos), None)
    if nxt is not None and nxt.role == "target" and nxt.group is not None and re.fullmatch(
        r"[^0-9,;()]{0,40}" + roles.PLAN_BRACKET_OPENING, text[pos : nxt.tok.start].lower()
    ):
        return {nxt.stmt}
    # a reference figure passed on the way is not what the verdict judges ("đạt 27,5%, thấp
    # hơn bình quân vùng (29,1%) và chưa đạt kế hoạch")
    before = [i for i, m in enumerate(ms) if m.tok.start < pos and not m.extras.get("reference")]
    # "khoảng 35% GRDP (năm 2020 ước đạt 2.995,8 tỷ đồng), vượt kế hoạch": an aside in a
    # parenthesis closed right before the verdict is not what it judges
    aside = _innermost(groups, ms[before[-1]].tok.start) if before else None
    if aside and re.match(r"^\)\s*,?\s*$", text[aside[1] : pos]):
        before = [i for i in before if ms[i].tok.start < aside[0]] or before
    after = [i for i, m in enumerate(ms) if m.tok.start > pos]
    # "…; Chăn nuôi chưa đạt chỉ tiêu giao, tổng đàn trâu, bò hiện có 394 con, …": a verdict
    # that opens its clause judges the figures of the clause after it
    opens = text.rfind(";", 0, pos)
    if before and opens > ms[before[-1]].tok.start and after:
        end = text.find(";", pos)
        return {ms[i].stmt for i in after if end < 0 or ms[i].tok.start < end}
    if before:
        k = before[-1]
        targets.add(ms[k].stmt)
        # "Cả nước hoàn thành 3.345 km đường bộ cao tốc, 1.701 km đường bộ ven biển, vượt mục
        # tiêu đặt ra": the objects of one verb, listed with their unit, each judged (not
        # counts of targets: "11 chỉ tiêu đạt …, 7 chỉ tiêu còn khó khăn, không đạt kế hoạch")
        # ("13/13 đơn vị công an cấp huyện, 216/216 đơn vị công an cấp xã hoàn thành chỉ tiêu":
        # pairs, each read from its first number)
        unit = ms[k].unit.text
        k = ms[k].pair if ms[k].pair is not None and ms[k].pair < k else k
        while k > 0 and unit and ms[k - 1].unit.text == unit and (
            unit not in lexicon.TARGET_NOUNS
        ) and _NEXT_OBJECT_RE.fullmatch(text, ms[k - 1].unit.end, ms[k].tok.start):
            k -= 1
            k = ms[k].pair if ms[k].pair is not None and ms[k].pair < k else k
            targets.add(ms[k].stmt)
    elif after:
        targets.add(ms[after[0]].stmt)
    return targets


# what lies between two objects of one verb: the first one's noun, then a comma
_NEXT_OBJECT_RE = re.compile(r"(?:\s+[^\W\d_]+){1,6}\s*,\s*")


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


# "…, 7 chỉ tiêu còn khó khăn, không đạt kế hoạch.", "Tuy nhiên, vẫn còn chỉ tiêu chưa đạt so
# với nghị quyết đề ra.", "… đã có 8/36 cục hải quan đã hoàn thành dự toán thu thuế được giao.":
# a sentence that ends on a verdict on indicators (or units) named as a group
_GROUP_VERDICT_RE = re.compile(
    # "Có 8 đảng bộ trực thuộc đã kết nạp vượt kế hoạch đề ra.": units that met it, counted
    r"(?:(?<![\w])chỉ tiêu(?![\w])|(?<![\w.,])(?:[0-9]+/[0-9]+|(?<![\w])có\s+[0-9]+)\s+"
    r"(?!chỉ tiêu)[^\W\d_])[^.;]*?"
    r"(?<![\w])(?P<neg>không|chưa)?\s*(?:đạt|hoàn thành|vượt)"
    r"(?:\s+(?:và vượt|và hoàn thành|vượt mức|vượt|so với|so))*"
    r"(?:\s+(?:các\s+)?(?:kế hoạch|kh|nghị quyết"
    r"|chỉ tiêu|mục tiêu|yêu cầu|dự toán)(?![\w])[^.;0-9]*?)?\s*[.…]*\s*$"
    # "Ngành thực hiện đạt và vượt 4/8 chỉ tiêu, nhiệm vụ."
    r"|(?<![\w])(?P<neg2>không|chưa)?\s*(?:đạt|hoàn thành|vượt)(?:\s+(?:và vượt|được"
    # "đã hoàn thành và hoàn thành vượt kế hoạch 21/22 chỉ tiêu đề ra."
    r"|và hoàn thành|vượt|vượt mức|mức|kế hoạch))*\s+[0-9]+(?:/[0-9]+)?\s+chỉ tiêu[^.;0-9]*"
    r"[.…]*\s*$"
)
# "Cụ thể, …", "Đó là, …", "Gồm: …", "Theo đó, …": a sentence that details what the one before
# judged
_LIST_OPENING_RE = re.compile(
    r"\s*(?:[-–•]\s*)?(?:cụ thể|đó là|bao gồm|gồm|như sau|nổi bật|trong đó|tiêu biểu"
    r"|điển hình|theo đó)(?![\w])"
)
_DETAIL_RE = re.compile(r"\s*(?:cụ thể|đó là|bao gồm|gồm)\s*[,:]")
_LIST_COLON_RE = re.compile(r"\s*(?:[-–•]\s*)?(?:cụ thể|đó là|bao gồm|gồm|như sau)\s*:")
_OWN_HEAD_RE = re.compile(r"[^0-9:;]{12,}:")
_DIGIT_RE = re.compile(r"[0-9]")
# (not "Về văn hóa - xã hội, …": the next field of the same targets; but "Trong lĩnh vực …",
# after a verdict on the field before it)
_TURN_RE = re.compile(
    r"\s*(?:bên cạnh đó|ngoài ra|tuy nhiên|mặt khác|đối với|riêng|song|nhưng"
    r"|trong lĩnh vực|lĩnh vực)(?![\w])"
)
# "Nổi bật là các chỉ tiêu về thu ngân sách, trồng rừng và trồng cây dược liệu.": the members
_NAMED_RE = re.compile(
    r"(?<![\w])(?:là|gồm|bao gồm|như)\s+(?:các\s+|những\s+)?(?:chỉ tiêu\s+)?(?:về\s+)?"
    r"(?P<names>[^.;:0-9]+)"
)


def _names(text: str) -> list[str]:
    names = re.split(r",\s*|\s+và\s+", text)
    return [n.strip(" .…") for n in names if n.strip(" .…")]


_GROUP_VERDICT_WORDS = ("đạt", "hoàn thành", "vượt", "chỉ tiêu")


def _may_close_on_a_group_verdict(low: str) -> bool:
    """What :data:`_GROUP_VERDICT_RE` needs, checked first because it runs on every sentence:
    its verdict verb (or "chỉ tiêu" after the count) stands after the last figure, full stop
    or semicolon of the sentence."""
    body = low.rstrip(" \t\n.…")
    tail = body[max(body.rfind(c) for c in ".;0123456789") + 1 :]
    return any(w in tail for w in _GROUP_VERDICT_WORDS)


# a count of targets met, told before a count of those not met
_TARGETS_MET_RE = re.compile(
    r"[0-9]+\s+chỉ tiêu(?:\s+[^\W\d_]+){0,3}?\s+(?<!không )(?<!chưa )(?:đạt|vượt|hoàn thành)"
    r"(?![\w])"
)
_TARGETS_NOT_MET_RE = re.compile(r"[0-9]+\s+chỉ tiêu(?:\s+[^\W\d_]+){0,3}?\s+(?:không|chưa)\s+đạt")
# "Nổi bật là: …", "Tiêu biểu như …": the results that stand out, the ones met
_HIGHLIGHTS_RE = re.compile(r"\s*(?:[-–•]\s*)?(?:nổi bật|tiêu biểu|điển hình)(?![\w])")


def _verdict_for_the_next(low: str, verdict):
    """The verdict a sentence leaves for the list that may follow it: its own closing one,
    kept over a sentence that goes on about the same indicators ("cả 7 chỉ tiêu nói trên …")."""
    m = _GROUP_VERDICT_RE.search(low) if _may_close_on_a_group_verdict(low) else None
    if m and _TARGETS_NOT_MET_RE.search(low) and _TARGETS_MET_RE.search(low):
        # "… 17 chỉ tiêu vượt kế hoạch, 12 chỉ tiêu đạt kế hoạch, 1 chỉ tiêu không đạt.
        # Nổi bật là: …": targets met and not met; the highlights after it are results met, a
        # detail ("Cụ thể, …") the ones it closed on
        return "highlights/" + _polarity(m, "neg", "neg2")
    if m:
        return _polarity(m, "neg", "neg2")
    if verdict and re.search(r"(?<![\w])chỉ tiêu\s+(?:nói trên|trên|này)(?![\w])", low):
        return verdict
    return None


# "… ước tính tăng 11,81% so với năm 2024. Tuy chưa đạt kế hoạch đề ra (kế hoạch tăng 12,35%),
# …": a sentence that opens on a verdict, before any figure, judges the figure before it
_OPENING_VERDICT_RE = re.compile(
    r"\s*(?:tuy nhiên|tuy|như vậy|nhưng|song|dù|mặc dù)?\s*,?\s*(?:vẫn\s+|đã\s+|đều\s+)?"
    r"(?P<neg>không|chưa)?\s*(?:đạt|hoàn thành|vượt)(?:\s+(?:được|và vượt))?\s+(?:so với\s+)?"
    r"(?:" + roles.PLAN_WORDS + r")(?![\w])"
)


_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s")


def _verdict_on_the_sentence_before(low: str, last, plan: bool) -> None:
    """The last statement of the sentence before one that opens on a verdict takes it, unless
    the text gave it its own."""
    m = _OPENING_VERDICT_RE.match(low)
    if m and last and not plan and last[-1].status is None:
        last[-1].status = _polarity(m)


class VerdictsAcross:
    """Verdicts that cross sentences, read along a text (extractor.extract):
    - the verdict a sentence closed on, for a list or a detail that follows it ("Cụ thể, …"),
      and whether that list runs on to the end of its line;
    - the verdict of a sentence without figures, for the sentence that follows it ("… đều đạt
      chỉ tiêu đề ra. Bậc mầm non …") and, in its paragraph, on until the text turns or a
      sentence heads a list of its own; or, hedged, for a detail that follows it;
    - all targets met ("13/13 chỉ tiêu …"), for the figures after it in its paragraph;
    - a count of the targets met that says nothing of the others ("đạt 8/9 chỉ tiêu"), for
      the next sentence of its paragraph;
    - a verdict then a colon, for the list items on the lines under it;
    - the verdict a sentence gave its last figure, for a detail that opens on "Cụ thể,";
    - the verdict of a heading, for the paragraph right under it;
    - the statements of the sentence before, for a sentence that opens on a verdict."""

    def __init__(self) -> None:
        self.verdict: str | None = None
        self.names: list[str] = []
        self.listing = False
        self.last: list = []
        self.lead: tuple[str, list[str], bool] | None = None
        self.heading: str | None = None
        self.group_heading = False  # the heading names a group of targets: it judges its list
        self.under = 0  # lines read since the heading
        self.items = False  # a list opened with a colon runs over the lines under it
        self.met: bool | None = None  # whether the sentence judged says all targets were met
        self.all_met = False  # the verdict running on is that all targets were met
        self.crossed = False  # a new paragraph began after the sentence read last
        self.led = False  # the verdict running on came from a lead without a detail
        self.figures = True
        self.counts_only = False  # the sentence judged gives one count of targets, no figure
        self.counted = False  # the lead is a count of the targets met
        self.passed = False  # the lead was passed on by a sentence of words
        self.given = False  # the verdict running on is the one the sentence read gave a figure

    def new_line(self, line: str = "") -> None:
        blank = not line.strip()
        self.crossed = self.crossed or not blank
        if not blank and self.counted:
            self.lead = None  # a count of the targets met leads within its paragraph
        if not blank:  # a heading judges the one paragraph right under it; a heading on a
            # group of targets ("b) Các chỉ tiêu chưa đạt"), each line of its list
            runs = self.group_heading and (bool(_ITEM_RE.match(line)) or (
                len(line) < 200 and _DIGIT_RE.search(line) is not None
                and not _TURN_RE.match(line.lower())))
            self.heading = self.heading if self.under == 0 or runs else None
            self.under = 1
        # "… 07/17 chỉ tiêu không đạt so với kế hoạch, cụ thể:" over the items on the lines
        # under it ("+ Thu ngân sách … 76,4/140 tỷ đồng."), blank lines between them
        self.items = self.items and (blank or bool(_ITEM_RE.match(line)))
        self.listing = self.items

    def judge(self, low: str, found: list, plan: bool) -> None:
        """Gives the statements ``found`` in the sentence ``low`` (lower case), and those of
        the sentence before, the verdicts that cross into them."""
        opens = bool(_LIST_OPENING_RE.match(low))
        # a detail that gives figures runs on to the end of its line, until the text turns
        # ("Bên cạnh đó, …", "Tuy nhiên, …")
        # ("Nổi bật là các chỉ tiêu về X, Y và Z. Theo đó, …": so does one that names them)
        runs = opens and (not found or any(not _counts_targets(st) for st in found))
        if self.listing and (_TURN_RE.match(low) or (
            self.led and not opens and _OWN_HEAD_RE.match(low)
        )):  # the text turns, or a sentence heads its own list ("Công tác … đảm bảo: …")
            self.listing, self.verdict = False, None
        if self.given and not (self.listing or _DETAIL_RE.match(low)):
            self.verdict = None  # a verdict given in passing leads only "Cụ thể, …"
        self.given = False
        if self.verdict and self.verdict.startswith("highlights/"):  # (read)
            self.verdict = "achieved" if _HIGHLIGHTS_RE.match(low) else self.verdict.split("/")[1]
        if self.verdict and (self.listing or opens):
            _lead_into(found, self.verdict, self.names, counts=True)
            self.listing = self.listing or runs
        if self.passed and self.crossed:  # a lead passed on stays in its paragraph
            self.lead = None
        if self.lead and not plan:
            verdict, names, strong = self.lead
            if strong or opens:
                _lead_into(found, verdict, names)
            # a lead in the paragraph runs on over the figures of its paragraph
            if runs or (strong and found and not self.crossed and not self.counted):
                self.verdict, self.names, self.listing = verdict, names, True
                self.led = not runs
        if self.heading and not plan:
            _lead_into(found, self.heading, [])
        self.met = _all_met(low)  # read once a sentence; read() uses it too
        if not plan and self.met:  # "… vượt 3/3 chỉ tiêu … (đạt 12,5 bác sĩ …)"
            _lead_into(found, "achieved", [])
        _verdict_on_the_sentence_before(low, self.last, plan)
        self.last = found
        self.figures = bool(found)
        # one count ("… đạt 8/9 chỉ tiêu"), not counts by field ("về kinh tế có 2/9 …; …")
        # (or a count in a clause of its own before the others: "… đã hoàn thành 6/7 chỉ tiêu
        # đăng ký; 100% cơ sở hội …")
        self.counts_only = bool(found) and _counts_targets(found[0]) and (
            len(found) == 1 or not any(_counts_targets(st) for st in found[1:]))

    def read(self, low: str) -> None:
        """What the sentence ``low`` leaves for the next one."""
        colon = self.verdict is not None and _LIST_COLON_RE.match(low)
        self.listing = bool(colon) or (self.listing and self.verdict is not None)
        verdict = _verdict_for_the_next(low, self.verdict)
        if verdict:
            self.verdict, self.names, self.all_met, self.led = verdict, [], False, False
        elif not self.listing and self.last and self.last[-1].status and not self.all_met:
            # "…; đạt mục tiêu 100% lao động … được tư vấn. Cụ thể, …": the verdict the
            # sentence gave its last statement, for a detail that follows it
            self.verdict, self.names, self.all_met = self.last[-1].status, [], False
            self.given = True
        elif not self.listing:
            self.verdict, self.names, self.all_met = None, [], False
        elif not self.figures and _LIST_OPENING_RE.match(low) and not self.all_met:
            # "Nổi bật là các chỉ tiêu về X, Y và Z.": those named (when all were met, naming
            # a few as outstanding leaves the others met)
            named = _NAMED_RE.search(low)
            self.names = _names(named.group("names")) if named else self.names
        lead = None if self.figures else _lead_verdict(low)
        # a sentence of words that opens the field the figures are in ("Sản xuất nông nghiệp
        # tiếp tục được duy trì, …") passes on the lead of the one before it, once
        passes = (not self.figures and lead is None and self.lead is not None and self.lead[2]
                  and not self.passed and not self.counted and not _TURN_RE.match(low))
        self.lead, self.passed = (self.lead, True) if passes else (lead, False)
        self.counted, self.counts_only = self.counts_only, False
        if self.counted:  # "… đạt và vượt kế hoạch 14/16 chỉ tiêu chủ yếu."
            self.lead = _count_lead(low.split(";")[0])  # for the next sentence of its paragraph
        self.figures = True
        head = _LIST_HEAD_RE.search(low) if low.rstrip().endswith(":") else None
        opened = None if head else _list_opened_in_the_sentence(low)
        if opened:  # "… đều vượt kế hoạch cả năm …: GDP … tăng 3,76%. Giá trị sản xuất …": the
            # list the verdict opened runs on over the sentences of its paragraph
            self.verdict, self.names, self.listing = opened, [], True
            self.all_met, self.led = False, False
        elif head:
            self.verdict, self.all_met, self.led = _polarity(head), False, False
            self.names, self.items, self.listing = [], True, True
        elif self.met if self.met is not None else _all_met(low):  # "… có 13/13 chỉ tiêu chủ
            # yếu đạt và vượt kế hoạch": each of them (a footnote's sentence is not judged)
            self.verdict, self.names, self.listing, self.all_met = "achieved", [], True, True
            self.led = False
        self.met = None
        self.crossed = False

    def line_read(self, line: str, found: list) -> None:
        """After the statements ``found`` in a line with figures: a line whose figures are all
        years and the like is a line of words ("Hoàn thành nhiệm vụ thu ngân sách năm 2018"); a
        heading whose only figure counts all the targets it heads ("3 chỉ tiêu chưa đạt") judges
        the lines under it as one without a figure does; one that counts some of them ("11/15
        chỉ tiêu đạt") heads the others too, and ends the heading above."""
        heads = _heads_by_its_count(line, found)
        if not found or heads == "all":
            self.figureless(line)
        elif heads == "some":
            self.heading = None

    def figureless(self, line: str) -> None:
        """A line without a figure: its last sentence may lead the figures that follow; a
        heading that states a verdict judges the paragraph right under it."""
        low = line.strip().lower()
        self.lead = _lead_verdict(_SENTENCE_BREAK_RE.split(low)[-1])
        self.counted = False  # its lead is no count, and crosses into the next paragraph
        group = group_verdict(low)
        self.heading, self.under = group or _heading_verdict(low), 0
        self.group_heading = group is not None
        self.figures = True


def _heads_by_its_count(line: str, found: list) -> str | None:
    """"all" or "some" (VerdictsAcross.line_read), or None when the line is no such heading."""
    if not found or len(line.strip()) > 80 or line.rstrip()[-1:] in ".;" or not all(
        _counts_targets(st) for st in found
    ):
        return None
    return "some" if any(n.role == "part" for st in found for n in st.numbers) else "all"


_ITEM_RE = re.compile(r"\s*(?:[-–•+*]|[0-9]{1,2}[.)]|[a-zđ][.)]|\([0-9a-zđ]{1,3}\))\s")
# "…, 07/17 chỉ tiêu không đạt so với kế hoạch, cụ thể:": a verdict on targets, then a colon
_LIST_HEAD_RE = re.compile(
    r"(?<![\w])chỉ tiêu(?![\w])[^.;:]*?(?<![\w])(?P<neg>không|chưa)?\s*(?:đạt|hoàn thành"
    r"|vượt)(?![\w])[^.;:0-9]{0,60}?(?:cụ thể|như sau|gồm|bao gồm|sau đây|là)?\s*:\s*$"
)
# "có 13/13 chỉ tiêu chủ yếu đạt và vượt kế hoạch", "hoàn thành và hoàn thành vượt mức 18/18
# chỉ tiêu", "toàn bộ 33 chỉ tiêu … đều hoàn thành", "15 chỉ tiêu thi đua đều đạt"
_ALL_MET_RE = re.compile(
    r"(?:(?<![\w.,])(?P<n>[0-9]+)/(?P<m>[0-9]+)|toàn bộ|tất cả)\s+(?:các\s+)?(?:[0-9]+\s+)?chỉ tiêu"
    r"[^.;:]*?(?<![\w])(?<!không )(?<!chưa )(?:đều\s+)?(?:đạt|hoàn thành|vượt)(?![\w])"
    # "15 chỉ tiêu thi đua đều đạt và vượt kế hoạch": each of those counted
    r"|(?<![\w.,/])(?:cả\s+)?[0-9]+\s+chỉ tiêu[^.;:]*?(?<![\w])đều\s+(?:đạt|hoàn thành|vượt)"
    r"(?![\w])"
    r"|(?<![\w])(?<!không )(?<!chưa )(?:đạt|hoàn thành|vượt)(?:\s+(?:và vượt|và hoàn thành"
    r"|vượt mức|được|vượt kế hoạch))*\s+(?:(?P<n2>[0-9]+)/(?P<m2>[0-9]+)\s+|các\s+)chỉ tiêu"
    # "đạt và vượt 7/7 nhiệm vụ trọng tâm": each of the tasks set
    r"|(?<![\w])(?<!không )(?<!chưa )(?:đạt|hoàn thành|vượt)(?:\s+(?:và vượt|và hoàn thành"
    r"|vượt mức|được))*\s+(?P<n3>[0-9]+)/(?P<m3>[0-9]+)\s+nhiệm vụ(?![\w])"
)


def _all_met(low: str) -> bool:
    m = _ALL_MET_RE.search(low) if "chỉ tiêu" in low or "nhiệm vụ" in low else None
    # a hedge ("nhiều chỉ tiêu", "cơ bản đạt") in the clause of the count, not in another one
    # ("… có nhiều chuyển biến tích cực, … 15 chỉ tiêu thi đua đều đạt")
    clause = low
    if m:
        clause = low[max(low.rfind(",", 0, m.start()), low.rfind(";", 0, m.start())) + 1 :]
    if not m or _AIM_RE.search(low) or _HEDGE_RE.search(clause) or re.search(
        r"(?<![\w])(?:không|chưa)\s+đạt", low
    ):
        return False
    n = m.group("n") or m.group("n2") or m.group("n3")
    total = m.group("m") or m.group("m2") or m.group("m3")
    return n is None or n == total


_COLON_THEN_WORD_RE = re.compile(r":\s*(?:[-–•+*]\s*|\(?[0-9a-zđ]{1,2}[.)]\s*)?[^\W\d_]")


def _list_opened_in_the_sentence(low: str) -> str | None:
    """The verdict of a list a sentence opens with a colon and begins to give figures of (the
    verdict that judges its items: _statuses)."""
    if ":" not in low or not _COLON_THEN_WORD_RE.search(low):  # (the cheap tests first: this
        return None  # is asked of every sentence; a list's first item is named after its colon)
    for v in _verdicts_on_plans(low, []):
        rest = low[v.end() :]
        opened = _LIST_VERDICT_RE.match(rest)
        if opened and ":" in opened.group() and _DIGIT_RE.search(rest, opened.end()):
            # (not "Nhiều chỉ tiêu … không đảm bảo … như: …": some targets, those it names)
            hedged = _HEDGE_RE.search(low[max(low.rfind(".", 0, v.start()), 0) : v.start()])
            return None if hedged else _polarity(v, "neg", "low")
    return None


def _counts_targets(st) -> bool:
    """"có 12/15 chỉ tiêu đạt": a statement counting targets, not giving a figure of one."""
    return all((n.unit or "") in lexicon.TARGET_NOUNS for n in st.numbers)



# "Kết quả ở các cấp học đều đạt chỉ tiêu đề ra.", "Hai chỉ tiêu chưa đạt là thu thuế và bảo
# hiểm y tế.": a sentence without a figure that closes on the targets being met (or not), or
# names the targets met (or not), leads the sentence that follows, which gives their figures;
# one that says so in passing ("… vượt kế hoạch và tăng so với năm trước.") leads a detail
# "… không đạt do tác động của đại dịch COVID-19.": why, after the verdict that closes a sentence
_CAUSE = r"(?:\s*,?\s+(?:do|vì|bởi|bởi vì|nguyên nhân là)\s+[^.;:]*)?"
_LEAD_VERDICT_RE = re.compile(
    r"(?<![\w])(?<!khó )(?<!sẽ )(?<!thể )(?<!đấu )(?<!để )(?<!nhằm )(?P<neg>không|chưa)?\s*"
    # "… thực hiện thắng lợi các mục tiêu Nghị quyết Đại hội Đảng bộ đề ra."
    r"(?:đạt|hoàn thành|vượt|thực hiện thắng lợi)(?:\s+(?:được|và vượt|và hoàn thành|vượt mức"
    # "… hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ được giao.", "… hoàn thành toàn diện các
    # chỉ tiêu Nghị quyết nhiệm kỳ 2020 – 2025."
    r"|mức|xuất sắc|tốt|toàn diện))*"
    # "… đạt và vượt tiến độ dự toán HĐND tỉnh giao."
    # ("… đạt và vượt hầu hết các chỉ tiêu nghị quyết.": some of them, then which)
    r"\s+(?:so với\s+)?(?:tiến độ\s+)?(?:(?:nhiều|một số|hầu hết|phần lớn)\s+)?"
    r"(?:các\s+|toàn bộ\s+|tất cả\s+)?(?:mục tiêu,\s+)?(?:chỉ tiêu|kế hoạch"
    # "Hoàn thành nhiệm vụ thu ngân sách năm 2018": the revenue to collect, a plan
    r"|mục tiêu|nghị quyết|dự toán|nhiệm vụ thu"
    # "… hoàn thành tốt các nhiệm vụ được giao.", "… các nhiệm vụ, chỉ tiêu năm.": the tasks
    # set, a verdict on them (not "nhiệm vụ" alone: "hoàn thành nhiệm vụ" rates a body)
    r"|nhiệm vụ(?=(?:,\s*chỉ tiêu)?\s+(?:được giao|đề ra|năm)(?![\w]))"
    # "… đều đã đạt và vượt mức đề ra.": the level set
    r"|mức(?=\s+(?:đề ra|đặt ra|được giao|giao)(?![\w])))(?![\w])"
    # the words that close the sentence name the plan, not another claim ("… và tăng so với"),
    # or list the plans ("… đạt và vượt mức so với chỉ tiêu, kế hoạch đề ra.")
    r"(?P<rest>(?:(?:\s+|\s*,\s*(?=(?:chỉ tiêu|kế hoạch|nhiệm vụ|mục tiêu)(?![\w])))"
    r"(?!(?:và|nhưng|song|tuy|mặc|tăng|giảm|cao|thấp)(?![\w]))(?:[^\W\d_]+"
    # (the term or the year of the plan: "… Nghị quyết nhiệm kỳ 2020 – 2025.")
    r"|(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:19|20)[0-9]{2})?(?![0-9]))){0,14}"
    + _CAUSE + r"\s*[.…!]*\s*$)?"
    r"|(?<![\w])chỉ tiêu(?![\w])[^.;:]*?(?<![\w])(?P<neg2>không|chưa)?\s*(?:đạt|hoàn thành"
    r"|vượt)(?:\s+(?:được|và vượt|kế hoạch))*"
    # ("Chỉ tiêu không đạt trong năm 2017 là …": in which year)
    r"(?:\s+(?:trong\s+)?(?:năm|quý|tháng)\s+[0-9/]+)?\s+(?:là|gồm|bao gồm)\s+(?P<names>[^.;:]+)"
    # "… nên cơ bản các chỉ tiêu phát triển kinh tế - xã hội trên các lĩnh vực đều đạt và
    # vượt.": the targets the subject of a clause that closes on the verdict, without an object
    r"|(?<![\w])(?:chỉ tiêu|mục tiêu)(?![\w])[^.;:,0-9]*?(?<![\w])(?:đều\s+)?(?P<neg3>không|chưa)?"
    r"\s*(?P<closing>đạt|hoàn thành|vượt)(?:\s+(?:và vượt|và hoàn thành|vượt mức|được))*"
    # ("Các chỉ tiêu văn hóa xã hội cũng đạt kết quả cao.": met, and well)
    r"(?:\s+kết quả\s+(?:cao|tốt|khá))?" + _CAUSE + r"\s*[.…!]*\s*$"
)
_VERDICT_WORD_RE = re.compile(r"đạt|vượt|hoàn thành|thắng lợi")
# "hầu hết", "một số chỉ tiêu": not all of them, so no verdict for a sentence after that is no
# detail ("cơ bản đạt", essentially met, leads it)
_SOME = "hầu hết|phần lớn|đa số|một số|nhiều"
_FEW_RE = re.compile(rf"(?<![\w])(?:{_SOME})(?![\w])")
# "cơ bản hoàn thành", "hầu hết các chỉ tiêu": not each of them, so not all targets met
_HEDGE_RE = re.compile(rf"(?<![\w])(?:cơ bản|{_SOME})(?![\w])")
# an aim or a forecast is no verdict
_AIM_RE = re.compile(
    # ("đã tập trung chỉ đạo", focused: done, and "khó khăn", difficulties, "vượt khó",
    # difficulties overcome: no aim)
    # ("không để gián đoạn …", not letting it stop, is no purpose)
    r"(?<![\w])(?:phấn đấu|phải|" + roles.CAN + r"|sẽ|(?<!không )để|nhằm|dự kiến"
    r"|(?<!vượt )khó(?! khăn)|(?<!đã )tập trung|quyết tâm)"
    r"(?![\w])"
)


# "Riêng huyện Cát Hải có số thu tiền thuê đất vượt dự toán …": one body or item singled out,
# no lead for the figures after it (unless it is some of the targets)
_SINGLED_OUT_RE = re.compile(r"^\s*riêng\s(?![^.;:]*(?:chỉ tiêu|mục tiêu))")


def _lead_verdict(low: str) -> tuple[str, list[str], bool] | None:
    """The verdict a sentence without figures leaves for the sentence that follows, with the
    targets it names (none: every statement) and whether it leads any sentence (or only a
    detail: "Cụ thể, …", "Theo đó, …")."""
    if not _VERDICT_WORD_RE.search(low) or _SINGLED_OUT_RE.match(low):
        return None
    found = list(_LEAD_VERDICT_RE.finditer(low))
    if not found or _AIM_RE.search(low):
        return None
    m = found[-1]
    verdict = _polarity(m, "neg", "neg2", "neg3")
    if any(_polarity(x, "neg", "neg2", "neg3") != verdict for x in found):
        return None  # met and not met
    clause = low[max(low.rfind(",", 0, m.start()), low.rfind(";", 0, m.start())) + 1 : m.end()]
    strong = (m.group("rest") is not None or m.group("names") is not None
              or m.group("closing") is not None) and not (
        _FEW_RE.search(clause))  # "Dù đạt nhiều kết quả tích cực, … vẫn chưa đạt mục tiêu."
    return verdict, _names(m.group("names") or ""), strong


# "thực hiện đạt và vượt kế hoạch 14/16 chỉ tiêu chủ yếu.", "đạt được 8/9 chỉ tiêu chuyên môn do
# Chính phủ giao.": a sentence that counts the targets met, and says nothing of those not met,
# leads the sentence after it, which gives their figures
# (the words after it may name a year, "nghị quyết năm 2025 đề ra", and how the count moved,
# ", tăng 11 chỉ tiêu so với quý I/2025")
_COUNT_TAIL = (r"(?:[^.;:0-9]|(?<![0-9])(?:19|20)[0-9]{2}(?![0-9]))*"
               r"(?:,\s*(?:tăng|giảm)\s+[0-9]+\s+(?:chỉ tiêu|mục tiêu)[^.;:]*)?$")
_COUNT_LEAD_RE = re.compile(
    r"(?<![\w])(?:đạt|hoàn thành|vượt)(?:\s+(?:được|và vượt|và hoàn thành|vượt mức|kế hoạch"
    r"|so với kế hoạch))*\s+[0-9]+(?:/[0-9]+)?\s+(?:chỉ tiêu|mục tiêu)(?![\w])" + _COUNT_TAIL
    + r"|(?<![\w.,])[0-9]+(?:/[0-9]+)?\s+(?:chỉ tiêu|mục tiêu)(?![\w])[^.;:0-9]*?(?<![\w])"
    r"(?:đạt|hoàn thành|vượt)(?![\w])" + _COUNT_TAIL
)


def _count_lead(low: str) -> tuple[str, list[str], bool] | None:
    low = low.rstrip(" .…!")
    if not _COUNT_LEAD_RE.search(low) or _AIM_RE.search(low) or roles.NOT_YET_RE.search(low):
        return None
    return "achieved", [], True


# "b) Các chỉ tiêu chưa đạt", "1. Các chỉ tiêu đạt và vượt kế hoạch (15 chỉ tiêu):": a heading
# on the targets of a verdict, over the list under it
_GROUP_HEADING_RE = re.compile(
    r"^\s*(?:(?:[0-9]{1,2}|[a-zđ]|[ivx]+)[.)]\s*|[-–•+*]\s*)?(?:(?:các|những|nhóm)\s+)?"
    r"(?:[0-9]+\s+)?(?:chỉ tiêu|mục tiêu|nhiệm vụ)(?![\w])(?:\s+(?!không|chưa|đạt|vượt"
    r"|hoàn thành)[^\W\d_]+){0,3}\s+(?P<neg>không|chưa)?\s*(?:đạt|hoàn thành|vượt)(?![\w])"
    r"(?:\s+(?:và vượt|và hoàn thành|vượt mức|được|cao))*(?:\s+(?:so với\s+)?(?:kế hoạch|kh"
    r"|chỉ tiêu|mục tiêu|nghị quyết|dự toán)(?:\s+[^\W\d_]+){0,4})?\s*(?:\([^()]*\))?\s*:?\s*$"
)


def group_verdict(low: str) -> str | None:
    """The verdict of a heading on a group of targets ("b) Các chỉ tiêu chưa đạt:"), which
    judges the list under it (a line of text, or a table row of words), or None."""
    group = _GROUP_HEADING_RE.match(low) if len(low) <= 120 else None
    if group is None:
        return None
    return "not_achieved" if group.group("neg") else "achieved"


def _heading_verdict(low: str) -> str | None:
    """"Nhiều chỉ tiêu đạt và vượt kế hoạch": a short line with no closing stop that states a
    verdict on the targets (a heading on a group of targets: group_verdict)."""
    if len(low) > 120 or low.endswith((".", ";", ":", ",")):
        return None
    lead = _lead_verdict(low)
    return lead[0] if lead and not lead[1] else None


def _lead_into(statements, verdict: str, names: list[str], counts: bool = False) -> None:
    """Gives the statements without a verdict of their own (and, with ``names``, only those
    named) the verdict that crosses into them; counts of targets keep theirs unless
    ``counts``."""
    for st in statements:
        if st.status is not None or (_counts_targets(st) and not counts):
            continue
        if not names or any(n in st.indicator.lower() for n in names):
            st.status = verdict
