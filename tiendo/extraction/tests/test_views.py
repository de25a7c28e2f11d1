"""Upload, review and import pages, with the cast (the outsider in every permission test)."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tiendo.audit.models import AuditEntry
from tiendo.extraction import jobs
from tiendo.extraction.models import ExtractionRun, RunState
from tiendo.indicators.models import Evidence, Figure, FigureState
from tiendo.testing import make_figure, make_indicator

REPORT = (
    "BÁO CÁO KẾT QUẢ QUÝ I NĂM 2026\n"
    "- Thu ngân sách nhà nước đạt 1.234 tỷ đồng (KH: 1.100 tỷ đồng, đạt), tăng 5,6% so với "
    "cùng kỳ.\n"
    "- Kim ngạch xuất khẩu ước đạt 85,5 triệu USD, đạt 21% kế hoạch năm.\n"
)


def _upload(name="bao-cao.txt", content=REPORT):
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/plain")


@pytest.fixture
def catalogue(db):
    return (
        make_indicator("thu-nsnn", name="Thu ngân sách nhà nước", unit_of_measure="tỷ đồng"),
        make_indicator("xk", name="Kim ngạch xuất khẩu", unit_of_measure="triệu USD"),
    )


@pytest.fixture
def run(cast, catalogue, client):
    client.force_login(cast.office)
    response = client.post(reverse("extraction:list"),
                           {"file": _upload(), "unit": cast.unit_a.pk, "period": ""})
    assert response.status_code == 302
    assert jobs.drain() == 1  # the worker reads it
    client.logout()
    return ExtractionRun.objects.get()


def test_office_uploads_a_report_and_sees_it_highlighted(cast, catalogue, client):
    client.force_login(cast.office)
    response = client.post(reverse("extraction:list"),
                           {"file": _upload(), "unit": cast.unit_a.pk, "period": ""})
    run = ExtractionRun.objects.get()
    assert response["Location"] == reverse("extraction:review", args=[run.pk])
    assert run.state == RunState.QUEUED and run.text == ""  # the request did not read it
    page = client.get(response["Location"])
    assert "Báo cáo đang chờ đọc" in page.content.decode()
    assert f'hx-get="{reverse("extraction:status", args=[run.pk])}"' in page.content.decode()
    assert jobs.drain() == 1
    status = client.get(reverse("extraction:status", args=[run.pk]), HTTP_HX_REQUEST="true")
    assert status["HX-Refresh"] == "true"
    run.refresh_from_db()
    assert (run.unit, run.period, run.kind, run.created_by) == (
        cast.unit_a, "2026-Q1", "txt", cast.office)
    assert [[n["text"] for n in s["numbers"]] for s in run.statements] == [
        ["1.234", "1.100", "5,6"], ["85,5", "21"]]
    page = client.get(reverse("extraction:review", args=[run.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<mark class="st st-0" title="Chỉ tiêu 1">1.234</mark>' in html
    assert '<mark class="st st-1" title="Chỉ tiêu 2">85,5</mark>' in html
    assert '<span class="badge bg-secondary-lt">kế hoạch</span> 1.100 tỷ đồng' in html
    assert AuditEntry.objects.filter(action="extraction.read", object_id=str(run.pk)).count() == 1


def test_a_corrupt_pdf_is_refused_with_a_vietnamese_message(cast, client):
    client.force_login(cast.office)
    bad = SimpleUploadedFile("hong.pdf", b"%PDF-1.4 broken", content_type="application/pdf")
    response = client.post(reverse("extraction:list"), {"file": bad, "unit": cast.unit_a.pk})
    assert response.status_code == 302
    jobs.drain()
    run = ExtractionRun.objects.get()
    assert (run.state, run.statements) == (RunState.FAILED, [])
    message = "Tệp “hong.pdf” bị hỏng hoặc không phải tệp PDF hợp lệ."
    assert run.error == message
    page = client.get(response["Location"])
    assert message in page.content.decode()
    assert "hx-trigger" not in page.content.decode()  # no more polling
    assert AuditEntry.objects.filter(action="extraction.read_failed").count() == 1


def test_a_focal_point_cannot_read_for_another_unit(cast, client):
    client.force_login(cast.focal_a)
    response = client.post(reverse("extraction:list"),
                           {"file": _upload(), "unit": cast.unit_b.pk})
    assert response.status_code == 422
    assert ExtractionRun.objects.count() == 0


@pytest.mark.parametrize("who, status", [
    ("office", 200), ("admin", 200), ("focal_a", 200), ("leader", 200), ("inspector", 200),
    ("focal_b", 404), ("outsider", 404),
])
def test_who_sees_a_run(run, cast, client, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(reverse("extraction:review", args=[run.pk])).status_code == status


@pytest.mark.parametrize("who, status", [
    ("inspector", 403), ("leader", 403), ("focal_b", 404), ("outsider", 404),
])
def test_who_may_not_import(run, cast, client, who, status):
    client.force_login(getattr(cast, who))
    response = client.post(reverse("extraction:review", args=[run.pk]),
                           {"decision_0": "accepted", "import": "1", "period": "2026-Q1"})
    assert response.status_code == status
    assert Figure.objects.count() == 0


def test_the_outsider_lists_no_run(run, cast, client):
    client.force_login(cast.outsider)
    html = client.get(reverse("extraction:list")).content.decode()
    assert "bao-cao.txt" not in html
    assert "Chưa có báo cáo nào được đọc." in html


def test_import_accepted_statements_as_figures_with_evidence(run, cast, catalogue, client):
    thu, xk = catalogue
    client.force_login(cast.focal_a)
    response = client.post(reverse("extraction:review", args=[run.pk]), {
        "decision_0": "accepted", "indicator_0": thu.pk, "value_0": "1.234",
        "decision_1": "accepted", "indicator_1": xk.pk, "value_1": "85,6",  # corrected
        "period": "2026-Q1", "is_estimate": "on", "import": "1",
    })
    assert response.status_code == 302
    figures = Figure.objects.order_by("indicator__code")
    assert [(f.indicator.code, f.unit.code, f.period, f.value, f.is_estimate, f.state)
            for f in figures] == [
        ("thu-nsnn", "so-a", "2026-Q1", Decimal("1234.0000"), True, FigureState.DRAFT),
        ("xk", "so-a", "2026-Q1", Decimal("85.6000"), True, FigureState.DRAFT),
    ]
    thu_figure = figures[0]
    assert thu_figure.change == Decimal("5.6000")
    assert thu_figure.reported == {
        "targets": [{"value": 1100, "unit": "tỷ đồng", "scope": "period"}]}
    assert figures[1].reported == {"attainment": [{"value": 21, "basis": "kế hoạch năm"}]}
    [evidence] = Evidence.objects.filter(figure=thu_figure)
    assert evidence.excerpt.startswith("- Thu ngân sách nhà nước đạt 1.234 tỷ đồng")
    assert evidence.excerpt.endswith("[bao-cao.txt, ký tự 60–108]")
    run.refresh_from_db()
    assert (run.imported_count, run.imported_by) == (2, cast.focal_a)
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-6:] == ["extraction.review", "figure.draft", "evidence.add",
                            "figure.draft", "evidence.add", "extraction.import"]


def test_import_takes_what_it_can_and_lists_the_rest_with_reasons(run, cast, catalogue,
                                                                   client):
    thu, xk = catalogue
    make_figure(xk, cast.unit_a, "2026-Q1", 80, state=FigureState.SUBMITTED)
    client.force_login(cast.office)
    response = client.post(reverse("extraction:review", args=[run.pk]), {
        "decision_0": "accepted", "indicator_0": thu.pk,
        "decision_1": "accepted", "indicator_1": xk.pk,
        "period": "2026-Q1", "import": "1",
    }, follow=True)
    html = response.content.decode()
    assert "Đã nhập 1 số liệu (bản nháp) cho Sở A." in html
    assert "Không nhập được dòng 2 (“Kim ngạch xuất khẩu”)" in html
    assert Figure.objects.count() == 2  # row 1 imported beside the figure already sent
    assert Evidence.objects.count() == 1
    run.refresh_from_db()
    assert run.imported_count == 1
    entry = AuditEntry.objects.get(action="extraction.import")
    assert entry.after["skipped"][0].startswith("Không nhập được dòng 2")


def test_an_import_where_no_row_can_go_writes_nothing(run, cast, catalogue, client):
    _thu, xk = catalogue
    make_figure(xk, cast.unit_a, "2026-Q1", 80, state=FigureState.SUBMITTED)
    client.force_login(cast.office)
    response = client.post(reverse("extraction:review", args=[run.pk]), {
        "decision_1": "accepted", "indicator_1": xk.pk, "period": "2026-Q1", "import": "1"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Không nhập được dòng 2 (“Kim ngạch xuất khẩu”)" in html
    assert "Chưa nhập dòng nào." in html
    assert Figure.objects.count() == 1  # only the figure that was there
    assert Evidence.objects.count() == 0
    run.refresh_from_db()
    assert run.imported_at is None
    assert not AuditEntry.objects.filter(action="extraction.import").exists()


def test_accepting_without_an_indicator_is_refused(run, cast, client):
    client.force_login(cast.office)
    response = client.post(reverse("extraction:review", args=[run.pk]), {
        "decision_0": "accepted", "indicator_0": "", "period": "2026-Q1", "import": "1"})
    assert response.status_code == 422
    assert "chưa chọn chỉ tiêu trong danh mục" in response.content.decode()
    assert Figure.objects.count() == 0


def test_accept_all_takes_the_best_catalogue_match(run, cast, catalogue, client):
    client.force_login(cast.office)
    client.post(reverse("extraction:accept_all", args=[run.pk]))
    run.refresh_from_db()
    thu, xk = catalogue
    assert run.reviews == {
        "0": {"decision": "accepted", "indicator": thu.pk, "value": None},
        "1": {"decision": "accepted", "indicator": xk.pk, "value": None},
    }


def test_a_bad_value_is_refused(run, cast, catalogue, client):
    client.force_login(cast.office)
    response = client.post(reverse("extraction:review", args=[run.pk]), {
        "decision_0": "accepted", "value_0": "mười", "save": "1"})
    assert response.status_code == 422
    assert "Giá trị “mười” (dòng 1) không phải là số." in response.content.decode()


def test_office_may_import_into_a_new_indicator(run, cast, client):
    client.force_login(cast.office)
    response = client.post(reverse("extraction:review", args=[run.pk]), {
        "decision_1": "accepted", "indicator_1": "new", "period": "2026-Q1", "import": "1"})
    assert response.status_code == 302
    [figure] = Figure.objects.all()
    assert (figure.indicator.code, figure.indicator.name, figure.indicator.unit_of_measure,
            figure.value) == ("kim-ngach-xuat-khau", "Kim ngạch xuất khẩu", "triệu usd",
                              Decimal("85.5000"))
    assert AuditEntry.objects.filter(action="indicator.create").count() == 1


def test_a_focal_point_may_not_create_indicators(run, cast, client):
    client.force_login(cast.focal_a)
    response = client.post(reverse("extraction:review", args=[run.pk]), {
        "decision_1": "accepted", "indicator_1": "new", "period": "2026-Q1", "import": "1"})
    assert response.status_code == 403
    assert Figure.objects.count() == 0


def test_listing_runs_takes_a_fixed_number_of_queries(run, cast, django_assert_num_queries):
    from tiendo.extraction.queries import runs_for

    ExtractionRun.objects.create(unit=cast.unit_b, period="2026-Q1", original_name="b.txt",
                                 kind="txt", text="", statements=[])
    office = type(cast.office).objects.get(pk=cast.office.pk)  # no cached memberships
    # 1: the user's memberships (orgs.access), 2: the visible unit ids,
    # 3: the runs with their unit and creator (one join)
    with django_assert_num_queries(3):
        rows = [(r.original_name, r.unit.code, r.created_by_id) for r in runs_for(user=office)]
    assert sorted(rows) == [("b.txt", "so-b", None), ("bao-cao.txt", "so-a", cast.office.pk)]


def test_a_file_over_the_limit_is_refused(cast, client, settings):
    settings.TIENDO_UPLOAD_MAX_BYTES = 1024 * 1024
    client.force_login(cast.office)
    big = SimpleUploadedFile("lon.txt", b"a" * (1024 * 1024 + 1), content_type="text/plain")
    response = client.post(reverse("extraction:list"), {"file": big, "unit": cast.unit_a.pk})
    assert response.status_code == 422
    assert "Tệp quá lớn: tối đa 1 MB." in response.content.decode()
    assert ExtractionRun.objects.count() == 0


def test_a_docx_report_is_read(cast, catalogue, client, tmp_path):
    import docx

    d = docx.Document()
    for line in REPORT.splitlines():
        d.add_paragraph(line)
    path = tmp_path / "bao-cao.docx"
    d.save(path)
    client.force_login(cast.office)
    upload = SimpleUploadedFile("bao-cao.docx", path.read_bytes())
    response = client.post(reverse("extraction:list"), {"file": upload, "unit": cast.unit_a.pk})
    assert response.status_code == 302
    jobs.drain()
    run = ExtractionRun.objects.get()
    assert (run.kind, run.text, len(run.statements)) == ("docx", REPORT.rstrip("\n"), 2)
