"""Programmes (chương trình, nghị quyết…): the source documents targets and tasks come from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeKind(models.TextChoices):
    CONGRESS_RESOLUTION = "nghi_quyet_dai_hoi", _("Nghị quyết Đại hội")
    ACTION_PROGRAMME = "chuong_trinh_hanh_dong", _("Chương trình hành động")
    TERM_PROGRAMME = "chuong_trinh_toan_khoa", _("Chương trình công tác toàn khóa")
    YEAR_PROGRAMME = "chuong_trinh_nam", _("Chương trình công tác năm")
    QUARTER_PROGRAMME = "chuong_trinh_quy", _("Chương trình công tác quý")
    CONCLUSION = "ket_luan", _("Kết luận")
    DIRECTIVE_NOTICE = "thong_bao_chi_dao", _("Thông báo chỉ đạo")
    REPORT = "bao_cao", _("Báo cáo")
    OTHER = "khac", _("Văn bản khác")


class Programme(models.Model):
    code = models.SlugField(_("mã"), max_length=64, unique=True)
    title = models.CharField(_("tên văn bản"), max_length=500)
    kind = models.CharField(_("loại"), max_length=32, choices=ProgrammeKind.choices)
    document_number = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    term_start = models.PositiveSmallIntegerField(_("nhiệm kỳ từ năm"), null=True, blank=True)
    term_end = models.PositiveSmallIntegerField(_("nhiệm kỳ đến năm"), null=True, blank=True)
    period = models.CharField(_("kỳ"), max_length=16, blank=True)
    issuing_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("cơ quan ban hành"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="programmes",
    )
    document = models.FileField(_("tệp văn bản"), upload_to="programmes/%Y/", blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    source_note = models.CharField(_("nguồn"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("chương trình, văn bản")
        verbose_name_plural = _("chương trình, văn bản")
        ordering = ["-issued_on", "code"]

    def __str__(self) -> str:
        return self.title
