"""tiendo backup / restore: one archive, database and uploads, round trip identical."""

import os
import subprocess
import sys
import tarfile
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tiendo.indicators.models import Figure
from tiendo.security.backup import BackupError, backup, restore
from tiendo.testing import make_figure, make_indicator, make_target


def _figures():
    return list(Figure.objects.order_by("pk").values_list("pk", "indicator__code", "unit__code",
                                                          "period", "value", "state"))


@pytest.fixture
def workspace(cast, settings):
    grdp = make_indicator("grdp", unit_of_measure="%")
    thu = make_indicator("thu-ngan-sach")
    make_target(grdp, cast.unit_a, "2026-Q1", "7.5")
    make_figure(grdp, cast.unit_a, "2026-Q1", "7.47")
    make_figure(thu, cast.unit_b, "2026-Q1", "10619")
    evidence = settings.MEDIA_ROOT / "evidence" / "bien-ban.pdf"
    evidence.parent.mkdir(parents=True)
    evidence.write_bytes(b"%PDF-1.4 minh chung")
    return evidence


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("method", ["json"] + (["sqlite"] if connection.vendor == "sqlite"
                                               else ["pg_dump"]))
def test_restore_brings_back_figures_and_uploads_changed_after_the_backup(workspace, tmp_path,
                                                                          method):
    before = _figures()
    archive = tmp_path / "sao-luu.tar.gz"
    manifest = backup(archive, method=method)
    assert manifest["method"] == method
    assert manifest["counts"]["indicators.figure"] == 2
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"manifest.json", "uploads/evidence/bien-ban.pdf"} <= names
    Figure.objects.filter(unit__code="so-a").update(value=Decimal(1))
    Figure.objects.filter(unit__code="so-b").delete()
    workspace.unlink()
    with pytest.raises(BackupError, match="đã có dữ liệu"):
        restore(archive)
    restore(archive, force=True)
    assert _figures() == before
    assert workspace.read_bytes() == b"%PDF-1.4 minh chung"


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    bogus = tmp_path / "x.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        (tmp_path / "a.txt").write_text("x")
        tar.add(tmp_path / "a.txt", arcname="a.txt")
    with pytest.raises(CommandError, match="không phải bản sao lưu tiendo"):
        call_command("restore", str(bogus))


def test_restore_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy tệp sao lưu"):
        call_command("restore", str(tmp_path / "khong-co.tar.gz"))


def test_restore_refuses_paths_that_escape_the_archive(db, tmp_path):
    evil = tmp_path / "evil.tar.gz"
    (tmp_path / "p.txt").write_text("x")
    with tarfile.open(evil, "w:gz") as tar:
        tar.add(tmp_path / "p.txt", arcname="../../etc/p.txt")
    with pytest.raises(BackupError, match="không an toàn"):
        restore(evil)


def _tiendo(home, *args):
    env = {**os.environ, "TIENDO_HOME": str(home), "TIENDO_DEMO_PASSWORD": "demo-password-123"}
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "tiendo.cli", *args], env=env,
                          capture_output=True, text=True, timeout=300, check=True)


def test_demo_backup_restored_into_an_empty_home_gives_the_same_indicator_table(tmp_path):
    home, empty = tmp_path / "home", tmp_path / "empty"
    _tiendo(home, "demo", "--no-serve")
    _tiendo(home, "backup", str(tmp_path / "b.tar.gz"))
    out = _tiendo(empty, "restore", str(tmp_path / "b.tar.gz")).stdout
    assert out.startswith("Đã khôi phục ")
    table = _tiendo(home, "indicators", "--period", "2026-Q1", "--json").stdout
    assert _tiendo(empty, "indicators", "--period", "2026-Q1", "--json").stdout == table
    assert '"actual"' in table
    assert "Nhật ký toàn vẹn" in _tiendo(empty, "audit", "verify").stdout
    # a figure changed behind the application's back, in the SQLite file itself
    import sqlite3

    db = sqlite3.connect(empty / "tiendo.sqlite3")
    figure_id = db.execute("SELECT MIN(id) FROM indicators_figure").fetchone()[0]
    db.execute("UPDATE indicators_figure SET value = 1 WHERE id = ?", (figure_id,))
    db.commit()
    db.close()
    with pytest.raises(subprocess.CalledProcessError) as exc:
        _tiendo(empty, "audit", "verify")
    assert exc.value.returncode == 1
    assert f"indicators.figure #{figure_id}: trường “value” là '1'" in exc.value.stderr
