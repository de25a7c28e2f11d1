"""A report read by the engine, its reading, the review of each statement and the import."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tiendo.indicators.models import validate_period_code


def run_upload_to(instance, filename: str) -> str:
    from tiendo.shared.uploads import generated_name

    return f"extraction/{generated_name(filename)}"


class Decision(models.TextChoices):
    PENDING = "pending", _("Chưa xem")
    ACCEPTED = "accepted", _("Nhận")
    REJECTED = "rejected", _("Bỏ")


class RunState(models.TextChoices):
    QUEUED = "queued", _("Chờ đọc")
    READING = "reading", _("Đang đọc")
    READY = "ready", _("Đã đọc")
    FAILED = "failed", _("Không đọc được")


class Purpose(models.TextChoices):
    REPORT = "report", _("Báo cáo")
    DIRECTIVE = "directive", _("Văn bản chỉ đạo")


class ExtractionRun(models.Model):
    """One uploaded report (báo cáo) read into statements, for one unit's figures.

    ``statements`` is the engine's output (docs/extraction-format.md: spans into ``text``);
    ``reviews`` maps a statement's index (as a string) to the reviewer's decision, the matched
    indicator id and the value, possibly corrected.

    The upload is read by the worker, not by the web request (``state``: queued → reading →
    ready or failed, with ``error`` saying why); ``period`` stays empty until the reading
    finds it when the uploader chose none.

    A directive (``purpose``) is read the same way, by the worker; its reading keeps the
    proposed tasks (``proposals``) instead of statements, for the office to pick from.
    """

    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT,
        related_name="extraction_runs",
    )
    period = models.CharField(_("kỳ"), max_length=16, blank=True,
                              validators=[validate_period_code])
    file = models.FileField(_("tệp"), upload_to=run_upload_to)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    kind = models.CharField(max_length=8)
    text = models.TextField(blank=True)
    statements = models.JSONField(default=list)
    reviews = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(null=True, blank=True)
    imported_count = models.PositiveIntegerField(default=0)
    state = models.CharField(_("trạng thái"), max_length=8, choices=RunState.choices,
                             default=RunState.READY)
    error = models.TextField(_("lỗi"), blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    purpose = models.CharField(_("loại văn bản"), max_length=10, choices=Purpose.choices,
                               default=Purpose.REPORT)
    proposals = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("lượt đọc báo cáo")
        verbose_name_plural = _("lượt đọc báo cáo")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # the worker's claim: WHERE state = 'queued' ORDER BY created_at
            models.Index(fields=["created_at"], name="extraction_run_queued_idx",
                         condition=models.Q(state="queued")),
        ]

    def __str__(self) -> str:
        return f"{self.original_name} — {self.unit} — {self.period}"

    def review_of(self, index: int) -> dict:
        return self.reviews.get(str(index), {"decision": Decision.PENDING})
