"""How the quarterly report words its results — the sentence rules, in one place.

Pure functions over plain values (no Django, no ORM, no clock). The house style is the one of
a provincial quarterly report (DOMAIN.md §5; the report in the demo):

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
    "plan_text",
    "shortfall_line",
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


def is_growth_indicator(name: str, unit: str) -> bool:
    """A rate whose value is itself a change: "Tốc độ tăng trưởng GRDP" (%), "Xuất khẩu cà phê
    (so với cùng kỳ)" (%)."""
    if unit != _PERCENT:
        return False
    key = fold(name)
    return key.startswith(_GROWTH_PREFIXES) or "so voi cung ky" in key


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
    if growth:
        # The value is the change itself: "tăng 7,47% so với cùng kỳ".
        head = f"{name} {estimate}{_change_text(Decimal(facts.actual), 'cùng kỳ')}"
    elif facts.direction == Direction.LOWER:
        head = f"{name} {estimate}là {_num(facts.actual, facts.unit)}"
    else:
        head = f"{name} {estimate}đạt {_num(facts.actual, facts.unit)}"
    tail = [_attainment_text(v, b) for v, b in facts.attainments]
    if facts.change is not None and not growth:
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
    if attainment is not None:
        text += f" (đạt {format_vn_number(attainment)}% kế hoạch)"
    return text + "."


def tasks_summary(statuses: Iterable[TaskStatus | str], *, period_label: str) -> str:
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
    return (f"Trong {period_label}, trên tổng số {format_count(total)} nhiệm vụ: "
            + "; ".join(parts) + " (chi tiết tại Phụ lục kèm theo).")
