from decimal import Decimal

from tiendo.audit.models import AuditEntry
from tiendo.indicators.models import Figure, Indicator, Target
from tiendo.orgs.models import Unit
from tiendo.tasks.models import Task
from tiendo.testing import make_indicator, make_target
from tiendo.transfer.exporting import export_workbook, template_workbook
from tiendo.transfer.services import workbook_import
from tiendo.transfer.workbook import SHEETS, read_workbook

UNIT_H = ["Mã", "Tên", "Khối", "Loại", "Mã cấp trên"]
IND_H = ["Mã", "Tên chỉ tiêu", "Đơn vị tính", "Chiều tốt", "Lũy kế"]
TGT_H = ["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Ràng buộc", "Giá trị"]
FIG_H = ["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị", "Ước đạt"]
TASK_H = ["Mã", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Trạng thái",
          "Ngày hoàn thành", "Tiến độ (%)"]


def _book(make_workbook, targets=None):
    return make_workbook({
        "Đơn vị": [UNIT_H, ["xa-moi", "UBND xã Mới", "state", "commune", "tinh-p"]],
        "Chỉ tiêu": [IND_H, ["thu-ns", "Thu ngân sách", "tỷ đồng", "higher", "x"],
                     ["ty-le-ngheo", "Tỷ lệ hộ nghèo", "%", "Càng thấp càng tốt", ""]],
        "Kế hoạch": [TGT_H, *(targets or [["thu-ns", "xa-moi", "2026", ">=", "1.250,5"],
                                          ["ty-le-ngheo", "so-a", "quý I/2026", "<=", 2]])],
        "Số liệu": [FIG_H, ["thu-ns", "xa-moi", "2026-Q1", 300, "x"]],
        "Nhiệm vụ": [TASK_H, ["nv-1", "Ban hành kế hoạch", "so-a", "so-b, xa-moi", "30/06/2026",
                              "open", None, 40]],
    })


def _counts():
    return (Unit.objects.count(), Indicator.objects.count(), Target.objects.count(),
            Figure.objects.count(), Task.objects.count(), AuditEntry.objects.count())


def test_a_workbook_creates_units_indicators_targets_figures_and_tasks_with_audit(
        cast, make_workbook):
    result = workbook_import(actor=cast.office, source=_book(make_workbook))
    assert result.errors == []
    assert result.written
    assert result.as_json()["created"] == 7
    xa = Unit.objects.get(code="xa-moi")
    assert xa.parent == cast.province
    t = Target.objects.get(indicator__code="thu-ns", unit=xa, period="2026")
    assert (t.value, t.bound) == (Decimal("1250.5"), ">=")
    assert Target.objects.get(indicator__code="ty-le-ngheo").period == "2026-Q1"
    assert Indicator.objects.get(code="ty-le-ngheo").direction == "lower"
    f = Figure.objects.get(unit=xa)
    assert (f.value, f.is_estimate, f.state, f.decided_by) == (Decimal(300), True, "approved",
                                                               cast.office)
    task = Task.objects.get(code="nv-1")
    assert task.progress == 40
    assert set(task.coordinating_units.values_list("code", flat=True)) == {"so-b", "xa-moi"}
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"unit.create", "indicator.create", "target.set", "figure.import",
            "task.create"} <= actions


def test_importing_the_same_workbook_twice_changes_nothing_the_second_time(cast, make_workbook):
    book = _book(make_workbook)
    workbook_import(actor=cast.office, source=book)
    before = _counts()
    again = workbook_import(actor=cast.office, source=book)
    assert (again.as_json()["created"], again.as_json()["updated"]) == (0, 0)
    assert again.as_json()["unchanged"] == 7
    assert _counts() == before


def test_a_changed_value_is_an_update_and_keeps_the_row(cast, make_workbook):
    workbook_import(actor=cast.office, source=_book(make_workbook))
    changed = _book(make_workbook, targets=[["thu-ns", "xa-moi", "2026", ">=", 1300],
                                            ["ty-le-ngheo", "so-a", "2026-Q1", "<=", 2]])
    result = workbook_import(actor=cast.office, source=changed)
    assert result.counts["Kế hoạch"] == {"created": 0, "updated": 1, "unchanged": 1}
    assert Target.objects.get(indicator__code="thu-ns").value == 1300
    assert Target.objects.count() == 2


def test_a_bad_value_refuses_the_whole_file_and_names_sheet_row_and_column(
        cast, make_workbook):
    before = _counts()
    book = _book(make_workbook, targets=[["thu-ns", "xa-moi", "2026", ">=", "abc"]])
    result = workbook_import(actor=cast.office, source=book)
    assert not result.written
    assert _counts() == before
    [e] = result.errors
    assert (e.sheet, e.row, e.column, e.value) == ("Kế hoạch", 2, "Giá trị", "abc")
    assert "Sheet “Kế hoạch”, dòng 2, cột “Giá trị”" in e.message
    assert "a number" in e.message


def test_unknown_codes_duplicates_and_missing_columns_are_each_reported(cast, make_workbook):
    book = make_workbook({
        "Kế hoạch": [TGT_H, ["khong-co", "so-a", "2026", "=", 1],
                     ["", "so-a", "2026", "=", 1]],
        "Số liệu": [["Mã chỉ tiêu", "Mã đơn vị", "Giá trị", "Cột lạ"]],
        "Nhiệm vụ": [TASK_H, ["nv-1", "A", "so-a", None, None, "open", None, 0],
                     ["nv-1", "B", "khong-co-dv", None, None, "open", None, 0]],
    })
    result = workbook_import(actor=cast.admin, source=book)
    found = {(e.sheet, e.row, e.column) for e in result.errors}
    assert ("Kế hoạch", 2, "Mã chỉ tiêu") in found  # unknown indicator
    assert ("Kế hoạch", 3, "Mã chỉ tiêu") in found  # empty required cell
    assert ("Số liệu", 1, "Kỳ") in found  # missing column
    assert ("Số liệu", 1, "Cột lạ") in found  # unknown column
    assert ("Nhiệm vụ", 3, "Mã") in found  # same code twice
    assert not result.written


def test_an_office_imports_only_within_its_subtree(cast, make_workbook):
    make_indicator("thu-ns")
    before = _counts()
    book = make_workbook({"Kế hoạch": [TGT_H, ["thu-ns", "tinh-c", "2026", "=", 5]]})
    result = workbook_import(actor=cast.office, source=book)
    [e] = result.errors
    assert (e.row, e.column, e.value) == (2, "Mã đơn vị", "tinh-c")
    assert "phạm vi" in e.expected_vi
    assert _counts() == before
    focal = workbook_import(actor=cast.focal_a, source=_book(make_workbook))
    assert any(e.sheet == "Chỉ tiêu" for e in focal.errors)  # the catalogue is the office's
    assert _counts() == before


def test_dry_run_counts_without_writing(cast, make_workbook):
    before = _counts()
    result = workbook_import(actor=cast.office, source=_book(make_workbook), dry_run=True)
    assert result.as_json()["created"] == 7
    assert not result.written
    assert _counts() == before


def test_progress_is_reported_up_to_the_last_row(cast, make_workbook):
    seen = []
    workbook_import(actor=cast.office, source=_book(make_workbook),
                    progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (7, 7)


def test_not_a_workbook_is_one_clear_error(cast):
    result = workbook_import(actor=cast.office, source=b"PK\x03\x04 not really")
    [e] = result.errors
    assert "xlsx" in e.message


def test_export_then_import_into_a_cleared_database_gives_the_same_rows(cast, make_workbook):
    workbook_import(actor=cast.admin, source=_book(make_workbook))
    make_target(Indicator.objects.get(code="thu-ns"), cast.unit_b, "2026-Q2", "7.1234",
                note="=SUM(A1)")
    data = export_workbook(user=cast.admin)

    def state():
        return (
            sorted(Unit.objects.values_list("code", "name", "parent__code", "tree", "kind")),
            sorted(Target.objects.values_list("indicator__code", "unit__code", "period",
                                              "value", "bound", "note")),
            sorted(Figure.objects.values_list("indicator__code", "unit__code", "period",
                                              "value", "is_estimate", "state")),
            sorted(Task.objects.values_list("code", "lead_unit__code", "deadline", "progress")),
        )

    expected = state()
    again = workbook_import(actor=cast.admin, source=data)
    assert (again.as_json()["created"], again.as_json()["updated"]) == (0, 0)
    Figure.objects.all().delete()
    Target.objects.all().delete()
    Task.objects.all().delete()
    Indicator.objects.all().delete()
    result = workbook_import(actor=cast.admin, source=data)
    assert result.errors == []
    assert state() == expected
    assert Target.objects.get(unit=cast.unit_b).note == "=SUM(A1)"  # text, not a formula


def test_the_template_has_every_sheet_its_headers_one_example_row_and_drop_downs(cast):
    from io import BytesIO

    from openpyxl import load_workbook

    data = template_workbook(user=cast.office)
    sheets = {s.name: s for s in read_workbook(data)}
    assert list(sheets) == list(SHEETS)
    for name, cols in SHEETS.items():
        assert set(sheets[name].columns) == {c.key for c in cols}
        assert len(sheets[name].rows) == 1
    wb = load_workbook(BytesIO(data))
    ws = wb["Kế hoạch"]
    validated = {str(dv.sqref).split(":")[0][:1] for dv in ws.data_validations.dataValidation}
    # B: unit codes, C: periods, D: bounds
    assert {"B", "C", "D"} <= validated
    lists = wb["_lists"]
    values = {c.value for col in lists.iter_cols() for c in col}
    assert {"so-a", "tinh-p", ">=", "higher", "lower"} <= values
    assert "tinh-c" not in values  # the office's drop-down holds only its units


def test_a_column_the_sheet_lacks_keeps_the_value_in_the_database(cast, make_workbook):
    thu = make_indicator("thu-ns", description="Theo dự toán", is_key=True)
    make_target(thu, cast.unit_a, "2026", 5, note="Nghị quyết HĐND", bound=">=")
    book = make_workbook({
        "Chỉ tiêu": [["Mã", "Tên chỉ tiêu", "Đơn vị tính", "Ghép lịch sử"],
                     ["thu-ns", thu.name, "tỷ đồng", "sum"]],
        "Kế hoạch": [["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị"], ["thu-ns", "so-a", "2026", 6]],
    })
    result = workbook_import(actor=cast.office, source=book)
    assert result.counts["Chỉ tiêu"]["updated"] == 1
    thu.refresh_from_db()
    assert (thu.history_rule, thu.description, thu.is_key) == ("sum", "Theo dự toán", True)
    t = Target.objects.get()
    assert (t.value, t.note, t.bound) == (6, "Nghị quyết HĐND", ">=")


def test_imported_targets_and_figures_have_their_stored_assessments(cast, make_workbook):
    from tiendo.indicators import assessments
    from tiendo.indicators.models import Assessment

    workbook_import(actor=cast.office, source=_book(make_workbook))

    def stored():
        return sorted(Assessment.objects.values_list(
            "indicator__code", "unit__code", "period", "verdict", "klass"))

    after_import = stored()
    assert ("thu-ns", "xa-moi", "2026-Q1", "", "no_target") in after_import
    assert ("thu-ns", "xa-moi", "2026", "", "not_reported") in after_import
    Assessment.objects.all().delete()
    assessments.reassess()
    assert stored() == after_import


def test_an_imported_task_is_found_by_the_task_search_and_the_audit_stays_intact(
        cast, make_workbook, client):
    """Rows inserted in bulk skip Task.save(): the import sets the folded title the task list
    searches, so an imported task is found and a later save leaves the log true."""
    from tiendo.audit.integrity import verify_state
    from tiendo.tasks import services as task_services

    workbook_import(actor=cast.office, source=_book(make_workbook))
    task = Task.objects.get(code="nv-1")
    assert task.search_key == "ban hanh ke hoach"
    task_services.progress_add(actor=cast.focal_a, task=task, percent=60, note="Đang làm")
    differences, _checked = verify_state()
    assert differences == []
    client.force_login(cast.office)
    page = client.get("/nhiem-vu/", {"q": "ke hoach"}).content.decode()
    assert "Ban hành kế hoạch" in page


def test_a_row_only_the_model_refuses_names_its_own_sheet_and_row(cast, make_workbook):
    # a change of 10^9 % passes the cell parser (below 10^16) but not the model's 8 digits
    # before the decimal point; new figures are inserted in batches, not row by row
    make_indicator("thu-ns")
    before = _counts()
    book = make_workbook({"Số liệu": [[*FIG_H, "Tăng/giảm so với cùng kỳ (%)"],
                                      ["thu-ns", "so-a", "2026-Q1", 300, "", 5],
                                      ["thu-ns", "so-b", "2026-Q1", 300, "", 1_000_000_000]]})
    result = workbook_import(actor=cast.office, source=book)
    assert not result.written
    assert _counts() == before
    [e] = result.errors
    assert (e.sheet, e.row, e.column) == ("Số liệu", 3, "")
    assert "Sheet “Số liệu”, dòng 3:" in e.message
    assert "8" in e.expected_vi
