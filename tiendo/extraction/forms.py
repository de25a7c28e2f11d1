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


PASTE_MAX_CHARS = 300_000


class ProposeForm(forms.Form):
    file = forms.FileField(label=_("Văn bản chỉ đạo (.txt, .docx, .pdf)"), required=False)
    # Pasted text is read in the request: bounded (about 100 pages); a longer directive is
    # uploaded as a file, which the worker reads under its limits.
    text = forms.CharField(label=_("hoặc dán nội dung"), required=False,
                           max_length=PASTE_MAX_CHARS,
                           error_messages={"max_length": _(
                               "Nội dung dán dài quá %(limit_value)s ký tự; hãy tải lên tệp "
                               "văn bản.")},
                           widget=forms.Textarea(attrs={"rows": 6}))
    period = forms.CharField(
        label=_("Kỳ mặc định"), required=False, max_length=32,
        help_text=_("Để trống để lấy theo tiêu đề phần nhiệm vụ; ví dụ 2026-Q2 hoặc quý II/2026."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Hãy tải lên văn bản hoặc dán nội dung."))
        return data
