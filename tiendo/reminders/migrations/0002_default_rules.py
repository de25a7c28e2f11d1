"""Default reminder rules (the office may change them in the admin).

- task: 7, 3 and 1 days before the deadline (each a window: the 7-day reminder is due from
  D-7 to D-4), on the day, every 3 days while overdue; the unit head hears from 3 days
  overdue, the office from 7.
- reporting: figures of a period are due on the 5th of the following month; reminders 3 and
  1 days before, on the day, every 3 days after; head from 3 days late, office from 7.
- weekly: Monday summary of lagging units for leaders and unit heads.
Quiet hours 21:00–07:00; no non-urgent message on weekends and public holidays.
"""

from django.db import migrations

RULES = [
    dict(code="nhiem-vu", name="Nhắc hạn nhiệm vụ", kind="task", offsets=[7, 3, 1],
         on_day=True, overdue_every_days=3, escalate_head_after_days=3,
         escalate_office_after_days=7),
    dict(code="ky-bao-cao", name="Nhắc gửi số liệu kỳ báo cáo", kind="reporting",
         offsets=[3, 1], on_day=True, overdue_every_days=3, escalate_head_after_days=3,
         escalate_office_after_days=7, report_due_day=5),
    dict(code="tong-hop-tuan", name="Tổng hợp tuần cho lãnh đạo", kind="weekly", offsets=[],
         on_day=False, overdue_every_days=0, escalate_head_after_days=0,
         escalate_office_after_days=0, weekday=0),
]


def add_rules(apps, schema_editor):
    Rule = apps.get_model("reminders", "ReminderRule")
    for row in RULES:
        Rule.objects.get_or_create(code=row["code"], defaults=row)


def remove_rules(apps, schema_editor):
    apps.get_model("reminders", "ReminderRule").objects.filter(
        code__in=[r["code"] for r in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("reminders", "0001_initial")]
    operations = [migrations.RunPython(add_rules, remove_rules)]
