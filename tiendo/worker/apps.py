from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "tiendo.worker"
    label = "worker"
    verbose_name = "Tiến trình nền"
