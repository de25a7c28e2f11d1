"""The review page with a large catalogue: each row offers its few best matches and a search
as you type (htmx), never the whole catalogue as <option>s."""

import pytest
from django.urls import reverse

from tiendo.extraction.tests.test_views import catalogue, run  # noqa: F401 - fixtures
from tiendo.testing import make_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def big(catalogue):  # noqa: F811
    for i in range(300):
        make_indicator(f"ct-{i:03d}", name=f"Chỉ tiêu số {i:03d} về giao thông nông thôn")
    return catalogue


def test_the_review_page_does_not_list_the_whole_catalogue(run, big, cast, client):  # noqa: F811
    client.force_login(cast.office)
    html = client.get(reverse("extraction:review", args=[run.pk])).content.decode()
    assert "Thu ngân sách nhà nước (tỷ đồng)" in html
    assert html.count("<option") < 30  # 2 rows × (—, new, ≤ 3 matches) + decisions
    assert "giao thông nông thôn" not in html


def test_search_as_you_type_finds_indicators_with_or_without_accents(
        run, big, cast, client):  # noqa: F811
    client.force_login(cast.office)
    url = reverse("extraction:indicator_options", args=[run.pk])
    html = client.get(url, {"q": "xuất khẩu"}, headers={"HX-Request": "true"}).content.decode()
    assert "Kim ngạch xuất khẩu (triệu USD)" in html
    html = client.get(url, {"q": "kim ngach"}).content.decode()
    assert "Kim ngạch xuất khẩu" in html
    html = client.get(url, {"q": "giao thong"}).content.decode()
    assert html.count("giao thông nông thôn") == 20  # at most 20 options
    html = client.get(url, {"q": "không có gì"}).content.decode()
    assert "Không có chỉ tiêu nào chứa “không có gì”" in html
    assert "+ Tạo chỉ tiêu mới từ dòng này" in html


def test_the_outsider_cannot_search_another_units_run(run, cast, client):  # noqa: F811
    client.force_login(cast.outsider)
    url = reverse("extraction:indicator_options", args=[run.pk])
    assert client.get(url, {"q": "thu"}).status_code == 404
