from django.contrib import admin, messages

from tiendo.lib import clock
from tiendo.reminders.models import (
    ChannelPreference,
    Holiday,
    ICalToken,
    Notification,
    Outbox,
    OutboxState,
    PushSubscription,
    ReminderRule,
    WorkerHeartbeat,
)


@admin.register(ReminderRule)
class ReminderRuleAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "active", "offsets", "on_day", "overdue_every_days",
                    "escalate_head_after_days", "escalate_office_after_days",
                    "quiet_start_hour", "quiet_end_hour", "skip_holidays", "urgent"]
    list_filter = ["kind", "active", "urgent"]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["day", "name", "is_day_off"]


@admin.register(ChannelPreference)
class ChannelPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "email", "webpush", "webhook_url", "immediate"]
    search_fields = ["user__username"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "title", "read_at", "sent_in"]
    list_filter = ["kind", "urgent"]
    search_fields = ["dedup_key", "title", "recipient__username"]
    readonly_fields = [f.name for f in Notification._meta.fields]


@admin.action(description="Gửi lại (đưa về hàng chờ)")
def requeue(modeladmin, request, queryset):
    n = queryset.filter(state__in=[OutboxState.DEAD, OutboxState.FAILED]).update(
        state=OutboxState.PENDING, attempts=0, next_attempt_at=clock.now(), last_error="")
    messages.success(request, f"Đã đưa {n} thư về hàng chờ.")


@admin.register(Outbox)
class OutboxAdmin(admin.ModelAdmin):
    list_display = ["dedup_key", "channel", "address", "state", "attempts", "next_attempt_at",
                    "sent_at", "last_error"]
    list_filter = ["state", "channel"]
    search_fields = ["dedup_key", "address"]
    readonly_fields = [f.name for f in Outbox._meta.fields]
    actions = [requeue]


@admin.register(PushSubscription)
class PushSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "endpoint", "created_at"]


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ["worker", "started_at", "seen_at", "last_planned", "last_sent"]


@admin.register(ICalToken)
class ICalTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
