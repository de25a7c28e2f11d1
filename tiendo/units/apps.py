from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "tiendo.units"
    label = "units"
    verbose_name = "Đơn vị (thay đổi)"
