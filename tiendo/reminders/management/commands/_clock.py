from datetime import datetime

from django.core.management.base import CommandError

from tiendo.lib.clock import VN


def parse_now(raw: str | None) -> datetime | None:
    """An ISO 8601 moment; without an offset it is read as Vietnam time."""
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise CommandError(
            f"--now {raw!r} không hợp lệ: cần dạng ISO, ví dụ 2026-06-25T08:00:00+07:00. "
            "(invalid --now: expected ISO 8601)") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=VN)
