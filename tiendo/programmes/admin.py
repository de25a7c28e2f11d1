from django.contrib import admin

from tiendo.programmes.models import Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "code", "kind", "document_number", "issued_on", "period"]
    list_filter = ["kind"]
    search_fields = ["title", "code", "document_number"]
