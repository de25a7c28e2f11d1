"""Reminders (nhắc việc, đôn đốc): rules, per-person channels, in-app notifications, the outbox
that the worker delivers from, web-push subscriptions, worker heartbeats and iCal tokens."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class RuleKind(models.TextChoices):
    TASK = "task", _("Nhiệm vụ có thời hạn")
    REPORTING = "reporting", _("Kỳ báo cáo số liệu")
    WEEKLY = "weekly", _("Tổng hợp tuần cho lãnh đạo")


def _default_offsets() -> list[int]:
    return [7, 3, 1]


class ReminderRule(models.Model):
    """How and when to remind. One active rule per kind is used (the first by `pk`).

    Stages before a deadline are *windows*: with offsets 7, 3, 1 the "7 days" reminder is due
    at any moment from 7 days before the deadline until 3 days before, so a worker that was
    stopped, or a task assigned 5 days before its deadline, still gets it — once.
    """

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=10, choices=RuleKind.choices)
    active = models.BooleanField(_("đang áp dụng"), default=True)
    offsets = models.JSONField(
        _("nhắc trước hạn (ngày)"), default=_default_offsets, blank=True,
        help_text=_("Danh sách số ngày trước hạn, ví dụ [7, 3, 1]."),
    )
    on_day = models.BooleanField(_("nhắc đúng ngày đến hạn"), default=True)
    overdue_every_days = models.PositiveSmallIntegerField(
        _("quá hạn: nhắc lại sau mỗi (ngày)"), default=3,
        help_text=_("0: không nhắc lại khi quá hạn."),
    )
    escalate_head_after_days = models.PositiveSmallIntegerField(
        _("báo thủ trưởng đơn vị khi quá hạn từ (ngày)"), default=3,
        help_text=_("0: không báo."),
    )
    escalate_office_after_days = models.PositiveSmallIntegerField(
        _("báo văn phòng khi quá hạn từ (ngày)"), default=7, help_text=_("0: không báo."),
    )
    report_due_day = models.PositiveSmallIntegerField(
        _("hạn gửi số liệu: ngày … của tháng sau kỳ"), default=5,
        help_text=_("Chỉ dùng cho kỳ báo cáo số liệu."),
    )
    weekday = models.PositiveSmallIntegerField(
        _("thứ gửi tổng hợp tuần (0 = thứ Hai)"), default=0,
        help_text=_("Chỉ dùng cho tổng hợp tuần."),
    )
    quiet_start_hour = models.PositiveSmallIntegerField(_("giờ yên lặng từ"), default=21)
    quiet_end_hour = models.PositiveSmallIntegerField(_("giờ yên lặng đến"), default=7)
    skip_holidays = models.BooleanField(
        _("không gửi ngày nghỉ, lễ, Tết"), default=True,
        help_text=_("Thứ Bảy, Chủ nhật và ngày lễ theo Điều 112 Bộ luật Lao động 2019."),
    )
    urgent = models.BooleanField(
        _("khẩn"), default=False,
        help_text=_("Tin khẩn gửi ngay, kể cả giờ yên lặng và ngày nghỉ."),
    )

    class Meta:
        verbose_name = _("quy tắc nhắc việc")
        verbose_name_plural = _("quy tắc nhắc việc")
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        offs = self.offsets
        if not isinstance(offs, list) or not all(
            isinstance(o, int) and not isinstance(o, bool) and 0 < o <= 366 for o in offs
        ):
            raise ValidationError({"offsets": _("Cần một danh sách số ngày nguyên dương.")})
        for name in ("quiet_start_hour", "quiet_end_hour"):
            if getattr(self, name) > 23:
                raise ValidationError({name: _("Giờ phải từ 0 đến 23.")})
        if not 1 <= self.report_due_day <= 28:
            raise ValidationError({"report_due_day": _("Ngày phải từ 1 đến 28.")})
        if self.weekday > 6:
            raise ValidationError({"weekday": _("Thứ phải từ 0 (thứ Hai) đến 6 (Chủ nhật).")})


class Holiday(models.Model):
    """A day the office adds (announced bridge day, nghỉ bù) or a working Saturday it removes."""

    day = models.DateField(_("ngày"), unique=True)
    is_day_off = models.BooleanField(
        _("là ngày nghỉ"), default=True,
        help_text=_("Bỏ chọn để đánh dấu một ngày làm việc bù (ví dụ thứ Bảy đi làm)."),
    )
    name = models.CharField(_("tên"), max_length=120)

    class Meta:
        verbose_name = _("ngày nghỉ bổ sung")
        verbose_name_plural = _("ngày nghỉ bổ sung")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.name}"


class ChannelPreference(models.Model):
    """Which channels a person wants. The digest hour is on orgs.Profile."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_channels"
    )
    email = models.BooleanField(_("thư điện tử"), default=True)
    webpush = models.BooleanField(_("thông báo đẩy trên điện thoại"), default=True)
    webhook_url = models.URLField(
        _("webhook (Zalo OA, Telegram…)"), blank=True,
        help_text=_("Địa chỉ cầu nối ứng dụng chat nhận JSON có ký HMAC-SHA256."),
    )
    webhook_secret = models.CharField(max_length=64, blank=True, editable=False)
    immediate = models.BooleanField(
        _("nhận ngay từng nhắc việc"), default=False,
        help_text=_("Mặc định gom vào một bản tin mỗi ngày vào giờ đã chọn."),
    )

    class Meta:
        verbose_name = _("kênh nhận nhắc việc")
        verbose_name_plural = _("kênh nhận nhắc việc")

    def __str__(self) -> str:
        return str(self.user)

    def save(self, *args, **kwargs):
        if not self.webhook_secret:
            self.webhook_secret = secrets.token_hex(32)
        super().save(*args, **kwargs)


class ItemKind(models.TextChoices):
    TASK_BEFORE = "task_before", _("Sắp đến hạn")
    TASK_DUE = "task_due", _("Đến hạn hôm nay")
    TASK_OVERDUE = "task_overdue", _("Quá hạn")
    TASK_ESCALATION = "task_escalation", _("Quá hạn — báo cấp trên")
    REPORT_BEFORE = "report_before", _("Sắp đến hạn gửi số liệu")
    REPORT_DUE = "report_due", _("Hôm nay hết hạn gửi số liệu")
    REPORT_OVERDUE = "report_overdue", _("Chậm gửi số liệu")
    REPORT_ESCALATION = "report_escalation", _("Chậm gửi số liệu — báo cấp trên")
    WEEKLY = "weekly", _("Tổng hợp tuần")
    STUCK_TASK = "stuck_task", _("Chờ nghiệm thu")
    STUCK_FIGURES = "stuck_figures", _("Chờ duyệt số liệu")
    URGE = "urge", _("Đôn đốc")
    DIRECTION = "direction", _("Ý kiến chỉ đạo")


class Notification(models.Model):
    """One reminder item for one person: the in-app notification centre shows it, and the
    e-mail, push and webhook channels carry it in a digest (or at once, when urgent)."""

    dedup_key = models.CharField(max_length=200)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
        db_index=False,  # the (recipient, read_at) index serves lookups by recipient
    )
    kind = models.CharField(max_length=20, choices=ItemKind.choices)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    link = models.CharField(max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)
    urgent = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    # The digest (or immediate) outbox key that carried this item to the other channels.
    sent_in = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # a constraint, not unique=True: no extra LIKE index on PostgreSQL
            models.UniqueConstraint(fields=["dedup_key"], name="notification_dedup_key"),
        ]
        indexes = [
            # serves: the planner's "items not yet carried by a digest" (few rows)
            models.Index(fields=["recipient"], condition=models.Q(sent_in=""),
                         name="notif_waiting"),
            # serves: the bell's unread count and the centre's list of one person
            models.Index(fields=["recipient", "read_at"], name="notif_recipient_read"),
        ]

    def __str__(self) -> str:
        return self.title


class Channel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    WEBPUSH = "webpush", _("Thông báo đẩy")
    WEBHOOK = "webhook", _("Webhook")


class OutboxState(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    CLAIMED = "claimed", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Lỗi, sẽ gửi lại")
    DEAD = "dead", _("Bỏ cuộc sau nhiều lần lỗi")


class Outbox(models.Model):
    """A message to deliver on one channel. `dedup_key` is unique: planning twice adds nothing.

    failed rows wait for `next_attempt_at` and are claimed again; claimed rows of a worker
    that stopped beating are released to pending.
    """

    dedup_key = models.CharField(max_length=200, unique=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(max_length=500, blank=True)
    payload = models.JSONField(default=dict)
    state = models.CharField(
        max_length=10, choices=OutboxState.choices, default=OutboxState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField()
    next_attempt_at = models.DateTimeField()
    claimed_by = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("thư chờ gửi")
        verbose_name_plural = _("hàng đợi gửi")
        ordering = ["next_attempt_at", "pk"]
        indexes = [
            # serves: the worker's claim "pending or failed, due, oldest first"
            models.Index(fields=["state", "next_attempt_at"], name="outbox_state_due"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} → {self.address or self.recipient_id}: {self.dedup_key}"


class PushSubscription(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thiết bị nhận thông báo đẩy")
        verbose_name_plural = _("thiết bị nhận thông báo đẩy")

    def __str__(self) -> str:
        return f"{self.user} — {self.endpoint[:60]}"


class WorkerHeartbeat(models.Model):
    """The last sign of life of one worker process."""

    worker = models.CharField(max_length=100, unique=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField()
    last_planned = models.PositiveIntegerField(default=0)
    last_sent = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("tiến trình nền")
        verbose_name_plural = _("tiến trình nền")
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return self.worker


class PlannerRun(models.Model):
    """The day's last planning: later plans of the same day, with the same rules, people and
    calendar (`fingerprint`), only look at tasks changed since `started_at` — stages depend on
    the day alone. The worker plans every minute; this keeps those plans cheap."""

    day = models.DateField(unique=True)
    started_at = models.DateTimeField()
    fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("lần lập kế hoạch nhắc việc")
        verbose_name_plural = _("lần lập kế hoạch nhắc việc")
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y}"


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class ICalToken(models.Model):
    """The secret in a person's private calendar address; regenerating it revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ical_token"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lịch iCal riêng")
        verbose_name_plural = _("lịch iCal riêng")

    def __str__(self) -> str:
        return str(self.user)


class Urge(models.Model):
    """An urge (đôn đốc) the office sent to a late unit: on one task, or on the unit's missing
    figures and overdue tasks. Counted per unit ("đã đôn đốc lần N") for the rating."""

    unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="urges",
                             verbose_name=_("đơn vị"))
    task = models.ForeignKey("tasks.Task", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="urges", verbose_name=_("nhiệm vụ"))
    period = models.CharField(_("kỳ"), max_length=20, blank=True)
    message = models.TextField(_("lời nhắn"), blank=True, max_length=2000)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("người đôn đốc"))
    recipients = models.JSONField(_("người nhận"), default=list)
    sequence = models.PositiveIntegerField(_("lần"), default=1)
    created_at = models.DateTimeField(_("lúc"))

    class Meta:
        verbose_name = _("lần đôn đốc")
        verbose_name_plural = _("đôn đốc")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # serves: "đã đôn đốc lần N" of a unit (and of one task) and the count per unit
            models.Index(fields=["unit", "task"], name="urge_unit_task"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — lần {self.sequence}"
