from django.apps import AppConfig


class ExtractionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.extraction"
    label = "extraction"
    verbose_name = "Đọc báo cáo"
