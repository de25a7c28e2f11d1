from base64 import b32encode

import segno
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tiendo.shared.redirects import next_url

MSG_BAD_TOKEN = "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã mới trên ứng dụng."  # noqa: S105 (a message, not a password)
DEVICE_NAME = "tiendo"


@login_required
def two_factor(request):
    """Set up TOTP (first time) or enter the current code."""
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = confirmed or TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    error = ""
    if request.method == "POST":
        token = "".join(ch for ch in request.POST.get("token", "") if ch.isdigit())
        with transaction.atomic():
            ok = bool(token) and device.verify_token(token)
            if ok and not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
        if ok:
            otp_login(request, device)
            return redirect(next_url(request, "/"))
        error = _(MSG_BAD_TOKEN)
    context = {"setup": not device.confirmed, "error": error, "next": next_url(request, "/")}
    if not device.confirmed:
        context["secret"] = b32encode(device.bin_key).decode()
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return render(request, "security/two_factor.html", context, status=422 if error else 200)
