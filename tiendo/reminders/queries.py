"""Reads of the reminders app."""

from datetime import date

from tiendo.reminders.models import Notification, Outbox, OutboxState
from tiendo.tasks.models import TaskState
from tiendo.tasks.queries import visible_tasks


def notifications_of(*, user, limit: int = 100):
    """The user's own notifications, newest first (1 query)."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")[:limit]


def deadlines_for_calendar(*, user, since: date | None = None, limit: int = 2000):
    """Open tasks the user sees that have a deadline, for the private iCal feed."""
    qs = (visible_tasks(user=user).filter(state__in=[TaskState.OPEN, TaskState.RETURNED,
                                                      TaskState.SUBMITTED])
          .exclude(deadline__isnull=True).select_related("lead_unit"))
    if since:
        qs = qs.filter(deadline__gte=since)
    return qs.order_by("deadline", "pk")[:limit]


def dead_count() -> int:
    return Outbox.objects.filter(state=OutboxState.DEAD).count()
