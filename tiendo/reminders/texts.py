"""Wording of reminder items. Vietnamese is the source: each sentence is a gettext msgid with
named placeholders, and its English is in locale/en. `item_text` renders an item under the
person's language; one small function per item kind. Dates are dd/mm/yyyy."""

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from tiendo.lib.clock import vn_day
from tiendo.lib.vn_numbers import format_count

# How each language writes a count: Vietnamese pads it below ten and groups by dots ("03",
# "1.234"); English writes the digits. Number format, not wording.
COUNT_FORMATS: dict[str, Callable[[int], str]] = {"vi": format_count, "en": str}


def vn_date(iso: str | None) -> str:
    """An ISO day from a payload, written dd/mm/yyyy; "" for none."""
    return vn_day(date.fromisoformat(iso)) if iso else ""


def language(code: str | None) -> str:
    """One of the site's languages: the code itself, or the default (Vietnamese)."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def count(n: int) -> str:
    """A count as the active language writes it."""
    return COUNT_FORMATS.get(translation.get_language(), format_count)(n)


def days(n: int) -> str:
    return ngettext("%(n)s ngày", "%(n)s ngày", n) % {"n": n}


# --- tasks -----------------------------------------------------------------------------------

def _task_body(s: dict) -> str:
    body = _("Đơn vị chủ trì: %(unit)s. Hạn: %(deadline)s. Tiến độ: %(progress)s%%.") % {
        "unit": s["unit"], "deadline": vn_date(s.get("deadline")), "progress": s["progress"]}
    if s.get("is_key"):
        body += " " + _("Nhiệm vụ trọng tâm.")
    return body


def _task_before(s: dict) -> tuple[str, str]:
    title = _("Còn %(days)s đến hạn: %(title)s") % {
        "days": days(s.get("days_left", 0)), "title": s["title"]}
    return title, _task_body(s)


def _task_due(s: dict) -> tuple[str, str]:
    return _("Hôm nay đến hạn: %(title)s") % {"title": s["title"]}, _task_body(s)


def _task_overdue(s: dict) -> tuple[str, str]:
    title = _("Quá hạn %(days)s: %(title)s") % {
        "days": days(-s.get("days_left", 0)), "title": s["title"]}
    return title, _task_body(s)


ESCALATION_TITLES = {
    "head": gettext_lazy("[Báo thủ trưởng đơn vị] %(unit)s — quá hạn %(days)s: %(title)s"),
    "office": gettext_lazy("[Báo văn phòng] %(unit)s — quá hạn %(days)s: %(title)s"),
}


def _task_escalation(s: dict) -> tuple[str, str]:
    title = ESCALATION_TITLES[s["audience"]] % {
        "unit": s["unit"], "days": days(-s.get("days_left", 0)), "title": s["title"]}
    return title, _task_body(s)


def _stuck_task(s: dict) -> tuple[str, str]:
    title = _("Chờ nghiệm thu %(days)s: %(title)s") % {
        "days": days(s["waited"]), "title": s["title"]}
    body = _("%(unit)s đã báo cáo hoàn thành; nhiệm vụ chưa được tính là hoàn thành cho đến "
             "khi nghiệm thu.") % {"unit": s["unit"]}
    return title, body


# --- figures ---------------------------------------------------------------------------------

def _report_body(s: dict) -> str:
    return _("Đơn vị: %(unit)s. Hạn gửi: %(deadline)s. Còn thiếu: %(missing)s.") % {
        "unit": s["unit"], "deadline": vn_date(s.get("deadline")),
        "missing": "; ".join(s["missing"])}


def _report_before(s: dict) -> tuple[str, str]:
    title = _("Còn %(days)s đến hạn gửi số liệu %(period)s (%(count)s chỉ tiêu)") % {
        "days": days(s.get("days_left", 0)), "period": s["period_label"],
        "count": count(len(s["missing"]))}
    return title, _report_body(s)


def _report_due(s: dict) -> tuple[str, str]:
    title = _("Hôm nay hết hạn gửi số liệu %(period)s (%(count)s chỉ tiêu)") % {
        "period": s["period_label"], "count": count(len(s["missing"]))}
    return title, _report_body(s)


def _report_overdue(s: dict) -> tuple[str, str]:
    title = _("Chậm gửi số liệu %(period)s %(days)s") % {
        "period": s["period_label"], "days": days(-s.get("days_left", 0))}
    return title, _report_body(s)


def _report_escalation(s: dict) -> tuple[str, str]:
    title = _("[Báo cấp trên] %(unit)s chưa gửi số liệu %(period)s") % {
        "unit": s["unit"], "period": s["period_label"]}
    return title, _report_body(s)


def _stuck_figures(s: dict) -> tuple[str, str]:
    title = _("Chờ duyệt %(count)s số liệu %(period)s của %(unit)s (%(days)s)") % {
        "count": count(s["count"]), "period": s["period_label"], "unit": s["unit"],
        "days": days(s["waited"])}
    return title, _("Duyệt hoặc trả lại tại trang duyệt số liệu.")


# --- weekly summary --------------------------------------------------------------------------

MISSED_SHOWN = 5  # targets named on a unit's line; the rest are counted


def _missed(missed: list[str]) -> str:
    shown = ", ".join(missed[:MISSED_SHOWN])
    more = len(missed) - MISSED_SHOWN
    if more > 0:
        return _("%(shown)s và %(more)s chỉ tiêu khác") % {"shown": shown, "more": more}
    return shown


def _weekly_line(r: dict) -> str:
    bits = []
    if r["overdue_tasks"]:
        bits.append(_("%(count)s nhiệm vụ quá hạn") % {"count": count(r["overdue_tasks"])})
    if r["late_reports"]:
        bits.append(_("chậm gửi số liệu: %(periods)s") % {
            "periods": ", ".join(r["late_reports"])})
    if r.get("missed_targets"):
        bits.append(pgettext("weekly summary", "không đạt: %(targets)s") % {
            "targets": _missed(r["missed_targets"])})
    return f"{r['unit']}: " + "; ".join(bits)


def _weekly(s: dict) -> tuple[str, str]:
    rows = s["rows"]
    title = _("Tổng hợp tuần %(week)s: %(count)s đơn vị chậm tiến độ") % {
        "week": s["week"], "count": count(len(rows))}
    return title, "\n".join(_weekly_line(r) for r in rows)


ITEM_TEXTS: dict[str, Callable[[dict], tuple[str, str]]] = {
    "task_before": _task_before,
    "task_due": _task_due,
    "task_overdue": _task_overdue,
    "task_escalation": _task_escalation,
    "stuck_task": _stuck_task,
    "report_before": _report_before,
    "report_due": _report_due,
    "report_overdue": _report_overdue,
    "report_escalation": _report_escalation,
    "stuck_figures": _stuck_figures,
    "weekly": _weekly,
}


def item_text(kind: str, s: dict, lang: str = "vi") -> tuple[str, str]:
    """(title, body) of one item, in the person's language."""
    with translation.override(language(lang)):
        return ITEM_TEXTS[kind](s)
