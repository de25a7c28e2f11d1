from django.apps import AppConfig


class OrgsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.orgs"
    label = "orgs"
    verbose_name = "Đơn vị"
