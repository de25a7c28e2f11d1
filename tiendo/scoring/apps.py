from django.apps import AppConfig


class ScoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.scoring"
    label = "scoring"
    verbose_name = "Xếp loại"
