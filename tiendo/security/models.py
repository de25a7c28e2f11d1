"""Security policy an administrator changes without code (Django admin)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SecurityPolicy(models.Model):
    """One row. Read with `SecurityPolicy.current()`."""

    require_2fa_for_leaders = models.BooleanField(
        _("bắt buộc xác thực hai lớp với lãnh đạo và quản trị"), default=False,
        help_text=_("Khi bật, lãnh đạo và quản trị phải đăng ký và nhập mã TOTP sau khi đăng "
                    "nhập; áp dụng từ lần đăng nhập kế tiếp."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("chính sách bảo mật")
        verbose_name_plural = _("chính sách bảo mật")

    def __str__(self) -> str:
        return str(_("Chính sách bảo mật"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "SecurityPolicy":
        return cls.objects.filter(pk=1).first() or cls(pk=1)
