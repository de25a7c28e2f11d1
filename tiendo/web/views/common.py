"""Helpers shared by the page views: today's date, HTMX partials, filters from the query."""

from datetime import date

from django.shortcuts import render
from django.utils.dateparse import parse_date

from tiendo.lib import clock
from tiendo.orgs import access
from tiendo.orgs.models import Role


def today() -> date:
    return clock.today()


def render_htmx(request, full: str, partial: str, context: dict, status: int = 200):
    """The full page, or only its partial when HTMX asks (HX-Request header)."""
    name = partial if request.htmx and not request.htmx.boosted else full
    return render(request, name, context, status=status)


def wants_xlsx(request) -> bool:
    return request.GET.get("xuat") == "xlsx"


def get_date(params, name: str) -> date | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        return parse_date(raw)
    except ValueError:
        return None


def sees_overview(user) -> bool:
    return access.has_role(user, Role.OFFICE, Role.LEADER, Role.INSPECTOR)


def visible_unit_from(request, name: str = "unit"):
    """The unit named by ?unit=<code>, checked through orgs.access (404 outside scope)."""
    code = (request.GET.get(name) or "").strip()
    if not code:
        return None
    return access.get_unit_by_code_for_user(request.user, code)


def paginate(request, rows, size: int, count: int | None = None):
    """One page of a filtered list or QuerySet (?trang=N: a COUNT and one LIMIT query for a
    QuerySet, or only the LIMIT when the caller knows `count`); the export ignores pages."""
    from django.core.paginator import Paginator

    paginator = Paginator(rows, size)
    if count is not None:
        paginator.count = count  # a cached property: the caller counted already
    return paginator.get_page(request.GET.get("trang"))
