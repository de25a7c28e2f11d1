#!/usr/bin/env python
"""EXPLAIN ANALYZE of each page's main queries, on PostgreSQL.

    DATABASE_URL=postgres://…/tiendo_nation tiendo synth --scale nation    # once
    DATABASE_URL=postgres://…/tiendo_nation python benchmarks/explain.py [--write]

Requests the dashboard, task list, indicator page and unit page (benchmarks/run.py's pages) as
the province office user and, at nation scale, the dashboard as the national user; captures
every query each page makes with its time, and prints the plan of the slowest two (EXPLAIN
(ANALYZE, BUFFERS)). --write puts them in the `explain` section of docs/benchmarks.md.
"""

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tiendo.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from run import PAGES, context, database_label, ensure_static, national_context  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"
SECTION = "explain"
SKIP = ("django_session", "auth_user", "SAVEPOINT", "RELEASE")


def plans_of(ctx, pages, suffix="") -> list[str]:
    client = Client()
    client.force_login(ctx["user"])
    out = []
    for name, urlname, argnames, query, _floor in pages:
        url = reverse(urlname, args=[ctx[a] for a in argnames])
        client.get(url, query)  # warm
        with CaptureQueriesContext(connection) as captured:
            client.get(url, query)
        timed = sorted((q for q in captured.captured_queries
                        if not any(s in q["sql"] for s in SKIP)),
                       key=lambda q: -float(q["time"]))[:2]
        out.append(f"### {name}{suffix} (`{url}`): {len(captured)} queries, the slowest two")
        for q in timed:
            with connection.cursor() as cur:
                cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + q["sql"])
                plan = "\n".join(r[0] for r in cur.fetchall())
            out += ["", f"{float(q['time']) * 1000:.1f} ms:", "```sql", q["sql"][:1500], "```",
                    "```", plan, "```"]
        out.append("")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = ap.parse_args(argv)
    if connection.vendor != "postgresql":
        sys.exit("EXPLAIN ANALYZE here is for PostgreSQL: set DATABASE_URL.")
    from django.conf import settings

    settings.DEBUG = True  # the captured queries carry their SQL with parameters
    ensure_static()
    ctx = context()
    lines = [f"<!-- section:{SECTION} -->",
             "## Query plans (`benchmarks/explain.py`)", "",
             f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M UTC} on {database_label()}, the "
             "synthetic workspace of the largest scale loaded; each page's two slowest queries "
             "(sessions and users left out) with `EXPLAIN (ANALYZE, BUFFERS)`.", ""]
    lines += plans_of(ctx, PAGES)
    national = national_context(ctx)
    if national is not None:
        lines += plans_of(national, PAGES[:1], " (national user)")
    lines.append(f"<!-- /section:{SECTION} -->")
    text = "\n".join(lines)
    print(text)
    if args.write:
        doc = DOC.read_text(encoding="utf-8")
        start, end = f"<!-- section:{SECTION} -->", f"<!-- /section:{SECTION} -->"
        if start in doc and end in doc:
            before, rest = doc.split(start, 1)
            doc = before + text + rest.split(end, 1)[1]
        else:
            doc = doc.rstrip("\n") + "\n\n" + text + "\n"
        DOC.write_text(doc, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
