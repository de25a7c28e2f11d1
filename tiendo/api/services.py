"""Writes of the API app: personal tokens and the rate-limit counter."""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from tiendo.api.models import ApiRateWindow, ApiToken
from tiendo.audit.services import record, snapshot
from tiendo.lib import clock

TOKEN_PREFIX = "td_"  # noqa: S105 - a marker, not a secret
PREFIX_LEN = 10  # "td_" + 7 characters, shown in the list
MAX_ACTIVE_TOKENS = 20
MSG_NAME_REQUIRED = _("Cần đặt tên gợi nhớ cho khóa.")
MSG_TOO_MANY = _("Mỗi người dùng có tối đa {n} khóa đang dùng; hãy thu hồi khóa cũ.")
MSG_NOT_YOURS = _("Khóa này không phải của bạn.")
WINDOW = timedelta(minutes=1)


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def token_create(*, actor, name: str) -> tuple[ApiToken, str]:
    """A new token for ``actor``. Returns the row and the secret, which is never stored."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": MSG_NAME_REQUIRED})
    with transaction.atomic():
        active = ApiToken.objects.filter(user=actor, revoked_at__isnull=True).count()
        if active >= MAX_ACTIVE_TOKENS:
            raise ValidationError(MSG_TOO_MANY.format(n=MAX_ACTIVE_TOKENS))
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = ApiToken(user=actor, name=name[:100], prefix=raw[:PREFIX_LEN],
                         digest=digest_of(raw))
        token.full_clean()
        token.save()
        after = snapshot(token)
        after.pop("digest", None)
        # last_used_at is bookkeeping written on every call without an entry: not logged, so
        # `audit verify` does not compare it (it did, and failed after one API call).
        after.pop("last_used_at", None)
        record(actor=actor, action="api_token.create", obj=token, after=after)
    return token, raw


def token_revoke(*, actor, token: ApiToken, now: datetime | None = None) -> ApiToken:
    if token.user_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied(MSG_NOT_YOURS)
    with transaction.atomic():
        token = ApiToken.objects.select_for_update(of=("self",)).get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = now or clock.now()
            token.save(update_fields=["revoked_at"])
            record(actor=actor, action="api_token.revoke", obj=token,
                   after={"revoked_at": token.revoked_at.isoformat()})
    return token


def token_authenticate(raw: str, *, now: datetime | None = None) -> ApiToken | None:
    """The active token of this secret (with its user), or None. Marks it used."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = (ApiToken.objects.select_related("user")
             .filter(digest=digest_of(raw), revoked_at__isnull=True).first())
    if token is None or not token.user.is_active:
        return None
    now = now or clock.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def rate_hit(*, token: ApiToken, limit: int, now: datetime | None = None) -> tuple[bool, int]:
    """Count one request in the token's current one-minute window. Returns (allowed, seconds
    until the window ends). The increment is one conditional UPDATE, so concurrent requests
    (several web processes) never exceed the limit."""
    now = now or clock.now()
    start = now.replace(second=0, microsecond=0)
    retry = int((start + WINDOW - now).total_seconds()) + 1
    updated = ApiRateWindow.objects.filter(token=token, window_start=start,
                                           count__lt=limit).update(count=F("count") + 1)
    if updated:
        return True, retry
    if ApiRateWindow.objects.filter(token=token, window_start=start).exists():
        return False, retry
    try:
        with transaction.atomic():
            ApiRateWindow.objects.create(token=token, window_start=start, count=1)
    except IntegrityError:  # another process opened the window first
        return rate_hit(token=token, limit=limit, now=now)
    # Old windows are of no use: drop them now and then (the first hit of a window).
    ApiRateWindow.objects.filter(token=token, window_start__lt=start).delete()
    return limit >= 1, retry
