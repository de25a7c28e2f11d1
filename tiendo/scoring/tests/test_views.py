"""Rating pages: ranking with the quota table, "Vì sao?", workflow buttons, what-if, export —
each with the outsider."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from tiendo.audit.models import AuditEntry
from tiendo.scoring import services
from tiendo.scoring.models import Rating

from .helpers import PERIOD, at, perfect_quarter

FW = "QD366"
URL = f"/xep-loai/?period={PERIOD}&framework={FW}"


@pytest.fixture
def rated(cast):
    perfect_quarter(cast)
    services.rating_propose(actor=cast.office, period=PERIOD, framework_code=FW,
                            now=at("2026-04-08"))
    return {r.unit.code: r for r in Rating.objects.select_related("unit")}


def login(client, user):
    client.force_login(user)
    return client


def rows(response) -> list[str]:
    import re

    return re.findall(r'<tr data-unit="([^"]+)"', response.content.decode())


@pytest.mark.django_db
def test_ranking_lists_what_each_user_may_see(client, cast, rated):
    assert rows(login(client, cast.inspector).get(URL)) == ["so-a", "so-b"]
    assert rows(login(client, cast.focal_a).get(URL)) == ["so-a"]
    r = login(client, cast.outsider).get(URL)
    assert r.status_code == 200
    assert rows(r) == []
    assert "Chưa có xếp loại nào của kỳ này" in r.content.decode()


@pytest.mark.django_db
def test_ranking_needs_login(client, rated):
    r = client.get(URL)
    assert r.status_code == 302
    assert r["Location"].startswith("/dang-nhap/")


@pytest.mark.django_db
def test_ranking_shows_levels_scores_and_quota_table(client, cast, rated):
    html = login(client, cast.inspector).get(URL).content.decode()
    assert "97,14" in html and "71,12" in html
    assert 'class="badge bg-blue text-blue-fg level-tot"' in html
    # quota table: the organisations under UBND tỉnh P, 2 rated, 1 qualified, limit ⌊2/6⌋ = 0
    assert '<tr data-group="UBND tỉnh P"><td>UBND tỉnh P</td><td class="text-end">2</td>' \
           '<td class="text-end">1</td><td class="text-end">0</td>' in html
    assert "Vượt tỷ lệ" not in html


@pytest.mark.django_db
def test_ranking_filters_by_peer_group(client, cast, rated):
    Rating.objects.filter(unit=cast.unit_b).update(peer_group="zz-khac")
    c = login(client, cast.inspector)
    assert rows(c.get(URL + "&group=zz-khac")) == ["so-b"]
    assert rows(c.get(URL)) == ["so-a", "so-b"]  # by group ("UBND tỉnh P" < "zz-khac")


@pytest.mark.django_db
def test_ranking_query_count(client, cast, rated, django_assert_num_queries):
    c = login(client, cast.inspector)
    c.get(URL)  # warm the session
    # session, user, framework version, memberships, visible unit ids, ratings with units and
    # framework (one join); then the shared layout: unread notifications, profile name
    with django_assert_num_queries(8):
        r = c.get(URL)
    assert r.status_code == 200


@pytest.mark.django_db
def test_why_page_explains_every_point(client, cast, rated):
    a = rated["so-a"]
    html = login(client, cast.inspector).get(f"/xep-loai/{a.pk}/").content.decode()
    assert "Hoàn thành đúng hạn 3/3 nhiệm vụ đến hạn: 25,00/25 điểm." in html
    assert "Lãnh đạo chấm chất lượng 9/10: 18,00/20 điểm." in html
    assert 'data-code="quota"' in html
    assert html.count('<tr data-code="') == 9
    task_ids = sorted(int(k) for k in a.snapshot["evidence"]["tasks"])
    for tid in task_ids:
        assert f'href="/nhiem-vu/{tid}/"' in html
    assert "rating.propose" in html  # the trail, for the inspection board


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["outsider", "focal_b"])
def test_why_page_is_404_outside_the_unit(client, cast, rated, who):
    c = login(client, getattr(cast, who))
    a = rated["so-a"]
    assert c.get(f"/xep-loai/{a.pk}/").status_code == 404
    assert c.post(f"/xep-loai/{a.pk}/tu-danh-gia/", {"level": "tot"}).status_code == 404
    assert c.get(f"/xep-loai/{a.pk}/gia-dinh/").status_code == 404


@pytest.mark.django_db
def test_buttons_follow_roles_and_state(client, cast, rated):
    a = rated["so-a"]
    html = login(client, cast.focal_a).get(f"/xep-loai/{a.pk}/").content.decode()
    assert 'id="form-self"' in html and 'id="form-review"' not in html
    assert "Nhật ký" not in html  # a focal point does not read the trail
    r = client.post(f"/xep-loai/{a.pk}/tu-danh-gia/", {"level": "tot", "comment": "Đồng ý"})
    assert r.status_code == 302
    assert client.post(f"/xep-loai/{a.pk}/tham-dinh/", {}).status_code == 403
    html = login(client, cast.inspector).get(f"/xep-loai/{a.pk}/").content.decode()
    assert 'id="form-review"' in html and 'id="form-self"' not in html
    client.post(f"/xep-loai/{a.pk}/tham-dinh/", {"note": "Đủ"})
    html = client.get(f"/xep-loai/{a.pk}/").content.decode()
    assert 'id="btn-confirm"' in html and 'id="btn-override"' in html


@pytest.mark.django_db
def test_override_without_reason_gets_422_and_a_vietnamese_message(client, cast, rated):
    a = rated["so-a"]
    services.rating_self_assess(actor=cast.focal_a, rating=a, level="tot")
    services.rating_review(actor=cast.inspector, rating=a)
    c = login(client, cast.inspector)
    r = c.post(f"/xep-loai/{a.pk}/dieu-chinh/", {"level": "xuat_sac", "reason": " "})
    assert r.status_code == 422
    assert "Cần ghi lý do." in r.content.decode()
    a.refresh_from_db()
    assert (a.state, a.level) == ("reviewed", "tot")
    r = c.post(f"/xep-loai/{a.pk}/dieu-chinh/", {"level": "xuat_sac", "reason": "Dẫn đầu khối"})
    assert r.status_code == 302
    a.refresh_from_db()
    assert (a.state, a.level, a.override_reason) == ("overridden", "xuat_sac", "Dẫn đầu khối")


@pytest.mark.django_db
def test_propose_button_for_office_only(client, cast, rated):
    r = login(client, cast.office).post("/xep-loai/de-xuat/", {"period": PERIOD,
                                                               "framework": FW})
    assert r.status_code == 302
    assert Rating.objects.get(unit=cast.unit_a).version == 2
    assert login(client, cast.focal_a).post("/xep-loai/de-xuat/", {
        "period": PERIOD, "framework": FW}).status_code == 403
    assert login(client, cast.outsider).post("/xep-loai/de-xuat/", {
        "period": PERIOD, "framework": FW}).status_code == 403
    r = login(client, cast.office).post("/xep-loai/de-xuat/", {"period": "2026-Q4",
                                                               "framework": FW}, follow=True)
    assert "Quý IV không xếp loại riêng" in r.content.decode()


@pytest.mark.django_db
def test_what_if_shows_the_effect_and_saves_nothing(client, cast, rated):
    b = rated["so-b"]
    before = (b.score, b.level, b.version, AuditEntry.objects.count())
    c = login(client, cast.focal_b)
    assert c.get(f"/xep-loai/{b.pk}/gia-dinh/").status_code == 200
    late = next(k for k, v in b.snapshot["evidence"]["tasks"].items()
                if v["status"] == "done_late")
    r = c.post(f"/xep-loai/{b.pk}/gia-dinh/", {f"task-{late}": "done_on_time",
                                                "quality_mark": "9,5"})
    html = r.content.decode()
    assert r.status_code == 200
    # all on time: A1 25 → 41.67; quality 9,5 → D1 19 → 31.67; A3 0; E1 16.67 (60 applicable
    # points, ×100/60) = 90.01, but 0% exceeded blocks xuất sắc → tốt
    assert "90,01" in html
    assert "(so với đề xuất +18,89)" in html
    b.refresh_from_db()
    assert (b.score, b.level, b.version, AuditEntry.objects.count()) == before
    r = c.post(f"/xep-loai/{b.pk}/gia-dinh/", {"quality_mark": "chín"})
    assert r.status_code == 422
    assert "Không đọc được số" in r.content.decode()


@pytest.mark.django_db
def test_export_is_a_real_workbook_of_visible_ratings(client, cast, rated):
    r = login(client, cast.inspector).get(URL + "&xuat=xlsx")
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(BytesIO(r.content)).active
    values = list(ws.values)
    assert values[0][:6] == ("Đơn vị", "Nhóm", "Điểm", "Mức đề xuất", "Mức xếp loại",
                             "Trạng thái")
    assert [row[0] for row in values[1:]] == ["Sở A", "Sở B"]
    assert values[1][2] == 97.14
    r = login(client, cast.outsider).get(URL + "&xuat=xlsx")
    assert len(list(load_workbook(BytesIO(r.content)).active.values)) == 1


@pytest.mark.django_db
def test_leader_records_a_mark_with_evidence_from_the_rating_page(client, cast, rated):
    from tiendo.scoring.models import Mark

    a = rated["so-a"]
    c = login(client, cast.leader)
    assert 'id="form-mark"' in c.get(f"/xep-loai/{a.pk}/").content.decode()
    r = c.post(f"/xep-loai/{a.pk}/ghi-nhan/", {"kind": "deductions", "value": "1,5",
                                                "evidence": ""})
    assert r.status_code == 422
    assert "Cần ghi căn cứ, minh chứng của điểm." in r.content.decode()
    r = c.post(f"/xep-loai/{a.pk}/ghi-nhan/", {"kind": "deductions", "value": "1,5",
                                                "evidence": "Kết luận kiểm tra số 3"})
    assert r.status_code == 302
    m = Mark.objects.get(kind="deductions")
    assert (m.unit, m.period, m.value, m.created_by) == (cast.unit_a, PERIOD, 1.5, cast.leader)
    assert 'id="form-mark"' not in login(client, cast.focal_a).get(
        f"/xep-loai/{a.pk}/").content.decode()
    assert login(client, cast.focal_a).post(f"/xep-loai/{a.pk}/ghi-nhan/", {
        "kind": "quality_mark", "value": "10", "evidence": "x"}).status_code == 403
    assert login(client, cast.outsider).post(f"/xep-loai/{a.pk}/ghi-nhan/", {
        "kind": "quality_mark", "value": "10", "evidence": "x"}).status_code == 404
    assert Mark.objects.filter(kind="deductions").count() == 1


@pytest.mark.django_db
def test_framework_page_saves_a_version_or_shows_the_formula_error(client, cast):
    from tiendo.scoring.models import FrameworkVersion

    r = login(client, cast.inspector).get("/xep-loai/bo-tieu-chi/?code=QD366")
    assert r.status_code == 200
    assert 'name="A1-formula"' not in r.content.decode()  # read only
    assert client.post("/xep-loai/bo-tieu-chi/", {"code": "QD366"}).status_code == 403
    c = login(client, cast.admin)
    r = c.post("/xep-loai/bo-tieu-chi/", {"code": "QD366", "A1-formula": "25 * tasks_ontime"})
    assert r.status_code == 422
    html = r.content.decode()
    assert "Tiêu chí A1 — Vị trí 6: không có chỉ số &#x27;tasks_ontime&#x27;" in html
    assert 'value="25 * tasks_ontime"' in html  # what was typed stays in the form
    assert FrameworkVersion.objects.filter(code="QD366").count() == 1
    r = c.post("/xep-loai/bo-tieu-chi/", {"code": "QD366", "band-xuat_sac": "92,5",
                                           "note": "Ngưỡng mới"})
    assert r.status_code == 302
    fv = FrameworkVersion.objects.get(code="QD366", version=2)
    assert str(fv.framework.bands.xuat_sac) == "92.5"
    assert login(client, cast.outsider).get("/xep-loai/bo-tieu-chi/?code=KHONG").status_code \
        == 404
