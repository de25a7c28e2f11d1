#!/usr/bin/env python3
"""Build tiendo/demo/data/lamdong-2026q1.json from the report's hand-made answer.

Run once by a developer (it reads ../shared/data, which nothing in tiendo reads at run
or test time):

    python scripts/build_demo_fixture.py ../shared/data/lamdong-2026q1-report.gold.jsonl

Each gold statement of the report becomes an indicator of the catalogue with its Q1 2026
figure (actual, reported change and attainments) and plans, or a Q2 2026 target of section B.
Statements that repeat an indicator already read (the report states some figures twice)
are merged into the first. The curation below (codes, directions, merges) is by hand.
"""

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field

# Which gold statements (by line) repeat an earlier one: line -> line of the first.
SAME_AS = {50: 7, 57: 9, 58: 10, 72: 6, 154: 6, 157: 0, 158: 8, 83: 15, 85: 16, 88: 14}
# Section B targets of indicators that already exist: line -> line of the Q1 statement.
Q2_OF = {161: 1, 166: 3, 171: 7, 172: 9, 173: 10, 176: 6, 177: 73, 178: 74, 184: 13,
         186: 14, 189: 11, 190: 12}
SKIP = {155, 156, 159, 160, 162, 168, 61, 86}  # task counts (tasks hold them), names of sizes
PARTY = set(range(127, 154))  # statements of the Party committee's own work (section A.II)
LOWER = re.compile(
    r"vi phạm|phá rừng|thiệt hại|giải thể|tai nạn|bị thương|chết|phạm tội|nợ xấu|dịch tả|"
    r"tiêu hủy|sai phạm|kỷ luật|ra khỏi đảng|khiếu nại|tố cáo|đông người", re.I)
ESTIMATE = re.compile(r"(?<!\w)ước(?!\w)")
HANDLED = re.compile(r"xử lý|giải quyết|thụ lý|thu nộp|tiếp nhận", re.I)
FIELDS = [
    (range(0, 11), "kinh_te"), (range(11, 18), "xa_hoi"), (range(18, 80), "kinh_te"),
    (range(80, 86), "moi_truong"), (range(86, 96), "xa_hoi"), (range(96, 118), "noi_chinh"),
    (range(118, 127), "chinh_quyen"), (range(127, 160), "xay_dung_dang"),
]
CUMULATIVE = re.compile(r"^(thu |tổng chi|giải ngân|tổng kim ngạch|kim ngạch|tổng mức bán lẻ|"
                        r"tổng lượng khách|khách quốc tế|doanh thu)", re.I)
KEY = {0, 6, 7, 8, 9, 13, 14, 17, 133}


def slug(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:60]


def field_of(i: int) -> str:
    for rng, f in FIELDS:
        if i in rng:
            return f
    return "kinh_te"


def num(n: dict) -> float | int:
    v = n["value"]
    return int(v) if float(v).is_integer() else v


@dataclass
class Catalogue:
    """The fixture as it is filled, statement by statement; ``code_of`` maps a gold line to the
    code of the indicator it was read into."""

    indicators: dict[str, dict] = field(default_factory=dict)
    figures: dict[str, dict] = field(default_factory=dict)
    targets: list[dict] = field(default_factory=list)
    code_of: dict[int, str] = field(default_factory=dict)


def main(gold_path: str, out_path: str) -> None:
    with open(gold_path.replace(".gold.jsonl", ".txt"), encoding="utf-8") as f:
        report = f.read()
    with open(gold_path, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    cat = Catalogue()
    for i, st in enumerate(gold):
        if i in SKIP:
            continue
        if st["period"] == "2026-Q2" or i in Q2_OF:
            add_next_quarter_targets(cat, i, st)
        elif i in SAME_AS:
            merge_repeat(cat, i, st)
        elif st["period"] == "2026":
            add_year_plans(cat, i, st)
        else:
            add_quarter_figure(cat, i, st, report)
    out = {
        "source": "Báo cáo tình hình thực hiện nhiệm vụ quý I và phương hướng, nhiệm vụ trọng "
                  "tâm quý II/2026 của Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng "
                  "(lamdong-2026q1-report.txt); chỉ tiêu, số liệu và kế hoạch lấy từ báo cáo.",
        "indicators": list(cat.indicators.values()),
        "figures": list(cat.figures.values()),
        "targets": cat.targets,
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    print(f"{len(cat.indicators)} indicators, {len(cat.figures)} figures, "
          f"{len(cat.targets)} targets")


def numbers_of(st: dict, *roles: str) -> list[dict]:
    return [n for n in st["numbers"] if n["role"] in roles]


def add_next_quarter_targets(cat: Catalogue, i: int, st: dict) -> None:
    """A section B target: of the Q1 indicator it continues, or of a new indicator."""
    tgts = numbers_of(st, "target")
    code = cat.code_of.get(Q2_OF.get(i, -1))
    if code is None:
        code = slug(st["indicator"])
        n = tgts[0]
        cat.indicators[code] = {
            "code": code, "name": st["indicator"], "unit_of_measure": n["unit"],
            "direction": "lower" if n.get("bound") in ("<", "<=") else "higher",
            "field": field_of(Q2_OF.get(i, i)), "is_cumulative": False,
            "is_key": False, "source": f"Mục B, dòng gold {i + 1}",
        }
    for n in tgts:
        cat.targets.append({"indicator": code, "period": "2026-Q2", "value": num(n),
                            "bound": n.get("bound", "="), "scope": "period",
                            "source_text": n["text"]})


def merge_repeat(cat: Catalogue, i: int, st: dict) -> None:
    """A statement repeating an earlier one adds only the changes the first did not give."""
    fig = cat.figures[cat.code_of[SAME_AS[i]]]
    for n in numbers_of(st, "change"):
        if not any(abs(c["value"] - num(n)) < 1e-9 for c in fig["reported"]["changes"]):
            fig["reported"]["changes"].append(_change(n))


def name_and_unit(st: dict) -> tuple[str, str]:
    """The indicator's name and unit; a statement that gives only a change becomes a
    growth-rate indicator ("… (so với cùng kỳ)")."""
    actuals, changes = numbers_of(st, "actual", "part"), numbers_of(st, "change")
    if not actuals and changes:
        n = changes[0]
        return f"{st['indicator']} (so với cùng kỳ)", "%" if n["unit"] == "%" else n["unit"]
    return st["indicator"], actuals[0]["unit"] if actuals else "%"


def add_year_plans(cat: Catalogue, i: int, st: dict) -> None:
    """A year's plan (the Prime Minister's and the provincial council's) of a new indicator."""
    tgts = numbers_of(st, "target")
    name, _unit = name_and_unit(st)
    code = slug(name)
    cat.indicators[code] = {"code": code, "name": name, "unit_of_measure": tgts[0]["unit"],
                            "direction": "higher", "field": "kinh_te",
                            "is_cumulative": False, "is_key": False,
                            "source": f"Mục A, dòng gold {i + 1}"}
    for n, basis in zip(tgts, ("kế hoạch Thủ tướng giao", "kế hoạch HĐND tỉnh giao"),
                        strict=False):
        cat.targets.append({"indicator": code, "period": "2026", "value": num(n),
                            "bound": "=", "scope": "year", "basis": basis,
                            "source_text": n["text"]})
    cat.code_of[i] = code


def add_quarter_figure(cat: Catalogue, i: int, st: dict, report: str) -> None:
    """A Q1 statement: a new indicator, its Q1 2026 figure and the plans stated with it."""
    name, unit_of_measure = name_and_unit(st)
    code = slug(name)
    while code in cat.indicators:
        code += "-2"
    cat.code_of[i] = code
    cat.indicators[code] = {
        "code": code, "name": name, "unit_of_measure": unit_of_measure,
        "direction": "lower" if LOWER.search(name) and not HANDLED.search(name) else "higher",
        "field": field_of(i), "is_cumulative": bool(CUMULATIVE.search(name)),
        "is_key": i in KEY, "owner": "party" if i in PARTY else "state",
        "source": f"Mục A, dòng gold {i + 1}",
    }
    cat.figures[code] = figure_of(code, st, report)
    for n in numbers_of(st, "target"):
        year = n.get("scope") == "year"
        cat.targets.append({"indicator": code, "period": "2026" if year else "2026-Q1",
                            "value": num(n), "bound": n.get("bound", "="),
                            "scope": "year" if year else "period", "source_text": n["text"]})


def figure_of(code: str, st: dict, report: str) -> dict:
    """The Q1 figure of a statement: its actual (or its change, for a growth rate), the
    other changes, attainments and actuals as reported, and whether the report says "ước"."""
    actuals, changes = numbers_of(st, "actual", "part"), numbers_of(st, "change")
    if not actuals and changes:
        n = changes[0]
        value = num(n) * (-1 if n.get("direction") == "down" else 1)
        rest = changes[1:]
    else:
        value, rest = num(actuals[0]), changes
    reported = {"changes": [_change(n) for n in rest],
                "attainments": [{"value": num(n), "basis": n.get("basis", "")}
                                for n in numbers_of(st, "attainment")],
                "other_actuals": [{"value": num(n), "unit": n["unit"],
                                   "basis": n.get("basis", ""), "role": n["role"]}
                                  for n in actuals[1:]],
                "status": st["status"]}
    change = next((c["signed"] for c in reported["changes"]
                   if c["unit"] == "%" and "cùng kỳ" in c["basis"]), None)
    first = (actuals or changes)[0]
    is_estimate = bool(ESTIMATE.search(report, max(0, first["start"] - 20), first["start"]))
    return {"indicator": code, "period": "2026-Q1", "value": value,
            "bound": actuals[0].get("bound", "") if actuals else "",
            "change": change, "is_estimate": is_estimate, "reported": reported,
            "source_text": actuals[0]["text"] if actuals else changes[0]["text"]}


def _change(n: dict) -> dict:
    sign = -1 if n.get("direction") == "down" else 1
    return {"value": num(n), "signed": num(n) * sign, "unit": n["unit"],
            "basis": n.get("basis", ""), "direction": n.get("direction", "up")}


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "tiendo/demo/data/lamdong-2026q1.json")
