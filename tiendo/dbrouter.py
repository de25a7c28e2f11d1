"""Read-only pages and exports on a PostgreSQL read replica (TIENDO_REPLICA_URL).

With a replica configured (settings add the `replica` database, this router and the
middleware below):
- a GET or HEAD request reads from the replica, until it writes anything: from its first
  write on, and inside any transaction, it reads from the primary, so a request always sees its
  own writes and a write never decides on stale data;
- logins, sessions, second factors and lockouts always read from the primary (a replica a
  moment behind must not log anyone out);
- every write goes to the primary; exports run from the command line opt in with
  `replica_reads()`.
Without a replica nothing here is installed and everything reads and writes `default`.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connections

REPLICA = "replica"
_reads: ContextVar[str | None] = ContextVar("tiendo_replica_reads", default=None)
# Apps whose reads decide who is logged in: never from a replica.
PRIMARY_APPS = {"auth", "sessions", "otp_totp", "otp_static", "django_otp", "axes",
                "security", "contenttypes", "admin", "api"}


@contextmanager
def replica_reads():
    """Within: reads go to the replica (if configured) until the first write."""
    token = _reads.set(REPLICA)
    try:
        yield
    finally:
        _reads.reset(token)


def reads_from() -> str:
    """The database the next read goes to, for a model not in PRIMARY_APPS."""
    if _reads.get() != REPLICA or REPLICA not in connections.settings:
        return "default"
    if connections["default"].in_atomic_block:
        return "default"
    return REPLICA


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if model._meta.app_label in PRIMARY_APPS:
            return "default"
        return reads_from()

    def db_for_write(self, model, **hints):
        if _reads.get() == REPLICA:
            _reads.set("default")  # read your own writes for the rest of the request
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return True  # a replica is a copy of the primary: the same schema


class ReplicaMiddleware:
    """GET and HEAD requests read from the replica; others only from the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with replica_reads():
            return self.get_response(request)
