"""People as well as units (Nghị định 335/2025/NĐ-CP): each civil servant's position and
manager, the work items (sản phẩm) they declare or are assigned, and the quarterly evaluation
chain self-assessment → manager's assessment → head of unit's conclusion.

Scores are never stored as the source of truth: they are computed from the work items and the
marks (tiendo/people/queries.py) and frozen into the evaluation when the head concludes."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tiendo.indicators.models import validate_period_code

MSG_WEIGHT = _("Hệ số quy đổi phải lớn hơn 0 và không quá 10.")
MSG_TITLE = _("Cần ghi tên sản phẩm, công việc.")
MSG_MARK_RANGE = _("Điểm mỗi tiêu chí phải từ 0 đến 10.")


def _check_period(value: str) -> None:
    try:
        validate_period_code(value)
    except ValidationError as exc:
        raise ValidationError({"period": exc.messages}) from exc


class Rank(models.TextChoices):
    STAFF = "chuyen_vien", _("Công chức (chuyên viên)")
    MANAGER = "truong_phong", _("Trưởng phòng (quản lý)")
    DEPUTY = "pho_thu_truong", _("Phó thủ trưởng")
    HEAD = "thu_truong", _("Thủ trưởng")


LEADER_RANKS = (Rank.MANAGER, Rank.DEPUTY, Rank.HEAD)


class Position(models.Model):
    """A person's post in a unit and their direct superior (cấp trên trực tiếp)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="positions")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="positions")
    rank = models.CharField(_("chức vụ"), max_length=16, choices=Rank.choices,
                            default=Rank.STAFF)
    title = models.CharField(_("chức danh"), max_length=120, blank=True)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("cấp trên trực tiếp"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="reports")
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    class Meta:
        verbose_name = _("vị trí công tác")
        verbose_name_plural = _("vị trí công tác")
        ordering = ["unit_id", "rank", "user_id"]
        constraints = [models.UniqueConstraint(fields=["user", "unit"],
                                               name="position_user_unit")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_rank_display()} — {self.unit}"


class ItemState(models.TextChoices):
    DECLARED = "declared", _("Đã đăng ký, chờ duyệt")
    APPROVED = "approved", _("Đã duyệt, đang thực hiện")
    REJECTED = "rejected", _("Không duyệt")
    SUBMITTED = "submitted", _("Báo cáo hoàn thành, chờ nghiệm thu")
    ACCEPTED = "accepted", _("Đã nghiệm thu")


COUNTED_STATES = (ItemState.APPROVED, ItemState.SUBMITTED, ItemState.ACCEPTED)


class WorkItem(models.Model):
    """One product (sản phẩm) of a person for a month or a quarter: declared by the person and
    approved by the manager, or created when a task of the unit is assigned to them. ``weight``
    is the number of converted products it counts for (sản phẩm quy đổi)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="work_items")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="work_items")
    period = models.CharField(_("kỳ"), max_length=16)
    title = models.CharField(_("sản phẩm, công việc"), max_length=300)
    weight = models.DecimalField(_("hệ số quy đổi"), max_digits=5, decimal_places=2,
                                 default=Decimal(1), validators=[MinValueValidator(0)])
    task = models.ForeignKey("tasks.Task", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="work_items")
    deadline = models.DateField(_("thời hạn"))
    state = models.CharField(_("trạng thái"), max_length=12, choices=ItemState.choices,
                             default=ItemState.DECLARED)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    returns = models.PositiveSmallIntegerField(
        _("số lần bị trả lại"), default=0,
        help_text=_("Mỗi lần thẩm định không đạt trừ 25% điểm chất lượng của sản phẩm."))
    delay_excused = models.BooleanField(
        _("chậm có lý do khách quan được xác nhận"), default=False)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    class Meta:
        verbose_name = _("sản phẩm cá nhân")
        verbose_name_plural = _("sản phẩm cá nhân")
        ordering = ["period", "deadline", "pk"]
        indexes = [models.Index(fields=["unit", "period"], name="workitem_unit_period")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        _check_period(self.period)
        if not (self.title or "").strip():
            raise ValidationError({"title": MSG_TITLE})
        if self.weight is None or not (Decimal(0) < self.weight <= 10):
            raise ValidationError({"weight": MSG_WEIGHT})


class TaskAssignee(models.Model):
    """A unit's task assigned to one of its people (a task may have several)."""

    task = models.ForeignKey("tasks.Task", on_delete=models.CASCADE, related_name="assignees")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="assigned_tasks")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField()

    class Meta:
        verbose_name = _("người được giao nhiệm vụ")
        verbose_name_plural = _("người được giao nhiệm vụ")
        constraints = [models.UniqueConstraint(fields=["task", "user"],
                                               name="task_assignee_unique")]

    def __str__(self) -> str:
        return f"{self.task} — {self.user}"


class EvalState(models.TextChoices):
    DRAFT = "draft", _("Chưa tự đánh giá")
    SELF = "self_assessed", _("Đã tự đánh giá")
    MANAGER = "manager_assessed", _("Cấp trên trực tiếp đã đánh giá")
    CONCLUDED = "concluded", _("Thủ trưởng đã kết luận")


MARK_KEYS = ("mark_politics", "mark_ethics", "mark_discipline")


def validate_marks(marks: dict) -> None:
    for k in MARK_KEYS:
        v = (marks or {}).get(k)
        if v is None:
            continue
        if not (Decimal(0) <= Decimal(str(v)) <= 10):
            raise ValidationError(MSG_MARK_RANGE)


class Evaluation(models.Model):
    """A person's quarterly evaluation under one framework (ND335-CC or LDQL-Q).

    Marks are stored as text decimals {"mark_politics": "9", ...}. The self-assessment is the
    person's own view; the manager's marks are those that count; the head's conclusion is the
    decision. ``result`` freezes the computed breakdown when the head concludes."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="evaluations")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="evaluations")
    period = models.CharField(_("kỳ"), max_length=16)
    framework_code = models.CharField(_("bộ tiêu chí"), max_length=32)
    state = models.CharField(_("trạng thái"), max_length=20, choices=EvalState.choices,
                             default=EvalState.DRAFT)
    self_marks = models.JSONField(default=dict, blank=True)
    self_level = models.CharField(_("tự xếp loại"), max_length=20, blank=True)
    self_comment = models.TextField(_("tự nhận xét"), blank=True)
    self_at = models.DateTimeField(null=True, blank=True)
    manager_marks = models.JSONField(default=dict, blank=True)
    manager_comment = models.TextField(_("nhận xét của cấp trên"), blank=True)
    manager_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    manager_at = models.DateTimeField(null=True, blank=True)
    disciplined_service = models.PositiveSmallIntegerField(
        _("số lần bị kỷ luật từ khiển trách trở lên do vi phạm khi thi hành công vụ"), default=0)
    score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    proposed_level = models.CharField(max_length=20, blank=True)
    level = models.CharField(_("xếp loại"), max_length=20, blank=True)
    conclusion_comment = models.TextField(_("kết luận"), blank=True)
    concluded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    concluded_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    class Meta:
        verbose_name = _("đánh giá cá nhân")
        verbose_name_plural = _("đánh giá cá nhân")
        ordering = ["period", "unit_id", "person_id"]
        constraints = [models.UniqueConstraint(fields=["person", "period", "framework_code"],
                                               name="evaluation_unique")]

    def __str__(self) -> str:
        return f"{self.person} — {self.period} — {self.framework_code}"

    def clean(self) -> None:
        _check_period(self.period)
        validate_marks(self.self_marks)
        validate_marks(self.manager_marks)
