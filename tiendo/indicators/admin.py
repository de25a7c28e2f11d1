from django.contrib import admin

from tiendo.audit.admin import AuditedAdmin
from tiendo.indicators import assessments
from tiendo.indicators.models import Evidence, Figure, Indicator, Target


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "unit_of_measure", "direction", "rollup", "frequency",
                    "field", "is_key"]
    list_filter = ["direction", "field", "is_key", "frequency"]
    search_fields = ["name", "code"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            assessments.refresh_indicator(indicator_id=obj.pk)


class SlotAdmin(AuditedAdmin):
    """Target and figure rows edited here keep their stored assessment in step."""

    def _refresh(self, obj, old=None):
        for o in (old, obj):
            if o is not None:
                assessments.refresh(indicator_id=o.indicator_id, unit_id=o.unit_id,
                                    period=o.period)

    def save_model(self, request, obj, form, change):
        old = type(obj).objects.filter(pk=obj.pk).first() if change else None
        super().save_model(request, obj, form, change)
        self._refresh(obj, old)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._refresh(obj)

    def delete_queryset(self, request, queryset):
        rows = list(queryset)
        super().delete_queryset(request, queryset)
        for obj in rows:
            self._refresh(obj)


@admin.register(Target)
class TargetAdmin(SlotAdmin):
    list_display = ["indicator", "unit", "period", "bound", "value", "value_high", "scope",
                    "basis"]
    list_filter = ["period", "scope"]
    search_fields = ["indicator__name", "unit__name"]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0


@admin.register(Figure)
class FigureAdmin(SlotAdmin):
    list_display = ["indicator", "unit", "period", "value", "is_estimate", "state",
                    "superseded_by"]
    list_filter = ["period", "state", "is_estimate"]
    search_fields = ["indicator__name", "unit__name"]
    inlines = [EvidenceInline]
