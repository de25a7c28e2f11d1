"""“Đề xuất nhiệm vụ từ văn bản chỉ đạo”: directives → proposals → tasks, all or nothing.

The cast: office on province P (manages P, A, B); focal_a on A; outsider on C (another tree).
"""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tiendo.audit.models import AuditEntry
from tiendo.extraction import jobs
from tiendo.extraction.models import ExtractionRun, Purpose, RunState
from tiendo.tasks.models import Task

# A small plan section written for these tests (the units are the cast's).
DIRECTIVES = (
    "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ II/2026\n"
    "\n"
    "A. KẾT QUẢ THỰC HIỆN QUÝ II/2026\n"
    "Tổng thu ngân sách đạt 1.200 tỷ đồng.\n"
    "\n"
    "B. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III/2026\n"
    "1. Giao Sở A chủ trì xây dựng đề án phát triển du lịch cộng đồng, trình UBND tỉnh "
    "trước ngày 15/8/2026.\n"
    "2. Sở B khẩn trương hoàn thành kế hoạch chuyển đổi số trong tháng 9/2026.\n"
    "3. Tăng cường kiểm tra an toàn thực phẩm, phấn đấu tỷ lệ cơ sở đạt chuẩn an toàn thực "
    "phẩm đạt 95%.\n"
)
TITLE_1 = ("Giao Sở A chủ trì xây dựng đề án phát triển du lịch cộng đồng, trình UBND tỉnh "
           "trước ngày 15/8/2026.")
TITLE_2 = "Sở B khẩn trương hoàn thành kế hoạch chuyển đổi số trong tháng 9/2026."
TITLE_3 = ("Tăng cường kiểm tra an toàn thực phẩm, phấn đấu tỷ lệ cơ sở đạt chuẩn an toàn "
           "thực phẩm đạt 95%")
PROPOSE = reverse("extraction:propose")
KEY = "extraction.proposals"  # the session key of the proposals
CREATE = reverse("extraction:propose_create")


def _propose(client, **data):
    return client.post(PROPOSE, {"text": DIRECTIVES, "period": "", **data})


def _create(client, *rows, **extra):
    """Post the selection with the key of the proposals kept in the session."""
    data = {"key": client.session.get(KEY, {}).get("key", "")}
    for row in rows:
        data.update(row)
    return client.post(CREATE, {**data, **extra})


def _row(i, title, deadline, lead, product="khac"):
    return {f"pick_{i}": "1", f"title_{i}": title, f"deadline_{i}": deadline,
            f"lead_{i}": "" if lead is None else str(lead), f"product_{i}": product}


@pytest.fixture
def office(cast, client):
    client.force_login(cast.office)
    return client


def test_office_sees_the_proposals_of_a_pasted_text(cast, office):
    response = _propose(office)
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [r["title"] for r in rows] == [TITLE_1, TITLE_2, TITLE_3]
    assert [r["deadline"] for r in rows] == ["2026-08-15", "2026-09-30", "2026-09-30"]
    assert [r["deadline_text"] for r in rows] == ["trước ngày 15/8/2026", "tháng 9/2026", ""]
    assert [r["lead_unit"] for r in rows] == [str(cast.unit_a.pk), str(cast.unit_b.pk), ""]
    assert [r["product_choice"] for r in rows] == ["de_an", "ke_hoach", "khac"]
    assert rows[0]["product"] == "đề án phát triển du lịch cộng đồng"
    assert rows[2]["targets"] == ["Chuẩn an toàn thực phẩm: 95%"]
    html = response.content.decode()
    assert "15/08/2026 · “trước ngày 15/8/2026”" in html
    assert "30/09/2026 · theo kỳ của phần" in html
    assert f'<option value="{cast.unit_a.pk}" selected>Sở A</option>' in html
    # only the units the office manages are offered
    assert [u.name for u in response.context["units"]] == ["UBND tỉnh P", "Sở A", "Sở B"]
    assert "UBND tỉnh C" not in html
    assert "Tạo nhiệm vụ đã chọn" in html


def test_office_creates_two_of_the_proposals(cast, office):
    _propose(office, period="quý III/2026")
    response = _create(office, {
        **_row(0, "Xây dựng đề án phát triển du lịch cộng đồng", "2026-08-15", cast.unit_a.pk,
               "de_an"),
        **_row(2, TITLE_3, "20/09/2026", cast.unit_b.pk),
        "title_1": TITLE_2, "deadline_1": "2026-09-30", "lead_1": str(cast.unit_b.pk),
    })
    assert response.status_code == 302
    assert response["Location"] == PROPOSE
    tasks = list(Task.objects.order_by("pk"))
    assert [(t.title, t.deadline, t.lead_unit, t.expected_product, t.period, t.created_by)
            for t in tasks] == [
        ("Xây dựng đề án phát triển du lịch cộng đồng", date(2026, 8, 15), cast.unit_a,
         "de_an", "2026-Q3", cast.office),
        (TITLE_3, date(2026, 9, 20), cast.unit_b, "khac", "2026-Q3", cast.office),
    ]
    start = DIRECTIVES.index(TITLE_1)
    start3 = DIRECTIVES.index(TITLE_3)
    assert [t.source_note for t in tasks] == [
        f"Đề xuất từ “Nội dung dán”, ký tự {start}–{start + len(TITLE_1)}",
        f"Đề xuất từ “Nội dung dán”, ký tự {start3}–{start3 + len(TITLE_3)}",
    ]
    audit = AuditEntry.objects.filter(action="task.create").order_by("pk")
    assert [(a.object_id, a.actor) for a in audit] == [
        (str(tasks[0].pk), cast.office), (str(tasks[1].pk), cast.office)]
    page = office.get(PROPOSE)
    assert "Đã tạo 2 nhiệm vụ." in page.content.decode()
    assert page.context["rows"] == []  # the proposals are used up


def _upload(client, upload, period=""):
    """Upload a directive: the page answers at once, the worker reads it, then the page shows
    the proposals (the response of that last page)."""
    response = client.post(PROPOSE, {"file": upload, "text": "", "period": period})
    run = ExtractionRun.objects.get(purpose=Purpose.DIRECTIVE)
    assert (response.status_code, response["Location"]) == (302, f"{PROPOSE}?run={run.pk}")
    waiting = client.get(response["Location"])
    assert (waiting.status_code, run.state) == (200, RunState.QUEUED)
    assert "Văn bản chỉ đạo đang chờ đọc" in waiting.content.decode()
    assert 'hx-trigger="every 2s"' in waiting.content.decode()
    assert jobs.drain() == 1
    return client.get(response["Location"])


def test_office_proposes_from_an_uploaded_file(cast, office):
    upload = SimpleUploadedFile("chi-dao-quy-3.txt", DIRECTIVES.encode("utf-8"),
                                content_type="text/plain")
    response = _upload(office, upload)
    assert response.status_code == 200
    assert len(response.context["rows"]) == 3
    _create(office, _row(1, TITLE_2, "2026-09-30", cast.unit_b.pk, "ke_hoach"))
    task = Task.objects.get()
    start = DIRECTIVES.index(TITLE_2)
    assert task.source_note == (
        f"Đề xuất từ “chi-dao-quy-3.txt”, ký tự {start}–{start + len(TITLE_2)}")


def test_upload_validation_is_the_extraction_uploads(cast, office):
    upload = SimpleUploadedFile("chi-dao.exe", b"MZ", content_type="application/octet-stream")
    response = office.post(PROPOSE, {"file": upload, "text": "", "period": ""})
    assert response.status_code == 422
    assert "Chỉ đọc được tệp .txt, .docx hoặc .pdf." in response.content.decode()
    empty = office.post(PROPOSE, {"text": "  ", "period": ""})
    assert empty.status_code == 422
    assert "Hãy tải lên văn bản hoặc dán nội dung." in empty.content.decode()


def test_a_row_without_lead_unit_creates_nothing(cast, office):
    _propose(office)
    response = _create(office, {
        **_row(0, TITLE_1, "2026-08-15", cast.unit_a.pk),
        **_row(2, TITLE_3, "2026-09-30", None),
    })
    assert response.status_code == 422
    html = response.content.decode()
    assert f"Dòng 3 (“{TITLE_3[:60]}”): chưa chọn đơn vị chủ trì." in html
    assert "Chưa tạo nhiệm vụ nào." in html
    assert Task.objects.count() == 0
    assert not AuditEntry.objects.filter(action="task.create").exists()
    # what was typed is kept
    assert response.context["rows"][0]["picked"] is True
    assert response.context["rows"][1]["picked"] is False


def test_a_bad_date_creates_nothing(cast, office):
    _propose(office)
    response = _create(office, {
        **_row(0, TITLE_1, "2026-08-15", cast.unit_a.pk),
        **_row(1, TITLE_2, "31/02/2026", cast.unit_b.pk),
    })
    assert response.status_code == 422
    assert (f"Dòng 2 (“{TITLE_2[:60]}”): thời hạn “31/02/2026” không phải ngày hợp lệ "
            "(dd/mm/yyyy).") in response.content.decode()
    assert Task.objects.count() == 0


def test_nothing_selected_is_an_error(cast, office):
    _propose(office)
    response = _create(office, {"title_0": TITLE_1, "lead_0": str(cast.unit_a.pk)})
    assert response.status_code == 422
    assert "Chưa chọn đề xuất nào để tạo nhiệm vụ." in response.content.decode()
    assert Task.objects.count() == 0


def test_a_lead_unit_outside_the_office_subtree_is_refused(cast, office):
    _propose(office)
    response = _create(office, {
        **_row(0, TITLE_1, "2026-08-15", cast.unit_a.pk),
        **_row(1, TITLE_2, "2026-09-30", cast.unit_c.pk),
    })
    assert response.status_code == 422
    assert (f"Dòng 2 (“{TITLE_2[:60]}”): bạn không có quyền giao nhiệm vụ cho đơn vị này."
            in response.content.decode())
    assert Task.objects.count() == 0
    assert not AuditEntry.objects.filter(action="task.create").exists()


@pytest.mark.parametrize("who", ["focal_a", "outsider"])
def test_a_focal_point_or_outsider_is_forbidden(cast, client, who):
    client.force_login(getattr(cast, who))
    assert client.get(PROPOSE).status_code == 403
    assert _propose(client).status_code == 403
    assert _create(client, _row(0, TITLE_1, "2026-08-15", cast.unit_a.pk)).status_code == 403
    assert Task.objects.count() == 0


def test_anonymous_is_sent_to_login(cast, client):
    for response in (client.get(PROPOSE), client.post(CREATE, {})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")
    assert Task.objects.count() == 0


def test_the_upload_page_links_to_the_proposals(cast, office):
    html = office.get(reverse("extraction:list")).content.decode()
    assert f'href="{PROPOSE}"' in html


def test_a_selection_from_stale_proposals_creates_nothing(cast, office):
    """Another tab proposed from another document since: the indices no longer match."""
    _propose(office)
    old_key = office.session[KEY]["key"]
    _propose(office, text=DIRECTIVES.replace("Sở B khẩn trương", "Sở A khẩn trương"))
    response = office.post(CREATE, {"key": old_key,
                                    **_row(0, TITLE_1, "2026-08-15", cast.unit_a.pk)})
    assert response.status_code == 302
    assert Task.objects.count() == 0
    assert "Danh sách đề xuất đã hết hạn hoặc đã thay đổi" in office.get(PROPOSE).content.decode()


def test_office_proposes_from_a_docx(cast, office, tmp_path):
    import docx

    document = docx.Document()
    for line in DIRECTIVES.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "chi-dao.docx"
    document.save(path)
    upload = SimpleUploadedFile("chi-dao.docx", path.read_bytes())
    response = _upload(office, upload)
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(r["title"], r["deadline"]) for r in rows] == [
        (TITLE_1, "2026-08-15"), (TITLE_2, "2026-09-30"), (TITLE_3, "2026-09-30")]
    assert response.context["stored"]["document"] == "chi-dao.docx"


def test_a_proposed_title_loses_the_prefixes_a_spreadsheet_reads_as_a_formula(cast, office):
    """A directive line starting with =, +, -, @ is proposed without them, and a
    title typed with them is created without them."""
    hostile = DIRECTIVES.replace("1. Giao Sở A", "1. =@Giao Sở A")
    response = office.post(PROPOSE, {"text": hostile, "period": ""})
    assert response.status_code == 200
    assert response.context["rows"][0]["title"] == TITLE_1
    response = _create(office, _row(0, '=HYPERLINK("http://x")', "2026-08-15", cast.unit_a.pk))
    assert response.status_code == 302
    assert Task.objects.get().title == 'HYPERLINK("http://x")'


def test_an_uploaded_directive_is_never_read_in_the_request(cast, office, monkeypatch):
    """The page stores the file and the worker reads it under its limits."""
    def no_reading(*args, **kwargs):
        raise AssertionError("the request read the upload")

    monkeypatch.setattr("tiendo.extraction.services.read_limited", no_reading)
    upload = SimpleUploadedFile("chi-dao.txt", DIRECTIVES.encode("utf-8"))
    response = office.post(PROPOSE, {"file": upload, "text": "", "period": ""})
    assert response.status_code == 302
    run = ExtractionRun.objects.get()
    assert (run.purpose, run.state, run.proposals) == (Purpose.DIRECTIVE, RunState.QUEUED, [])
    assert AuditEntry.objects.filter(action="extraction.upload").count() == 1


def test_a_directive_the_worker_cannot_read_shows_why(cast, office):
    upload = SimpleUploadedFile("chi-dao.docx", b"PK\x03\x04 not a real docx")
    response = office.post(PROPOSE, {"file": upload, "text": "", "period": ""})
    jobs.drain()
    page = office.get(response["Location"])
    run = ExtractionRun.objects.get()
    assert (page.status_code, run.state) == (422, RunState.FAILED)
    assert run.error and run.error in page.content.decode()
    assert page.context["rows"] == []


def test_a_directive_run_is_not_a_report_and_others_do_not_see_it(cast, office, client):
    upload = SimpleUploadedFile("chi-dao.txt", DIRECTIVES.encode("utf-8"))
    office.post(PROPOSE, {"file": upload, "text": "", "period": ""})
    jobs.drain()
    run = ExtractionRun.objects.get()
    assert office.get(reverse("extraction:review", args=[run.pk])).status_code == 404
    assert run.original_name not in office.get(reverse("extraction:list")).content.decode()
    outsider = client.__class__()
    outsider.force_login(cast.outsider)
    assert outsider.get(f"{PROPOSE}?run={run.pk}").status_code == 403


def test_pasted_text_over_the_limit_is_refused_with_a_message(cast, office):
    from tiendo.extraction.forms import PASTE_MAX_CHARS

    response = office.post(PROPOSE, {"text": "x" * (PASTE_MAX_CHARS + 1), "period": ""})
    assert response.status_code == 422
    assert "hãy tải lên tệp văn bản" in response.content.decode()
