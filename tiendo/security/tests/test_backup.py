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
    with tarfile.open(tmp_path / "b.tar.gz") as tar:  # the audit key stays out of backups
        assert not [n for n in tar.getnames() if "audit_key" in n or "secret_key" in n]
    empty.mkdir()
    # restoring on another machine: the audit key is copied separately (docs/operations.md)
    (empty / "audit_key").write_text((home / "audit_key").read_text())
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
    # without the key the chain cannot be checked (nor forged)
    (empty / "audit_key").write_text("another-key")
    with pytest.raises(subprocess.CalledProcessError) as exc:
        _tiendo(empty, "audit", "verify")
    assert "đã bị sửa" in exc.value.stderr


# --- the whole archive is checked before anything is touched ---

def _rewrite(archive, target, *, drop=(), replace=None):
    """A copy of ``archive`` without the members in ``drop`` and with ``replace`` {name:
    bytes} written instead of the originals."""
    import io

    replace = replace or {}
    with tarfile.open(archive) as src, tarfile.open(target, "w:gz") as dst:
        for m in src.getmembers():
            if m.name in drop or m.name in replace:
                continue
            dst.addfile(m, src.extractfile(m) if m.isfile() else None)
        for name, data in replace.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            dst.addfile(info, io.BytesIO(data))
    return target


def _manifest(archive):
    import json

    with tarfile.open(archive) as tar:
        return json.loads(tar.extractfile("manifest.json").read())


def _broken(archive, tmp_path, case):
    import json

    m = _manifest(archive)
    member = m["database"]
    if case == "no-database":
        return _rewrite(archive, tmp_path / f"{case}.tar.gz", drop={member}), "thiếu cơ sở dữ liệu"
    if case == "manifest-not-json":
        return (_rewrite(archive, tmp_path / f"{case}.tar.gz", replace={"manifest.json": b"{oops"}),
                "không phải JSON hợp lệ")
    if case == "manifest-missing-key":
        del m["counts"]
        return (_rewrite(archive, tmp_path / f"{case}.tar.gz",
                         replace={"manifest.json": json.dumps(m).encode()}),
                "thiếu khóa: counts")
    if case == "database-damaged":
        return (_rewrite(archive, tmp_path / f"{case}.tar.gz",
                         replace={member: b"SQLite format 3\x00" + b"\x07" * 4096}),
                "bị hỏng|không phải JSON|không phải dữ liệu")
    if case == "counts-differ":
        m["counts"]["indicators.figure"] += 5
        return (_rewrite(archive, tmp_path / f"{case}.tar.gz",
                         replace={"manifest.json": json.dumps(m).encode()}),
                "không khớp manifest")
    raise AssertionError(case)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("method", ["json"] + (["sqlite"] if connection.vendor == "sqlite"
                                               else ["pg_dump"]))
@pytest.mark.parametrize("case", ["no-database", "manifest-not-json", "manifest-missing-key",
                                  "database-damaged", "counts-differ"])
def test_a_broken_archive_is_refused_and_the_data_is_left_as_it_was(workspace, tmp_path,
                                                                    method, case):
    if method == "pg_dump" and case == "counts-differ":
        pytest.skip("a pg_dump archive's rows are counted only once restored")
    archive = tmp_path / "sao-luu.tar.gz"
    backup(archive, method=method)
    Figure.objects.filter(unit__code="so-a").update(value=Decimal(1))  # a later change
    before = _figures()
    broken, message = _broken(archive, tmp_path, case)
    with pytest.raises(BackupError, match=message):
        restore(broken, force=True)
    assert _figures() == before
    assert workspace.read_bytes() == b"%PDF-1.4 minh chung"


def test_the_manifest_check_names_each_problem_in_one_line(tmp_path):
    from tiendo.security.backup import _read_manifest

    for text, message in [("[1, 2]", "phải là một đối tượng JSON"),
                          ('{"format": 1}', "thiếu khóa: method, database"),
                          ('{"format": 9, "method": "sqlite", "database": "db.sqlite3", '
                           '"vendor": "sqlite", "created_at": "x", "counts": {}}',
                           "Định dạng sao lưu 9"),
                          ('{"format": 1, "method": "sqlite", "database": "data.json", '
                           '"vendor": "sqlite", "created_at": "x", "counts": {}}',
                           "không hợp lệ"),
                          ('{"format": 1, "method": "json", "database": "data.json", '
                           '"vendor": "sqlite", "created_at": "x", "counts": {"a": "1"}}',
                           "counts")]:
        (tmp_path / "manifest.json").write_text(text)
        with pytest.raises(BackupError, match=message) as exc:
            _read_manifest(tmp_path)
        assert "\n" not in str(exc.value)


def _run(home, *args):
    env = {**os.environ, "TIENDO_HOME": str(home), "TIENDO_DEMO_PASSWORD": "demo-password-123"}
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "tiendo.cli", *args], env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_the_cli_refuses_broken_archives_in_one_line_and_keeps_the_data(tmp_path):
    """`tiendo restore --force` of an archive missing its database, with a non-JSON manifest
    or a manifest missing a key: exit 1, one line, the indicator table unchanged."""
    home = tmp_path / "home"
    assert _run(home, "demo", "--no-serve").returncode == 0
    archive = tmp_path / "sao-luu.tar.gz"
    assert _run(home, "backup", str(archive)).returncode == 0
    table = _run(home, "indicators", "--period", "2026-Q1", "--json").stdout
    assert '"actual"' in table
    for case in ("no-database", "manifest-not-json", "manifest-missing-key"):
        broken, message = _broken(archive, tmp_path, case)
        res = _run(home, "restore", "--force", str(broken))
        assert res.returncode == 1, (case, res.stderr)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1, (case, res.stderr)
        assert message in lines[0]
        assert "Traceback" not in res.stderr
        assert _run(home, "indicators", "--period", "2026-Q1", "--json").stdout == table
    # the report command: a missing folder is one line too
    res = _run(home, "report", "--period", "2026-Q1", "--format", "docx",
               "-o", str(tmp_path / "khong-co" / "f.docx"))
    assert res.returncode != 0
    assert res.stderr.strip().splitlines() == [
        f"tiendo report: Không ghi được tệp {tmp_path / 'khong-co' / 'f.docx'}: "
        "No such file or directory. (cannot write the file)"]
