"""Setting up the second factor leaves an audit trace when it takes effect: the device's
confirmation by the first right code, with the person; never the secret key. Opening the
set-up page writes nothing to the log."""

import json

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tiendo.audit.models import AuditEntry

TWO_FACTOR = "/bao-mat/xac-thuc-hai-lop/"


def _token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def _entries():
    return list(AuditEntry.objects.filter(action__startswith="security.totp")
                .order_by("pk").values_list("action", "actor_id", "object_type", "after"))


def test_confirming_a_device_is_audited_without_the_key(client, cast, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client.force_login(cast.admin)
    assert client.get(TWO_FACTOR).status_code == 200
    client.get(TWO_FACTOR)  # a second visit reuses the device
    device = TOTPDevice.objects.get(user=cast.admin)
    assert _entries() == []  # set-up started: nothing changed for the login yet
    assert client.post(TWO_FACTOR, {"token": "000000"}).status_code == 422
    assert _entries() == []  # a wrong code confirms nothing
    assert client.post(TWO_FACTOR, {"token": _token(device)}).status_code == 302
    user, label = cast.admin.pk, "otp_totp.totpdevice"
    assert _entries() == [("security.totp_confirm", user, label,
                           {"user": user, "name": "tiendo", "confirmed": True})]
    entry = AuditEntry.objects.get(action="security.totp_confirm")
    assert entry.before == {"user": user, "name": "tiendo", "confirmed": False}
    assert device.key not in json.dumps([entry.before, entry.after])
    assert client.post(TWO_FACTOR, {"token": _token(device)}).status_code in (302, 422)
    assert len(_entries()) == 1  # a later code confirms nothing again
