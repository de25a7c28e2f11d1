"""The wording of every item kind, word for word, in Vietnamese and in English: the sentences
a person receives in the bell, the e-mail, the push message and the webhook."""

import pytest

from tiendo.reminders.texts import item_text

TASK = {"type": "task", "id": 7, "title": "Đề án B", "unit": "Sở B", "deadline": "2026-06-21",
        "progress": 40, "is_key": False, "audience": "focal"}
REPORT = {"type": "report", "unit": "Sở A", "period_label": "Quý II/2026",
          "deadline": "2026-07-05",
          "missing": ["Giải ngân vốn đầu tư công", "Thu ngân sách nhà nước"]}
STUCK_TASK = {"type": "task", "title": "Đề án A", "unit": "Sở A", "waited": 4}
STUCK_FIGURES = {"type": "figures", "unit": "Sở B", "period_label": "Quý II/2026",
                 "count": 1, "waited": 3}
WEEKLY = {"type": "weekly", "week": "2026-W15", "rows": [
    {"unit": "Sở A", "overdue_tasks": 0, "late_reports": ["Quý I/2026 (2)"],
     "missed_targets": ["Thu ngân sách nhà nước (Quý I/2026)"]},
    {"unit": "Sở B", "overdue_tasks": 12, "late_reports": ["Quý I/2026 (1)", "Tháng 3/2026 (4)"],
     "missed_targets": [f"CT{i}" for i in range(1, 8)]}]}

VI_TASK_BODY = "Đơn vị chủ trì: Sở B. Hạn: 21/06/2026. Tiến độ: 40%."
EN_TASK_BODY = "Lead unit: Sở B. Deadline: 21/06/2026. Progress: 40%."
VI_REPORT_BODY = ("Đơn vị: Sở A. Hạn gửi: 05/07/2026. Còn thiếu: Giải ngân vốn đầu tư công; "
                  "Thu ngân sách nhà nước.")
EN_REPORT_BODY = ("Unit: Sở A. Deadline: 05/07/2026. Missing: Giải ngân vốn đầu tư công; "
                  "Thu ngân sách nhà nước.")
VI_STUCK_TASK_BODY = ("Sở A đã báo cáo hoàn thành; nhiệm vụ chưa được tính là hoàn thành cho "
                      "đến khi nghiệm thu.")
EN_STUCK_TASK_BODY = "Sở A reported this task done; it counts as not completed until accepted."


@pytest.mark.parametrize(("kind", "subject", "lang", "title", "body"), [
    ("stuck_task", STUCK_TASK, "vi", "Chờ nghiệm thu 4 ngày: Đề án A", VI_STUCK_TASK_BODY),
    ("stuck_task", STUCK_TASK, "en", "Awaiting acceptance for 4 days: Đề án A",
     EN_STUCK_TASK_BODY),
    ("stuck_task", {**STUCK_TASK, "waited": 1}, "vi", "Chờ nghiệm thu 1 ngày: Đề án A",
     VI_STUCK_TASK_BODY),
    ("stuck_task", {**STUCK_TASK, "waited": 1}, "en", "Awaiting acceptance for 1 day: Đề án A",
     EN_STUCK_TASK_BODY),
    ("stuck_figures", STUCK_FIGURES, "vi", "Chờ duyệt 01 số liệu Quý II/2026 của Sở B (3 ngày)",
     "Duyệt hoặc trả lại tại trang duyệt số liệu."),
    ("stuck_figures", STUCK_FIGURES, "en",
     "1 figures of Quý II/2026 from Sở B await approval (3 days)",
     "Approve or return them on the approvals page."),
    ("stuck_figures", {**STUCK_FIGURES, "count": 1234, "waited": 10}, "vi",
     "Chờ duyệt 1.234 số liệu Quý II/2026 của Sở B (10 ngày)",
     "Duyệt hoặc trả lại tại trang duyệt số liệu."),
    ("stuck_figures", {**STUCK_FIGURES, "count": 1234, "waited": 10}, "en",
     "1234 figures of Quý II/2026 from Sở B await approval (10 days)",
     "Approve or return them on the approvals page."),
    ("task_before", {**TASK, "days_left": 5}, "vi", "Còn 5 ngày đến hạn: Đề án B", VI_TASK_BODY),
    ("task_before", {**TASK, "days_left": 5}, "en", "Due in 5 days: Đề án B", EN_TASK_BODY),
    ("task_before", {**TASK, "days_left": 1, "is_key": True}, "vi",
     "Còn 1 ngày đến hạn: Đề án B", VI_TASK_BODY + " Nhiệm vụ trọng tâm."),
    ("task_before", {**TASK, "days_left": 1, "is_key": True}, "en",
     "Due in 1 day: Đề án B", EN_TASK_BODY + " Key task."),
    ("task_due", {**TASK, "days_left": 0}, "vi", "Hôm nay đến hạn: Đề án B", VI_TASK_BODY),
    ("task_due", {**TASK, "days_left": 0}, "en", "Due today: Đề án B", EN_TASK_BODY),
    ("task_overdue", {**TASK, "days_left": -1}, "vi", "Quá hạn 1 ngày: Đề án B", VI_TASK_BODY),
    ("task_overdue", {**TASK, "days_left": -1}, "en", "Overdue by 1 day: Đề án B", EN_TASK_BODY),
    ("task_overdue", {**TASK, "days_left": -8}, "vi", "Quá hạn 8 ngày: Đề án B", VI_TASK_BODY),
    ("task_overdue", {**TASK, "days_left": -8}, "en", "Overdue by 8 days: Đề án B",
     EN_TASK_BODY),
    ("task_escalation", {**TASK, "days_left": -3, "audience": "head"}, "vi",
     "[Báo thủ trưởng đơn vị] Sở B — quá hạn 3 ngày: Đề án B", VI_TASK_BODY),
    ("task_escalation", {**TASK, "days_left": -3, "audience": "head"}, "en",
     "[For the unit head] Sở B — overdue by 3 days: Đề án B", EN_TASK_BODY),
    ("task_escalation", {**TASK, "days_left": -8, "audience": "office", "is_key": True}, "vi",
     "[Báo văn phòng] Sở B — quá hạn 8 ngày: Đề án B", VI_TASK_BODY + " Nhiệm vụ trọng tâm."),
    ("task_escalation", {**TASK, "days_left": -8, "audience": "office", "is_key": True}, "en",
     "[For the office] Sở B — overdue by 8 days: Đề án B", EN_TASK_BODY + " Key task."),
    ("report_before", {**REPORT, "days_left": 3}, "vi",
     "Còn 3 ngày đến hạn gửi số liệu Quý II/2026 (02 chỉ tiêu)", VI_REPORT_BODY),
    ("report_before", {**REPORT, "days_left": 3}, "en",
     "Due in 3 days: figures of Quý II/2026 (2 indicators)", EN_REPORT_BODY),
    ("report_due", {**REPORT, "days_left": 0}, "vi",
     "Hôm nay hết hạn gửi số liệu Quý II/2026 (02 chỉ tiêu)", VI_REPORT_BODY),
    ("report_due", {**REPORT, "days_left": 0}, "en",
     "Due today: figures of Quý II/2026 (2 indicators)", EN_REPORT_BODY),
    ("report_overdue", {**REPORT, "days_left": -1}, "vi", "Chậm gửi số liệu Quý II/2026 1 ngày",
     VI_REPORT_BODY),
    ("report_overdue", {**REPORT, "days_left": -1}, "en",
     "figures of Quý II/2026 overdue by 1 day", EN_REPORT_BODY),
    ("report_escalation", {**REPORT, "days_left": -10, "missing": ["Thu ngân sách nhà nước"]},
     "vi", "[Báo cấp trên] Sở A chưa gửi số liệu Quý II/2026",
     "Đơn vị: Sở A. Hạn gửi: 05/07/2026. Còn thiếu: Thu ngân sách nhà nước."),
    ("report_escalation", {**REPORT, "days_left": -10, "missing": ["Thu ngân sách nhà nước"]},
     "en", "[Escalation] Sở A has not sent figures of Quý II/2026",
     "Unit: Sở A. Deadline: 05/07/2026. Missing: Thu ngân sách nhà nước."),
    ("weekly", WEEKLY, "vi", "Tổng hợp tuần 2026-W15: 02 đơn vị chậm tiến độ",
     "Sở A: chậm gửi số liệu: Quý I/2026 (2); không đạt: Thu ngân sách nhà nước (Quý I/2026)\n"
     "Sở B: 12 nhiệm vụ quá hạn; chậm gửi số liệu: Quý I/2026 (1), Tháng 3/2026 (4); "
     "không đạt: CT1, CT2, CT3, CT4, CT5 và 2 chỉ tiêu khác"),
    ("weekly", WEEKLY, "en", "Weekly summary 2026-W15: 2 units behind",
     "Sở A: late figures: Quý I/2026 (2); targets not met: Thu ngân sách nhà nước (Quý I/2026)\n"
     "Sở B: 12 overdue tasks; late figures: Quý I/2026 (1), Tháng 3/2026 (4); "
     "targets not met: CT1, CT2, CT3, CT4, CT5 (+2)"),
    ("weekly", {**WEEKLY, "rows": WEEKLY["rows"][1:]}, "vi",
     "Tổng hợp tuần 2026-W15: 01 đơn vị chậm tiến độ",
     "Sở B: 12 nhiệm vụ quá hạn; chậm gửi số liệu: Quý I/2026 (1), Tháng 3/2026 (4); "
     "không đạt: CT1, CT2, CT3, CT4, CT5 và 2 chỉ tiêu khác"),
    ("weekly", {**WEEKLY, "rows": WEEKLY["rows"][1:]}, "en",
     "Weekly summary 2026-W15: 1 units behind",
     "Sở B: 12 overdue tasks; late figures: Quý I/2026 (1), Tháng 3/2026 (4); "
     "targets not met: CT1, CT2, CT3, CT4, CT5 (+2)"),
])
def test_each_item_kind_reads_word_for_word_in_the_persons_language(kind, subject, lang, title,
                                                                     body):
    assert item_text(kind, subject, lang) == (title, body)


def test_a_unit_with_few_overdue_tasks_and_no_late_figures_reads_the_count_padded():
    weekly = {"type": "weekly", "week": "2026-W27",
              "rows": [{"unit": "Sở B", "overdue_tasks": 2, "late_reports": []}]}
    assert item_text("weekly", weekly, "vi") == (
        "Tổng hợp tuần 2026-W27: 01 đơn vị chậm tiến độ", "Sở B: 02 nhiệm vụ quá hạn")
    assert item_text("weekly", weekly, "en") == (
        "Weekly summary 2026-W27: 1 units behind", "Sở B: 2 overdue tasks")


def test_vietnamese_is_the_default_language():
    assert item_text("task_due", {**TASK, "days_left": 0}) == ("Hôm nay đến hạn: Đề án B",
                                                               VI_TASK_BODY)
