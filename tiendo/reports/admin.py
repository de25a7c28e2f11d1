from django.contrib import admin

from tiendo.reports import services
from tiendo.reports.models import ReportProfile, ReportSignoff


@admin.register(ReportProfile)
class ReportProfileAdmin(admin.ModelAdmin):
    """The workspace's issuing body, Kính gửi, Nơi nhận and signer of the quarterly report.
    Saved through ``services.profile_set``, which writes the audit entry."""

    list_display = ("issuer", "signer_title", "signer_name", "deadline_days")

    def has_add_permission(self, request):
        return not ReportProfile.objects.exists()  # one profile per workspace

    def save_model(self, request, obj, form, change):
        saved = services.profile_set(
            actor=request.user, issuer=obj.issuer, addressee=obj.addressee,
            recipients=obj.recipients, signer_power=obj.signer_power,
            signer_title=obj.signer_title, signer_name=obj.signer_name,
            deadline_days=obj.deadline_days)
        obj.pk = saved.pk


@admin.register(ReportSignoff)
class ReportSignoffAdmin(admin.ModelAdmin):
    """Read-only: the sign-off moves only through its services (/bao-cao/trinh-ky/)."""

    list_display = ("period", "issuer", "state", "number", "issued_on", "pdf_signed")
    readonly_fields = [f.name for f in ReportSignoff._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
