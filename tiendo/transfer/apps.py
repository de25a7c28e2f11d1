from django.apps import AppConfig


class TransferConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.transfer"
    label = "transfer"
    verbose_name = "Nhập, xuất sổ tính"
