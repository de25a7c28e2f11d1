"""Without ?period=, the rating pages open on the period the person chose on the other pages
(kept in the session), as a rating covers it — never on a period written into the code."""

import pytest

from tiendo.indicators.period_choice import SESSION_KEY


def _remember(client, code):
    session = client.session
    session[SESSION_KEY] = code
    session.save()


@pytest.mark.parametrize(("remembered", "shown"), [
    ("2026-Q2", "2026-Q2"),
    ("2026-05", "2026-Q2"),   # a month: the quarter it falls in
    ("2027-Q4", "2027"),      # a fourth quarter is rated with its year
])
def test_ranking_opens_on_the_remembered_period(client, cast, remembered, shown):
    client.force_login(cast.inspector)
    _remember(client, remembered)
    r = client.get("/xep-loai/")
    assert r.status_code == 200
    assert r.context["period"] == shown


@pytest.mark.parametrize(("remembered", "shown"), [
    ("2026-Q2", "2026-Q2"),
    ("2027-Q4", "2027-Q3"),   # people are evaluated in Q1–Q3; the year covers the fourth
])
def test_personal_evaluation_opens_on_the_remembered_quarter(client, cast, remembered, shown):
    client.force_login(cast.focal_a)
    _remember(client, remembered)
    r = client.get("/ca-nhan/")
    assert r.status_code == 200
    assert r.context["period"].code == shown
