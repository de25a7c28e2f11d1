"""Reads of indicators, targets and figures for pages, the API, the CLI and reports."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from tiendo.indicators.models import Figure, FigureState, Indicator, Target, TargetScope
from tiendo.indicators.rules import (
    VERDICT_LABELS_VI,
    Assessment,
    Bound,
    Direction,
    TargetSpec,
    Verdict,
    VerdictRule,
    assess,
)
from tiendo.lib.periods import Period, parse_period
from tiendo.orgs import access
from tiendo.orgs.models import Unit


def verdict_rule() -> VerdictRule:
    rules = settings.TIENDO_RULES
    return VerdictRule(exceed_margin=Decimal(rules["exceed_margin"]),
                       about_tolerance=Decimal(rules["about_tolerance"]))


def target_spec(target: Target | None) -> TargetSpec | None:
    if target is None:
        return None
    return TargetSpec(value=target.value, bound=Bound(target.bound), value_high=target.value_high)


@dataclass
class FigureRow:
    indicator: Indicator
    unit: Unit
    period: Period
    target: Target | None
    figure: Figure | None
    assessment: Assessment

    @property
    def plan(self) -> Decimal | None:
        return self.target.value if self.target else None

    @property
    def actual(self) -> Decimal | None:
        return self.figure.value if self.figure else None

    @property
    def change(self) -> Decimal | None:
        return self.figure.change if self.figure else None

    @property
    def verdict(self) -> Verdict | None:
        return self.assessment.verdict

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS_VI[self.verdict] if self.verdict else ""

    @property
    def status(self) -> str | None:
        """`achieved` (met or exceeded), `not_achieved`, or None when it cannot be said."""
        v = self.assessment.verdict
        if v is None:
            return None
        return "not_achieved" if v == Verdict.NOT_ACHIEVED else "achieved"

    def as_json(self) -> dict:
        def num(x):
            if x is None:
                return None
            x = Decimal(x).normalize()
            return int(x) if x == x.to_integral() else float(x)

        t = self.target
        return {
            "code": self.indicator.code,
            "name": self.indicator.name,
            "unit_of_measure": self.indicator.unit_of_measure,
            "org_unit": self.unit.code,
            "org_unit_name": self.unit.name,
            "period": self.period.code,
            "plan": num(self.plan),
            "plan_bound": t.bound if t else None,
            "plan_scope": t.scope if t else None,
            "actual": num(self.actual),
            "is_estimate": bool(self.figure and self.figure.is_estimate),
            "figure_state": self.figure.state if self.figure else None,
            "attainment": num(self.assessment.attainment),
            "change": num(self.change),
            "status": self.status,
            "verdict": self.verdict.value if self.verdict else None,
            "explanation": self.assessment.explanation_vi,
        }


def _pick_target(targets: list[Target]) -> Target | None:
    """The plan of the period itself, preferring the row without a named basis."""
    if not targets:
        return None
    return sorted(targets, key=lambda t: (t.scope != TargetScope.PERIOD, t.basis != "", t.pk))[0]


def figure_table(*, user, period: str | Period, unit_code: str | None = None,
                 include_drafts: bool = False) -> list[FigureRow]:
    """One row per indicator and unit that has a target or a figure in the period, within the
    units the user sees. Queries: the user's memberships and visible units (access), targets,
    figures — four in all, whatever the number of rows."""
    p = period if isinstance(period, Period) else parse_period(period)
    targets = Target.objects.filter(period=p.code).select_related("indicator", "unit")
    figures = Figure.objects.filter(period=p.code, superseded_by__isnull=True).select_related(
        "indicator", "unit"
    )
    if not include_drafts:
        figures = figures.exclude(state=FigureState.DRAFT)
    if unit_code:
        targets = targets.filter(unit__code=unit_code)
        figures = figures.filter(unit__code=unit_code)
    targets = access.scope_by_unit(targets, user)
    figures = access.scope_by_unit(figures, user)

    by_key: dict[tuple[int, int], dict] = {}
    for t in targets:
        slot = by_key.setdefault((t.indicator_id, t.unit_id),
                                 {"indicator": t.indicator, "unit": t.unit, "targets": []})
        slot["targets"].append(t)
    for f in figures:
        slot = by_key.setdefault((f.indicator_id, f.unit_id),
                                 {"indicator": f.indicator, "unit": f.unit, "targets": []})
        slot["figure"] = f
    rule = verdict_rule()
    rows = []
    for slot in by_key.values():
        target = _pick_target(slot["targets"])
        figure = slot.get("figure")
        ind = slot["indicator"]
        assessment = assess(figure.value if figure else None, target_spec(target),
                            Direction(ind.direction), rule)
        rows.append(FigureRow(ind, slot["unit"], p, target, figure, assessment))
    rows.sort(key=lambda r: (r.indicator.sort_order, r.indicator.code, r.unit.path))
    return rows


def approval_queue(*, user):
    """Submitted figures the user may approve."""
    qs = Figure.objects.filter(state=FigureState.SUBMITTED, superseded_by__isnull=True)
    ids = access.managed_unit_ids(user)
    if ids is not None:
        qs = qs.filter(unit_id__in=ids)
    return qs.select_related("indicator", "unit", "submitted_by").order_by("submitted_at")
