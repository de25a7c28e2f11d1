from django.core.files.uploadedfile import SimpleUploadedFile

from tiendo.indicators.models import Target
from tiendo.testing import make_indicator
from tiendo.transfer import jobs
from tiendo.transfer.models import ImportJob, JobState

TGT_H = ["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị"]


def _upload(client, make_workbook, rows):
    """Upload; the page polls while the worker checks the file; then the worker's pass."""
    data = make_workbook({"Kế hoạch": [TGT_H, *rows]})
    response = client.post("/nhap-so-tinh/", {"file": SimpleUploadedFile(
        "ke-hoach.xlsx", data, content_type="application/octet-stream")})
    job = ImportJob.objects.get(pk=response.url.strip("/").split("/")[-1])
    assert job.state == JobState.CHECKING
    assert 'hx-trigger="every 1s"' in client.get(response.url).content.decode()
    assert jobs.check_next(worker="test") == job
    return response


def test_the_upload_request_never_opens_the_workbook(cast, client, make_workbook,
                                                     monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the web request read the workbook")

    monkeypatch.setattr("tiendo.transfer.jobs.workbook_import", never)
    client.force_login(cast.office)
    response = client.post("/nhap-so-tinh/", {"file": SimpleUploadedFile(
        "ke-hoach.xlsx", make_workbook({"Kế hoạch": [TGT_H]}))})
    assert response.status_code == 302
    assert ImportJob.objects.get().state == JobState.CHECKING
    assert client.get(f"{response.url}tien-do/").get("HX-Refresh") is None  # still polling


def test_a_zip_bomb_upload_ends_invalid_with_the_reason(cast, client):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", "<row/>" * (5 * 1024 * 1024))
    client.force_login(cast.office)
    response = client.post("/nhap-so-tinh/", {"file": SimpleUploadedFile(
        "bom.xlsx", buf.getvalue())})
    assert jobs.run_pending(worker="test") == 1
    job = ImportJob.objects.get()
    assert job.state == JobState.INVALID
    assert client.get(f"{response.url}tien-do/")["HX-Refresh"] == "true"
    assert "bị nén bất thường" in client.get(response.url).content.decode()


def test_only_the_office_and_administrators_reach_the_import_page(cast, client):
    for who, status in (("office", 200), ("admin", 200), ("focal_a", 403), ("leader", 403),
                        ("inspector", 403), ("outsider", 403)):
        client.force_login(getattr(cast, who))
        assert client.get("/nhap-so-tinh/").status_code == status, who
        assert client.get("/nhap-so-tinh/mau.xlsx").status_code == status, who


def test_a_file_with_errors_shows_them_in_a_table_and_cannot_be_confirmed(
        cast, client, make_workbook):
    make_indicator("thu-ns")
    client.force_login(cast.office)
    response = _upload(client, make_workbook, [["thu-ns", "so-a", "2026", "abc"]])
    job = ImportJob.objects.get()
    assert response.url == f"/nhap-so-tinh/{job.pk}/"
    assert job.state == JobState.INVALID
    page = client.get(response.url).content.decode()
    assert 'id="import-errors"' in page
    assert "<td>Kế hoạch</td><td>2</td><td>Giá trị</td><td>abc</td>" in page
    client.post(f"/nhap-so-tinh/{job.pk}/xac-nhan/")
    job.refresh_from_db()
    assert job.state == JobState.INVALID
    assert not Target.objects.exists()


def test_preview_confirm_and_the_worker_writes_it(cast, client, make_workbook):
    make_indicator("thu-ns")
    client.force_login(cast.office)
    response = _upload(client, make_workbook, [["thu-ns", "so-a", "2026", 5],
                                               ["thu-ns", "so-b", "2026", 6]])
    page = client.get(response.url).content.decode()
    assert "2 dòng tạo mới, 0 dòng cập nhật, 0 dòng giữ nguyên" in page
    assert not Target.objects.exists()
    job = ImportJob.objects.get()
    client.post(f"/nhap-so-tinh/{job.pk}/xac-nhan/")
    job.refresh_from_db()
    assert job.state == JobState.QUEUED
    progress = client.get(f"/nhap-so-tinh/{job.pk}/tien-do/").content.decode()
    assert 'hx-trigger="every 1s"' in progress
    assert jobs.run_pending(worker="test") == 1
    job.refresh_from_db()
    assert (job.state, job.result["created"]) == (JobState.DONE, 2)
    assert Target.objects.count() == 2
    done = client.get(f"/nhap-so-tinh/{job.pk}/tien-do/")
    assert done["HX-Refresh"] == "true"
    assert jobs.run_pending(worker="test") == 0  # a job runs once


def test_another_persons_job_is_not_found(cast, client, make_workbook):
    client.force_login(cast.office)
    _upload(client, make_workbook, [["x", "so-a", "2026", 1]])
    job = ImportJob.objects.get()
    client.force_login(cast.admin)
    assert client.get(f"/nhap-so-tinh/{job.pk}/").status_code == 404
    assert client.post(f"/nhap-so-tinh/{job.pk}/xac-nhan/").status_code == 404


def test_a_file_that_is_not_xlsx_is_refused_with_a_message(cast, client):
    client.force_login(cast.office)
    response = client.post("/nhap-so-tinh/", {"file": SimpleUploadedFile(
        "a.docx", b"PK\x03\x04xx")})
    assert response.status_code == 422
    assert "Chỉ nhận sổ tính Excel .xlsx." in response.content.decode()
