"""Reads of the reminders app."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from tiendo.indicators.models import Figure, FigureState
from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.reminders.models import Notification, Outbox, OutboxState, Urge
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


def awaiting_approval_count(user) -> int:
    """Figures submitted and waiting for this office's approval (1 query; 0 for others)."""
    return bell_counts(user)[1]


def bell_counts(user) -> tuple[int, int]:
    """(unread notifications, figures awaiting this office's approval) in one query."""
    if not getattr(user, "is_authenticated", False):
        return 0, 0
    unread = (Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
              .order_by().values("recipient").annotate(n=Count("pk")).values("n"))
    annotations = {"unread": Coalesce(Subquery(unread, output_field=IntegerField()), 0)}
    if access.has_role(user, Role.OFFICE):
        waiting = (Figure.objects.filter(state=FigureState.SUBMITTED,
                                         unit__in=access.units_managed_by_qs(user))
                   .order_by().annotate(g=Value(1)).values("g").annotate(n=Count("pk"))
                   .values("n"))
        annotations["awaiting"] = Coalesce(Subquery(waiting, output_field=IntegerField()), 0)
    row = (get_user_model().objects.filter(pk=user.pk).annotate(**annotations)
           .values(*annotations).first()) or {}
    return row.get("unread", 0), row.get("awaiting", 0)


def urges_of(*, unit, task=None, limit: int = 20):
    """The latest urges of a unit (of one task when given), newest first (1 query)."""
    qs = Urge.objects.filter(unit=unit).select_related("actor", "actor__profile")
    if task is not None:
        qs = qs.filter(task=task)
    return qs[:limit]
