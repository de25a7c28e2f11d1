"""`tiendo audit verify`: the chain, and the current rows against their last logged state."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tiendo.audit.integrity import same, seal_unexplained, verify
from tiendo.audit.models import AuditEntry
from tiendo.audit.services import record
from tiendo.indicators import services as ind
from tiendo.tasks import services as tasks
from tiendo.testing import make_indicator


@pytest.fixture
def cast(cast):
    """The shared cast, created directly in the database, accepted into the log the way
    `tiendo audit rekey` accepts the rows of an upgraded database (one audit.seal entry per
    model)."""
    seal_unexplained(actor=None, reason="cast")
    return cast


@pytest.fixture
def trail(cast):
    grdp = make_indicator("grdp", name="Tăng trưởng GRDP", unit_of_measure="%")
    figure = ind.figure_save_draft(actor=cast.focal_a, indicator=grdp, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal("7.47"))
    figure = ind.figure_submit(actor=cast.focal_a, figure=figure)
    figure = ind.figure_approve(actor=cast.office, figure=figure)
    task = tasks.task_create(actor=cast.office, title="Xây dựng đề án", lead_unit=cast.unit_a)
    tasks.progress_add(actor=cast.focal_a, task=task, percent=40, note="Đang soạn")
    return cast, figure, task


def _verify_cmd():
    out, err = StringIO(), StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_verify_passes_on_a_trail_written_by_the_services(trail):
    code, out, err = _verify_cmd()
    assert code == 0, err
    assert "Nhật ký toàn vẹn: 7 mục, 2 đối tượng khớp" in out


def test_a_figure_changed_directly_in_the_database_is_named(trail):
    _, figure, _ = trail
    with connection.cursor() as cur:
        cur.execute("UPDATE indicators_figure SET value = 1 WHERE id = %s", [figure.pk])
    report = verify()
    assert not report.ok
    assert [(d.object_type, d.object_id, d.field, d.logged, d.current)
            for d in report.differences] == [
        ("indicators.figure", str(figure.pk), "value", "7.4700", "1")]
    code, _, err = _verify_cmd()
    assert code == 1
    assert f"indicators.figure #{figure.pk}: trường “value” là '1', nhật ký" in err


def test_a_task_deleted_behind_the_application_is_named(trail):
    _, _, task = trail
    with connection.cursor() as cur:
        cur.execute("DELETE FROM tasks_progressupdate WHERE task_id = %s", [task.pk])
        cur.execute("DELETE FROM tasks_task WHERE id = %s", [task.pk])
    report = verify()
    assert [(d.object_type, d.field) for d in report.differences] == [
        ("tasks.task", "__missing__")]


def test_an_edited_entry_breaks_the_chain(trail):
    entry = AuditEntry.objects.filter(action="figure.approve").get()
    with connection.cursor() as cur:
        cur.execute("UPDATE audit_auditentry SET actor_name = 'ai-do' , reason = 'x' "
                    "WHERE id = %s", [entry.pk])
    report = verify()
    assert report.chain_problems == [
        f"Mục nhật ký #{entry.pk} (figure.approve {entry.object_repr}) đã bị sửa."]


def test_removing_the_newest_entry_is_noticed(trail):
    newest = AuditEntry.objects.order_by("-pk").first()
    with connection.cursor() as cur:
        cur.execute("DELETE FROM audit_auditentry WHERE id = %s", [newest.pk])
    report = verify()
    assert not report.ok
    assert any("có 6 mục nhưng đầu chuỗi ghi 7" in p for p in report.chain_problems)


def test_a_summary_entry_naming_no_row_is_not_compared(cast):
    record(actor=None, action="synth.load", object_type="synth.workspace", object_id="province",
           after={"figures": 10})
    assert verify().ok


@pytest.mark.parametrize(("logged", "current", "expected"), [
    ("7.47", "7.4700", True),
    ("2026-04-03T09:00:00+07:00", "2026-04-03T02:00:00+00:00", True),
    ("2026-04-03T09:00:00+07:00", "2026-04-03T09:00:00+00:00", False),
    ("1", "1.5", False),
    ({"a": "1.0"}, {"a": "1"}, True),
    (None, "", False),
    (True, 1, False),
])
def test_values_compare_as_logged(logged, current, expected):
    assert same(logged, current) is expected


def test_show_prints_newest_first_and_filters_by_object(trail):
    _, figure, _ = trail
    out = StringIO()
    call_command("audit", "show", "--object", f"indicators.figure:{figure.pk}", stdout=out)
    actions = [line.split()[4] for line in out.getvalue().splitlines()]
    assert actions == ["figure.approve", "figure.submit", "figure.draft"]


def test_show_refuses_an_unknown_unit(trail):
    with pytest.raises(CommandError, match="Không có đơn vị mã “khong-co”"):
        call_command("audit", "show", "--unit", "khong-co")


def test_a_final_figure_replacing_an_estimate_keeps_verify_clean(cast):
    grdp = make_indicator("grdp")
    f = ind.figure_save_draft(actor=cast.focal_a, indicator=grdp, unit=cast.unit_a,
                              period="2026-Q1", value=Decimal(5), is_estimate=True)
    f = ind.figure_submit(actor=cast.focal_a, figure=f)
    ind.figure_approve(actor=cast.office, figure=f)
    ind.figure_save_draft(actor=cast.focal_a, indicator=grdp, unit=cast.unit_a,
                          period="2026-Q1", value=Decimal(6))
    assert verify().lines() == []


def test_an_approved_extension_keeps_verify_clean(cast):
    from datetime import date

    task = tasks.task_create(actor=cast.office, title="Đề án", lead_unit=cast.unit_a,
                             deadline=date(2026, 5, 1))
    req = tasks.extension_request(actor=cast.focal_a, task=task, new_deadline=date(2026, 6, 1),
                                  reason="Chờ ý kiến bộ")
    tasks.extension_decide(actor=cast.office, request=req, approve=True)
    assert verify().lines() == []
