"""Table-driven tests of task status on a date and summaries (docs/domain.md §Task status); no
database."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tiendo.shared.i18n import in_language
from tiendo.tasks.rules import (
    StatusResult,
    TaskStatus,
    summarise,
    task_status,
)

IN, OVER, ON_TIME, LATE = (
    TaskStatus.IN_PROGRESS,
    TaskStatus.OVERDUE,
    TaskStatus.DONE_ON_TIME,
    TaskStatus.DONE_LATE,
)
LABELS_IN_VIETNAMESE = {s: in_language("vi", s.label) for s in TaskStatus}
LABELS_IN_ENGLISH = {s: in_language("en", s.label) for s in TaskStatus}
DL = date(2026, 3, 31)
EXT = date(2026, 4, 30)


def d(month, day, year=2026):
    return date(year, month, day)


# (deadline, completed_on, on, extended_deadline, extension_counts,
#  status, days, in_force, extended)
STATUS_TABLE = [
    # open tasks
    (DL, None, d(3, 30), None, True, IN, 0, DL, False),
    (DL, None, d(3, 31), None, True, IN, 0, DL, False),  # the deadline day is still in time
    (DL, None, d(4, 1), None, True, OVER, 1, DL, False),  # overdue from the day after
    (DL, None, d(4, 5), None, True, OVER, 5, DL, False),
    # completed tasks
    (DL, d(3, 31), d(4, 10), None, True, ON_TIME, 0, DL, False),  # exactly on the deadline
    (DL, d(3, 15), d(4, 10), None, True, ON_TIME, 0, DL, False),  # before the deadline
    (DL, d(4, 2), d(4, 10), None, True, LATE, 2, DL, False),
    (DL, d(4, 2), d(4, 2), None, True, LATE, 2, DL, False),  # completed on `on` itself
    # completed after `on`: not yet completed on that date
    (DL, d(4, 2), d(4, 1), None, True, OVER, 1, DL, False),
    (DL, d(3, 20), d(3, 10), None, True, IN, 0, DL, False),
    # approved extension that counts (the default)
    (DL, None, d(4, 15), EXT, True, IN, 0, EXT, True),
    (DL, d(4, 20), d(5, 10), EXT, True, ON_TIME, 0, EXT, True),
    (DL, d(4, 30), d(5, 10), EXT, True, ON_TIME, 0, EXT, True),
    (DL, None, d(5, 3), EXT, True, OVER, 3, EXT, True),
    (DL, d(5, 1), d(5, 10), EXT, True, LATE, 1, EXT, True),
    # extension that does not count as on time
    (DL, d(4, 20), d(5, 10), EXT, False, LATE, 20, DL, False),
    (DL, None, d(4, 15), EXT, False, OVER, 15, DL, False),
    (DL, d(3, 30), d(5, 10), EXT, False, ON_TIME, 0, DL, False),
    # tasks without a deadline (thường xuyên)
    (None, None, d(12, 31), None, True, IN, 0, None, False),
    (None, d(6, 1), d(12, 31), None, True, ON_TIME, 0, None, False),
    (None, d(6, 1), d(5, 31), None, True, IN, 0, None, False),
    (None, None, d(5, 1), EXT, True, OVER, 1, EXT, True),
    (None, None, d(5, 1), EXT, False, IN, 0, None, False),
    # calendar edges
    (d(12, 31, 2025), None, d(1, 1), None, True, OVER, 1, d(12, 31, 2025), False),
    (d(2, 28, 2028), None, d(3, 1, 2028), None, True, OVER, 2, d(2, 28, 2028), False),
    (d(2, 28, 2026), d(3, 1), d(3, 1), None, True, LATE, 1, d(2, 28, 2026), False),
]


@pytest.mark.parametrize(
    (
        "deadline",
        "completed_on",
        "on",
        "extended_deadline",
        "counts",
        "status",
        "days",
        "in_force",
        "extended",
    ),
    STATUS_TABLE,
)
def test_task_status_table(
    deadline, completed_on, on, extended_deadline, counts, status, days, in_force, extended
):
    result = task_status(
        deadline=deadline,
        completed_on=completed_on,
        on=on,
        extended_deadline=extended_deadline,
        extension_counts_on_time=counts,
    )
    assert (result.status, result.days_overdue, result.deadline_in_force, result.extended) == (
        status,
        days,
        in_force,
        extended,
    )
    assert result.label_vi == LABELS_IN_VIETNAMESE[status]
    assert result.done == (status in (ON_TIME, LATE))


def test_task_status_table_covers_every_status():
    assert {row[5] for row in STATUS_TABLE} == set(TaskStatus)


@pytest.mark.parametrize(
    ("kwargs", "explanation_vi"),
    [
        (
            {"deadline": DL, "completed_on": None, "on": d(4, 5)},
            "Hạn 31/03/2026; đến ngày 05/04/2026 chưa hoàn thành, quá hạn 5 ngày.",
        ),
        (
            {"deadline": DL, "completed_on": None, "on": d(3, 5)},
            "Hạn 31/03/2026; đến ngày 05/03/2026 đang thực hiện.",
        ),
        (
            {"deadline": DL, "completed_on": d(3, 31), "on": d(4, 5)},
            "Hạn 31/03/2026; hoàn thành ngày 31/03/2026.",
        ),
        (
            {"deadline": DL, "completed_on": d(4, 2), "on": d(4, 5)},
            "Hạn 31/03/2026; hoàn thành ngày 02/04/2026, trễ 2 ngày.",
        ),
        (
            {"deadline": DL, "completed_on": d(4, 20), "on": d(5, 5), "extended_deadline": EXT},
            "Hạn đã gia hạn đến 30/04/2026; hoàn thành ngày 20/04/2026.",
        ),
        (
            {
                "deadline": DL,
                "completed_on": d(4, 20),
                "on": d(5, 5),
                "extended_deadline": EXT,
                "extension_counts_on_time": False,
            },
            "Hạn 31/03/2026; gia hạn đến 30/04/2026 không được tính là đúng hạn; "
            "hoàn thành ngày 20/04/2026, trễ 20 ngày.",
        ),
        (
            {"deadline": None, "completed_on": None, "on": d(5, 5)},
            "Nhiệm vụ thường xuyên, không có hạn; đến ngày 05/05/2026 đang thực hiện.",
        ),
    ],
)
def test_task_status_explains_in_vietnamese(kwargs, explanation_vi):
    assert task_status(**kwargs).explanation_vi == explanation_vi


def test_task_status_explains_in_english_too():
    result = task_status(deadline=DL, completed_on=None, on=d(4, 5))
    assert (
        result.explanation_en == "Deadline 2026-03-31; not completed by 2026-04-05, 5 days overdue."
    )
    assert result.label_en == "Overdue, not completed"


def test_task_status_arguments_are_keyword_only():
    with pytest.raises(TypeError):
        task_status(DL, None, d(4, 1))  # type: ignore[misc]


def test_status_result_is_a_frozen_value():
    result = task_status(deadline=DL, completed_on=None, on=d(4, 1))
    assert result == StatusResult(
        OVER,
        1,
        DL,
        False,
        "Hạn 31/03/2026; đến ngày 01/04/2026 chưa hoàn thành, quá hạn 1 ngày.",
        "Deadline 2026-03-31; not completed by 2026-04-01, 1 day overdue.",
    )


def test_labels_are_the_domain_labels():
    assert LABELS_IN_VIETNAMESE == {
        IN: "Đang thực hiện trong hạn",
        OVER: "Quá hạn, chưa hoàn thành",
        ON_TIME: "Hoàn thành đúng hạn",
        LATE: "Hoàn thành quá hạn",
    }
    assert set(LABELS_IN_ENGLISH) == set(TaskStatus)
    assert [s.value for s in TaskStatus] == ["in_progress", "overdue", "done_on_time", "done_late"]


def test_summarise_counts_eleven_of_forty_nine():
    statuses = [ON_TIME] * 6 + [LATE] * 5 + [OVER] * 3 + [IN] * 35
    summary = summarise(statuses)
    assert summary == {
        IN: 35,
        OVER: 3,
        ON_TIME: 6,
        LATE: 5,
        "total": 49,
        "done": 11,
        "done_pct": Decimal("22.45"),
    }
    assert summary["in_progress"] == 35  # StrEnum keys equal their values


@pytest.mark.parametrize(
    ("statuses", "total", "done", "done_pct"),
    [
        ([], 0, 0, None),
        ([IN], 1, 0, Decimal("0.00")),
        ([ON_TIME], 1, 1, Decimal("100.00")),
        ([ON_TIME, IN, IN], 3, 1, Decimal("33.33")),
        ([ON_TIME, LATE, IN], 3, 2, Decimal("66.67")),
        (["done_on_time", "overdue"], 2, 1, Decimal("50.00")),
        (iter([LATE] * 8), 8, 8, Decimal("100.00")),
        ([ON_TIME] * 1 + [IN] * 7, 8, 1, Decimal("12.50")),
    ],
)
def test_summarise(statuses, total, done, done_pct):
    summary = summarise(statuses)
    assert (summary["total"], summary["done"], summary["done_pct"]) == (total, done, done_pct)
    assert sum(summary[s] for s in TaskStatus) == total


def test_summarise_rejects_unknown_statuses():
    with pytest.raises(ValueError):
        summarise(["finished"])


# --- property tests ---------------------------------------------------------------------------
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

days_2026 = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))
maybe_day = st.one_of(st.none(), days_2026)


@given(maybe_day, maybe_day, days_2026, maybe_day, st.booleans())
def test_status_follows_completion_and_deadline_in_force(deadline, completed, on, ext, counts):
    result = task_status(
        deadline=deadline,
        completed_on=completed,
        on=on,
        extended_deadline=ext,
        extension_counts_on_time=counts,
    )
    in_force = ext if (ext is not None and counts) else deadline
    assert result.deadline_in_force == in_force
    assert result.done == (completed is not None and completed <= on)
    assert result.days_overdue >= 0
    if result.status in (IN, ON_TIME):
        assert result.days_overdue == 0
    if result.status == OVER:
        assert result.days_overdue == (on - in_force).days > 0
    if result.status == LATE:
        assert result.days_overdue == (completed - in_force).days > 0
    assert result.explanation_vi.endswith(".")


@given(days_2026, maybe_day, days_2026, st.integers(min_value=0, max_value=90))
def test_counting_an_extension_never_makes_a_status_worse(deadline, completed, on, extra):
    extended = deadline + timedelta(days=extra)
    bad = {OVER, LATE}
    with_ext = task_status(
        deadline=deadline, completed_on=completed, on=on, extended_deadline=extended
    )
    without = task_status(
        deadline=deadline,
        completed_on=completed,
        on=on,
        extended_deadline=extended,
        extension_counts_on_time=False,
    )
    assert with_ext.days_overdue <= without.days_overdue
    if without.status not in bad:
        assert with_ext.status not in bad


@given(st.lists(st.sampled_from(list(TaskStatus)), max_size=200))
def test_summary_counts_add_up(statuses):
    summary = summarise(statuses)
    assert summary["total"] == len(statuses)
    assert summary["done"] == summary[ON_TIME] + summary[LATE]
    if statuses:
        assert D0 <= summary["done_pct"] <= D100
    else:
        assert summary["done_pct"] is None


D0, D100 = Decimal(0), Decimal(100)
