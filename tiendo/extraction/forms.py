from django import forms
from django.utils.translation import gettext_lazy as _

from tiendo.orgs import access
from tiendo.orgs.models import Unit


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Báo cáo (.txt, .docx, .pdf)"))
    unit = forms.ModelChoiceField(label=_("Số liệu của đơn vị"), queryset=Unit.objects.none())
    period = forms.CharField(
        label=_("Kỳ báo cáo"), required=False, max_length=32,
        help_text=_("Để trống để lấy theo tiêu đề báo cáo; ví dụ 2026-Q1 hoặc quý I/2026."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = access.units_writable_by(user).order_by("path")


class ImportForm(forms.Form):
    period = forms.CharField(label=_("Nhập vào kỳ"), max_length=32)
    is_estimate = forms.BooleanField(label=_("Là số ước đạt"), required=False)
