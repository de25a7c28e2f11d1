"""How the quarterly report words its results — the sentence rules, in one place.

Pure functions over plain values (no Django, no ORM, no clock). The house style is the one of
a provincial quarterly report (docs/domain.md §Numbers, dates and holidays; the report in
the demo):

- a level figure: "Thu ngân sách nhà nước đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng, đạt), bằng 33%
  dự toán Trung ương";
- an estimate says "ước đạt": "Tổng kim ngạch xuất khẩu ước đạt 783 triệu USD (KH: 850 triệu
  USD, không đạt), đạt 21,81% kế hoạch năm, tăng 0,6% so với cùng kỳ";
- a growth rate is written as the change it is: "Tốc độ tăng trưởng GRDP tăng 7,47% so với cùng
  kỳ (KH: 9,77%, không đạt)";
- a lower-is-better figure is stated, not "reached": "Tỷ lệ nợ xấu nội bảng là 1,8% (KH: không
  quá 2%, đạt)";
- a bound and a year plan are written as the plan says them: "(KH cả năm >95%, KH quý I: 86%,
  đạt)";
- no plan: no parenthesis, the figure alone; no figure: "chưa có số liệu";
- the verdict words are "vượt", "đạt", "không đạt";
- sub-indicators follow their parent after "; trong đó: ".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from tiendo.indicators.rules import Bound, Direction, Verdict
from tiendo.lib.text import fold
from tiendo.lib.vn_numbers import format_count, format_vn_number
from tiendo.tasks.rules import TaskStatus

__all__ = [
    "VERDICT_WORDS",
    "FigureFacts",
    "PlanFacts",
    "display_unit",
    "figure_clause",
    "figure_sentence",
    "is_growth_indicator",
    "is_times_indicator",
    "lower_first",
    "overdue_line",
    "plan_text",
    "points_text",
    "shortfall_clause",
    "shortfall_line",
    "target_sentence",
    "tasks_summary",
]

VERDICT_WORDS = {
    Verdict.EXCEEDED: "vượt",
    Verdict.ACHIEVED: "đạt",
    Verdict.NOT_ACHIEVED: "không đạt",
}

# Units of measure are stored folded to lower case by the catalogue ("triệu usd"); the report
# writes them the usual way.
_UNIT_CASE = {"usd": "USD", "mw": "MW", "kwh": "kWh", "gwh": "GWh", "ha": "ha", "km": "km",
              "vnd": "VNĐ", "fdi": "FDI", "oda": "ODA", "ccn": "CCN", "kcn": "KCN"}

_PERCENT = "%"
_GROWTH_PREFIXES = ("toc do tang truong", "tang truong", "toc do tang")
_VS_SAME_PERIOD = "(so với cùng kỳ)"


def display_unit(unit: str) -> str:
    """ "triệu usd" → "triệu USD"; "mw" → "MW"; other words unchanged."""
    return " ".join(_UNIT_CASE.get(w.lower(), w) for w in (unit or "").split())


def _num(value: Decimal | int | str, unit: str = "") -> str:
    """A number with its unit: "10.619 tỷ đồng", "7,47%"."""
    d = Decimal(value)
    if unit != _PERCENT and d == d.to_integral_value() and 0 <= d < 10:
        text = format_count(int(d))  # counts below ten: "03 vụ"
    else:
        text = format_vn_number(value)
    if not unit:
        return text
    if unit == _PERCENT:
        return text + _PERCENT
    return f"{text} {display_unit(unit)}"


@dataclass(frozen=True)
class PlanFacts:
    """One plan as the report quotes it. ``label`` is what precedes it: "KH", "KH cả năm",
    "KH quý I"."""

    value: Decimal
    bound: Bound = Bound.EQ
    value_high: Decimal | None = None
    label: str = "KH"


@dataclass(frozen=True)
class FigureFacts:
    """Everything a sentence about one indicator may say. ``change`` is a signed percent
    against ``change_basis``; ``attainments`` are (percent, basis) pairs the unit reported
    ("33", "dự toán Trung ương")."""

    name: str
    unit: str
    actual: Decimal | None
    is_estimate: bool = False
    direction: Direction = Direction.HIGHER
    plans: Sequence[PlanFacts] = ()
    verdict: Verdict | None = None
    change: Decimal | None = None
    change_basis: str = "cùng kỳ"
    attainments: Sequence[tuple[Decimal, str]] = ()
    parts: Sequence[FigureFacts] = field(default_factory=tuple)
    # "bằng 121% so với cùng kỳ": the ratio a unit reported, printed instead of ``change``
    ratio: Decimal | None = None
    # "17/18 sản phẩm" (whole, same unit) or "03 hộ/03 xã" (whole, another unit)
    of_total: Decimal | None = None
    of_total_unit: str = ""


def is_growth_indicator(name: str, unit: str) -> bool:
    """A rate whose value is itself a change: "Tốc độ tăng trưởng GRDP" (%), "Xuất khẩu cà phê
    (so với cùng kỳ)" (%)."""
    if unit != _PERCENT:
        return False
    key = fold(name)
    return key.startswith(_GROWTH_PREFIXES) or "so voi cung ky" in key


_TIMES = "lần"


def is_times_indicator(unit: str) -> bool:
    """A multiple: "tăng gấp 2,3 lần so với cùng kỳ"."""
    return (unit or "").strip().lower() == _TIMES


def _count_head(name: str, unit: str, direction: Direction, value: str) -> str | None:
    """Counts of cases as a report says them: "Số vụ xử lý hình sự" 6 → "Xử lý hình sự 06 vụ";
    "Số vụ vi phạm … đã xử lý" 151 → "Đã xử lý 151 vụ vi phạm …". Only for a count named
    "Số <unit> …" that is better higher (cases handled); incidents (lower is better) keep
    "Số vụ tai nạn … là 193 vụ"."""
    prefix = f"số {unit} ".lower()
    if direction != Direction.HIGHER or not name.lower().startswith(prefix):
        return None
    rest = name[len(prefix):].strip()
    if not rest:
        return None
    if rest.endswith(" đã xử lý"):
        return f"Đã xử lý {value} {rest[: -len(' đã xử lý')]}"
    return f"{rest[:1].upper()}{rest[1:]} {value}"


def _strip_vs_same_period(name: str) -> str:
    if name.endswith(_VS_SAME_PERIOD):
        return name[: -len(_VS_SAME_PERIOD)].rstrip()
    return name


def plan_text(plan: PlanFacts, unit: str) -> str:
    """ "KH: 9.950 tỷ đồng", "KH cả năm >95%", "KH: không quá 2%", "KH: 6,6–6,8%"."""
    v = _num(plan.value, unit)
    if plan.bound == Bound.EQ:
        return f"{plan.label}: {v}"
    if plan.bound == Bound.GT:
        return f"{plan.label} >{v}"
    if plan.bound == Bound.LT:
        return f"{plan.label} <{v}"
    if plan.bound == Bound.GE:
        return f"{plan.label}: từ {v} trở lên"
    if plan.bound == Bound.LE:
        return f"{plan.label}: không quá {v}"
    if plan.bound == Bound.ABOUT:
        return f"{plan.label}: khoảng {v}"
    high = _num(plan.value_high if plan.value_high is not None else plan.value, unit)
    low = format_vn_number(plan.value)
    return f"{plan.label}: {low}–{high}"


def _change_text(change: Decimal, basis: str) -> str:
    if change == 0:
        return "bằng cùng kỳ" if basis == "cùng kỳ" else f"không đổi so với {basis}"
    word = "tăng" if change > 0 else "giảm"
    return f"{word} {format_vn_number(abs(change))}% so với {basis}"


def points_text(actual: Decimal, plan: Decimal, *, against: str = "kế hoạch") -> str:
    """Rates compared in percentage points, not divided: 7,47% against 9,77% → "thấp hơn kế
    hoạch 2,30 điểm %"."""
    diff = Decimal(actual) - Decimal(plan)
    if diff == 0:
        return f"bằng {against}"
    word = "cao hơn" if diff > 0 else "thấp hơn"
    return f"{word} {against} {format_vn_number(abs(diff), decimals=2)} điểm %"


def _attainment_text(value: Decimal, basis: str) -> str:
    verb = "đạt" if fold(basis).startswith("ke hoach") else "bằng"
    return f"{verb} {format_vn_number(value)}% {basis}".rstrip()


def _paren(facts: FigureFacts) -> str:
    bits = [plan_text(p, facts.unit) for p in facts.plans]
    if facts.verdict is not None and bits:
        bits[-1] += f", {VERDICT_WORDS[facts.verdict]}"
    return f" ({', '.join(bits)})" if bits else ""


def figure_clause(facts: FigureFacts) -> str:
    """One indicator, without the final full stop and without its parts."""
    growth = is_growth_indicator(facts.name, facts.unit)
    name = _strip_vs_same_period(facts.name) if growth else facts.name
    if facts.actual is None:
        return f"{name}: chưa có số liệu{_paren(facts)}"
    estimate = "ước " if facts.is_estimate else ""
    value = _num(facts.actual, facts.unit)
    if facts.of_total is not None:
        # a done/total pair: "17/18 sản phẩm", "03 hộ/03 xã"
        whole = _num(facts.of_total, facts.of_total_unit or facts.unit)
        if facts.of_total_unit and facts.of_total_unit != facts.unit:
            value = f"{value}/{whole}"
        else:
            value = f"{_num(facts.actual)}/{whole}"
    counted = (None if facts.is_estimate or facts.of_total is not None
               else _count_head(name, facts.unit, facts.direction, value))
    if growth:
        # The value is the change itself: "tăng 7,47% so với cùng kỳ".
        head = f"{name} {estimate}{_change_text(Decimal(facts.actual), 'cùng kỳ')}"
    elif is_times_indicator(facts.unit):
        base = _strip_vs_same_period(facts.name)
        vs = " so với cùng kỳ" if base != facts.name else ""
        head = f"{base} {estimate}tăng gấp {format_vn_number(facts.actual)} lần{vs}"
    elif counted is not None:
        head = counted
    elif facts.direction == Direction.LOWER:
        head = f"{name} {estimate}là {value}"
    else:
        head = f"{name} {estimate}đạt {value}"
    tail = [_attainment_text(v, b) for v, b in facts.attainments]
    if facts.ratio is not None and not growth:
        tail.append(f"bằng {format_vn_number(facts.ratio)}% so với {facts.change_basis}")
    elif facts.change is not None and not growth:
        tail.append(_change_text(Decimal(facts.change), facts.change_basis))
    text = head + _paren(facts)
    if tail:
        text += ", " + ", ".join(tail)
    return text


def figure_sentence(facts: FigureFacts) -> str:
    """The full sentence of an indicator with its sub-indicators ("trong đó")."""
    text = figure_clause(facts)
    if facts.parts:
        parts = [figure_clause(p) for p in facts.parts]
        parts = [parts[0][:1].lower() + parts[0][1:] if _lower_ok(parts[0]) else parts[0],
                 *parts[1:]]
        text += "; trong đó: " + "; ".join(parts)
    return text + "."


def _lower_ok(text: str) -> bool:
    """Keep capitals of acronyms ("GRDP …") and proper names; lower an ordinary first word."""
    first = text.split(" ", 1)[0]
    return len(first) > 1 and first[1:].islower()


def shortfall_line(facts: FigureFacts, attainment: Decimal | None) -> str:
    """A line of the list of targets not met: "Tốc độ tăng trưởng GRDP: thực hiện 7,47%, KH:
    9,77% (đạt 76,46% kế hoạch)."""
    actual = _num(facts.actual, facts.unit) if facts.actual is not None else "chưa có số liệu"
    plans = "; ".join(plan_text(p, facts.unit) for p in facts.plans)
    text = f"{facts.name}: thực hiện {actual}"
    if plans:
        text += f", {plans}"
    period_plan = facts.plans[-1] if facts.plans else None
    if (facts.unit == _PERCENT and facts.actual is not None and period_plan is not None
            and period_plan.bound in (Bound.EQ, Bound.GT, Bound.GE, Bound.ABOUT)):
        # rates are compared in percentage points: "thấp hơn kế hoạch 2,30 điểm %"
        text += f" ({points_text(facts.actual, period_plan.value)})"
    elif attainment is not None:
        text += f" (đạt {format_vn_number(attainment)}% kế hoạch)"
    return text + "."


def lower_first(text: str) -> str:
    """Lower the first word inside a sentence unless it is an acronym or a name ("GRDP")."""
    return text[:1].lower() + text[1:] if _lower_ok(text) else text


def shortfall_clause(facts: FigureFacts, plan: Decimal | None,
                     attainment: Decimal | None) -> str:
    """A target not met, inside the assessment: "tốc độ tăng trưởng GRDP 7,47%, thấp hơn kế
    hoạch 2,30 điểm %"; "tổng kim ngạch xuất khẩu ước đạt 783 triệu USD, bằng 92,12% kế
    hoạch"."""
    name = _strip_vs_same_period(facts.name)
    est = "ước đạt " if facts.is_estimate else ""
    if facts.actual is None:
        return f"{lower_first(name)} chưa có số liệu"
    text = f"{lower_first(name)} {est}{_num(facts.actual, facts.unit)}"
    if facts.unit == _PERCENT and plan is not None:
        return f"{text}, {points_text(facts.actual, plan)}"
    if attainment is not None:
        return f"{text}, bằng {format_vn_number(attainment)}% kế hoạch"
    return text


def overdue_line(title: str, unit: str, days: int, reason: str = "") -> str:
    """A task due and not done: "Đề án …: chậm 11 ngày (Sở Văn hóa chủ trì); lý do: …"."""
    text = f"{title}: chậm {days} ngày ({unit} chủ trì)" if days else f"{title} ({unit} chủ trì)"
    if reason:
        text += f"; đơn vị báo cáo: {lower_first(reason.strip().rstrip('.'))}"
    return text + "."


def target_sentence(name: str, unit: str, bound: Bound, value: Decimal,
                    value_high: Decimal | None = None,
                    direction: Direction = Direction.HIGHER) -> str:
    """A target of the next period, as part B words it: "Phấn đấu thu ngân sách nhà nước đạt
    8.250 tỷ đồng."; "Tỷ lệ nợ xấu nội bảng không quá 2%."; "… từ 10,86% trở lên"."""
    v = _num(value, unit)
    low = lower_first(_strip_vs_same_period(name))
    if bound == Bound.LE or (bound == Bound.EQ and direction == Direction.LOWER):
        return f"{name} không quá {v}."
    if bound == Bound.LT:
        return f"{name} dưới {v}."
    if bound == Bound.GT:
        return f"Phấn đấu {low} đạt trên {v}."
    if bound == Bound.GE:
        return f"Phấn đấu {low} đạt từ {v} trở lên."
    if bound == Bound.ABOUT:
        return f"Phấn đấu {low} đạt khoảng {v}."
    if bound == Bound.RANGE and value_high is not None:
        return f"Phấn đấu {low} đạt từ {format_vn_number(value)} đến {_num(value_high, unit)}."
    return f"Phấn đấu {low} đạt {v}."


def tasks_summary(statuses: Iterable[TaskStatus | str], *, period_label: str,
                  appendix: bool = True) -> str:
    """The tasks paragraph: "Trong quý I/2026, hoàn thành đúng tiến độ 06 nhiệm vụ; hoàn thành
    chậm tiến độ 01 nhiệm vụ; 03 nhiệm vụ đã đến hạn nhưng chưa hoàn thành; 02 nhiệm vụ đang
    thực hiện trong hạn." Parts with no task are left out."""
    counts = dict.fromkeys(TaskStatus, 0)
    for s in statuses:
        counts[TaskStatus(s)] += 1
    total = sum(counts.values())
    if total == 0:
        return f"Trong {period_label}, không có nhiệm vụ nào đến hạn."
    parts = []
    if counts[TaskStatus.DONE_ON_TIME]:
        parts.append(f"hoàn thành đúng tiến độ {format_count(counts[TaskStatus.DONE_ON_TIME])}"
                     " nhiệm vụ")
    if counts[TaskStatus.DONE_LATE]:
        parts.append(f"hoàn thành chậm tiến độ {format_count(counts[TaskStatus.DONE_LATE])}"
                     " nhiệm vụ")
    if counts[TaskStatus.OVERDUE]:
        parts.append(f"{format_count(counts[TaskStatus.OVERDUE])} nhiệm vụ đã đến hạn nhưng "
                     "chưa hoàn thành")
    if counts[TaskStatus.IN_PROGRESS]:
        parts.append(f"{format_count(counts[TaskStatus.IN_PROGRESS])} nhiệm vụ đang thực hiện "
                     "trong hạn")
    tail = " (chi tiết tại Phụ lục kèm theo)." if appendix else "."
    return (f"Trong {period_label}, trên tổng số {format_count(total)} nhiệm vụ: "
            + "; ".join(parts) + tail)
