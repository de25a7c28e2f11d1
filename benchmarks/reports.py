"""Benchmark of report generation for a province-sized quarter.

    python benchmarks/reports.py [--runs 5] [--no-write] [--scale province|nation]

Builds, in its own database (a fresh SQLite file in a temporary TIENDO_HOME unless
DATABASE_URL or TIENDO_HOME is set), one synthetic quarter the size of a province: 200 units
(a province, 40 departments, 159 communes), 150 indicators, a target and an approved figure
for every unit and indicator (30,000 each), a year plan per province indicator and 2,000 tasks.
Rows are written in bulk (this measures the builds, not data entry); they are labelled sample
data. Since issue 16 it also holds the next quarter's targets of the province (part B of the
report) and a progress note on each late task (the causes in "Đánh giá chung").
``--scale nation``: ten times the units (2,000), figures (300,000) and tasks (20,000); the
.docx and the .xlsx only (target: the .docx under 30 s); section ``reports-nation``.

Then, as the administrator (sees every unit), the median of --runs runs after one warm-up of:
- the quarterly report: reading the data + the .docx;
- the workbook: reading the data + the .xlsx (two sheets, 30,000 + 2,000 rows);
- for information: the PDF and the CSV.
Target: report and workbook each under 3 s. Writes the `reports` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs/benchmarks.md"
SECTION = "reports"
PERIOD = "2026-Q1"
NEXT_PERIOD = "2026-Q2"
N_DEPARTMENTS, N_COMMUNES, N_INDICATORS, N_TASKS = 40, 159, 150, 2000
SCALE = 1  # 10 with --scale nation
FIELDS = ["kinh_te", "xa_hoi", "moi_truong", "noi_chinh", "chinh_quyen", "xay_dung_dang"]
UNITS_OF_MEASURE = ["tỷ đồng", "%", "triệu usd", "ha", "nghìn lượt khách", "dự án"]
LABELS = [
    ("docx", "quarterly report (.docx), data read included"),
    ("xlsx", "workbook (.xlsx, every unit's figure and every task), data read included"),
    ("csv", "indicators CSV (every unit's figure)"),
    ("pdf", "quarterly report (.pdf, WeasyPrint, ~80 pages), one run"),
]


def setup_django() -> None:
    if not os.environ.get("DATABASE_URL") and not os.environ.get("TIENDO_HOME"):
        os.environ["TIENDO_HOME"] = tempfile.mkdtemp(prefix="tiendo-bench-reports-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tiendo.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def seed() -> dict:
    """One province-sized quarter, written with bulk_create. Idempotent: reuses it if there."""
    from django.db import transaction

    from tiendo.indicators.models import Figure, FigureState, Indicator, Target
    from tiendo.orgs.models import Unit
    from tiendo.tasks.models import ProgressUpdate, Task, TaskState

    if Unit.objects.filter(code="bench-p").exists():
        return {"reused": True}
    with transaction.atomic():
        province = Unit(code="bench-p", name="UBND tỉnh Mẫu (dữ liệu mẫu)", tree="state",
                        kind="province", is_sample=True)
        province.save()
        children = []
        for i in range(N_DEPARTMENTS * SCALE):
            u = Unit(code=f"bench-so-{i:03d}", name=f"Sở mẫu {i + 1}", tree="state",
                     kind="department", parent=province, is_sample=True, sort_order=i)
            u.save()
            children.append(u)
        for i in range(N_COMMUNES * SCALE):
            u = Unit(code=f"bench-xa-{i:03d}", name=f"Xã mẫu {i + 1}", tree="state",
                     kind="commune", parent=province, is_sample=True, sort_order=100 + i)
            u.save()
            children.append(u)
        units = [province, *children]
        indicators = Indicator.objects.bulk_create([
            Indicator(code=f"bench-ct-{i:03d}", name=f"Chỉ tiêu mẫu số {i + 1}",
                      unit_of_measure=UNITS_OF_MEASURE[i % len(UNITS_OF_MEASURE)],
                      direction="lower" if i % 10 == 9 else "higher",
                      field=FIELDS[i % len(FIELDS)], is_key=i < 20, sort_order=i)
            for i in range(N_INDICATORS)
        ])
        targets, figures = [], []
        n_targets = n_figures = 0
        for ui, unit in enumerate(units):
            if len(figures) >= 30_000:  # write in chunks: a nation's 300,000 rows at once
                Target.objects.bulk_create(targets, batch_size=2000)
                Figure.objects.bulk_create(figures, batch_size=2000)
                n_targets, n_figures = n_targets + len(targets), n_figures + len(figures)
                targets, figures = [], []
            for ii, ind in enumerate(indicators):
                plan = Decimal(1000 + 7 * ii + ui)
                actual = plan * Decimal(80 + (ui * 7 + ii * 13) % 40) / 100
                targets.append(Target(indicator=ind, unit=unit, period=PERIOD, value=plan,
                                      is_sample=True))
                figures.append(Figure(indicator=ind, unit=unit, period=PERIOD,
                                      value=actual.quantize(Decimal("0.01")),
                                      is_estimate=(ii % 5 == 0),
                                      change=Decimal((ii % 21) - 10),
                                      state=FigureState.APPROVED, is_sample=True))
        for ii, ind in enumerate(indicators):
            targets.append(Target(indicator=ind, unit=province, period="2026", scope="year",
                                  value=Decimal(4000), bound=">", is_sample=True))
            targets.append(Target(indicator=ind, unit=province, period=NEXT_PERIOD,
                                  value=Decimal(1100 + 7 * ii), is_sample=True))
        Target.objects.bulk_create(targets, batch_size=2000)
        Figure.objects.bulk_create(figures, batch_size=2000)
        n_targets, n_figures = n_targets + len(targets), n_figures + len(figures)
        tasks = []
        start = date(2026, 1, 5)
        for i in range(N_TASKS * SCALE):
            deadline = start + timedelta(days=i % 85)
            done = i % 3 != 0
            tasks.append(Task(
                code=f"bench-nv-{i:04d}", title=f"Nhiệm vụ mẫu số {i + 1}",
                lead_unit=units[i % len(units)], deadline=deadline, period=PERIOD,
                state=TaskState.DONE if done else TaskState.OPEN,
                completed_on=deadline - timedelta(days=i % 4) + timedelta(days=(i % 7 == 0) * 5)
                if done else None,
                progress=100 if done else (i * 10) % 100, is_sample=True))
        Task.objects.bulk_create(tasks, batch_size=2000)
        ProgressUpdate.objects.bulk_create([
            ProgressUpdate(task=t, percent=t.progress, note="Đang lấy ý kiến các sở, ngành.",
                           created_at=datetime(2026, 3, 10, tzinfo=UTC))
            for t in tasks if t.state == TaskState.OPEN], batch_size=2000)
    return {"units": len(units), "indicators": len(indicators), "targets": n_targets,
            "figures": n_figures, "tasks": len(tasks)}


def timed(fn, runs: int) -> tuple[float, float, object]:
    """Median wall time and median CPU time of this process (SQLite runs in-process, so the
    CPU time includes the database's work; on a shared machine it is the fairer figure)."""
    result = fn()  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus), result


def write_section(text: str) -> None:
    begin, end = f"<!-- section:{SECTION} -->", f"<!-- /section:{SECTION} -->"
    block = f"{begin}\n{text.rstrip()}\n{end}\n"
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n\n"
    if begin in doc and end in doc:
        head, rest = doc.split(begin, 1)
        _old, tail = rest.split(end, 1)
        doc = head + block + tail.lstrip("\n")
    else:
        doc = doc.rstrip("\n") + "\n\n" + block
    DOC.write_text(doc, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--scale", choices=["province", "nation"], default="province")
    args = parser.parse_args()
    global SCALE, SECTION
    if args.scale == "nation":
        SCALE, SECTION = 10, "reports-nation"
    setup_django()

    from django.db import connection

    from tiendo.orgs.access import system_user
    from tiendo.reports.builds import build

    t0 = time.perf_counter()
    counts = seed()
    seeded = time.perf_counter() - t0
    user = system_user()
    on = date(2026, 4, 6)

    def run(fmt):
        return lambda: build(fmt, user=user, period=PERIOD, on=on)

    load_before = os.getloadavg()[0]
    results = {}
    formats = ("docx", "xlsx", "csv", "pdf") if SCALE == 1 else ("docx", "xlsx")
    limit = {"docx": 3 * SCALE if SCALE == 1 else 30, "xlsx": 3 * SCALE}
    for fmt in formats:
        wall, cpu, built = timed(run(fmt), args.runs if fmt != "pdf" else 1)
        results[fmt] = (wall, cpu, len(built.content))
        print(f"{fmt}: median {wall:.3f} s wall, {cpu:.3f} s CPU, {len(built.content):,} bytes")
    verdict = {f: ("under" if results[f][0] < limit[f] else "OVER") for f in ("docx", "xlsx")}

    def target(fmt: str) -> str:
        return f"< {limit[fmt]} s: {verdict[fmt]}" if fmt in verdict else "—"

    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    engine = connection.vendor
    lines = [
        "## Reports (quarterly report, workbook, exports)" if SCALE == 1 else
        "## Reports at nation scale (quarterly report, workbook)",
        "",
        f"Measured {now} on CPython {platform.python_version()}, {platform.machine()}, "
        f"{engine}, by `python benchmarks/reports.py` (median of {args.runs} runs after a "
        "warm-up; the PDF once). Load average while measuring: "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after (2 cores, shared with "
        "other work: figures on an idle machine are lower).",
        "",
        f"Synthetic {args.scale}-sized quarter {PERIOD}: {counts.get('units', '?')} units, "
        f"150 indicators, {counts.get('figures', 0):,} approved figures and their targets "
        "(one per unit and indicator), 150 year plans and 150 next-quarter targets, "
        f"{counts.get('tasks', 0):,} tasks (a progress note on each open one); written in "
        "bulk"
        + (f" in {seeded:.1f} s." if not counts.get("reused") else " (reused)."),
        "",
        "| output | median wall | median CPU | size | target (wall) |",
        "|---|---|---|---|---|",
        *(f"| {label} | {results[f][0]:.2f} s | {results[f][1]:.2f} s | "
          f"{results[f][2] / 1024:,.0f} KB | {target(f)} |" for f, label in LABELS
          if f in results),
        "",
        "The report states one sentence per indicator (the province's own figure); the "
        "workbook keeps every unit's row.",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section(text)
        print(f"written to docs/benchmarks.md (section {SECTION})")


if __name__ == "__main__":
    main()
