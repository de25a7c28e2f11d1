from django import forms
from django.utils.translation import gettext_lazy as _

from tiendo.reminders.models import ChannelPreference


class PreferenceForm(forms.ModelForm):
    webhook_url = forms.URLField(
        label=_("Webhook (Zalo OA, Telegram…)"), required=False, assume_scheme="https",
        help_text=_("Địa chỉ cầu nối ứng dụng chat nhận JSON có ký HMAC-SHA256."),
        error_messages={"invalid": _("Địa chỉ webhook không hợp lệ.")})
    digest_hour = forms.IntegerField(
        label=_("Giờ nhận bản tin hằng ngày"), min_value=0, max_value=23,
        error_messages={"min_value": _("Giờ phải từ 0 đến 23."),
                        "max_value": _("Giờ phải từ 0 đến 23."),
                        "invalid": _("Cần nhập một số giờ (0–23)."),
                        "required": _("Cần chọn giờ nhận bản tin.")})

    class Meta:
        model = ChannelPreference
        fields = ["email", "webpush", "webhook_url", "immediate"]
