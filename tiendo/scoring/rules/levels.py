"""The four levels (best first), the readings of the quota and the numbers the engine rounds
with."""

from __future__ import annotations

from decimal import Decimal

XUAT_SAC = "xuat_sac"
TOT = "tot"
HOAN_THANH = "hoan_thanh"
KHONG_HOAN_THANH = "khong_hoan_thanh"
LEVELS = (XUAT_SAC, TOT, HOAN_THANH, KHONG_HOAN_THANH)  # best first
LEVEL_RANK = {lv: i for i, lv in enumerate(LEVELS)}
LEVEL_LABELS = {
    XUAT_SAC: "Hoàn thành xuất sắc nhiệm vụ",
    TOT: "Hoàn thành tốt nhiệm vụ",
    HOAN_THANH: "Hoàn thành nhiệm vụ",
    KHONG_HOAN_THANH: "Không hoàn thành nhiệm vụ",
}
LEVEL_SHORT = {XUAT_SAC: "HTXSNV", TOT: "HTTNV", HOAN_THANH: "HTNV", KHONG_HOAN_THANH: "KHTNV"}

OF_TOT = "of_tot"
OF_TOT_OR_BETTER = "of_tot_or_better"
NO_QUOTA = "none"
QUOTA_READINGS = (OF_TOT, OF_TOT_OR_BETTER, NO_QUOTA)

TWO_PLACES = Decimal("0.01")
ZERO = Decimal(0)
ZERO_POINTS = Decimal("0.00")
