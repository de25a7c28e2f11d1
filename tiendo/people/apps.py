from django.apps import AppConfig


class PeopleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tiendo.people"
    verbose_name = "Đánh giá công chức, lãnh đạo"
