"""Request and response shapes of the API (they make the OpenAPI schema)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema


class ErrorItem(Schema):
    field: str | None = None
    message: str


class Error(Schema):
    detail: str = Field(description="Thông báo lỗi (tiếng Việt; tiếng Anh với "
                                    "Accept-Language: en)")
    code: str
    errors: list[ErrorItem] = []


class Page(Schema):
    count: int
    limit: int
    offset: int


class UnitOut(Schema):
    code: str
    name: str
    short_name: str
    tree: str
    kind: str
    parent: str | None
    depth: int
    valid_from: date | None
    valid_to: date | None


class UnitPage(Page):
    items: list[UnitOut]


class IndicatorOut(Schema):
    code: str
    name: str
    unit_of_measure: str
    direction: str
    rollup: str
    frequency: str
    is_cumulative: bool
    field: str
    parent: str | None
    is_key: bool


class IndicatorPage(Page):
    items: list[IndicatorOut]


class TargetOut(Schema):
    id: int
    indicator: str
    unit: str
    period: str
    bound: str
    value: float
    value_high: float | None
    scope: str
    basis: str


class TargetPage(Page):
    items: list[TargetOut]


class FigureRowOut(Schema):
    figure_id: int | None
    indicator: str
    indicator_name: str
    unit_of_measure: str
    unit: str
    unit_name: str
    period: str
    plan: float | None
    plan_bound: str | None
    actual: float | None
    is_estimate: bool
    figure_state: str | None
    attainment: float | None
    change: float | None
    verdict: str | None = Field(description="exceeded, achieved, not_achieved hoặc null")
    status: str | None = Field(description="achieved (đạt hoặc vượt), not_achieved hoặc null")
    explanation: str


class FigureRowPage(Page):
    items: list[FigureRowOut]


class FigureOut(Schema):
    id: int
    indicator: str
    unit: str
    period: str
    value: float
    is_estimate: bool
    change: float | None
    state: str
    version: int
    note: str
    submitted_at: datetime | None


class FigureIn(Schema):
    indicator: str = Field(description="Mã chỉ tiêu", min_length=1, max_length=64)
    unit: str = Field(description="Mã đơn vị báo cáo", min_length=1, max_length=64)
    period: str = Field(description="Kỳ: 2026-Q1, 2026-04, 2026…", min_length=1,
                        max_length=32)
    value: Decimal = Field(max_digits=20, decimal_places=4, allow_inf_nan=False)
    is_estimate: bool = False
    change: Decimal | None = Field(None, max_digits=12, decimal_places=4, allow_inf_nan=False)
    note: str = Field("", max_length=5000)
    submit: bool = Field(True, description="Gửi duyệt ngay (mặc định) hay chỉ lưu nháp")
    expected_version: int | None = Field(
        None, ge=0, le=2_147_483_647,
        description="Phiên bản đang sửa (0 khi tạo mới); bắt buộc, hoặc gửi If-Match")


class TaskOut(Schema):
    id: int
    code: str | None
    title: str
    lead_unit: str
    lead_unit_name: str
    coordinating_units: list[str]
    programme: str | None
    period: str | None
    deadline: date | None
    deadline_in_force: date | None
    progress: int
    state: str
    status: str
    days_overdue: int
    completed_on: date | None
    is_key: bool
    expected_product: str
    version: int


class TaskPage(Page):
    items: list[TaskOut]


class ProgressIn(Schema):
    percent: int = Field(ge=0, le=100)
    note: str = Field("", max_length=5000)
    expected_version: int | None = Field(
        None, ge=1, le=2_147_483_647,
        description="Phiên bản nhiệm vụ đang sửa; bắt buộc, hoặc gửi If-Match")


class ProgressOut(Schema):
    id: int
    task: int
    percent: int
    note: str
    created_at: datetime
    task_version: int


class MeOut(Schema):
    username: str
    full_name: str
    roles: list[str]
    units: list[str]
    token: str = Field(description="Tiền tố của khóa đang dùng")


class RatingOut(Schema):
    id: int
    unit: str
    unit_name: str
    period: str
    framework: str
    peer_group: str
    score: float | None
    proposed_level: str = Field(description="xuat_sac, tot, hoan_thanh, khong_hoan_thanh "
                                            "hoặc rỗng")
    level: str = Field(description="Mức đã xác nhận (rỗng khi chưa xác nhận)")
    state: str


class RatingPage(Page):
    items: list[RatingOut]
