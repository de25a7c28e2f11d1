from django.apps import AppConfig


class PlanningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.planning"
    label = "planning"
    verbose_name = "Kế hoạch nhiệm kỳ"
