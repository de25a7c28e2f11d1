"""Overdue days are counted by one function, the same on every screen and in the early
warning: days past the deadline in force, 0 when not overdue."""

from datetime import date
from decimal import Decimal

import pytest

from tiendo.outlook.task_rules import task_features
from tiendo.tasks.rules import overdue_days, task_status


@pytest.mark.parametrize(("deadline", "on", "days"), [
    (date(2026, 3, 31), date(2026, 3, 31), 0),
    (date(2026, 3, 31), date(2026, 4, 1), 1),
    (date(2026, 3, 31), date(2026, 5, 30), 60),
    (date(2026, 3, 31), date(2026, 3, 1), 0),
    (None, date(2026, 5, 30), 0),
])
def test_overdue_days(deadline, on, days):
    assert overdue_days(deadline=deadline, on=on) == days


def test_the_task_status_and_the_early_warning_count_the_same_days():
    on, deadline = date(2026, 5, 30), date(2026, 3, 31)
    status = task_status(deadline=deadline, completed_on=None, on=on)
    features = task_features(progress_pct=Decimal(10), start=date(2026, 1, 1),
                             deadline=deadline, on=on, last_update_on=None,
                             unit_on_time_rate=None, unit_history_n=0, extensions=0)
    assert status.days_overdue == features.overdue_days == 60
