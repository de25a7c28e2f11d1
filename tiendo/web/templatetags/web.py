"""Template tags of the web pages: optional includes, the navigation's role flags, labels."""

from django import template
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.web import queries

register = template.Library()


@register.simple_tag(takes_context=True)
def optional_include(context, name: str):
    """Render `name` with the current context when another app provides it, else nothing."""
    try:
        tpl = get_template(name)
    except TemplateDoesNotExist:
        return ""
    return tpl.render(context.flatten(), context.get("request"))


@register.simple_tag(takes_context=True)
def nav_flags(context) -> dict:
    """Which sections the user's roles open (the pages check again: this only hides links)."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {}
    return {
        "office": access.has_role(user, Role.OFFICE),
        "focal": access.has_role(user, Role.FOCAL, Role.OFFICE),
        "overview": access.has_role(user, Role.OFFICE, Role.LEADER, Role.INSPECTOR),
        "inspector": access.has_role(user, Role.INSPECTOR, Role.LEADER, Role.OFFICE),
    }


@register.filter
def status_label(value):
    return queries.status_label(value) if value else ""


@register.filter
def verdict_label(value):
    return queries.verdict_label(value)


@register.filter
def period_label(value):
    """A period (or its code) as people write it: "Quý I/2026", never "2026-Q1"."""
    period = _as_period(value)
    if period is None:
        return value or ""
    return queries.period_label(period)


@register.filter
def period_value(value):
    """A period for a text input: the label when the parser reads it back (every Vietnamese
    label, and the English quarter), else the code."""
    period = _as_period(value)
    if period is None:
        return value or ""
    label = queries.period_label(period)
    try:
        return label if parse_period(label) == period else period.code
    except PeriodError:
        return period.code


def _as_period(value):
    if not value:
        return None
    if isinstance(value, Period):
        return value
    try:
        return parse_period(str(value))
    except PeriodError:
        return None


STATUS_BADGES = {
    "in_progress": "bg-blue-lt",
    "overdue": "bg-red-lt",
    "done_on_time": "bg-green-lt",
    "done_late": "bg-orange-lt",
}


@register.filter
def status_badge(value):
    return STATUS_BADGES.get(str(value), "bg-secondary-lt")


@register.filter
def verdict_badge(value):
    return {"exceeded": "bg-teal-lt", "achieved": "bg-green-lt",
            "not_achieved": "bg-red-lt"}.get(str(value or ""), "bg-secondary-lt")


@register.filter
def explanation(obj):
    """The explanation of an Assessment or StatusResult in the page's language."""
    return obj.explanation if obj is not None else ""


@register.simple_tag
def optional_url(name: str, *args) -> str:
    """The URL of another app's page, or "" when that app does not provide it (yet)."""
    try:
        return reverse(name, args=args or None)
    except NoReverseMatch:
        return ""


PEER_GROUPS = {
    "so-nganh": _("Sở, ban, ngành"),
    "don-vi-su-nghiep": _("Đơn vị sự nghiệp"),
    "xa-phuong": _("Xã, phường"),
    "xa-bien-gioi": _("Xã biên giới"),
}


@register.filter
def peer_group_label(code):
    """A peer group (nhóm đơn vị tương đồng) by its name, never its slug: "so-nganh" →
    "Sở, ban, ngành"; an unknown slug reads as words."""
    if not code:
        return ""
    return PEER_GROUPS.get(code) or code.replace("-", " ").capitalize()


AUDIT_ACTIONS = {
    "api_token.create": _("Tạo khóa API"), "api_token.revoke": _("Thu hồi khóa API"),
    "demo.password_set": _("Đặt mật khẩu dữ liệu mẫu"),
    "evidence.add": _("Thêm minh chứng"),
    "extraction.import": _("Nhập số liệu từ báo cáo"),
    "extraction.read": _("Đọc báo cáo"), "extraction.review": _("Rà soát kết quả đọc"),
    "figure.approve": _("Duyệt số liệu"), "figure.draft": _("Lưu nháp số liệu"),
    "figure.return": _("Trả lại số liệu"), "figure.submit": _("Gửi số liệu"),
    "figure.supersede": _("Thay số liệu đã duyệt"),
    "framework.create": _("Tạo bộ tiêu chí xếp loại"),
    "indicator.create": _("Tạo chỉ tiêu"), "target.set": _("Đặt kế hoạch"),
    "mark.add": _("Thêm điểm trừ"), "mark.withdraw": _("Rút điểm trừ"),
    "membership.add": _("Thêm thành viên đơn vị"),
    "rating.confirm": _("Xác nhận xếp loại"), "rating.lock": _("Khóa xếp loại"),
    "rating.override": _("Điều chỉnh xếp loại"), "rating.propose": _("Đề xuất xếp loại"),
    "rating.publish": _("Công bố xếp loại"), "rating.reopen": _("Mở lại xếp loại"),
    "rating.review": _("Thẩm định xếp loại"), "rating.self_assess": _("Tự đánh giá"),
    "reminders.ical_reset": _("Tạo địa chỉ lịch mới"),
    "reminders.preferences": _("Đổi cài đặt nhận nhắc việc"),
    "reminders.push_subscribe": _("Bật thông báo đẩy"),
    "reminders.push_unsubscribe": _("Tắt thông báo đẩy"),
    "reminders.urge": _("Đôn đốc"),
    "synth.load": _("Tạo dữ liệu tổng hợp"),
    "task.accept": _("Nghiệm thu nhiệm vụ"), "task.create": _("Giao nhiệm vụ"),
    "task.direction": _("Ý kiến chỉ đạo"), "task.extend": _("Gia hạn nhiệm vụ"),
    "task.extension_decide": _("Quyết định gia hạn"),
    "task.extension_request": _("Đề nghị gia hạn"),
    "task.progress": _("Cập nhật tiến độ"), "task.report_done": _("Báo cáo hoàn thành"),
    "task.return": _("Trả lại nhiệm vụ"),
    "unit.create": _("Tạo đơn vị"), "unit.merge": _("Sáp nhập đơn vị"),
    "user.create": _("Tạo tài khoản"),
}


@register.filter
def audit_action(code):
    """An audit action in words ("figure.draft" → "Lưu nháp số liệu"); the code is kept
    for the ones not named here."""
    return AUDIT_ACTIONS.get(code, code)
