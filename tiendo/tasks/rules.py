"""Pure rules for tasks (nhiệm vụ): status on a date and counts (docs/domain.md §Task status).

No ORM, no clock: the date ``on`` is always a parameter (Django only to mark the labels and
sentences for translation).

- The deadline in force is the approved extended deadline when there is one and the office counts
  work finished within an extension as on time (configurable, default yes); otherwise the
  original deadline.
- A task completed after ``on`` counts as not yet completed on that date.
- A task is overdue from the day AFTER its deadline in force: the deadline day is still in time.
- Tasks without a deadline (*thường xuyên*): open → in progress, done → done on time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, cached_property

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from tiendo.lib.messages import Message
from tiendo.shared.i18n import Day, in_language, render, translate

__all__ = [
    "StatusResult",
    "TaskStatus",
    "summarise",
    "task_status",
]


class TaskStatus(TextChoices):
    IN_PROGRESS = "in_progress", _("Đang thực hiện trong hạn")
    OVERDUE = "overdue", _("Quá hạn, chưa hoàn thành")
    DONE_ON_TIME = "done_on_time", _("Hoàn thành đúng hạn")
    DONE_LATE = "done_late", _("Hoàn thành quá hạn")


# Looked up once per language: switching the language costs more than the rest of a label.
@cache
def _label_in(language: str, status: str) -> str:
    return in_language(language, TaskStatus(status).label)


@dataclass(frozen=True, eq=False)
class StatusResult:
    """A status on a date and the clauses explaining it (``clauses``), which :attr:`explanation`
    gives in the active language; :attr:`explanation_vi` and :attr:`explanation_en` give it in
    each language for readers that want one of them whatever the page's. The sentences are
    worded when first read, not when the status is computed: a province's report counts 20,000
    statuses and prints none of these sentences. Two results are equal when their status, days,
    deadline, extension and both sentences are."""

    status: TaskStatus
    days_overdue: int
    deadline_in_force: date | None
    extended: bool
    given_vi: str = ""  # a sentence given as is (else worded from the clauses)
    given_en: str = ""
    # (the day looked from, the completion day, an extension that does not count): what the
    # clauses are worded from
    facts: tuple = field(default=(), repr=False)

    @cached_property
    def clauses(self) -> tuple[Message, ...]:
        return _clauses(self) if self.facts else ()

    @cached_property
    def explanation_vi(self) -> str:
        return self.given_vi or "; ".join(str(c) for c in self.clauses) + "."

    @cached_property
    def explanation_en(self) -> str:
        return self.given_en or "; ".join(render(c, "en") for c in self.clauses) + "."

    @property
    def explanation(self) -> str:
        if not self.clauses:
            return self.explanation_vi
        return "; ".join(translate(c) for c in self.clauses) + "."

    def _key(self) -> tuple:
        return (self.status, self.days_overdue, self.deadline_in_force, self.extended,
                self.explanation_vi, self.explanation_en)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StatusResult):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    @property
    def label_vi(self) -> str:
        return _label_in("vi", self.status)

    @property
    def label_en(self) -> str:
        return _label_in("en", self.status)

    @property
    def done(self) -> bool:
        return self.status in (TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE)


NOTE_RECURRING = gettext_noop("Nhiệm vụ thường xuyên, không có hạn")
NOTE_EXTENDED = gettext_noop("Hạn đã gia hạn đến %(day)s")
NOTE_DEADLINE = gettext_noop("Hạn %(day)s")
NOTE_EXTENSION_NOT_COUNTED = gettext_noop(
    "gia hạn đến %(day)s không được tính là đúng hạn")
# One day and several days apart: English says "1 day", "5 days".
TAIL_DONE_LATE = (gettext_noop("hoàn thành ngày %(day)s, trễ 1 ngày"),
                  gettext_noop("hoàn thành ngày %(day)s, trễ %(days)s ngày"))
TAIL_DONE_ON_TIME = gettext_noop("hoàn thành ngày %(day)s")
TAIL_OVERDUE = (gettext_noop("đến ngày %(day)s chưa hoàn thành, quá hạn 1 ngày"),
                gettext_noop("đến ngày %(day)s chưa hoàn thành, quá hạn %(days)s ngày"))
TAIL_IN_PROGRESS = gettext_noop("đến ngày %(day)s đang thực hiện")


def overdue_days(*, deadline: date | None, on: date) -> int:
    """Days a task is overdue on ``on`` past the deadline in force (0 when not overdue or
    without a deadline). Every screen and message counts overdue days with this function."""
    if deadline is None or on <= deadline:
        return 0
    return (on - deadline).days


def task_status(
    *,
    deadline: date | None,
    completed_on: date | None,
    on: date,
    extended_deadline: date | None = None,
    extension_counts_on_time: bool = True,
) -> StatusResult:
    """The status of a task on the date ``on``.

    ``extended`` is True when the deadline in force is the extended one (an approved extension
    that counts). When an extension exists but does not count, the explanation says so.
    """
    extended = extended_deadline is not None and extension_counts_on_time
    in_force = extended_deadline if extended else deadline
    days = 0
    if completed_on is not None and completed_on <= on:
        if in_force is not None and completed_on > in_force:
            status = TaskStatus.DONE_LATE
            days = (completed_on - in_force).days
        else:
            status = TaskStatus.DONE_ON_TIME
    elif in_force is not None and on > in_force:
        status = TaskStatus.OVERDUE
        days = overdue_days(deadline=in_force, on=on)
    else:
        status = TaskStatus.IN_PROGRESS
    uncounted = extended_deadline if not extension_counts_on_time else None
    return StatusResult(status, days, in_force, extended, facts=(on, completed_on, uncounted))


def _clauses(result: StatusResult) -> tuple[Message, ...]:
    """The clauses explaining a status: the deadline in force (or none), an extension that does
    not count, then what happened by the day looked from."""
    on, completed_on, uncounted = result.facts
    in_force, days = result.deadline_in_force, result.days_overdue
    if in_force is None:
        clauses = [Message(NOTE_RECURRING)]
    else:
        clauses = [Message(NOTE_EXTENDED if result.extended else NOTE_DEADLINE,
                           {"day": Day(in_force)})]
    if uncounted is not None:
        clauses.append(Message(NOTE_EXTENSION_NOT_COUNTED, {"day": Day(uncounted)}))
    if result.status == TaskStatus.DONE_LATE:
        clauses.append(Message(TAIL_DONE_LATE[days != 1], {"day": Day(completed_on),
                                                           "days": days}))
    elif result.status == TaskStatus.DONE_ON_TIME:
        clauses.append(Message(TAIL_DONE_ON_TIME, {"day": Day(completed_on)}))
    elif result.status == TaskStatus.OVERDUE:
        clauses.append(Message(TAIL_OVERDUE[days != 1], {"day": Day(on), "days": days}))
    else:
        clauses.append(Message(TAIL_IN_PROGRESS, {"day": Day(on)}))
    return tuple(clauses)


def summarise(statuses: Iterable[TaskStatus | str]) -> dict:
    """Counts per status plus ``total``, ``done`` and ``done_pct``.

    ``done_pct`` is done / total × 100 as a Decimal with 2 decimals (ROUND_HALF_UP), ``None`` when
    there is no task: "đã hoàn thành 11/49 nhiệm vụ (đạt 22,45%)". Keys of the counts are the
    :class:`TaskStatus` members (equal to their string values).
    """
    counts: dict = dict.fromkeys(TaskStatus, 0)
    for status in statuses:
        counts[TaskStatus(status)] += 1
    total = sum(counts.values())
    done = counts[TaskStatus.DONE_ON_TIME] + counts[TaskStatus.DONE_LATE]
    done_pct = None
    if total:
        done_pct = (Decimal(done) * 100 / Decimal(total)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    counts.update({"total": total, "done": done, "done_pct": done_pct})
    return counts
