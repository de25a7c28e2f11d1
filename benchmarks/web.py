#!/usr/bin/env python
"""Server time of the web pages on the demo and on a 10x larger copy of it.

    python benchmarks/web.py [--runs 15] [--no-write]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tiendo_web_bench python benchmarks/web.py

Builds its own workspace (a fresh SQLite file in a temporary TIENDO_HOME unless DATABASE_URL
is set; that database is emptied first): the Lâm Đồng demo, then measures, as the leader
`lanhdao`, the overview (/?period=2026-Q1), the task list (/nhiem-vu/) and the page of the
indicator "Thu ngân sách nhà nước" through Django's test client (whole middleware stack, no
network): median and 90th percentile of --runs requests after 3 warm-up requests, and the
number of queries of one request. Then it adds nine copies of every unit under the same
parents with copies of their targets, figures and tasks (labelled "bản sao đo hiệu năng",
sample data) and measures again. Writes the `web` section of docs/benchmarks.md.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DATABASE_URL"):
    os.environ["TIENDO_HOME"] = tempfile.mkdtemp(prefix="tiendo-web-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tiendo.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"
SECTION = "web"
PASSWORD = "bench-password-123"  # noqa: S105 - a throwaway benchmark workspace
COPIES = 9


def pages() -> dict[str, str]:
    from tiendo.indicators.models import Indicator

    revenue = Indicator.objects.get(code="thu-ngan-sach-nha-nuoc")
    return {"overview": "/?period=2026-Q1", "task list": "/nhiem-vu/",
            "indicator page": f"/chi-tieu/{revenue.pk}/"}


def measure(runs: int) -> dict:
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    assert client.login(username="lanhdao", password=PASSWORD)
    out = {}
    for name, url in pages().items():
        for _ in range(3):
            assert client.get(url).status_code == 200
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        times.sort()
        out[name] = {"median_ms": statistics.median(times),
                     "p90_ms": times[int(0.9 * (len(times) - 1))],
                     "queries": len(ctx.captured_queries), "bytes": len(response.content)}
    return out


def counts() -> dict:
    from tiendo.indicators.models import Figure, Target
    from tiendo.orgs.models import Unit
    from tiendo.tasks.models import Task

    return {"units": Unit.objects.count(), "targets": Target.objects.count(),
            "figures": Figure.objects.count(), "tasks": Task.objects.count()}


@transaction.atomic
def grow(copies: int) -> None:
    """Nine copies of every unit in force, with copies of its targets, figures and tasks. A
    copy sits under its original's parent (a root unit's copy under the root itself), so the
    leader sees ten times the rows."""
    from tiendo.indicators.models import Figure, Target
    from tiendo.orgs.models import Unit
    from tiendo.tasks.models import Task

    originals = list(Unit.objects.filter(valid_to__isnull=True))
    targets = list(Target.objects.all())
    figures = list(Figure.objects.filter(superseded_by=None))
    tasks = list(Task.objects.all())
    for k in range(1, copies + 1):
        twin = {u.pk: Unit.objects.create(
            code=f"{u.code}-bs{k}", name=f"{u.name} (bản sao đo hiệu năng {k})", tree=u.tree,
            kind=u.kind, parent_id=u.parent_id or u.pk, peer_group=u.peer_group,
            is_sample=True) for u in originals}
        Target.objects.bulk_create([
            Target(indicator_id=t.indicator_id, unit=twin[t.unit_id], period=t.period,
                   bound=t.bound, value=t.value, value_high=t.value_high, scope=t.scope,
                   basis=t.basis, is_sample=True)
            for t in targets if t.unit_id in twin])
        Figure.objects.bulk_create([
            Figure(indicator_id=f.indicator_id, unit=twin[f.unit_id], period=f.period,
                   value=f.value, is_estimate=f.is_estimate, change=f.change, state=f.state,
                   is_sample=True)
            for f in figures if f.unit_id in twin])
        Task.objects.bulk_create([
            Task(title=t.title, lead_unit=twin[t.lead_unit_id], deadline=t.deadline,
                 period=t.period, state=t.state, completed_on=t.completed_on,
                 progress=t.progress, programme_id=t.programme_id, is_key=t.is_key,
                 expected_product=t.expected_product, is_sample=True)
            for t in tasks if t.lead_unit_id in twin])


def _replace(doc: str, start: str, end: str, block: str) -> str:
    if start in doc and end in doc:
        return doc[:doc.index(start)] + block + doc[doc.index(end) + len(end):]
    return doc.rstrip() + "\n\n" + block + "\n"


def write_section(text: str, engine: str) -> None:
    """Rewrite this engine's part of the `web` section, keeping the other engine's part."""
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    start, end = f"<!-- section:{SECTION} -->", f"<!-- /section:{SECTION} -->"
    inner = doc[doc.index(start) + len(start):doc.index(end)] if start in doc else ""
    inner = _replace(inner, f"<!-- web:{engine} -->", f"<!-- /web:{engine} -->",
                     f"<!-- web:{engine} -->\n{text.rstrip()}\n<!-- /web:{engine} -->")
    DOC.write_text(_replace(doc, start, end, f"{start}\n{inner.strip()}\n{end}"),
                   encoding="utf-8")


def table(result: dict) -> list[str]:
    lines = ["| page | median | p90 | queries | HTML |", "|---|---|---|---|---|"]
    for name, r in result.items():
        lines.append(f"| {name} | {r['median_ms']:.1f} ms | {r['p90_ms']:.1f} ms | "
                     f"{r['queries']} | {r['bytes'] / 1024:.0f} KB |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    from tiendo.demo.loader import load_demo

    if os.environ.get("DATABASE_URL"):
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", interactive=False, verbosity=0)
    load_demo(password=PASSWORD)
    engine = connection.vendor
    demo_counts, demo = counts(), measure(args.runs)
    grow(COPIES)
    big_counts, big = counts(), measure(args.runs)

    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## Web pages ({engine})", "",
        f"Measured {stamp} on CPython {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, by `python benchmarks/web.py` ({engine}). Server time through "
        f"Django's test client as the leader `lanhdao` (whole middleware stack, no network); "
        f"median and 90th percentile of {args.runs} requests after 3 warm-ups.", "",
        "Demo (" + ", ".join(f"{v} {k}" for k, v in demo_counts.items()) + "):", "",
        *table(demo), "",
        f"10× sample: the demo plus {COPIES} copies of every unit with its targets, figures and "
        "tasks (" + ", ".join(f"{v} {k}" for k, v in big_counts.items()) + "):", "",
        *table(big), "",
        "Target: under 100 ms server time on the demo.",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section(text, engine)


if __name__ == "__main__":
    main()
