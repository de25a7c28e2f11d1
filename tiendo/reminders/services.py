"""Writes of the reminders app: a person's channels and digest hour, push subscriptions,
the private calendar token. Each runs in one transaction with its audit entry."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tiendo.audit.services import record, snapshot
from tiendo.orgs.models import Profile
from tiendo.reminders.models import ChannelPreference, ICalToken, PushSubscription

MSG_HOUR = "Giờ nhận bản tin phải từ 0 đến 23."
MSG_NOT_YOURS = "Chỉ chính người dùng được đổi cài đặt nhận nhắc việc của mình."
MSG_PUSH_BAD = "Đăng ký nhận thông báo đẩy không hợp lệ."


def preference_of(user) -> ChannelPreference:
    pref, _ = ChannelPreference.objects.get_or_create(user=user)
    return pref


def preference_set(*, actor, user, email: bool, webpush: bool, webhook_url: str,
                   immediate: bool, digest_hour: int) -> ChannelPreference:
    if actor.pk != user.pk and not actor.is_superuser:
        raise PermissionDenied(MSG_NOT_YOURS)
    if digest_hour is None or not 0 <= int(digest_hour) <= 23:
        raise ValidationError({"digest_hour": MSG_HOUR})
    with transaction.atomic():
        pref = ChannelPreference.objects.select_for_update().filter(user=user).first() \
            or ChannelPreference(user=user)
        before = snapshot(pref) if pref.pk else None
        pref.email, pref.webpush, pref.immediate = email, webpush, immediate
        pref.webhook_url = webhook_url.strip()
        pref.full_clean()
        pref.save()
        profile, _ = Profile.objects.get_or_create(user=user)
        profile.digest_hour = int(digest_hour)
        profile.save(update_fields=["digest_hour"])
        after = {k: v for k, v in snapshot(pref).items() if k != "webhook_secret"}
        if before:
            before.pop("webhook_secret", None)
        record(actor=actor, action="reminders.preferences", obj=pref, before=before,
               after={**after, "digest_hour": profile.digest_hour})
    return pref


def push_subscribe(*, actor, endpoint: str, p256dh: str, auth: str,
                   user_agent: str = "") -> PushSubscription:
    secure = endpoint.startswith(("https://", "http://127.0.0.1"))
    if not endpoint or not secure or not p256dh or not auth:
        raise ValidationError(MSG_PUSH_BAD)
    with transaction.atomic():
        sub, _ = PushSubscription.objects.update_or_create(
            endpoint=endpoint, defaults={"user": actor, "p256dh": p256dh, "auth": auth,
                                         "user_agent": user_agent[:300]})
        sub.full_clean()
        record(actor=actor, action="reminders.push_subscribe", obj=sub,
               after={"endpoint": endpoint[:120]})
    return sub


def push_unsubscribe(*, actor, endpoint: str) -> int:
    with transaction.atomic():
        rows = PushSubscription.objects.filter(user=actor, endpoint=endpoint)
        ids = list(rows.values_list("pk", flat=True))
        n, _ = rows.delete()
        for pk in ids:  # named as push_subscribe named it, so verify knows the row is gone
            record(actor=actor, action="reminders.push_unsubscribe",
                   object_type=PushSubscription._meta.label_lower, object_id=str(pk),
                   reason=endpoint[:120])
    return n


def ical_token_of(user) -> ICalToken:
    token, _ = ICalToken.objects.get_or_create(user=user)
    return token


def ical_token_reset(*, actor) -> ICalToken:
    with transaction.atomic():
        ICalToken.objects.filter(user=actor).delete()
        token = ICalToken.objects.create(user=actor)
        record(actor=actor, action="reminders.ical_reset", obj=token)
    return token
