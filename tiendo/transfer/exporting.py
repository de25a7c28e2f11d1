"""Writing the database (what a user sees) in the workbook format, and the empty template."""

from __future__ import annotations

from tiendo.indicators.models import Figure, Indicator, Target
from tiendo.orgs import access
from tiendo.programmes.models import Programme
from tiendo.tasks.models import Task
from tiendo.transfer.workbook import (
    FIGURES,
    INDICATORS,
    PROGRAMMES,
    TARGETS,
    TASKS,
    UNITS,
    write_workbook,
)


def _code(obj):
    return obj.code if obj is not None else None


def export_rows(*, user) -> dict[str, list[dict]]:
    """Every sheet's rows: the units the user sees and their targets, figures (the current
    row of each) and tasks; the whole catalogue of indicators and documents."""
    units = list(access.units_visible_to(user).select_related("parent")
                 .prefetch_related("successors").order_by("depth", "path"))
    visible = {u.pk for u in units}
    data: dict[str, list[dict]] = {}
    data[UNITS] = [{
        "code": u.code, "name": u.name, "short_name": u.short_name, "tree": u.tree,
        "kind": u.kind, "parent": u.parent.code if u.parent_id in visible else None,
        "peer_group": u.peer_group, "valid_from": u.valid_from, "valid_to": u.valid_to,
        "successors": sorted(s.code for s in u.successors.all() if s.pk in visible),
        "sort_order": u.sort_order, "is_sample": u.is_sample,
    } for u in units]
    data[PROGRAMMES] = [{
        "code": p.code, "title": p.title, "kind": p.kind, "document_number": p.document_number,
        "issued_on": p.issued_on, "term_start": p.term_start, "term_end": p.term_end,
        "period": p.period or None,
        "issuing_unit": p.issuing_unit.code if p.issuing_unit_id in visible else None,
        "source_note": p.source_note,
    } for p in Programme.objects.select_related("issuing_unit").order_by("code")]
    data[INDICATORS] = [{
        "code": i.code, "name": i.name, "unit_of_measure": i.unit_of_measure,
        "direction": i.direction, "rollup": i.rollup, "history_rule": i.history_rule,
        "history_weight": _code(i.history_weight), "frequency": i.frequency,
        "is_cumulative": i.is_cumulative, "field": i.field or None, "parent": _code(i.parent),
        "programme": _code(i.programme),
        "scope_units": sorted(u.code for u in i.scope_units.all() if u.pk in visible),
        "is_key": i.is_key, "sort_order": i.sort_order, "description": i.description,
    } for i in Indicator.objects.select_related("parent", "programme", "history_weight")
        .prefetch_related("scope_units").order_by("sort_order", "code")]
    targets = access.scope_by_unit(Target.objects.select_related(
        "indicator", "unit", "programme"), user).order_by("indicator__code", "unit__code",
                                                          "period", "basis")
    data[TARGETS] = [{
        "indicator": t.indicator.code, "unit": t.unit.code, "period": t.period,
        "bound": t.bound, "value": t.value, "value_high": t.value_high, "scope": t.scope,
        "basis": t.basis, "programme": _code(t.programme), "note": t.note,
        "is_sample": t.is_sample,
    } for t in targets.iterator(chunk_size=2000)]
    figures = access.scope_by_unit(Figure.objects.filter(superseded_by__isnull=True)
                                   .select_related("indicator", "unit"), user)
    data[FIGURES] = [{
        "indicator": f.indicator.code, "unit": f.unit.code, "period": f.period,
        "value": f.value, "is_estimate": f.is_estimate, "change": f.change, "state": f.state,
        "source": f.source, "note": f.note, "reported": f.reported, "is_sample": f.is_sample,
    } for f in figures.order_by("indicator__code", "unit__code", "period")
        .iterator(chunk_size=2000)]
    tasks = access.scope_by_unit(Task.objects.exclude(code=None).select_related(
        "lead_unit", "programme").prefetch_related("coordinating_units"), user,
        field="lead_unit").order_by("pk")
    data[TASKS] = [{
        "code": t.code, "title": t.title, "lead_unit": t.lead_unit.code,
        "coordinating_units": sorted(u.code for u in t.coordinating_units.all()
                                     if u.pk in visible),
        "programme": _code(t.programme), "period": t.period or None,
        "start_date": t.start_date, "deadline": t.deadline,
        "extended_deadline": t.extended_deadline, "expected_product": t.expected_product,
        "is_key": t.is_key, "recurrence": t.recurrence, "progress": t.progress,
        "state": t.state, "completed_on": t.completed_on, "description": t.description,
        "source_note": t.source_note, "is_sample": t.is_sample,
    } for t in tasks]
    return data


def drop_down_lists(*, user) -> dict[str, list[str]]:
    units = list(access.units_visible_to(user).order_by("path").values_list("code", flat=True))
    periods = sorted(set(Target.objects.values_list("period", flat=True).distinct()))
    return {"units": units, "periods": periods or ["2026", "2026-Q1", "2025-2030"]}


def export_workbook(*, user) -> bytes:
    return write_workbook(export_rows(user=user), lists=drop_down_lists(user=user))


def template_workbook(*, user) -> bytes:
    return write_workbook({}, template=True, lists=drop_down_lists(user=user))
