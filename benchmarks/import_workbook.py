#!/usr/bin/env python
"""Benchmark of the workbook import: a 10,000-row workbook into an empty database.

    python benchmarks/import_workbook.py [--rows 10000] [--no-write]

Runs on a fresh SQLite database in a temporary TIENDO_HOME (or DATABASE_URL when set: then it
must be an empty database). The workbook is synthetic and deterministic: 150 units under one
province, 50 indicators, then targets, figures (2026 quarters) and tasks in the proportions
40% / 40% / rest of the remaining rows. Measures, through `workbook_import` as the command line
runs it (administrator, every write through the services with its audit entry):
1. the first import (everything created), wall and CPU time;
2. the same file again (every row compared, nothing written).
Target: the first import under 30 s on SQLite. Writes the `import` section of
docs/benchmarks.md unless --no-write.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs" / "benchmarks.md"


def build_rows(total: int) -> dict[str, list[dict]]:
    from tiendo.transfer.workbook import FIGURES, INDICATORS, TARGETS, TASKS, UNITS

    units = [{"code": "tinh-bench", "name": "UBND tỉnh Bench", "tree": "state",
              "kind": "province"}]
    units += [{"code": f"xa-{i:03d}", "name": f"UBND xã {i:03d}", "tree": "state",
               "kind": "commune", "parent": "tinh-bench"} for i in range(149)]
    indicators = [{"code": f"ct-{i:02d}", "name": f"Chỉ tiêu {i:02d}", "unit_of_measure": "%",
                   "direction": "higher" if i % 3 else "lower", "is_key": i < 10}
                  for i in range(50)]
    rest = total - len(units) - len(indicators)
    n_targets = n_figures = rest * 2 // 5
    n_tasks = rest - n_targets - n_figures
    cells = [(u["code"], ind["code"], q) for q in (1, 2, 3, 4) for u in units
             for ind in indicators]
    targets = [{"indicator": i, "unit": u, "period": f"2026-Q{q}", "bound": ">=",
                "value": 50 + (k % 40)} for k, (u, i, q) in enumerate(cells[:n_targets])]
    figures = [{"indicator": i, "unit": u, "period": f"2026-Q{q}",
                "value": 45 + (k * 7 % 50) + (k % 4) / 4} for k, (u, i, q)
               in enumerate(cells[:n_figures])]
    tasks = [{"code": f"nv-{k:05d}", "title": f"Nhiệm vụ {k:05d}",
              "lead_unit": units[1 + k % 149]["code"], "deadline": f"{1 + k % 28:02d}/06/2026",
              "state": "open", "progress": k % 100, "expected_product": "khac"}
             for k in range(n_tasks)]
    return {UNITS: units, INDICATORS: indicators, TARGETS: targets, FIGURES: figures,
            TASKS: tasks}


def write_section(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    block = f"<!-- section:import -->\n{text.rstrip()}\n<!-- /section:import -->"
    pattern = re.compile(r"<!-- section:import -->.*?<!-- /section:import -->", re.S)
    doc = pattern.sub(block, doc) if pattern.search(doc) else doc.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(doc, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="tiendo-import-bench-")
    os.environ.setdefault("TIENDO_HOME", home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tiendo.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tiendo.orgs.access import system_user
    from tiendo.transfer.services import workbook_import
    from tiendo.transfer.workbook import write_workbook

    call_command("migrate", verbosity=0)
    rows = build_rows(args.rows)
    data = write_workbook(rows)
    total = sum(len(v) for v in rows.values())
    load_before = os.getloadavg()[0]
    ticks = []
    t0, c0 = time.perf_counter(), time.process_time()
    first = workbook_import(actor=system_user(), source=data,
                            progress=lambda d, t: ticks.append(d))
    wall1, cpu1 = time.perf_counter() - t0, time.process_time() - c0
    assert first.written and not first.errors, first.errors[:3]
    t0, c0 = time.perf_counter(), time.process_time()
    second = workbook_import(actor=system_user(), source=data)
    wall2, cpu2 = time.perf_counter() - t0, time.process_time() - c0
    assert second.total("created") == second.total("updated") == 0
    load_after = os.getloadavg()[0]
    engine = connection.vendor
    version = connection.Database.sqlite_version if engine == "sqlite" else ""
    counts = ", ".join(f"{k} {len(v):,}" for k, v in rows.items())
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = f"""## Workbook import (`benchmarks/import_workbook.py`)

Measured {stamp} on CPython {platform.python_version()}, {platform.machine()}, {engine} \
{version}, by `python benchmarks/import_workbook.py --rows {args.rows}` (one run each; a fresh \
database). Load average while measuring: {load_before:.1f} before, {load_after:.1f} after \
(2 cores, shared with other work).

Workbook of {total:,} rows ({counts}), imported as the command line does (administrator; every \
write through the services, each with its audit entry; progress reported {len(ticks)} times).

| step | wall | CPU | target (wall) |
|---|---|---|---|
| first import, {first.total("created"):,} rows created | {wall1:.1f} s | {cpu1:.1f} s | \
< 30 s: {"under" if wall1 < 30 else "OVER"} |
| same file again, {second.total("unchanged"):,} rows unchanged | {wall2:.1f} s | {cpu2:.1f} s \
| — |
"""
    print(text)
    if not args.no_write:
        write_section(text)


if __name__ == "__main__":
    main()
