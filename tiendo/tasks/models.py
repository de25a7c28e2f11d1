"""Tasks (nhiệm vụ): assignments with a lead unit, deadline, progress and acceptance."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Product(models.TextChoices):
    PROJECT = "de_an", _("Đề án")
    PLAN = "ke_hoach", _("Kế hoạch")
    RESOLUTION = "nghi_quyet", _("Nghị quyết")
    REPORT = "bao_cao", _("Báo cáo")
    DECISION = "quyet_dinh", _("Quyết định")
    REGULATION = "quy_dinh", _("Quy định")
    GUIDANCE = "huong_dan", _("Hướng dẫn")
    POLICY = "chinh_sach", _("Chính sách")
    OTHER = "khac", _("Sản phẩm khác")


class Recurrence(models.TextChoices):
    NONE = "none", _("Không lặp")
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    YEARLY = "yearly", _("Hằng năm")


class TaskState(models.TextChoices):
    OPEN = "open", _("Đang thực hiện")
    SUBMITTED = "submitted", _("Báo cáo hoàn thành, chờ nghiệm thu")
    RETURNED = "returned", _("Bị trả lại")
    DONE = "done", _("Đã hoàn thành")


def search_key_of(title: str) -> str:
    """What the task list searches: the title folded (no accents, lower case). Rows inserted
    without save() (bulk imports, synthetic data) must set it from here."""
    from tiendo.lib.text import fold

    return fold(title)[:500]


class Task(models.Model):
    code = models.SlugField(_("mã"), max_length=64, unique=True, null=True, blank=True)
    title = models.CharField(_("tên nhiệm vụ"), max_length=500)
    description = models.TextField(_("nội dung"), blank=True)
    programme = models.ForeignKey(
        "programmes.Programme", verbose_name=_("văn bản giao"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="tasks",
    )
    lead_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị chủ trì"), on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    coordinating_units = models.ManyToManyField(
        "orgs.Unit", verbose_name=_("đơn vị phối hợp"), blank=True, related_name="coordinated_tasks"
    )
    period = models.CharField(_("kỳ giao"), max_length=16, blank=True)
    start_date = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    deadline = models.DateField(
        _("mốc thời hạn"), null=True, blank=True,
        help_text=_("Để trống với nhiệm vụ thường xuyên."),
    )
    extended_deadline = models.DateField(_("thời hạn đã điều chỉnh"), null=True, blank=True)
    expected_product = models.CharField(
        _("sản phẩm"), max_length=16, choices=Product.choices, default=Product.OTHER
    )
    is_key = models.BooleanField(_("nhiệm vụ trọng tâm"), default=False)
    recurrence = models.CharField(
        _("lặp lại"), max_length=10, choices=Recurrence.choices, default=Recurrence.NONE
    )
    recurrence_parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="occurrences"
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=TaskState.choices, default=TaskState.OPEN
    )
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    source_note = models.CharField(_("nguồn"), max_length=300, blank=True)
    # the title folded (lower case, no diacritics) for accent-insensitive search in SQL
    search_key = models.CharField(max_length=500, blank=True, editable=False)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="task_progress_pct")
        ]
        indexes = [
            # serves: open tasks by deadline (reminder planning, overdue lists)
            models.Index(fields=["state", "deadline"], name="task_state_deadline"),
            models.Index(fields=["lead_unit", "deadline"], name="task_unit_deadline"),
            # serves: the task list's first page in its order (deadline, id), read in index
            # order and stopped at the page's last row instead of sorting every visible task
            models.Index(fields=["deadline", "id"], name="task_deadline_id"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.search_key = search_key_of(self.title)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_key"}
        super().save(*args, **kwargs)

    @property
    def deadline_in_force(self):
        return self.extended_deadline or self.deadline

    @property
    def closed_on(self):
        """The completion date that counts: only an accepted completion closes a task."""
        return self.completed_on if self.state == TaskState.DONE else None


def task_file_upload_to(instance, filename: str) -> str:
    from tiendo.shared.uploads import generated_name

    return f"tasks/{generated_name(filename)}"


class ProgressUpdate(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    note = models.TextField(_("nội dung cập nhật"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.task} — {self.percent}%"


class TaskFile(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="files")
    update = models.ForeignKey(
        ProgressUpdate, null=True, blank=True, on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(_("tệp"), upload_to=task_file_upload_to)
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.original_name


class ExtensionState(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã đồng ý")
    REJECTED = "rejected", _("Không đồng ý")


class ExtensionRequest(models.Model):
    """Đề nghị điều chỉnh tiến độ / gia hạn."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="extensions")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    new_deadline = models.DateField(_("thời hạn đề nghị"))
    reason = models.TextField(_("lý do"))
    state = models.CharField(
        max_length=10, choices=ExtensionState.choices, default=ExtensionState.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        verbose_name = _("đề nghị gia hạn")
        verbose_name_plural = _("đề nghị gia hạn")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.task} → {self.new_deadline}"


class Direction(models.Model):
    """Ý kiến chỉ đạo of a leader on a task."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="directions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("ý kiến chỉ đạo"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến chỉ đạo")
        verbose_name_plural = _("ý kiến chỉ đạo")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text[:80]
