"""Level badges and labels for the rating pages."""

from django import template
from django.utils.html import format_html

from tiendo.scoring import rules

register = template.Library()

BADGE = {
    rules.XUAT_SAC: "bg-green text-green-fg",
    rules.TOT: "bg-blue text-blue-fg",
    rules.HOAN_THANH: "bg-yellow text-yellow-fg",
    rules.KHONG_HOAN_THANH: "bg-red text-red-fg",
}


@register.filter
def level_label(level) -> str:
    return rules.LEVEL_LABELS.get(level, "Chưa xếp loại (thiếu dữ liệu)")


@register.filter
def level_badge(level):
    return format_html('<span class="badge {} level-{}" title="{}">{}</span>',
                       BADGE.get(level, "bg-secondary text-secondary-fg"), level or "none",
                       level_label(level), rules.LEVEL_SHORT.get(level, "Chưa xếp loại"))


@register.filter
def points(value) -> str:
    """'22.50' (as stored in a result) → '22,50'; None → '—'."""
    if value is None or value == "":
        return "—"
    from decimal import Decimal

    return rules.fmt(Decimal(str(value)), 2)


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
