"""The status of a task on a date computed in SQL (tasks.queries.with_status) is the status
of the pure rule (tasks.rules.task_status), for every kind of task and date."""

from datetime import date

import pytest

from tiendo.tasks.models import Task
from tiendo.tasks.queries import status_of, with_status
from tiendo.testing import make_task

DAYS = [date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 1), date(2026, 4, 10),
        date(2026, 4, 30), date(2026, 5, 1), date(2027, 1, 15)]


@pytest.fixture
def tasks(cast):
    u = cast.unit_a
    return [
        make_task("no deadline, open", u),
        make_task("no deadline, done", u, state="done", completed_on=date(2026, 4, 1)),
        make_task("open, due 31/3", u, deadline=date(2026, 3, 31)),
        make_task("done early", u, deadline=date(2026, 3, 31), state="done",
                  completed_on=date(2026, 3, 20)),
        make_task("done on the day", u, deadline=date(2026, 3, 31), state="done",
                  completed_on=date(2026, 3, 31)),
        make_task("done late", u, deadline=date(2026, 3, 31), state="done",
                  completed_on=date(2026, 4, 10)),
        make_task("submitted, not accepted", u, deadline=date(2026, 3, 31), state="submitted",
                  completed_on=date(2026, 3, 30)),
        make_task("extended, open", u, deadline=date(2026, 3, 31),
                  extended_deadline=date(2026, 4, 30)),
        make_task("extended, done within", u, deadline=date(2026, 3, 31),
                  extended_deadline=date(2026, 4, 30), state="done",
                  completed_on=date(2026, 4, 10)),
    ]


@pytest.mark.parametrize("extension_counts", [True, False])
def test_sql_status_matches_the_rule_on_every_date(tasks, settings, extension_counts):
    settings.TIENDO_RULES = {**settings.TIENDO_RULES,
                             "extension_counts_on_time": extension_counts}
    for on in DAYS:
        in_sql = dict(with_status(Task.objects.all(), on).values_list("pk", "status"))
        by_rule = {t.pk: status_of(Task.objects.get(pk=t.pk), on).status.value for t in tasks}
        assert in_sql == by_rule, on


def test_an_extension_that_counts_moves_the_deadline_in_force(tasks, settings):
    on = date(2026, 4, 10)
    rows = {t.title: (t.status, t.in_force) for t in with_status(Task.objects.all(), on)}
    assert rows["extended, open"] == ("in_progress", date(2026, 4, 30))
    assert rows["open, due 31/3"] == ("overdue", date(2026, 3, 31))
    assert rows["done late"] == ("done_late", date(2026, 3, 31))
    assert rows["submitted, not accepted"] == ("overdue", date(2026, 3, 31))
