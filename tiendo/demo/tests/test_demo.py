import json
import subprocess
import sys

import pytest
from django.core.management import call_command

from tiendo.audit.models import AuditEntry
from tiendo.demo.loader import load_demo
from tiendo.indicators.models import Figure
from tiendo.orgs.models import Unit
from tiendo.tasks.models import Task

# (indicator code, period, actual, plan, status) exactly as the report gives them.
REPORT_FIGURES = [
    ("toc-do-tang-truong-grdp", 7.47, 9.77, "not_achieved"),
    ("tang-truong-khu-vuc-i-nong-lam-thuy", 5.39, 4.95, "achieved"),
    ("tang-truong-khu-vuc-ii-cong-nghiep-xay-dung", 7.91, 10.63, "not_achieved"),
    ("tang-truong-cong-nghiep", 8.24, 10.95, "not_achieved"),
    ("tang-truong-khu-vuc-iii-dich-vu", 8.2, 12.45, "not_achieved"),
    ("thu-ngan-sach-nha-nuoc", 10619, 9950, "achieved"),
    ("tong-kim-ngach-xuat-khau", 783, 850, "not_achieved"),
    ("ty-le-giai-ngan-von-dau-tu-cong", 3.89, None, None),
    ("tong-luong-khach-du-lich", 6018.3, None, None),
    ("khach-quoc-te", 524.5, None, None),
    ("so-bac-si-tren-van-dan", 7.55, None, None),
    ("ty-le-truong-cong-lap-dat-chuan-quoc-gia", 61.88, 69.2, "not_achieved"),
    ("ty-le-bao-hiem-y-te-toan-dan", 87.23, 86, "achieved"),
    ("ty-le-dan-so-do-thi-su-dung-nuoc-sach", 78.56, 82.21, "not_achieved"),
    ("tong-dien-tich-gieo-trong", 746716, None, None),
    ("dan-gia-suc", 1904950, None, None),
    ("san-luong-thuy-san-khai-thac", 52128, None, None),
    ("so-vu-vi-pham-luat-lam-nghiep", 139, None, None),
    ("tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu", 49500, None, None),
    ("dien-tich-dat-thu-hoi", 3060.196, None, None),
    ("doanh-nghiep-dang-ky-thanh-lap-moi", 1437, None, None),
    ("tong-chi-ngan-sach", 6077, None, None),
    ("so-vu-tai-nan-giao-thong-duong-bo", 193, None, None),
    ("ket-nap-dang-vien-moi", 81, None, None),
    ("ty-le-cu-tri-tham-gia-bo-phieu", 99.76, None, None),
]


@pytest.fixture
def demo(db):
    return load_demo(password="demo-password-123")


def test_demo_holds_the_reports_q1_figures_exactly(demo, capsys):
    call_command("indicators", "--period", "2026-Q1", "--json")
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert len(rows) == 144
    for code, actual, plan, status in REPORT_FIGURES:
        row = rows[code]
        assert (row["actual"], row["plan"], row["status"]) == (actual, plan, status), code
        assert row["period"] == "2026-Q1"
    assert rows["tong-kim-ngach-xuat-khau"]["is_estimate"] is True
    assert rows["tong-kim-ngach-xuat-khau"]["change"] == 0.6
    assert rows["so-vu-vi-pham-luat-lam-nghiep"]["change"] == -7.3
    assert rows["toc-do-tang-truong-grdp"]["unit_of_measure"] == "%"
    assert rows["thu-ngan-sach-nha-nuoc"]["unit_of_measure"] == "tỷ đồng"


def test_demo_has_q2_targets_and_q2_tasks_due_end_of_june(demo, capsys):
    call_command("indicators", "--period", "2026-Q2", "--json")
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["tong-kim-ngach-xuat-khau"]["plan"] == 900
    assert (rows["ty-le-no-xau-noi-bang"]["plan"],
            rows["ty-le-no-xau-noi-bang"]["plan_bound"]) == (2, "<=")
    assert (rows["tang-truong-cong-nghiep"]["plan"],
            rows["tang-truong-cong-nghiep"]["plan_bound"]) == (10.86, ">=")
    call_command("tasks", "--on", "2026-06-25", "--json")
    tasks = json.loads(capsys.readouterr().out)
    q2 = [t for t in tasks if t["period"] == "2026-Q2"]
    assert len(q2) == 14
    assert sum(t["deadline"] == "2026-06-30" for t in q2) == 13
    assert {t["status"] for t in q2} == {"in_progress", "overdue"}
    # The report's count is of the action programme's tasks; the rating demo adds others.
    q1 = [t for t in tasks
          if t["period"] == "2026-Q1" and t["programme"] == "cth-nq-dai-hoi-2025-2030"]
    counts = {s: sum(t["status"] == s for t in q1) for s in ("done_on_time", "overdue")}
    assert counts == {"done_on_time": 6, "overdue": 3}  # "06 … đúng tiến độ", "03 … chưa"


def test_loading_the_demo_twice_changes_nothing(demo):
    before = (Unit.objects.count(), Figure.objects.count(), Task.objects.count(),
              AuditEntry.objects.count())
    again = load_demo(password="demo-password-123")
    assert again.loaded is False
    assert before == (Unit.objects.count(), Figure.objects.count(), Task.objects.count(),
                      AuditEntry.objects.count())


def test_a_new_demo_password_is_given_to_the_demo_users_once(demo, client):
    from tiendo.demo.loader import ensure_demo_password

    # the sample civil servants' accounts were given the password when they were made
    before = AuditEntry.objects.filter(action="demo.password_set").count()
    assert ensure_demo_password(password="another-password-1") == 19
    assert ensure_demo_password(password="another-password-1") == 0
    assert client.login(username="lanhdao", password="another-password-1")
    assert AuditEntry.objects.filter(action="demo.password_set").count() == before + 19


def test_demo_keeps_the_merged_provinces_as_predecessors(demo):
    province = Unit.objects.get(code="ubnd-tinh")
    old = set(province.predecessors.values_list("code", flat=True))
    assert old == {"ubnd-tinh-dak-nong-cu", "ubnd-tinh-binh-thuan-cu", "ubnd-tinh-lam-dong-cu"}
    assert all(str(u.valid_to) == "2025-06-30" for u in province.predecessors.all())


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "tiendo.cli", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def test_unknown_period_exits_2_with_a_vietnamese_message(tmp_path):
    result = _cli("indicators", "--period", "2026-Q5", "--json",
                  env={"PATH": "/usr/bin:/bin", "TIENDO_HOME": str(tmp_path)})
    assert result.returncode == 2
    assert 'Không hiểu kỳ "2026-Q5"' in result.stderr
    assert result.stdout == ""


def test_malformed_database_url_exits_2_with_one_clear_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "TIENDO_HOME": str(tmp_path),
           "DATABASE_URL": "postgres//nohost"}
    result = _cli("indicators", "--period", "2026-Q1", env=env)
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr
    assert "không hợp lệ" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_demo_workspace_comes_in_through_the_import(demo):
    """Every figure of the report is an import (then submitted and approved by people), and
    every task of the workbook is created by it."""
    from tiendo.demo.units import Q1_TASKS, Q2_TASKS

    figures = set(Figure.objects.filter(unit__code__in=("ubnd-tinh", "dang-uy-ubnd-tinh"),
                                        period="2026-Q1").values_list("pk", flat=True))
    imported = set(AuditEntry.objects.filter(action="figure.import", object_id__in=[
        str(pk) for pk in figures]).values_list("object_id", flat=True))
    assert len(figures) == 144 and imported == {str(pk) for pk in figures}
    approved = AuditEntry.objects.filter(action="figure.approve", object_id__in=imported)
    assert approved.count() == len(figures)
    codes = [t[0] for t in Q1_TASKS + Q2_TASKS]
    tasks = {str(pk) for pk in Task.objects.filter(code__in=codes).values_list("pk", flat=True)}
    created = set(AuditEntry.objects.filter(action="task.create", object_id__in=tasks,
                                            actor__username="admin")  # the import
                  .values_list("object_id", flat=True))
    assert len(created) == len(codes) == len(tasks)


def test_the_stored_workbook_is_what_its_sources_give():
    """data/lamdong-2026q1.xlsx is rebuilt by `python -m tiendo.demo.workspace`; this fails
    when units.py or the report's JSON changed without it."""
    from tiendo.demo.workspace import PATH, build
    from tiendo.transfer.workbook import read_workbook

    def table(source):
        return [(s.name, sorted(s.columns.items()), [cells for _n, cells in s.rows])
                for s in read_workbook(source)]

    assert table(PATH.read_bytes()) == table(build())
