"""Assess on write: keep `Assessment` rows in step with targets and figures.

Every write of a target or a figure (the services, the admin, the bulk loaders) calls
`refresh(...)` for the indicator, unit and period it touched, in the same transaction; pages
then count the stored classes in SQL. Each write also recounts the unit's `UnitTally` of that
period (`retally`), the rollup that overviews of many units sum. A change of the verdict rule
re-assesses everything through `reassess(...)` (command `tiendo reassess`, and the worker when
it sees the rule changed), and recounts the tallies of each period it re-assessed.

The choice of the plan that counts and the class of a row are the same as they always were:
`pick_target` and `row_class` below are the only definitions.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q

from tiendo.indicators.models import (
    Assessment,
    AssessmentRun,
    Figure,
    FigureState,
    Indicator,
    RowClass,
    Target,
    TargetScope,
    UnitTally,
)
from tiendo.indicators.rules import (
    Bound,
    Direction,
    TargetSpec,
    Verdict,
    VerdictRule,
    judge,
    verdict_rule_from,
)

BATCH = 2000
LOCK_KEY = 712026  # advisory lock of the re-assessment


def verdict_rule() -> VerdictRule:
    """The workspace's verdict rule, from settings (TIENDO_RULES, read by
    rules.verdict_rule_from: no vượt threshold unless one is configured)."""
    return verdict_rule_from(settings.TIENDO_RULES)


def rule_key(rule: VerdictRule | None = None) -> str:
    """A short fingerprint of the rule the stored verdicts were computed with."""
    rule = rule or verdict_rule()
    margin = "-" if rule.exceed_margin is None else rule.exceed_margin.normalize()
    return (f"m{margin}:a{rule.about_tolerance.normalize()}"
            f":b{int(rule.exceed_on_bounds)}:s{int(rule.honour_stated)}")


def pick_target(targets: list) -> object | None:
    """The plan of the period itself, preferring the row without a named basis, then the
    oldest. Works on Target rows and on anything with scope, basis and pk."""
    if not targets:
        return None
    return sorted(targets, key=lambda t: (t.scope != TargetScope.PERIOD, t.basis != "",
                                          t.pk))[0]


def spec_of(target) -> TargetSpec | None:
    if target is None:
        return None
    return TargetSpec(value=target.value, bound=Bound(target.bound), value_high=target.value_high)


def row_class(verdict: str | None, has_target: bool, has_figure: bool) -> str:
    """met / not_met for a verdict; not_reported for a target without a figure; no_target for a
    figure without a plan to compare with."""
    if verdict:
        return RowClass.NOT_MET if verdict == Verdict.NOT_ACHIEVED else RowClass.MET
    if has_target and not has_figure:
        return RowClass.NOT_REPORTED
    return RowClass.NO_TARGET


def _build(indicator_id, unit_id, period, targets, figure, direction, is_key, rule, key):
    target = pick_target(targets)
    stated = (getattr(figure, "reported", None) or {}).get("status") if figure else None
    a = judge(figure.value if figure else None, spec_of(target), Direction(direction), rule,
              stated=stated)  # the stored row keeps the verdict, not the sentence
    verdict = a.verdict.value if a.verdict else ""
    return Assessment(
        indicator_id=indicator_id, unit_id=unit_id, period=period,
        target_id=target.pk if target else None, figure_id=figure.pk if figure else None,
        verdict=verdict, attainment=a.attainment, is_key=is_key, rule=key,
        klass=row_class(verdict, target is not None, figure is not None),
    )


def _reported(qs):
    return qs.filter(superseded_by__isnull=True).exclude(state=FigureState.DRAFT)


def _serialise() -> None:
    """Two re-assessments of the same period (two workers) take turns (PostgreSQL advisory
    lock held to the end of the transaction; SQLite writers already take turns)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def refresh(*, indicator_id: int, unit_id: int, period: str) -> Assessment | None:
    """Re-assess one indicator, unit and period (three small indexed reads, one write). Call it
    inside the transaction of the write that changed a target or figure of that slot."""
    targets = list(Target.objects.filter(indicator_id=indicator_id, unit_id=unit_id,
                                         period=period))
    figure = _reported(Figure.objects.filter(indicator_id=indicator_id, unit_id=unit_id,
                                             period=period)).first()
    if not targets and figure is None:
        with transaction.atomic():
            Assessment.objects.filter(indicator_id=indicator_id, unit_id=unit_id,
                                      period=period).delete()
            retally(unit_id=unit_id, period=period)
        return None
    direction, is_key = Indicator.objects.values_list("direction", "is_key").get(
        pk=indicator_id)
    rule = verdict_rule()
    row = _build(indicator_id, unit_id, period, targets, figure, direction, is_key, rule,
                 rule_key(rule))
    fields = ["target_id", "figure_id", "verdict", "attainment", "klass", "is_key", "rule"]
    with transaction.atomic():
        updated = Assessment.objects.filter(
            indicator_id=indicator_id, unit_id=unit_id, period=period,
        ).update(**{f: getattr(row, f) for f in fields})
        if not updated:
            row.save()
        retally(unit_id=unit_id, period=period)
    return row


# --- the rollup: a unit's classes per period ----------------------------------------------

TALLY_FIELDS = ("met", "not_met", "not_reported", "no_target", "exceeded")


def _tally_columns() -> dict:
    counts = {k: Count("pk", filter=Q(klass=k)) for k in RowClass.values}
    return {**counts, "exceeded": Count("pk", filter=Q(verdict=Verdict.EXCEEDED))}


def retally(*, unit_id: int, period: str) -> None:
    """Recount one unit's stored assessments of a period into its UnitTally row, inside the
    transaction that changed them. The row is created or locked first (an upsert) and counted
    after, so two writers of the same unit and period count one after the other: on PostgreSQL
    the second counts what the first committed; SQLite writers already take turns."""
    with transaction.atomic():
        UnitTally.objects.bulk_create(
            [UnitTally(unit_id=unit_id, period=period)], update_conflicts=True,
            unique_fields=["unit", "period"], update_fields=["period"])
        counts = (Assessment.objects.filter(unit_id=unit_id, period=period).order_by()
                  .aggregate(**_tally_columns()))
        if not any(counts.values()):
            UnitTally.objects.filter(unit_id=unit_id, period=period).delete()
            return
        UnitTally.objects.filter(unit_id=unit_id, period=period).update(**counts)


def retally_period(period: str) -> int:
    """Rebuild every unit's tally of a period from its assessments (after a re-assessment of
    the period). Returns the rows written."""
    with transaction.atomic():
        UnitTally.objects.filter(period=period).delete()
        rows = [UnitTally(**row) for row in Assessment.objects.filter(period=period).order_by()
                .values("unit_id", "period").annotate(**_tally_columns())]  # one GROUP BY
        UnitTally.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def refresh_indicator(*, indicator_id: int) -> int:
    """After a change of the indicator itself (direction, chỉ tiêu chủ yếu): its slots again."""
    return reassess(indicator_ids=[indicator_id])


def reassess(*, periods: Iterable[str] | None = None, indicator_ids: Iterable[int] | None = None,
             progress: Callable[[int, int], None] | None = None) -> int:
    """Re-assess every slot (of the given periods or indicators): one period at a time, plain
    tuples in, rows out in batches; each period in its own transaction. Returns the rows
    written. `progress(done, total)` is called after each period."""
    targets_qs = Target.objects.all()
    figures_qs = _reported(Figure.objects.all())
    if indicator_ids is not None:
        indicator_ids = list(indicator_ids)
        targets_qs = targets_qs.filter(indicator_id__in=indicator_ids)
        figures_qs = figures_qs.filter(indicator_id__in=indicator_ids)
    if periods is None:
        codes = set(targets_qs.values_list("period", flat=True).distinct())
        codes |= set(figures_qs.values_list("period", flat=True).distinct())
        periods = sorted(codes)
    periods = list(periods)
    indicators = {pk: (d, k) for pk, d, k in
                      Indicator.objects.values_list("pk", "direction", "is_key")}
    rule = verdict_rule()
    key = rule_key(rule)
    written = 0
    for done, period in enumerate(periods, start=1):
        slots: dict = defaultdict(lambda: [[], None])
        for t in targets_qs.filter(period=period).only(
                "pk", "indicator_id", "unit_id", "scope", "basis", "value", "bound",
                "value_high").iterator(chunk_size=BATCH):
            slots[(t.indicator_id, t.unit_id)][0].append(t)
        for f in figures_qs.filter(period=period).only(
                "pk", "indicator_id", "unit_id", "value", "reported").iterator(
                chunk_size=BATCH):
            slots[(f.indicator_id, f.unit_id)][1] = f
        rows = [_build(iid, uid, period, ts, fig, *indicators[iid], rule, key)
                for (iid, uid), (ts, fig) in slots.items()]
        with transaction.atomic():
            _serialise()
            stale = Assessment.objects.filter(period=period)
            if indicator_ids is not None:
                stale = stale.filter(indicator_id__in=indicator_ids)
            stale.delete()
            Assessment.objects.bulk_create(rows, batch_size=BATCH)
            retally_period(period)
        written += len(rows)
        if progress:
            progress(done, len(periods))
    return written


def stale_rule() -> bool:
    """True when some stored row was assessed with another verdict rule than today's (two
    index range seeks, whatever the number of rows)."""
    key = rule_key()
    return Assessment.objects.filter(Q(rule__lt=key) | Q(rule__gt=key)).exists()


def needs_reassess() -> bool:
    """A changed verdict rule, or targets and figures with no stored assessment at all (a
    database upgraded from before assess-on-write)."""
    if stale_rule():
        return True
    return not Assessment.objects.exists() and (
        Target.objects.exists() or _reported(Figure.objects.all()).exists())


def reassess_job(*, now, progress: Callable[[int, int], None] | None = None) -> AssessmentRun:
    """Re-assess everything as a recorded run whose progress pages can show; the worker runs it
    when `needs_reassess()`, and `tiendo reassess` on demand."""
    run = AssessmentRun.objects.create(rule=rule_key(), started_at=now)

    def step(done: int, total: int) -> None:
        AssessmentRun.objects.filter(pk=run.pk).update(periods_done=done, periods_total=total)
        if progress:
            progress(done, total)

    run.rows = reassess(progress=step)
    run.periods_done = run.periods_total = AssessmentRun.objects.get(pk=run.pk).periods_total
    run.finished_at = now
    run.save()
    return run
