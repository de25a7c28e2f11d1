from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from tiendo.audit.queries import entries_for, may_read_trail
from tiendo.orgs import access

PAGE_SIZE = 50


def _reader(request):
    if not may_read_trail(request.user):
        raise PermissionDenied
    return request.user


@login_required
def entry_list(request):
    user = _reader(request)
    unit = None
    if request.GET.get("unit"):
        unit = access.get_unit_by_code_for_user(user, request.GET["unit"])
    qs = entries_for(user=user, object_type=request.GET.get("type", "").strip(),
                     object_id=request.GET.get("id", "").strip(),
                     unit_id=unit.pk if unit else None,
                     action=request.GET.get("action", "").strip())
    page = Paginator(qs.only("pk", "created_at", "actor_name", "action", "object_type",
                             "object_id", "object_repr", "unit_id", "reason"),
                     PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/list.html", {"page": page, "unit": unit,
                                               "filters": request.GET})


@login_required
def entry_detail(request, pk: int):
    user = _reader(request)
    entry = entries_for(user=user).filter(pk=pk).first()
    if entry is None:
        raise Http404
    before, after = entry.before or {}, entry.after or {}
    changes = [(k, before.get(k), after.get(k), before.get(k) != after.get(k))
               for k in sorted(set(before) | set(after))]
    return render(request, "audit/detail.html", {"entry": entry, "changes": changes})
