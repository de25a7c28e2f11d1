from django.contrib import admin

from tiendo.audit.admin import AuditedAdmin
from tiendo.tasks.models import Direction, ExtensionRequest, ProgressUpdate, Task, TaskFile


class ProgressInline(admin.TabularInline):
    model = ProgressUpdate
    extra = 0


@admin.register(Task)
class TaskAdmin(AuditedAdmin):
    list_display = ["title", "lead_unit", "deadline", "extended_deadline", "progress", "state",
                    "is_key"]
    list_filter = ["state", "is_key", "period", "expected_product"]
    search_fields = ["title", "code"]
    filter_horizontal = ["coordinating_units"]
    inlines = [ProgressInline]


admin.site.register(ProgressUpdate)
admin.site.register(TaskFile)
admin.site.register(ExtensionRequest)
admin.site.register(Direction)
