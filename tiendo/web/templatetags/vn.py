"""Template filters for Vietnamese numbers and dates: |vn_number, |vn_percent, |vn_date."""

from datetime import date, datetime

from django import template
from django.utils import timezone

from tiendo.lib.clock import DAY_FORMAT, vn_day
from tiendo.lib.vn_numbers import format_count, format_vn_number, format_vn_percent

register = template.Library()


@register.filter
def vn_number(value, decimals=None):
    if value is None or value == "":
        return ""
    return format_vn_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def vn_percent(value, decimals=None):
    if value is None or value == "":
        return ""
    return format_vn_percent(value, None if decimals in (None, "") else int(decimals))


@register.filter
def vn_count(value):
    return "" if value is None else format_count(int(value))


@register.filter
def vn_date(value):
    if not value:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime(f"{DAY_FORMAT} %H:%M")
    if isinstance(value, date):
        return vn_day(value)
    return value
