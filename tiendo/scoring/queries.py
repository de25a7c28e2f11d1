"""Reads for the rating pages, the CLI and exports; always scoped through orgs.access."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import F, Q, QuerySet
from django.http import Http404

from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.orgs import access
from tiendo.orgs.models import Unit, UnitKind
from tiendo.scoring import rules
from tiendo.scoring.frameworks import shipped_frameworks
from tiendo.scoring.metrics import UnitData, collect, metrics_from_json, metrics_json
from tiendo.scoring.models import FrameworkVersion, Rating
from tiendo.tasks.models import Task

DEFAULT_FRAMEWORK = "QD366-TCCS"
# Which units a framework's subject kind rates.
SUBJECT_UNIT_KINDS = {
    "base_party_org": (UnitKind.PARTY_BASE,),
    "party_org": (UnitKind.PARTY_COMMITTEE, UnitKind.PARTY_BASE, UnitKind.DEPARTMENT,
                  UnitKind.COMMUNE),
}
MSG_BAD_PERIOD = "Kỳ không hợp lệ: {error}"
MSG_PERIOD_KIND = "Chỉ xếp loại theo quý (quý I–III) hoặc cả năm, không nhận kỳ “{period}”."
MSG_NO_FRAMEWORK = "Không có bộ tiêu chí “{code}”."
MSG_NO_UNITS_KIND = (
    "Bộ tiêu chí “{code}” dành cho {kind}: chưa có dữ liệu sản phẩm theo từng người để tính.")


class RatingInputError(ValueError):
    """A period or framework that cannot be rated; the message is Vietnamese."""


def parse_rating_period(text: str) -> Period:
    try:
        period = parse_period((text or "").strip())
    except PeriodError as exc:
        raise RatingInputError(MSG_BAD_PERIOD.format(error=exc)) from exc
    if period.kind not in ("quarter", "year"):
        raise RatingInputError(MSG_PERIOD_KIND.format(period=period.code))
    if period.kind == "quarter":
        try:
            rules.check_period_ratable(period.code)
        except ValueError as exc:
            raise RatingInputError(str(exc)) from exc
    return period


def framework_version(code: str | None = None) -> FrameworkVersion:
    """The newest active version of a framework; the shipped ones are saved on first use."""
    code = code or DEFAULT_FRAMEWORK
    fv = FrameworkVersion.objects.filter(code=code, is_active=True).order_by("-version").first()
    if fv is None and code in shipped_frameworks():
        from tiendo.scoring.services import frameworks_ensure_shipped

        frameworks_ensure_shipped()
        fv = FrameworkVersion.objects.filter(code=code, is_active=True).order_by(
            "-version").first()
    if fv is None:
        raise RatingInputError(MSG_NO_FRAMEWORK.format(code=code))
    return fv


def framework_versions() -> list[FrameworkVersion]:
    framework_version()  # make sure the shipped ones are there
    return list(FrameworkVersion.objects.order_by("code", "-version"))


def subject_units(*, user, framework: rules.Framework, period: Period) -> list[Unit]:
    kinds = SUBJECT_UNIT_KINDS.get(framework.subject_kind)
    if kinds is None:
        raise RatingInputError(MSG_NO_UNITS_KIND.format(
            code=framework.code, kind=framework.subject_kind))
    return list(access.units_visible_to(user).filter(kind__in=kinds).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=period.end),
        Q(valid_to__isnull=True) | Q(valid_to__gte=period.end),
    ).order_by("path", "pk"))


@dataclass
class Computation:
    period: Period
    framework_version: FrameworkVersion
    units: list[Unit]
    data: dict[int, UnitData]
    results: list[rules.SubjectResult]


def _subjects(units, data) -> list[rules.SubjectMetrics]:
    return [rules.SubjectMetrics(u.pk, u.name, u.peer_group or "", data[u.pk].metrics)
            for u in units]


def compute_rating(*, user, period: Period, fv: FrameworkVersion,
                   on: date | None = None) -> Computation:
    """Score and rate every unit the user sees, from the data as it is now (nothing saved).

    A quarter (Q1–Q3) is rated on its own metrics; a year folds Q1–Q3 with Q4's metrics
    (rules.fold_year)."""
    fw = fv.framework
    units = subject_units(user=user, framework=fw, period=period)
    if period.kind == "quarter":
        data = collect(units, period, on=on)
        return Computation(period, fv, units, data, rules.rate(fw, _subjects(units, data)))
    quarters = {}
    for q in (1, 2, 3):
        qp = Period(period.year, "quarter", q)
        quarters[f"Q{q}"] = rules.rate(fw, _subjects(units, collect(units, qp)))
    data = collect(units, Period(period.year, "quarter", 4), on=on)
    results = rules.fold_year(fw, quarters, _subjects(units, data))
    return Computation(period, fv, units, data, results)


def ratings_for(*, user, period: str, framework_code: str, peer_group: str = ""
                ) -> QuerySet[Rating]:
    """The stored ratings of a period the user may see (1 query)."""
    qs = access.scope_by_unit(
        Rating.objects.filter(period=period, framework_code=framework_code), user)
    if peer_group:
        qs = qs.filter(peer_group=peer_group)
    return qs.select_related("unit", "framework").order_by(
        "peer_group", F("score").desc(nulls_last=True), "unit__code")


def get_rating_for_user(user, pk) -> Rating:
    try:
        rating = Rating.objects.select_related("unit", "framework").get(pk=pk)
    except (Rating.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    if not access.can_see_unit(user, rating.unit_id):
        raise Http404
    return rating


def task_of_rating_unit(rating: Rating, task_id) -> Task | None:
    """A task led by the rating's unit (the one a "vượt yêu cầu" mark points to), or None."""
    try:
        pk = int(str(task_id or "").strip())
    except ValueError:
        return None
    return Task.objects.filter(pk=pk, lead_unit_id=rating.unit_id).first()


def peer_groups(ratings) -> list[str]:
    return sorted({r.peer_group for r in ratings})


@dataclass
class QuotaRow:
    group: str
    rated: int
    counts: dict
    candidates: int
    tot_individual: int
    limit: int
    final_xs: int
    final_tot: int
    holds: bool


def quota_table(ratings, fw: rules.Framework) -> list[QuotaRow]:
    """Per peer group: how many qualified for xuất sắc, the limit and whether it holds, from the
    stored results (individual levels before the quota) and the final levels."""
    groups: dict[str, list[Rating]] = defaultdict(list)
    for r in ratings:
        groups[r.peer_group].append(r)
    q = fw.quota
    rows = []
    for g in sorted(groups):
        rs = groups[g]
        counts = {lv: sum(1 for r in rs if r.level == lv) for lv in rules.LEVELS}
        cands = sum(1 for r in rs if (r.result or {}).get("individual_level") == rules.XUAT_SAC)
        tot_ind = sum(1 for r in rs if (r.result or {}).get("individual_level") == rules.TOT)
        limit = rules.quota_limit(q.reading, q.percent, cands, tot_ind, q.min_allowed)
        xs, tot = counts[rules.XUAT_SAC], counts[rules.TOT]
        if q.reading == rules.OF_TOT:
            holds = xs * 100 <= q.percent * tot
        elif q.reading == rules.OF_TOT_OR_BETTER:
            holds = xs * 100 <= q.percent * (tot + xs)
        else:
            holds = True
        rated = sum(1 for r in rs if r.level)
        rows.append(QuotaRow(g, rated, counts, cands, tot_ind, limit, xs, tot, holds))
    return rows


def data_changes(rating: Rating) -> list[dict]:
    """Inputs that differ now from the snapshot taken when the rating was proposed."""
    if not rating.snapshot.get("metrics") or "-Q" not in rating.period:
        return []
    period = parse_period(rating.period)
    on = date.fromisoformat(rating.snapshot["on"]) if rating.snapshot.get("on") else None
    now = metrics_json(collect([rating.unit], period, on=on)[rating.unit_id].metrics)
    then = rating.snapshot["metrics"]
    fw = rating.framework.framework
    return [{"metric": k, "label": fw.metric_label(k), "then": then.get(k), "now": now.get(k)}
            for k in sorted(set(then) | set(now)) if then.get(k) != now.get(k)]


# --------------------------------------------------------------------------- what-if

TASK_STATUSES = ("done_on_time", "done_late", "overdue")
WHAT_IF_MARKS = ("quality_mark", "deductions", "tasks_exceeded", "shortcomings_noted",
                 "shortcomings_remedied")


def what_if(rating: Rating, *, task_status: dict[str, str], marks: dict[str, Decimal | None]
            ) -> rules.SubjectResult:
    """Re-rate the unit with some task statuses and marks changed, against the snapshots of the
    other ratings of its period (for the quota). Nothing is saved."""
    fw = rating.framework.framework
    metrics = metrics_from_json(rating.snapshot.get("metrics", {}))
    tasks = rating.snapshot.get("evidence", {}).get("tasks", {})
    if task_status:
        for k in ("tasks_due", "tasks_on_time", "tasks_late", "tasks_overdue", "key_tasks_due",
                  "key_tasks_on_time", "key_tasks_late", "key_tasks_overdue"):
            metrics[k] = Decimal(0)
        short = {"done_on_time": "on_time", "done_late": "late", "overdue": "overdue"}
        for tid, info in tasks.items():
            status = task_status.get(tid, info["status"])
            if status not in short:
                continue
            metrics["tasks_due"] += 1
            metrics[f"tasks_{short[status]}"] += 1
            if info.get("key"):
                metrics["key_tasks_due"] += 1
                metrics[f"key_tasks_{short[status]}"] += 1
    metrics.update(marks)
    others = Rating.objects.filter(period=rating.period, framework_code=rating.framework_code,
                                   peer_group=rating.peer_group).exclude(pk=rating.pk)
    subjects = [rules.SubjectMetrics(rating.unit_id, rating.unit.name, rating.peer_group,
                                     metrics)]
    subjects += [rules.SubjectMetrics(r.unit_id, r.unit.name, r.peer_group,
                                      metrics_from_json(r.snapshot.get("metrics", {})))
                 for r in others.select_related("unit").only(
                     "unit_id", "unit__name", "peer_group", "snapshot")]
    return next(r for r in rules.rate(fw, subjects) if r.subject_id == rating.unit_id)
