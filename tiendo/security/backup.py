"""Back up and restore the whole workspace — database and uploaded files — as one archive.

Consistent while the application runs:
- SQLite: the sqlite3 online backup API copies a consistent snapshot page by page;
- PostgreSQL: pg_dump (one snapshot) when it is installed, otherwise a JSON dump of every
  model read inside one REPEATABLE READ READ ONLY transaction.
Uploaded files are written under generated names and never changed, so copying them after the
database snapshot can only add files nobody refers to yet.

The archive (.tar.gz) holds manifest.json, one of db.sqlite3 / db.pgdump / data.json, and
uploads/.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

FORMAT = 1
EXCLUDED_MODELS = ("contenttypes", "auth.permission", "sessions.session", "admin.logentry")


class BackupError(Exception):
    pass


def _models():
    return [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]


def _table_counts() -> dict[str, int]:
    tables = set(connection.introspection.table_names())
    return {m._meta.label_lower: m._default_manager.count() for m in _models()
            if m._meta.db_table in tables}


def _sqlite_file_counts(path: Path) -> dict[str, int]:
    """Row counts read from the copied file itself, so they describe exactly the snapshot."""
    db = sqlite3.connect(path)
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {m._meta.label_lower: db.execute(
            f'SELECT COUNT(*) FROM "{m._meta.db_table}"').fetchone()[0]  # noqa: S608
            for m in _models() if m._meta.db_table in tables}
    finally:
        db.close()


def _pg_args() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432),
            "-U", db.get("USER") or "postgres"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _dump_json(path: Path) -> dict[str, int]:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command("dumpdata", natural_foreign=True, exclude=list(EXCLUDED_MODELS),
                     output=str(path), verbosity=0)
        return _table_counts()


def _pg_dump(path: Path) -> dict[str, int]:
    """pg_dump reads the snapshot exported by our REPEATABLE READ transaction, in which the
    row counts are taken too."""
    args, env = _pg_args()
    with transaction.atomic():
        with connection.cursor() as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cur.execute("SELECT pg_export_snapshot()")
            snapshot_id = cur.fetchone()[0]
        counts = _table_counts()
        res = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
            ["pg_dump", *args, "--format=custom", "--no-owner",  # noqa: S607
             f"--snapshot={snapshot_id}", "-f", str(path),
             settings.DATABASES["default"]["NAME"]],
            env=env, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise BackupError("pg_dump lỗi: " + res.stderr.strip()[:500])
    return counts


def backup(target: Path, *, method: str = "auto") -> dict:
    """Write the archive to `target` (atomically: a temporary file renamed at the end)."""
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        tmpdir = Path(tmp)
        if method == "auto":
            if connection.vendor == "sqlite":
                method = "sqlite"
            elif connection.vendor == "postgresql" and shutil.which("pg_dump"):
                method = "pg_dump"
            else:
                method = "json"
        if method == "sqlite":
            connection.ensure_connection()
            dest = sqlite3.connect(tmpdir / "db.sqlite3")
            with dest:
                connection.connection.backup(dest)
            dest.close()
            counts = _sqlite_file_counts(tmpdir / "db.sqlite3")
            member = "db.sqlite3"
        elif method == "pg_dump":
            counts = _pg_dump(tmpdir / "db.pgdump")
            member = "db.pgdump"
        else:
            counts = _dump_json(tmpdir / "data.json")
            member = "data.json"
        manifest = {"format": FORMAT, "method": method, "database": member,
                    "vendor": connection.vendor,
                    "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "counts": counts}
        (tmpdir / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
        partial = tmpdir / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(tmpdir / "manifest.json", arcname="manifest.json")
            tar.add(tmpdir / member, arcname=member)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="uploads")
        os.replace(partial, target)
    return manifest


def _database_is_empty() -> bool:
    tables = connection.introspection.table_names()
    if "orgs_unit" not in tables:
        return True
    from tiendo.orgs.models import Unit

    return not Unit.objects.exists()


def _safe_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for m in tar.getmembers():
        name = Path(m.name)
        if name.is_absolute() or ".." in name.parts or m.issym() or m.islnk():
            raise BackupError(f"Tệp sao lưu có đường dẫn không an toàn: {m.name}")
        members.append(m)
    return members


def restore(source: Path, *, force: bool = False) -> dict:
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {source}. (no such backup file)")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        try:
            with tarfile.open(source, "r:gz") as tar:
                tar.extractall(tmpdir, members=_safe_members(tar), filter="data")
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise BackupError("Tệp không phải bản sao lưu tiendo (không đọc được). "
                              "(not a tiendo backup)") from exc
        try:
            manifest = json.loads((tmpdir / "manifest.json").read_text())
        except FileNotFoundError as exc:
            raise BackupError("Tệp không phải bản sao lưu tiendo (thiếu manifest.json). "
                              "(not a tiendo backup)") from exc
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Định dạng sao lưu {manifest.get('format')} không hỗ trợ.")
        if not force and not _database_is_empty():
            raise BackupError("Cơ sở dữ liệu đích đã có dữ liệu; dùng --force để ghi đè. "
                              "(the target database is not empty; use --force)")
        method = manifest["method"]
        if method == "sqlite":
            if connection.vendor != "sqlite":
                raise BackupError("Bản sao lưu SQLite chỉ khôi phục vào SQLite. "
                                  "(a SQLite backup restores into SQLite only)")
            connection.ensure_connection()
            src = sqlite3.connect(tmpdir / "db.sqlite3")
            with src:
                src.backup(connection.connection)
            src.close()
        elif method == "pg_dump":
            if connection.vendor != "postgresql":
                raise BackupError("Bản sao lưu pg_dump chỉ khôi phục vào PostgreSQL.")
            connection.close()
            args, env = _pg_args()
            res = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
                ["pg_restore", *args, "--clean", "--if-exists",  # noqa: S607
                 "--no-owner", "--single-transaction",
                 "-d", settings.DATABASES["default"]["NAME"], str(tmpdir / "db.pgdump")],
                env=env, capture_output=True, text=True, check=False)
            if res.returncode != 0:
                raise BackupError("pg_restore lỗi: " + res.stderr.strip()[:500])
        else:
            call_command("migrate", interactive=False, verbosity=0)
            if force:
                call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(tmpdir / "data.json"), verbosity=0)
        uploads = tmpdir / "uploads"
        if uploads.is_dir():
            media = Path(settings.MEDIA_ROOT)
            media.mkdir(parents=True, exist_ok=True)
            shutil.copytree(uploads, media, dirs_exist_ok=True)
    counts = _table_counts()
    missing = {k: (v, counts.get(k)) for k, v in manifest["counts"].items()
               if counts.get(k) != v}
    if missing:
        raise BackupError(f"Khôi phục không đủ: {missing}")
    return manifest
