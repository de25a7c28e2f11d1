"""Units (đơn vị) in two parallel trees, the Party's and the State's, and people's roles."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Tree(models.TextChoices):
    PARTY = "party", _("Khối Đảng")
    STATE = "state", _("Khối chính quyền")


class UnitKind(models.TextChoices):
    PARTY_COMMITTEE = "party_committee", _("Đảng bộ")
    PARTY_BASE = "party_base", _("Tổ chức cơ sở đảng")
    PARTY_CELL = "party_cell", _("Chi bộ trực thuộc")
    PARTY_BOARD = "party_board", _("Ban, ủy ban kiểm tra của Đảng")
    PROVINCE = "province", _("UBND tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    COMMUNE = "commune", _("UBND xã, phường, đặc khu")
    OTHER = "other", _("Đơn vị khác")


class Unit(models.Model):
    """An organisation unit. Merged or renamed units are kept, closed by `valid_to`,
    and point to their successors, so history stays attached to the right unit."""

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True)
    tree = models.CharField(_("khối"), max_length=10, choices=Tree.choices)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    # Materialised path "/<id>/<id>/…/" kept by save(): subtree = path startswith.
    path = models.CharField(max_length=500, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    peer_group = models.CharField(
        _("nhóm đơn vị tương đồng"), max_length=64, blank=True,
        help_text=_("Nhóm có vị trí, chức năng tương đồng, dùng cho tỷ lệ xếp loại."),
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["tree", "path", "sort_order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="unit_validity_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        new_path = (self.parent.path if self.parent_id else "/") + f"{self.pk}/"
        if new_path != self.path:
            old = self.path
            self.path = new_path
            self.depth = new_path.count("/") - 2
            Unit.objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)
            if old:
                for child in Unit.objects.filter(path__startswith=old).exclude(pk=self.pk):
                    child.path = new_path + child.path[len(old):]
                    child.depth = child.path.count("/") - 2
                    Unit.objects.filter(pk=child.pk).update(path=child.path, depth=child.depth)

    def clean(self) -> None:
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Đơn vị không thể là cấp trên của chính nó.")})
        if self.parent and self.pk and f"/{self.pk}/" in self.parent.path:
            raise ValidationError({"parent": _("Cấp trên nằm trong cây con của đơn vị này.")})

    def is_active_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị")
    OFFICE = "office", _("Chuyên viên văn phòng")
    FOCAL = "focal", _("Đầu mối đơn vị")
    LEADER = "leader", _("Lãnh đạo")
    INSPECTOR = "inspector", _("Ủy ban kiểm tra, hội đồng thi đua")


class Membership(models.Model):
    """A person's role in a unit. Office, leader and inspector roles reach the unit's subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("vai trò"), max_length=12, choices=Role.choices)
    is_head = models.BooleanField(_("thủ trưởng đơn vị"), default=False)
    title = models.CharField(_("chức vụ"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("thành viên")
        verbose_name_plural = _("thành viên")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


class Profile(models.Model):
    """Per-person preferences (language, digest hour)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    language = models.CharField(
        _("ngôn ngữ"), max_length=5, choices=settings.LANGUAGES, default="vi"
    )
    digest_hour = models.PositiveSmallIntegerField(_("giờ nhận bản tin"), default=7)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    class Meta:
        verbose_name = _("hồ sơ người dùng")
        verbose_name_plural = _("hồ sơ người dùng")

    def __str__(self) -> str:
        return self.full_name or str(self.user)
