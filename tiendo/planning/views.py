"""Term plans on screen: the dashboard's term panel (loaded by htmx into the overview)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.planning.queries import term_rows


@login_required
def term_panel(request):
    if not access.has_role(request.user, Role.OFFICE, Role.LEADER, Role.INSPECTOR):
        raise PermissionDenied
    rows = term_rows(user=request.user, on=timezone.localdate())
    return render(request, "planning/_term_panel.html", {"rows": rows})
