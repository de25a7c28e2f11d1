"""Writes of the web app's own data: a person's saved filters. They are personal preferences,
not domain records, so they are not audited; each still runs in one transaction."""

from urllib.parse import parse_qsl, urlencode

from django.db import transaction

from tiendo.web.models import SavedView

# Only these query keys are kept (no page numbers, no export switch).
TASK_FILTER_KEYS = ("status", "unit", "programme", "period", "deadline_from", "deadline_to",
                    "q", "key")


def clean_query(query: str, keys=TASK_FILTER_KEYS) -> str:
    pairs = [(k, v) for k, v in parse_qsl(query.lstrip("?")) if k in keys and v]
    return urlencode(pairs)


def saved_view_save(*, actor, page: str, name: str, query: str) -> SavedView:
    """Create the filter, or replace the query of the actor's filter of the same name."""
    with transaction.atomic():
        view, _created = SavedView.objects.get_or_create(user=actor, page=page, name=name.strip())
        view.query = clean_query(query)
        view.full_clean()
        view.save()
    return view


def saved_view_delete(*, actor, pk) -> bool:
    with transaction.atomic():
        deleted, _n = SavedView.objects.filter(user=actor, pk=pk).delete()
    return bool(deleted)
