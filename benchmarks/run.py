#!/usr/bin/env python
"""Server-side benchmarks on the current database (DATABASE_URL, or SQLite in TIENDO_HOME).

    tiendo synth --scale province          # once, into an empty database
    python benchmarks/run.py --scale province [--quick] [--json] [--write]

Measures, as the province's office user (sees all 200 units):
- server time (median, p95 over many requests through Django's test client, full middleware
  stack) and the number of queries of the dashboard, task list, indicator page and unit page —
  whichever of them exist in tiendo/web/urls.py;
- the same aggregates computed by one hand-written SQL query each (the floor), and each
  page's ratio to its floor;
- rating of all units, reminder planning, extraction throughput and report build, through their
  management commands, each skipped with a note when its module is absent.

--write stores the result in benchmarks/results/run-<database>-<scale>.json and rewrites the
`run` section of docs/benchmarks.md from every stored result.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tiendo.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command, get_commands  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

PERIOD = "2026-Q1"
TODAY = "2026-04-15"
RESULTS = ROOT / "benchmarks" / "results"
DOC = ROOT / "docs" / "benchmarks.md"
SECTION = "run"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def timed(fn, n: int) -> dict:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return {"n": n, "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(percentile(times, 95), 2)}


def database_label() -> str:
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        return f"PostgreSQL {cur.fetchone()[0].split()[0]}"


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


# --- the floors: one hand-written SQL query per page -------------------------------------

def _like(path: str) -> str:
    return path + "%"


def floor_dashboard(cur, ctx):
    cur.execute("""
        SELECT
          (SELECT COUNT(*) FROM indicators_figure f JOIN orgs_unit u ON u.id = f.unit_id
            WHERE f.period = %(p)s AND f.superseded_by_id IS NULL AND u.path LIKE %(path)s),
          (SELECT SUM(CASE WHEN (t.bound IN ('>=', '>', '=') AND f.value >= t.value)
                             OR (t.bound IN ('<=', '<') AND f.value <= t.value) THEN 1 ELSE 0 END)
             FROM indicators_figure f
             JOIN indicators_target t ON t.indicator_id = f.indicator_id
                  AND t.unit_id = f.unit_id AND t.period = f.period
             JOIN orgs_unit u ON u.id = f.unit_id
            WHERE f.period = %(p)s AND f.superseded_by_id IS NULL AND u.path LIKE %(path)s),
          (SELECT SUM(CASE WHEN t.state <> 'done' AND t.deadline < %(today)s THEN 1 ELSE 0 END)
             FROM tasks_task t JOIN orgs_unit u ON u.id = t.lead_unit_id
            WHERE u.path LIKE %(path)s),
          (SELECT SUM(CASE WHEN t.state <> 'done' AND (t.deadline IS NULL
                                OR t.deadline >= %(today)s) THEN 1 ELSE 0 END)
             FROM tasks_task t JOIN orgs_unit u ON u.id = t.lead_unit_id
            WHERE u.path LIKE %(path)s),
          (SELECT SUM(CASE WHEN t.state = 'done' AND t.completed_on <= t.deadline
                           THEN 1 ELSE 0 END)
             FROM tasks_task t JOIN orgs_unit u ON u.id = t.lead_unit_id
            WHERE u.path LIKE %(path)s),
          (SELECT SUM(CASE WHEN t.state = 'done' AND t.completed_on > t.deadline
                           THEN 1 ELSE 0 END)
             FROM tasks_task t JOIN orgs_unit u ON u.id = t.lead_unit_id
            WHERE u.path LIKE %(path)s)
    """, {"p": PERIOD, "path": _like(ctx["root_path"]), "today": TODAY})
    return cur.fetchall()


def floor_tasks(cur, ctx):
    cur.execute("""
        SELECT t.id, t.title, t.deadline, t.state, t.progress, u.name, COUNT(*) OVER ()
          FROM tasks_task t JOIN orgs_unit u ON u.id = t.lead_unit_id
         WHERE u.path LIKE %(path)s
         ORDER BY t.deadline, t.id LIMIT 50
    """, {"path": _like(ctx["root_path"])})
    return cur.fetchall()


def floor_indicator(cur, ctx):
    cur.execute("""
        SELECT u.name, f.value, f.state, t.value, t.bound
          FROM indicators_figure f JOIN orgs_unit u ON u.id = f.unit_id
          LEFT JOIN indicators_target t ON t.indicator_id = f.indicator_id
               AND t.unit_id = f.unit_id AND t.period = f.period AND t.basis = ''
         WHERE f.indicator_id = %(i)s AND f.period = %(p)s AND f.superseded_by_id IS NULL
           AND u.path LIKE %(path)s
         ORDER BY u.path
    """, {"i": ctx["indicator_id"], "p": PERIOD, "path": _like(ctx["root_path"])})
    return cur.fetchall()


def floor_unit(cur, ctx):
    cur.execute("""
        SELECT i.name, f.value, f.state, t.value, t.bound,
               (SELECT COUNT(*) FROM tasks_task k WHERE k.lead_unit_id = %(u)s),
               (SELECT COUNT(*) FROM tasks_task k WHERE k.lead_unit_id = %(u)s
                   AND k.state <> 'done' AND k.deadline < %(today)s)
          FROM indicators_figure f JOIN indicators_indicator i ON i.id = f.indicator_id
          LEFT JOIN indicators_target t ON t.indicator_id = f.indicator_id
               AND t.unit_id = f.unit_id AND t.period = f.period AND t.basis = ''
         WHERE f.unit_id = %(u)s AND f.period = %(p)s AND f.superseded_by_id IS NULL
         ORDER BY i.sort_order
    """, {"u": ctx["unit_id"], "p": PERIOD, "today": TODAY})
    return cur.fetchall()


PAGES = [
    # name, url name, args from context, query string, floor
    ("dashboard", "web:home", (), {"period": PERIOD}, floor_dashboard),
    ("task list", "web:tasks", (), {}, floor_tasks),
    ("indicator page", "web:indicator", ("indicator_id",), {"period": PERIOD}, floor_indicator),
    ("unit page", "web:unit", ("unit_id",), {"period": PERIOD}, floor_unit),
]


def ensure_static() -> None:
    """Static files collected with their manifest, as `tiendo serve` does in production."""
    from tiendo.web.assets import collect_static_if_changed

    collect_static_if_changed()


def context() -> dict:
    from django.contrib.auth import get_user_model

    from tiendo.indicators.models import Indicator
    from tiendo.orgs.models import Unit

    root = Unit.objects.filter(code="synth-p1-tinh").first()
    if root is None:
        sys.exit("Chưa có dữ liệu tổng hợp: chạy `tiendo synth --scale province` trước. "
                 "(no synthetic workspace: run `tiendo synth --scale province` first)")
    unit = Unit.objects.get(code="synth-p1-u001")
    indicator = Indicator.objects.filter(code__startswith="synth-ct-").order_by("pk").first()
    user = get_user_model().objects.get(username="synth-p1-office")
    return {"root_path": root.path, "root_id": root.pk, "unit_id": unit.pk,
            "indicator_id": indicator.pk, "user": user}


class QueryCounter:
    """Counts every query (CaptureQueriesContext stops at 9,000, Django's log limit)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def national_context(ctx) -> dict | None:
    """The ministry's user of `tiendo synth --scale nation`, who sees all 2,000 units."""
    from django.contrib.auth import get_user_model

    from tiendo.demo.synth import NATIONAL_USER

    user = get_user_model().objects.filter(username=NATIONAL_USER).first()
    return None if user is None else {**ctx, "user": user, "root_path": ""}


def bench_pages(ctx, n: int, budget_ms: float, pages=None,
                suffix: str = "") -> tuple[list[dict], list[str]]:
    client = Client()
    client.force_login(ctx["user"])
    rows, notes = [], []
    for name, urlname, argnames, query, floor in pages or PAGES:
        name = name + suffix
        try:
            url = reverse(urlname, args=[ctx[a] for a in argnames])
        except NoReverseMatch:
            notes.append(f"{name}: no URL named {urlname} in tiendo/web/urls.py — skipped")
            continue
        try:
            first = client.get(url, query)
        except Exception as exc:  # a benchmark reports a failing page, it does not stop
            notes.append(f"{name}: {url} raised {type(exc).__name__}: "
                         f"{str(exc).splitlines()[0][:160]} — skipped")
            continue
        if first.status_code != 200:
            notes.append(f"{name}: {url} answered {first.status_code} — skipped")
            continue
        counter = QueryCounter()
        start = time.perf_counter()
        with connection.execute_wrapper(counter):
            client.get(url, query)
        first_ms = (time.perf_counter() - start) * 1000
        # a slow page gets fewer requests, so that quick mode stays within its budget
        n_page = max(3, min(n, int(budget_ms / max(first_ms, 1))))
        page = timed(lambda url=url, query=query: client.get(url, query), n_page)

        def run_floor(floor=floor):
            with connection.cursor() as cur:
                floor(cur, ctx)

        run_floor()
        floor_t = timed(run_floor, max(n, 10))
        rows.append({"page": name, "url": url, "queries": counter.count,
                     **page, "floor_median_ms": floor_t["median_ms"],
                     "floor_p95_ms": floor_t["p95_ms"],
                     "ratio": round(page["median_ms"] / max(floor_t["median_ms"], 0.01), 1)})
    return rows, notes


def _command(name: str, *args) -> tuple[float | None, str]:
    if name not in get_commands():
        return None, f"command `{name}` absent"
    out = StringIO()
    start = time.perf_counter()
    try:
        call_command(name, *args, stdout=out, stderr=StringIO())
    except BaseException as exc:  # a benchmark reports a failing job, it does not stop
        return None, f"`{name}` failed: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
    return (time.perf_counter() - start) * 1000, out.getvalue()


def bench_jobs(scale: str) -> tuple[list[dict], list[str]]:
    from tiendo.orgs.models import Unit

    rows, notes = [], []
    n_units = Unit.objects.filter(code__startswith="synth-").count()
    # QD366 (party organisations) covers departments and communes, i.e. every synthetic unit
    ms, out = _command("rate", "--period", PERIOD, "--framework", "QD366", "--json")
    if ms is None:
        notes.append(f"rating of all units: {out}")
    else:
        rated = len(json.loads(out)["units"])
        rows.append({"job": f"rating of all units (QD366, {rated} of {n_units} units rated, "
                            f"{PERIOD}, dry run)", "ms": round(ms, 1)})
    ms, out = _command("remind", "--now", f"{TODAY}T08:00:00+07:00", "--dry-run", "--json")
    if ms is None:
        notes.append(f"reminder planning: {out}")
    else:
        rows.append({"job": f"reminder planning at {TODAY} 08:00 (dry run, {scale})",
                     "ms": round(ms, 1)})
    report = ROOT / "tiendo" / "demo" / "data" / "lamdong-2026q1-report.txt"
    if report.exists():
        ms, out = _command("extract", str(report))
        if ms is None:
            notes.append(f"extraction: {out}")
        else:
            chars = len(report.read_text(encoding="utf-8"))
            rows.append({"job": f"extraction of the sample report ({chars:,} characters)",
                         "ms": round(ms, 1),
                         "throughput": f"{chars / (ms / 1000):,.0f} characters/s"})
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("xlsx", "docx"):
            ms, out = _command("report", "--period", PERIOD, "--format", fmt, "-o",
                               str(Path(tmp) / f"r.{fmt}"), "--on", TODAY)
            if ms is None:
                notes.append(f"report build ({fmt}): {out}")
            else:
                rows.append({"job": f"quarterly report build, {fmt} ({PERIOD}, {scale})",
                             "ms": round(ms, 1)})
    return rows, notes


def render_section(results: list[dict]) -> str:
    lines = [f"<!-- section:{SECTION} -->", "## Pages, floors and jobs (`benchmarks/run.py`)", "",
             "Workspace from `tiendo synth --scale <scale>` (seed 1); pages requested through "
             "Django's test client (whole middleware stack, no network) as the province office "
             "user, who sees all units of the province (at nation scale: its own province, "
             "200 of 2,000 units, and the national user of all 2,000 on the dashboard; the jobs "
             "run as the command line, over every unit). "
             "*Floor* = the same aggregates by one "
             "hand-written SQL query; *ratio* = page median / floor median. The floors "
             "(`floor_*` in benchmarks/run.py):", "",
             "- dashboard: for the province's subtree, figures of 2026-Q1, how many meet their "
             "target, and tasks in progress / overdue / done on time / done late on 15/04/2026;",
             "- task list: the first 50 tasks of the subtree by deadline with their unit and "
             "the total count;",
             "- indicator page: every unit's figure and target of one indicator for 2026-Q1;",
             "- unit page: one unit's figures with targets for 2026-Q1, its task count and "
             "overdue count.", ""]
    for r in results:
        lines += [f"### {r['scale']} — {r['database']}", "",
                  f"Measured {r['date']} on {r['machine']}; up to {r['requests']} requests per "
                  f"page (fewer for slow pages, *n* column){' (quick mode)' if r['quick'] else ''}"
                  ".", ""]
        if r["pages"]:
            lines += ["| page | queries | n | median ms | p95 ms | floor median ms | ratio |",
                      "|---|---|---|---|---|---|---|"]
            lines += [f"| {p['page']} (`{p['url']}`) | {p['queries']} | {p['n']} | "
                      f"{p['median_ms']} | "
                      f"{p['p95_ms']} | {p['floor_median_ms']} | {p['ratio']}× |"
                      for p in r["pages"]]
            lines.append("")
        if r["jobs"]:
            lines += ["| job | ms | throughput |", "|---|---|---|"]
            lines += [f"| {j['job']} | {j['ms']} | {j.get('throughput', '')} |"
                      for j in r["jobs"]]
            lines.append("")
        if r["notes"]:
            lines += [f"- {n}" for n in r["notes"]] + [""]
    lines.append(f"<!-- /section:{SECTION} -->")
    return "\n".join(lines)


def write_doc(result: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    db = "sqlite" if result["database"].startswith("SQLite") else "postgresql"
    path = RESULTS / f"run-{db}-{result['scale']}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    order = {"province": 0, "nation": 1}
    stored = sorted((json.loads(p.read_text(encoding="utf-8"))
                     for p in RESULTS.glob("run-*.json")),
                    key=lambda r: (order.get(r["scale"], 9), r["database"]))
    section = render_section(stored)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    start, end = f"<!-- section:{SECTION} -->", f"<!-- /section:{SECTION} -->"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=["province", "nation"], required=True)
    parser.add_argument("--quick", action="store_true", help="fewer requests (< 5 minutes)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--no-jobs", action="store_true", help="pages and floors only")
    args = parser.parse_args(argv)
    ensure_static()
    ctx = context()
    n = 10 if args.quick else 40
    started = time.perf_counter()
    pages, notes = bench_pages(ctx, n, 30_000 if args.quick else 120_000)
    national = national_context(ctx) if args.scale == "nation" else None
    if national is not None:
        more, more_notes = bench_pages(national, n, 30_000 if args.quick else 120_000,
                                       pages=PAGES[:1], suffix=" (national user)")
        pages, notes = pages + more, notes + more_notes
    jobs, job_notes = ([], ["jobs skipped (--no-jobs)"]) if args.no_jobs else bench_jobs(
        args.scale)
    result = {"scale": args.scale, "database": database_label(), "machine": machine(),
              "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "quick": args.quick,
              "requests": n, "pages": pages, "jobs": jobs, "notes": notes + job_notes,
              "seconds": round(time.perf_counter() - started, 1)}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(render_section([result]))
    if args.write:
        write_doc(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
