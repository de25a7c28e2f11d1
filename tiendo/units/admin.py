from django.contrib import admin

from tiendo.audit.admin import AuditedAdmin
from tiendo.orgs.models import Membership, Profile, Unit


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name", "code", "tree", "kind", "parent", "valid_from", "valid_to",
                    "is_sample"]
    list_filter = ["tree", "kind", "is_sample"]
    search_fields = ["name", "code"]
    filter_horizontal = ["successors"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "unit", "role", "is_head"]
    list_filter = ["role"]
    search_fields = ["user__username", "unit__name"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "full_name", "language", "digest_hour", "is_sample"]
