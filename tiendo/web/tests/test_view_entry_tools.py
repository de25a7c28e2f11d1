"""Figure entry at scale: numbers read back as typed, "gửi tất cả" (all or nothing), the
default unit is one with targets; and the one period every page shows (chosen_period)."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tiendo.audit.models import AuditEntry
from tiendo.indicators import services
from tiendo.indicators.models import Figure, FigureState
from tiendo.indicators.period_choice import SESSION_KEY, chosen_period
from tiendo.lib.vn_numbers import format_vn_number
from tiendo.testing import make_figure, make_indicator, make_target, make_unit, make_user
from tiendo.web.forms import FigureForm

Q = "2026-Q2"


@pytest.fixture
def two(cast):
    a = make_indicator("thu-ngan-sach", name="Thu ngân sách")
    b = make_indicator("von-dau-tu", name="Vốn đầu tư")
    for ind in (a, b):
        make_target(ind, cast.unit_a, Q, "100")
    return a, b


# --- numbers read back as typed ------------------------------------------------------------

@pytest.mark.parametrize(("typed", "shown"), [
    ("10.250", "10.250"), ("6.000", "6.000"), ("6.018,3", "6.018,3"), ("1,5", "1,5"),
    ("0,125", "0,125"), ("1.904.950", "1.904.950"), ("-4,13", "-4,13"), ("7.47", "7,47"),
])
def test_a_saved_figure_reads_back_in_the_entry_form_as_typed(as_user, cast, two, typed, shown):
    ind, _b = two
    client = as_user("focal_a")
    url = reverse("web:figure_save", args=[cast.unit_a.pk, Q, ind.pk])
    client.post(url, {f"i{ind.pk}-value": typed, f"i{ind.pk}-change": typed,
                      f"i{ind.pk}-note": "", f"i{ind.pk}-version": "0"})
    html = client.get(reverse("web:figure_entry"), {"period": Q}).content.decode()
    assert f'name="i{ind.pk}-value" value="{shown}"' in html
    assert f'name="i{ind.pk}-change" value="{shown}"' in html
    assert "E+" not in html


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=4,
                   allow_nan=False, allow_infinity=False))
def test_any_stored_value_round_trips_through_the_form(value):
    shown = format_vn_number(value)
    form = FigureForm(data={"value": shown, "note": "", "change": shown, "version": "0"})
    assert form.is_valid(), (value, shown, form.errors)
    assert form.cleaned_data["value"] == value
    assert form.cleaned_data["change"] == value


# --- gửi tất cả -------------------------------------------------------------------------------

def test_send_all_submits_every_draft_of_the_unit_and_period(cast, two):
    a, b = two
    for ind in (a, b):
        services.figure_save_draft(actor=cast.focal_a, indicator=ind, unit=cast.unit_a,
                                   period=Q, value=Decimal("90"))
    other = make_figure(a, cast.unit_a, "2026-Q1", "5", state=FigureState.DRAFT)
    sent = services.figure_submit_all(actor=cast.focal_a, unit=cast.unit_a, period=Q)
    assert len(sent) == 2
    assert set(Figure.objects.filter(period=Q).values_list("state", flat=True)) == {
        FigureState.SUBMITTED}
    assert Figure.objects.get(pk=other.pk).state == FigureState.DRAFT  # another period
    assert AuditEntry.objects.filter(action="figure.submit").count() == 2


def test_send_all_is_all_or_nothing(cast, two, monkeypatch):
    a, b = two
    for ind in (a, b):
        services.figure_save_draft(actor=cast.focal_a, indicator=ind, unit=cast.unit_a,
                                   period=Q, value=Decimal("90"))
    # the second figure changes state meanwhile (someone else acted): its transition is
    # refused, and the first one, already submitted in the same call, is rolled back
    real = services.figure_submit
    calls = []

    def flaky(*, actor, figure, now=None):
        calls.append(figure.pk)
        if len(calls) == 2:
            Figure.objects.filter(pk=figure.pk).update(state=FigureState.APPROVED)
        return real(actor=actor, figure=figure, now=now)

    monkeypatch.setattr(services, "figure_submit", flaky)
    with pytest.raises(ValidationError) as err:
        services.figure_submit_all(actor=cast.focal_a, unit=cast.unit_a, period=Q)
    assert err.value.messages[0].startswith("Chưa gửi số liệu nào: “Vốn đầu tư”")
    assert Figure.objects.filter(state=FigureState.SUBMITTED).count() == 0
    assert AuditEntry.objects.filter(action="figure.submit").count() == 0


@pytest.mark.parametrize("who", ["focal_b", "leader", "outsider"])
def test_send_all_is_refused_to_who_cannot_write_the_unit(cast, two, who):
    with pytest.raises(PermissionDenied):
        services.figure_submit_all(actor=getattr(cast, who), unit=cast.unit_a, period=Q)


def test_send_all_button_sends_and_confirms(as_user, cast, two):
    a, b = two
    client = as_user("focal_a")
    for ind in (a, b):
        client.post(reverse("web:figure_save", args=[cast.unit_a.pk, Q, ind.pk]),
                    {f"i{ind.pk}-value": "10.250", f"i{ind.pk}-note": "",
                     f"i{ind.pk}-change": "", f"i{ind.pk}-version": "0"})
    html = client.get(reverse("web:figure_entry"), {"period": Q}).content.decode()
    assert "Gửi tất cả (2)" in html
    response = client.post(reverse("web:figure_submit_all"),
                           {"unit": cast.unit_a.code, "period": Q}, follow=True)
    assert "Đã gửi 02 số liệu, chờ văn phòng duyệt." in response.content.decode()
    assert Figure.objects.filter(state=FigureState.SUBMITTED).count() == 2
    again = client.post(reverse("web:figure_submit_all"),
                        {"unit": cast.unit_a.code, "period": Q}, follow=True)
    assert "Không còn số liệu nháp" in again.content.decode()
    assert as_user("focal_b").post(reverse("web:figure_submit_all"),
                                   {"unit": cast.unit_a.code, "period": Q}).status_code == 404


def test_the_entry_page_opens_on_a_unit_that_has_targets(as_user, cast, two):
    # office of the province writes several units; the first in tree order has no targets
    empty = make_unit("a-dau-tien", name="Ban A", parent=cast.province)
    make_user("ban_a_focal", unit=empty, role="focal")
    html = as_user("office").get(reverse("web:figure_entry"), {"period": Q}).content.decode()
    assert f'<option value="{cast.unit_a.code}" selected>' in html
    assert "Thu ngân sách" in html


# --- one period everywhere ------------------------------------------------------------------

def _request(params=None, session=None):
    request = RequestFactory().get("/", params or {})
    request.session = session if session is not None else {}
    return request


def test_a_chosen_period_is_remembered_and_used_without_a_parameter(db):
    session = {}
    period, error = chosen_period(_request({"period": "quý I/2026"}, session), [])
    assert (period.code, error, session[SESSION_KEY]) == ("2026-Q1", None, "2026-Q1")
    period, _e = chosen_period(_request(session=session), [])
    assert period.code == "2026-Q1"


def test_an_unreadable_period_keeps_the_remembered_one_and_says_why(db):
    session = {SESSION_KEY: "2026-Q3"}
    period, error = chosen_period(_request({"period": "quý 9"}, session), [])
    assert period.code == "2026-Q3"
    assert error.startswith("Không hiểu kỳ")


def test_without_a_choice_every_page_has_the_same_default(db):
    from datetime import date

    period, _e = chosen_period(_request(), ["2026-Q1", "2026-Q2"], date(2026, 8, 1))
    assert period.code == "2026-Q2"  # nothing reported yet: the latest quarter with targets


def test_choosing_q1_on_the_overview_shows_q1_on_the_other_pages(as_user, cast, two):
    make_figure(two[0], cast.unit_b, Q, "5", state=FigureState.SUBMITTED)
    client = as_user("office")
    assert "Quý II/2026" in client.get(reverse("web:home")).content.decode()
    client.get(reverse("web:home"), {"period": "2026-Q1"})
    for url in (reverse("web:figure_entry"), reverse("web:mywork"), reverse("web:figures"),
                "/canh-bao/", "/bao-cao/", reverse("web:home")):
        html = client.get(url).content.decode()
        assert "Quý I/2026" in html, url
        # the only mention of Q2 left is the choice offered in the period list
        assert "Quý II/2026" not in html.replace('<option value="Quý II/2026">', ""), url
