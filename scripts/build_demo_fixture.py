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


def main(gold_path: str, out_path: str) -> None:
    with open(gold_path.replace(".gold.jsonl", ".txt"), encoding="utf-8") as f:
        report = f.read()
    with open(gold_path, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    indicators, figures, targets = {}, {}, []
    code_of: dict[int, str] = {}
    for i, st in enumerate(gold):
        if i in SKIP:
            continue
        nums = st["numbers"]
        actuals = [n for n in nums if n["role"] in ("actual", "part")]
        changes = [n for n in nums if n["role"] == "change"]
        tgts = [n for n in nums if n["role"] == "target"]
        if st["period"] == "2026-Q2" or i in Q2_OF:
            code = code_of.get(Q2_OF.get(i, -1))
            if code is None:
                code = slug(st["indicator"])
                n = tgts[0]
                indicators[code] = {
                    "code": code, "name": st["indicator"], "unit_of_measure": n["unit"],
                    "direction": "lower" if n.get("bound") in ("<", "<=") else "higher",
                    "field": field_of(Q2_OF.get(i, i)), "is_cumulative": False,
                    "is_key": False, "source": f"Mục B, dòng gold {i + 1}",
                }
            for n in tgts:
                targets.append({"indicator": code, "period": "2026-Q2", "value": num(n),
                                "bound": n.get("bound", "="), "scope": "period",
                                "source_text": n["text"]})
            continue
        if i in SAME_AS:
            code = code_of[SAME_AS[i]]
            fig = figures[code]
            for n in changes:
                if not any(abs(c["value"] - num(n)) < 1e-9 for c in fig["reported"]["changes"]):
                    fig["reported"]["changes"].append(_change(n))
            continue
        name = st["indicator"]
        unit_of_measure = (actuals[0]["unit"] if actuals else "%")
        value_only_change = not actuals and changes
        if value_only_change:
            # A statement that gives only a change becomes a growth-rate indicator.
            n = changes[0]
            unit_of_measure = "%" if n["unit"] == "%" else n["unit"]
            name = f"{name} (so với cùng kỳ)"
        if st["period"] == "2026":
            code = slug(name)
            indicators[code] = {"code": code, "name": name, "unit_of_measure": tgts[0]["unit"],
                                "direction": "higher", "field": "kinh_te",
                                "is_cumulative": False, "is_key": False,
                                "source": f"Mục A, dòng gold {i + 1}"}
            for n, basis in zip(tgts, ("kế hoạch Thủ tướng giao", "kế hoạch HĐND tỉnh giao"),
                                strict=False):
                targets.append({"indicator": code, "period": "2026", "value": num(n),
                                "bound": "=", "scope": "year", "basis": basis,
                                "source_text": n["text"]})
            code_of[i] = code
            continue
        code = slug(name)
        while code in indicators:
            code += "-2"
        code_of[i] = code
        indicators[code] = {
            "code": code, "name": name, "unit_of_measure": unit_of_measure,
            "direction": "lower" if LOWER.search(name) and not HANDLED.search(name) else "higher",
            "field": field_of(i), "is_cumulative": bool(CUMULATIVE.search(name)),
            "is_key": i in KEY, "owner": "party" if i in PARTY else "state",
            "source": f"Mục A, dòng gold {i + 1}",
        }
        if value_only_change:
            n = changes[0]
            value = num(n) * (-1 if n.get("direction") == "down" else 1)
            rest = changes[1:]
        else:
            value, rest = num(actuals[0]), changes
        reported = {"changes": [_change(n) for n in rest], "attainments": [],
                    "other_actuals": [], "status": st["status"]}
        for n in nums:
            if n["role"] == "attainment":
                reported["attainments"].append({"value": num(n), "basis": n.get("basis", "")})
        for n in actuals[1:]:
            reported["other_actuals"].append({"value": num(n), "unit": n["unit"],
                                              "basis": n.get("basis", ""),
                                              "role": n["role"]})
        change = None
        for c in reported["changes"]:
            if c["unit"] == "%" and "cùng kỳ" in c["basis"]:
                change = c["signed"]
                break
        first = (actuals or changes)[0]
        is_estimate = bool(ESTIMATE.search(report, max(0, first["start"] - 20), first["start"]))
        figures[code] = {"indicator": code, "period": "2026-Q1", "value": value,
                         "bound": actuals[0].get("bound", "") if actuals else "",
                         "change": change, "is_estimate": is_estimate, "reported": reported,
                         "source_text": actuals[0]["text"] if actuals else changes[0]["text"]}
        for n in tgts:
            if n.get("scope") == "year":
                targets.append({"indicator": code, "period": "2026", "value": num(n),
                                "bound": n.get("bound", "="), "scope": "year",
                                "source_text": n["text"]})
            else:
                targets.append({"indicator": code, "period": "2026-Q1", "value": num(n),
                                "bound": n.get("bound", "="), "scope": "period",
                                "source_text": n["text"]})
    out = {
        "source": "Báo cáo tình hình thực hiện nhiệm vụ quý I và phương hướng, nhiệm vụ trọng "
                  "tâm quý II/2026 của Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng "
                  "(lamdong-2026q1-report.txt); chỉ tiêu, số liệu và kế hoạch lấy từ báo cáo.",
        "indicators": list(indicators.values()),
        "figures": list(figures.values()),
        "targets": targets,
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    print(f"{len(indicators)} indicators, {len(figures)} figures, {len(targets)} targets")


def _change(n: dict) -> dict:
    sign = -1 if n.get("direction") == "down" else 1
    return {"value": num(n), "signed": num(n) * sign, "unit": n["unit"],
            "basis": n.get("basis", ""), "direction": n.get("direction", "up")}


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "tiendo/demo/data/lamdong-2026q1.json")
