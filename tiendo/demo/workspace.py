"""The demo's workspace as an import workbook (`data/lamdong-2026q1.xlsx`): the units (both
trees, the provinces merged on 1/7/2025 with their successor), the two documents, the report's
indicators, targets and figures, and the tasks of Q1 and Q2. `tiendo demo` loads it through
the import, as a province moving in would; the people and what they did afterwards (figures
submitted and approved, tasks reported done and accepted, progress notes) are then played by
tiendo.demo.loader through the services, with their dates.

The rows come from units.py and the report's extraction (`lamdong-2026q1.json`);
`python -m tiendo.demo.workspace` rewrites the workbook from them, and a test checks the
stored workbook is what they give.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from tiendo.demo.books import load_book, rewrite
from tiendo.demo.units import Q1_TASKS, Q2_TASKS, UNITS

DATA = Path(__file__).resolve().parent / "data"
SOURCE = DATA / "lamdong-2026q1.json"
PATH = DATA / "lamdong-2026q1.xlsx"
SAMPLE = "dữ liệu mẫu"
REPORT_DOC, ACTION_DOC = "bc-quy-i-2026", "cth-nq-dai-hoi-2025-2030"
PARTY_OWNER, STATE_OWNER = "dang-uy-ubnd-tinh", "ubnd-tinh"


def _d(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def owner_of(indicator: dict) -> str:
    """The unit that reports an indicator of the report: the Đảng ủy or the UBND tỉnh."""
    return PARTY_OWNER if indicator.get("owner") == "party" else STATE_OWNER


def _units() -> list[dict]:
    return [{"code": code, "name": name, "tree": tree, "kind": kind, "parent": parent,
             "peer_group": peer, "is_sample": sample, "valid_from": _d(vfrom),
             "valid_to": _d(vto), "successors": succ}
            for (code, name, tree, kind, parent, peer, sample, vfrom, vto, succ) in UNITS]


def _programmes(source: str) -> list[dict]:
    return [
        {"code": REPORT_DOC, "kind": "bao_cao", "period": "2026-Q1",
         "title": "Báo cáo tình hình thực hiện nhiệm vụ quý I và phương hướng, nhiệm vụ trọng "
                  "tâm quý II/2026 của Đảng ủy Ủy ban nhân dân tỉnh",
         "issuing_unit": PARTY_OWNER, "source_note": source},
        {"code": ACTION_DOC, "kind": "chuong_trinh_hanh_dong", "term_start": 2025,
         "term_end": 2030, "issuing_unit": PARTY_OWNER,
         "title": "Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh và Nghị "
                  "quyết Đại hội Đảng bộ UBND tỉnh nhiệm kỳ 2025 - 2030",
         "source_note": "Nêu tại mục B của báo cáo quý I/2026."},
    ]


def _tasks() -> list[dict]:
    q1 = [{"code": code, "title": title, "lead_unit": lead, "deadline": _d(deadline),
           "expected_product": product, "programme": ACTION_DOC, "period": "2026-Q1",
           "start_date": date(2026, 1, 5), "is_sample": True, "is_key": True,
           "source_note": f"Nhiệm vụ quý I ({SAMPLE}); báo cáo nêu 06 nhiệm vụ hoàn thành "
                          "đúng tiến độ và 03 nhiệm vụ đến hạn chưa hoàn thành."}
          for code, title, deadline, _done_on, lead, product in Q1_TASKS]
    q2 = [{"code": code, "title": title, "lead_unit": lead, "deadline": _d(deadline),
           "expected_product": product, "is_key": key, "programme": ACTION_DOC,
           "period": "2026-Q2", "start_date": date(2026, 4, 1), "coordinating_units": coord,
           "is_sample": True,
           "source_note": f"Báo cáo quý I/2026, mục {section}; đơn vị chủ trì: {SAMPLE}."}
          for code, title, deadline, product, key, lead, coord, section in Q2_TASKS]
    return q1 + q2


def rows() -> dict[str, list[dict]]:
    data = json.loads(SOURCE.read_text(encoding="utf-8"))
    owners = {row["code"]: owner_of(row) for row in data["indicators"]}
    indicators = [
        {"code": row["code"], "name": row["name"], "unit_of_measure": row["unit_of_measure"],
         "direction": row["direction"], "field": row["field"],
         "is_cumulative": row["is_cumulative"], "is_key": row["is_key"],
         "rollup": "sum" if row["is_cumulative"] else "none", "sort_order": order,
         "programme": REPORT_DOC,
         "description": f"Nguồn: {row['source']} của báo cáo quý I/2026."}
        for order, row in enumerate(data["indicators"], start=1)]
    targets = [
        {"indicator": t["indicator"], "unit": owners[t["indicator"]], "period": t["period"],
         "value": Decimal(str(t["value"])), "bound": t["bound"], "scope": t["scope"],
         "basis": t.get("basis", ""),
         "programme": ACTION_DOC if t["period"] != "2026-Q1" else REPORT_DOC,
         "note": f"Báo cáo ghi “{t['source_text']}”."}
        for t in data["targets"]]
    # drafts: the focal point submits them and the office approves them (loader.py)
    figures = [
        {"indicator": f["indicator"], "unit": owners[f["indicator"]], "period": f["period"],
         "value": Decimal(str(f["value"])), "is_estimate": f["is_estimate"],
         "change": Decimal(str(f["change"])) if f["change"] is not None else None,
         "state": "draft", "reported": f["reported"],
         "source": f"Báo cáo quý I/2026: “{f['source_text']}”"}
        for f in data["figures"]]
    return {"Đơn vị": _units(), "Văn bản": _programmes(data["source"]),
            "Chỉ tiêu": indicators, "Kế hoạch": targets, "Số liệu": figures,
            "Nhiệm vụ": _tasks()}


COLUMNS = {
    "Đơn vị": ["code", "name", "tree", "kind", "parent", "peer_group", "valid_from", "valid_to",
               "successors", "is_sample"],
    "Văn bản": ["code", "title", "kind", "term_start", "term_end", "period", "issuing_unit",
                "source_note"],
    "Chỉ tiêu": ["code", "name", "unit_of_measure", "direction", "rollup", "is_cumulative",
                 "field", "programme", "is_key", "sort_order", "description"],
    "Kế hoạch": ["indicator", "unit", "period", "bound", "value", "scope", "basis",
                 "programme", "note"],
    "Số liệu": ["indicator", "unit", "period", "value", "is_estimate", "change", "state",
                "source", "reported"],
    "Nhiệm vụ": ["code", "title", "lead_unit", "coordinating_units", "programme", "period",
                 "start_date", "deadline", "expected_product", "is_key", "description",
                 "source_note", "is_sample"],
}


def build() -> bytes:
    from tiendo.transfer.workbook import write_workbook

    return write_workbook(rows(), columns=COLUMNS)


def load_workspace(*, actor) -> dict:
    """Import the workbook as ``actor`` (the administrator); returns its counts."""
    return load_book(PATH, actor=actor)


if __name__ == "__main__":
    rewrite(PATH, build)
