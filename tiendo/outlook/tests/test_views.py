"""/canh-bao/: the early-warning page and its panel, for each member of the cast."""

import pytest
from django.urls import reverse

URL = reverse("outlook:page")


def get(client, user, **params):
    if user is not None:
        client.force_login(user)
    return client.get(URL, {"period": "2026-Q1", **params})


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_office_sees_off_course_targets_first_in_the_panel(client, world):
    response = get(client, world.cast.office)
    assert response.status_code == 200
    html = response.content.decode()
    panel = html[html.index('id="outlook-panel"') : html.index("Mọi chỉ tiêu năm")]
    assert panel.index('data-code="giai-ngan"') < panel.index('data-code="tang-truong"')
    assert 'data-code="xuat-khau"' not in panel  # on course: only on the full list
    assert 'data-code="xuat-khau"' in html
    assert "Chệch hướng" in panel
    assert "15,56" in panel
    assert "32,04" in panel


@pytest.mark.parametrize(
    ("who", "sees", "hidden"),
    [
        ("focal_a", "thu-ngan-sach", "giai-ngan"),
        ("focal_b", "giai-ngan", "thu-ngan-sach"),
        ("outsider", "thu-c", "giai-ngan"),
        ("leader", "giai-ngan", "thu-c"),
        ("inspector", "giai-ngan", "thu-c"),
    ],
)
def test_each_user_sees_only_the_units_in_scope(client, world, who, sees, hidden):
    html = get(client, getattr(world.cast, who)).content.decode()
    assert f'data-code="{sees}"' in html
    assert f'data-code="{hidden}"' not in html


def test_outsider_sees_no_task_of_the_province(client, world):
    html = get(client, world.cast.outsider).content.decode()
    assert "Nhiệm vụ tỉnh C" in html
    assert "Đề án chuyển đổi số" not in html
    assert "Kế hoạch du lịch" not in html


def test_htmx_request_gets_the_panel_only(client, world):
    client.force_login(world.cast.office)
    response = client.get(URL, {"period": "2026-Q1"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div class="card" id="outlook-panel">')
    assert "<html" not in html


def test_bad_period_says_so_in_vietnamese(client, world):
    response = get(client, world.cast.office, period="quý 9/2026")
    assert response.status_code == 400
    assert "Không hiểu kỳ" in response.content.decode()


def test_bad_period_in_english_for_a_user_who_chose_english(client, world, settings):
    client.force_login(world.cast.office)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(URL, {"period": "quý 9/2026"})
    assert response.status_code == 400
    assert "Unknown period" in response.content.decode()
