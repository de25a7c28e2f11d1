"""Reads for the extraction pages, always through orgs.access."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from tiendo.extraction.models import ExtractionRun, Purpose
from tiendo.indicators.models import Indicator
from tiendo.lib.text import fold
from tiendo.orgs import access


def runs_for(*, user):
    """Reports read for the units the user sees, newest first (1 query)."""
    return access.scope_by_unit(ExtractionRun.objects.filter(purpose=Purpose.REPORT),
                                user).select_related(
        "unit", "created_by"
    ).defer("text", "statements")


def get_run_for_user(user, pk, *, write: bool = False,
                     purpose: str | None = Purpose.REPORT) -> ExtractionRun:
    """404 outside the units the user sees, or for a run of another ``purpose`` (None: any);
    PermissionDenied when the user may only read."""
    run = ExtractionRun.objects.select_related("unit").filter(pk=pk).first()
    if run is None or not access.can_see_unit(user, run.unit_id) or (
            purpose is not None and run.purpose != purpose):
        raise Http404
    if write and not access.can_write_unit(user, run.unit_id):
        raise PermissionDenied
    return run


def catalogue_for(*, run: ExtractionRun):
    """Indicators the run's unit may report (an empty scope means every unit)."""
    return [
        i for i in Indicator.objects.prefetch_related("scope_units").order_by("sort_order", "code")
        if not {u.pk for u in i.scope_units.all()} or run.unit_id in
        {u.pk for u in i.scope_units.all()}
    ]


SEARCH_LIMIT = 20


def indicator_search(*, run: ExtractionRun, text: str, limit: int = SEARCH_LIMIT) -> list:
    """Catalogue indicators the run's unit may report whose name holds every word typed
    (accents optional), best first: the review page asks as the person types, instead of
    listing the whole catalogue in every row (2 queries)."""
    words = fold(text).split()
    if not words:
        return []
    qs = (Indicator.objects.filter(name__icontains=text.strip())
          .prefetch_related("scope_units").order_by("sort_order", "code")[:limit * 5])
    found = list(qs)
    if len(found) < limit:  # typed without accents, or words in another order
        seen = {i.pk for i in found}
        for ind in (Indicator.objects.prefetch_related("scope_units")
                    .order_by("sort_order", "code").iterator(chunk_size=2000)):
            if ind.pk not in seen and all(w in fold(ind.name) for w in words):
                found.append(ind)
                if len(found) >= limit * 5:
                    break
    allowed = [i for i in found if not {u.pk for u in i.scope_units.all()}
               or run.unit_id in {u.pk for u in i.scope_units.all()}]
    return allowed[:limit]
