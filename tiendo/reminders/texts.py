"""Wording of reminder items, in Vietnamese (default) or English. Dates are dd/mm/yyyy."""

from datetime import date

from tiendo.lib.vn_numbers import format_count


def vn_date(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def _days(n: int, lang: str) -> str:
    if lang == "en":
        return "1 day" if n == 1 else f"{n} days"
    return f"{n} ngày"


def item_text(kind: str, s: dict, lang: str = "vi") -> tuple[str, str]:
    """(title, body) of one item."""
    en = lang == "en"
    left = s.get("days_left", 0)
    deadline = vn_date(s.get("deadline"))
    if kind == "stuck_task":
        title = (f"Awaiting acceptance for {_days(s['waited'], lang)}: {s['title']}" if en
                 else f"Chờ nghiệm thu {_days(s['waited'], lang)}: {s['title']}")
        body = (f"{s['unit']} reported this task done; it counts as not completed until "
                "accepted." if en else f"{s['unit']} đã báo cáo hoàn thành; nhiệm vụ chưa được "
                "tính là hoàn thành cho đến khi nghiệm thu.")
        return title, body
    if kind == "stuck_figures":
        n = s["count"]
        title = (f"{n} figures of {s['period_label']} from {s['unit']} await approval "
                 f"({_days(s['waited'], lang)})" if en else
                 f"Chờ duyệt {format_count(n)} số liệu {s['period_label']} của {s['unit']} "
                 f"({_days(s['waited'], lang)})")
        body = ("Approve or return them on the approvals page." if en else
                "Duyệt hoặc trả lại tại trang duyệt số liệu.")
        return title, body
    if s["type"] == "task":
        name = s["title"]
        if kind == "task_before":
            title = (f"Due in {_days(left, lang)}: {name}" if en
                     else f"Còn {_days(left, lang)} đến hạn: {name}")
        elif kind == "task_due":
            title = f"Due today: {name}" if en else f"Hôm nay đến hạn: {name}"
        elif kind == "task_overdue":
            title = (f"Overdue by {_days(-left, lang)}: {name}" if en
                     else f"Quá hạn {_days(-left, lang)}: {name}")
        else:
            who = {"head": ("unit head", "thủ trưởng đơn vị"),
                   "office": ("office", "văn phòng")}[s["audience"]]
            title = (f"[For the {who[0]}] {s['unit']} — overdue by {_days(-left, lang)}: {name}"
                     if en else f"[Báo {who[1]}] {s['unit']} — quá hạn {_days(-left, lang)}: "
                     f"{name}")
        body = (f"Lead unit: {s['unit']}. Deadline: {deadline}. Progress: {s['progress']}%."
                if en else f"Đơn vị chủ trì: {s['unit']}. Hạn: {deadline}. "
                f"Tiến độ: {s['progress']}%.")
        if s.get("is_key"):
            body += " Key task." if en else " Nhiệm vụ trọng tâm."
        return title, body
    if s["type"] == "report":
        n = len(s["missing"])
        label = s["period_label"]
        what = (f"figures of {label}" if en else f"số liệu {label}")
        if kind == "report_before":
            title = (f"Due in {_days(left, lang)}: {what} ({n} indicators)" if en else
                     f"Còn {_days(left, lang)} đến hạn gửi {what} ({format_count(n)} chỉ tiêu)")
        elif kind == "report_due":
            title = (f"Due today: {what} ({n} indicators)" if en else
                     f"Hôm nay hết hạn gửi {what} ({format_count(n)} chỉ tiêu)")
        elif kind == "report_overdue":
            title = (f"{what} overdue by {_days(-left, lang)}" if en else
                     f"Chậm gửi {what} {_days(-left, lang)}")
        else:
            title = (f"[Escalation] {s['unit']} has not sent {what}" if en else
                     f"[Báo cấp trên] {s['unit']} chưa gửi {what}")
        head = (f"Unit: {s['unit']}. Deadline: {deadline}. Missing: " if en else
                f"Đơn vị: {s['unit']}. Hạn gửi: {deadline}. Còn thiếu: ")
        return title, head + "; ".join(s["missing"]) + "."
    rows = s["rows"]
    title = (f"Weekly summary {s['week']}: {len(rows)} units behind" if en else
             f"Tổng hợp tuần {s['week']}: {format_count(len(rows))} đơn vị chậm tiến độ")
    lines = []
    for r in rows:
        bits = []
        if r["overdue_tasks"]:
            bits.append(f"{r['overdue_tasks']} overdue tasks" if en else
                        f"{format_count(r['overdue_tasks'])} nhiệm vụ quá hạn")
        if r["late_reports"]:
            bits.append(("late figures: " if en else "chậm gửi số liệu: ")
                        + ", ".join(r["late_reports"]))
        missed = r.get("missed_targets") or []
        if missed:
            shown = ", ".join(missed[:5])
            more = len(missed) - 5
            if more > 0:
                shown += f" (+{more})" if en else f" và {more} chỉ tiêu khác"
            bits.append(("targets not met: " if en else "không đạt: ") + shown)
        lines.append(f"{r['unit']}: " + "; ".join(bits))
    return title, "\n".join(lines)
