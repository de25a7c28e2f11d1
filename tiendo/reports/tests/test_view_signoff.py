"""/bao-cao/trinh-ky/: the sign-off pages, per role, with the outsider."""

import pytest
from django.urls import reverse

from tiendo.reports import services
from tiendo.reports.models import ReportSignoff, SignoffState
from tiendo.testing import make_figure, make_indicator, make_target


@pytest.fixture
def signoff(cast):
    budget = make_indicator("thu-ns", name="Thu ngân sách", is_key=True, field="kinh_te")
    make_target(budget, cast.province, "2026-Q1", 9950)
    make_figure(budget, cast.province, "2026-Q1", 10619)
    return services.signoff_create(actor=cast.office, period="2026-Q1", issuer=cast.province)


def test_office_opens_a_draft_from_the_list(client, cast):
    client.force_login(cast.office)
    response = client.post(reverse("reports:signoffs"),
                           {"period": "quý I/2026", "issuer": cast.province.code})
    s = ReportSignoff.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/bao-cao/trinh-ky/{s.pk}/"
    page = client.get(reverse("reports:signoffs")).content.decode()
    assert "2026-Q1" in page and "Dự thảo" in page


def test_focal_point_may_not_open_a_draft(client, cast):
    client.force_login(cast.focal_a)
    response = client.post(reverse("reports:signoffs"),
                           {"period": "2026-Q1", "issuer": cast.unit_a.code})
    assert response.status_code == 400
    assert "Chỉ văn phòng" in response.content.decode()
    assert not ReportSignoff.objects.exists()


def test_outsider_gets_404_on_the_report_and_its_files(client, cast, signoff):
    client.force_login(cast.outsider)
    assert client.get(reverse("reports:signoff", args=[signoff.pk])).status_code == 404
    assert client.get(reverse("reports:signoff_file", args=[signoff.pk, "docx"])).status_code \
        == 404
    response = client.post(reverse("reports:signoff_act", args=[signoff.pk, "review"]))
    assert response.status_code == 404
    signoff.refresh_from_db()
    assert signoff.state == SignoffState.DRAFT


def test_each_role_sees_only_its_own_button(client, cast, signoff):
    url = reverse("reports:signoff", args=[signoff.pk])
    client.force_login(cast.office)
    assert 'id="act-review"' in client.get(url).content.decode()
    client.force_login(cast.leader)
    html = client.get(url).content.decode()
    assert 'id="act-review"' not in html and 'id="act-approve"' not in html
    response = client.post(reverse("reports:signoff_act", args=[signoff.pk, "review"]))
    assert response.status_code == 403
    assert "Chỉ văn phòng" in response.content.decode()


def test_path_through_the_pages_to_the_issued_file(client, cast, signoff):
    act = lambda a, **data: client.post(  # noqa: E731
        reverse("reports:signoff_act", args=[signoff.pk, a]), data)
    client.force_login(cast.office)
    assert act("review", version="1").status_code == 302
    stale = act("review", version="1")
    assert stale.status_code == 422
    client.force_login(cast.leader)
    assert act("approve").status_code == 302
    client.force_login(cast.office)
    bad = act("issue", number="15/BC-UBND", issued_on="10/04/2026")
    assert bad.status_code == 422 and "Ngày ban hành không hợp lệ" in bad.content.decode()
    assert act("issue", number="15/BC-UBND", issued_on="2026-04-10").status_code == 302
    signoff.refresh_from_db()
    assert signoff.state == SignoffState.ISSUED
    response = client.get(reverse("reports:signoff_file", args=[signoff.pk, "docx"]))
    assert response.content == bytes(signoff.docx)
    html = client.get(reverse("reports:signoff", args=[signoff.pk])).content.decode()
    assert signoff.docx_sha256 in html and "15/BC-UBND" in html
