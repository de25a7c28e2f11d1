"""An import sent from the web page: checked by the worker after the upload (the web request
never opens the file), written by the worker after the office confirms, with its progress for
the progress bar."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def import_upload_to(instance, filename: str) -> str:
    from tiendo.shared.uploads import generated_name

    return f"imports/{generated_name(filename)}"


class JobState(models.TextChoices):
    CHECKING = "checking", _("Đang kiểm tra")
    INVALID = "invalid", _("Có lỗi, không nhập")
    CHECKED = "checked", _("Đã kiểm tra, chờ xác nhận")
    QUEUED = "queued", _("Đang chờ xử lý")
    RUNNING = "running", _("Đang nhập")
    DONE = "done", _("Đã nhập xong")
    FAILED = "failed", _("Không nhập được")


class ImportJob(models.Model):
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(_("tệp"), upload_to=import_upload_to)
    original_name = models.CharField(max_length=255)
    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.CHECKED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    checked = models.JSONField(default=dict, blank=True)  # counts, errors, preview of the check
    result = models.JSONField(default=dict, blank=True)  # counts (or errors) of the write
    claimed_by = models.CharField(max_length=64, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lượt nhập sổ tính")
        verbose_name_plural = _("lượt nhập sổ tính")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # serves: the worker's claim of the oldest queued job
            models.Index(fields=["state", "created_at"], name="importjob_state_created"),
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def percent(self) -> int:
        return 100 * self.done // self.total if self.total else 0
