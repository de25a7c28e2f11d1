from datetime import UTC, date, datetime

import pytest
import time_machine

from tiendo.lib import clock


def test_a_day_is_written_as_vietnamese_documents_write_it():
    assert clock.vn_day(date(2026, 3, 31)) == "31/03/2026"
    assert clock.vn_day(None) == ""
    # 20:00 UTC on the 31st is already the 1st in Vietnam
    assert clock.vn_day(datetime(2026, 3, 31, 20, 0, tzinfo=UTC)) == "01/04/2026"
    assert clock.vn_day(datetime(2026, 3, 31, 20, 0)) == "31/03/2026"  # naive: as written


def test_today_is_the_day_in_vietnam():
    with time_machine.travel(datetime(2026, 3, 31, 18, 30, tzinfo=UTC), tick=False):
        assert clock.today() == date(2026, 4, 1)
        assert clock.now() == datetime(2026, 3, 31, 18, 30, tzinfo=UTC)


def test_a_day_is_read_as_a_date_field_or_as_vietnamese_documents_write_it():
    assert clock.parse_day("2026-03-31") == date(2026, 3, 31)
    assert clock.parse_day(" 31/03/2026 ") == date(2026, 3, 31)
    assert clock.parse_day("5/4/2026") == date(2026, 4, 5)
    for bad in ("", "31/02/2026", "2026/03/31", "31-03-2026", "hôm nay", "31/03/26"):
        with pytest.raises(ValueError):
            clock.parse_day(bad)
