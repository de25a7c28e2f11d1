"""Metrics of a unit and period computed from tasks, figures, marks and subordinates."""

from datetime import date
from decimal import Decimal as D

import pytest

from tiendo.audit.services import record
from tiendo.indicators.models import FigureState
from tiendo.lib.periods import parse_period
from tiendo.scoring.metrics import collect, metrics_json, status_day
from tiendo.scoring.models import MarkKind, Rating
from tiendo.scoring.queries import framework_version
from tiendo.tasks.models import TaskState
from tiendo.testing import make_figure, make_indicator, make_target, make_unit

from .helpers import at, done_task, mark, open_task

Q1 = parse_period("2026-Q1")


def test_status_is_read_the_day_after_the_period():
    assert status_day(Q1) == date(2026, 4, 1)


def test_task_metrics_follow_the_status_rules(cast, django_assert_num_queries):
    a = cast.unit_a
    on_time = done_task("đúng hạn", a, "2026-01-31", "2026-01-31", is_key=True)
    done_task("quá hạn", a, "2026-02-10", "2026-02-20")
    open_task("chưa xong", a, "2026-03-31")  # due on the last day, still open → overdue
    open_task("quý II", a, "2026-04-30")  # not due in Q1
    submitted = open_task("chờ nghiệm thu", a, "2026-03-15", is_key=True)
    submitted.state, submitted.completed_on = TaskState.SUBMITTED, date(2026, 3, 10)
    submitted.save()  # reported done but not accepted: not closed
    ext = open_task("gia hạn", a, "2026-02-01", extended_deadline=date(2026, 3, 1))
    ext.state, ext.completed_on = TaskState.DONE, date(2026, 2, 25)
    ext.save()
    mark(a, MarkKind.EXCEEDED_TASK, task=on_time)
    with django_assert_num_queries(6):
        # tasks, marks, targets, figures, child units, state-body links (no figure, no child
        # and no link: the audit, child-rating and linked-body look-ups run no query)
        data = collect([a, cast.unit_b], Q1)
    m = data[a.pk].metrics
    assert {k: m[k] for k in ("tasks_due", "tasks_on_time", "tasks_late", "tasks_overdue",
                              "tasks_exceeded", "key_tasks_due", "key_tasks_on_time",
                              "key_tasks_overdue")} == {
        "tasks_due": 5, "tasks_on_time": 2, "tasks_late": 1, "tasks_overdue": 2,
        "tasks_exceeded": 1, "key_tasks_due": 2, "key_tasks_on_time": 1,
        "key_tasks_overdue": 1}
    titles = sorted(v["title"] for v in data[a.pk].evidence["tasks"].values())
    assert titles == ["chưa xong", "chờ nghiệm thu", "gia hạn", "quá hạn", "đúng hạn"]
    assert data[cast.unit_b.pk].metrics["tasks_due"] == 0


def test_marks_latest_quality_counts_withdrawn_and_undone_exceeded_do_not(cast):
    a = cast.unit_a
    mark(a, MarkKind.QUALITY, 7)
    mark(a, MarkKind.QUALITY, "8.5")
    withdrawn = mark(a, MarkKind.DEDUCTION, 3)
    withdrawn.withdrawn_at = at("2026-04-02")
    withdrawn.save()
    mark(a, MarkKind.DEDUCTION, "1.5")
    mark(a, MarkKind.SHORTCOMING_NOTED, 2)
    late_open = open_task("chưa xong", a, "2026-03-01")
    mark(a, MarkKind.EXCEEDED_TASK, task=late_open)
    mark(a, MarkKind.QUALITY, 10, period="2026-Q2")
    m = collect([a], Q1)[a.pk].metrics
    assert m["quality_mark"] == D("8.5")
    assert m["deductions"] == D("1.5")
    assert m["shortcomings_noted"] == 2
    assert m["shortcomings_remedied"] == 0
    assert m["tasks_exceeded"] == 0
    assert collect([cast.unit_b], Q1)[cast.unit_b.pk].metrics["quality_mark"] is None


def test_targets_and_report_timeliness(cast, settings):
    settings.TIENDO_RULES = {**settings.TIENDO_RULES, "exceed_margin": "0.05"}  # vượt at +5%
    a = cast.unit_a
    rev = make_indicator("thu-ngan-sach", is_key=True)
    cpi = make_indicator("cpi", direction="lower", unit_of_measure="%")
    late = make_indicator("bao-cao-tre")
    make_target(rev, a, "2026-Q1", 100)
    make_target(cpi, a, "2026-Q1", 4, bound="<=")
    make_target(late, a, "2026-Q1", 10)
    make_figure(rev, a, "2026-Q1", 110, submitted_at=at("2026-04-05"))  # vượt (> +5%)
    f_cpi = make_figure(cpi, a, "2026-Q1", "4.2", submitted_at=at("2026-04-10", 23))
    make_figure(late, a, "2026-Q1", 10, state=FigureState.SUBMITTED,
                submitted_at=at("2026-04-11", 8))  # after the window: not approved, late
    record(actor=None, action="figure.return", obj=f_cpi, reason="sai số liệu")
    m = collect([a], Q1)[a.pk].metrics
    assert (m["targets_total"], m["targets_met"], m["targets_exceeded"], m["targets_not_met"],
            m["key_targets_not_met"]) == (2, 1, 1, 1, 0)
    assert (m["reports_due"], m["reports_on_time"], m["reports_returned"]) == (3, 2, 1)


def test_subordinates_unknown_until_every_child_is_rated(cast):
    parent = cast.unit_a
    child1 = make_unit("con-1", parent=parent)
    child2 = make_unit("con-2", parent=parent)
    make_unit("con-cu", parent=parent, valid_to=date(2025, 12, 31))  # closed before Q1
    m = collect([parent], Q1)[parent.pk].metrics
    assert m["subordinates_total"] == 2
    assert m["subordinates_hoan_thanh_or_better"] is None
    fv = framework_version("QD366")
    for child, level in ((child1, "tot"), (child2, "hoan_thanh")):
        Rating.objects.create(unit=child, period="2026-Q1", framework=fv, framework_code="QD366",
                              state="published", level=level)
    m = collect([parent], Q1)[parent.pk].metrics
    assert (m["subordinates_hoan_thanh_or_better"], m["subordinates_tot_or_better"]) == (2, 1)


@pytest.mark.parametrize(("value", "text"), [(D("10.00"), "10"), (D("7.50"), "7.5"),
                                             (None, None), (D(0), "0")])
def test_metrics_json_is_stable(value, text):
    assert metrics_json({"x": value}) == {"x": text}
