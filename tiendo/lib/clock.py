"""tiendo's one clock and one calendar: the time zone of Vietnam (UTC+7, no daylight saving),
the moment now, the day it is in Vietnam, and the way a day is written (dd/mm/yyyy).

Pure Python (no Django). Rules never call ``now``/``today``: the day is passed in, so tests
name it; services, views and commands read it here once and pass it down. Tests freeze it with
time-machine, which moves ``datetime.now`` under these functions too.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

TIME_ZONE = "Asia/Ho_Chi_Minh"
VN = ZoneInfo(TIME_ZONE)
DAY_FORMAT = "%d/%m/%Y"
_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})|([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")


def now() -> datetime:
    """The moment now, aware (UTC), as stored in the database."""
    return datetime.now(UTC)


def today() -> date:
    """The day it is in Vietnam."""
    return datetime.now(VN).date()


def vn_day(day: date | datetime | None) -> str:
    """A day as Vietnamese documents write it, 31/03/2026; "" for none. An aware moment is
    first turned into Vietnam's time."""
    if day is None:
        return ""
    if isinstance(day, datetime) and day.tzinfo is not None:
        day = day.astimezone(VN)
    return day.strftime(DAY_FORMAT)


def parse_day(text: str) -> date:
    """A day written yyyy-mm-dd (a date field, ISO) or dd/mm/yyyy (as Vietnamese documents write
    it); ValueError for anything else, or a day that does not exist."""
    found = _DAY.fullmatch((text or "").strip())
    if found is None:
        raise ValueError(f"not a day: {text!r}")
    if found[1]:
        return date(int(found[1]), int(found[2]), int(found[3]))
    return date(int(found[6]), int(found[5]), int(found[4]))
