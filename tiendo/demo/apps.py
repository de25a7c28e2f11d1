from django.apps import AppConfig


class DemoConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.demo"
    label = "demo"
    verbose_name = "Dữ liệu mẫu"
