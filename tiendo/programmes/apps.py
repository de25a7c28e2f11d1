from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.programmes"
    label = "programmes"
    verbose_name = "Chương trình, văn bản"
