"""Privacy: a person sees their own evaluation, a manager their team, the unit's office and
head the unit, and no one else — checked at every step of the chain, outsider included."""

from datetime import date
from decimal import Decimal as D

import pytest

from tiendo.orgs import access
from tiendo.people import services
from tiendo.people.models import EvalState, Evaluation
from tiendo.testing import PASSWORD

from .conftest import Q1
from .test_services import MARKS, run_hand_items

SEES = {"staff1": "self", "manager": "manager", "head": "unit", "office_a": "unit",
        "admin": "admin"}
HIDDEN = ("staff2", "province_office", "province_leader", "inspector", "focal_a", "focal_b",
          "outsider")


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.django_db
def test_evaluation_role_matrix(dept):
    for name, user in dept.matrix().items():
        role = access.evaluation_role(user, person_id=dept.staff1.pk, unit_id=dept.unit.pk,
                                      manager_id=dept.manager.pk)
        assert role == SEES.get(name), name


@pytest.mark.django_db
def test_every_step_of_the_chain_against_the_access_matrix(client, dept):
    run_hand_items(dept)
    ev = services.evaluation_self_assess(actor=dept.staff1, unit=dept.unit, period=Q1,
                                         framework_code="ND335-CC", marks=MARKS)
    url = f"/ca-nhan/danh-gia/{ev.pk}/"
    steps = [
        (EvalState.SELF, "manager", "manager",
         {**{k: str(v).replace(".", ",") for k, v in MARKS.items()}, "comment": "Được"}),
        (EvalState.MANAGER, "conclude", "head", {"level": "tot", "comment": ""}),
    ]
    for state, step, allowed, data in steps:
        ev.refresh_from_db()
        assert ev.state == state
        for name, user in dept.matrix().items():
            client.logout()
            c = login(client, user)
            r = c.get(url)
            assert r.status_code == (200 if name in SEES else 404), (state, name)
            if name == allowed:
                continue
            before = Evaluation.objects.values().get(pk=ev.pk)
            r = c.post(f"{url}{step}/", data)
            assert r.status_code == (302 if name in SEES else 404), (step, name)
            assert Evaluation.objects.values().get(pk=ev.pk) == before, (step, name)
        client.logout()
        r = login(client, dept.matrix()[allowed]).post(f"{url}{step}/", data, follow=True)
        assert "Đã lưu đánh giá." in r.content.decode(), step
    ev.refresh_from_db()
    assert (ev.state, ev.score, ev.level) == (EvalState.CONCLUDED, D("74.25"), "tot")
    for name, user in dept.matrix().items():  # the concluded evaluation: same matrix
        client.logout()
        r = login(client, user).get(url)
        assert r.status_code == (200 if name in SEES else 404), name
        if name in SEES:
            assert "74,25" in r.content.decode()


@pytest.mark.django_db
def test_work_item_actions_follow_the_matrix(client, dept):
    item = services.workitem_declare(actor=dept.staff1, unit=dept.unit, period="2026-02",
                                     title="Báo cáo tháng", deadline=date(2026, 2, 27))
    for name, user in dept.matrix().items():
        client.logout()
        r = login(client, user).post(f"/ca-nhan/san-pham/{item.pk}/approve/")
        assert r.status_code == (302 if name in SEES else 404), name
        item.refresh_from_db()
        assert item.state == ("approved" if name in ("manager", "head") else "declared"), name
        if item.state == "approved":
            item.state = "declared"
            item.save()


@pytest.mark.django_db
@pytest.mark.parametrize(("sent", "lands"), [
    ("https://lua-dao.example/dang-nhap/", "/ca-nhan/"),
    ("//lua-dao.example/", "/ca-nhan/"),
    ("/ca-nhan/?period=2026-02", "/ca-nhan/?period=2026-02"),
])
def test_after_an_action_the_next_page_stays_on_this_site(client, dept, sent, lands):
    item = services.workitem_declare(actor=dept.staff1, unit=dept.unit, period="2026-02",
                                     title="Báo cáo tháng", deadline=date(2026, 2, 27))
    r = login(client, dept.manager).post(f"/ca-nhan/san-pham/{item.pk}/approve/",
                                         {"next": sent})
    assert (r.status_code, r["Location"]) == (302, lands)


@pytest.mark.django_db
def test_unit_list_shows_each_viewer_only_whom_they_may_see(client, dept):
    run_hand_items(dept)
    url = f"/ca-nhan/don-vi/{dept.unit.pk}/?period={Q1}"
    expected = {"head": ["staff1", "staff2"], "office_a": ["staff1", "staff2"],
                "manager": ["staff1", "staff2"], "staff1": ["staff1"], "staff2": ["staff2"],
                "admin": ["staff1", "staff2"]}
    for name, user in dept.matrix().items():
        client.logout()
        r = login(client, user).get(url)
        if name not in expected:
            assert r.status_code == 404, name
            continue
        html = r.content.decode()
        shown = [u for u in ("staff1", "staff2") if f'data-person="{u}"' in html]
        assert shown == expected[name], name
