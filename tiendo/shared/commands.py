"""Arguments the command-line tools share, read once, with the same bilingual message."""

from datetime import date

from django.core.management.base import CommandError


def parse_day(text: str) -> date:
    """A day given as YYYY-MM-DD or dd/mm/yyyy; exit code 2 with a clear message otherwise."""
    text = text.strip()
    try:
        if "/" in text:
            d, m, y = (int(x) for x in text.split("/"))
            return date(y, m, d)
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(
            f"Ngày “{text}” không hợp lệ: dùng YYYY-MM-DD hoặc dd/mm/yyyy "
            f"(invalid date: use YYYY-MM-DD or dd/mm/yyyy).", returncode=2) from exc
