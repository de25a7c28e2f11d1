"""The demo's sample history and term plan, written as an import workbook
(`data/lamdong-lich-su.xlsx`) and loaded through the import, like a province moving in.

All of it is sample data (dữ liệu mẫu), flagged `is_sample`: the report gives only Q1 2026.
- Disbursement of public investment (giải ngân vốn đầu tư công) of the three provinces merged on
  1/7/2025 — Lâm Đồng, Đắk Nông and Bình Thuận (cũ) — year-to-date at the end of each quarter
  from Q1 2021 to Q2 2025, with the share of the Prime Minister's annual plan it reached. The
  indicator declares its history rule: sum; the early warning then reads the merged province's
  seasonal profile from it.
- A 2025–2030 term target (nhiệm kỳ) for universal health insurance coverage, broken down by
  year (the 2026 target is the report's: trên 95%).

`python -m tiendo.demo.history` rewrites the workbook from these rules.
"""

from decimal import Decimal
from pathlib import Path

from tiendo.demo.books import load_book, rewrite

PATH = Path(__file__).resolve().parent / "data" / "lamdong-lich-su.xlsx"
SAMPLE_NOTE = "Dữ liệu mẫu: lịch sử giả lập cho bản chạy thử, không phải số liệu thật."
BASIS = "kế hoạch Thủ tướng giao"
# (unit code, annual plan of 2021 in tỷ đồng, yearly growth of the plan)
PROVINCES = [("ubnd-tinh-lam-dong-cu", 5200, Decimal("0.08")),
             ("ubnd-tinh-dak-nong-cu", 2900, Decimal("0.06")),
             ("ubnd-tinh-binh-thuan-cu", 4600, Decimal("0.07"))]
BASE_SHARES = (Decimal("7.5"), Decimal("29"), Decimal("55"), Decimal("92"))  # % of plan, YTD
TERM = [("2025-2030", ">=", 97), ("2027", ">=", "95.5"), ("2028", ">=", 96),
        ("2029", ">=", "96.5"), ("2030", ">=", 97)]


def _share(year: int, quarter: int, i: int) -> Decimal:
    wobble = Decimal(((year * 7 + quarter * 3 + i * 5) % 5) - 2) * Decimal("0.8")
    return BASE_SHARES[quarter - 1] + wobble


def rows() -> dict[str, list[dict]]:
    figures = []
    for i, (unit, plan0, growth) in enumerate(PROVINCES):
        for year in range(2021, 2026):
            plan = Decimal(plan0) * (1 + growth) ** (year - 2021)
            for q in range(1, 5):
                if year == 2025 and q > 2:
                    break  # merged on 1/7/2025
                share = _share(year, q, i)
                figures.append({
                    "indicator": "giai-ngan-von-dau-tu-cong", "unit": unit,
                    "period": f"{year}-Q{q}",
                    "value": (plan * share / 100).quantize(Decimal("0.1")),
                    "state": "approved", "source": SAMPLE_NOTE, "is_sample": True,
                    "reported": {"attainments": [{"value": float(share), "basis": BASIS}]},
                })
    targets = [{"indicator": "ty-le-bao-hiem-y-te-toan-dan", "unit": "ubnd-tinh", "period": p,
                "bound": b, "value": Decimal(str(v)), "scope": "year" if "-" not in p else "period",
                "programme": "cth-nq-dai-hoi-2025-2030", "note": SAMPLE_NOTE, "is_sample": True}
               for p, b, v in TERM]
    indicators = [{"code": "giai-ngan-von-dau-tu-cong", "name": "Giải ngân vốn đầu tư công",
                   "unit_of_measure": "tỷ đồng", "history_rule": "sum"}]
    return {"Chỉ tiêu": indicators, "Kế hoạch": targets, "Số liệu": figures}


COLUMNS = {
    "Chỉ tiêu": ["code", "name", "unit_of_measure", "history_rule"],
    "Kế hoạch": ["indicator", "unit", "period", "bound", "value", "scope", "programme", "note",
                 "is_sample"],
    "Số liệu": ["indicator", "unit", "period", "value", "state", "source", "reported",
                "is_sample"],
}


def build() -> bytes:
    from tiendo.transfer.workbook import write_workbook

    return write_workbook(rows(), columns=COLUMNS)


def load_history(*, actor) -> dict:
    """Import the workbook (through the import, as an office would); returns its counts."""
    return load_book(PATH, actor=actor)


if __name__ == "__main__":
    rewrite(PATH, build)
