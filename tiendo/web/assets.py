"""Front-end packages come from npm (package-lock.json): their dist files are copied into
static/vendor/, and ECharts is bundled by esbuild from only the modules the pages use
(assets_src/echarts.js), so the overview does not load the whole 1.1 MB library."""

import hashlib
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
SRC = Path(__file__).resolve().parent / "assets_src"
FILES = {
    "node_modules/htmx.org/dist/htmx.min.js": "htmx.min.js",
    "node_modules/@tabler/core/dist/css/tabler.min.css": "tabler.min.css",
    "node_modules/@tabler/core/dist/css/tabler.min.css.map": "tabler.min.css.map",
    "node_modules/@tabler/core/dist/js/tabler.min.js": "tabler.min.js",
    "node_modules/@tabler/core/dist/js/tabler.min.js.map": "tabler.min.js.map",
    # the accessibility checker the browser tests inject into pages (never linked by a page)
    "node_modules/axe-core/axe.min.js": "axe.min.js",
}
# bundled with esbuild: output name -> entry file
BUNDLES = {"echarts.min.js": SRC / "echarts.js"}
STAMP = VENDOR / ".built-from"


def _source_stamp() -> str:
    """What the vendor files are built from: the lock file and the bundle entries."""
    h = hashlib.sha256()
    for path in [ROOT / "package-lock.json", *sorted(BUNDLES.values())]:
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()


def assets_ready() -> bool:
    names = [*FILES.values(), *BUNDLES]
    return (all((VENDOR / name).exists() for name in names)
            and STAMP.exists() and STAMP.read_text() == _source_stamp())


def build_assets(*, force: bool = False) -> list[str]:
    """Install the npm packages if needed, copy their dist files and bundle ECharts. Returns
    the names written."""
    if assets_ready() and not force:
        return []
    npm = shutil.which("npm")
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    if not (ROOT / "node_modules").exists() or not esbuild.exists() or force:
        if npm is None:
            raise RuntimeError(
                "Cần Node.js và npm để dựng giao diện (need Node.js and npm to build assets)."
            )
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=ROOT,  # noqa: S603
                       check=True)
    VENDOR.mkdir(parents=True, exist_ok=True)
    written = []
    for src, name in FILES.items():
        shutil.copyfile(ROOT / src, VENDOR / name)
        written.append(name)
    for name, entry in BUNDLES.items():
        subprocess.run([str(esbuild), str(entry), "--bundle", "--minify",  # noqa: S603
                        "--format=iife", "--target=es2018", "--legal-comments=none",
                        "--log-level=warning", f"--outfile={VENDOR / name}"],
                       cwd=ROOT, check=True)
        written.append(name)
    STAMP.write_text(_source_stamp())
    return written


def _static_fingerprint() -> str:
    """A hash of every static source file's path, size and modification time."""
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
