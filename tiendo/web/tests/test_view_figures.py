from decimal import Decimal

import pytest
from django.urls import reverse

from tiendo.audit.models import AuditEntry
from tiendo.indicators.models import Evidence, Figure, FigureState
from tiendo.testing import make_figure, make_indicator, make_target

Q = "2026-Q2"


@pytest.fixture
def revenue(cast):
    ind = make_indicator("thu-ngan-sach", name="Thu ngân sách")
    make_target(ind, cast.unit_a, Q, "2500")
    make_target(ind, cast.unit_b, Q, "1200")
    return ind


def save_url(cast, ind, unit=None):
    return reverse("web:figure_save", args=[(unit or cast.unit_a).pk, Q, ind.pk])


def form(ind, **values):
    data = {f"i{ind.pk}-value": "", f"i{ind.pk}-note": "", f"i{ind.pk}-change": "",
            f"i{ind.pk}-version": "0"}
    data.update({f"i{ind.pk}-{k}": v for k, v in values.items()})
    return data


def test_entry_grid_lists_the_units_indicators_with_their_plan(as_user, revenue):
    html = as_user("focal_a").get(reverse("web:figure_entry"), {"period": Q}).content.decode()
    assert "Thu ngân sách" in html
    assert "Kế hoạch: 2.500" in html
    assert "Chưa nhập" in html


def test_focal_point_saves_a_draft_with_a_vietnamese_number(as_user, cast, revenue):
    response = as_user("focal_a").post(save_url(cast, revenue),
                                       form(revenue, value="2.612,5", is_estimate="on"),
                                       HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đã lưu nháp." in html
    fig = Figure.objects.get(indicator=revenue, unit=cast.unit_a, period=Q)
    assert fig.value == Decimal("2612.5")
    assert fig.is_estimate is True
    assert fig.state == FigureState.DRAFT
    assert AuditEntry.objects.filter(action="figure.draft", object_id=str(fig.pk)).count() == 1


def test_a_bad_number_comes_back_with_422_and_a_vietnamese_message(as_user, cast, revenue):
    response = as_user("focal_a").post(save_url(cast, revenue), form(revenue, value="mười"),
                                       HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "“mười” không phải là số" in response.content.decode()
    assert not Figure.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("focal_b", 404), ("outsider", 404),
                                             ("leader", 403), ("inspector", 403)])
def test_only_the_units_writers_may_enter_its_figures(as_user, cast, revenue, who, status):
    response = as_user(who).post(save_url(cast, revenue), form(revenue, value="1"))
    assert response.status_code == status
    assert not Figure.objects.exists()


def test_submit_then_office_approves_and_it_counts_on_the_overview(as_user, cast, revenue,
                                                                   settings):
    settings.TIENDO_RULES = {**settings.TIENDO_RULES, "exceed_margin": "0.05"}  # vượt at +5%
    focal = as_user("focal_a")
    focal.post(save_url(cast, revenue), form(revenue, value="2700"))
    fig = Figure.objects.get()
    response = focal.post(reverse("web:figure_submit", args=[fig.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Đã gửi số liệu, chờ văn phòng duyệt." in response.content.decode()
    fig.refresh_from_db()
    assert fig.state == FigureState.SUBMITTED

    office = as_user("office")
    queue = office.get(reverse("web:approvals")).content.decode()
    assert "Thu ngân sách" in queue and "2.700" in queue and "Vượt" in queue
    response = office.post(reverse("web:figure_approve", args=[fig.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Đã duyệt." in response.content.decode()
    fig.refresh_from_db()
    assert fig.state == FigureState.APPROVED
    html = as_user("leader").get(reverse("web:home"), {"period": Q}).content.decode()
    assert 'id="kpi-met">01<' in html


def test_return_needs_a_comment_and_the_unit_sees_it(as_user, cast, revenue):
    fig = make_figure(revenue, cast.unit_a, Q, "100", state=FigureState.SUBMITTED)
    office = as_user("office")
    url = reverse("web:figure_return", args=[fig.pk])
    response = office.post(url, {f"r{fig.pk}-comment": "  "}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "Trường này là bắt buộc." in response.content.decode()
    fig.refresh_from_db()
    assert fig.state == FigureState.SUBMITTED
    response = office.post(url, {f"r{fig.pk}-comment": "Thiếu số liệu tháng 6"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    fig.refresh_from_db()
    assert fig.state == FigureState.RETURNED
    assert fig.return_comment == "Thiếu số liệu tháng 6"
    html = as_user("focal_a").get(reverse("web:figure_entry"), {"period": Q}).content.decode()
    assert "Văn phòng trả lại: Thiếu số liệu tháng 6" in html
    mywork = as_user("focal_a").get(reverse("web:mywork"), {"period": Q}).content.decode()
    assert "Thiếu số liệu tháng 6" in mywork


@pytest.mark.parametrize(("who", "status"), [("focal_a", 403), ("focal_b", 404),
                                             ("outsider", 404), ("leader", 403)])
def test_only_the_office_approves(as_user, cast, revenue, who, status):
    fig = make_figure(revenue, cast.unit_a, Q, "100", state=FigureState.SUBMITTED)
    assert as_user(who).post(reverse("web:figure_approve", args=[fig.pk])).status_code == status
    assert as_user(who).post(reverse("web:figure_return", args=[fig.pk]),
                             {f"r{fig.pk}-comment": "x"}).status_code == status
    fig.refresh_from_db()
    assert fig.state == FigureState.SUBMITTED


@pytest.mark.parametrize("who", ["focal_a", "focal_b", "leader", "inspector", "outsider"])
def test_approval_queue_is_for_the_office(as_user, who):
    assert as_user(who).get(reverse("web:approvals")).status_code == 403


def test_evidence_upload_checks_type_and_content(as_user, cast, revenue, photo, fake_pdf):
    fig = make_figure(revenue, cast.unit_a, Q, "100", state=FigureState.DRAFT)
    focal = as_user("focal_a")
    url = reverse("web:figure_evidence", args=[fig.pk])
    bad = focal.post(url, {f"e{revenue.pk}-file": fake_pdf}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 422
    assert "không đúng định dạng .pdf" in bad.content.decode()
    assert not Evidence.objects.exists()
    ok = focal.post(url, {f"e{revenue.pk}-file": photo}, HTTP_HX_REQUEST="true")
    assert ok.status_code == 200
    ev = Evidence.objects.get()
    assert ev.original_name == "anh-hien-truong.png"
    assert ev.file.name.startswith("evidence/") and "anh-hien" not in ev.file.name
    download = as_user("office").get(reverse("web:evidence_file", args=[fig.pk, ev.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "image/png"
    assert as_user("outsider").get(
        reverse("web:evidence_file", args=[fig.pk, ev.pk])).status_code == 404
    assert as_user("focal_b").post(url, {f"e{revenue.pk}-file": photo}).status_code == 404


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("focal_b", 404),
                                             ("leader", 403)])
def test_others_cannot_submit_unit_as_figure(as_user, cast, revenue, who, status):
    fig = make_figure(revenue, cast.unit_a, Q, "100", state=FigureState.DRAFT)
    assert as_user(who).post(reverse("web:figure_submit", args=[fig.pk])).status_code == status
    fig.refresh_from_db()
    assert fig.state == FigureState.DRAFT


def test_entry_page_is_refused_to_readers(as_user):
    assert as_user("leader").get(reverse("web:figure_entry")).status_code == 403
    assert as_user("outsider").get(reverse("web:figure_entry")).status_code == 200


def test_approval_queue_exports_what_it_shows(as_user, cast, revenue):
    from tiendo.web.tests.conftest import xlsx_rows

    make_figure(revenue, cast.unit_a, Q, "2612", state=FigureState.SUBMITTED)
    rows = xlsx_rows(as_user("office").get(reverse("web:approvals"), {"xuat": "xlsx"}))
    assert rows[1][:5] == ("Thu ngân sách", "Sở A", Q, 2500, 2612)


def test_a_bad_number_is_answered_in_english_to_who_chose_english(as_user, cast, revenue):
    client = as_user("focal_a")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.post(save_url(cast, revenue), form(revenue, value="ten"),
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "“ten” is not a number (for example 10.619 or 7,47)." in response.content.decode()


def test_a_save_without_the_version_is_refused_with_a_message_and_writes_nothing(
        as_user, cast, revenue):
    """A stale page (or a script) that sends no version no longer overwrites silently."""
    client = as_user("focal_a")
    client.post(save_url(cast, revenue), form(revenue, value="50"), HTTP_HX_REQUEST="true")
    data = form(revenue, value="70")
    del data[f"i{revenue.pk}-version"]
    response = client.post(save_url(cast, revenue), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "thiếu phiên bản của bản ghi đang sửa" in response.content.decode()
    assert Figure.objects.get(indicator=revenue, unit=cast.unit_a, period=Q).value == 50


def test_the_entry_row_carries_the_version_it_edits(as_user, cast, revenue):
    client = as_user("focal_a")
    html = client.get(reverse("web:figure_entry"), {"period": Q}).content.decode()
    assert f'name="i{revenue.pk}-version" value="0"' in html
    client.post(save_url(cast, revenue), form(revenue, value="50"), HTTP_HX_REQUEST="true")
    html = client.get(reverse("web:figure_entry"), {"period": Q}).content.decode()
    fig = Figure.objects.get(indicator=revenue, unit=cast.unit_a, period=Q)
    assert f'name="i{revenue.pk}-version" value="{fig.version}"' in html
