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


class UrgeForm(forms.Form):
    recipients = forms.MultipleChoiceField(
        label=_("Người nhận"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"required": _("Cần chọn ít nhất một người nhận."),
                        "invalid_choice": _("Người nhận không thuộc đơn vị được đôn đốc.")})
    message = forms.CharField(
        label=_("Lời nhắn"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text=_("Để trống: “Văn phòng đề nghị đơn vị khẩn trương thực hiện và báo cáo.”"))

    def __init__(self, *args, recipients: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].choices = [(str(pk), label) for pk, label in recipients]
        self.fields["recipients"].initial = [str(pk) for pk, _label in recipients]
