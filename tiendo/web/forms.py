"""Forms of the web pages. They parse and check input; the services do the writing."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tiendo.lib.vn_numbers import VnNumberError, parse_decimal_input
from tiendo.tasks.models import Product

UPLOAD_ACCEPT = "image/jpeg,image/png,.jpg,.jpeg,.png,.pdf,.docx,.xlsx"


class TablerForm(forms.Form):
    """Gives each widget Tabler's classes, so `{{ field.as_field_group }}` looks right."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for f in self.fields.values():
            w = f.widget
            if isinstance(w, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(w, (forms.Select, forms.SelectMultiple)):
                css = "form-select"
            else:
                css = "form-control"
            w.attrs["class"] = (w.attrs.get("class", "") + " " + css).strip()


MSG_VERSION_REQUIRED = _(
    "Trang này thiếu phiên bản của bản ghi đang sửa nên không thể lưu mà không ghi đè thay đổi "
    "của người khác. Hãy tải lại trang rồi nhập lại.")


def _required_version(form, data: dict) -> dict:
    """A write without the version it edits is refused (status 422), with a message the page
    shows above the form (optimistic locking is required, not optional)."""
    if data.get("version") is None and "version" not in form.errors:
        raise ValidationError(MSG_VERSION_REQUIRED, code="version_required")
    return data


class FigureForm(TablerForm):
    value = forms.CharField(label=_("Giá trị thực hiện"), max_length=40)
    is_estimate = forms.BooleanField(label=_("Ước đạt"), required=False)
    change = forms.CharField(label=_("Tăng/giảm so với cùng kỳ (%)"), max_length=40,
                             required=False)
    note = forms.CharField(label=_("Thuyết minh"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    # The version being edited, 0 for a figure not entered yet: required, so a stale page can
    # never silently overwrite a newer figure (optimistic locking, docs/security.md).
    version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def clean(self):
        return _required_version(self, super().clean())

    @staticmethod
    def _number(raw: str):
        try:
            return parse_decimal_input(raw)
        except VnNumberError as exc:
            raise ValidationError(
                _("“%(text)s” không phải là số (ví dụ: 10.619 hoặc 7,47).") % {"text": raw}
            ) from exc

    def clean_value(self):
        return self._number(self.cleaned_data["value"].strip())

    def clean_change(self):
        raw = self.cleaned_data["change"].strip()
        return self._number(raw) if raw else None


class UploadForm(TablerForm):
    file = forms.FileField(label=_("Tệp minh chứng"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = UPLOAD_ACCEPT


class ReturnForm(TablerForm):
    comment = forms.CharField(label=_("Lý do trả lại"), max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class ProgressForm(TablerForm):
    percent = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    note = forms.CharField(label=_("Nội dung cập nhật"), required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(label=_("Ảnh hoặc tệp"), required=False, help_text=_(
        "Ảnh chụp (JPG, PNG) hoặc tệp PDF, DOCX, XLSX."))
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean(self):
        return _required_version(self, super().clean())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["percent"].widget.attrs.update(
            {"inputmode": "numeric", "step": "5", "data-output": "pct-out"})
        self.fields["file"].widget.attrs["accept"] = UPLOAD_ACCEPT


class ExtensionForm(TablerForm):
    new_deadline = forms.DateField(label=_("Thời hạn đề nghị"),
                                   widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Lý do"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class DecideForm(TablerForm):
    approve = forms.TypedChoiceField(choices=[("1", _("Đồng ý")), ("0", _("Không đồng ý"))],
                                     coerce=lambda v: v == "1")
    note = forms.CharField(label=_("Ý kiến"), required=False, max_length=2000)


class DoneForm(TablerForm):
    completed_on = forms.DateField(label=_("Ngày hoàn thành"),
                                   widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Sản phẩm, kết quả"), required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    file = forms.FileField(label=_("Tệp sản phẩm"), required=False)


class ReasonForm(TablerForm):
    reason = forms.CharField(label=_("Lý do"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class DirectionForm(TablerForm):
    text = forms.CharField(label=_("Ý kiến chỉ đạo"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class TaskCreateForm(TablerForm):
    title = forms.CharField(label=_("Tên nhiệm vụ"), max_length=500)
    description = forms.CharField(label=_("Nội dung"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    lead_unit = forms.ModelChoiceField(label=_("Đơn vị chủ trì"), queryset=None)
    coordinating_units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị phối hợp"), queryset=None, required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}))
    deadline = forms.DateField(label=_("Mốc thời hạn"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}),
                               help_text=_("Để trống với nhiệm vụ thường xuyên."))
    expected_product = forms.ChoiceField(label=_("Sản phẩm"), choices=Product.choices,
                                         initial=Product.OTHER)
    programme = forms.ModelChoiceField(label=_("Văn bản giao"), queryset=None, required=False)
    period = forms.CharField(label=_("Kỳ giao"), required=False, max_length=16)
    is_key = forms.BooleanField(label=_("Nhiệm vụ trọng tâm"), required=False)

    def __init__(self, *args, lead_units, all_units, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = lead_units
        self.fields["coordinating_units"].queryset = all_units
        self.fields["programme"].queryset = programmes

    def clean_period(self):
        from tiendo.lib.periods import PeriodError, parse_period

        raw = self.cleaned_data["period"].strip()
        if not raw:
            return ""
        try:
            return parse_period(raw).code
        except PeriodError as exc:
            raise ValidationError(str(exc)) from exc


class SavedViewForm(TablerForm):
    name = forms.CharField(label=_("Tên bộ lọc"), max_length=80)
    query = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)
