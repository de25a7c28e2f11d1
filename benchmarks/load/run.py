#!/usr/bin/env python
"""Load test: a quarter-end burst against a real multi-process server.

    DATABASE_URL=postgres://…/tiendo_x tiendo synth --scale province   # once
    DATABASE_URL=postgres://…/tiendo_x python benchmarks/load/run.py [--users 50]
        [--seconds 60] [--workers 4] [--write]

Starts gunicorn (several workers) on 127.0.0.1, runs locust headless with N focal points of the
synthetic province — each entering figures for 2026-Q2 and posting progress on its unit's open
tasks — then stops the server and checks that every submission the server accepted is in the
database (figures: the audit entry with that value, and the final value of each figure; progress:
the update row with that note). Prints throughput, p95, errors and lost submissions.
"""

import argparse
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tiendo.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

PERIOD = "2026-Q2"
PASSWORD = os.environ.get("TIENDO_SYNTH_PASSWORD") or "synth-password-123"
DOC = ROOT / "docs" / "benchmarks.md"
SECTION = "load"


def plan(users: int) -> dict:
    from tiendo.indicators.models import Target
    from tiendo.orgs.models import Membership
    from tiendo.tasks.models import Task

    people = []
    members = (Membership.objects.filter(user__username__startswith="synth-p1-focal-",
                                         role="focal")
               .select_related("user").order_by("user__username")[:users])
    for index, m in enumerate(members, start=1):
        indicators = sorted(set(Target.objects.filter(unit_id=m.unit_id, period="2026-Q1")
                                .values_list("indicator_id", flat=True)))
        tasks = dict(Task.objects.filter(lead_unit_id=m.unit_id, state="open")
                     .order_by("pk").values_list("pk", "version")[:20])
        people.append({"index": index, "username": m.user.username, "unit": m.unit_id,
                       "indicators": indicators, "tasks": list(tasks),
                       "task_versions": {str(k): v for k, v in tasks.items()}})
    if len(people) < users:
        sys.exit("Chưa có dữ liệu tổng hợp: chạy `tiendo synth --scale province` trước. "
                 "(run `tiendo synth --scale province` first)")
    return {"period": PERIOD, "people": people}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, seconds: int = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"server did not start at {url}")


def verify(accepted_path: Path, started_audit_pk: int) -> dict:
    from tiendo.audit.models import AuditEntry
    from tiendo.indicators.models import Figure
    from tiendo.tasks.models import ProgressUpdate

    rows = [json.loads(line) for line in accepted_path.read_text().splitlines() if line]
    figures = [r for r in rows if r["kind"] == "figure"]
    progress = [r for r in rows if r["kind"] == "progress"]
    logged = set()
    for unit_id, after in AuditEntry.objects.filter(
            pk__gt=started_audit_pk, action="figure.draft").values_list("unit_id", "after"):
        logged.add((unit_id, after["indicator_id"], after["period"],
                    int(float(after["value"]))))
    lost_figures = [r for r in figures
                    if (r["unit"], r["indicator"], PERIOD, r["value"]) not in logged]
    last = {}
    for r in figures:  # each person submits one after another: their last value stands
        last[(r["unit"], r["indicator"])] = r["value"]
    final = {(u, i): int(v) for u, i, v in Figure.objects.filter(
        period=PERIOD, superseded_by__isnull=True).values_list("unit_id", "indicator_id",
                                                                "value")}
    wrong_final = [k for k, v in last.items() if final.get(k) != v]
    notes = set(ProgressUpdate.objects.filter(note__startswith="load ").values_list("note",
                                                                                  flat=True))
    lost_progress = [r for r in progress if r["note"] not in notes]
    return {"accepted_figures": len(figures), "accepted_progress": len(progress),
            "lost_figures": len(lost_figures), "wrong_final_figures": len(wrong_final),
            "lost_progress": len(lost_progress)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--pause", default="0",
                    help='think time between actions, e.g. "1-3" seconds (default 0: stress)')
    args = ap.parse_args(argv)
    import importlib.util

    if importlib.util.find_spec("locust") is None:
        print("benchmarks/load/run.py: cần locust — pip install -e '.[bench]' "
              "(locust is needed)", file=sys.stderr)
        return 2
    if connection.vendor != "postgresql":
        print("note: the load test is meant for PostgreSQL (DATABASE_URL); running on "
              f"{connection.vendor}", file=sys.stderr)
    from tiendo.audit.models import AuditEntry
    from tiendo.indicators.models import Figure
    from tiendo.tasks.models import ProgressUpdate

    # a repeatable run: drop what a previous run wrote (its figures for PERIOD, its notes)
    Figure.objects.filter(period=PERIOD, unit__code__startswith="synth-").delete()
    from tiendo.indicators import assessments

    assessments.reassess(periods=[PERIOD])  # the deleted figures' standings and tallies
    ProgressUpdate.objects.filter(note__startswith="load ").delete()
    started_audit_pk = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    connection.close()
    work = Path(tempfile.mkdtemp(prefix="tiendo-load-"))
    (work / "plan.json").write_text(json.dumps(plan(args.users)))
    connection.close()
    accepted = work / "accepted.jsonl"
    accepted.touch()
    from tiendo.web.assets import collect_static_if_changed

    collect_static_if_changed()  # as `tiendo serve` does
    port = free_port()
    env = {**os.environ, "TIENDO_DEBUG": "0", "TIENDO_LOG_LEVEL": "ERROR"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tiendo.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", str(args.workers), "--timeout", "120",
         "--log-level", "warning"], cwd=ROOT, env=env)
    try:
        wait_up(f"http://127.0.0.1:{port}/dang-nhap/")
        subprocess.run(
            [sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")),
             "--headless", "-u", str(args.users), "-r", str(args.users), "-t",
             f"{args.seconds}s", "--host", f"http://127.0.0.1:{port}", "--csv",
             str(work / "locust"), "--only-summary", "--stop-timeout", "30"],
            cwd=ROOT, check=False,
            env={**env, "LOAD_PLAN": str(work / "plan.json"), "LOAD_ACCEPTED": str(accepted),
                 "LOAD_PASSWORD": PASSWORD, "LOAD_PAUSE": args.pause})
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    stats = {r["Name"]: r for r in csv.DictReader(open(work / "locust_stats.csv"))}  # noqa: SIM115
    result = {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
              "database": _database(), "users": args.users, "seconds": args.seconds,
              "workers": args.workers, "pause": args.pause, "requests": {},
              **verify(accepted, started_audit_pk or 0)}
    for name in ("save figure", "post progress", "Aggregated"):
        r = stats.get(name)
        if r:
            result["requests"][name] = {
                "count": int(r["Request Count"]), "failures": int(r["Failure Count"]),
                "rps": round(float(r["Requests/s"]), 1), "median_ms": float(r["50%"]),
                "p95_ms": float(r["95%"]), "p99_ms": float(r["99%"])}
    result["errors"] = sum(v["failures"] for k, v in result["requests"].items()
                           if k != "Aggregated")
    print(json.dumps(result, indent=1, ensure_ascii=False) if args.json else render(result))
    if args.write:
        write_doc(result)
    ok = (result["errors"] == 0 and result["lost_figures"] == 0
          and result["lost_progress"] == 0 and result["wrong_final_figures"] == 0)
    return 0 if ok else 1


def _database() -> str:
    if connection.vendor != "postgresql":
        return connection.vendor
    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        return f"PostgreSQL {cur.fetchone()[0].split()[0]}"


def _section(r: dict) -> str:
    return SECTION if r.get("pause", "0") in ("", "0") else f"{SECTION}-paused"


def render(r: dict) -> str:
    import platform

    section = _section(r)
    think = ("no think time" if section == SECTION
             else f"each pausing {r['pause']} s between actions")

    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.machine())
    title = "quarter-end burst" if section == SECTION else "quarter-end, people pausing"
    lines = [f"<!-- section:{section} -->", f"## Load test: {title} "
             f"(`benchmarks/load/run.py --pause {r.get('pause', '0')}`)", "",
             f"Measured {r['date']} on {cpu}, {os.cpu_count()} cores (server, load generator "
             f"and database on the same machine), {r['database']}; gunicorn with "
             f"{r['workers']} workers on 127.0.0.1; locust headless, {r['users']} focal points "
             f"of the synthetic province, {think}, {r['seconds']} s. Each enters figures "
             "for 2026-Q2 (3 of 5 requests) and posts progress on its unit's open tasks "
             "(2 of 5).", "",
             "| request | count | failures | req/s | median ms | p95 ms | p99 ms |",
             "|---|---|---|---|---|---|---|"]
    for name, v in r["requests"].items():
        lines.append(f"| {name} | {v['count']} | {v['failures']} | {v['rps']} | "
                     f"{v['median_ms']:g} | {v['p95_ms']:g} | {v['p99_ms']:g} |")
    lines += ["", f"Afterwards, in the database: {r['accepted_figures']} accepted figure "
              f"entries, {r['lost_figures']} missing from the audit log, "
              f"{r['wrong_final_figures']} figures whose final value is not the last accepted "
              f"one; {r['accepted_progress']} accepted progress updates, {r['lost_progress']} "
              "missing. Errors: " + str(r["errors"]) + ". (Accepted counts include the "
              "requests that finished during locust's stop timeout, after its statistics "
              "were taken.) *Aggregated* includes each user's login.",
              f"<!-- /section:{section} -->"]
    return "\n".join(lines)


def write_doc(result: dict) -> None:
    section = render(result)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    name = _section(result)
    start, end = f"<!-- section:{name} -->", f"<!-- /section:{name} -->"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
