"""Error pages in Vietnamese, in the app's layout, sized for a phone (lang="vi", viewport)."""

from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse


def test_an_unknown_url_answers_404_in_vietnamese(db):
    response = Client().get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="vi">' in html
    assert 'name="viewport"' in html
    assert "Không tìm thấy trang" in html


def test_a_refused_page_answers_403_in_vietnamese_with_the_reason(as_user):
    response = as_user("focal_a").get(reverse("web:approvals"))
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="vi">' in html
    assert "Bạn không có quyền thực hiện việc này" in html
    assert "Bạn không có quyền duyệt số liệu của đơn vị này." in html


def test_a_stale_form_answers_403_with_a_vietnamese_explanation(as_user):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in html


def test_the_500_page_stands_alone_in_vietnamese():
    html = render_to_string("500.html")
    assert '<html lang="vi">' in html
    assert "Hệ thống gặp lỗi" in html
    assert 'name="viewport"' in html
