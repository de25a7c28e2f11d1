from django.contrib import admin

from tiendo.scoring.models import FrameworkVersion, Mark, Rating, StateBodyLink


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(admin.ModelAdmin):
    list_display = ("code", "version", "name", "subject_kind", "is_active", "created_at")
    readonly_fields = ("definition",)


@admin.register(Mark)
class MarkAdmin(admin.ModelAdmin):
    list_display = ("unit", "period", "kind", "value", "withdrawn_at", "is_sample")
    list_filter = ("period", "kind")
    readonly_fields = [f.name for f in Mark._meta.fields]

    def has_add_permission(self, request):  # marks are added through the rating page
        return False


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ("unit", "period", "framework_code", "score", "level", "state")
    list_filter = ("period", "framework_code", "state")
    readonly_fields = [f.name for f in Rating._meta.fields]

    def has_add_permission(self, request):  # ratings change only through the services
        return False


@admin.register(StateBodyLink)
class StateBodyLinkAdmin(admin.ModelAdmin):
    list_display = ("party_unit", "state_unit", "note", "is_sample")
