from django.apps import AppConfig


class AuditConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.audit"
    label = "audit"
    verbose_name = "Nhật ký thay đổi"
