from base64 import b32encode

import segno
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login

from tiendo.security.services import totp_device_for, totp_verify
from tiendo.shared.redirects import next_url

MSG_BAD_TOKEN = _("Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã mới trên ứng dụng.")


@login_required
def two_factor(request):
    """Set up TOTP (first time) or enter the current code."""
    device = totp_device_for(actor=request.user)
    error = ""
    if request.method == "POST":
        if totp_verify(actor=request.user, device=device, token=request.POST.get("token", "")):
            otp_login(request, device)
            return redirect(next_url(request, "/"))
        error = MSG_BAD_TOKEN
    context = {"setup": not device.confirmed, "error": error, "next": next_url(request, "/")}
    if not device.confirmed:
        context["secret"] = b32encode(device.bin_key).decode()
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return render(request, "security/two_factor.html", context, status=422 if error else 200)
