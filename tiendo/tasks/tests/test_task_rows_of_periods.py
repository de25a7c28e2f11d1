"""``task_rows(periods=…)`` reads only the tasks of those periods — assigned to one, or due in
one — so a report over a quarter and the next does not load every task of the province."""

from datetime import date

from tiendo.lib.periods import parse_period
from tiendo.tasks.queries import task_rows
from tiendo.testing import make_task


def test_only_the_tasks_assigned_to_or_due_in_the_periods_are_read(cast):
    make_task("Q1 by deadline", cast.unit_a, deadline=date(2026, 3, 31))
    make_task("Q1 by assignment", cast.unit_a, deadline=date(2026, 9, 30), period="2026-Q1")
    make_task("Q2 first day", cast.unit_a, deadline=date(2026, 4, 1))
    make_task("Q3", cast.unit_a, deadline=date(2026, 7, 1))
    make_task("2025", cast.unit_a, deadline=date(2025, 12, 31))
    make_task("recurring", cast.unit_a)
    periods = [parse_period("2026-Q1"), parse_period("2026-Q2")]
    rows = task_rows(user=cast.office, on=date(2026, 4, 15), periods=periods)
    assert [r.task.title for r in rows] == ["Q1 by deadline", "Q2 first day", "Q1 by assignment"]
    everything = task_rows(user=cast.office, on=date(2026, 4, 15))
    assert len(everything) == 6
