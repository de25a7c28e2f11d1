"""One period everywhere: the period a person chose once, kept in their session, used by every
page (overview, figures, figure entry, Việc của tôi, reports, early warning).

Every view that shows a period asks :func:`chosen_period`. A ``?period=`` in the URL wins (so a
link names its period) and becomes the remembered one; without it, the remembered one; without
that, the same default on every page: the latest quarter up to today with reported figures
(else with targets, else today's quarter).
"""

from __future__ import annotations

from datetime import date

from tiendo.indicators.periods import default_period, period_codes
from tiendo.lib import clock
from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.shared.i18n import translate

SESSION_KEY = "tiendo_period"


def remembered_period(request) -> Period | None:
    """The period kept in the session, if any (and still readable)."""
    session = getattr(request, "session", None)
    code = session.get(SESSION_KEY) if session is not None else None
    if not code:
        return None
    try:
        return parse_period(code)
    except PeriodError:
        return None


def remember_period(request, period: Period) -> None:
    session = getattr(request, "session", None)
    if session is not None and session.get(SESSION_KEY) != period.code:
        session[SESSION_KEY] = period.code


def chosen_period(request, codes=None, on: date | None = None, *,
                  param: str = "period") -> tuple[Period, str | None]:
    """(the period to show, the parser's message when ``?period=`` could not be read).

    ``codes`` is ``period_codes()`` when the caller already has it (it is
    read only when a default is needed); ``on`` is the day looked from (today by default).
    """
    raw = (request.GET.get(param) or "").strip()
    error = None
    if raw:
        try:
            period = parse_period(raw)
        except PeriodError as exc:
            error = translate(exc)
        else:
            remember_period(request, period)
            return period, None
    period = remembered_period(request)
    if period is not None:
        return period, error
    if codes is None:
        codes = period_codes()
    return default_period(codes, on or clock.today()), error
