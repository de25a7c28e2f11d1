"""An htmx request answered 4xx shows its message on the page (static/js/app.js hooks
htmx:responseError; no inline script)."""

from decimal import Decimal

import pytest

from tiendo.indicators import services as figures
from tiendo.indicators.models import Figure, FigureState
from tiendo.indicators.services import MSG_OWN_APPROVAL
from tiendo.testing import make_indicator, make_target
from tiendo.web.tests.browser.conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_refused_approval_shows_its_message(open_as, live_server, cast):
    revenue = make_indicator("thu-ngan-sach", name="Thu ngân sách nhà nước")
    make_target(revenue, cast.unit_a, "2026-Q2", "9950")
    draft = figures.figure_save_draft(actor=cast.focal_a, indicator=revenue, unit=cast.unit_a,
                                      period="2026-Q2", value=Decimal("10619"))
    figure = figures.figure_submit(actor=cast.focal_a, figure=draft)
    office = open_as("office", DESKTOP)
    office.goto(f"{live_server.url}/so-lieu/duyet/")
    office.wait_for_selector(".approval-row button:text('Duyệt')")
    # while the page is open the figure becomes the office's own (sent again by them)
    Figure.objects.filter(pk=figure.pk).update(submitted_by=cast.office)
    office.click(".approval-row button:text('Duyệt')")
    office.wait_for_selector("#htmx-error")
    assert str(MSG_OWN_APPROVAL) in office.inner_text("#htmx-error")
    assert Figure.objects.get(pk=figure.pk).state == FigureState.SUBMITTED
    # the failed request logs a console error (the 403); nothing else went wrong
    assert [p for p in office.problems if "403" not in p] == []
