"""Reads of indicators, targets and figures for pages, the API, the CLI and reports."""

from dataclasses import dataclass
from decimal import Decimal

from tiendo.indicators.assessments import pick_target, spec_of, verdict_rule
from tiendo.indicators.models import Assessment, Figure, FigureState, Indicator, Target
from tiendo.indicators.rules import Assessment as Verdicted
from tiendo.indicators.rules import (
    Direction,
    TargetSpec,
    Verdict,
    assess,
)
from tiendo.indicators.slots import by_indicator_and_unit
from tiendo.lib.periods import Period, parse_period
from tiendo.orgs import access
from tiendo.orgs.models import Unit


def stated_verdict(figure) -> str | None:
    """The verdict the issuing body wrote with the figure ("đạt" for 10.619 against 9.950),
    kept in ``Figure.reported["status"]``; rules.issuer_verdict decides whether it wins."""
    return (getattr(figure, "reported", None) or {}).get("status") if figure else None


def target_spec(target: Target | None) -> TargetSpec | None:
    return spec_of(target)


@dataclass
class FigureRow:
    indicator: Indicator
    unit: Unit
    period: Period
    target: Target | None
    figure: Figure | None
    assessment: Verdicted

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
        return self.assessment.label_vi

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


_pick_target = pick_target

# The order of every figure table: indicator, then unit down the tree.
ROW_ORDER = ("indicator__sort_order", "indicator__code", "unit__path", "pk")


def first_rows(assessments, order: tuple[str, ...], n: int):
    """The first n of Assessment rows in `order`, chosen by id in a subquery before the
    targets and figures are joined: the database sorts thousands of narrow rows, and joins
    only the n it keeps (one query with rows_from)."""
    chosen = assessments.order_by(*order).values("pk")[:n]
    return Assessment.objects.filter(pk__in=chosen).order_by(*order)


def rows_from(assessments, period: str | Period) -> list[FigureRow]:
    """FigureRow objects for the stored assessments a page shows (one query, joined); the
    explanation of each is worded here, for these rows only."""
    p = period if isinstance(period, Period) else parse_period(period)
    rule = verdict_rule()
    rows = []
    for a in assessments.select_related("indicator", "unit", "target", "figure"):
        figure, target = a.figure, a.target
        assessment = assess(figure.value if figure else None, spec_of(target),
                            Direction(a.indicator.direction), rule,
                            stated=stated_verdict(figure))
        rows.append(FigureRow(a.indicator, a.unit, p, target, figure, assessment))
    return rows


def figure_table(*, user, period: str | Period, unit_code: str | None = None,
                 include_drafts: bool = False) -> list[FigureRow]:
    """One row per indicator and unit that has a target or a figure in the period, within the
    units the user sees. Reported figures come from the stored assessments (access, one joined
    query); with drafts (a unit's own entry page), targets and figures are read and assessed
    here (access, targets, figures)."""
    p = period if isinstance(period, Period) else parse_period(period)
    if not include_drafts:
        qs = access.scope_by_unit(Assessment.objects.filter(period=p.code), user)
        if unit_code:
            qs = qs.filter(unit__code=unit_code)
        return rows_from(qs.order_by(*ROW_ORDER), p)
    targets = Target.objects.filter(period=p.code).select_related("indicator", "unit")
    figures = Figure.objects.filter(period=p.code, superseded_by__isnull=True).select_related(
        "indicator", "unit"
    )
    if unit_code:
        targets = targets.filter(unit__code=unit_code)
        figures = figures.filter(unit__code=unit_code)
    targets = access.scope_by_unit(targets, user)
    figures = access.scope_by_unit(figures, user)

    rule = verdict_rule()
    rows = []
    for slot in by_indicator_and_unit(targets, figures).values():
        target, figure, ind = pick_target(slot.targets), slot.figure, slot.indicator
        assessment = assess(figure.value if figure else None, spec_of(target),
                            Direction(ind.direction), rule, stated=stated_verdict(figure))
        rows.append(FigureRow(ind, slot.unit, p, target, figure, assessment))
    rows.sort(key=lambda r: (r.indicator.sort_order, r.indicator.code, r.unit.path))
    return rows


def approval_queue(*, user):
    """Submitted figures the user may approve."""
    qs = Figure.objects.filter(state=FigureState.SUBMITTED, superseded_by__isnull=True)
    ids = access.managed_unit_ids(user)
    if ids is not None:
        qs = qs.filter(unit_id__in=ids)
    return qs.select_related("indicator", "unit", "submitted_by").order_by("submitted_at")
