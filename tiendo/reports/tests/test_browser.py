"""The office opens /bao-cao/, presses the Word button and gets the report."""

import io

import pytest
from docx import Document

from tiendo.testing import PASSWORD, make_figure, make_indicator, make_target


@pytest.fixture
def plain_static(settings):
    # live_server serves /static/ from the finders under un-hashed names.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.mark.django_db(transaction=True)
def test_office_presses_one_button_and_downloads_the_report(live_server, page, cast,
                                                            plain_static):
    budget = make_indicator("thu-ns", name="Thu ngân sách", is_key=True, field="kinh_te")
    make_target(budget, cast.unit_a, "2026-Q1", 9950)
    make_figure(budget, cast.unit_a, "2026-Q1", 10619)

    page.goto(live_server.url + "/dang-nhap/?next=/bao-cao/")
    page.fill("#id_username", "office")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/bao-cao/")
    page.fill("#period", "quý I/2026")
    with page.expect_download() as info:
        page.click("#build-docx")
    download = info.value
    assert download.suggested_filename == "bao-cao-2026-Q1.docx"
    doc = Document(io.BytesIO(open(download.path(), "rb").read()))  # noqa: SIM115
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "- Thu ngân sách đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng, đạt)." in text


@pytest.mark.django_db(transaction=True)
def test_office_and_leader_take_the_report_from_draft_to_issued(live_server, browser, cast,
                                                                plain_static):
    budget = make_indicator("thu-ns", name="Thu ngân sách", is_key=True, field="kinh_te")
    make_target(budget, cast.province, "2026-Q1", 9950)
    make_figure(budget, cast.province, "2026-Q1", 10619)

    def login(name):
        page = browser.new_context().new_page()
        page.goto(live_server.url + "/dang-nhap/?next=/bao-cao/trinh-ky/")
        page.fill("#id_username", name)
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url("**/bao-cao/trinh-ky/")
        return page

    office = login("office")
    office.fill("#period", "2026-Q1")
    office.select_option("#issuer", cast.province.code)
    office.click("#signoff-create")
    office.wait_for_selector("#act-review")
    detail = office.url
    office.click("#act-review")
    assert office.inner_text("#signoff-state") == "Văn phòng đã rà soát"

    leader = login("leader")
    leader.goto(detail)
    leader.click("#act-approve")
    assert leader.inner_text("#signoff-state") == "Lãnh đạo đã duyệt"

    office.goto(detail)
    office.fill("#number", "15/BC-UBND")
    office.fill("#issued_on", "2026-04-10")
    office.click("#act-issue")
    assert office.inner_text("#signoff-state") == "Đã ban hành"
    assert office.inner_text("#signoff-number") == "15/BC-UBND"
    with office.expect_download() as info:
        office.click("#file-docx")
    doc = Document(io.BytesIO(open(info.value.path(), "rb").read()))  # noqa: SIM115
    head = doc.tables[0].rows[0].cells
    assert "Số: 15/BC-UBND" in head[0].text
    assert "ngày 10 tháng 4 năm 2026" in head[1].text
