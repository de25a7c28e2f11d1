"""Vietnamese public holidays and working days (docs/domain.md §Numbers, dates and holidays).
Pure: no Django, no clock.

Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14), Art. 112:
- 1/1 (Tết Dương lịch);
- Tết Âm lịch, 5 days: the Prime Minister fixes which each year; the default here is the last
  day of the lunar year and days 1–4 of the new one;
- Giỗ Tổ Hùng Vương, 10/3 âm lịch;
- 30/4 and 1/5;
- 2/9 and one day next to it (the default here: 1/9, as in 2025 and 2026);
- a holiday falling on a weekly day off is made up on the next working day (Art. 112.3).
Saturdays and Sundays are days off. The office adds the year's announced bridge days (and the
Saturdays worked in exchange) as `extra_off` / `extra_on`.

Lunar dates come from the `lunar-vn` package, which converts with the UTC+7 meridian that
Vietnam's calendar uses (it differs from the Chinese calendar in some years).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from lunar_vn import convert_lunar_to_solar, solar_to_lunar

__all__ = ["gio_to_day", "holidays_of_year", "is_working_day", "next_working_day", "tet_day"]


def tet_day(year: int) -> date:
    """Mùng 1 Tết of the lunar year that begins in Gregorian `year`."""
    return convert_lunar_to_solar(1, 1, year)


def gio_to_day(year: int) -> date:
    """Giỗ Tổ Hùng Vương: 10/3 âm lịch."""
    return convert_lunar_to_solar(10, 3, year)


@lru_cache(maxsize=64)
def holidays_of_year(year: int) -> dict[date, str]:
    """Public holidays of `year`, with the make-up days of those that fall on a weekend."""
    named: dict[date, str] = {date(year, 1, 1): "Tết Dương lịch"}
    tet = tet_day(year)
    eve = tet - timedelta(days=1)
    named[eve] = "Tết Nguyên đán (" + f"{solar_to_lunar(eve).day}" + " tháng Chạp)"
    for i in range(4):
        named[tet + timedelta(days=i)] = f"Tết Nguyên đán (mùng {i + 1})"
    named[gio_to_day(year)] = "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
    named[date(year, 4, 30)] = "Ngày Chiến thắng, Thống nhất đất nước"
    named[date(year, 5, 1)] = "Ngày Quốc tế Lao động"
    named[date(year, 9, 1)] = "Quốc khánh (ngày liền kề)"
    named[date(year, 9, 2)] = "Quốc khánh"
    makeup: dict[date, str] = {}
    for day in sorted(named):
        if day.weekday() >= 5:
            nxt = day + timedelta(days=1)
            while nxt.weekday() >= 5 or nxt in named or nxt in makeup:
                nxt += timedelta(days=1)
            makeup[nxt] = f"Nghỉ bù {named[day]}"
    return {**named, **makeup}


def is_working_day(day: date, *, extra_off: Iterable[date] = (),
                   extra_on: Iterable[date] = ()) -> bool:
    if day in set(extra_on):
        return True
    if day.weekday() >= 5 or day in set(extra_off):
        return False
    hols = holidays_of_year(day.year)
    if day.month == 1 and day.day <= 2:  # Tết eve may fall in the previous Gregorian year
        hols = {**holidays_of_year(day.year - 1), **hols}
    return day not in hols


def next_working_day(day: date, *, extra_off: Iterable[date] = (),
                     extra_on: Iterable[date] = ()) -> date:
    """`day` itself when it is a working day, else the next one."""
    off, on = frozenset(extra_off), frozenset(extra_on)
    while not is_working_day(day, extra_off=off, extra_on=on):
        day += timedelta(days=1)
    return day
