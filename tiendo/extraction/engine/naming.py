"""Naming statements: the subject a clause names before its verb, a sentence's label, the
counted noun and its modifiers. Names are free text (not scored), kept short and readable."""

from __future__ import annotations

import re

from . import lexicon
from .mentions import Mention, _flat
from .roles import SET_BY_END_RE

_LEAD_FILLER_RE = re.compile(
    r"^(?:\s|[-–•*+:]|\(?[0-9]{1,2}[)/]|[0-9]+(?:\.[0-9]+)*\.|[a-zđ]\)|"
    # ("Trong số đó, số người tham gia …", "Trong số này, …": the part of a whole told before)
    r"và|còn|riêng|trong số (?:đó|này)|trong đó|bao gồm|gồm|cụ thể|nhưng|song|tuy nhiên"
    r"|theo (?:kế hoạch|dự toán)\s*,|"
    r"đồng thời|ngoài ra|với|nổi bật nhất là|nổi bật là|nổi bật|đáng chú ý là|đáng chú ý|"
    # "Một là, tốc độ tăng trưởng …", "Thứ hai, …": the items of an enumeration
    r"(?:(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười) là|thứ (?:nhất|hai|ba|tư|năm|sáu))(?=,)|"
    r"trong|đó|như|điển hình như|tính|lũy kế|đến nay|hiện nay|hiện|toàn tỉnh|toàn thành phố|"
    r"toàn huyện|toàn xã|toàn quốc|cả nước|toàn ngành|"
    # "Ước thu ngân sách … là 404 tỷ đồng": an estimate told before what it is of
    r"(?:dự\s+)?ước(?:\s+tính)?(?=\s+[^\W\d_])(?!\s+(?:đạt|thực hiện|là|khoảng)(?![\w]))|"
    # "…, so cùng kỳ tăng 11,44%": the basis told before the verb names nothing
    r"so\s+(?:với\s+)?cùng kỳ(?:\s+năm\s+(?:trước|ngoái|(?:19|20)[0-9]{2}))?|"
    # "So với năm học 2012-2013, tỷ lệ đỗ tốt nghiệp …": the basis told first, then a comma
    r"so\s+(?:với\s+)?[^,;:0-9]{1,40}(?:(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:19|20)[0-9]{2})?)?\s*,|"
    r"đã|có|về)+(?![\w])",
)


_SUBJECT_STOP_RE = re.compile(
    # ("Tỷ lệ trường đạt chuẩn quốc gia": what the counted meet names them)
    r"(?<!tốc độ )(?<![\w])(ước đạt|chỉ đạt|đạt(?!\s+chuẩn)|ước tính"
    r"|ước(?!\s+(?:tỷ lệ|tỉ lệ|tốc độ))|"
    # ("Giá trị tăng thêm toàn ngành": value added, a noun)
    r"tăng trưởng|(?<!giá trị )tăng|(?<!cắt )giảm|bằng|chiếm|"
    r"là|có|tương đương|tương ứng|"
    r"khoảng|gấp|cao hơn|thấp hơn|nhiều hơn|ít hơn|không quá|tối đa|vượt|kh|hụt|chậm hơn|"
    r"(?:trên|dưới|hơn|gần|từ)(?=\s*[-–>]?\s*$)|"
    r"kế hoạch|chỉ tiêu|mục tiêu|dự toán|kịch bản|phương án|định hướng|so với"
    # "…, yêu cầu 50 triệu đồng": the level required, right before its figure
    r"|yêu cầu(?=\s*(?:là\s*)?:?\s*$))(?![\w])"
)


_NOT_SUBJECT_WORDS = {
    "tổng", "số", "mức", "tỷ", "tỉ", "lệ", "cả", "năm", "quý", "tháng", "i", "ii", "iii", "iv",
    "được", "đã", "thì", "toàn", "tỉnh", "nay", "đến", "cộng", "ước", "còn", "các", "những",
    "ngày", "tính", "bình", "quân", "mỗi", "chỉ", "tương", "đương", "ứng", "so",
    # adverbs that stand before a verb without naming anything ("cũng tăng", "vẫn đạt")
    "cũng", "vẫn", "đều", "lại", "sẽ", "đang", "mới", "tiếp", "tục", "bước", "đầu", "cơ",
    "bản", "hằng", "hàng", "nhìn", "chung", "dồn", "khá", "rất", "nhẹ", "mạnh", "cao",
    "thấp", "thực", "hiện", "nữa", "thêm", "luôn", "ổn", "định", "lượng", "trọng",
    # the negation of a verdict ("…, chưa đạt dự toán đề ra là 600 tỷ đồng")
    "chưa", "không",
    # a concession about the same figure ("…, dù tăng 5% so với cùng kỳ nhưng …")
    "dù", "mặc", "tuy", "dẫu",
    # the resolution that sets a plan names no indicator ("(Nghị quyết tăng 6,5%)")
    "nghị", "quyết", "nq",
    # a conjunction or an approximation before the verb ("… nhưng ước tính thu được chỉ",
    # ", gần bằng 61,9% dự toán")
    "nhưng", "song", "nhiên", "gần", "xấp", "xỉ", "hơn", "trên", "dưới", "khoảng",
    # words that restate, point back or lead in ("…, tức tăng hơn 100%", "Đây là …", "Sau hơn
    # 10 tháng …", "Nhằm thực hiện …")
    "tức", "hay", "đây", "sau", "nhằm", "để", "từ", "với", "như", "vậy", "thế",
}


def _names_nothing(word: str) -> bool:
    """A word that names no indicator: one of :data:`_NOT_SUBJECT_WORDS`, or the abbreviation
    of a resolution ("NQHĐND", "NQĐH"; no Vietnamese word begins with "nq")."""
    return word in _NOT_SUBJECT_WORDS or word.startswith("nq")


_WORD_RE = re.compile(r"[^\W\d_]+")
_DIGIT_RE = re.compile(r"[0-9]")


_SPACES_RE = re.compile(r"\s+")


def _subject(clause: str, need_verb: bool = False) -> str | None:
    """The indicator named before the verb of a clause, or None when the clause starts with
    a verb/cue ("tăng 5%", "KH: …", "đạt 4,8%")."""
    c = _flat(clause)
    colon = c.rfind(":")
    before = c.rfind(":", 0, colon) if colon >= 0 and not c[colon + 1 :].strip() else -1
    if before >= 0 and not _DIGIT_RE.search(c, before, colon):
        # "Điều chỉnh dự toán … như sau: Tổng thu ngân sách …:" right before its figure: the
        # item the last colon labels
        label = _subject(clause[before + 1 : colon], need_verb)
        if label:
            return label
    if colon >= 0 and _SUBJECT_STOP_RE.search(c.lower(), colon):
        # "Chỉ tiêu 1: Tốc độ tăng trưởng đạt", "Về ngân hàng: Vốn huy động đạt"; when the
        # words after the colon name nothing ("Thu ngân sách: ước thực hiện đạt"), the label
        return _subject(clause[colon + 1 :], need_verb) or _subject(clause[:colon], False)
    low = c.lower()
    purpose = _PURPOSE_RE.match(low)
    if purpose:  # "Để đạt được mục tiêu này, GDP quý 4 cần tăng": what the purpose is for
        return _subject(clause[purpose.end() :], need_verb)
    span = _subject_span(low, need_verb)
    if span is None:  # words trailing the previous number, not a new subject
        return None
    start, end = span
    words = _WORD_RE.findall(low[start:end])
    if all(_names_nothing(w) for w in words):
        return None
    # keep the original case, trimmed
    raw = _SPACES_RE.sub(" ", clause[start:end]).strip(" -–:,;")
    if ":" in raw:  # "Về ngân hàng: Vốn huy động", "Số lao động được giải quyết việc làm:"
        raw = [p for p in raw.split(":") if p.strip()][-1].strip()
    parts = raw.split(", ")
    # "Với sự quan tâm chỉ đạo …, thu ngân sách …": the circumstances the clause opens on
    if len(parts) > 1 and _CIRCUMSTANCE_RE.match(low):
        parts.pop(0)
    while len(parts) > 1 and (  # "Trong quý I, phát hiện …", "Bộ Tài chính cho biết, …"
        _is_filler(parts[0]) or _REPORTED_BY_RE.search(parts[0])
        or _CIRCUMSTANCE_RE.match(parts[0])
    ):
        parts.pop(0)
    raw = ", ".join(parts)
    told = list(_TOLD_BY_RE.finditer(raw))
    if told and _names_something(raw[told[-1].end() :].lower()):
        # "Tại kỳ họp, ông …, Phó Chủ tịch UBND TP cho biết, năm 2023, tổng sản phẩm …": who
        # told it, then what is measured
        raw = raw[told[-1].end() :]
        parts = raw.split(", ")
        while len(parts) > 1 and _is_filler(parts[0]):
            parts.pop(0)
        raw = ", ".join(parts)
    raw = _TRAILING_PERIOD_RE.sub("", raw).strip(" -–:,;")
    raw = _TRAILING_ADVERB_RE.sub("", raw)
    if _is_filler(raw):
        return None
    return raw or None


# the plan word a subject stops at, with what may follow it before the plan's own words
_PLAN_HEAD_RE = re.compile(
    r"(?:kế hoạch|kh|chỉ tiêu|mục tiêu|dự toán)(?![\w])(?:\s+(?:chung|là)(?![\w]))?\s*"
)


def _names_who_set_the_plan(low: str, start: int, stop: re.Match | None) -> bool:
    """"(Bộ Y tế đặt mục tiêu chung 88,5%)": the words before the plan word name who set the
    plan, not what it measures."""
    return stop is not None and bool(
        SET_BY_END_RE.search(low, start, stop.start())
        and _PLAN_HEAD_RE.match(low, stop.start())
    )


# the phrases that frame a clause before its subject, closed by a comma: who told it, since
# or until when ("Theo Sở KH&ĐT, …", "Được biết, …", "Đến hết quý III năm 2020, …")
_FRAME_RE = re.compile(
    r"\s*(?:theo|được biết|(?:tính\s+)?(?:đến|tới)(?:\s+(?:hết|cuối|ngày|nay|thời điểm))?|tại thời"
    r" điểm|từ đầu năm|trong|qua|sau)(?![\w])[^,;:()]{0,80}$"
)


def _after_frames(low: str, start: int) -> int:
    """Where the clause ``low`` goes on after the comma-closed phrases it opens on that frame
    it (:data:`_FRAME_RE`), so that the words of a frame ("Sở KH&ĐT") are not read as its
    cue; ``start`` when none does, or when nothing would be left."""
    while (comma := low.find(",", start)) >= 0 and (
        _FRAME_RE.match(low, start, comma) or _is_filler(low[start:comma])
    ) and _names_something(low[comma + 1 :]):
        start = comma + 1
    return start


def _subject_span(low: str, need_verb: bool) -> tuple[int, int] | None:
    """Where the subject of the clause ``low`` lies: after the words it opens on that name
    nothing and the phrases that frame it, up to its verb or cue; None when ``need_verb`` and
    no verb follows."""
    m = _LEAD_FILLER_RE.match(low)
    start = m.end() if m else 0
    framed = _after_frames(low, start)
    if framed > start:  # "Theo báo cáo của Bộ Tài chính, ước giải ngân …": the words after
        m = _LEAD_FILLER_RE.match(low[framed:])  # the frame may open on some that name nothing
        start = framed + (m.end() if m else 0)
    stop = _SUBJECT_STOP_RE.search(low, start)
    if stop is not None and not low[start : stop.start()].strip() and (
        stop.group(1) in ("tăng trưởng", "tăng", "giảm")
    ):
        # "Tăng trưởng tín dụng đạt 7%", "…; giảm nghèo đạt 122% kế hoạch": a noun when a verb
        # follows its words; ", tăng trưởng 18%", "giảm 5%": a verb
        after = _SUBJECT_STOP_RE.search(low, stop.end())
        if after is not None and (stop.group(1) == "tăng trưởng" or (
            _WORD_RE.search(low, stop.end(), after.start())
            and not re.match(r"\s*cường|[^,;]*[,;]", low[stop.end() : after.start()])
            and after.group(1) in ("đạt", "ước đạt", "là", "bằng", "chiếm")
        )):
            stop = after
    elif stop is not None and not low[start : stop.start()].strip() and (
        named := _NAMED_TARGET_RE.match(low, stop.start())
    ):
        # "chỉ tiêu tỷ lệ đô thị hóa chưa hoàn thành (…)", "chỉ tiêu về tốc độ tăng trưởng GRDP
        # đạt 7,42%": the target it names
        start = named.end()
        stop = _SUBJECT_STOP_RE.search(low, start)
    if stop is None and need_verb:
        return None
    if _names_who_set_the_plan(low, start, stop):
        # "(Bộ Y tế đặt mục tiêu chung 88,5%)": who set the plan names nothing; "ngành nông
        # nghiệp đặt chỉ tiêu trồng trọt 11.397,2 ha": what the plan is of, after its word
        after_plan = _PLAN_HEAD_RE.match(low, stop.start())
        start = after_plan.end() if after_plan else stop.start()
        stop = _SUBJECT_STOP_RE.search(low, start)
    return start, (stop.start() if stop else len(low))


_PURPOSE_RE = re.compile(r"^\s*(?:để|nhằm)\s[^,;:()0-9]{1,80}?,\s*")


_NAMED_TARGET_RE = re.compile(
    r"(?:chỉ tiêu|mục tiêu|kế hoạch|dự toán)\s+(?:về\s+)?(?=(?:tỷ lệ|tỉ lệ|tốc độ|tổng|số|giá trị"
    r"|thu|chi|kim ngạch|sản lượng|diện tích|thu nhập|giải ngân|vốn)(?![\w]))"
)


_TRAILING_PERIOD_RE = re.compile(
    r"(?:\s+(?:trong\s+)?(?:quý\s+[ivx0-9]+|tháng\s+[0-9]+|năm\s+[0-9]{4}|[0-9]+\s+tháng)"
    r"(?:\s*(?:/|năm)\s*[0-9]{4})?)+\s*$",
    re.IGNORECASE,
)


_TRAILING_ADVERB_RE = re.compile(
    # ("nông thôn mới", the new countryside, keeps its "mới")
    r"(?:\s+(?:cũng|vẫn|đều|lại|sẽ|đang|chỉ|(?<!thôn )mới|đã|được|tiếp tục|bình quân|mỗi tháng"
    r"|mỗi năm"
    r"|chưa|không))+$",
    re.IGNORECASE,
)


# a source that tells the figure, then a comma or colon (or a verb of saying): what follows
# is what is measured
_TOLD_BY_RE = re.compile(
    r"(?<![\w])(?:(?:cho thấy|ghi nhận|nhấn mạnh|khẳng định|nêu rõ|thông tin)\s*[,:]"
    r"|(?:cho biết|cho hay)\s*[,:]?)\s*",
    re.IGNORECASE,
)
# the circumstances a sentence opens on, before a comma ("Với sự quan tâm chỉ đạo …", "Trước
# bối cảnh đó", "Sau gần 1 năm đi vào hoạt động", "Tại kỳ họp"), and a concession ("Mặc dù
# gặp nhiều khó khăn")
_CIRCUMSTANCE_RE = re.compile(
    r"\s*(?:với|cùng với|trước|sau|thông qua|bên cạnh|nhờ|trong bối cảnh|tại|phát biểu|sáng"
    r"|chiều|mặc dù|dù|tuy)(?![\w])",
    re.IGNORECASE,
)


_REPORTED_BY_RE = re.compile(
    r"(?<![\w])(?:cho biết|thông tin|báo cáo cho thấy|nhấn mạnh)\s*$|^\s*(?:theo|tại thời điểm"
    r"|tính đến|đến hết|đến cuối)(?![\w])",
    re.IGNORECASE,
)


def _is_filler(part: str) -> bool:
    low = _TRAILING_PERIOD_RE.sub("", " " + part.lower())
    m = _LEAD_FILLER_RE.match(low.strip())
    rest = low.strip()[m.end() :] if m else low.strip()
    words = _WORD_RE.findall(rest)
    return all(_names_nothing(w) for w in words)


def _label(text: str, a: int, first: int) -> str | None:
    """"- Thu ngân sách: ước thực hiện …": the indicator a sentence names before a colon."""
    head = _flat(text[a:first])
    colon = head.find(":")
    if colon < 0:
        return None
    label = _subject(text[a : a + colon])
    return label if label and len(label.split()) <= 14 else None


def item_label(text: str, a: int, first: int) -> str | None:
    """"Điều chỉnh dự toán … như sau: Tổng thu ngân sách …: 17.726 tỷ đồng": the item a
    figure's own label names, between the colon right before it (with nothing but a few
    words between) and the colon before that; None when the colon does not label it."""
    head = _flat(text[a:first])
    last = head.rfind(":")
    if last < 0 or len(head) - last > 4 or _DIGIT_RE.search(head, last):
        return None
    prev = max(head.rfind(":", 0, last), head.rfind(";", 0, last), head.rfind(",", 0, last))
    if prev < 0 or _DIGIT_RE.search(head, prev, last) or "(" in head[prev:last]:
        return None  # the sentence's own label (_label), or no label ("12% (cùng kỳ: …")
    label = _subject(text[a + prev + 1 : a + last])
    # (one word after a comma ends a list of nouns, "nuôi gà, vịt, cút:", not a label)
    return label if label and 2 <= len(label.split()) <= 14 else None


_NAME_STOP_RE = re.compile(r"[,;.()\n0-9]|(?<![\w])(?:đạt|tăng|giảm|bằng|so với|với)(?![\w])")


def _noun_after(text: str, m: Mention) -> str | None:
    s = text[m.unit.end : m.unit.end + 60]
    s = _NAME_STOP_RE.split(s)[0]
    s = s.strip()
    return " ".join(((m.unit.text or "") + " " + s).split()[:6]) or None


def _count_phrase(text: str, m: Mention) -> str | None:
    """"vụ vi phạm Luật Lâm nghiệp": a counted noun with its modifiers, when it has some."""
    if m.unit.kind != "count" or not m.unit.text:
        return None
    tail = _tail_words(text, m)
    if not tail:
        return None
    return " ".join([lexicon.without_scale(m.unit.text), *tail]).replace(" ,", ",")


# a long subject that ends on what its agent did ("Các đơn vị KBNN đã phát hiện", "Các cơ sở y tế
# trong toàn tỉnh đã khám"): the count after it is named after what was counted
_DONE_BY_RE = re.compile(
    r"(?<![\w])(?:đã|đã có|đã được)\s+(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*$"
)


def done_by_the_subject(subject: str) -> bool:
    """Whether a subject ends on "đã" and what its agent did (extractor._build asks it of
    subjects of more than four words only)."""
    return bool(_DONE_BY_RE.search(subject.lower()))


def _tail_words(text: str, m: Mention) -> list[str]:
    tail = text[m.unit.end : m.unit.end + 80]
    verdict = _TARGETS_VERDICT_RE.match(tail) if m.unit.text in lexicon.TARGET_NOUNS else None
    if verdict:  # "03 chỉ tiêu không đạt": the verdict names them
        return verdict.group().split()
    # "125 xã, phường, thị trấn đạt chuẩn …", "45 chi bộ, đảng bộ …": the nouns counted together
    more = _MORE_NOUNS_RE.match(tail) if m.unit.text in _JOINED_NOUNS else None
    nouns = [",".join(more.group().split(","))] if more else []
    tail = tail[more.end() :] if more else tail
    # ("xã đạt chuẩn nông thôn mới": what the counted meet names them)
    tail = re.split(r"[,;.()\n0-9]|(?<![\w])(?:đạt(?!\s+chuẩn)|tăng|giảm|bằng|so với|với|chiếm"
                    r"|để|nhằm|do|theo|cho|trong|và|nhưng|song|ước)(?![\w])", tail)[0]
    return (nouns + tail.split())[:8]


# the nouns of places, bodies and people counted together ("xã, phường, thị trấn", "chi bộ,
# đảng bộ", "cán bộ, công chức, viên chức")
_JOINED_NOUNS = (
    "xã", "phường", "thị trấn", "thôn", "bản", "làng", "ấp", "khu phố", "tổ dân phố", "huyện",
    "tỉnh", "chi bộ", "đảng bộ", "tổ chức cơ sở đảng", "cơ quan", "đơn vị", "cán bộ", "công chức",
    "viên chức", "đảng viên", "doanh nghiệp", "hợp tác xã", "trường", "công trình", "dự án",
)
_MORE_NOUNS_RE = re.compile(
    r"(?:\s*,\s*(?:" + "|".join(sorted(map(re.escape, _JOINED_NOUNS), key=len, reverse=True))
    + r")(?![\w])(?!\s+hội(?![\w])))+"  # (in lower case: "…, Đảng bộ Khối …" names a body)
)


_TARGETS_VERDICT_RE = re.compile(r"\s*(?:không|chưa)\s+(?:đạt|hoàn thành)(?![\w])", re.IGNORECASE)


# where the words on a count of targets end: a stop, a figure, or the list they open
_TARGETS_WORDS_END_RE = re.compile(
    r"[,;.():\n0-9]|(?<![\w])(?:là|gồm|bao gồm|như|cụ thể|trong đó|nhưng|song)(?![\w])"
)


def targets_counted_name(text: str, m: Mention) -> str | None:
    """"17/18 chỉ tiêu kinh tế - xã hội chủ yếu đạt và vượt kế hoạch", "có 3 chỉ tiêu không đạt
    là …": a count of targets is named after the targets and what is said of them, not after
    the sentence's subject ("Nhiệm kỳ 2015-2020, hiện thành phố có 18/39 chỉ tiêu …"); None
    when no word follows the noun."""
    if m.unit.kind != "count" or m.unit.text not in lexicon.TARGET_NOUNS:
        return None
    tail = text[m.unit.end : m.unit.end + 120]
    if tail.lstrip().startswith("/"):
        return None  # "14,45 tiêu chí/xã": an average per commune, not a count of targets
    words = _TARGETS_WORDS_END_RE.split(tail, maxsplit=1)[0].split()[:10]
    if not words or not _names_something(" ".join(words).lower()):
        return None
    return " ".join([m.unit.text, *words])


def _indicator_from(text: str, m: Mention) -> str:
    """A name for a statement whose clause names no subject: the counted noun and its
    modifiers ("vụ vi phạm Luật Lâm nghiệp"), else the clause's words."""
    words = _tail_words(text, m)
    if m.unit.kind == "count" and m.unit.text:
        words = [lexicon.without_scale(m.unit.text), *words]
    if len(words) >= 2:
        s = " ".join(words).replace(" ,", ",")
    else:
        left = re.sub(r"\s+", " ", m.left).strip(" -–:,;(")
        parts = re.split(r"(?<![\w])(?:với|có|là|gồm|cho)(?![\w])", left)
        # ("dự toán thu từ đất là gần 15.000 tỷ đồng": the words before "là gần")
        left = next((p for p in reversed(parts) if _names_something(p.lower())), parts[-1])
        left = left.strip()
        filler = _LEAD_FILLER_RE.match(left)
        left = left[filler.end() :].strip() if filler else left
        s = " ".join(_last_words(left, 6) + words).strip()
    return (s[:1].upper() + s[1:]) if s else (m.unit.text or "")


# words of two syllables a cut of a name must not split ("Mục tiêu kiểm soát …", not "Tiêu …")
_TWO_SYLLABLE_WORDS = {
    "mục tiêu", "kế hoạch", "chỉ tiêu", "dự toán", "kịch bản", "phương án", "dự kiến", "phấn đấu",
    "nghị quyết", "cùng kỳ", "ngân sách", "nhà nước", "tỷ lệ", "tỉ lệ", "sản xuất", "giá trị",
}


def _last_words(words: str, n: int) -> list[str]:
    """The last ``n`` words, one more when the cut would split a word of two syllables."""
    ws = words.split()
    k = max(0, len(ws) - n)
    if k and f"{ws[k - 1]} {ws[k]}".lower() in _TWO_SYLLABLE_WORDS:
        k -= 1
    return ws[k:]


_LIST_OPENER_RE = re.compile(r"(?<![\w])(?:là|gồm|bao gồm|như|cụ thể là)(?![\w])|:")
_PLAN_WORD_RE = re.compile(r"(?<![\w])(kh|kế hoạch|chỉ tiêu|mục tiêu|dự toán|kịch bản|phương án|"
                           r"dự kiến|phấn đấu|nghị quyết|cùng kỳ)(?![\w])")


_LEAD_GROWTH_RE = re.compile(r"^(?:tăng trưởng|tốc độ tăng(?: trưởng)?)(?![\w])")


_FLAT_CUT_RE = re.compile(r"[,;]|(?<![\w])(?:và|trong đó)(?![\w])")


def _paren_head(head: str, inside: str) -> str | None:
    """The indicator a list item names before the parenthesis that holds its figures:
    "…, tỷ lệ lao động qua đào tạo (64,5% so với kế hoạch là 65%)". Only a bare noun phrase
    counts (no verb, no plan word), and only when the parenthesis names nothing itself."""
    if _PLAN_WORD_RE.search(inside.lower()) or _subject(inside) is not None:
        return None
    flat = _flat(head)
    cut = max((m.end() for m in _FLAT_CUT_RE.finditer(flat)),
              default=0)
    phrase = head[cut:]
    opener = list(_LIST_OPENER_RE.finditer(phrase.lower()))
    if opener:
        phrase = phrase[opener[-1].end() :]
    elif not cut:  # "25 tổ chức hoàn thành xuất sắc (chiếm 20%)": words about the figure before
        return None
    phrase = re.split(r"[0-9]", phrase)[0]
    phrase = _SPACES_RE.sub(" ", phrase).strip(" -–:,;()")
    low = phrase.lower()
    lead = _LEAD_GROWTH_RE.match(low)
    rest = low[lead.end() :] if lead else low
    if not phrase or len(phrase.split()) > 20 or _SUBJECT_STOP_RE.search(rest):
        return None
    if _PLAN_WORD_RE.search(low) or _is_filler(phrase):
        return None
    return phrase


_REFERENCE_RE = re.compile(
    r"(?<![\w])((?:mức\s+)?(?:bình quân|trung bình)(?:\s+chung)?"
    r"(?:\s+(?:của\s+)?(?:cả nước|toàn quốc|(?:cả |toàn )?vùng(?:\s+[^\W\d_]+){0,9}"
    r"|khu vực(?:\s+[^\W\d_]+){0,9}|(?:toàn |cả )?(?:tỉnh|huyện|thành phố|thị xã|ngành)))?"
    r"|cả nước|toàn quốc|toàn vùng)(?![\w])"
)


def _reference(head: str, inside: str) -> str | None:
    """A figure of a reference — the nation, the region, their average — that a report
    compares with, in brackets: "(cả nước tăng 9,8%)", "cao hơn mức bình quân cả nước (7,1%)".
    It is its own statement, not the indicator's plan."""
    m = _REFERENCE_RE.match(inside.strip().lower())
    if m:
        return inside.strip()[: m.end()]
    tail = _flat(head).rstrip().lower()
    m = re.search(r"(?<![\w])(?:cao hơn|thấp hơn|bằng|so với|gấp[^,;]{0,12}?)\s+(?:mức\s+)?"
                  + _REFERENCE_RE.pattern + r"\s*$", tail)
    if m:
        return head.rstrip()[m.start(1) : m.end(1)]
    m = _HIGHER_THAN_BEFORE_RE.search(tail)
    if m and not inside.strip():  # "cao hơn cùng kỳ năm ngoái (58,2%)": the earlier figure
        return head.rstrip()[m.start(1) : m.end(1)]
    return None


_HIGHER_THAN_BEFORE_RE = re.compile(
    r"(?<![\w])(?:cao hơn|thấp hơn|nhiều hơn|ít hơn)\s+(?:so với\s+)?(?:mức\s+(?:của\s+)?)?"
    r"((?:nhiệm kỳ|giai đoạn) trước|cùng kỳ(?:\s+năm\s+(?:trước|ngoái|(?:19|20)[0-9]{2}))?"
    r"|năm (?:trước|ngoái|(?:19|20)[0-9]{2}))\s*$"
)


# The words a name does not end on: the verb of its figure ("Tốc độ tăng trưởng GRDP đạt"), a
# preposition, direction or bound left open ("Giải quyết việc làm cho", "Tỷ lệ hộ nghèo xuống
# còn", "Tỷ lệ giải ngân trên"); one run of them is cut at a time. A change verb is kept as
# the head of a rate ("Tốc độ tăng"), and so are "lên" in "trở lên", "hiện" in "thể hiện",
# "trên" in "nói trên"; "hơn" at the end of a name ends a comparison ("sớm hơn"), not a bound.
_DANGLING_TAIL_RE = re.compile(
    # ("Chỉ tiêu không đạt", a count of the targets not met, keeps its verdict)
    r"\s(?:ước(?: tính| thực hiện)?(?: đạt)?|(?<!không )(?<!chưa )(?:chỉ )?đạt(?: được)?"
    r"|thực hiện(?: được)?"
    r"|(?<!trở )(?<!vươn )lên|xuống(?: còn)?|giảm còn|còn|cho|đối với|(?<!đối )với|đến|tới"
    r"|của|và|là|(?:ở )?mức|ở|tại|trong"
    r"|từ|được|đều|có|cũng|vẫn|đã|sẽ|cần|phải|chỉ|khoảng|gần|(?<!nói )trên|dưới|tối thiểu"
    r"|tối đa|không quá|phấn đấu"
    # "Thu ngân sách đến ngày 10/11": the date it runs to, told after the name
    r"|(?:tính )?(?:đến|tới) (?:hết )?(?:ngày|tháng|quý)\s*[0-9][0-9/.\-]*"
    r"|(?:tính )?(?:đến|tới) hết|tính (?:đến|tới)"  # (the month was read as the period)
    r"|(?<!thực )(?<!xuất )(?<!thể )(?<!phát )(?<!biểu )hiện"
    r"|(?<!tốc độ )(?<!mức )(?<!tỷ lệ )(?<!tỉ lệ )(?<!chỉ số )(?:tăng|(?<!cắt )giảm))$"
)
# The intent a name opens on before the indicator it strives for ("Phấn đấu tổng thu ngân
# sách", "Đưa tỷ lệ hộ nghèo xuống còn", "Nâng tổng số đảng viên lên").
_LEAD_INTENT_RE = re.compile(
    r"^(?:để\s+)?(?:phấn đấu|dự kiến|ước tính|ước)\s+(?=[^\W\d_])"
    r"|^(?:đưa|nâng|đạt|giảm|tăng)\s+(?=(?:tỷ lệ|tỉ lệ|tổng|số|tốc độ|mức|giá trị|thu nhập|"
    r"quy mô|diện tích|sản lượng)(?![\w]))"
)
# the time or linking words a clause opens on before its subject ("Đến ngày 31/12/2024 đã
# giải ngân", "Tính đến hết tháng 10, tổng số …", "Sáng nay, …")
_LEAD_OPENER_RE = re.compile(
    r"^(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày|tháng|quý|thời điểm|nay)(?![\w])"
    r"[\s0-9/.\-]*(?:năm\s+(?:19|20)[0-9]{2})?"
    r"|(?:sáng|chiều|tối|trưa)\s+(?:nay|qua|ngày\s+[0-9/]+)|hiện nay|hiện tại"
    # the words that link it to the sentence before ("Tuy nhiên, …", "Đáng lưu ý, …")
    r"|tuy nhiên|bên cạnh đó|ngoài ra|đồng thời|mặt khác|theo đó|cụ thể|trong đó|đáng"
    r"\s+(?:lưu ý|chú ý)|(?:cũng\s+)?theo (?:báo cáo|kế hoạch|dự toán))"
    r"\s*(?:,\s*|\s+(?=đã\s))(?:đã\s+)?"
    # "Năm 2019 dự toán thu từ đất": the year it is for
    r"|^(?:năm\s+)?(?:19|20)[0-9]{2}(?![0-9/])\s*,?\s*"
    # "Đến ngày 30/12/2016 số thu": the date it runs to, then the subject without a comma
    r"|^(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày|tháng|quý)\s+[0-9][0-9/.\-]*"
    r"(?:\s+năm\s+(?:19|20)[0-9]{2})?\s+(?=[^\W\d_])"
)
# a word with its digits ("qh15"), so that the case of a code is left as the text has it
_WORD_IN_RE = re.compile(r"[^\W_]+")
# an abbreviation is written in plain capitals ("GRDP", "HĐND", "TCCSĐ"), not a word of a
# heading in capitals ("CHỦ YẾU")
_ABBREVIATION_RE = re.compile(r"[A-ZĐ]+$")


_LONGEST_NAME = 120
_LONG_NAME = 80
# the head noun of a measure, opening a clause of a long name (", với …", "… song …")
_MEASURE_CLAUSE_RE = re.compile(
    r"(?:,|\s(?:với|song|nhưng))\s+(?=(?:tỷ lệ|tỉ lệ|tốc độ|tổng|số|thu|chi|giá trị|sản lượng"
    r"|kim ngạch|vốn|diện tích|chỉ số|năng suất|dư nợ|thu nhập|doanh thu|giải ngân)(?![\w]))"
)


def readable_name(name: str, around: str) -> str:
    """The name of a statement as a reader expects it: without the time, linking words or
    intent it opens on ("Tuy nhiên, đến ngày 30/9 đã giải ngân" → "Giải ngân") or the verb or
    preposition it ends on, and with the case the text writes its words in ("grdp"
    read from lower-cased words is "GRDP" when ``around``, the text near its figure, writes
    it so), opening on a capital, at most 120 characters cut at a word. Keeps the words
    when nothing would be left of them."""
    name = name.strip()
    if len(name) > _LONG_NAME:  # "Sản xuất nông nghiệp … tiếp tục phát triển, tốc độ tăng
        # trưởng ngành nông nghiệp tỉnh": the clause that names a measure, after the setting
        heads = list(_MEASURE_CLAUSE_RE.finditer(name.lower()))
        name = name[heads[-1].end() :] if heads else name
    if len(name) > _LONGEST_NAME:  # cut at a word, then read as any other
        space = name.rfind(" ", 0, _LONGEST_NAME + 1)
        name = name[:space].rstrip() if space > 0 else name[:_LONGEST_NAME]
    low = name.lower()
    while (tail := _DANGLING_TAIL_RE.search(low, max(0, len(low) - 30))) and _names_something(
        low[: tail.start()]
    ):
        name = name[: tail.start()].rstrip(" ,;:-–")
        low = low[: len(name)]
    for _ in range(3):  # "Bên cạnh đó, tính đến tháng 10/2023, …": one opener at a time
        opener = _LEAD_OPENER_RE.match(low)
        rest = low[opener.end() :] if opener else ""
        if not (opener and _names_something(rest) and not _DANGLING_TAIL_RE.match(" " + rest)):
            break
        name, low = name[opener.end() :], rest
    lead = _LEAD_INTENT_RE.match(low)
    rest = low[lead.end() :] if lead else ""
    if lead and _names_something(rest) and not _DANGLING_TAIL_RE.match(" " + rest):
        name = name[lead.end() :]
    name = _with_the_texts_case(name, around)
    return name[:1].upper() + name[1:]


def _names_something(words: str) -> bool:
    return not all(_names_nothing(w) for w in _WORD_RE.findall(words))


def _with_the_texts_case(name: str, around: str) -> str:
    """Each word of ``name`` not written in capitals takes those the text gives it near its
    figure ("grdp" → "GRDP", "Bhyt" → "BHYT")."""
    if not any(not w.isupper() and w.upper() in around for w in _WORD_RE.findall(name)):
        return name  # most names: no word of theirs is written in capitals nearby
    words = _WORD_RE.findall(around)
    lower = {w for w in words if w.islower()}
    capitals = {  # an abbreviation, not a word of a heading written in capitals
        w.lower(): w for i, w in enumerate(words)
        if w.isupper() and len(w) > 1 and w.lower() not in lower and _ABBREVIATION_RE.match(w)
        and any(not x.isupper() for x in words[max(0, i - 1) : i + 2])
    }
    if not capitals:
        return name
    return _WORD_IN_RE.sub(
        lambda m: m.group() if m.group().isupper() else capitals.get(m.group().lower(), m.group()),
        name,
    )
