import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tiendo.audit.models import AuditEntry
from tiendo.audit.services import verify_chain
from tiendo.demo.loader import load_demo
from tiendo.indicators.models import Target


def _cli(*args, home):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(TIENDO_HOME=str(home))
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "tiendo.cli", *args], capture_output=True,
                          text=True, env=env, timeout=600, check=False)


def _json_of(*args) -> list:
    out = StringIO()
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


def _without_ids(rows):
    return [{k: v for k, v in r.items() if k != "id"} for r in rows]


@pytest.mark.django_db
def test_the_demo_exported_and_imported_into_an_empty_home_gives_the_same_tables(tmp_path):
    load_demo(password="demo-password-123")
    indicators = _json_of("indicators", "--period", "2026-Q1", "--json")
    tasks = _without_ids(_json_of("tasks", "--on", "2026-06-25", "--json"))
    book = tmp_path / "w.xlsx"
    call_command("export", "--workbook", "-o", str(book), stdout=StringIO())

    home = tmp_path / "empty"
    assert _cli("manage", "migrate", "-v0", home=home).returncode == 0
    first = _cli("import", str(book), "--json", home=home)
    assert first.returncode == 0, first.stderr
    counts = json.loads(first.stdout)
    assert counts["updated"] == 0
    assert counts["sheets"]["Kế hoạch"]["created"] == Target.objects.count()
    again = json.loads(_cli("import", str(book), "--json", home=home).stdout)
    assert (again["created"], again["updated"]) == (0, 0)

    got_ind = json.loads(_cli("indicators", "--period", "2026-Q1", "--json", home=home).stdout)
    got_tasks = json.loads(_cli("tasks", "--on", "2026-06-25", "--json", home=home).stdout)
    assert got_ind == indicators
    assert _without_ids(got_tasks) == tasks

    # The first value of "Kế hoạch" made unreadable: refused, exit 2, nothing written.
    wb = load_workbook(book)
    ws = wb["Kế hoạch"]
    col = [c.value for c in ws[1]].index("Giá trị") + 1
    ws.cell(row=2, column=col, value="abc")
    ws.cell(row=3, column=col, value=12345)  # a change that must not be written either
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    refused = _cli("import", str(bad), home=home)
    assert refused.returncode == 2
    assert "Sheet “Kế hoạch”, dòng 2, cột “Giá trị”" in refused.stderr
    assert "nothing written" in refused.stderr
    after = json.loads(_cli("import", str(book), "--json", "--dry-run", home=home).stdout)
    assert (after["created"], after["updated"]) == (0, 0)  # the database is as it was


def test_a_bad_cell_exits_2_names_the_place_and_writes_nothing(cast, tmp_path, make_workbook):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(make_workbook({
        "Chỉ tiêu": [["Mã", "Tên chỉ tiêu", "Đơn vị tính"], ["thu-ns", "Thu", "tỷ đồng"]],
        "Kế hoạch": [["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị"],
                     ["thu-ns", "so-a", "2026", "abc"]],
    }))
    before = AuditEntry.objects.count()
    err = StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import", str(path), stderr=err, stdout=StringIO())
    assert exc.value.returncode == 2
    assert "Sheet “Kế hoạch”, dòng 2, cột “Giá trị”" in err.getvalue()
    assert AuditEntry.objects.count() == before


def test_json_output_carries_created_and_updated_counts_and_the_bar_goes_to_stderr(
        cast, tmp_path, make_workbook):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(make_workbook({
        "Chỉ tiêu": [["Mã", "Tên chỉ tiêu", "Đơn vị tính"], ["thu-ns", "Thu", "tỷ đồng"]],
        "Kế hoạch": [["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị"],
                     ["thu-ns", "so-a", "2026", "1.250"]],
    }))
    out = StringIO()
    call_command("import", str(path), "--json", "--dry-run", stdout=out)
    data = json.loads(out.getvalue())
    assert (data["created"], data["updated"], data["written"]) == (2, 0, False)
    assert data["sheets"]["Kế hoạch"] == {"created": 1, "updated": 0, "unchanged": 0}
    out, err = StringIO(), StringIO()
    call_command("import", str(path), "--user", "office", stdout=out, stderr=err)
    assert "Kế hoạch: tạo mới (created) 1" in out.getvalue()
    assert "[##############################] 2/2" in err.getvalue()
    assert Target.objects.get().value == 1250
    assert verify_chain() == []


def test_the_template_command_writes_the_empty_workbook(cast, tmp_path):
    path = tmp_path / "mau.xlsx"
    call_command("import", "--template", "-o", str(path), stdout=StringIO())
    wb = load_workbook(path)
    assert {"Đơn vị", "Chỉ tiêu", "Kế hoạch", "Số liệu", "Nhiệm vụ"} <= set(wb.sheetnames)
    assert [c.value for c in wb["Kế hoạch"][1]][:5] == [
        "Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Ràng buộc", "Giá trị"]


def test_a_missing_file_or_unknown_user_exits_2(cast, tmp_path):
    with pytest.raises(CommandError) as exc:
        call_command("import", str(tmp_path / "none.xlsx"))
    assert exc.value.returncode == 2
    with pytest.raises(CommandError) as exc:
        call_command("import", str(tmp_path / "none.xlsx"), "--user", "nobody")
    assert exc.value.returncode == 2


def _bomb(path, megabytes: int = 30):
    """A zip whose one sheet is `megabytes` MB of XML that packs to a few tens of KB."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", "<row/>" * (megabytes * 1024 * 1024 // 6))
    return path


def test_a_zip_bomb_workbook_is_refused_before_it_is_opened(cast, tmp_path, monkeypatch):
    import tiendo.transfer.workbook as workbook

    def never(*args, **kwargs):
        raise AssertionError("openpyxl opened the bomb")

    monkeypatch.setattr(workbook, "load_workbook", never)
    path = _bomb(tmp_path / "bomb.xlsx")
    before = AuditEntry.objects.count()
    err = StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import", str(path), stderr=err, stdout=StringIO())
    assert exc.value.returncode == 2
    assert "bị nén bất thường" in err.getvalue()
    assert AuditEntry.objects.count() == before


def test_blank_rows_count_toward_the_row_limit(cast, tmp_path, make_workbook, monkeypatch):
    import tiendo.transfer.workbook as workbook

    monkeypatch.setattr(workbook, "MAX_ROWS", 5)
    rows = [["Mã", "Tên chỉ tiêu", "Đơn vị tính"]] + [[None, None, None]] * 6 + [
        ["thu-ns", "Thu", "tỷ đồng"]]
    with pytest.raises(workbook.WorkbookError, match="có quá 5 dòng"):
        workbook.read_workbook(make_workbook({"Chỉ tiêu": rows}))


def test_a_province_moves_into_an_empty_home_with_one_command(tmp_path, make_workbook):
    """No database yet: `tiendo import` makes the tables, then imports; other commands say
    what to run first instead of a database error."""
    home = tmp_path / "empty"
    home.mkdir()
    before = _cli("tasks", "--on", "2026-06-25", "--json", home=home)
    assert before.returncode == 1
    assert before.stderr == (
        "tiendo tasks: cơ sở dữ liệu chưa được khởi tạo: chạy `tiendo manage migrate`, "
        "`tiendo import TỆP.xlsx` hoặc `tiendo demo` trước / the database has no tables yet: "
        "run `tiendo manage migrate`, `tiendo import FILE.xlsx` or `tiendo demo` first.\n")
    book = tmp_path / "don-vi.xlsx"
    book.write_bytes(make_workbook({
        "Đơn vị": [["Mã", "Tên", "Khối", "Loại"], ["ubnd-tinh", "UBND tỉnh", "state",
                                                     "province"]],
        "Nhiệm vụ": [["Mã", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"],
                     ["nv-1", "Ban hành kế hoạch", "ubnd-tinh", "30/06/2026"]]}))
    done = _cli("import", str(book), "--json", home=home)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] == 2
    tasks = json.loads(_cli("tasks", "--on", "2026-06-25", "--json", home=home).stdout)
    assert [t["title"] for t in tasks] == ["Ban hành kế hoạch"]
