"""Rating frameworks (versioned), leaders' marks with evidence, and ratings with their workflow.

A Rating freezes, when it is proposed, the inputs it was computed from (``snapshot``) and the
full result (``result``: score, breakdown, reasons), so a later change to a task or a figure
cannot silently change it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tiendo.indicators.models import validate_period_code
from tiendo.scoring import rules

MSG_MARK_EVIDENCE = _("Cần ghi căn cứ, minh chứng của điểm.")
MSG_MARK_QUALITY_RANGE = _("Điểm chất lượng phải từ 0 đến 10.")
MSG_MARK_NEGATIVE = _("Giá trị không được âm.")
MSG_MARK_TASK = _("Cần chọn nhiệm vụ hoàn thành vượt yêu cầu, do chính đơn vị chủ trì.")


def _check_period(value: str) -> None:
    try:
        validate_period_code(value)
    except ValidationError as exc:
        raise ValidationError({"period": exc.messages}) from exc


class FrameworkVersion(models.Model):
    """One saved version of a criteria framework; the definition is rules.framework_to_dict()."""

    code = models.CharField(_("mã bộ tiêu chí"), max_length=32)
    version = models.PositiveIntegerField(_("phiên bản"))
    name = models.CharField(_("tên"), max_length=255)
    subject_kind = models.CharField(_("đối tượng"), max_length=32)
    period_kind = models.CharField(_("kỳ đánh giá"), max_length=16)
    definition = models.JSONField(_("nội dung"))
    is_active = models.BooleanField(_("đang dùng"), default=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bộ tiêu chí xếp loại")
        verbose_name_plural = _("bộ tiêu chí xếp loại")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="framework_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"

    def clean(self) -> None:
        try:
            fw = rules.framework_from_dict(self.definition or {})
        except rules.FrameworkError as exc:
            raise ValidationError({"definition": str(exc)}) from exc
        if fw.code != self.code or fw.version != self.version:
            raise ValidationError({"definition": _("Mã và phiên bản trong nội dung không khớp.")})

    @property
    def framework(self) -> rules.Framework:
        cached = getattr(self, "_framework", None)
        if cached is None:
            cached = self._framework = rules.framework_from_dict(self.definition)
        return cached


class MarkKind(models.TextChoices):
    """Marks entered by leaders or the inspection board; each value is the metric it feeds."""

    QUALITY = "quality_mark", _("Điểm chất lượng của lãnh đạo (0–10)")
    DEDUCTION = "deductions", _("Điểm trừ do vi phạm")
    EXCEEDED_TASK = "tasks_exceeded", _("Nhiệm vụ hoàn thành vượt yêu cầu")
    SHORTCOMING_NOTED = "shortcomings_noted", _("Hạn chế được chỉ ra")
    SHORTCOMING_REMEDIED = "shortcomings_remedied", _("Hạn chế đã khắc phục")
    COLLECTIVE_DISCIPLINED = "collective_disciplined", _("Tập thể lãnh đạo bị kỷ luật")
    LEADER_DISCIPLINED = "leader_members_disciplined", _("Thành viên lãnh đạo bị kỷ luật")
    SUBORDINATE_DISCIPLINED = "subordinates_disciplined", _("Tổ chức trực thuộc bị kỷ luật")
    SUBORDINATE_CORRUPTION = "subordinates_corruption", _(
        "Tổ chức trực thuộc bị kỷ luật về tham nhũng, lãng phí, tiêu cực")
    DISUNITY = "disunity", _("Kết luận mất đoàn kết nội bộ")
    FORCE_MAJEURE = "force_majeure", _("Lý do bất khả kháng được công nhận")


class Mark(models.Model):
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="marks")
    period = models.CharField(_("kỳ"), max_length=16)  # checked in clean(): no import in migrations
    kind = models.CharField(_("loại"), max_length=32, choices=MarkKind.choices)
    value = models.DecimalField(_("giá trị"), max_digits=8, decimal_places=2, default=1)
    task = models.ForeignKey(
        "tasks.Task", verbose_name=_("nhiệm vụ"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="marks",
    )
    evidence = models.TextField(_("căn cứ, minh chứng"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    withdraw_reason = models.TextField(blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    class Meta:
        verbose_name = _("điểm đánh giá")
        verbose_name_plural = _("điểm đánh giá")
        ordering = ["period", "unit", "kind", "pk"]
        indexes = [
            # serves: metrics of the units of a period (metrics.collect)
            models.Index(fields=["period", "unit"], name="mark_period_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.unit} — {self.period}: {self.value}"

    def clean(self) -> None:
        _check_period(self.period)
        if not (self.evidence or "").strip():
            raise ValidationError({"evidence": MSG_MARK_EVIDENCE})
        if self.value is not None and self.value < 0:
            raise ValidationError({"value": MSG_MARK_NEGATIVE})
        if self.kind == MarkKind.QUALITY and self.value is not None and self.value > 10:
            raise ValidationError({"value": MSG_MARK_QUALITY_RANGE})
        if self.kind == MarkKind.EXCEEDED_TASK and (
                self.task_id is None or self.task.lead_unit_id != self.unit_id):
            raise ValidationError({"task": MSG_MARK_TASK})


class RatingState(models.TextChoices):
    PROPOSED = "proposed", _("Đề xuất")
    SELF_ASSESSED = "self_assessed", _("Đơn vị đã tự đánh giá")
    REVIEWED = "reviewed", _("Đã thẩm định")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    OVERRIDDEN = "overridden", _("Đã điều chỉnh")
    PUBLISHED = "published", _("Đã công bố")
    LOCKED = "locked", _("Đã khóa")


FROZEN_STATES = (RatingState.CONFIRMED, RatingState.OVERRIDDEN, RatingState.PUBLISHED,
                 RatingState.LOCKED)


class Level(models.TextChoices):
    XUAT_SAC = rules.XUAT_SAC, _("Hoàn thành xuất sắc nhiệm vụ")
    TOT = rules.TOT, _("Hoàn thành tốt nhiệm vụ")
    HOAN_THANH = rules.HOAN_THANH, _("Hoàn thành nhiệm vụ")
    KHONG_HOAN_THANH = rules.KHONG_HOAN_THANH, _("Không hoàn thành nhiệm vụ")


class Rating(models.Model):
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="ratings")
    period = models.CharField(_("kỳ"), max_length=16)  # checked in clean()
    framework = models.ForeignKey(
        FrameworkVersion, verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT,
        related_name="ratings")
    framework_code = models.CharField(max_length=32)
    peer_group = models.CharField(_("nhóm tương đồng"), max_length=64, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=RatingState.choices,
        default=RatingState.PROPOSED)
    score = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2, null=True, blank=True)
    proposed_level = models.CharField(
        _("mức đề xuất"), max_length=20, choices=Level.choices, blank=True)
    level = models.CharField(_("mức xếp loại"), max_length=20, choices=Level.choices, blank=True)
    snapshot = models.JSONField(_("dữ liệu đầu vào khi đề xuất"), default=dict)
    result = models.JSONField(_("kết quả tính"), default=dict)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+")
    proposed_at = models.DateTimeField(null=True, blank=True)
    self_level = models.CharField(
        _("đơn vị tự đánh giá"), max_length=20, choices=Level.choices, blank=True)
    self_comment = models.TextField(_("ý kiến tự đánh giá"), blank=True)
    self_assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+")
    self_assessed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("ý kiến thẩm định"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    override_reason = models.TextField(_("lý do điều chỉnh"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+")
    locked_at = models.DateTimeField(null=True, blank=True)
    reopen_reason = models.TextField(_("lý do mở lại"), blank=True)
    version = models.PositiveIntegerField(default=1)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    class Meta:
        verbose_name = _("xếp loại")
        verbose_name_plural = _("xếp loại")
        ordering = ["period", "peer_group", models.F("score").desc(nulls_last=True),
                    "unit__code"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "period", "framework_code"],
                                    name="rating_one_per_unit_period_framework"),
        ]
        indexes = [
            # serves: the ranking of a period (queries.ratings_for)
            models.Index(fields=["period", "framework_code"], name="rating_period_framework"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period}: {self.get_level_display() or '—'}"

    def clean(self) -> None:
        _check_period(self.period)

    @property
    def is_frozen(self) -> bool:
        return self.state in FROZEN_STATES

    @property
    def level_label(self) -> str:
        return rules.LEVEL_LABELS.get(self.level, _("Chưa xếp loại (thiếu dữ liệu)"))


MSG_LINK_TREES = _("Liên kết nối một tổ chức đảng (khối Đảng) với cơ quan nhà nước "
                   "(khối chính quyền) mà tổ chức đó lãnh đạo.")


class StateBodyLink(models.Model):
    """The configured link Party tree ↔ State tree: the State body a Party organisation leads
    (Đảng bộ Sở Tài chính → Sở Tài chính). Under QĐ 366 the organisation's rating draws on that
    body's results: its tasks, targets and reports count with the organisation's own, and the
    breakdown names the body."""

    party_unit = models.OneToOneField(
        "orgs.Unit", verbose_name=_("tổ chức đảng"), on_delete=models.CASCADE,
        related_name="state_body_link")
    state_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("cơ quan do tổ chức đảng lãnh đạo"),
        on_delete=models.PROTECT, related_name="party_links")
    note = models.CharField(_("căn cứ"), max_length=300, blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+")

    class Meta:
        verbose_name = _("liên kết tổ chức đảng — cơ quan")
        verbose_name_plural = _("liên kết tổ chức đảng — cơ quan")

    def __str__(self) -> str:
        return f"{self.party_unit} → {self.state_unit}"

    def clean(self) -> None:
        if self.party_unit_id and self.state_unit_id and (
                self.party_unit.tree != "party" or self.state_unit.tree != "state"):
            raise ValidationError(MSG_LINK_TREES)
