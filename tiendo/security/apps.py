from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "tiendo.security"
    label = "security"
    verbose_name = "Bảo mật"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from tiendo.security.twofactor import remember_requirement

        user_logged_in.connect(remember_requirement, dispatch_uid="tiendo-2fa-requirement")
