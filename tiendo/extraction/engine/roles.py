"""The role of a number from the words around it: actual, target, change, attainment, part.

Roles are read from the grammar of report prose: "tăng/giảm X%" (change), "đạt X% kế hoạch",
"bằng X% dự toán" (attainment), "KH: X", "phấn đấu … đạt X", "chỉ tiêu" (target), "bằng X% so
cùng kỳ" (change, as written), "vượt X% kế hoạch" (change against the plan), "x/y nouns"
(part), and bounds ("trên", "không quá", "từ … trở lên", ">", "≥").
"""

from __future__ import annotations

import re

_W = r"(?<![\w])"
_E = r"(?![\w])"
# a bound written before a plan's figure ("là trên 75%", "không quá 2%"), optional
_BOUND = r"(?:dưới|trên|hơn|khoảng|gần|từ|không quá|tối đa|tối thiểu|[<>≥≤])?"

CHANGE_LEFT_RE = re.compile(
    # ("cắt giảm 45 thủ tục": the procedures cut, a count of what was done, not a change)
    _W + r"(?P<verb>tăng trưởng|tăng thêm|tăng|(?<!cắt )giảm|giảm thêm|rút ngắn|cao hơn|thấp hơn"
    r"|vượt|gấp|hụt|chậm hơn)"
    r"(?:\s+(?:âm|gấp|mạnh|nhẹ|hơn|khoảng|trên|dưới|gần|thêm|được|tới|đến|là|bình quân|"
    r"trung bình|hằng năm|hàng năm|mỗi năm|lần lượt|tương ứng))*"
    r"\s*[:]?\s*[-–−]?\s*$"
)
LEVEL_AFTER_CHANGE_RE = re.compile(
    _W + r"(?:tăng|giảm)(?:\s+(?:xuống|lên))?\s+(?:còn|lên|xuống)(?:\s+(?:mức|khoảng|còn))?\s*$"
    # "giảm được 0,66% xuống còn 2,16%": the level reached, after the change
    r"|^\s*(?:xuống|lên)(?:\s+(?:còn|mức|khoảng))*\s*$"
)
BY_LEFT_RE = re.compile(_W + r"(?:đạt|bằng|ước đạt|ước bằng|ước|hoàn thành|thực hiện|chỉ đạt|"
                        r"chỉ bằng|tương đương|tương ứng|bằng khoảng)"
                        r"(?:\s+(?:được|khoảng|mức|tỷ lệ|tỉ lệ|gần|trên|hơn))*\s*$")
# a clause that names a rate: "tỷ lệ giải ngân …", "tốc độ tăng trưởng …"
RATE_NAME_RE = re.compile(r"\s*(?:tỷ lệ|tỉ lệ|tốc độ)(?![\w])")
CHIEM_LEFT_RE = re.compile(
    _W + r"(?:chiếm(?:\s+(?:khoảng|tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|gần|trên|hơn))*"
    r"|^\s*(?:đạt\s+)?(?:tỷ\s+lệ|tỉ\s+lệ|tỷ\s+trọng|tỉ\s+trọng))\s*$"
)
# "giao" (given), not "bàn giao" / "chuyển giao" (handed over) nor "Bộ Ngoại giao" (the ministry)
GIAO = r"(?<!bàn )(?<!ngoại )(?<!chuyển )giao"
# "cần" (need to), not the place names "Cần Thơ", "Cần Giờ", … (the text is read lower case)
# the nouns a plan is named by, as regex alternatives ("đạt kế hoạch", "vượt dự toán")
PLAN_WORDS = r"kế hoạch|kh|chỉ tiêu|mục tiêu|nghị quyết|dự toán"
PLAN_WORD_RE = re.compile(r"(?<![\w])(?:" + PLAN_WORDS + r")(?![\w])")
CAN = r"cần(?!\s+(?:thơ|giờ|giuộc|đước|đăng)(?![\w]))"
QUYET_TAM = (r"(?<!sự )(?<!với )(?<!bằng )quyết tâm(?=\s+(?:tăng|hoàn thành|đạt|giải ngân"
               r"|thu|giữ|kiểm soát|đưa|nâng|thực hiện)(?![\w]))")
TARGET_WORD_RE = re.compile(
    # "KH&ĐT" (Kế hoạch và Đầu tư) names a department, not a plan
    # "vốn chương trình mục tiêu (quốc gia)", "bổ sung có mục tiêu" name funds, not a plan
    # "đặt mục tiêu giải ngân … thấp nhất đạt 90%": a goal set, what it is to reach
    _W + r"(kh(?!&)|kế hoạch|chỉ tiêu|đặt (?:ra )?mục tiêu|(?<!chương trình )(?<!có )mục tiêu"
    r"|kịch bản|phương án"
    r"|dự kiến|phấn đấu|định hướng"
    # "Dự báo Hải Dương đạt mức tăng trưởng … trên 10%", not "vượt mọi dự báo"
    r"|(?<!mọi )(?<!các )(?<!với )dự báo"
    # "kỳ vọng đạt trên 910.000 tỷ đồng", not a verdict ("chưa đạt kỳ vọng")
    r"|(?<!đạt )(?<!mức )(?<!với )kỳ vọng"
    r"|dự toán"
    # the level a criterion requires, right before its figure ("tiêu chí thu nhập chưa đạt (45
    # triệu đồng, yêu cầu 50 triệu đồng)"); not "hồ sơ yêu cầu giải quyết là 1.200"
    r"|(?<!đáp ứng )(?<!theo )(?<!với )yêu cầu(?=\s*(?:(?:là|mức|tối thiểu|ít nhất|từ|trên"
    r"|không dưới)\s*)*:?\s*$)"
    # an obligation ("chú ý phải kết nạp được từ 1-2 đảng viên", "cần giải ngân 95%") is a
    # plan; "buộc phải", "không phải", "đã phải" tell what happened
    r"|(?<!buộc )(?<!không )(?<!đã )phải|cần phải|" + CAN + r"|sẽ"
    # a purpose: "để hoàn thành nhiệm vụ giải ngân 100% nguồn vốn"
    r"|để(?=\s+(?:hoàn thành|đạt|bảo đảm|đảm bảo))"
    # a resolve to do, not the noun ("với sự quyết tâm cao"): "Chính phủ quyết tâm tăng trưởng
    # GDP năm 2024 trên 7%"
    r"|" + QUYET_TAM + r")" + _E
)
GIVER_END_RE = re.compile(
    _W + r"(?:" + GIAO + r"|" + GIAO + r" là|đề ra|đặt ra|(?:được\s+)?phê duyệt(?:\s+là)?)"
    # "tổng vốn … được giao hơn 15.640 tỷ đồng": the plan given, with its bound
    r"(?:\s+(?:hơn|trên|gần|khoảng|là))?\s*[:]?\s*$"
    # "tỉnh giao năm 2016 đạt 48-50%": the plan given for a year
    r"|" + _W + GIAO + r"\s+(?:cho\s+)?năm\s+(?:19|20)[0-9]{2}\s+(?:đạt|là)\s*$"
    # "trong khi Nghị quyết HĐND đề ra là 11,5 – 12%": the plan set, named, then "là"
    r"|" + _W + r"(?:nghị quyết|nq[^\W\d_]*|kế hoạch|kh|chỉ tiêu|mục tiêu)(?:\s+[^\W\d_]+){0,4}?"
    r"\s+(?:đề ra|đặt ra)\s+là\s*$"
    # "Nghị quyết … đề ra là mỗi năm phát triển 2.000 đảng viên mới": what was set, told as a
    # clause of its own after "là"
    r"|" + _W + r"(?:đề ra|đặt ra)\s+(?:là|:)(?:\s+(?!(?:nhưng|song|kết quả|thực tế|đã|được"
    r"|thực hiện|chỉ|mới)(?![\w]))[^\W\d_]+){1,6}\s*$"
)
ACTUAL_VERB_RE = re.compile(
    _W + r"(đạt|ước|thực hiện|giải ngân|tăng|giảm|bằng|chiếm|hoàn thành|có)" + _E
)
PLAN_RIGHT_RE = re.compile(
    # ("181 tỷ đồng (gần 52%) so dự toán tỉnh giao": the share, then the plan after its bracket)
    # ("đạt từ 57% trở lên so với dự toán": the floor, then the plan)
    r"^\s*(?:trở\s+(?:lên|xuống)\s+)?"
    r"(?:(?:\(\s*so\s+(?:với\s+)?|\)?\s*so\s+(?:với\s+)?)?(?:tổng\s+)?"
    # "đã đạt 87% vốn kế hoạch", "giải ngân được 33,8% vốn đầu tư công theo kế hoạch": the
    # capital of the plan
    r"(?:(?:số\s+)?vốn(?:\s+[^\W\d_]+){0,3}?\s+(?:theo\s+)?(?=(?:kế hoạch|kh)(?![\w])))?"
    # ("KHNQ": the plan of the resolution, kế hoạch nghị quyết; "dự toán1": with the mark of
    # a footnote)
    r"(kế hoạch|kh|khnq|dự toán|chỉ tiêu|mục tiêu|nhiệm vụ|nghị quyết|nq|kịch bản)"
    r"(?![^\W\d_])"
    # "đạt 90% so với HĐND phường giao", "đạt 135,7% xã giao": the plan named by who gave it
    + r"|(?:so\s+(?:với\s+)?(?P<giver>[^,;()0-9]{2,40}?(?<![\w])giao)"
    r"|(?P<giver2>(?:[^\W\d_]+\s+){1,3}giao))" + _E + r")"
)
PLAN_BEFORE_RE = re.compile(
    r"so\s+(?:với\s+)?((?:kế hoạch|kh|dự toán|chỉ tiêu|mục tiêu)[^,;()]{0,30}?)\s*"
    r"(?:thì\s+)?(?:ước\s+)?(?:đạt|bằng)(?:\s+\w+)?\s*$"
)
# The bases of a comparison in time (or with an average): "so với cùng kỳ", "so với cả năm
# 2024", "so với năm học trước", "so với 6 tháng đầu năm 2024"
_SAME_PERIOD_BASES = (
    r"(cùng kỳ|năm trước|cuối năm|đầu năm|quý trước|tháng trước"
    r"|kỳ trước|năm ngoái|bình quân|trung bình|năm (?:19|20)[0-9]{2}|quý [ivx0-9]+|tháng [0-9]+"
    r"|thời điểm|đầu kỳ|cuối kỳ|cả năm (?:trước|ngoái|(?:19|20)[0-9]{2})|năm học trước"
    r"|vụ trước|[0-9]+ tháng (?:đầu )?năm (?:trước|ngoái|(?:19|20)[0-9]{2}))"
)
SAME_PERIOD_RIGHT_RE = re.compile(
    r"^\s*(?:\(\s*)?(?:so\s+(?:với\s+)?"
    # "bằng 126,86% so với thực hiện cùng kỳ năm 2017", "… so với số thu cùng kỳ"
    + r"(?:(?:số\s+)?(?:thực hiện|kết quả)\s+|số thu\s+)?" + _SAME_PERIOD_BASES
    # "bằng 518,2% so với nửa nhiệm kỳ 2015 - 2020": an earlier term, or half of it
    + r"|so\s+(?:với\s+)?(?:nửa\s+)?nhiệm kỳ\s+"
    r"(?:trước|(?:19|20)[0-9]{2}\s*[-–]\s*(?:19|20)[0-9]{2})"
    # "bằng 118% cùng kỳ": the earlier periods that need no "so với"; "đạt 95% SVCK": "so với
    # cùng kỳ", abbreviated
    + r"|(?:cùng kỳ|năm trước|năm ngoái|kỳ trước|quý trước|tháng trước|svck)(?![\w]))"
)
# "so với cùng kỳ bằng 110%", "so với năm trước thì đạt 105%": the basis written before the verb
SAME_PERIOD_BEFORE_RE = re.compile(
    r"so\s+(?:với\s+)?(" + _SAME_PERIOD_BASES[1:-1] + r")[^,;()]{0,20}?\s*"
    r"(?:thì\s+)?(?:ước\s+)?(?:đạt|bằng)(?:\s+\w+)?\s*$"
)
# "bằng 95% số hộ", "đạt 96,8% tổng số đảng viên": a share of a whole that is not a plan
TOTAL_RIGHT_RE = re.compile(
    r"^\s*(?:so\s+(?:với\s+)?)?(?:tổng số|tổng|số|dân số)(?![\w])"
)
SO_VOI_RIGHT_RE = re.compile(r"^\s*(?:\(\s*)?so\s+(?:với\s+)?(?P<basis>[^,;)]+)")
TREN_RE = re.compile(_W + r"(trên|hơn|vượt)\s*$")
DUOI_RE = re.compile(_W + r"(dưới|chưa đến|chưa tới)\s*$")
LE_RE = re.compile(_W + r"(không quá|không vượt quá|tối đa|không cao hơn|không vượt)\s*$")
GE_RE = re.compile(  # ("chứng từ 96 khoản": the word for documents)
    _W + r"((?<!chứng )từ|tối thiểu|ít nhất|không dưới|không thấp hơn|không ít hơn)\s*$"
)
SYMBOL_RE = re.compile(r"(>=|<=|≥|≤|>|<)\s*$")
NEG_RE = re.compile(_W + r"âm\s*$|(?:^|[\s(:])[-–−]\s?$")


_BOUND_HINT_RE = re.compile(r"[><≥≤]|trên|hơn|dưới|quá|tối|từ|ít nhất|không|chưa|trở")


_MOVED_FROM_RE = re.compile(_W + r"(?:tăng|giảm|nâng|hạ)(?:\s+[^\W\d_]+){0,6}?\s+từ\s*$")


# "(kế hoạch tăng 14,85%)", "(": the opening of a parenthesis that gives a plan's figure
PLAN_BRACKET_OPENING = r"\(\s*(?:kế hoạch|kh|chỉ tiêu|mục tiêu|nghị quyết|nq)?[^()0-9]{0,12}"


_MOVES_AFTER_RE = re.compile(r"^\s*(?:%\s*)?(?:xuống|lên)(?![\w])")


_OR_MORE_AFTER_RE = re.compile(r"^\s*(?:%\s*)?(?:[^\W\d_]+\s+){0,3}?trở lên")


_OR_LESS_AFTER_RE = re.compile(r"^\s*(?:%\s*)?(?:[^\W\d_]+\s+){0,3}?trở xuống")


def bound_of(left: str, right: str) -> str | None:
    if not (_BOUND_HINT_RE.search(left) or "trở" in right):
        return None
    m = SYMBOL_RE.search(left)
    if m:
        return {"≥": ">=", "≤": "<="}.get(m.group(1), m.group(1))
    # "giảm từ 3,5% xuống còn 2,6%", "giảm từ 3,49% với 1.925 hộ … xuống còn …": where it
    # moved from, not a bound
    moving = _MOVES_AFTER_RE.match(right) or _MOVED_FROM_RE.search(left)
    if _OR_MORE_AFTER_RE.match(right) or (
        GE_RE.search(left) and not moving  # "giảm từ 3,5% xuống còn 2,6%": not a bound
    ):
        return ">="
    if _OR_LESS_AFTER_RE.match(right) or LE_RE.search(left):
        return "<="
    if TREN_RE.search(left):
        return ">"
    if DUOI_RE.search(left):
        return "<"
    return None


def basis_text(right: str) -> str | None:
    """What a change/attainment is measured against: the words after "so với" or the plan."""
    m = SO_VOI_RIGHT_RE.match(right)
    if m:
        return _clip(m.group("basis"))
    m = PLAN_RIGHT_RE.match(right)
    if m:
        first = 1 if m.group(1) else ("giver" if m.group("giver") else "giver2")
        return _clip(right[m.start(first) :])
    return None


_CLIP_RE = re.compile(r"[,;()\n]|\.(?:\s|$)| và | tại | trong | do | nhờ | vì | nhưng | song ")


def _clip(s: str) -> str:
    s = _CLIP_RE.split(s)[0]
    words = s.split()
    return " ".join(words[:8]) or None


_INTENT_CUES = ("phấn đấu", "quyết tâm", "kỳ vọng", "dự kiến", "dự báo", "phải", "cần phải",
                "cần", "để", "sẽ", "đặt mục tiêu", "đặt ra mục tiêu")
_CLAUSE_CUES = (*_INTENT_CUES, "mục tiêu", "chỉ tiêu", "định hướng", "kịch bản")
_DUTY_CUES = ("phải", "cần phải", "cần")
_ONLY_REACHED_RE = re.compile(
    r"(?<![\w])(?:chỉ đạt|mới đạt|đạt được|thực hiện được|chỉ thực hiện|chỉ bằng|mới bằng)(?![\w])"
)
# an obligation is a plan when it names what is to be reached ("phải kết nạp được từ 1-2 đảng
# viên", "cần đạt 95%", "phải hoàn thành 100%"), an amount to collect or disburse ("bình quân
# phải thu 23.870 tỷ đồng/tháng"), or a change to be made ("GDP quý 4 cần tăng 10,6%")
_DUTY_REACH_RE = re.compile(
    r"(?<![\w])(?:được|đạt|hoàn thành|từ|ít nhất|tối thiểu|trên|không dưới|thu|giải ngân)(?![\w])"
)
_FILLER_RE = re.compile(
    r"(?<![\w])(cả năm|năm|quý|tháng|i|ii|iii|iv|giao|được giao|đề ra|là|đạt|ở mức|mức|tỉnh|"
    r"trung ương|địa phương|điều chỉnh|cả|kỳ|này)(?![\w])|[0-9/:><=≥≤]+"
)


_VERB_WORDS_RE = re.compile(r"(?<![\w])(đạt|được giao|tăng|giảm|tăng trưởng|còn|ước)(?![\w])")


_PLAN_IS_RE = re.compile(
    r"(?:\s+(?:đề ra|được giao|giao|năm|cả năm|nghị quyết))*\s*(?:là|:|=)?\s*"
    + _BOUND + r"\s*\(?\s*"
)

# "đạt 2% so với kế hoạch là 6,8%": the figure is compared with the plan written after it, so
# it is the actual, and the plan's own figure follows
VS_PLAN_IS_RIGHT_RE = re.compile(
    r"^\s*(?:\(\s*)?so\s+(?:với\s+)?(?:kế hoạch|kh|dự toán|chỉ tiêu|mục tiêu|kịch bản)"
    + r"(?:\s+(?:đề ra|được giao|giao|năm|cả năm|nghị quyết))*\s*(?:là|:|=)\s*"
    + _BOUND + r"\s*$"
)

# "theo Nghị quyết 90% trở lên", "theo kế hoạch 120 tỷ đồng": the plan a figure is held to
THEO_PLAN_RE = re.compile(
    _W + r"theo\s+(?:nghị quyết|kế hoạch|kh|chỉ tiêu|mục tiêu|dự toán)"
    r"(?:\s+(?:đề ra|được giao|giao|năm|cả năm))*\s*(?:là|:)?\s*"
    + _BOUND + r"\s*$"
)


# the words of a plan end on who set it and "là", then its figure
_PLAN_SET_IS_RE = re.compile(
    r"^(?:\s+[^\W\d_]+){0,8}?\s+(?:đề ra|đặt ra|giao|thông qua|phê duyệt|quyết định)\s+là\s*"
    + _BOUND + r"\s*$"
)


_BELONGS_BEFORE_RE = re.compile(r"(?<![\w])thuộc\s*$")


_FUNDS_BEFORE_RE = re.compile(r"(?<![\w])vốn\s*$")


_FORESEEN_COUNT_RE = re.compile(r"\s+có(?![\w])")


_TARGET_ABOUT_RE = re.compile(r"\s+về(?![\w])")


_STRIVE_BEFORE_RE = re.compile(r"(?<![\w])(?:phấn đấu|dự kiến)\s*$")


_LEVEL_WHEN_RE = re.compile(r"(?<![\w])khi\s+(?:mới|chỉ)?\s*(?:ở mức|đạt|là)(?![\w])")


_STILL_BEFORE_RE = re.compile(r"(?<![\w])còn\s*$")


_AND_RE = re.compile(r"(?<![\w])và(?![\w])")


_COMPARED_BEFORE_RE = re.compile(r"(?<![\w])so\s+(?:với\s+)?$")


def _governs(left: str, t: re.Match) -> bool:
    """Whether a plan word ("KH", "kế hoạch", "phấn đấu") governs the number that follows."""
    between = left[t.end() :]
    if _BELONGS_BEFORE_RE.search(left[: t.start()]):
        return False  # "vốn đầu tư giải ngân thuộc kế hoạch năm 2020 là …": what it belongs to
    if _FUNDS_BEFORE_RE.search(left[: t.start()]) and re.search(
        r"(?<![\w])(?:đạt|giải ngân|thực hiện)(?![\w])", between
    ):
        return False  # "vốn kế hoạch năm 2025 đạt 3.525 tỷ đồng": the plan's funds, disbursed
    if t.group(1) in ("dự báo", "dự kiến") and _FORESEEN_COUNT_RE.match(between):
        return False  # "dự báo có 13 chỉ tiêu đạt": how many are foreseen, a count
    if _PLAN_SET_IS_RE.search(between) and not re.search(r"[0-9]", between):
        return True  # "không đạt chỉ tiêu kế hoạch Quốc hội thông qua là 0,3": the plan's figure
    if t.group(1) == "chỉ tiêu" and _TARGET_ABOUT_RE.match(between):
        return False  # "chỉ tiêu về tốc độ tăng trưởng GRDP đạt 7,42%": names the indicator
    if t.group(1) not in _INTENT_CUES and re.match(
        r"\s+(?:không|chưa)?\s*(?:đạt|hoàn thành|vượt)(?![\w])", between
    ) and not _STRIVE_BEFORE_RE.search(left[: t.start()]):
        # "các chỉ tiêu chưa đạt gồm …": a verdict on the targets, not a plan (but "phấn đấu
        # chỉ tiêu đạt trên 41,8 vạn tấn" strives for it)
        return False
    if t.group(1) not in _INTENT_CUES and _ONLY_REACHED_RE.search(between):
        return False  # "chỉ tiêu tăng trưởng chỉ đạt được 7,18%": the result, told as short
    if _LEVEL_WHEN_RE.search(between):
        return False  # "chưa đạt mục tiêu đề ra khi mới ở mức 58,33%": the level reached
    if t.group(1) in _DUTY_CUES and not (
        _DUTY_REACH_RE.search(between) or CHANGE_LEFT_RE.search(between)
        or _STILL_BEFORE_RE.search(left[: t.start()])
    ):
        # "đến mức phải xử lý kỷ luật 5 đồng chí": what had to be done (but "số người còn phải
        # phát triển 6 tháng cuối năm là …" is what is still to be done, a plan)
        return False
    conj = list(_AND_RE.finditer(between))
    if conj and (
        ACTUAL_VERB_RE.search(between[conj[-1].end() :])
        or CHANGE_LEFT_RE.search(between[conj[-1].end() :])
        or not re.search(r"[0-9]", between[: conj[-1].start()])
    ):
        # "đạt 90,7% dự toán và tăng 22,7%": the plan word ends the clause before; "mục tiêu 26
        # giường bệnh và 8,6 bác sĩ/vạn dân": a list of plans goes on
        return False
    if _COMPARED_BEFORE_RE.search(left[: t.start()]):
        # "so với kế hoạch": the plan is the basis of a comparison, unless its own figure
        # follows ("so với kế hoạch là 6,8%")
        return bool(_PLAN_IS_RE.fullmatch(between))
    if ":" in between:  # "Chỉ tiêu giảm nghèo: Tỷ lệ hộ nghèo giảm 1,2": a label, not a plan
        after = _FILLER_RE.sub(" ", between.rsplit(":", 1)[1])
        after = _VERB_WORDS_RE.sub(" ", after)
        if len(after.split()) >= 2:
            return False
    # "KH cả năm: tăng 10%", "phấn đấu dư nợ tăng 5%": a planned change is still a plan;
    # after "phấn đấu" / "dự kiến" any verb is what is planned ("Dự kiến … giải ngân đạt 92%");
    # "kế hoạch giải ngân 700.000 tỷ đồng", "kế hoạch thu 500 tỷ đồng": the plan of a flow
    verbs = re.sub(r"(?<![\w])(đạt|được giao|tăng|giảm|tăng trưởng)(?![\w])", " ", between)
    if t.group(1) not in _INTENT_CUES and not _PLAN_OF_A_FLOW_RE.match(between) and (
        ACTUAL_VERB_RE.search(verbs)
    ):
        return False
    return len(_FILLER_RE.sub(" ", between).split()) <= _words_named(left, t, between)


_PLAN_OF_A_FLOW_RE = re.compile(
    r"\s+(?:giải ngân|thu|chi)(?![\w])(?:\s+(?!(?:đạt|được|là)(?![\w]))[^\W\d_]+){0,4}"
    r"\s*(?:là\s*)?$"
)


_GIVEN_BEFORE_RE = re.compile(r"(?<![\w])giao\s*$")


_FUNDS_AFTER_RE = re.compile(r"\s+vốn(?![\w])")


def _words_named(left: str, t: re.Match, between: str) -> int:
    """How many words a plan word may name before the figure it governs."""
    # "được giao dự toán thu ngân sách Nhà nước 270.000 tỷ đồng": a plan given names what
    if t.group(1) in _CLAUSE_CUES or _GIVEN_BEFORE_RE.search(left[: t.start()]):
        return 10
    if t.group(1) in ("kế hoạch", "kh") and _FUNDS_AFTER_RE.match(between) and not (
        _VERB_WORDS_RE.search(between)
    ):
        return 6  # "kế hoạch vốn đầu tư công (năm 2023) hơn 94.000 tỷ đồng": the plan's capital
    return 2


class _Around:
    """The words on each side of a number, lower case, and whether it is a %."""

    __slots__ = ("left", "pct", "right")

    def __init__(self, left: str, right: str, pct: bool) -> None:
        self.left, self.right, self.pct = left, right, pct


EXCESS_OVER_PLAN_RE = re.compile(
    _W + r"(?P<verb>vượt|hụt|thấp hơn|cao hơn)\s+(?:so\s+(?:với\s+)?)?"
    r"(?P<plan>(?:kế hoạch|kh|chỉ tiêu|mục tiêu|dự toán|kịch bản)"
    r"(?:\s+(?:nghị quyết|đề ra|được giao|giao|năm|cả năm|hđnd|tỉnh|huyện))*"
    # "vượt dự toán Quốc hội giao tới 5,4%": who gave it, then how far
    r"(?:(?:\s+[^\W\d_]+){1,4}?\s+giao)?)(?:\s+(?:tới|đến|khoảng|gần|hơn|trên))*\s*$"
    # "(tương đương vượt gần 70.000 tỷ đồng)": the same excess in the plan's unit
    r"|(?:tương đương|tương ứng)\s+(?P<verb3>vượt|hụt)(?:\s+(?:gần|khoảng|hơn|trên))*\s*$"
    # "vượt chỉ tiêu pháp lệnh được giao của năm 2016 là hơn 0,8%": the plan's words, then "là"
    # ("vượt so với kế hoạch đề ra là 6,11%" names the plan's own figure)
    r"|" + _W + r"(?P<verb2>vượt|hụt)\s+(?P<plan2>(?:kế hoạch|kh|chỉ tiêu"
    r"|mục tiêu|dự toán)(?:\s+(?!(?:và|tăng|giảm|đạt|bằng|chiếm|với|so)(?![\w]))[^\W\d_]+"
    r"|\s+(?:19|20)[0-9]{2}){1,8})\s+là(?:\s+(?:hơn|khoảng|gần|trên))?\s*$"
)


# "vượt mục tiêu 7% đề ra", "chưa đạt mục tiêu 95% Thủ tướng giao", "thấp hơn chỉ tiêu 90% của
# Nghị quyết": the plan named, its figure, then who set it: the plan's own figure
_PLAN_FIGURE_LEFT_RE = re.compile(
    _W + r"(?:đạt|vượt|hụt|thấp hơn|cao hơn)\s+(?:so\s+(?:với\s+)?)?(?:kế hoạch|kh|chỉ tiêu"
    r"|mục tiêu|dự toán)(?:\s+(?:nghị quyết|năm|cả năm))*"
    # what the plan is of ("mục tiêu giải ngân trên 95% đề ra")
    r"(?:\s+(?!(?:đạt|tăng|giảm|bằng|chiếm|và|so|với|là|còn)(?![\w]))[^\W\d_]+){0,2}\s*(?:là\s*)?"
    + _BOUND + r"\s*$"
)
_SET_BY_RIGHT_RE = re.compile(
    r"^\s*%?\s*(?:trở lên\s+|trở xuống\s+)?(?:(?:[^\W\d_]+\s+){0,4}?(?:đề ra|đặt ra|giao)"
    r"|(?:của|do)\s+(?:nghị quyết|quốc hội|chính phủ|thủ tướng|hđnd|ubnd|tỉnh|huyện|thành phố"
    r"|bộ|đại hội|ban))(?![\w])"
)


def _plan_figure_set_by(at: _Around):
    """"vượt mục tiêu 7% đề ra": the figure between the plan's name and who set it is the
    plan's own, not how far it was passed."""
    if _PLAN_FIGURE_LEFT_RE.search(at.left) and _SET_BY_RIGHT_RE.match(at.right):
        return "target", {"cue": "giver"}
    return None


# the words of setting or giving a plan that end what names who did it ("kế hoạch đề ra", "HĐND
# thành phố giao", "Bộ Y tế đặt", "Quốc hội chốt")
SET_BY_END_RE = re.compile(
    r"(?<![\w])(?:đề ra|đặt ra|đặt|" + GIAO + r"|chốt|thông qua|phê duyệt)\s*$"
)


def _excess_over_plan(at: _Around):
    """"vượt mục tiêu Nghị quyết 0,36%", "hụt kế hoạch 450 tỷ đồng": how far the result is over
    or under the plan named between the verb and the figure, a change against the plan."""
    m = EXCESS_OVER_PLAN_RE.search(at.left)
    if not m or (m.group("plan2") and SET_BY_END_RE.search(m.group("plan2"))):
        # "vượt kế hoạch đề ra là 11%", "vượt chỉ tiêu Chính phủ giao là 3 - 3,2%": the plan,
        # who set it, then "là" and the plan's own figure (_given_plan)
        return None
    verb = m.group("verb") or m.group("verb2") or m.group("verb3")
    plan = m.group("plan") or m.group("plan2") or "kế hoạch"
    down = verb in ("hụt", "thấp hơn")
    return "change", {"direction": "down" if down else "up", "basis": plan, "cue": "vượt"}


def _level_after_change(at: _Around):
    """"giảm còn 2,8%", "tăng lên 120 tỷ": the level reached, not a change."""
    if LEVEL_AFTER_CHANGE_RE.search(at.left):
        return "actual", {}
    return None


def _planned_change(at: _Around):
    """"(KH: tăng 10%)", "phấn đấu dư nợ tăng 5%": a planned change is a plan."""
    cues = list(TARGET_WORD_RE.finditer(at.left))
    if cues and _governs(at.left, cues[-1]) and CHANGE_LEFT_RE.search(at.left):
        return "target", {"cue": "target-word"}
    return None


_GROWTH_AFTER_RE = re.compile(r"\s*tăng trưởng(?![\w])")


_JOBS_BEFORE_RE = re.compile(r"(?<![\w])việc làm\s*$")


_MET_AND_BEFORE_RE = re.compile(r"(?<![\w])đạt\s+và\s*$")


_CLOSES_AFTER_RE = re.compile(r"\s*%?\s*(?:$|[,;.)…])")


def _change_verb(at: _Around):
    """"tăng/giảm X", "gấp X lần", "vượt X% kế hoạch" (a "vượt" needs its basis after)."""
    m = CHANGE_LEFT_RE.search(at.left)
    if not m and at.pct and _GROWTH_AFTER_RE.match(at.right):
        # "chỉ đạt 0,5% tăng trưởng": the growth, named after its figure
        return "change", {"direction": "up", "basis": "cùng kỳ", "cue": "change"}
    if not m or _JOBS_BEFORE_RE.search(at.left[: m.start()]):
        return None  # "tạo việc làm tăng thêm được 6.000 người": the jobs created, a level
    if m.group("verb") == "tăng trưởng" and re.search(r"(?<![\w])(?:mức|tốc độ)\s*$",
                                                      at.left[: m.start()]):
        return "actual", {"cue": "rate"}  # "đạt mức tăng trưởng 7,09%": the rate reached
    verb = m.group("verb")
    if verb == "vượt" and _MET_AND_BEFORE_RE.search(at.left[: m.start()]):
        return None  # "thực hiện đạt và vượt trên 90% chỉ tiêu kế hoạch": the share reached
    if verb == "vượt":
        if PLAN_RIGHT_RE.match(at.right) or SAME_PERIOD_RIGHT_RE.match(at.right):
            return "change", {"direction": "up", "basis": basis_text(at.right), "cue": "vượt"}
        if not at.left[: m.start()].strip(" ,") or (
            at.pct and _CLOSES_AFTER_RE.match(at.right)
        ):
            # "tỷ lệ bao phủ đạt 93,5%, vượt 0,3%", "ước đạt 50 triệu đồng, vượt 9 triệu đồng",
            # "khu vực có vốn đầu tư nước ngoài vượt 41,5%, …": the excess over the plan
            return "change", {"direction": "up", "basis": "kế hoạch", "cue": "vượt"}
        return None
    down = verb in ("giảm", "giảm thêm", "rút ngắn", "thấp hơn", "hụt", "chậm hơn")
    return "change", {"direction": "down" if down else "up",
                      "basis": basis_text(at.right) or "cùng kỳ", "cue": "change"}


# "cao hơn cùng kỳ 1,5 tạ/ha", "giảm so với năm trước 3 vụ": the verb and its basis before
CHANGE_WITH_BASIS_LEFT_RE = re.compile(
    _W + r"(?P<verb>tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn)\s+(?:so\s+(?:với\s+)?)?"
    # ("so với cùng kỳ năm trước là 25,61%", "cao hơn trung bình cả nước 1,75%", "thấp hơn
    # tiến độ thu 11,4%": the period, the whole averaged or the schedule the result lags)
    r"(" + _SAME_PERIOD_BASES[1:-1] + r"|tiến độ(?:\s+(?:thu|giải ngân|chung|kế hoạch))?)"
    r"(?:\s+(?:cả nước|toàn quốc|cả tỉnh|toàn tỉnh|chung|của (?:cả nước|tỉnh|vùng|huyện))"
    # (the year of the period compared with only after "so với": "cao hơn cùng kỳ năm 2023
    # là 6,27%" gives that year's own figure)
    r"|(?<=so với cùng kỳ)(?P<year>\s+(?:năm trước|năm ngoái|năm (?:19|20)[0-9]{2})))?"
    r"(?:\s+(?:là|khoảng))?\s*$"
)


_PAREN_CLOSES_AFTER_RE = re.compile(r"\s*%?\s*\)")


def _change_after_its_basis(at: _Around):
    """"cao hơn cùng kỳ 1,5 tạ/ha": a change whose basis is written between verb and figure."""
    m = CHANGE_WITH_BASIS_LEFT_RE.search(at.left)
    if not m or (m.group("year") and _PAREN_CLOSES_AFTER_RE.match(at.right)):
        return None  # "thấp hơn so với cùng kỳ năm 2021 (63,86%)": that period's own figure
    down = m.group("verb") in ("giảm", "thấp hơn", "ít hơn")
    return "change", {"direction": "down" if down else "up", "basis": m.group(2),
                      "cue": "change"}


# "(cùng kỳ năm 2021 đạt 69,19%)", "(cùng kỳ năm 2024: 6,5%)": the earlier period's own figure
_EARLIER_FIGURE_RE = re.compile(r"^\s*\(\s*(?:so\s+(?:với\s+)?)?cùng kỳ[^()]*?(?:đạt|là|:)\s*$")


def _as_written_vs_period(at: _Around):
    """"bằng 121% so với cùng kỳ": a ratio to an earlier period, a change as written (planned
    when an aim governs it: "Phấn đấu tăng trưởng GRDP đạt 8,5% so với thực hiện năm 2023")."""
    if at.pct and SAME_PERIOD_RIGHT_RE.match(at.right) and not CHIEM_LEFT_RE.search(at.left) and (
        not _EARLIER_FIGURE_RE.match(at.right)
    ):
        cues = list(TARGET_WORD_RE.finditer(at.left))
        if cues and _governs(at.left, cues[-1]):
            return None
        return "change", {"basis": basis_text(at.right), "cue": "as-written"}
    return None


def _vs_plan_is(at: _Around):
    """"đạt 2% so với kế hoạch là 6,8%": the figure is the actual, the plan's follows."""
    if VS_PLAN_IS_RIGHT_RE.match(at.right) and not CHIEM_LEFT_RE.search(at.left):
        return "actual", {"cue": "vs-plan"}
    return None


# "(vượt so với Nghị quyết đề ra là 40%)": the plan compared with, and its figure
VS_PLAN_LEFT_RE = re.compile(
    _W + r"(?:so\s+(?:với\s+)?|trong khi\s+)(?:nghị quyết|kế hoạch|kh|chỉ tiêu|mục tiêu|dự toán"
    r"|kịch bản)(?:\s+(?:đề ra|được giao|giao|năm|cả năm|phê duyệt|được phê duyệt"
    # ("so với kế hoạch đề ra đầu năm 2022 là 8,42%": when it was set)
    r"|(?:từ\s+)?(?:đầu|cuối)\s+năm(?:\s+(?:19|20)[0-9]{2})?|(?:19|20)[0-9]{2}))*\s*(?:là|:)\s*"
    + _BOUND + r"\s*$"
)


def _held_to_plan(at: _Around):
    """"theo Nghị quyết 90% trở lên", "so với Nghị quyết đề ra là 40%": the plan a figure is
    held to."""
    if THEO_PLAN_RE.search(at.left) or VS_PLAN_LEFT_RE.search(at.left):
        return "target", {"cue": "giver"}
    return None


_COMPARED_PAREN_AFTER_RE = re.compile(r"^\s*\(?\s*so\s")


def _plan_after(at: _Around):
    """"đạt 98% kế hoạch", "bằng 33% dự toán": a % of the plan named after it; a share
    compared with a plan ("chiếm tỷ lệ 83,45% so với chỉ tiêu Nghị quyết") too. A share of
    the plan aimed at ("phấn đấu hoàn thành giải ngân 100% kế hoạch vốn") is itself a plan."""
    if not (at.pct and PLAN_RIGHT_RE.match(at.right)):
        return None
    cues = list(TARGET_WORD_RE.finditer(at.left))
    if cues and cues[-1].group(1) in _INTENT_CUES and _governs(at.left, cues[-1]):
        return "target", {"cue": "target-word"}
    if (
        not CHIEM_LEFT_RE.search(at.left) or _COMPARED_PAREN_AFTER_RE.match(at.right)
    ):
        return "attainment", {"basis": basis_text(at.right), "cue": "plan-right"}
    return None


_OF_THE_PLAN_RIGHT_RE = re.compile(
    r"^(?:\s+[^\W\d_]+){0,3}?\s+theo\s+(?:kế hoạch|kh|chỉ tiêu|nghị quyết)(?![\w])"
)


_TOTAL_BEFORE_RE = re.compile(r"(?<![\w])tổng\s+số\s*$")


def _total_the_plan_sets(at: _Around):
    """"kết nạp được 39 đảng viên mới trong tổng số 200 đảng viên mới theo kế hoạch": the total
    the plan sets, which the figure before is out of."""
    if not at.pct and _TOTAL_BEFORE_RE.search(at.left) and (
        _OF_THE_PLAN_RIGHT_RE.match(at.right)
    ):
        return "target", {"cue": "giver"}
    return None


_PLAN_AFTER_RE = re.compile(r"^\s*(?:kế hoạch|dự toán)(?:\s+vốn)?(?![\w])")


def _amount_of_a_plan(at: _Around):
    """"(bao gồm 657 tỷ đồng kế hoạch vốn …)": an amount the plan noun after it names."""
    if not at.pct and _PLAN_AFTER_RE.match(at.right):
        return "target", {"cue": "giver"}
    return None


# "UBND tỉnh đã phân bổ 7.309,85 tỉ đồng", "bố trí vốn cho các dự án hơn 500 tỷ đồng", "Vốn
# huyện quản lý hơn 1.630 tỉ đồng": the capital allocated, which what is disbursed is set
# against
ALLOCATED_LEFT_RE = re.compile(
    _W + r"(?:(?:phân bổ|bố trí)(?:\s+(?:vốn|chi tiết|cho\s+[^,;:()0-9]{1,40}?"
    r"|(?:cả\s+)?năm\s+(?:19|20)[0-9]{2}))*"
    r"|vốn\s+(?:[^\W\d_]+\s+){1,3}quản lý"
    # "được giao các nguồn vốn trên", "đã giao và phân bổ chi tiết kế hoạch vốn đầu tư công với
    # tổng số vốn là", "được phân bổ kế hoạch vốn để đầu tư cơ sở hạ tầng là"
    r"|(?:phân bổ|bố trí|" + GIAO + r")(?:\s+(?:và phân bổ|và giao|chi tiết))*\s+(?:các\s+)?"
    r"(?:nguồn\s+)?"
    r"(?:kế hoạch\s+)?vốn(?![\w])(?:(?!giải ngân|thanh toán|thực hiện|đạt)[^,;:()0-9]){0,60}?)"
    r"(?:\s+(?:là|được|hơn|trên|gần|khoảng|tổng cộng))*\s*:?\s*$"
)
_REACHED_RIGHT_RE = re.compile(r"^\s*,?\s*\(?\s*(?:đạt|bằng)(?![\w])")
NOT_YET_RE = re.compile(r"(?<![\w])(?:chưa|không)(?![\w])")


def _allocated(at: _Around):
    """"đã phân bổ 7.309,85 tỉ đồng": the capital allocated is the plan of what is disbursed
    (unless the share of a plan it reached follows: "đã phân bổ 95 tỷ đồng, đạt 80% …")."""
    if not at.pct and ALLOCATED_LEFT_RE.search(at.left) and not _REACHED_RIGHT_RE.match(at.right):
        # ("số vốn chưa phân bổ", what is left: sentence_roles._not_yet_allocated)
        return "target", {"cue": "giver", "allocated": True}
    return None


def _given_plan(at: _Around):
    """"HĐND tỉnh giao 15.847,2": a plan given by someone."""
    if GIVER_END_RE.search(at.left):
        return "target", {"cue": "giver"}
    return None


# "Tổng kế hoạch vốn đầu tư công năm 2025 của tỉnh là 9.846,5 tỷ đồng", "Số biên chế công
# chức giao năm 2025 là 2.614": the clause's subject is a plan (a plan noun, or what was
# given to someone) and "là" joins it to its figure
PLAN_SUBJECT_RE = re.compile(
    r"^\s*(?:[-–•+]\s*)?"
    # ("Năm 2019 dự toán thu từ đất là …": the year the plan is for, told first)
    r"(?:(?:năm|quý\s+[ivx]+|tháng\s+[0-9]{1,2})(?:\s*/?\s*(?:19|20)[0-9]{2})?\s*,?\s+)?"
    r"(?:(?:tổng|số)\s+)?(?:(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu)" + _E
    # ("… giao năm 2021 cho huyện Hớn Quản (Tỉnh Bình Phước) là")
    + r"(?:[^,;:()]|\([^()]*\))*?|[^\W\d_][^,;:()]*?(?<![\w])(?:được\s+)?" + GIAO
    + r"(?:\s+(?:cho\s+[^,;:()]*?|(?:cả\s+)?năm(?:\s+[0-9]{4})?|tổng cộng|tổng số))?\s+)"
    + _W + r"là\s*"
    + _BOUND + r"\s*$"
)


def _plan_is_subject(at: _Around):
    """"Kế hoạch vốn năm 2025 của tỉnh là 9.846,5 tỷ đồng": the subject is the plan."""
    m = PLAN_SUBJECT_RE.match(at.left)
    if m and not ACTUAL_VERB_RE.search(at.left):
        return "target", {"cue": "target-word"}
    return None


def _plan_word(at: _Around):
    """"KH: 9.950", "chỉ tiêu 95%", "dự toán 10.500 tỷ đồng": a plan word governs it."""
    cues = list(TARGET_WORD_RE.finditer(at.left))
    if cues and _governs(at.left, cues[-1]):
        return "target", {"cue": "target-word"}
    return None


def _share(at: _Around):
    """"chiếm 10%", "tỷ lệ 93,3%": a share, an actual with its basis."""
    if CHIEM_LEFT_RE.search(at.left):
        return "actual", {"basis": _clip(at.right.lstrip(" %")), "cue": "share"}
    return None


def _plan_before_verb(at: _Around):
    """"so với kế hoạch đạt 95%": the plan named before the verb."""
    m = PLAN_BEFORE_RE.search(at.left) if at.pct and BY_LEFT_RE.search(at.left) else None
    if m:
        return "attainment", {"cue": "plan-right", "basis": m.group(1)}
    return None


def _period_before_verb(at: _Around):
    """"so với cùng kỳ bằng 110%": an earlier period named before the verb, a change."""
    m = SAME_PERIOD_BEFORE_RE.search(at.left) if at.pct and BY_LEFT_RE.search(at.left) else None
    if m:
        return "change", {"cue": "as-written", "basis": m.group(1)}
    return None


# "số hồ sơ trực tuyến của cả năm 2021", "… của quý I năm 2022": the whole of an earlier period
_OF_A_PERIOD_RE = re.compile(
    r"^[^,;()]{0,50}?(?<![\w])(?:của|trong)\s+(?:cả\s+)?(?:năm\s+(?:19|20)[0-9]{2}|quý\s+[ivx0-9]+"
    r"|tháng\s+[0-9]+|cùng kỳ|năm trước|năm ngoái)"
)


_RATE_AFTER_VERB_RE = re.compile(
    _W + r"(?:đạt|bằng|chiếm)\s+(?:tỷ lệ|tỉ lệ)(?:\s+[^\W\d_]+){0,4}\s*$"
)


def _share_of_total(at: _Around):
    """"bằng 95% số hộ", "đạt 96,8% tổng số đảng viên", "đạt tỷ lệ bao phủ 86,5% dân số": a
    share of a whole, not a plan; "bằng 205,6% số hồ sơ … của quý I năm 2022": a ratio to an
    earlier period, a change."""
    by = BY_LEFT_RE.search(at.left) or _RATE_AFTER_VERB_RE.search(at.left)
    if at.pct and by and TOTAL_RIGHT_RE.match(at.right):
        if _OF_A_PERIOD_RE.match(at.right.lstrip(" %")):
            return "change", {"cue": "as-written", "basis": _clip(at.right.lstrip(" %"))}
        return "actual", {"cue": "share", "basis": _clip(at.right.lstrip(" %"))}
    return None


# words after a % that do not name the whole it is a share of
_NOT_A_WHOLE_RE = re.compile(
    r"^\s*(?:so|với|kế hoạch|kh|dự toán|chỉ tiêu|mục tiêu|nhiệm vụ|nghị quyết|kịch bản|phương án"
    # ("đạt 85,69% trên tổng số án thụ lý": of the whole)
    r"|yêu cầu|tiến độ|cùng kỳ|năm|quý|tháng|trở|trên(?!\s+tổng\s+số)|dưới|và|hoặc|đến|tới|của"
    r"|trong(?!\s+tổng\s+số)|tại|nhưng"
    r"|theo|về|là|thì|nên|do|vì|khi|sau|trước|mức|lên|xuống|điểm|giá trị kế hoạch|kế|trở lên"
    r"|trở xuống|tổng kế hoạch|so với|cả|ước|đạt|tăng|giảm|bằng|vượt|được|đã|sẽ|đang|còn)(?![\w])"
)


_LETTER_RE = re.compile(r"[^\W\d_]")


def _share_of_a_whole(at: _Around):
    """"đạt 22,30% lực lượng lao động trong độ tuổi", "bằng 40% giá trị hợp đồng": a % reached
    of a whole its words name (not a plan, a basis in time or a bound) is an actual share."""
    right = at.right.lstrip(" %")
    if (
        at.pct
        and BY_LEFT_RE.search(at.left)
        and _LETTER_RE.match(right)
        and right[:1].islower()
        and not _NOT_A_WHOLE_RE.match(right)
    ):
        return "actual", {"cue": "share", "basis": _clip(right)}
    return None


_RATE_BEFORE_RE = re.compile(r"(?<![\w])(tỷ lệ|tỉ lệ)\s*$")


def _by_verb(at: _Around):
    """"đạt 90,4%", "tỷ lệ 96%": a % after a verb of level; the sentence decides later
    whether it is the rate itself or the share of a count done."""
    if at.pct and BY_LEFT_RE.search(at.left):
        share = _RATE_BEFORE_RE.search(at.left)
        return "actual", {"cue": "share" if share else "by", "basis": basis_text(at.right)}
    return None


# The role the words around a number give: the first of these that decides, in this order.
_LOCAL_RULES = (
    _plan_figure_set_by,
    _excess_over_plan,
    _level_after_change,
    _planned_change,
    _change_verb,
    _change_after_its_basis,
    _as_written_vs_period,
    _vs_plan_is,
    _held_to_plan,
    _plan_after,
    _total_the_plan_sets,
    _amount_of_a_plan,
    _allocated,
    _given_plan,
    _plan_is_subject,
    _plan_word,
    _share,
    _plan_before_verb,
    _period_before_verb,
    _share_of_total,
    _share_of_a_whole,
    _by_verb,
)


def local_role(left: str, right: str, unit_kind: str) -> tuple[str, dict]:
    """Role from the words just around a number (before the statement is known).

    ``left`` is the lower-cased text of the clause before the number, ``right`` the text after
    its unit up to the next number. Returns (role, extras) where extras may hold direction,
    basis and a ``cue`` naming what decided it: the first of :data:`_LOCAL_RULES` that
    decides, else ``actual``.
    """
    at = _Around(left, right, unit_kind == "percent")
    for rule in _LOCAL_RULES:
        got = rule(at)
        if got is not None:
            return got
    return "actual", {}
