"""Front-end packages come from npm (package-lock.json) and are copied into static/vendor/."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
FILES = {
    "node_modules/htmx.org/dist/htmx.min.js": "htmx.min.js",
    "node_modules/@tabler/core/dist/css/tabler.min.css": "tabler.min.css",
    "node_modules/@tabler/core/dist/css/tabler.min.css.map": "tabler.min.css.map",
    "node_modules/@tabler/core/dist/js/tabler.min.js": "tabler.min.js",
    "node_modules/@tabler/core/dist/js/tabler.min.js.map": "tabler.min.js.map",
    "node_modules/echarts/dist/echarts.min.js": "echarts.min.js",
}


def assets_ready() -> bool:
    return all((VENDOR / name).exists() for name in FILES.values())


def build_assets(*, force: bool = False) -> list[str]:
    """Install the npm packages if needed and copy their dist files. Returns copied names."""
    if assets_ready() and not force:
        return []
    npm = shutil.which("npm")
    if not (ROOT / "node_modules").exists() or force:
        if npm is None:
            raise RuntimeError(
                "Cần Node.js và npm để dựng giao diện (need Node.js and npm to build assets)."
            )
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=ROOT,  # noqa: S603
                       check=True)
    VENDOR.mkdir(parents=True, exist_ok=True)
    copied = []
    for src, name in FILES.items():
        shutil.copyfile(ROOT / src, VENDOR / name)
        copied.append(name)
    return copied


def _static_fingerprint() -> str:
    """A hash of every static source file's path, size and modification time."""
    import hashlib

    from django.contrib.staticfiles.finders import get_finders

    h = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list([]):
            st = Path(storage.path(path)).stat()
            h.update(f"{path}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def collect_static_if_changed() -> bool:
    """Run collectstatic (compressing for whitenoise) only when a static source changed."""
    from django.conf import settings
    from django.core.management import call_command

    stamp = Path(settings.STATIC_ROOT) / ".tiendo-fingerprint"
    fingerprint = _static_fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return False
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(fingerprint)
    return True
