"""Benchmark of the extraction engine: the sample report, and throughput on long text.

    python benchmarks/extraction.py [--runs 15] [--mb 2] [--no-write]

1. ``extract()`` on the sample report (a copy in tiendo/extraction/tests/data): median of
   --runs runs, after one warm-up run. Target: under 100 ms.
2. Throughput: ``extract()`` on about --mb MB of generated report prose (sentences built from
   varied templates, units and numbers, fixed seed), median of 3 runs. Target: ≥ 1 MB/s.

Prints the figures and writes them to the ``extraction`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tiendo.extraction.engine import extract  # noqa: E402
from tiendo.lib.vn_numbers import format_vn_number  # noqa: E402

REPORT = ROOT / "tiendo/extraction/tests/data/lamdong-2026q1-report.txt"
DOC = ROOT / "docs/benchmarks.md"

SUBJECTS = [
    "Thu ngân sách nhà nước", "Tổng chi ngân sách địa phương", "Kim ngạch xuất khẩu",
    "Tổng mức bán lẻ hàng hóa", "Vốn đầu tư toàn xã hội", "Dư nợ tín dụng",
    "Sản lượng thủy sản", "Diện tích cây lâu năm", "Tổng lượt khách du lịch",
]
UNITS = ["tỷ đồng", "triệu USD", "tấn", "ha", "nghìn lượt khách", "triệu đồng"]
COUNTS = ["doanh nghiệp", "vụ", "dự án", "đảng viên", "hộ", "đơn", "lượt", "trường hợp"]
TEMPLATES = [
    "- {s} ước đạt {a} {u} (KH: {b} {u}, {v}), bằng {p}% dự toán, tăng {c}% so với cùng kỳ.",
    "{s} quý {q}/{y} đạt {a} {u}, giảm {c}% so cùng kỳ; trong đó khu vực {q} đạt {b} {u}.",
    "Toàn tỉnh có {n} {k} được xử lý, tăng {m} {k} ({c}%) so với cùng kỳ năm {y0}.",
    "Tỷ lệ {k} hoàn thành đạt {p}% (KH cả năm >{p2}%; KH quý {q}: {c}%).",
    "Đã hoàn thành {n}/{n2} {k} theo Quyết định số {n}/QĐ-UBND ngày {d}/{mo}/{y}.",
    "Phấn đấu {s} quý {q} đạt {a} {u}; tỷ lệ nợ xấu không quá {c}%.",
    "Cấp mới {n} {k} với tổng vốn trên {a} tỷ đồng, chiếm {p}% tổng số.",
]
# Prose without figures, as most lines of a real report are (the sample report has about 8
# number tokens per KB; the generated text is kept near that density, see the doc).
PROSE = [
    "Tập trung tháo gỡ khó khăn, vướng mắc cho {k} trong công tác đền bù, giải phóng mặt bằng, "
    "bảo đảm tiến độ các công trình trọng điểm và nâng cao hiệu quả sử dụng vốn.",
    "Công tác cải cách hành chính tiếp tục được chỉ đạo quyết liệt, kỷ luật, kỷ cương hành chính "
    "được tăng cường; việc giải quyết thủ tục cho người dân và doanh nghiệp thuận lợi hơn.",
    "Tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững; các lực lượng chức năng "
    "chủ động nắm chắc tình hình, xử lý kịp thời các vụ việc phát sinh ngay từ cơ sở.",
    "Các sở, ban, ngành và địa phương tiếp tục rà soát, hoàn thiện hồ sơ {k}, đẩy mạnh ứng dụng "
    "công nghệ thông tin và chuyển đổi số trong quản lý, điều hành.",
    "Hoạt động văn hóa, thể thao, thông tin tuyên truyền diễn ra sôi nổi, góp phần tạo không khí "
    "phấn khởi trong Nhân dân và cổ vũ phong trào thi đua yêu nước.",
    "Bên cạnh kết quả đạt được, vẫn còn một số hạn chế như tiến độ thực hiện {k} còn chậm, "
    "năng lực của một số nhà đầu tư chưa đáp ứng yêu cầu.",
]
ROMAN = ["I", "II", "III", "IV"]


def _num(rng: random.Random, low: float, high: float, decimals: int) -> str:
    return format_vn_number(round(rng.uniform(low, high), decimals), decimals or None)


def generated_text(target_bytes: int, seed: int = 2026) -> str:
    rng = random.Random(seed)
    lines, size = [], 0
    while size < target_bytes:
        template = rng.choice(PROSE) if rng.random() < 0.6 else rng.choice(TEMPLATES)
        line = template.format(
            s=rng.choice(SUBJECTS), u=rng.choice(UNITS), k=rng.choice(COUNTS),
            a=_num(rng, 10, 900000, rng.choice([0, 1, 2])), b=_num(rng, 10, 90000, 1),
            c=_num(rng, 0.1, 40, 2), p=_num(rng, 5, 130, 1), p2=rng.randint(50, 99),
            n=rng.randint(2, 2000), n2=rng.randint(2000, 4000), m=rng.randint(1, 50),
            q=rng.choice(ROMAN), y=rng.randint(2020, 2030), y0=rng.randint(2019, 2025),
            d=rng.randint(1, 28), mo=rng.randint(1, 12),
            v=rng.choice(["đạt", "không đạt", "vượt", "chưa đạt"]),
        )
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(lines)


def density(text: str) -> float:
    """Number tokens per KB (how much work per byte the engine has)."""
    from tiendo.extraction.engine.numbers import find_numbers

    return len(find_numbers(text)) / (len(text.encode("utf-8")) / 1024)


def _median_seconds(fn, runs: int) -> tuple[float, float]:
    """(median wall-clock seconds, median CPU seconds) over ``runs`` runs after a warm-up."""
    fn()  # warm-up (regex compilation, imports)
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def write_section(body: str) -> None:
    begin, end = "<!-- section:extraction -->", "<!-- /section:extraction -->"
    block = f"{begin}\n{body.rstrip()}\n{end}\n"
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    if begin in old and end in old:
        new = re.sub(re.escape(begin) + r".*?" + re.escape(end) + r"\n?", lambda _: block, old,
                     flags=re.S)
    else:
        new = old + ("\n" if old and not old.endswith("\n") else "") + ("\n" if old else "")
        new += block
    DOC.write_text(new, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()

    report = REPORT.read_text(encoding="utf-8")
    report_kb = len(report.encode("utf-8")) / 1024
    statements = extract(report)
    report_s, report_cpu = _median_seconds(lambda: extract(report), args.runs)

    long_text = generated_text(int(args.mb * 1024 * 1024))
    long_mb = len(long_text.encode("utf-8")) / (1024 * 1024)
    long_statements = len(extract(long_text))
    long_s, long_cpu = _median_seconds(lambda: extract(long_text), 3)

    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows = [
        f"| sample report, {len(statements)} statements | {report_kb:.0f} KB "
        f"| {report_s * 1000:.1f} ms | {report_cpu * 1000:.1f} ms | — | < 100 ms |",
        f"| generated prose, {long_statements} statements | {long_mb:.2f} MB "
        f"| {long_s:.2f} s | {long_cpu:.2f} s "
        f"| {long_mb / long_s:.2f} MB/s ({long_mb / long_cpu:.2f} MB/s CPU) | ≥ 1 MB/s |",
    ]
    body = f"""## Extraction (report reading)

Measured {now} on CPython {platform.python_version()}, {platform.machine()}, by
`python benchmarks/extraction.py`: `extract()` median of {args.runs} runs on the sample report
and of 3 runs on the long text, wall clock and CPU time of the process (the machine's 2 cores
are shared; load average {load:.1f} when measured).

| text | size | wall (median) | CPU (median) | throughput | target |
|---|---|---|---|---|---|
{rows[0]}
{rows[1]}

The long text mixes 7 sentence templates with figures (plans, changes, parts, bounds,
document numbers and dates to leave out; random units and Vietnamese-written numbers) and 6
sentences of plain prose, 40/60, seed 2026: {density(long_text):.1f} number tokens per KB,
against {density(report):.1f} in the sample report.
"""
    print(body)
    if not args.no_write:
        write_section(body)
        print("written to docs/benchmarks.md (section extraction)")


if __name__ == "__main__":
    main()
