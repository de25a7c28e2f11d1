"""An append-only, hash-chained log of every change (nhật ký thay đổi)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    created_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=64)
    object_type = models.CharField(max_length=64, db_index=True)
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(max_length=300, blank=True)
    unit_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    reason = models.TextField(blank=True)
    # Digest of the whole audited row after this change (coverage.py), so verify can prove
    # every figure, target, task, membership and user row is the one the log explains.
    state_digest = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.actor_name} {self.action}"


class AuditHead(models.Model):
    """One row holding the hash of the newest entry; locked while appending, so concurrent
    writers on PostgreSQL chain one after another instead of forking the chain."""

    last_hash = models.CharField(max_length=64)
    count = models.PositiveBigIntegerField(default=0)
    # "hmac-sha256": every column keyed with settings.TIENDO_AUDIT_KEY. "sha256": the unkeyed
    # chain of 0.1.0, until `tiendo audit rekey` is run once.
    scheme = models.CharField(max_length=16, default="sha256")

    def __str__(self) -> str:
        return f"{self.count}: {self.last_hash[:12]}"
