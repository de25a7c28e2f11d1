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
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

from tiendo.lib import clock

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
                    "created_at": clock.now().isoformat(timespec="seconds"),
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


MEMBERS = {"sqlite": "db.sqlite3", "pg_dump": "db.pgdump", "json": "data.json"}
MANIFEST_KEYS = ("format", "method", "database", "vendor", "created_at", "counts")


def _read_manifest(tmpdir: Path) -> dict:
    """manifest.json, checked key by key; BackupError with one clear line otherwise."""
    path = tmpdir / "manifest.json"
    if not path.is_file():
        raise BackupError("Tệp không phải bản sao lưu tiendo (thiếu manifest.json). "
                          "(not a tiendo backup: manifest.json is missing)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BackupError("manifest.json của bản sao lưu không phải JSON hợp lệ "
                          f"(dòng {getattr(exc, 'lineno', '?')}). "
                          "(manifest.json is not valid JSON)") from None
    if not isinstance(manifest, dict):
        raise BackupError("manifest.json của bản sao lưu phải là một đối tượng JSON. "
                          "(manifest.json must be a JSON object)")
    missing = [k for k in MANIFEST_KEYS if k not in manifest]
    if missing:
        raise BackupError(f"manifest.json thiếu khóa: {', '.join(missing)}. "
                          f"(manifest.json lacks: {', '.join(missing)})")
    if manifest["format"] != FORMAT:
        raise BackupError(f"Định dạng sao lưu {manifest['format']!r} không hỗ trợ. "
                          "(unsupported backup format)")
    if manifest["method"] not in MEMBERS or manifest["database"] != MEMBERS[manifest["method"]]:
        raise BackupError(f"manifest.json ghi cách sao lưu “{manifest['method']}” / "
                          f"“{manifest['database']}” không hợp lệ. (unknown backup method)")
    counts = manifest["counts"]
    if not isinstance(counts, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0
            for k, v in counts.items()):
        raise BackupError("manifest.json: “counts” phải là số bản ghi của từng bảng. "
                          "(counts must map tables to row counts)")
    return manifest


def _check_sqlite(path: Path, manifest: dict) -> None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
        finally:
            db.close()
        counts = _sqlite_file_counts(path)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Cơ sở dữ liệu trong bản sao lưu bị hỏng: {exc}. "
                          "(the database in the backup is damaged)") from None
    if result != ["ok"]:
        raise BackupError(f"Cơ sở dữ liệu trong bản sao lưu bị hỏng: {result[0][:200]}. "
                          "(the database in the backup failed its integrity check)")
    _compare_counts(manifest["counts"], counts)


def _check_pgdump(path: Path) -> None:
    _args, env = _pg_args()
    res = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        ["pg_restore", "--list", str(path)],  # noqa: S607
        env=env, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise BackupError("Tệp pg_dump trong bản sao lưu bị hỏng: "
                          + (res.stderr.strip().splitlines() or ["?"])[-1][:300])


def _check_json(path: Path, manifest: dict) -> None:
    try:
        with open(path, encoding="utf-8") as fh:
            rows = json.load(fh)
    except (ValueError, UnicodeDecodeError):
        raise BackupError("data.json trong bản sao lưu không phải JSON hợp lệ. "
                          "(data.json is not valid JSON)") from None
    if not isinstance(rows, list) or not all(
            isinstance(r, dict) and isinstance(r.get("model"), str) for r in rows):
        raise BackupError("data.json trong bản sao lưu không phải dữ liệu tiendo. "
                          "(data.json is not a tiendo data dump)")
    found: dict[str, int] = {}
    for r in rows:
        found[r["model"]] = found.get(r["model"], 0) + 1
    dumped = _dumped(manifest)
    _compare_counts(dumped, {k: found.get(k, 0) for k in dumped})


def _dumped(manifest: dict) -> dict[str, int]:
    """The counts of the tables a JSON dump holds (the excluded ones are rebuilt or dropped)."""
    return {k: v for k, v in manifest["counts"].items() if not k.startswith(EXCLUDED_MODELS)}


def _compare_counts(expected: dict, found: dict) -> None:
    wrong = {k: (v, found.get(k)) for k, v in expected.items() if found.get(k) != v}
    if wrong:
        k, (want, got) = next(iter(sorted(wrong.items())))
        raise BackupError(f"Bản sao lưu không khớp manifest: bảng {k} có {got} bản ghi, "
                          f"manifest ghi {want} ({len(wrong)} bảng lệch). "
                          "(the backup does not match its manifest)")


def validate(tmpdir: Path) -> dict:
    """Check an unpacked archive before anything is touched: the manifest and its keys, the
    database member (present, intact, with the rows the manifest counts) and the files."""
    manifest = _read_manifest(tmpdir)
    member = tmpdir / manifest["database"]
    if not member.is_file():
        raise BackupError(f"Bản sao lưu thiếu cơ sở dữ liệu ({manifest['database']}). "
                          f"(the backup lacks its database, {manifest['database']})")
    extra = {p.name for p in tmpdir.iterdir()} - {"manifest.json", manifest["database"],
                                                   "uploads"}
    if extra:
        raise BackupError(f"Bản sao lưu có tệp lạ: {', '.join(sorted(extra))}. "
                          "(unexpected files in the backup)")
    uploads = tmpdir / "uploads"
    if uploads.exists() and not uploads.is_dir():
        raise BackupError("“uploads” trong bản sao lưu không phải thư mục. "
                          "(uploads is not a folder)")
    if manifest["method"] == "sqlite":
        _check_sqlite(member, manifest)
    elif manifest["method"] == "pg_dump":
        _check_pgdump(member)
    else:
        _check_json(member, manifest)
    return manifest


def _place_uploads(uploads: Path) -> None:
    """Copy the archive's files into MEDIA_ROOT through a staging folder beside it: names are
    generated and never reused, so adding them cannot change a file the live data uses."""
    if not uploads.is_dir():
        return
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media.parent, prefix=".restore-") as staging:
        staged = Path(staging) / "uploads"
        shutil.copytree(uploads, staged)
        for path in sorted(staged.rglob("*")):
            dest = media / path.relative_to(staged)
            if path.is_dir():
                dest.mkdir(exist_ok=True)
            else:
                os.replace(path, dest)


def restore(source: Path, *, force: bool = False) -> dict:
    """Validate the whole archive, then swap it in; on any error the data is left as it was.

    - SQLite: the validated copy is restored with SQLite's backup API in one step, which
      writes the live file in a single transaction;
    - PostgreSQL (pg_dump): pg_restore --single-transaction, rolled back on any error;
    - JSON: flush and loaddata inside one transaction, with the row counts checked before it
      commits.
    """
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
        manifest = validate(tmpdir)
        if not force and not _database_is_empty():
            raise BackupError("Cơ sở dữ liệu đích đã có dữ liệu; dùng --force để ghi đè. "
                              "(the target database is not empty; use --force)")
        method = manifest["method"]
        if method == "sqlite" and connection.vendor != "sqlite":
            raise BackupError("Bản sao lưu SQLite chỉ khôi phục vào SQLite. "
                              "(a SQLite backup restores into SQLite only)")
        if method == "pg_dump" and connection.vendor != "postgresql":
            raise BackupError("Bản sao lưu pg_dump chỉ khôi phục vào PostgreSQL. "
                              "(a pg_dump backup restores into PostgreSQL only)")
        _place_uploads(tmpdir / "uploads")
        if method == "sqlite":
            connection.ensure_connection()
            src = sqlite3.connect(tmpdir / "db.sqlite3")
            try:
                src.backup(connection.connection)  # pages=-1: one step, one transaction
            finally:
                src.close()
        elif method == "pg_dump":
            connection.close()
            args, env = _pg_args()
            res = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
                ["pg_restore", *args, "--clean", "--if-exists",  # noqa: S607
                 "--no-owner", "--single-transaction", "--exit-on-error",
                 "-d", settings.DATABASES["default"]["NAME"], str(tmpdir / "db.pgdump")],
                env=env, capture_output=True, text=True, check=False)
            if res.returncode != 0:
                raise BackupError("pg_restore lỗi: " + res.stderr.strip()[:500])
        else:
            call_command("migrate", interactive=False, verbosity=0)
            with transaction.atomic():
                if force:
                    call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(tmpdir / "data.json"), verbosity=0)
                _compare_counts(_dumped(manifest), _table_counts())
    _compare_counts(_dumped(manifest) if method == "json" else manifest["counts"],
                    _table_counts())
    return manifest
