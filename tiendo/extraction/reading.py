"""Reading an uploaded report in a child process with a time and a memory limit.

The web request never reads an upload: it stores the file and queues the run; the worker
(`tiendo worker`) reads it here. The child (``python -m tiendo.extraction.reading FILE``) runs
the engine only — no Django — under ``RLIMIT_AS`` (memory) and ``RLIMIT_CPU``, and the parent
kills it when the wall-clock limit passes. Whatever the file does, the worker survives it and
the run ends with one clear message.

The child prints one JSON object: ``{"kind", "text", "statements"}`` or
``{"error_vi", "error_en"}``.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

DEFAULT_SECONDS = 120
DEFAULT_MEMORY_MB = 1024

MSG_TIMEOUT = ("Đọc tệp “{name}” quá thời gian cho phép ({seconds} giây); hãy tách thành các "
               "tệp nhỏ hơn.",
               "Reading “{name}” took longer than allowed ({seconds} s); split it into smaller "
               "files.")
MSG_MEMORY = ("Đọc tệp “{name}” vượt giới hạn bộ nhớ ({mb} MB) hoặc dừng bất thường; hãy kiểm "
              "tra lại tệp.",
              "Reading “{name}” went over the memory limit ({mb} MB) or stopped abnormally; "
              "check the file.")


def _limit(seconds: float, memory_mb: int):
    def apply():  # runs in the child, before Python starts
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024,) * 2)
        cpu = max(1, int(seconds) + 1)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))

    return apply


def read_limited(path, *, name: str | None = None, default_period: str | None = None,
                 seconds: float = DEFAULT_SECONDS, memory_mb: int = DEFAULT_MEMORY_MB,
                 max_bytes: int | None = None, statements: bool = True,
                 propose_for: list[tuple[str, str]] | None = None,
                 ) -> tuple[str, str, list[dict]]:
    """(kind, text, statements as dicts) of the file at ``path``; ReadError on any failure,
    the time and memory limits included. ``name`` is the name shown in messages;
    ``statements=False`` only reads the text (the statements come back empty). With
    ``propose_for`` (the (id, name) of the units that may lead), the file is a directive and
    the third item is the proposed tasks (tiendo.extraction.proposals) instead."""
    from tiendo.extraction.engine import ReadError

    name = name or Path(path).name
    args = [sys.executable, "-m", "tiendo.extraction.reading", str(path), "--name", name]
    if default_period:
        args += ["--period", default_period]
    if max_bytes:
        args += ["--max-bytes", str(max_bytes)]
    if not statements:
        args.append("--text-only")
    if propose_for is not None:
        args += ["--propose-for", json.dumps(propose_for, ensure_ascii=False)]
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "HOME")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    try:
        res = subprocess.run(  # noqa: S603 - our own module, arguments we built
            args, capture_output=True, timeout=seconds, check=False,
            env=env, preexec_fn=_limit(seconds, memory_mb))
    except subprocess.TimeoutExpired:
        vi, en = MSG_TIMEOUT
        raise ReadError(vi.format(name=name, seconds=int(seconds)),
                        en.format(name=name, seconds=int(seconds))) from None
    try:
        out = json.loads(res.stdout.decode("utf-8"))
    except ValueError:
        out = None
    if res.returncode != 0 or not isinstance(out, dict):
        vi, en = MSG_MEMORY
        raise ReadError(vi.format(name=name, mb=memory_mb), en.format(name=name, mb=memory_mb))
    if "error_vi" in out:
        raise ReadError(out["error_vi"], out["error_en"])
    return out["kind"], out["text"], out["statements"]


def main(argv: list[str]) -> int:
    import argparse

    from tiendo.extraction.engine import MAX_BYTES, ReadError, extract, read_document
    from tiendo.extraction.engine.readers_limits import check_statements
    from tiendo.lib.periods import PeriodError

    parser = argparse.ArgumentParser(prog="tiendo.extraction.reading")
    parser.add_argument("file")
    parser.add_argument("--name")
    parser.add_argument("--period")
    parser.add_argument("--max-bytes", type=int, default=MAX_BYTES)
    parser.add_argument("--text-only", action="store_true")
    parser.add_argument("--propose-for", help="JSON [[id, name], ...]: propose tasks")
    opts = parser.parse_args(argv)
    name = opts.name or Path(opts.file).name
    try:
        try:
            doc = read_document(opts.file, max_bytes=opts.max_bytes)
            if opts.propose_for is not None:
                from tiendo.extraction.proposals import proposals_of

                statements = proposals_of(doc.text, units=json.loads(opts.propose_for),
                                          period=opts.period)
            elif opts.text_only:
                statements = []
            else:
                statements = [s.to_dict() for s in extract(doc.text,
                                                           default_period=opts.period)]
            check_statements(len(statements), name)
        except ReadError as exc:
            vi = exc.message_vi.replace(Path(opts.file).name, name)
            en = exc.message_en.replace(Path(opts.file).name, name)
            out = {"error_vi": vi, "error_en": en}
        except PeriodError as exc:
            out = {"error_vi": str(exc), "error_en": str(exc)}
        else:
            out = {"kind": doc.kind, "text": doc.text, "statements": statements}
    except MemoryError:
        return 3
    sys.stdout.write(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
