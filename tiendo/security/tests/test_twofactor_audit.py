"""Setting up the second factor leaves an audit trace: the device's creation and its
confirmation by the first right code, each with the person; never the secret key."""

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


def test_creating_and_confirming_a_device_are_audited_without_the_key(client, cast, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client.force_login(cast.admin)
    assert client.get(TWO_FACTOR).status_code == 200
    client.get(TWO_FACTOR)  # a second visit reuses the device: no second entry
    device = TOTPDevice.objects.get(user=cast.admin)
    user, label = cast.admin.pk, "otp_totp.totpdevice"
    assert _entries() == [("security.totp_create", user, label,
                           {"user": user, "name": "tiendo", "confirmed": False})]
    assert client.post(TWO_FACTOR, {"token": "000000"}).status_code == 422
    assert len(_entries()) == 1  # a wrong code confirms nothing
    assert client.post(TWO_FACTOR, {"token": _token(device)}).status_code == 302
    assert _entries()[1] == ("security.totp_confirm", user, label,
                             {"user": user, "name": "tiendo", "confirmed": True})
    logged = json.dumps([e[3] for e in _entries()])
    assert device.key not in logged
