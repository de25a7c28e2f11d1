"""Real concurrency on PostgreSQL: two editors and two workers in their own threads, their own
connections and their own open transactions, made to overlap by a barrier (each waits until
the other has begun its transaction, so the overlap is proven, not hoped for).

SQLite takes one writer at a time, so these run on PostgreSQL only (`.ci/run` runs the suite
there too)."""

import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from tiendo.audit.integrity import seal_unexplained, verify
from tiendo.reminders import delivery, planner
from tiendo.reminders.models import Outbox
from tiendo.reminders.tests.conftest import at, default_rules  # noqa: F401 (fixture)
from tiendo.tasks import services as tasks
from tiendo.tasks.models import ProgressUpdate, Task
from tiendo.testing import make_task

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks between connections)")


def _run_together(*jobs):
    """Run each job in its own thread; a Barrier inside the jobs makes them overlap. Returns
    their results (or the exception each raised)."""
    results = [None] * len(jobs)

    def run(i, job):
        try:
            results[i] = job()
        except Exception as exc:
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    return results


def test_two_editors_at_once_one_wins_and_the_other_is_told(cast):
    task = make_task("Đề án chuyển đổi số", cast.unit_a, deadline=date(2026, 6, 30))
    seen = task.version
    started = threading.Barrier(2, timeout=20)
    inside = []

    def editor(user, percent):
        def job():
            with transaction.atomic():
                # the transaction is open (a snapshot is taken) before the barrier
                Task.objects.filter(pk=task.pk).values_list("version", flat=True).first()
                inside.append(connection.connection.info.backend_pid)
                started.wait()  # both transactions are open now: they overlap
                return tasks.progress_add(actor=user, task=task, percent=percent,
                                          expected_version=seen)
        return job

    first, second = _run_together(editor(cast.focal_a, 40), editor(cast.office, 70))
    assert len(set(inside)) == 2  # two server sessions, both inside before either went on
    outcomes = sorted(type(r).__name__ for r in (first, second))
    assert outcomes == ["ProgressUpdate", "ValidationError"], (first, second)
    refused = next(r for r in (first, second) if isinstance(r, ValidationError))
    assert "vừa được người khác cập nhật" in refused.messages[0]
    winner = next(r for r in (first, second) if isinstance(r, ProgressUpdate))
    task.refresh_from_db()
    assert (task.progress, task.version) == (winner.percent, seen + 1)
    assert ProgressUpdate.objects.count() == 1
    seal_unexplained(actor=None, reason="cast")
    assert verify().lines() == []


@pytest.mark.usefixtures("default_rules")
def test_two_workers_claiming_at_once_take_disjoint_rows(cast):
    for i in range(6):
        make_task(f"Nhiệm vụ {i}", cast.unit_a if i % 2 else cast.unit_b,
                  deadline=date(2026, 6, 30))
    planner.plan(now=at("2026-06-25"))
    due = set(Outbox.objects.values_list("pk", flat=True))
    assert len(due) >= 2
    claimed_both = threading.Barrier(2, timeout=20)
    started = threading.Barrier(2, timeout=20)

    def worker(name):
        def job():
            with transaction.atomic():
                Outbox.objects.exists()
                started.wait()  # both transactions open
                rows = delivery.claim(name, at("2026-06-25"), limit=len(due) // 2)
                # hold the row locks until the other worker has claimed too
                claimed_both.wait()
                return {r.pk for r in rows}
        return job

    a, b = _run_together(worker("w1"), worker("w2"))
    assert isinstance(a, set) and isinstance(b, set), (a, b)
    assert a.isdisjoint(b)
    assert a | b <= due
    # each took half: SKIP LOCKED let the second pass over the rows the first held
    assert len(a) == len(b) == len(due) // 2


def test_two_figures_of_one_unit_at_once_are_both_counted_in_its_tally(cast, monkeypatch):
    """Each writer has changed its own assessment and is about to recount the unit's tally when
    the other starts: the tally row is locked before counting, so the second counts the first's
    committed row and neither count is lost."""
    from tiendo.indicators import assessments
    from tiendo.indicators.models import UnitTally
    from tiendo.testing import make_figure, make_indicator, make_target

    q = "2026-Q1"
    first, second = make_indicator("ct-1"), make_indicator("ct-2")
    for ind in (first, second):
        make_target(ind, cast.unit_a, q, "100")
    started = threading.Barrier(2, timeout=20)
    recount = assessments.retally

    def retally_after_both_wrote(**kw):
        started.wait()  # both transactions hold their changed assessment, uncommitted
        recount(**kw)

    monkeypatch.setattr(assessments, "retally", retally_after_both_wrote)

    def writer(indicator, value):
        def job():
            with transaction.atomic():
                return make_figure(indicator, cast.unit_a, q, value)
        return job

    results = _run_together(writer(first, "120"), writer(second, "80"))
    assert not any(isinstance(r, Exception) for r in results), results
    tally = UnitTally.objects.get(unit=cast.unit_a, period=q)
    assert (tally.met, tally.not_met, tally.not_reported) == (1, 1, 0)


def test_saving_a_figure_locks_the_figure_not_its_indicator_or_unit(cast):
    """A row lock (SELECT … FOR UPDATE) takes the rows of every table in the query; the current
    figure was read in its default order (joined to indicator and unit), so every save of an
    indicator locked that indicator for all units until commit, and a commit's foreign-key check
    on the indicator then deadlocked with the audit log's head (seen in the quarter-end load
    test). Only the figure is locked now: another transaction may lock the indicator and the
    unit while the save is still open."""
    from decimal import Decimal

    from tiendo.indicators import services as figures
    from tiendo.indicators.models import Indicator
    from tiendo.orgs.models import Unit
    from tiendo.testing import make_indicator, make_target

    indicator = make_indicator("ct-1")
    make_target(indicator, cast.unit_a, "2026-Q1", "100")
    saved, done = threading.Event(), threading.Event()

    def save():
        with transaction.atomic():
            for value in (Decimal(90), Decimal(95)):  # the second save reads the current row
                figures.figure_save_draft(actor=cast.focal_a, indicator=indicator,
                                          unit=cast.unit_a, period="2026-Q1", value=value)
            saved.set()
            done.wait(timeout=20)

    def lock_others():
        saved.wait(timeout=20)
        try:
            with transaction.atomic():
                Indicator.objects.select_for_update(nowait=True).get(pk=indicator.pk)
                Unit.objects.select_for_update(nowait=True).get(pk=cast.unit_a.pk)
            return "free"
        finally:
            done.set()

    results = _run_together(save, lock_others)
    assert results == [None, "free"], results


def test_an_import_takes_the_audit_head_only_at_its_end(cast):
    """A workbook import once locked the audit log's head at its first entry and held it to
    its commit: every other write in the workspace waited for the whole import, and a figure
    saved meanwhile in one of its periods could deadlock with its re-assessment. Its entries
    are now chained at the end: while it writes, another transaction may take the head."""
    from tiendo.audit.models import AuditEntry, AuditHead
    from tiendo.audit.services import verify_chain
    from tiendo.transfer.services import workbook_import
    from tiendo.transfer.tests.conftest import workbook_bytes

    book = workbook_bytes({
        "Chỉ tiêu": [["Mã", "Tên chỉ tiêu", "Đơn vị tính", "Chiều tốt", "Lũy kế"],
                     ["thu-ns", "Thu ngân sách", "tỷ đồng", "higher", ""]],
        "Kế hoạch": [["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Ràng buộc", "Giá trị"],
                     ["thu-ns", "so-a", "2026-Q1", ">=", 100]],
        "Số liệu": [["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị", "Ước đạt"],
                    ["thu-ns", "so-a", "2026-Q1", 120, ""]],
    })
    from tiendo.audit.services import record

    record(actor=cast.admin, action="test.start", object_type="test", object_id="1")  # a head
    writing, checked = threading.Event(), threading.Event()

    def progress(done, total):
        if done == total:  # every row written, the stored verdicts and the commit to come
            writing.set()
            checked.wait(timeout=20)

    def run_import():
        return workbook_import(actor=cast.office, source=book, progress=progress).written

    def take_the_head():
        writing.wait(timeout=20)
        try:
            with transaction.atomic():
                AuditHead.objects.select_for_update(nowait=True).filter(pk=1).first()
            return "free"
        finally:
            checked.set()

    assert _run_together(run_import, take_the_head) == [True, "free"]
    assert set(AuditEntry.objects.values_list("action", flat=True)) >= {
        "indicator.create", "target.set", "figure.import"}
    assert verify_chain() == []
