from django.contrib import admin

from tiendo.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only."""

    list_display = ["created_at", "actor_name", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "actor_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedAdmin(admin.ModelAdmin):
    """Changes made in Django's admin leave audit entries too, written after the row (and its
    many-to-many and inline rows) is saved, so `tiendo audit verify` explains them."""

    def log_addition(self, request, obj, message):
        super().log_addition(request, obj, message)
        _admin_record(request, "admin.add", obj)

    def log_change(self, request, obj, message):
        super().log_change(request, obj, message)
        _admin_record(request, "admin.change", obj)

    def delete_model(self, request, obj):
        label, pk = obj._meta.label_lower, str(obj.pk)
        super().delete_model(request, obj)
        _admin_gone(request, label, pk)

    def delete_queryset(self, request, queryset):
        label = queryset.model._meta.label_lower
        pks = [str(pk) for pk in queryset.values_list("pk", flat=True)]
        super().delete_queryset(request, queryset)
        for pk in pks:
            _admin_gone(request, label, pk)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        for obj in [*formset.new_objects, *(o for o, _ in formset.changed_objects)]:
            _admin_record(request, "admin.change", obj)
        for obj in formset.deleted_objects:
            _admin_gone(request, obj._meta.label_lower, str(obj.pk) if obj.pk else "")


def _admin_record(request, action: str, obj) -> None:
    from tiendo.audit.services import record, snapshot

    record(actor=request.user, action=action, obj=obj, after=snapshot(obj), reason="admin")


def _admin_gone(request, label: str, pk: str) -> None:
    from tiendo.audit.services import record

    if pk:
        record(actor=request.user, action="admin.delete", object_type=label, object_id=pk,
               reason="admin")


def _audit_user_admin() -> None:
    """Django's own user admin (permissions, groups, superuser flag) through AuditedAdmin."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.admin import UserAdmin

    user = get_user_model()
    current = admin.site._registry.get(user)
    base = type(current) if current is not None else UserAdmin
    if current is not None:
        admin.site.unregister(user)
    admin.site.register(user, type("AuditedUserAdmin", (AuditedAdmin, base), {}))


_audit_user_admin()
