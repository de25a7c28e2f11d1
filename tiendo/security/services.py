"""Writes of the second factor: a person's TOTP device is created when they open the set-up
page, and becomes their second factor when the first code it accepts confirms it. That
confirmation leaves an audit entry (never the secret key). An unconfirmed device changes
nothing for the person's login, and opening a page (a GET) never writes the audit log."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from tiendo.audit.services import record

DEVICE_NAME = "tiendo"


def _public(device: TOTPDevice) -> dict:
    return {"user": device.user_id, "name": device.name, "confirmed": device.confirmed}


def totp_device_for(*, actor) -> TOTPDevice:
    """The person's confirmed device, else the one being set up, else a new unconfirmed one."""
    device = (TOTPDevice.objects.filter(user=actor, confirmed=True).first()
              or TOTPDevice.objects.filter(user=actor, confirmed=False).first())
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name=DEVICE_NAME, confirmed=False)
    return device


def totp_verify(*, actor, device: TOTPDevice, token: str) -> bool:
    """True when the code is right. The first right code confirms a device being set up
    (audited); the device's own counters (last code used, throttling) are bookkeeping."""
    digits = "".join(ch for ch in token if ch.isdigit())
    with transaction.atomic():
        ok = bool(digits) and device.verify_token(digits)
        if ok and not device.confirmed:
            before = _public(device)
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            record(actor=actor, action="security.totp_confirm", obj=device, before=before,
                   after=_public(device))
    return ok
