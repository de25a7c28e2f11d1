from django.apps import AppConfig


class OutlookConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.outlook"
    label = "outlook"
    verbose_name = "Cảnh báo sớm"
