"""`tiendo extract` and `tiendo propose-tasks` on real files."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


@pytest.fixture
def report(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(
        "A. KẾT QUẢ QUÝ I NĂM 2026\n"
        "Thu ngân sách đạt 1.234 tỷ đồng (KH: 1.100 tỷ đồng, đạt).\n"
        "B. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II/2026\n"
        "- Phấn đấu thu ngân sách quý II đạt 1.500 tỷ đồng.\n",
        encoding="utf-8",
    )
    return p


def test_extract_prints_one_statement_per_line(report, tmp_path):
    out = io.StringIO()
    text_out = tmp_path / "text.txt"
    call_command("extract", str(report), "--text-out", str(text_out), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(s["period"], s["status"], [(n["value"], n["role"]) for n in s["numbers"]])
            for s in lines] == [
        ("2026-Q1", "achieved", [(1234, "actual"), (1100, "target")]),
        ("2026-Q2", None, [(1500, "target")]),
    ]
    assert text_out.read_text(encoding="utf-8") == report.read_text(encoding="utf-8")


def test_extract_json_format_is_one_array(report):
    out = io.StringIO()
    call_command("extract", str(report), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert [n["text"] for s in data for n in s["numbers"]] == ["1.234", "1.100", "1.500"]


def test_a_bad_file_gives_a_vietnamese_message_and_code_2(tmp_path):
    bad = tmp_path / "r.pdf"
    bad.write_bytes(b"not a pdf")
    with pytest.raises(CommandError) as exc:
        call_command("extract", str(bad))
    assert exc.value.returncode == 2
    assert str(exc.value) == "Tệp “r.pdf” bị hỏng hoặc không phải tệp PDF hợp lệ."


def test_a_bad_period_is_refused(report):
    with pytest.raises(CommandError) as exc:
        call_command("extract", str(report), "--period", "quý năm")
    assert exc.value.returncode == 2
    assert "Không hiểu kỳ" in str(exc.value)


@pytest.mark.django_db
def test_propose_tasks_prints_deadlines(report):
    out = io.StringIO()
    call_command("propose_tasks", str(report), stdout=out)
    assert out.getvalue().splitlines() == [
        "[30/06/2026] Phấn đấu thu ngân sách quý II đạt 1.500 tỷ đồng  (chỉ tiêu: 1.500)"
    ]


@pytest.mark.django_db
def test_propose_tasks_json(report):
    out = io.StringIO()
    call_command("propose_tasks", str(report), "--json", stdout=out)
    [task] = json.loads(out.getvalue())
    assert (task["deadline"], task["lead_unit"]) == ("2026-06-30", None)


@pytest.mark.django_db
def test_propose_tasks_guesses_the_lead_unit_from_the_units(cast, tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(
        "B. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II/2026\n"
        "- Sở A chủ trì xây dựng Kế hoạch phát triển du lịch, trình trong tháng 5/2026.\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("propose_tasks", str(p), "--json", stdout=out)
    [task] = json.loads(out.getvalue())
    assert (task["lead_unit"], task["deadline"], task["product"]) == (
        "so-a", "2026-05-31", "Kế hoạch phát triển du lịch")
