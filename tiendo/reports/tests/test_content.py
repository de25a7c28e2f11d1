"""The report built from a small workspace: scope, headings, sub-indicators, year plans, tasks."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.http import Http404
from docx import Document

from tiendo.reports.builds import BuildError, build
from tiendo.reports.content import build_report
from tiendo.tasks.models import TaskState
from tiendo.testing import make_figure, make_indicator, make_target, make_task

ON = date(2026, 4, 6)


@pytest.fixture
def data(cast):
    budget = make_indicator("thu-ns", name="Thu ngân sách", unit_of_measure="tỷ đồng",
                            is_key=True, field="kinh_te", sort_order=1)
    grdp = make_indicator("grdp", name="Tốc độ tăng trưởng GRDP", unit_of_measure="%",
                          field="kinh_te", sort_order=2)
    kv1 = make_indicator("kv1", name="Khu vực I", unit_of_measure="%", field="kinh_te",
                         parent=grdp, sort_order=3)
    bhyt = make_indicator("bhyt", name="Tỷ lệ bao phủ bảo hiểm y tế", unit_of_measure="%",
                          field="xa_hoi", sort_order=4)
    make_target(budget, cast.unit_a, "2026-Q1", 9950)
    make_figure(budget, cast.unit_a, "2026-Q1", 10619)
    make_target(budget, cast.unit_b, "2026-Q1", 600)
    make_figure(budget, cast.unit_b, "2026-Q1", 500, is_estimate=True)
    make_target(grdp, cast.province, "2026-Q1", "9.77")
    make_figure(grdp, cast.province, "2026-Q1", "7.47")
    make_target(kv1, cast.province, "2026-Q1", "4.95")
    make_figure(kv1, cast.province, "2026-Q1", "5.39")
    make_target(bhyt, cast.unit_a, "2026", 95, bound=">", scope="year")
    make_target(bhyt, cast.unit_a, "2026-Q1", 86)
    make_figure(bhyt, cast.unit_a, "2026-Q1", "87.23")
    make_task("Kế hoạch A đúng hạn", cast.unit_a, deadline=date(2026, 2, 28),
              state=TaskState.DONE, completed_on=date(2026, 2, 20))
    make_task("Đề án A quá hạn", cast.unit_a, deadline=date(2026, 3, 31))
    make_task("Đề án B quý II", cast.unit_b, deadline=date(2026, 6, 30))
    make_task("Đề án C", cast.unit_c, deadline=date(2026, 3, 15))
    return cast


def _text(report) -> str:
    return report.text()


def test_office_report_states_parent_with_its_parts_after_trong_do(data):
    report = build_report(user=data.office, period="2026-Q1", on=ON)
    text = _text(report)
    assert ("- Tốc độ tăng trưởng GRDP tăng 7,47% so với cùng kỳ (KH: 9,77%, không đạt); "
            "trong đó: khu vực I đạt 5,39% (KH: 4,95%, đạt).") in text


def test_two_units_at_the_top_each_get_a_sentence_named_with_the_unit(data):
    text = _text(build_report(user=data.office, period="2026-Q1", on=ON))
    assert "- Thu ngân sách (Sở A) đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng, đạt)." in text
    assert "- Thu ngân sách (Sở B) ước đạt 500 tỷ đồng (KH: 600 tỷ đồng, không đạt)." in text


def test_year_plan_is_quoted_before_the_quarter_plan(data):
    text = _text(build_report(user=data.office, period="2026-Q1", on=ON))
    assert ("- Tỷ lệ bao phủ bảo hiểm y tế đạt 87,23% (KH cả năm >95%, KH quý I: 86%, đạt)."
            in text)


def test_focal_point_report_holds_only_its_own_unit(data):
    report = build_report(user=data.focal_a, period="2026-Q1", on=ON)
    assert {r.unit.code for r in report.figure_rows} == {"so-a"}
    text = _text(report)
    assert "- Thu ngân sách đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng, đạt)." in text
    assert "Sở B" not in text
    assert ("Trong quý I/2026, trên tổng số 02 nhiệm vụ: hoàn thành đúng tiến độ 01 nhiệm vụ; "
            "01 nhiệm vụ đã đến hạn nhưng chưa hoàn thành") in text


def test_outsider_report_has_none_of_the_province(data):
    report = build_report(user=data.outsider, period="2026-Q1", on=ON)
    assert report.figure_rows == []
    assert [r.task.title for r in report.task_rows] == ["Đề án C"]
    assert "Thu ngân sách" not in _text(report)


def test_a_unit_outside_the_users_scope_is_not_found(data):
    with pytest.raises(Http404):
        build("docx", user=data.focal_a, period="2026-Q1", unit_code="so-b", on=ON)


def test_state_heading_follows_decree_30(data):
    built = build("docx", user=data.office, period="2026-Q1", unit_code="tinh-p", on=ON)
    doc = Document(io.BytesIO(built.content))
    left, right = (c.text for c in doc.tables[0].rows[0].cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "UBND TỈNH P" in left
    assert "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND" in left
    assert built.filename == "bao-cao-2026-Q1-tinh-p.docx"


def test_task_status_is_taken_at_the_close_of_the_period(data):
    # Built on 31/03, the task due that day is still in time; built later it is overdue.
    early = build_report(user=data.focal_a, period="2026-Q1", on=date(2026, 3, 31))
    late = build_report(user=data.focal_a, period="2026-Q1", on=date(2026, 5, 1))
    assert [r.status.status for r in early.task_rows] == ["done_on_time", "in_progress"]
    assert [r.status.status for r in late.task_rows] == ["done_on_time", "overdue"]


def test_bad_period_and_format_are_refused_in_vietnamese(data):
    with pytest.raises(BuildError, match="Kỳ báo cáo không hợp lệ"):
        build("docx", user=data.office, period="quý 5/2026", on=ON)
    with pytest.raises(BuildError, match="Định dạng “odt” không hỗ trợ"):
        build("odt", user=data.office, period="2026-Q1", on=ON)


def test_command_writes_the_file_and_refuses_a_bad_period_with_exit_2(data, tmp_path, capsys):
    out = tmp_path / "bc.xlsx"
    call_command("report", "--period", "2026-Q1", "--format", "xlsx", "-o", str(out),
                 "--on", "2026-04-06")
    assert out.read_bytes()[:2] == b"PK"
    assert f"Đã ghi {out}" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        call_command("report", "--period", "2026-Q9", "-o", str(tmp_path / "x.docx"))
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "tiendo report: Kỳ báo cáo không hợp lệ" in err
    assert not (tmp_path / "x.docx").exists()
    with pytest.raises(SystemExit) as exc:
        call_command("report", "--period", "2026-Q1", "--unit", "khong-co")
    assert exc.value.code == 2
    assert "Không có đơn vị mã “khong-co”." in capsys.readouterr().err


@pytest.mark.parametrize("who", ["admin", "office", "focal_a", "focal_b", "outsider"])
def test_report_rows_give_the_same_rows_and_verdicts_as_the_figure_table(data, who):
    from tiendo.indicators.queries import figure_table
    from tiendo.lib.periods import parse_period
    from tiendo.reports.queries import report_rows

    user = getattr(data, who)

    def key(rows):
        return [(r.indicator.code, r.unit.code, r.plan, r.actual, r.verdict,
                 r.assessment.attainment) for r in rows]

    assert key(report_rows(user=user, period=parse_period("2026-Q1"))) == key(
        figure_table(user=user, period="2026-Q1"))


def test_report_rows_top_only_keeps_the_highest_units_of_each_indicator(data):
    from tiendo.lib.periods import parse_period
    from tiendo.reports.queries import report_rows

    rows = report_rows(user=data.office, period=parse_period("2026-Q1"), top_only=True)
    assert [(r.indicator.code, r.unit.code) for r in rows] == [
        ("thu-ns", "so-a"), ("thu-ns", "so-b"), ("grdp", "tinh-p"), ("kv1", "tinh-p"),
        ("bhyt", "so-a")]


def test_issuer_signs_the_heading_while_the_figures_are_of_the_unit(data):
    built = build("docx", user=data.office, period="2026-Q1", unit_code="so-a",
                  issuer_code="tinh-p", on=ON)
    doc = Document(io.BytesIO(built.content))
    left = doc.tables[0].rows[0].cells[0].text
    assert left.startswith("\nUBND TỈNH P\n")  # no upper body above the province
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Thu ngân sách đạt 10.619 tỷ đồng" in text and "Sở B" not in text
    assert doc.sections[0].different_first_page_header_footer
    assert "PAGE" in doc.sections[0].header.paragraphs[0]._p.xml


# --- issuer, tasks counted, dates, closing, verdict policy ---------------------------------

def _programme(cast, code="ct-p"):
    from tiendo.programmes.models import Programme

    return Programme.objects.create(code=code, kind="chuong_trinh_hanh_dong",
                                    title="Chương trình công tác năm 2026 của UBND tỉnh P",
                                    issuing_unit=cast.province)


def test_report_counts_only_the_tasks_of_the_issuers_programmes(data):
    from tiendo.reports import services
    from tiendo.tasks.models import Task

    programme = _programme(data)
    Task.objects.filter(title__in=["Kế hoạch A đúng hạn", "Đề án A quá hạn"]).update(
        programme=programme)
    services.profile_set(actor=None, issuer=data.province)
    report = build_report(user=data.office, period="2026-Q1", on=ON)
    # the province's own programme: 2 tasks; a task outside any programme is not counted
    assert sorted(r.task.title for r in report.task_rows) == [
        "Kế hoạch A đúng hạn", "Đề án A quá hạn"]
    text = _text(report)
    assert ("Về tình hình thực hiện các nhiệm vụ theo chương trình công tác năm 2026 của UBND "
            "tỉnh P; trong quý I/2026, trên tổng số 02 nhiệm vụ: hoàn thành đúng tiến độ 01 "
            "nhiệm vụ; 01 nhiệm vụ đã đến hạn nhưng chưa hoàn thành") in text


def test_default_date_is_the_reporting_deadline_and_the_profile_changes_it(data):
    from tiendo.reports import services

    assert "ngày 10 tháng 4 năm 2026" in build_report(
        user=data.office, period="2026-Q1", on=date(2026, 12, 6)).heading.place_date
    services.profile_set(actor=None, issuer=data.province, deadline_days=5)
    assert "ngày 05 tháng 4 năm 2026" in build_report(
        user=data.office, period="2026-Q1", on=date(2026, 12, 6)).heading.place_date


def test_addressed_report_says_kinh_gui_and_nhu_tren(data):
    from tiendo.reports import services

    services.profile_set(actor=None, issuer=data.province, addressee="Thường trực Tỉnh ủy",
                         signer_title="PHÓ CHỦ TỊCH", signer_name="Trần Văn B")
    report = build_report(user=data.office, period="2026-Q1", on=ON)
    h = report.heading
    assert (h.addressee, h.recipients) == ("Thường trực Tỉnh ủy",
                                           ["- Như trên,", "- Lưu Văn phòng."])
    assert (h.tree, h.signer_power, h.signer_title) == ("state", "TM. ỦY BAN NHÂN DÂN",
                                                        "PHÓ CHỦ TỊCH")
    doc = Document(io.BytesIO(build("docx", user=data.office, period="2026-Q1",
                                    on=ON).content))
    texts = [p.text for p in doc.paragraphs]
    assert "Kính gửi: Thường trực Tỉnh ủy" in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in doc.tables[0].rows[0].cells[1].text
    assert "Trần Văn B" in doc.tables[1].rows[0].cells[1].text


def test_unaddressed_report_has_no_kinh_gui_nor_nhu_tren(data):
    report = build_report(user=data.office, period="2026-Q1", on=ON)
    assert report.heading.addressee == "" and report.heading.recipients == ["- Lưu Văn phòng."]
    text = _text(report)
    assert "Kính gửi" not in text and "Như trên" not in text


def test_a_configured_threshold_gives_vuot(data, settings):
    settings.TIENDO_RULES = {**settings.TIENDO_RULES, "exceed_margin": "0.05"}
    text = _text(build_report(user=data.office, period="2026-Q1", on=ON))
    assert "(KH: 9.950 tỷ đồng, vượt)" in text


def test_a_stated_verdict_wins_over_the_threshold(data, settings):
    from tiendo.indicators.models import Figure

    settings.TIENDO_RULES = {**settings.TIENDO_RULES, "exceed_margin": "0.05"}
    Figure.objects.filter(value=10619).update(reported={"status": "achieved"})
    text = _text(build_report(user=data.office, period="2026-Q1", on=ON))
    assert "(KH: 9.950 tỷ đồng, đạt)" in text


def test_body_ends_with_the_closing_then_signature_then_appendix(data):
    report = build_report(user=data.office, period="2026-Q1", on=ON)
    assert report.blocks[-1].text.startswith("Trên đây là báo cáo kết quả thực hiện nhiệm vụ "
                                             "quý I/2026 và phương hướng")
    assert report.blocks[-1].text.endswith("./.")
    assert [b.kind for b in report.appendix][:2] == ["pagebreak", "h1"]
    assert all(b.kind != "table" for b in report.blocks)
    text = _text(report)
    assert text.index("Trên đây là báo cáo") < text.index("Nơi nhận:") < text.index("PHỤ LỤC")


def test_part_b_states_next_quarter_targets_and_tasks(data):
    from tiendo.indicators.models import Indicator

    make_target(Indicator.objects.get(code="thu-ns"), data.province, "2026-Q2", 8250)
    text = _text(build_report(user=data.office, period="2026-Q1", on=ON))
    b = text.index("B. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II/2026")
    assert "- Phấn đấu thu ngân sách đạt 8.250 tỷ đồng." in text[b:]
    assert "Đề án B quý II (Sở B chủ trì; hoàn thành trước ngày 30/06/2026)." in text[b:]
