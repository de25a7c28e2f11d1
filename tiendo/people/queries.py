"""Reads for the people pages and the CLI: computed evaluations (NĐ 335 for civil servants,
LDQL-Q for leaders and managers), always filtered through orgs.access.

The quota is counted over every person of a unit (ND335-CC) or over all leaders and managers
rated together (LDQL-Q), whoever is looking; what a user then sees is filtered by
``access.evaluation_role``. Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tiendo.audit.models import AuditEntry
from tiendo.lib.periods import Period
from tiendo.orgs import access
from tiendo.people import rules as prules
from tiendo.people.access import manager_of
from tiendo.people.models import LEADER_RANKS, Evaluation, Position, Rank, WorkItem
from tiendo.scoring import rules
from tiendo.scoring.metrics import VN, collect
from tiendo.scoring.models import FROZEN_STATES, Rating
from tiendo.scoring.queries import compute_rating, framework_version

CIVIL_FRAMEWORK = "ND335-CC"
LEADER_FRAMEWORK = "LDQL-Q"
UNIT_FRAMEWORK = "QD366"  # the unit's rating the leaders' framework is linked to
PEOPLE_FRAMEWORKS = (CIVIL_FRAMEWORK, LEADER_FRAMEWORK)
LEADER_GROUP = "Cán bộ lãnh đạo, quản lý"
# audit actions that count as the unit being urged (đôn đốc) in a period: a leader's direction
# on one of its tasks, or an explicit urge
URGE_ACTIONS = ("task.direction", "task.urge")
MSG_QUARTER_ONLY = _("Đánh giá cá nhân theo quý (quý I–III) hoặc cả năm: không nhận kỳ "
                      "“{period}”.")


@dataclass
class PersonResult:
    position: Position
    result: rules.SubjectResult
    evaluation: Evaluation | None
    role: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        prof = getattr(self.position.user, "profile", None)
        return (prof.full_name if prof and prof.full_name else self.position.user.username)


def _name(pos: Position) -> str:
    prof = getattr(pos.user, "profile", None)
    return prof.full_name if prof is not None and prof.full_name else pos.user.username


def _positions(ranks, unit_ids=None) -> list[Position]:
    qs = Position.objects.filter(rank__in=ranks).select_related("user", "user__profile", "unit")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return list(qs.order_by("unit__path", "rank", "user__username"))


def _items(positions, period: Period) -> dict[tuple[int, int], list[prules.Item]]:
    out: dict[tuple[int, int], list[prules.Item]] = {}
    units = {p.unit_id for p in positions}
    for w in WorkItem.objects.filter(unit_id__in=units,
                                     period__in=prules.quarter_periods(period.code)).only(
            "person_id", "unit_id", "weight", "state", "deadline", "completed_on", "returns",
            "delay_excused"):
        out.setdefault((w.person_id, w.unit_id), []).append(prules.Item(
            w.weight, w.state, w.deadline, w.completed_on, w.returns, w.delay_excused))
    return out


def _evaluations(positions, period: Period, code: str) -> dict[tuple[int, int], Evaluation]:
    units = {p.unit_id for p in positions}
    return {(e.person_id, e.unit_id): e for e in Evaluation.objects.filter(
        unit_id__in=units, period=period.code, framework_code=code)}


def _person_metrics(pos, items, ev) -> dict:
    m: dict = {}
    m.update(prules.product_metrics(items.get((pos.user_id, pos.unit_id), [])))
    m.update(prules.marks_metrics(ev.manager_marks if ev else None))
    m["disciplined_service"] = Decimal(ev.disciplined_service if ev else 0)
    return m


def _civil_subjects(positions, items, evs) -> list[rules.SubjectMetrics]:
    return [rules.SubjectMetrics(
        p.pk, _name(p), p.unit.name[:64], _person_metrics(p, items, evs.get((p.user_id,
                                                                               p.unit_id))))
        for p in positions]


def _rate_civil(fw, positions, items, evs) -> list[rules.SubjectResult]:
    return rules.rate(fw, _civil_subjects(positions, items, evs))


def _unit_levels(unit_ids: set[int], period: Period) -> dict[int, str | None]:
    """The unit's QĐ 366 level: its decided rating when there is one, else the proposal
    computed now from the data (the unit's rating the leaders' framework is linked to)."""
    levels: dict[int, str | None] = {}
    for r in Rating.objects.filter(unit_id__in=unit_ids, period=period.code,
                                   framework_code=UNIT_FRAMEWORK, state__in=FROZEN_STATES):
        levels[r.unit_id] = r.level or None
    rest = unit_ids - set(levels)
    if rest:
        comp = compute_rating(user=access.system_user(), period=period,
                              fv=framework_version(UNIT_FRAMEWORK))
        for r in comp.results:
            if r.subject_id in rest:
                levels[r.subject_id] = r.level
    return levels


def _urges(unit_ids: set[int], period: Period) -> dict[int, int]:
    start = datetime.combine(period.start, time.min, VN)
    end = datetime.combine(period.end + timedelta(days=1), time.min, VN)
    out: dict[int, int] = {}
    for uid in AuditEntry.objects.filter(
            action__in=URGE_ACTIONS, unit_id__in=unit_ids, created_at__gte=start,
            created_at__lt=end).values_list("unit_id", flat=True):
        out[uid] = out.get(uid, 0) + 1
    return out


def _leader_subjects(leaders, period, items, evs) -> list[rules.SubjectMetrics]:
    unit_ids = {p.unit_id for p in leaders}
    units = list({p.unit_id: p.unit for p in leaders}.values())
    unit_data = collect(units, period) if units else {}
    levels = _unit_levels(unit_ids, period) if unit_ids else {}
    urges = _urges(unit_ids, period) if unit_ids else {}
    # the civil servants below each leader, rated with ND335-CC for the team criterion
    staff = _positions((Rank.STAFF,), unit_ids)
    civil_fw = framework_version(CIVIL_FRAMEWORK).framework
    staff_items = _items(staff, period)
    staff_levels = {r.subject_id: r.level for r in _rate_civil(
        civil_fw, staff, staff_items, _evaluations(staff, period, CIVIL_FRAMEWORK))}
    staff_by_user = {(p.user_id, p.unit_id): p.pk for p in staff}
    reports = {(p.user_id, p.unit_id): (p.manager_id, p.unit_id)
               for p in [*staff, *leaders] if p.manager_id}
    subjects = []
    for p in leaders:
        um = unit_data[p.unit_id].metrics
        m = _person_metrics(p, items, evs.get((p.user_id, p.unit_id)))
        team = [staff_by_user[k] for k in prules.team_of((p.user_id, p.unit_id), reports)
                if k in staff_by_user]
        m.update({
            "unit_targets_total": um["targets_total"], "unit_targets_met": um["targets_met"],
            "unit_tasks_due": um["tasks_due"], "unit_tasks_on_time": um["tasks_on_time"],
            "unit_urges": Decimal(urges.get(p.unit_id, 0)),
            "unit_level_rank": prules.level_rank(levels.get(p.unit_id)),
            "team_total": Decimal(len(team)),
            "team_khong_hoan_thanh": Decimal(sum(
                1 for t in team if staff_levels.get(t) == rules.KHONG_HOAN_THANH)),
        })
        subjects.append(rules.SubjectMetrics(p.pk, _name(p), LEADER_GROUP, m))
    return subjects


def _quarter_subjects(code: str, leaders: bool, positions, period: Period):
    items = _items(positions, period)
    evs = _evaluations(positions, period, code)
    subjects = (_leader_subjects(positions, period, items, evs) if leaders
                else _civil_subjects(positions, items, evs))
    return subjects, evs


def compute_people(*, user, period: Period, fv, unit_id: int | None = None
                   ) -> list[PersonResult]:
    """Every person the user may see, rated with the framework (ND335-CC or LDQL-Q), in ranking
    order per unit. The quota is computed over the whole group, whoever looks. ``unit_id``
    limits the civil servants to one unit (their quota group); leaders are always rated
    together."""
    if period.kind not in ("quarter", "year"):
        raise ValueError(MSG_QUARTER_ONLY.format(period=period.code))
    fw = fv.framework
    leaders = fw.subject_kind == "leader"
    positions = _positions(LEADER_RANKS if leaders else (Rank.STAFF,),
                           None if leaders or unit_id is None else {unit_id})
    if period.kind == "quarter":
        rules.check_period_ratable(period.code)
        subjects, evs = _quarter_subjects(fv.code, leaders, positions, period)
        results = rules.rate(fw, subjects)
    else:
        # the year (NĐ 335: the mean of the period scores): Q1–Q3 results kept as rated, Q4's
        # products and its evaluation's marks scored, then rules.fold_year
        quarters = {}
        for q in (1, 2, 3):
            subjects, _evs = _quarter_subjects(fv.code, leaders, positions,
                                               Period(period.year, "quarter", q))
            quarters[f"Q{q}"] = rules.rate(fw, subjects)
        q4, _evs = _quarter_subjects(fv.code, leaders, positions,
                                     Period(period.year, "quarter", 4))
        results = rules.fold_year(fw, quarters, q4)
        evs = {}
    by_pk = {p.pk: p for p in positions}
    out = []
    for r in results:
        pos = by_pk[r.subject_id]
        role = access.evaluation_role(user, person_id=pos.user_id, unit_id=pos.unit_id,
                                      manager_id=pos.manager_id)
        if role is None:
            continue
        out.append(PersonResult(pos, r, evs.get((pos.user_id, pos.unit_id)), role))
    return out


def positions_visible_to(user, *, unit_id: int | None = None):
    q = access.people_scope_q(user, person="user", unit="unit", manager="manager_id")
    qs = Position.objects.select_related("user", "user__profile", "unit")
    if q is not None:
        qs = qs.filter(q)
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    return qs.order_by("unit__path", "rank", "user__username")


def my_evaluation(*, user, period: Period, framework_code: str) -> Evaluation | None:
    return Evaluation.objects.filter(person=user, period=period.code,
                                     framework_code=framework_code).first()


def my_positions(user):
    return Position.objects.filter(user=user).select_related("unit", "manager").order_by("pk")


def work_items_of(*, user, person_id: int, unit_id: int, period: Period):
    """The person's items of the quarter (and its months), if the user may see them."""
    role = access.evaluation_role(user, person_id=person_id, unit_id=unit_id,
                                  manager_id=manager_of(person_id, unit_id))
    if role is None:
        return WorkItem.objects.none()
    return WorkItem.objects.filter(person_id=person_id, unit_id=unit_id,
                                   period__in=prules.quarter_periods(period.code)).select_related(
        "task", "person", "person__profile").order_by("deadline", "pk")


def team_items_waiting(*, user, period: Period):
    """Items of the user's direct reports waiting for the user: to approve or to accept."""
    q = Q(person__positions__manager=user)
    return WorkItem.objects.filter(q, state__in=("declared", "submitted"),
                                   period__in=prules.quarter_periods(period.code)).distinct(
    ).select_related("person", "person__profile", "unit").order_by("deadline", "pk")


def person_result(*, user, evaluation: Evaluation, fv) -> PersonResult | None:
    """The computed result of the evaluation's person (with the whole group's quota)."""
    period = Period(int(evaluation.period[:4]), "quarter", int(evaluation.period[-1]))
    for r in compute_people(user=user, period=period, fv=fv, unit_id=evaluation.unit_id):
        if r.position.user_id == evaluation.person_id and r.position.unit_id == \
                evaluation.unit_id:
            return r
    return None
