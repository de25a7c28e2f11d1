"""Delivery channels. Each module has `send(row)`: it returns on success and raises on failure
(`PermanentError` when retrying cannot help). In-app notifications need no delivery: the
planner writes them (see inapp.py)."""


class PermanentError(Exception):
    """Retrying will not help (no address, subscription gone)."""
