from django.apps import AppConfig


def _notify_direction(sender, direction, **kwargs):
    from tiendo.reminders.services import direction_notify

    direction_notify(direction=direction)


class RemindersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.reminders"
    label = "reminders"
    verbose_name = "Nhắc việc"

    def ready(self):
        from tiendo.tasks.signals import direction_added

        # a leader's direction on a task reaches the lead unit at once (tasks/signals.py)
        direction_added.connect(_notify_direction, dispatch_uid="reminders.direction_notify")
