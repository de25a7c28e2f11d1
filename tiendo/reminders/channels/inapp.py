"""In-app channel: the planner writes `Notification` rows in its transaction, so the bell and
the notification centre show an item the moment it is planned; nothing is sent."""


from tiendo.lib import clock
from tiendo.reminders.models import Notification


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(*, user, pk: int | None = None, now=None) -> int:
    """Mark one (or, without `pk`, all) of the user's notifications read; returns how many."""
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if pk is not None:
        qs = qs.filter(pk=pk)
    return qs.update(read_at=now or clock.now())
