"""The REST API (django-ninja): reads through orgs.access and the apps' queries, writes through
their services. Every call needs a personal token (Authorization: Bearer td_…)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.http import Http404, HttpResponse
from ninja import NinjaAPI, Query
from ninja.responses import Status
from ninja.security import HttpBearer

from tiendo.api import errors
from tiendo.api.docs import LocalSwagger
from tiendo.api.errors import VersionRequired
from tiendo.api.schemas import (
    Error,
    FigureIn,
    FigureOut,
    FigureRowPage,
    IndicatorOut,
    IndicatorPage,
    MeOut,
    ProgressIn,
    ProgressOut,
    RatingOut,
    RatingPage,
    TargetPage,
    TaskOut,
    TaskPage,
    UnitOut,
    UnitPage,
)
from tiendo.api.services import rate_hit, token_authenticate
from tiendo.indicators import services as figures
from tiendo.indicators.access import get_figure_for_user
from tiendo.indicators.models import Indicator, Target
from tiendo.indicators.queries import figure_table
from tiendo.lib import clock
from tiendo.orgs import access
from tiendo.reports.builds import FORMATS, build, check_period
from tiendo.reports.queries import ratings as report_ratings
from tiendo.scoring.queries import get_rating_for_user, ratings_for
from tiendo.tasks import services as tasks
from tiendo.tasks.access import get_task_for_user
from tiendo.tasks.queries import TaskRow, status_of, task_rows

DEFAULT_RATE = 120  # requests a minute per token; settings.TIENDO_API_RATE_PER_MINUTE overrides
MAX_LIMIT = 500
ERRORS = {401: Error, 403: Error, 404: Error, 422: Error, 429: Error}


def required_version(request, given: int | None) -> int:
    """The version a write edits: `expected_version` in the body, else the If-Match header
    ("3", '"3"' or 'W/"3"'). Neither: 428 Precondition Required (docs/api.md)."""
    if given is not None:
        return given
    raw = request.headers.get("If-Match", "").strip().removeprefix("W/").strip('"')
    if raw.isdigit():
        return int(raw)
    raise VersionRequired


class TokenAuth(HttpBearer):
    """A personal token, counted against its per-minute limit."""

    def authenticate(self, request, token):
        t = token_authenticate(token)
        if t is None:
            return None
        limit = getattr(settings, "TIENDO_API_RATE_PER_MINUTE", DEFAULT_RATE)
        allowed, retry = rate_hit(token=t, limit=limit)
        if not allowed:
            raise errors.RateLimited(limit, retry)
        t.user._tiendo_api_token = t
        request.user = t.user
        return t


api = NinjaAPI(
    title="tiendo API",
    version="1",
    description=(
        "API của tiendo: đơn vị, chỉ tiêu, kế hoạch, số liệu, nhiệm vụ và báo cáo. "
        "Mọi lời gọi cần khóa API cá nhân (tạo tại /api/tokens/): "
        "`Authorization: Bearer td_…`. Quyền xem và sửa giống như trên trang web. "
        "Lỗi trả về JSON {detail, code, errors}; tiếng Anh khi gửi Accept-Language: en."
    ),
    urls_namespace="api:rest",
    auth=TokenAuth(),
    docs=LocalSwagger(),
    docs_url="/docs",
)
errors.install(api)


def _page(items: list, count: int, limit: int, offset: int) -> dict:
    return {"count": count, "limit": limit, "offset": offset, "items": items}


def _num(x):
    return None if x is None else float(x)


# --- who am I ------------------------------------------------------------------------------

@api.get("/me", response={200: MeOut, **ERRORS}, tags=["tài khoản"])
def me(request):
    user = request.user
    profile = getattr(user, "profile", None)
    return {
        "username": user.get_username(),
        "full_name": getattr(profile, "full_name", "") or "",
        "roles": sorted(access.roles_of(user)),
        "units": sorted({m.unit.code for m in access._memberships(user)}),
        "token": request.auth.prefix,
    }


# --- units ---------------------------------------------------------------------------------

def _unit(u) -> dict:
    return {"code": u.code, "name": u.name, "short_name": u.short_name, "tree": u.tree,
            "kind": u.kind, "parent": u.parent.code if u.parent_id else None, "depth": u.depth,
            "valid_from": u.valid_from, "valid_to": u.valid_to}


@api.get("/units", response={200: UnitPage, **ERRORS}, tags=["đơn vị"])
def units(request, tree: str | None = None, parent: str | None = None,
          q: str | None = Query(None, max_length=100),
          limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
    """Các đơn vị người dùng được xem. Lọc: tree (party/state), parent (mã), q (tên)."""
    qs = access.units_visible_to(request.user).select_related("parent").order_by("tree", "path")
    if tree:
        qs = qs.filter(tree=tree)
    if parent:
        qs = qs.filter(parent__code=parent)
    if q:
        qs = qs.filter(name__icontains=q)
    return _page([_unit(u) for u in qs[offset:offset + limit]], qs.count(), limit, offset)


@api.get("/units/{code}", response={200: UnitOut, **ERRORS}, tags=["đơn vị"])
def unit_detail(request, code: str):
    return _unit(access.get_unit_by_code_for_user(request.user, code))


# --- indicators and targets ----------------------------------------------------------------

def _indicator(i) -> dict:
    return {"code": i.code, "name": i.name, "unit_of_measure": i.unit_of_measure,
            "direction": i.direction, "rollup": i.rollup, "frequency": i.frequency,
            "is_cumulative": i.is_cumulative, "field": i.field,
            "parent": i.parent.code if i.parent_id else None, "is_key": i.is_key}


@api.get("/indicators", response={200: IndicatorPage, **ERRORS}, tags=["chỉ tiêu"])
def indicators(request, field: str | None = None, is_key: bool | None = None,
               q: str | None = Query(None, max_length=100),
               limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
    """Danh mục chỉ tiêu (không phụ thuộc đơn vị)."""
    qs = Indicator.objects.select_related("parent").order_by("sort_order", "code")
    if field:
        qs = qs.filter(field=field)
    if is_key is not None:
        qs = qs.filter(is_key=is_key)
    if q:
        qs = qs.filter(name__icontains=q)
    return _page([_indicator(i) for i in qs[offset:offset + limit]], qs.count(), limit, offset)


@api.get("/indicators/{code}", response={200: IndicatorOut, **ERRORS}, tags=["chỉ tiêu"])
def indicator_detail(request, code: str):
    i = Indicator.objects.select_related("parent").filter(code=code).first()
    if i is None:
        raise Http404
    return _indicator(i)


@api.get("/targets", response={200: TargetPage, **ERRORS}, tags=["chỉ tiêu"])
def targets(request, period: str | None = Query(None, max_length=32),
            unit: str | None = Query(None, max_length=64),
            indicator: str | None = Query(None, max_length=64),
            limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
    """Chỉ tiêu kế hoạch của các đơn vị người dùng được xem."""
    qs = access.scope_by_unit(Target.objects.select_related("indicator", "unit"), request.user)
    if period:
        qs = qs.filter(period=check_period(period).code)
    if unit:
        qs = qs.filter(unit__code=unit)
    if indicator:
        qs = qs.filter(indicator__code=indicator)
    qs = qs.order_by("indicator__sort_order", "indicator__code", "unit__path", "period", "pk")
    items = [{"id": t.pk, "indicator": t.indicator.code, "unit": t.unit.code,
              "period": t.period, "bound": t.bound, "value": float(t.value),
              "value_high": _num(t.value_high), "scope": t.scope, "basis": t.basis}
             for t in qs[offset:offset + limit]]
    return _page(items, qs.count(), limit, offset)


# --- figures -------------------------------------------------------------------------------

@api.get("/figures", response={200: FigureRowPage, **ERRORS}, tags=["số liệu"])
def figure_rows(request, period: str = Query(..., max_length=32),
                unit: str | None = Query(None, max_length=64),
                indicator: str | None = Query(None, max_length=64),
                status: str | None = Query(None, pattern="^(achieved|not_achieved|none)$"),
                limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
    """Kế hoạch, thực hiện và đánh giá của một kỳ (số liệu đã gửi hoặc đã duyệt)."""
    rows = figure_table(user=request.user, period=check_period(period), unit_code=unit)
    if indicator:
        rows = [r for r in rows if r.indicator.code == indicator]
    if status:
        rows = [r for r in rows if (r.status or "none") == status]
    items = []
    for r in rows[offset:offset + limit]:
        j = r.as_json()
        items.append({
            "figure_id": r.figure.pk if r.figure else None, "indicator": j["code"],
            "indicator_name": j["name"], "unit_of_measure": j["unit_of_measure"],
            "unit": j["org_unit"], "unit_name": j["org_unit_name"], "period": j["period"],
            "plan": j["plan"], "plan_bound": j["plan_bound"], "actual": j["actual"],
            "is_estimate": j["is_estimate"], "figure_state": j["figure_state"],
            "attainment": j["attainment"], "change": j["change"], "verdict": j["verdict"],
            "status": j["status"], "explanation": j["explanation"],
        })
    return _page(items, len(rows), limit, offset)


def _figure(f) -> dict:
    return {"id": f.pk, "indicator": f.indicator.code, "unit": f.unit.code, "period": f.period,
            "value": float(f.value), "is_estimate": f.is_estimate, "change": _num(f.change),
            "state": f.state, "version": f.version, "note": f.note,
            "submitted_at": f.submitted_at}


@api.get("/figures/{int:figure_id}", response={200: FigureOut, **ERRORS}, tags=["số liệu"])
def figure_detail(request, figure_id: int):
    return _figure(get_figure_for_user(request.user, figure_id))


@api.post("/figures", response={201: FigureOut, 400: Error, **ERRORS}, tags=["số liệu"])
def figure_submit(request, payload: FigureIn):
    """Đầu mối nhập số liệu của đơn vị mình và gửi duyệt (submit=false: chỉ lưu nháp)."""
    user = request.user
    unit = access.get_unit_by_code_for_user(user, payload.unit, write=True)
    ind = Indicator.objects.filter(code=payload.indicator).first()
    if ind is None:
        raise Http404
    period = check_period(payload.period).code
    save = figures.figure_save_and_submit if payload.submit else figures.figure_save_draft
    f = save(actor=user, indicator=ind, unit=unit, period=period, value=payload.value,
             is_estimate=payload.is_estimate, change=payload.change, note=payload.note,
             source="API", expected_version=required_version(request, payload.expected_version))
    return Status(201, _figure(f))


# --- tasks ---------------------------------------------------------------------------------

def _task(row: TaskRow) -> dict:
    j = row.as_json()
    return {**{k: j[k] for k in ("id", "code", "title", "lead_unit", "lead_unit_name",
                                  "coordinating_units", "programme", "period", "progress",
                                  "state", "status", "days_overdue", "is_key",
                                  "expected_product")},
            "deadline": row.task.deadline, "deadline_in_force": row.status.deadline_in_force,
            "completed_on": row.task.closed_on, "version": row.task.version}


@api.get("/tasks", response={200: TaskPage, **ERRORS}, tags=["nhiệm vụ"])
def task_list(request, unit: str | None = Query(None, max_length=64),
              status: str | None = Query(
                  None, pattern="^(in_progress|overdue|done_on_time|done_late)$"),
              period: str | None = Query(None, max_length=32),
              programme: str | None = Query(None, max_length=64),
              q: str | None = Query(None, max_length=100), on: date | None = None,
              limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
    """Nhiệm vụ người dùng được xem, với tình trạng vào ngày `on` (mặc định hôm nay)."""
    rows = task_rows(user=request.user, on=on or clock.today(), unit_code=unit,
                     status=status, programme=programme, text=q)
    if period:
        code = check_period(period).code
        rows = [r for r in rows if r.task.period == code]
    return _page([_task(r) for r in rows[offset:offset + limit]], len(rows), limit, offset)


@api.get("/tasks/{int:task_id}", response={200: TaskOut, **ERRORS}, tags=["nhiệm vụ"])
def task_detail(request, task_id: int, on: date | None = None):
    task = get_task_for_user(request.user, task_id)
    return _task(TaskRow(task, status_of(task, on or clock.today())))


@api.post("/tasks/{int:task_id}/progress", response={201: ProgressOut, **ERRORS},
          tags=["nhiệm vụ"])
def task_progress(request, task_id: int, payload: ProgressIn):
    """Đơn vị chủ trì cập nhật tiến độ (%) và nội dung."""
    task = get_task_for_user(request.user, task_id, write=True)
    update = tasks.progress_add(actor=request.user, task=task, percent=payload.percent,
                                note=payload.note,
                                expected_version=required_version(request,
                                                                  payload.expected_version))
    return Status(201, {"id": update.pk, "task": task.pk, "percent": update.percent,
                 "note": update.note, "created_at": update.created_at,
                 "task_version": update.task.version})


# --- reports -------------------------------------------------------------------------------

@api.get("/reports/{period}", response={400: Error, **ERRORS}, tags=["báo cáo"],
         openapi_extra={"responses": {200: {
             "description": "Tệp báo cáo",
             "content": {ct.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                         for ct in FORMATS.values()}}}})
def report_build(request, period: str,
                 format: str = Query("json", pattern="^(docx|pdf|xlsx|csv|json)$"),
                 unit: str | None = Query(None, max_length=64),
                 tree: str | None = Query(None, pattern="^(party|state)$")):
    """Lập báo cáo của kỳ (docx, pdf, xlsx, csv, json) từ số liệu người dùng được xem."""
    built = build(format, user=request.user, period=period, unit_code=unit, tree=tree,
                  on=clock.today())
    response = HttpResponse(built.content, content_type=built.content_type)
    response["Content-Disposition"] = f'attachment; filename="{built.filename}"'
    return response

# --- ratings ------------------------------------------------------------------------------

def _rating(r) -> dict:
    return {"id": r.pk, "unit": r.unit.code, "unit_name": r.unit.name, "period": r.period,
            "framework": r.framework_code, "peer_group": r.peer_group,
            "score": _num(r.score), "proposed_level": r.proposed_level, "level": r.level,
            "state": r.state}


@api.get("/ratings", response={200: RatingPage, 400: Error, **ERRORS}, tags=["xếp loại"])
def rating_list(request, period: str = Query(..., max_length=32),
                framework: str | None = Query(None, max_length=32),
                peer_group: str | None = Query(None, max_length=64),
                unit: str | None = Query(None, max_length=64),
                limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
    """Kết quả xếp loại đã lưu của kỳ, các đơn vị người dùng được xem."""
    p = check_period(period)
    if framework:
        rows = list(ratings_for(user=request.user, period=p.code, framework_code=framework,
                                peer_group=peer_group or ""))
    else:
        rows = [r for r in report_ratings(user=request.user, period=p)
                if not peer_group or r.peer_group == peer_group]
    if unit:
        rows = [r for r in rows if r.unit.code == unit]
    return _page([_rating(r) for r in rows[offset:offset + limit]], len(rows), limit, offset)


@api.get("/ratings/{int:rating_id}", response={200: RatingOut, **ERRORS}, tags=["xếp loại"])
def rating_detail(request, rating_id: int):
    return _rating(get_rating_for_user(request.user, rating_id))
