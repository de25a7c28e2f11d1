import pytest
from django.urls import reverse

from tiendo.demo.loader import load_demo


def test_anonymous_visitor_is_sent_to_login(client, db):
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_login_page_is_vietnamese(client, db):
    response = client.get(reverse("login"))
    assert "Đăng nhập" in response.content.decode()


@pytest.mark.parametrize("username", ["lanhdao", "vanphong", "admin"])
def test_leaders_office_and_admin_land_on_the_reports_figures(client, db, username):
    load_demo(password="demo-password-123")
    assert client.login(username=username, password="demo-password-123")
    response = client.get(reverse("web:home"), {"period": "2026-Q1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "7,47" in html
    assert "10.619" in html
    assert "9.950" in html


def test_focal_point_sees_only_its_units_figures(client, db):
    load_demo(password="demo-password-123")
    assert client.login(username="yte", password="demo-password-123")
    html = client.get(reverse("web:home"), {"period": "2026-Q1"}).content.decode()
    assert "10.619" not in html
