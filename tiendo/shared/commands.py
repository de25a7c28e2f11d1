"""Arguments the command-line tools share, read once, with the same bilingual message."""

from datetime import date

from django.core.management.base import CommandError

from tiendo.lib import clock


def parse_day(text: str) -> date:
    """A day given as YYYY-MM-DD or dd/mm/yyyy; exit code 2 with a clear message otherwise."""
    try:
        return clock.parse_day(text)
    except ValueError as exc:
        raise CommandError(
            f"Ngày “{text.strip()}” không hợp lệ: dùng YYYY-MM-DD hoặc dd/mm/yyyy "
            f"(invalid date: use YYYY-MM-DD or dd/mm/yyyy).", returncode=2) from exc
