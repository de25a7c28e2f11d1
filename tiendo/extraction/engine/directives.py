"""Directives of a plan section ("PHƯƠNG HƯỚNG, NHIỆM VỤ … QUÝ II/2026") → proposed tasks.

Each directive sentence (or ";"-clause of a long one) that starts with an action ("Tập trung…",
"Đẩy nhanh…", "Ban hành…", "Phấn đấu…") becomes a :class:`TaskProposal` with

- ``title``: the clause, cleaned of its bullet;
- ``deadline``: the end of the period the clause names ("trong quý II/2026" → 30/06/2026,
  "ngay trong tháng 4/2026" → 30/04/2026, "6 tháng đầu năm 2026" → 30/06/2026, "trước ngày
  15/5/2026" → 15/05/2026), otherwise the end of the section's period;
- ``targets``: the statements with a target number inside the clause (extractor.py);
- ``product``: the document to deliver when named (đề án, kế hoạch, nghị quyết, báo cáo…);
- ``lead_unit``: the best unit of ``units`` named in the clause (fuzzy, accent-folded).

Pure function, no Django.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from tiendo.lib.text import fold

from .extractor import (
    _PLAN_HEAD_RE,
    _RESULT_HEAD_RE,
    _is_heading,
    _is_marked_heading,
    extract,
)
from .model import Statement
from .periods import find_periods, parse_code, year_of

_ACTION_RE = re.compile(
    r"(?<![\w])(?:tiếp tục|tập trung|đẩy nhanh|đẩy mạnh|khẩn trương|triển khai|thực hiện|"
    r"hoàn thành|hoàn thiện|ban hành|xây dựng|tổ chức|phấn đấu|bảo đảm|đảm bảo|duy trì|"
    r"nâng cao|tăng cường|"
    r"chỉ đạo|rà soát|kiểm tra|lãnh đạo|chủ động|quyết liệt|siết chặt|ưu tiên|tháo gỡ|thúc đẩy|"
    r"lập|điều chỉnh|kiện toàn|quản lý|phát triển|kiểm soát|giữ vững|hiện đại hóa|lồng ghép|"
    r"tham mưu|trình|giải quyết|xử lý|vận hành|tuyên truyền|phối hợp|huy động|cải thiện|"
    r"hướng dẫn|đôn đốc|theo dõi|đánh giá|củng cố|mở rộng|hoàn tất|ứng dụng|tăng|giảm|thu hút|"
    r"tạo|đưa|hỗ trợ|cấp|sắp xếp|đầu tư|bảo vệ|nâng cấp|cải tạo|chuẩn bị|khởi công|phòng|"
    r"chống|xóa|kết nạp|bồi dưỡng|đào tạo|đổi mới|khắc phục|giải ngân|di dời|vận động)"
    r"(?![\w])",
    re.IGNORECASE,
)
_PRODUCT_RE = re.compile(
    r"(?<![\w])(đề án|kế hoạch|nghị quyết|báo cáo|quy định|hướng dẫn|chương trình|quyết định|"
    r"tờ trình|chỉ thị|quy chế|phương án|khung tiêu chí|bộ tiêu chí|dự thảo|đề xuất|"
    r"cơ sở dữ liệu|quy hoạch)(?![\w])",
    re.IGNORECASE,
)
_PRODUCE_VERB_RE = re.compile(
    r"(?<![\w])(xây dựng|ban hành|trình|hoàn thiện|lập|tham mưu|soạn thảo|phê duyệt|"
    r"sửa đổi|bổ sung|điều chỉnh|hoàn thành)(?![\w])",
    re.IGNORECASE,
)
_DATE_RE = re.compile(
    r"(?:trước|chậm nhất|hạn|đến|trong)\s+(?:ngày\s+)?"
    r"([0-9]{1,2})/([0-9]{1,2})/((?:19|20)[0-9]{2})",
    re.IGNORECASE,
)
_BULLET_RE = re.compile(r"^\s*(?:[-–•*+]|[0-9]+(?:\.[0-9]+)*\.?|[a-zđ]\)|\([0-9]+\))\s*")


@dataclass
class TaskProposal:
    title: str
    deadline: date | None
    deadline_text: str | None  # the words that gave the deadline, None when from the section
    start: int
    end: int
    targets: list[Statement] = field(default_factory=list)
    product: str | None = None
    lead_unit: str | None = None  # code from ``units``
    lead_unit_score: float = 0.0

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_text": self.deadline_text,
            "start": self.start,
            "end": self.end,
            "product": self.product,
            "lead_unit": self.lead_unit,
            "lead_unit_score": round(self.lead_unit_score, 1),
            "targets": [s.to_dict() for s in self.targets],
        }


def period_end(code: str | None) -> date | None:
    """Last day of a statement period code (2026, 2026-Q2, 2026-04)."""
    if not code:
        return None
    year = int(code[:4])
    if len(code) == 4:
        return date(year, 12, 31)
    month = int(code[6]) * 3 if code[5] == "Q" else int(code[5:7])
    return date(year, month, monthrange(year, month)[1])


def _plan_sections(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, period code) of each plan section; the whole text when there is none."""
    sections = []
    pos = 0
    current = None
    year = None
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not (_is_heading(line) or _is_marked_heading(line)):
            continue
        key = fold(line)
        periods = [p for p in find_periods(line, year) if p.code]
        if periods:
            year = year_of(periods[-1].code)
        is_plan = bool(_PLAN_HEAD_RE.search(key)) and not _RESULT_HEAD_RE.search(key)
        if current is not None and (is_plan or re.match(r"^\s*[A-ZĐ][.)]\s", line)):
            sections.append((current[0], start, current[1]))
            current = None
        if is_plan:
            current = (start + len(line) + 1, periods[-1].code if periods else None)
    if current is not None:
        sections.append((current[0], len(text), current[1]))
    return sections or [(0, len(text), None)]


_CLAUSE_END_RE = re.compile(r";|\n|\.(?=\s+[A-ZĐÀ-Ỹ\-–•])|\.\s*$")


def _clauses(text: str, a: int, b: int):
    """Directive clauses: sentences, long ones cut at ";"."""
    start = a
    for m in _CLAUSE_END_RE.finditer(text, a, b):
        raw = text[start : m.start()]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            yield start + lead, m.start()
        start = m.end()
    raw = text[start:b]
    if raw.strip():
        yield start + len(raw) - len(raw.lstrip()), b


def _deadline(clause: str, default_code: str | None, year: int | None):
    """(deadline, the words that gave it). A horizon beyond the plan's year ("tầm nhìn đến
    năm 2050", "đến năm 2030") is not a deadline of this plan."""
    m = _DATE_RE.search(clause)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))), m.group(0)
        except ValueError:
            pass
    low = clause.lower()
    for p in find_periods(clause, year):
        end = period_end(p.code)
        before = low[max(0, p.start - 14) : p.start]
        horizon = re.search(r"(?:tầm nhìn|giai đoạn|thời kỳ|nhiệm kỳ)[^,;]*$", low[: p.start]) or (
            re.search(r"đến\s*$", before) and p.kind == "year" and year and end.year > year
        )
        if end is None or horizon or re.match(r"\s*[-–]\s*(?:19|20)[0-9]{2}", low[p.end :]):
            continue
        if re.search(r"(?:trong|ngay trong|hết|đến hết|đến|trước|cuối)\s*$", before) or (
            p.kind == "cumulative"
        ):
            return end, clause[p.start : p.end]
    return period_end(default_code), None


def _product(clause: str) -> str | None:
    for m in _PRODUCT_RE.finditer(clause):
        before = clause[max(0, m.start() - 40) : m.start()]
        after = clause[m.end() : m.end() + 5].lower()
        if _PRODUCE_VERB_RE.search(before) and not after.lstrip().startswith("số"):
            words = re.split(r"[,;:()]", clause[m.start() :])[0].split()
            return " ".join(words[:10])
    return None


def _lead_unit(clause: str, units) -> tuple[str | None, float]:
    key = fold(clause)
    best, best_score = None, 0.0
    for code, name in units:
        n = fold(name)
        if not n:
            continue
        score = 100.0 if n in key else fuzz.partial_ratio(n, key)
        if score > best_score:
            best, best_score = code, score
    return (best, best_score) if best_score >= 85 else (None, best_score)


def propose_tasks(
    text: str, *, units=(), default_period: str | None = None
) -> list[TaskProposal]:
    """Proposed tasks of every plan section of ``text`` (the whole text when it has none)."""
    default_code = parse_code(default_period) if default_period else None
    statements = extract(text, default_period=default_period)
    out: list[TaskProposal] = []
    for a, b, code in _plan_sections(text):
        section_code = code or default_code
        year = year_of(section_code)
        for s, e in _clauses(text, a, b):
            raw = text[s:e]
            title = _BULLET_RE.sub("", raw).strip(" :")
            title = re.sub(r"^(?:Về [^:]{1,60}:\s*)", "", title)
            action = _ACTION_RE.search(title[:70])
            if len(title) < 12 or action is None:
                continue
            deadline, deadline_text = _deadline(raw, section_code, year)
            targets = [
                st for st in statements
                if any(s <= n.start < e and n.role == "target" for n in st.numbers)
            ]
            lead, lead_score = _lead_unit(raw, units)
            out.append(TaskProposal(
                title=title[:1].upper() + title[1:], deadline=deadline,
                deadline_text=deadline_text, start=s, end=e, targets=targets,
                product=_product(title), lead_unit=lead, lead_unit_score=lead_score,
            ))
    return out
