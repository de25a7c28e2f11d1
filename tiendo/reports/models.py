"""The workspace's report profile (who issues the quarterly report, to whom, who signs) and the
sign-off of a report: draft → reviewed (office) → approved (leader) → issued with a number and
a date, the issued files frozen with their hashes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportProfile(models.Model):
    """One row per workspace (pk=1): the issuing body of the quarterly report and its closing.
    Without it the heading names the top unit of the tree, as before."""

    issuer = models.ForeignKey(
        "orgs.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("cơ quan ban hành báo cáo"),
        help_text=_("Ví dụ Đảng ủy UBND tỉnh (thể thức Hướng dẫn 36-HD/VPTW) hoặc UBND tỉnh "
                    "(Nghị định 30/2020/NĐ-CP)."),
    )
    addressee = models.CharField(_("kính gửi"), max_length=300, blank=True)
    recipients = models.TextField(
        _("nơi nhận"), blank=True,
        help_text=_("Mỗi dòng một nơi nhận, ví dụ “Ban Thường vụ Tỉnh ủy (để b/c)”. Để trống: "
                    "“Như trên” khi có kính gửi, và “Lưu Văn phòng”."),
    )
    signer_power = models.CharField(_("thẩm quyền ký"), max_length=100, blank=True,
                                    help_text=_("Ví dụ T/M BAN THƯỜNG VỤ, TM. ỦY BAN NHÂN DÂN"))
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True,
                                    help_text=_("Ví dụ BÍ THƯ, PHÓ BÍ THƯ, CHỦ TỊCH"))
    signer_name = models.CharField(_("họ tên người ký"), max_length=100, blank=True)
    deadline_days = models.PositiveSmallIntegerField(
        _("hạn báo cáo (số ngày sau khi hết kỳ)"), null=True, blank=True,
        help_text=_("Ngày ghi trên báo cáo mặc định là hạn báo cáo của kỳ. Để trống: theo quy "
                    "tắc chung (10 ngày)."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("thông tin ban hành báo cáo")
        verbose_name_plural = _("thông tin ban hành báo cáo")

    def __str__(self) -> str:
        return str(self.issuer) if self.issuer_id else "—"


class SignoffState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    REVIEWED = "reviewed", _("Văn phòng đã rà soát")
    APPROVED = "approved", _("Lãnh đạo đã duyệt")
    ISSUED = "issued", _("Đã ban hành")


class ReportSignoff(models.Model):
    """A quarterly report on its way to being issued. While draft, reviewed or approved it is
    built from the data each time it is opened; once issued its files are stored here and
    never rebuilt (later data changes do not alter it)."""

    period = models.CharField(_("kỳ"), max_length=16)
    issuer = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("cơ quan ban hành"))
    state = models.CharField(_("trạng thái"), max_length=10, choices=SignoffState.choices,
                             default=SignoffState.DRAFT)
    number = models.CharField(_("số văn bản"), max_length=40, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    issued_at = models.DateTimeField(null=True, blank=True)
    # the frozen issued files and their SHA-256 (also written in the audit entry)
    docx = models.BinaryField(null=True, blank=True, editable=False)
    docx_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    pdf_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    pdf_signed = models.BooleanField(_("PDF đã ký số"), default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("báo cáo trình ký")
        verbose_name_plural = _("báo cáo trình ký")
        constraints = [
            # one report a period for each issuer
            models.UniqueConstraint(fields=["issuer", "period"], name="signoff_issuer_period"),
            models.UniqueConstraint(fields=["issuer", "number"], condition=~models.Q(number=""),
                                    name="signoff_issuer_number"),
        ]

    def __str__(self) -> str:
        return f"{self.period} — {self.get_state_display()}"
