"""/bao-cao/: the page and one download per format, scoped to the user."""

import pytest
from django.urls import reverse

from tiendo.testing import make_figure, make_indicator, make_target


@pytest.fixture
def data(cast):
    budget = make_indicator("thu-ns", name="Thu ngân sách", is_key=True, field="kinh_te")
    make_target(budget, cast.unit_a, "2026-Q1", 9950)
    make_figure(budget, cast.unit_a, "2026-Q1", 10619)
    return cast


def test_anonymous_is_sent_to_login(client, data):
    response = client.get(reverse("reports:index"))
    assert response.status_code == 302
    assert "/dang-nhap/" in response["Location"]


def test_page_offers_one_button_per_format(client, data):
    client.force_login(data.office)
    response = client.get(reverse("reports:index"), {"period": "2026-Q1"})
    assert response.status_code == 200
    html = response.content.decode()
    for fmt in ("docx", "pdf", "xlsx", "csv", "json"):
        assert f'id="build-{fmt}"' in html
        assert f'formaction="/bao-cao/tai-ve/{fmt}/"' in html
    assert 'value="Quý I/2026"' in html  # the period as people write it, never "2026-Q1"


@pytest.mark.parametrize(("fmt", "ctype", "magic"), [
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
    ("csv", "text/csv; charset=utf-8", "\ufeff".encode()),
    ("json", "application/json", b"{"),
])
def test_office_downloads_each_format(client, data, fmt, ctype, magic):
    client.force_login(data.office)
    response = client.get(reverse("reports:download", args=[fmt]), {"period": "2026-Q1"})
    assert response.status_code == 200
    assert response["Content-Type"] == ctype
    assert response["Content-Disposition"] == f'attachment; filename="bao-cao-2026-Q1.{fmt}"'
    assert response.content.startswith(magic)


def test_focal_point_download_holds_only_its_unit(client, data):
    client.force_login(data.focal_b)
    response = client.get(reverse("reports:download", args=["json"]), {"period": "2026-Q1"})
    assert response.status_code == 200
    assert response.json()["indicators"] == []


def test_outsider_asking_for_another_units_report_gets_404(client, data):
    client.force_login(data.outsider)
    response = client.get(reverse("reports:download", args=["docx"]),
                          {"period": "2026-Q1", "unit": "so-a"})
    assert response.status_code == 404


def test_bad_period_comes_back_on_the_page_in_vietnamese(client, data):
    client.force_login(data.office)
    response = client.get(reverse("reports:download", args=["docx"]), {"period": "quý 7"})
    assert response.status_code == 400
    assert "Kỳ báo cáo không hợp lệ" in response.content.decode()
