"""Reads for the rating pages, the CLI and exports; always scoped through orgs.access."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from tiendo.lib.periods import Period, PeriodError, parse_period
from tiendo.orgs import access
from tiendo.orgs.models import Unit, UnitKind
from tiendo.scoring import rules
from tiendo.scoring.frameworks import shipped_frameworks
from tiendo.scoring.metrics import (
    LINKED_METRICS,
    UnitData,
    collect,
    metrics_from_json,
    metrics_json,
)
from tiendo.scoring.models import FrameworkVersion, Rating
from tiendo.scoring.shipped import frameworks_ensure_shipped
from tiendo.shared.i18n import translate
from tiendo.tasks.models import Task

DEFAULT_FRAMEWORK = "QD366-TCCS"
# Which units a framework's subject kind rates.
SUBJECT_UNIT_KINDS = {
    "base_party_org": (UnitKind.PARTY_BASE,),
    "party_org": (UnitKind.PARTY_COMMITTEE, UnitKind.PARTY_BASE, UnitKind.DEPARTMENT,
                  UnitKind.COMMUNE),
}
MSG_BAD_PERIOD = _("Kỳ không hợp lệ: {error}")
MSG_PERIOD_KIND = _("Chỉ xếp loại theo quý (quý I–III) hoặc cả năm, không nhận kỳ “{period}”.")
MSG_NO_FRAMEWORK = _("Không có bộ tiêu chí “{code}”.")
MSG_NO_UNITS_KIND = _(
    "Bộ tiêu chí “{code}” dành cho {kind}: chưa có dữ liệu sản phẩm theo từng người để tính.")


class RatingInputError(ValueError):
    """A period or framework that cannot be rated; the message is Vietnamese."""


def parse_rating_period(text: str) -> Period:
    try:
        period = parse_period((text or "").strip())
    except PeriodError as exc:
        raise RatingInputError(MSG_BAD_PERIOD.format(error=translate(exc))) from exc
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


def quota_group(unit: Unit, fw: rules.Framework, parents: dict[int, str]) -> str:
    """The group a unit's quota is counted in: with the regulation's grouping (``parent``) all
    the organisations under the same superior (the base organisations of the whole Đảng bộ),
    otherwise the unit's configured peer group."""
    if fw.quota.grouping == rules.GROUPING_PARENT:
        return (parents.get(unit.parent_id, "") if unit.parent_id else "")[:64]
    return unit.peer_group or ""


def _parents(units) -> dict[int, str]:
    ids = {u.parent_id for u in units if u.parent_id}
    return dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


def _subjects(units, data, fw: rules.Framework, parents=None) -> list[rules.SubjectMetrics]:
    parents = _parents(units) if parents is None else parents
    return [rules.SubjectMetrics(u.pk, u.name, quota_group(u, fw, parents), data[u.pk].metrics)
            for u in units]


def _explain_state_body(results, data) -> None:
    """Name the State body whose results a Party organisation's criteria include, criterion by
    criterion (the configured Party ↔ State link)."""
    for r in results:
        d = data.get(r.subject_id)
        body = d.evidence.get("state_body") if d is not None else None
        if not body:
            continue
        bm = body["metrics"]
        for c in r.breakdown:
            used = [k for k in c.inputs if k in LINKED_METRICS] if isinstance(c.inputs, dict) \
                else []
            if not used:
                continue
            shown = ", ".join(f"{_METRIC_SHORT.get(k, k)} {rules.fmt(Decimal(bm[k]))}"
                              for k in used if bm.get(k) is not None)
            c.explanation_vi += (f" Gồm kết quả của {body['unit']} (cơ quan do tổ chức đảng lãnh "
                                 f"đạo, theo liên kết đã cấu hình): {shown}.")
        r.reasons.insert(1 if r.reasons else 0, rules.Reason(
            "state_body",
            f"Nhiệm vụ, chỉ tiêu và báo cáo của {body['unit']} (cơ quan do tổ chức đảng lãnh "
            f"đạo) được tính cùng kết quả của tổ chức đảng.", changed=False))


_METRIC_SHORT = {
    "tasks_due": "nhiệm vụ đến hạn", "tasks_on_time": "đúng hạn", "tasks_late": "quá hạn",
    "tasks_overdue": "quá hạn chưa xong", "tasks_exceeded": "vượt yêu cầu",
    "key_tasks_due": "nhiệm vụ trọng tâm đến hạn", "key_tasks_on_time": "trọng tâm đúng hạn",
    "key_tasks_late": "trọng tâm quá hạn", "key_tasks_overdue": "trọng tâm quá hạn chưa xong",
    "targets_total": "chỉ tiêu", "targets_met": "đạt, vượt", "targets_exceeded": "vượt",
    "targets_not_met": "không đạt", "key_targets_not_met": "chỉ tiêu chủ yếu không đạt",
    "reports_due": "báo cáo phải nộp", "reports_on_time": "nộp đúng hạn",
    "reports_returned": "bị trả lại",
}


def compute_rating(*, user, period: Period, fv: FrameworkVersion,
                   on: date | None = None) -> Computation:
    """Score and rate every unit the user sees, from the data as it is now (nothing saved).

    A quarter (Q1–Q3) is rated on its own metrics; a year folds Q1–Q3 with Q4's metrics
    (rules.fold_year)."""
    fw = fv.framework
    units = subject_units(user=user, framework=fw, period=period)
    parents = _parents(units)
    if period.kind == "quarter":
        data = collect(units, period, on=on)
        results = rules.rate(fw, _subjects(units, data, fw, parents))
        _explain_state_body(results, data)
        return Computation(period, fv, units, data, results)
    quarters = {}
    for q in (1, 2, 3):
        qp = Period(period.year, "quarter", q)
        quarters[f"Q{q}"] = rules.rate(fw, _subjects(units, collect(units, qp), fw, parents))
    data = collect(units, Period(period.year, "quarter", 4), on=on)
    results = rules.fold_year(fw, quarters, _subjects(units, data, fw, parents))
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
