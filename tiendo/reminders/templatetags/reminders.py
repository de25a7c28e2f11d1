from django import template

from tiendo.lib import clock
from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.reminders import delivery, queries

register = template.Library()


@register.inclusion_tag("reminders/_bell_inner.html", takes_context=True)
def reminder_bell(context):
    user = getattr(context.get("request"), "user", None)
    unread, awaiting = queries.bell_counts(user) if user else (0, 0)  # 1 query
    return {"unread": unread, "awaiting": awaiting,
            "show": bool(user and user.is_authenticated)}


@register.inclusion_tag("reminders/_worker_banner_inner.html", takes_context=True)
def worker_banner(context):
    """Shown to administrators and the office when the worker has stopped beating, or when
    messages were given up."""
    user = getattr(context.get("request"), "user", None)
    if not user or not user.is_authenticated or not access.has_role(user, Role.OFFICE):
        return {"show": False}
    seen, dead = delivery.worker_health()  # 1 query
    stale = seen is None or seen < clock.now() - delivery.HEARTBEAT_STALE
    return {"show": stale or dead > 0, "stale": stale, "seen": seen, "dead": dead}
