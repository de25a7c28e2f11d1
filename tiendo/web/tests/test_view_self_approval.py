"""No button offers what the service refuses: one's own figure is not approvable, and a refused
approval comes back with its message."""

import pytest
from django.urls import reverse

from tiendo.indicators.models import Figure, FigureState
from tiendo.indicators.services import MSG_OWN_APPROVAL
from tiendo.testing import make_figure, make_indicator, make_target

Q = "2026-Q2"


@pytest.fixture
def own_figure(cast):
    ind = make_indicator("thu-ngan-sach", name="Thu ngân sách")
    make_target(ind, cast.unit_a, Q, "2500")
    fig = make_figure(ind, cast.unit_a, Q, "100", state=FigureState.SUBMITTED)
    Figure.objects.filter(pk=fig.pk).update(submitted_by=cast.office)
    return fig


def test_the_queue_shows_no_approve_button_for_ones_own_figure(as_user, own_figure):
    html = as_user("office").get(reverse("web:approvals")).content.decode()
    assert f'id="approval-{own_figure.pk}"' in html
    assert reverse("web:figure_approve", args=[own_figure.pk]) not in html
    assert "Số liệu do bạn gửi: người khác duyệt." in html


def test_the_queue_shows_the_button_for_a_figure_someone_else_sent(as_user, cast, own_figure):
    Figure.objects.filter(pk=own_figure.pk).update(submitted_by=cast.focal_a)
    html = as_user("office").get(reverse("web:approvals")).content.decode()
    assert reverse("web:figure_approve", args=[own_figure.pk]) in html
    assert "Số liệu do bạn gửi" not in html


def test_a_refused_self_approval_answers_with_its_message(as_user, own_figure):
    resp = as_user("office").post(reverse("web:figure_approve", args=[own_figure.pk]),
                                  HTTP_HX_REQUEST="true")
    assert resp.status_code == 403
    html = resp.content.decode()
    assert 'role="alert"' in html
    assert str(MSG_OWN_APPROVAL) in html
    own_figure.refresh_from_db()
    assert own_figure.state == FigureState.SUBMITTED
