"""Importing a workbook: validate every row first, then write all of it or nothing.

`workbook_import` reads the file, parses each cell (rules.py), checks references (codes of
units, indicators, documents), the importer's rights (an office imports only within its
subtree; the catalogue needs an office or an administrator) and duplicates, then compares each
row with the database: created, updated or unchanged. With any error nothing is written. Writes
go through the domain services where they exist (unit_create, indicator_create, target_set,
task_create) and through the small services below otherwise; each writes its audit entry.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from tiendo.audit.services import deferred as audit_deferred
from tiendo.audit.services import record, record_many, snapshot
from tiendo.indicators import assessments
from tiendo.indicators import services as ind
from tiendo.indicators.models import Figure, FigureState, Target
from tiendo.lib import clock
from tiendo.orgs import access
from tiendo.programmes.models import Programme
from tiendo.tasks import services as task_services
from tiendo.tasks.models import Task, search_key_of
from tiendo.transfer import rules
from tiendo.transfer.checks import (
    BATCH,
    BULK,
    BULK_ACTIONS,
    CREATED,
    E_INVALID,
    FIGURE_FIELDS,
    PLANNERS,
    TASK_FIELDS,
    UNCHANGED,
    UNIT_FIELDS,
    UPDATED,
    ImportResult,
    Plan,
    PlannedRow,
    read_sheet,
)
from tiendo.transfer.workbook import (
    FIGURES,
    INDICATORS,
    PROGRAMMES,
    SHEETS,
    TARGETS,
    TASKS,
    UNITS,
    WorkbookError,
    read_workbook,
)
from tiendo.units import services as orgs


# --- writing ------------------------------------------------------------------------------
def _update(actor, obj, values: dict, action: str, *, m2m: dict | None = None):
    """Set the row's fields, validate, save and record the audit entry."""
    before = snapshot(obj)
    for k, v in values.items():
        setattr(obj, k, v)
    if hasattr(obj, "version"):
        obj.version += 1
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj.save()
    after = snapshot(obj)
    for name, items in (m2m or {}).items():
        getattr(obj, name).set(items)
        after[name] = sorted(u.pk for u in items)
    record(actor=actor, action=action, obj=obj, before=before, after=after,
           reason="import")
    return obj


def _figure_fields(values: dict, by, now) -> dict:
    fields = {k: values[k] for k in FIGURE_FIELDS}
    if values["state"] in (FigureState.SUBMITTED, FigureState.APPROVED, FigureState.RETURNED):
        fields.update(submitted_by=by, submitted_at=now)
    if values["state"] in (FigureState.APPROVED, FigureState.RETURNED):
        fields.update(decided_by=by, decided_at=now)
    return fields


def figure_import(*, actor, indicator, unit, period: str, values: dict,
                  figure: Figure | None, now) -> Figure:
    """Write a figure as the workbook gives it, in the state it names (history imported by an
    office is approved by that office). One audit entry `figure.import`."""
    by = actor if getattr(actor, "pk", None) else None
    fields = _figure_fields(values, by, now)
    with transaction.atomic():
        if figure is None:
            figure = Figure(indicator=indicator, unit=unit, period=period, created_by=by,
                            **fields)
            figure.full_clean(validate_unique=False, validate_constraints=False)
            figure.save()
            record(actor=actor, action="figure.import", obj=figure, after=snapshot(figure),
                   reason="import")
            return figure
        return _update(actor, figure, fields, "figure.import")


class _Writer:
    def __init__(self, plan: Plan, progress, total: int):
        self.plan, self.actor, self.progress, self.total = plan, plan.actor, progress, total
        self.done = 0
        self.now = clock.now()
        self.by = plan.actor if getattr(plan.actor, "pk", None) else None
        self.touched: set[str] = set()  # periods whose stored assessments need refreshing
        self.row: PlannedRow | None = None  # the row being written: a refusal names it
        self.units = plan.units
        self.indicators = plan.indicators
        self.programmes = plan.programmes

    def tick(self, n: int = 1):
        before, self.done = self.done, self.done + n
        if self.progress and (self.done // 200 > before // 200 or self.done == self.total):
            self.progress(self.done, self.total)

    def bulk_create(self, sheet: str, rows: list[PlannedRow]):
        """New targets, figures and tasks: validated field by field, inserted in batches of
        500, each with its audit entry (audit.record_many keeps the chain)."""
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            objs = [getattr(self, "_new_" + BULK[sheet])(r) for r in chunk]
            # Foreign keys are rows the planner found by code: no query per row to check them.
            relations = [f.name for f in objs[0]._meta.concrete_fields if f.is_relation]
            for r, obj in zip(chunk, objs, strict=True):
                self.row = r
                try:
                    obj.clean_fields(exclude=relations)
                except ValidationError as exc:
                    raise ValidationError(exc.messages) from exc
                r.obj = obj
            self.row = None
            model = type(objs[0])
            model.objects.bulk_create(objs, batch_size=BATCH)
            if sheet in (TARGETS, FIGURES):
                self.touched.update(o.period for o in objs)
            if sheet == TASKS:
                through = model.coordinating_units.through
                through.objects.bulk_create([
                    through(task_id=obj.pk, unit_id=self.units[c].pk)
                    for r, obj in zip(chunk, objs, strict=True)
                    for c in r.values["coordinating_units"]])
            record_many(actor=self.actor, action=BULK_ACTIONS[sheet], objs=objs,
                        reason="import", now=self.now)
            self.tick(len(chunk))

    def _new_target(self, row):
        v = row.values
        icode, ucode, period, basis = v["key"]
        return Target(indicator=self.indicators[icode], unit=self.units[ucode], period=period,
                      basis=basis, value=v["value"], bound=v["bound"],
                      value_high=v["value_high"], scope=v["scope"], note=v["note"],
                      programme=self.prog(v["programme"]), is_sample=v["is_sample"])

    def _new_figure(self, row):
        icode, ucode, period = row.values["key"]
        return Figure(indicator=self.indicators[icode], unit=self.units[ucode], period=period,
                      created_by=self.by, **_figure_fields(row.values, self.by, self.now))

    def _new_task(self, row):
        v = {k: row.values[k] for k in TASK_FIELDS}
        return Task(code=row.key, lead_unit=self.units[row.values["lead_unit"]],
                    programme=self.prog(row.values["programme"]), created_by=self.by,
                    search_key=search_key_of(v["title"]), **v)

    def prog(self, code):
        return self.programmes[code] if code else None

    def write(self, row: PlannedRow):
        self.row = row
        if row.action != UNCHANGED:
            getattr(self, "_" + {UNITS: "unit", PROGRAMMES: "programme", INDICATORS: "indicator",
                                 TARGETS: "target", FIGURES: "figure", TASKS: "task"}[row.sheet])(
                row)
        self.tick()

    def _unit(self, row):
        v = {k: row.values[k] for k in UNIT_FIELDS}
        parent = self.units[row.values["parent"]] if row.values["parent"] else None
        if row.obj is None:
            self.units[row.key] = orgs.unit_create(
                actor=self.actor, code=row.key, parent=parent, **v)
        else:
            _update(self.actor, row.obj, {**v, "parent": parent}, "unit.update")

    def unit_successors(self, rows):
        for row in rows:
            if row.sheet != UNITS or row.action == UNCHANGED:
                continue
            unit = self.units[row.key]
            wanted = sorted(row.values["successors"])
            if sorted(unit.successors.values_list("code", flat=True)) != wanted:
                before = sorted(unit.successors.values_list("pk", flat=True))
                unit.successors.set([self.units[c] for c in wanted])
                record(actor=self.actor, action="unit.successors", obj=unit, unit_id=unit.pk,
                       before={"successors": before},
                       after={"successors": sorted(self.units[c].pk for c in wanted)},
                       reason="import")

    def _programme(self, row):
        v = dict(row.values)
        v["issuing_unit"] = self.units[v["issuing_unit"]] if v["issuing_unit"] else None
        with transaction.atomic():
            if row.obj is None:
                p = Programme(code=row.key, **v)
                p.full_clean()
                p.save()
                record(actor=self.actor, action="programme.create", obj=p, after=snapshot(p),
                       reason="import")
                self.programmes[row.key] = p
            else:
                _update(self.actor, row.obj, v, "programme.update")

    def _indicator(self, row):
        v = dict(row.values)
        scope = [self.units[c] for c in v.pop("scope_units")]
        weight = v.pop("history_weight")
        v["parent"] = self.indicators[v["parent"]] if v["parent"] else None
        v["programme"] = self.prog(v["programme"])
        if row.obj is None:
            self.indicators[row.key] = ind.indicator_create(
                actor=self.actor, code=row.key, scope_units=scope, **v)
        else:
            _update(self.actor, row.obj, v, "indicator.update", m2m={"scope_units": scope})
        row.values["_weight"] = weight

    def indicator_weights(self, rows):
        for row in rows:
            if row.sheet != INDICATORS or row.action == UNCHANGED:
                continue
            self.row = row
            i = self.indicators[row.key]
            weight = self.indicators[row.values["_weight"]] if row.values["_weight"] else None
            if i.history_weight_id != (weight.pk if weight else None):
                _update(self.actor, i, {"history_weight": weight}, "indicator.update")

    def _target(self, row):
        v = row.values
        icode, ucode, period, basis = v["key"]
        ind.target_set(actor=self.actor, indicator=self.indicators[icode], unit=self.units[ucode],
                       period=period, value=v["value"], bound=v["bound"],
                       value_high=v["value_high"], scope=v["scope"], basis=basis, note=v["note"],
                       programme=self.prog(v["programme"]), is_sample=v["is_sample"])

    def assess(self, rows):
        """Stored verdicts (indicators.assessments) of what the import wrote: the periods of
        bulk-created targets and figures in one pass each, and indicators whose direction or
        key flag may have changed. target_set refreshes its own slot."""
        if self.touched:
            assessments.reassess(periods=sorted(self.touched))
        for row in rows:
            if row.sheet == INDICATORS and row.action == UPDATED:
                assessments.refresh_indicator(indicator_id=self.indicators[row.key].pk)

    def _figure(self, row):
        icode, ucode, period = row.values["key"]
        self.touched.add(period)
        figure_import(actor=self.actor, indicator=self.indicators[icode],
                      unit=self.units[ucode], period=period, values=row.values, figure=row.obj,
                      now=self.now)

    def _task(self, row):
        v = dict(row.values)
        lead = self.units[v.pop("lead_unit")]
        coord = [self.units[c] for c in v.pop("coordinating_units")]
        v["programme"] = self.prog(v["programme"])
        if row.obj is None:
            task_services.task_create(actor=self.actor, lead_unit=lead, code=row.key,
                                      coordinating_units=coord, **v)
        else:
            _update(self.actor, row.obj, {**v, "lead_unit": lead}, "task.import",
                    m2m={"coordinating_units": coord})


def workbook_import(*, actor, source, dry_run: bool = False, progress=None) -> ImportResult:
    """Validate the whole workbook, then (unless `dry_run` or on any error) write it in one
    transaction. `progress(done, total)` is called while writing."""
    try:
        sheets = read_workbook(source)
    except WorkbookError as exc:
        result = ImportResult()
        result.errors.append(rules.RowError("", 0, "", "", str(exc), str(exc)))
        return result
    return import_sheets(actor=actor, sheets=sheets, dry_run=dry_run, progress=progress)


def import_sheets(*, actor, sheets: list, dry_run: bool = False, progress=None) -> ImportResult:
    """The same checks and writes for rows that come from elsewhere than a file (the planning
    grid): `sheets` are workbook.SheetRows."""
    plan = Plan(actor)
    if not sheets:
        plan.result.errors.append(rules.RowError(
            "", 0, "", "", "có ít nhất một sheet: " + ", ".join(SHEETS),
            "at least one sheet named: " + ", ".join(SHEETS)))
        return plan.result
    for sheet in sheets:
        read = read_sheet(plan, sheet)
        if read:
            PLANNERS[sheet.name](plan, read)
    result = plan.result
    result.errors.sort(key=lambda e: (list(SHEETS).index(e.sheet) if e.sheet in SHEETS else -1,
                                      e.row))
    if result.errors or dry_run:
        return result
    changed = [r for r in result.rows if r.action != UNCHANGED]
    writer = _Writer(plan, progress, len(result.rows))
    try:
        # The audit entries are chained at the end, after the stored verdicts: the import
        # takes the log's head last, as an interactive save does (audit.services.deferred).
        with transaction.atomic(), audit_deferred():
            for sheet in (UNITS, PROGRAMMES, INDICATORS, TARGETS, FIGURES, TASKS):
                rows = [r for r in result.rows if r.sheet == sheet]
                if sheet in BULK:
                    writer.bulk_create(sheet, [r for r in rows if r.action == CREATED])
                    rows = [r for r in rows if r.action != CREATED]
                for row in rows:
                    writer.write(row)
                if sheet == UNITS:
                    writer.unit_successors(changed)
                    access.forget_scope(actor)  # new units join the importer's subtree
                if sheet == INDICATORS:
                    writer.indicator_weights(changed)
            writer.assess(changed)
    except ValidationError as exc:
        # A rule checked only by the model (a constraint the planner does not know): the
        # transaction is rolled back, the file is refused.
        at = writer.row
        sheet_name, n = (at.sheet, at.row) if at is not None else ("", 0)
        error = "; ".join(exc.messages)
        result.errors.append(rules.RowError(
            sheet_name, n, "", "", E_INVALID[0].format(error=error),
            E_INVALID[1].format(error=error)))
        return result
    result.written = True
    return result

