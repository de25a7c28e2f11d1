"""The overview page's data: a period's indicators and the tasks by status."""

from collections import Counter

from django.utils import timezone

from tiendo.indicators.models import Figure
from tiendo.indicators.queries import figure_table
from tiendo.lib.periods import PeriodError, parse_period
from tiendo.tasks.queries import task_rows
from tiendo.tasks.rules import TASK_STATUS_LABELS_VI, TaskStatus, summarise


def latest_period_code() -> str | None:
    """The most recent quarter with figures, the default period of the overview."""
    codes = Figure.objects.filter(period__contains="-Q").values_list("period", flat=True)
    return max(codes, default=None)


def overview(*, user, params) -> dict:
    code = params.get("period") or latest_period_code() or f"{timezone.localdate().year}"
    error = None
    try:
        period = parse_period(code)
    except PeriodError as exc:
        error = str(exc)
        period = parse_period(latest_period_code() or str(timezone.localdate().year))
    rows = figure_table(user=user, period=period)
    verdicts = Counter(r.status or "none" for r in rows)
    on = timezone.localdate()
    tasks = task_rows(user=user, on=on)
    counts = summarise([r.status.status for r in tasks])
    return {
        "period": period,
        "period_error": error,
        "rows": rows,
        "met": verdicts["achieved"],
        "not_met": verdicts["not_achieved"],
        "no_verdict": verdicts["none"],
        "on": on,
        "task_counts": [(s, TASK_STATUS_LABELS_VI[s], counts.get(s, 0)) for s in TaskStatus],
        "task_total": counts["total"],
        "overdue_tasks": [r for r in tasks if r.status.status == TaskStatus.OVERDUE][:10],
    }
