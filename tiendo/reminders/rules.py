"""Pure reminder rules: which stage of a deadline is due on a day, when a non-urgent message may
go, when a digest is due, and how long to wait before retrying. No Django, no clock.

Stages are windows, not instants. With offsets (7, 3, 1) and the deadline D:

======================  ==================================  ===============================
stage key               due on the days                      who hears
======================  ==================================  ===============================
``before-7``            D-7 … D-4                            focal points of the lead unit
``before-3``            D-3 … D-2                            focal points
``before-1``            D-1                                  focal points
``due``                 D                                    focal points
``overdue-<k>``         from D+1+k·N until the next step     focal points
``escalate-head``       D+K_head … D+K_head+13 (once)        the unit head (nearest above)
``escalate-office``     D+K_office … D+K_office+13 (once)    the office (nearest above)
======================  ==================================  ===============================

Each stage is planned at most once per person (the dedup key names it), at the first planning
that falls inside its window: a worker stopped for two days, or a task assigned five days
before its deadline, still produces the current reminder — and never the ones it superseded.
An escalation not planned within two weeks of its day is dropped (the weekly summary lists the
unit anyway): switching reminders on over a backlog does not flood heads and the office.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from tiendo.reminders.holidays import is_working_day

__all__ = [
    "MAX_ATTEMPTS",
    "Calendar",
    "RuleSpec",
    "Stage",
    "backoff",
    "digest_due",
    "hold_until",
    "in_quiet_hours",
    "max_lookahead",
    "report_due_date",
    "stages_for_deadline",
]

MAX_ATTEMPTS = 8
ESCALATION_CATCH_UP_DAYS = 14
BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=6)


@dataclass(frozen=True)
class RuleSpec:
    offsets: tuple[int, ...] = (7, 3, 1)
    on_day: bool = True
    overdue_every_days: int = 3
    escalate_head_after_days: int = 3
    escalate_office_after_days: int = 7
    quiet_start_hour: int = 21
    quiet_end_hour: int = 7
    skip_holidays: bool = True
    urgent: bool = False
    report_due_day: int = 5
    weekday: int = 0


@dataclass(frozen=True)
class Stage:
    key: str
    kind: str  # before | due | overdue | escalation
    audience: str  # focal | head | office
    days_left: int  # negative when overdue


@dataclass(frozen=True)
class Calendar:
    extra_off: frozenset[date] = field(default_factory=frozenset)
    extra_on: frozenset[date] = field(default_factory=frozenset)

    def working(self, day: date) -> bool:
        return is_working_day(day, extra_off=self.extra_off, extra_on=self.extra_on)


def stages_for_deadline(deadline: date, today: date, spec: RuleSpec) -> list[Stage]:
    """The stages whose window contains `today` (at most one reminder stage plus the
    escalations already reached)."""
    left = (deadline - today).days
    out: list[Stage] = []
    if left > 0:
        offsets = _offsets(spec.offsets)
        for i, off in enumerate(offsets):
            nxt = offsets[i + 1] if i + 1 < len(offsets) else 0
            if nxt < left <= off:
                out.append(Stage(f"before-{off}", "before", "focal", left))
                break
        return out
    if left == 0:
        if spec.on_day:
            out.append(Stage("due", "due", "focal", 0))
        return out
    overdue = -left
    if spec.overdue_every_days:
        k = (overdue - 1) // spec.overdue_every_days
        out.append(Stage(f"overdue-{k}", "overdue", "focal", left))
    k_head, k_office = spec.escalate_head_after_days, spec.escalate_office_after_days
    if k_head and k_head <= overdue < k_head + ESCALATION_CATCH_UP_DAYS:
        out.append(Stage("escalate-head", "escalation", "head", left))
    if k_office and k_office <= overdue < k_office + ESCALATION_CATCH_UP_DAYS:
        out.append(Stage("escalate-office", "escalation", "office", left))
    return out


@lru_cache(maxsize=32)
def _offsets(offsets: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(sorted({o for o in offsets if o > 0}, reverse=True))


def max_lookahead(spec: RuleSpec) -> int:
    """How many days before a deadline the first stage opens."""
    return max((o for o in spec.offsets if o > 0), default=0)


def report_due_date(period_end: date, due_day: int) -> date:
    """Figures of a period are due on day `due_day` of the month after the period ends."""
    first_next = period_end + timedelta(days=1)
    if first_next.day != 1:  # period_end is always a month end; be safe anyway
        first_next = date(period_end.year + (period_end.month == 12),
                          period_end.month % 12 + 1, 1)
    return first_next.replace(day=due_day)


def in_quiet_hours(moment: datetime, spec: RuleSpec) -> bool:
    start, end, hour = spec.quiet_start_hour, spec.quiet_end_hour, moment.hour
    if start == end:
        return False
    if start < end:
        return start <= hour < end
    return hour >= start or hour < end


def hold_until(moment: datetime, spec: RuleSpec, cal: Calendar, *, urgent: bool) -> datetime:
    """The earliest local moment a message planned at `moment` may go.

    Urgent messages go at once. Others wait out quiet hours, and on a day off (when the rule
    skips holidays) wait for the next working day at the end of quiet hours."""
    if urgent:
        return moment
    at = moment
    for _ in range(400):  # a year of days off at most
        day_ok = not spec.skip_holidays or cal.working(at.date())
        if day_ok and not in_quiet_hours(at, spec):
            return at
        nxt = at.date() if day_ok and at.hour < spec.quiet_end_hour else (
            at.date() + timedelta(days=1))
        at = datetime.combine(nxt, time(spec.quiet_end_hour), tzinfo=at.tzinfo)
    return at


def digest_due(moment: datetime, digest_hour: int, spec: RuleSpec, cal: Calendar) -> bool:
    """A person's daily digest is due once their digest hour has come on a working day (any
    day when the rule does not skip holidays). A digest hour inside quiet hours is held by
    `hold_until` like any other non-urgent message."""
    if spec.skip_holidays and not cal.working(moment.date()):
        return False
    return moment.hour >= digest_hour


def backoff(attempts: int) -> timedelta:
    """Wait after the `attempts`-th failure: 1, 2, 4, 8 … minutes, at most 6 hours."""
    wait = BACKOFF_BASE * (2 ** max(0, attempts - 1))
    return min(wait, BACKOFF_CAP)
