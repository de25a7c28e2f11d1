from django.contrib import admin

from tiendo.indicators.models import Evidence, Figure, Indicator, Target


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "unit_of_measure", "direction", "rollup", "frequency",
                    "field", "is_key"]
    list_filter = ["direction", "field", "is_key", "frequency"]
    search_fields = ["name", "code"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "unit", "period", "bound", "value", "value_high", "scope",
                    "basis"]
    list_filter = ["period", "scope"]
    search_fields = ["indicator__name", "unit__name"]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = ["indicator", "unit", "period", "value", "is_estimate", "state",
                    "superseded_by"]
    list_filter = ["period", "state", "is_estimate"]
    search_fields = ["indicator__name", "unit__name"]
    inlines = [EvidenceInline]
