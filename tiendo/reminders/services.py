"""Writes of the reminders app: a person's channels and digest hour, push subscriptions,
the private calendar token. Each runs in one transaction with its audit entry."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy, gettext_noop

from tiendo.audit.services import record, snapshot
from tiendo.lib import clock
from tiendo.lib.messages import Message
from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.orgs import access
from tiendo.orgs.models import Profile, Role
from tiendo.reminders import notify
from tiendo.reminders.models import ChannelPreference, ICalToken, ItemKind, PushSubscription, Urge

MSG_HOUR = gettext_lazy("Giờ nhận bản tin phải từ 0 đến 23.")
MSG_NOT_YOURS = gettext_lazy("Chỉ chính người dùng được đổi cài đặt nhận nhắc việc của mình.")
MSG_PUSH_BAD = gettext_lazy("Đăng ký nhận thông báo đẩy không hợp lệ.")


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
        pref = ChannelPreference.objects.select_for_update(of=("self",)).filter(user=user).first() \
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


# --- urging (đôn đốc) -----------------------------------------------------------------------

MSG_URGE_ROLE = gettext_lazy("Chỉ văn phòng quản lý đơn vị này mới được đôn đốc.")
MSG_URGE_NOBODY = gettext_lazy("Đơn vị chưa có đầu mối hay thủ trưởng nào để nhận lời đôn đốc.")
MSG_URGE_NOT_THEIRS = gettext_lazy(
    "Người nhận phải là đầu mối hoặc thủ trưởng của đơn vị được đôn đốc.")
MSG_URGE_TASK_UNIT = gettext_lazy("Nhiệm vụ này không do đơn vị được đôn đốc chủ trì.")
MSG_URGE_LONG = gettext_lazy("Lời nhắn dài quá 2.000 ký tự.")

# What an urge or a direction says, kept as messages (template and values): notify.send_now
# writes them in each recipient's language.
URGE_TITLE = gettext_noop("Đôn đốc lần %(n)s: %(what)s")
URGE_LATE_WORK = gettext_noop("số liệu và nhiệm vụ chậm của đơn vị")
URGE_BODY = gettext_noop("Văn phòng đề nghị %(unit)s khẩn trương thực hiện và báo cáo.")
DIRECTION_TITLE = gettext_noop("Ý kiến chỉ đạo: %(task)s")
WITH_PERIOD = "%(what)s (%(period)s)"  # punctuation only, the same in every language


def urge_recipients(unit) -> dict[str, list]:
    """The people an urge of ``unit`` may go to: {"focal": [...], "head": [...]} as users."""
    ids = notify.unit_people(unit)
    users = {u.pk: u for u in get_user_model().objects.filter(
        pk__in=ids["focal"] + ids["head"]).select_related("profile")}
    return {k: [users[i] for i in v if i in users] for k, v in ids.items()}


def _urge_text(unit, task, period: Period | None, sequence: int,
               message: str) -> tuple[Message, Message | str]:
    if task is not None:
        what: Message | str = task.title
    elif period is not None:
        what = Message(WITH_PERIOD, {"what": Message(URGE_LATE_WORK), "period": period.label})
    else:
        what = Message(URGE_LATE_WORK)
    title = Message(URGE_TITLE, {"n": sequence, "what": what})
    return title, message.strip() or Message(URGE_BODY, {"unit": unit.name})


def urge_send(*, actor, unit, task=None, period: str = "", message: str = "",
              recipient_ids: list[int] | None = None, now=None) -> Urge:
    """The office urges a late unit — on one task, or on its missing figures and overdue
    tasks of a period. The recipients (the unit's focal points and its head by default; the
    office may pick among them) get it at once: in the bell when this commits, and on their
    channels at the worker's next pass. One transaction: the urge, its audit entry, the
    notifications and the outbox rows."""
    if not (access.has_role(actor, Role.OFFICE) or access.is_admin(actor)) \
            or not access.can_manage_unit(actor, unit.pk):
        raise PermissionDenied(MSG_URGE_ROLE)
    if task is not None and task.lead_unit_id != unit.pk:
        raise ValidationError(MSG_URGE_TASK_UNIT)
    if len(message) > 2000:
        raise ValidationError({"message": MSG_URGE_LONG})
    people = notify.unit_people(unit)
    allowed = list(dict.fromkeys(people["focal"] + people["head"]))
    if not allowed:
        raise ValidationError(MSG_URGE_NOBODY)
    chosen = list(dict.fromkeys(recipient_ids)) if recipient_ids else allowed
    if any(uid not in allowed for uid in chosen):
        raise ValidationError(MSG_URGE_NOT_THEIRS)
    now = now or clock.now()
    parsed = None
    if period:
        try:
            parsed = parse_period(period)
        except PeriodError as exc:
            raise ValidationError({"period": str(exc)}) from exc
    with transaction.atomic():
        earlier = Urge.objects.select_for_update(of=("self",)).filter(unit=unit, task=task)
        sequence = earlier.count() + 1
        urge = Urge(unit=unit, task=task, period=period if task is None else "",
                    message=message.strip(), actor=actor, recipients=chosen,
                    sequence=sequence, created_at=now)
        urge.full_clean()
        urge.save()
        title, body = _urge_text(unit, task, parsed, sequence, message)
        path = f"/nhiem-vu/{task.pk}/" if task is not None else f"/don-vi/{unit.pk}/"
        data = {"type": "urge", "urge": urge.pk, "unit_id": unit.pk, "unit": unit.name,
                "task": task.pk if task is not None else None, "period": urge.period,
                "sequence": sequence}
        notify.send_now(recipients=chosen, key=f"urge:{urge.pk}", kind=ItemKind.URGE,
                        title=title, body=body, path=path, data=data, now=now)
        record(actor=actor, action="reminders.urge", obj=urge, unit_id=unit.pk,
               after={"unit": unit.code, "task": data["task"], "period": urge.period,
                      "sequence": sequence, "recipients": chosen,
                      "message": urge.message}, now=now)
    return urge


def direction_notify(*, direction, now=None) -> None:
    """A direction (ý kiến chỉ đạo) on a task reaches the lead unit's focal points and head at
    once. Runs inside the caller's transaction: tasks.services.direction_add sends
    tasks.signals.direction_added, which apps.py connects here."""
    task = direction.task
    people = notify.unit_people(task.lead_unit)
    recipients = [uid for uid in dict.fromkeys(people["focal"] + people["head"])
                  if uid != direction.author_id]  # the author knows already
    if not recipients:
        return
    notify.send_now(recipients=recipients, key=f"direction:{direction.pk}",
                    kind=ItemKind.DIRECTION,
                    title=Message(DIRECTION_TITLE, {"task": task.title}),
                    body=direction.text[:1000],
                    path=f"/nhiem-vu/{task.pk}/",
                    data={"type": "direction", "task": task.pk, "unit_id": task.lead_unit_id,
                          "unit": task.lead_unit.name},
                    now=now or clock.now())
