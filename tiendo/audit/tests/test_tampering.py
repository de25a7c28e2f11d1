"""Tampering with the database behind the application's back, and what `audit verify` says.

Each test writes only with SQL or the bare ORM, as someone holding the database file (and not
the key in TIENDO_HOME) could."""

from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.db import connection

from tiendo.audit.integrity import seal_unexplained, verify, write_checkpoint
from tiendo.audit.models import AuditEntry, AuditHead
from tiendo.audit.services import (
    GENESIS,
    LEGACY,
    hash_of,
    legacy_hash,
    record,
)
from tiendo.indicators import services as ind
from tiendo.indicators.models import Figure, FigureState
from tiendo.tasks import services as tasks
from tiendo.testing import make_indicator


@pytest.fixture
def trail(cast, tmp_path, settings):
    settings.TIENDO_AUDIT_CHECKPOINT = tmp_path / "audit_checkpoint"
    seal_unexplained(actor=None, reason="cast")
    grdp = make_indicator("grdp", name="Tăng trưởng GRDP", unit_of_measure="%")
    figure = ind.figure_save_draft(actor=cast.focal_a, indicator=grdp, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal("7.47"))
    figure = ind.figure_submit(actor=cast.focal_a, figure=figure)
    figure = ind.figure_approve(actor=cast.office, figure=figure)
    task = tasks.task_create(actor=cast.office, title="Xây dựng đề án", lead_unit=cast.unit_a)
    assert verify().lines() == []
    return cast, grdp, figure, task


def _exit_code(*args) -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("audit", "verify", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, err.getvalue()
    return 0, out.getvalue()


def test_a_forged_entry_with_the_unkeyed_hash_is_caught(trail):
    """The attack of the review: rewrite a figure with sqlite3 alone, then append an entry
    chained with plain SHA-256 that makes the log agree. Without the key it cannot chain."""
    _, _, figure, _ = trail
    head = AuditHead.objects.get()
    with connection.cursor() as cur:
        cur.execute("UPDATE indicators_figure SET value = 9 WHERE id = %s", [figure.pk])
    after = {"value": "9"}
    forged = legacy_hash(prev_hash=head.last_hash, created_at="2026-04-07T00:00:00+00:00",
                         actor_id=None, action="figure.edit", object_type="indicators.figure",
                         object_id=str(figure.pk), before=None, after=after, reason="")
    AuditEntry.objects.create(created_at="2026-04-07T00:00:00Z", action="figure.edit",
                              object_type="indicators.figure", object_id=str(figure.pk),
                              after=after, prev_hash=head.last_hash, hash=forged)
    AuditHead.objects.update(last_hash=forged, count=head.count + 1)
    report = verify()
    assert f"Mục nhật ký #{AuditEntry.objects.order_by('pk').last().pk} " in " ".join(
        report.chain_problems)
    assert _exit_code()[0] == 1


@pytest.mark.parametrize(("column", "value"), [
    ("actor_name", "ai-do"), ("unit_id", 999), ("object_repr", "Hình dung khác"),
    ("state_digest", "0" * 64), ("created_at", "2020-01-01 00:00:00"),
])
def test_every_column_of_an_entry_is_covered(trail, column, value):
    entry = AuditEntry.objects.filter(action="figure.approve").get()
    with connection.cursor() as cur:
        cur.execute(f"UPDATE audit_auditentry SET {column} = %s WHERE id = %s",  # noqa: S608
                    [value, entry.pk])
    assert f"Mục nhật ký #{entry.pk} " in " ".join(verify().chain_problems)


def test_an_approved_figure_inserted_without_an_entry_is_caught(trail):
    cast, grdp, _, _ = trail
    sneaked = Figure.objects.create(indicator=grdp, unit=cast.unit_b, period="2026-Q1",
                                    value=Decimal(12), state=FigureState.APPROVED)
    code, err = _exit_code()
    assert code == 1
    assert f"indicators.figure #{sneaked.pk}: không có trong nhật ký" in err


def test_making_a_user_superuser_in_sql_is_caught(trail):
    cast = trail[0]
    with connection.cursor() as cur:
        cur.execute("UPDATE auth_user SET is_superuser = %s WHERE id = %s",
                    [True, cast.outsider.pk])
    code, err = _exit_code()
    assert code == 1
    assert f"auth.user #{cast.outsider.pk}: khác với trạng thái nhật ký ghi lần cuối" in err


def test_a_permission_granted_in_sql_is_caught(trail):
    cast = trail[0]
    perm = Permission.objects.get(codename="change_figure")
    with connection.cursor() as cur:
        cur.execute("INSERT INTO auth_user_user_permissions (user_id, permission_id) "
                    "VALUES (%s, %s)", [cast.focal_b.pk, perm.pk])
    assert f"auth.user #{cast.focal_b.pk}: khác" in " ".join(verify().lines())


def test_a_membership_deleted_in_sql_is_caught(trail):
    cast = trail[0]
    membership = cast.focal_a.memberships.get()
    with connection.cursor() as cur:
        cur.execute("DELETE FROM orgs_membership WHERE id = %s", [membership.pk])
    assert f"orgs.membership #{membership.pk}: đã bị xóa" in " ".join(verify().lines())


def test_another_key_cannot_verify_the_chain(trail, settings):
    settings.TIENDO_AUDIT_KEY = "khoa-khac"
    assert len(verify().chain_problems) == AuditEntry.objects.count()


def test_without_the_checkpoint_a_consistent_rewrite_would_pass(trail):
    """Why the anchor is needed: the same rewrite, with no checkpoint, is not noticed."""
    record(actor=None, action="synth.load", object_type="synth.workspace", object_id="x",
           after={"figures": 1})
    newest = AuditEntry.objects.order_by("-pk").first().pk
    AuditEntry.objects.filter(pk=newest).delete()
    last = AuditEntry.objects.order_by("-pk").first()
    AuditHead.objects.update(last_hash=last.hash, count=AuditEntry.objects.count())
    assert verify().lines() == []


def test_a_rewritten_chain_is_caught_by_the_checkpoint(trail):
    """Someone with the key too rewrites the tail of the chain consistently: the chain and the
    head agree, but the checkpoint kept outside the database names an entry that is gone."""
    record(actor=None, action="synth.load", object_type="synth.workspace", object_id="x",
           after={"figures": 1})
    line = write_checkpoint()
    newest = AuditEntry.objects.order_by("-pk").first().pk
    previous = AuditEntry.objects.filter(pk__lt=newest).order_by("-pk").first()
    AuditEntry.objects.filter(pk=newest).delete()
    AuditHead.objects.update(last_hash=previous.hash, count=AuditEntry.objects.count())
    settings_file = line  # kept in the checkpoint file written above
    report = verify()
    assert report.chain_problems == [
        f"Nhật ký không còn chứa mục #{newest} đã neo (mục thứ {settings_file.split()[0]}): "
        f"chuỗi đã bị viết lại. (the chain no longer holds checkpointed entry #{newest}: it "
        f"was rewritten)"]
    code, _ = _exit_code("--checkpoint", line)
    assert code == 1


def test_the_checkpoint_command_and_a_mailed_line_verify(trail, settings):
    out = StringIO()
    call_command("audit", "checkpoint", stdout=out)
    line = settings.TIENDO_AUDIT_CHECKPOINT.read_text().strip()
    assert line in out.getvalue()
    assert _exit_code("--checkpoint", line)[0] == 0


def test_a_chain_of_0_1_0_is_reported_until_rekeyed(trail):
    """Existing chains (unkeyed SHA-256) migrate with `tiendo audit rekey`, which checks them
    first; rows the log never described (e.g. loaded before) are sealed."""
    prev = GENESIS
    for e in AuditEntry.objects.order_by("pk"):
        digest = hash_of(e, prev_hash=prev, scheme=LEGACY)
        AuditEntry.objects.filter(pk=e.pk).update(prev_hash=prev, hash=digest)
        prev = digest
    AuditHead.objects.update(last_hash=prev, scheme=LEGACY)
    code, err = _exit_code()
    assert code == 1
    assert "tiendo audit rekey" in err
    entries = AuditEntry.objects.count()
    out = StringIO()
    call_command("audit", "rekey", stdout=out)
    assert f"(re-keyed {entries} entries, sealed 0 rows)" in out.getvalue()
    assert AuditHead.objects.get().scheme == "hmac-sha256"
    assert _exit_code()[0] == 0


def test_rekey_refuses_a_broken_unkeyed_chain(trail):
    AuditHead.objects.update(scheme=LEGACY)  # the entries are keyed: as 0.1.0 they are broken
    with pytest.raises(CommandError, match="Không thể chuyển nhật ký sang chuỗi có khóa"):
        call_command("audit", "rekey", stdout=StringIO())
    assert AuditHead.objects.get().scheme == LEGACY


def test_a_worker_cycle_anchors_the_head_outside_the_database(trail, settings):
    from datetime import UTC, datetime

    from tiendo.worker.run import run_once

    run_once(datetime(2026, 4, 20, tzinfo=UTC), plan=False, worker="w1")
    count, pk, digest = settings.TIENDO_AUDIT_CHECKPOINT.read_text().split()
    head = AuditHead.objects.get()
    assert (int(count), digest) == (head.count, head.last_hash)
    assert AuditEntry.objects.get(pk=pk).hash == digest


def test_changes_made_in_the_admin_are_logged_and_verify_clean(trail, client):
    """Django's admin is normal use for an administrator: a superuser flag, a permission and a
    deleted membership made there leave entries, and verify stays clean."""
    cast = trail[0]
    client.force_login(cast.admin)
    membership = cast.focal_b.memberships.get()
    r = client.post(f"/quan-tri/orgs/membership/{membership.pk}/delete/", {"post": "yes"})
    assert r.status_code == 302
    user = cast.outsider
    perm = Permission.objects.get(codename="change_figure")
    page = client.get(f"/quan-tri/auth/user/{user.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(is_superuser="on", is_active="on", user_permissions=[perm.pk], groups=[],
                date_joined_0=user.date_joined.strftime("%Y-%m-%d"),
                date_joined_1=user.date_joined.strftime("%H:%M:%S"), last_login_0="",
                last_login_1="")
    r = client.post(f"/quan-tri/auth/user/{user.pk}/change/", data)
    assert r.status_code == 302, r.context["adminform"].form.errors if r.context else r
    user.refresh_from_db()
    assert user.is_superuser and user.user_permissions.filter(pk=perm.pk).exists()
    assert AuditEntry.objects.filter(action="admin.change", object_id=str(user.pk)).exists()
    assert verify().lines() == []


def test_a_user_made_by_createsuperuser_is_accepted_by_seal_with_an_entry(trail):
    from django.contrib.auth import get_user_model

    made = get_user_model().objects.create_superuser("root", "root@example.vn", "mat-khau-dai-1")
    assert _exit_code()[0] == 1
    out = StringIO()
    call_command("audit", "seal", "--reason", "createsuperuser", stdout=out)
    assert "(sealed 1 rows)" in out.getvalue()
    entry = AuditEntry.objects.order_by("-pk").first()
    assert (entry.action, entry.reason, list(entry.after["digests"])) == (
        "audit.seal", "createsuperuser", [str(made.pk)])
    assert _exit_code()[0] == 0
