"""Checking a workbook's rows before anything is written: parsing each cell (rules.py),
references by code, the importer's rights, duplicates, reporting scope, and the comparison
with the database (created, updated, unchanged). services.py writes what this plans."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tiendo.indicators.models import Figure, FigureState, Indicator, Target
from tiendo.orgs import access
from tiendo.orgs.models import Role, Unit
from tiendo.programmes.models import Programme
from tiendo.tasks.models import Task
from tiendo.transfer import rules
from tiendo.transfer.workbook import (
    FIGURES,
    INDICATORS,
    PROGRAMMES,
    SHEETS,
    TARGETS,
    TASKS,
    UNITS,
    parse_cell,
)

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
BATCH = 500
BULK = {TARGETS: "target", FIGURES: "figure", TASKS: "task"}
BULK_ACTIONS = {TARGETS: "target.set", FIGURES: "figure.import", TASKS: "task.create"}
PREVIEW_LIMIT = 500
E_UNKNOWN_UNIT = ("mã đơn vị có trong sheet “Đơn vị” hoặc đã có trong hệ thống",
                  "a unit code present in sheet “Đơn vị” or in the system")
E_UNKNOWN_INDICATOR = ("mã chỉ tiêu có trong sheet “Chỉ tiêu” hoặc đã có trong hệ thống",
                       "an indicator code present in sheet “Chỉ tiêu” or in the system")
E_UNKNOWN_PROGRAMME = ("mã văn bản có trong sheet “Văn bản” hoặc đã có trong hệ thống",
                       "a document code present in sheet “Văn bản” or in the system")
E_OUT_OF_SCOPE = ("một đơn vị trong phạm vi bạn quản lý",
                  "a unit within the part of the tree you manage")
E_CATALOGUE = ("quyền văn phòng hoặc quản trị để sửa danh mục",
               "an office or administrator role to change the catalogue")
E_DUPLICATE = ("dòng không trùng với dòng {first} (cùng khóa)",
               "a row not repeating row {first} (same key)")
E_MISSING_COLUMN = ("có cột “{header}”", "a column “{header}”")
E_UNKNOWN_COLUMN = ("chỉ các cột của mẫu; cột này không có trong mẫu",
                    "only the template's columns; this one is not in it")
E_CYCLE = ("cấp trên không tạo thành vòng lặp", "parents that do not form a cycle")
E_RANGE = ("cận trên ≥ giá trị khi ràng buộc là “trong khoảng”",
           "an upper bound ≥ the value when the bound is “range”")
E_INVALID = ("giá trị hợp lệ — {error}", "a valid value — {error}")


@dataclass
class PlannedRow:
    sheet: str
    row: int
    key: str
    action: str
    values: dict
    obj: object = None


@dataclass
class ImportResult:
    errors: list[rules.RowError] = field(default_factory=list)
    rows: list[PlannedRow] = field(default_factory=list)
    written: bool = False

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, Counter] = {}
        for r in self.rows:
            out.setdefault(r.sheet, Counter())[r.action] += 1
        return {s: {a: c[a] for a in (CREATED, UPDATED, UNCHANGED)} for s, c in out.items()}

    def total(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    def as_json(self) -> dict:
        return {
            "ok": not self.errors, "written": self.written,
            "created": self.total(CREATED), "updated": self.total(UPDATED),
            "unchanged": self.total(UNCHANGED), "sheets": self.counts,
            "errors": [e.as_json() for e in self.errors],
        }

    def preview(self, limit: int = PREVIEW_LIMIT) -> list[PlannedRow]:
        changed = [r for r in self.rows if r.action != UNCHANGED]
        return changed[:limit]


class Plan:
    def __init__(self, actor):
        self.actor = actor
        self.result = ImportResult()
        self.units = {u.code: u for u in Unit.objects.select_related("parent")
                      .prefetch_related("successors")}
        self.indicators = {i.code: i for i in Indicator.objects.select_related(
            "parent", "programme", "history_weight").prefetch_related("scope_units")}
        self.programmes = {p.code: p for p in Programme.objects.select_related("issuing_unit")}
        self.new_units: dict[str, dict] = {}
        self.new_indicators: set[str] = set()
        self.new_programmes: set[str] = set()
        self.file_scope: dict[str, list[str]] = {}
        self.absent: dict[str, set[str]] = {}
        self.is_admin = access.is_admin(actor)
        self.may_catalogue = self.is_admin or access.has_role(actor, Role.OFFICE)
        self.managed = access.managed_unit_ids(actor)

    def error(self, sheet, row, column, value, expected, **fmt):
        vi, en = expected
        self.result.errors.append(rules.RowError(
            sheet, row, column, rules.as_text(value)[:80], vi.format(**fmt), en.format(**fmt)))

    # --- references ---------------------------------------------------------------------
    def in_scope(self, indicator: str, unit: str) -> bool:
        """Whether the indicator is reported by this unit (an empty scope: every unit)."""
        if indicator in self.file_scope:
            scope = self.file_scope[indicator]
        else:
            scope = [u.code for u in self.indicators[indicator].scope_units.all()]
        return not scope or unit in scope

    def unit_known(self, code) -> bool:
        return code in self.units or code in self.new_units

    def may_manage(self, code: str) -> bool:
        """Whether the actor manages this unit (existing) or would manage it (new in the file:
        through its nearest existing ancestor)."""
        if self.managed is None:
            return True
        seen = set()
        while code in self.new_units and code not in seen:
            seen.add(code)
            code = self.new_units[code].get("parent")
            if code is None:
                return False
        unit = self.units.get(code)
        return unit is not None and unit.pk in self.managed


def read_sheet(plan: Plan, sheet) -> list[tuple[int, dict]]:
    cols = {c.key: c for c in SHEETS[sheet.name]}
    plan.absent[sheet.name] = set(cols) - set(sheet.columns)
    for header in sheet.unknown_headers:
        plan.error(sheet.name, 1, header, "", E_UNKNOWN_COLUMN)
    for c in cols.values():
        if c.required and c.key not in sheet.columns:
            plan.error(sheet.name, 1, c.header, "", E_MISSING_COLUMN, header=c.header)
    out = []
    for n, cells in sheet.rows:
        values, ok = {}, True
        for key, col in cols.items():
            i = sheet.columns.get(key)
            raw = cells[i] if i is not None and i < len(cells) else None
            try:
                values[key] = parse_cell(col, raw)
            except rules.CellError as exc:
                ok = False
                plan.result.errors.append(rules.RowError(
                    sheet.name, n, col.header, rules.as_text(raw)[:80], exc.expected_vi,
                    exc.expected_en))
        if ok:
            out.append((n, values))
    return out


def _compare(plan: Plan, sheet: str, now: dict, values: dict) -> str:
    """UNCHANGED or UPDATED. A column the sheet does not have keeps the database's value (a
    file of codes and values only does not clear names, notes or documents)."""
    for key in plan.absent.get(sheet, ()):
        if key in now:
            values[key] = now[key]
    return UNCHANGED if now == values else UPDATED


def _dedupe(plan: Plan, sheet: str, rows, key_of, column: str):
    seen: dict = {}
    kept = []
    for n, v in rows:
        key = key_of(v)
        if key in seen:
            plan.error(sheet, n, column, "", E_DUPLICATE, first=seen[key])
            continue
        seen[key] = n
        kept.append((n, v))
    return kept


def _d(v, default):
    return default if v is None else v


# --- planning each sheet ----------------------------------------------------------------------
UNIT_FIELDS = ("name", "short_name", "tree", "kind", "peer_group", "valid_from", "valid_to",
               "sort_order", "is_sample")


def _unit_values(v: dict) -> dict:
    return {"name": v["name"], "short_name": _d(v["short_name"], ""), "tree": v["tree"],
            "kind": v["kind"], "peer_group": _d(v["peer_group"], ""),
            "valid_from": v["valid_from"], "valid_to": v["valid_to"],
            "sort_order": _d(v["sort_order"], 0), "is_sample": _d(v["is_sample"], False)}


def _parents_first(plan: Plan, sheet: str, rows, column: str):
    """The rows with each parent before its children; none, with an error, when the parents
    make a cycle."""
    order = rules.order_by_parent([(v["code"], v["parent"]) for _n, v in rows])
    if order is None:
        plan.error(sheet, rows[0][0], column, "", E_CYCLE)
        return []
    by_code = {v["code"]: (n, v) for n, v in rows}
    return [by_code[code] for code in order]


def _plan_units(plan: Plan, rows):
    rows = _dedupe(plan, UNITS, rows, lambda v: v["code"], "Mã")
    for _n, v in rows:
        plan.new_units[v["code"]] = v if v["code"] not in plan.units else None
    plan.new_units = {k: v for k, v in plan.new_units.items() if v is not None}
    for n, v in _parents_first(plan, UNITS, rows, "Mã cấp trên"):
        code = v["code"]
        if v["parent"] and not plan.unit_known(v["parent"]):
            plan.error(UNITS, n, "Mã cấp trên", v["parent"], E_UNKNOWN_UNIT)
            continue
        for s in v["successors"] or []:
            if not plan.unit_known(s):
                plan.error(UNITS, n, "Đơn vị kế thừa", s, E_UNKNOWN_UNIT)
        if v["valid_from"] and v["valid_to"] and v["valid_to"] < v["valid_from"]:
            plan.error(UNITS, n, "Hiệu lực đến", v["valid_to"],
                       ("ngày không trước “Hiệu lực từ”", "a date not before “Hiệu lực từ”"))
        unit = plan.units.get(code)
        if unit is None:
            allowed = plan.is_admin if not v["parent"] else plan.may_manage(v["parent"])
        else:
            allowed = plan.may_manage(code)
        if not allowed:
            plan.error(UNITS, n, "Mã", code, E_OUT_OF_SCOPE)
            continue
        values = _unit_values(v)
        values["parent"] = v["parent"]
        values["successors"] = sorted(v["successors"] or [])
        if unit is None:
            action = CREATED
        else:
            now = {f: getattr(unit, f) for f in UNIT_FIELDS}
            now["parent"] = unit.parent.code if unit.parent_id else None
            now["successors"] = sorted(s.code for s in unit.successors.all())
            action = _compare(plan, UNITS, now, values)
        plan.result.rows.append(PlannedRow(UNITS, n, code, action, values, unit))


def _plan_programmes(plan: Plan, rows):
    rows = _dedupe(plan, PROGRAMMES, rows, lambda v: v["code"], "Mã")
    for n, v in rows:
        if not plan.may_catalogue:
            plan.error(PROGRAMMES, n, "Mã", v["code"], E_CATALOGUE)
            continue
        if v["issuing_unit"] and not plan.unit_known(v["issuing_unit"]):
            plan.error(PROGRAMMES, n, "Cơ quan ban hành", v["issuing_unit"], E_UNKNOWN_UNIT)
            continue
        values = {"title": v["title"], "kind": v["kind"],
                  "document_number": _d(v["document_number"], ""), "issued_on": v["issued_on"],
                  "term_start": v["term_start"], "term_end": v["term_end"],
                  "period": _d(v["period"], ""), "issuing_unit": v["issuing_unit"],
                  "source_note": _d(v["source_note"], "")}
        p = plan.programmes.get(v["code"])
        if p is None:
            plan.new_programmes.add(v["code"])
            action = CREATED
        else:
            now = {k: getattr(p, k) for k in values if k != "issuing_unit"}
            now["issuing_unit"] = p.issuing_unit.code if p.issuing_unit_id else None
            action = _compare(plan, PROGRAMMES, now, values)
        plan.result.rows.append(PlannedRow(PROGRAMMES, n, v["code"], action, values, p))


def _programme_known(plan, code) -> bool:
    return code is None or code in plan.programmes or code in plan.new_programmes


INDICATOR_FIELDS = ("name", "unit_of_measure", "direction", "rollup", "history_rule",
                    "frequency", "is_cumulative", "field", "is_key", "sort_order", "description")


def _plan_indicators(plan: Plan, rows):
    rows = _dedupe(plan, INDICATORS, rows, lambda v: v["code"], "Mã")
    plan.new_indicators = {v["code"] for _n, v in rows if v["code"] not in plan.indicators}
    known = set(plan.indicators) | plan.new_indicators
    for n, v in _parents_first(plan, INDICATORS, rows, "Thuộc chỉ tiêu"):
        code = v["code"]
        bad = False
        if not plan.may_catalogue:
            plan.error(INDICATORS, n, "Mã", code, E_CATALOGUE)
            continue
        for col, ref in (("Thuộc chỉ tiêu", v["parent"]),
                         ("Chỉ tiêu trọng số", v["history_weight"])):
            if ref and ref not in known:
                plan.error(INDICATORS, n, col, ref, E_UNKNOWN_INDICATOR)
                bad = True
        if not _programme_known(plan, v["programme"]):
            plan.error(INDICATORS, n, "Mã văn bản", v["programme"], E_UNKNOWN_PROGRAMME)
            bad = True
        for s in v["scope_units"] or []:
            if not plan.unit_known(s):
                plan.error(INDICATORS, n, "Đơn vị báo cáo", s, E_UNKNOWN_UNIT)
                bad = True
        if bad:
            continue
        values = {"name": v["name"], "unit_of_measure": v["unit_of_measure"],
                  "direction": _d(v["direction"], "higher"), "rollup": _d(v["rollup"], "sum"),
                  "history_rule": _d(v["history_rule"], "none"),
                  "frequency": _d(v["frequency"], "quarter"),
                  "is_cumulative": _d(v["is_cumulative"], False), "field": _d(v["field"], ""),
                  "is_key": _d(v["is_key"], False), "sort_order": _d(v["sort_order"], 0),
                  "description": _d(v["description"], ""), "parent": v["parent"],
                  "history_weight": v["history_weight"], "programme": v["programme"],
                  "scope_units": sorted(v["scope_units"] or [])}
        i = plan.indicators.get(code)
        if i is None:
            action = CREATED
        else:
            now = {f: getattr(i, f) for f in INDICATOR_FIELDS}
            now["parent"] = i.parent.code if i.parent_id else None
            now["history_weight"] = i.history_weight.code if i.history_weight_id else None
            now["programme"] = i.programme.code if i.programme_id else None
            now["scope_units"] = sorted(u.code for u in i.scope_units.all())
            action = _compare(plan, INDICATORS, now, values)
        plan.file_scope[code] = values["scope_units"]
        plan.result.rows.append(PlannedRow(INDICATORS, n, code, action, values, i))


def _indicator_known(plan, code) -> bool:
    return code in plan.indicators or code in plan.new_indicators


E_NOT_REPORTED = ("một đơn vị trong “Đơn vị báo cáo” của chỉ tiêu",
                  "a unit among the indicator's reporting units")


def _check_scope(plan, sheet, n, v) -> bool:
    if plan.in_scope(v["indicator"], v["unit"]):
        return True
    plan.error(sheet, n, "Mã đơn vị", v["unit"], E_NOT_REPORTED)
    return False


def _check_unit_ref(plan, sheet, n, column, code) -> bool:
    if not plan.unit_known(code):
        plan.error(sheet, n, column, code, E_UNKNOWN_UNIT)
        return False
    if not plan.may_manage(code):
        plan.error(sheet, n, column, code, E_OUT_OF_SCOPE)
        return False
    return True


def _plan_targets(plan: Plan, rows):
    key = lambda v: (v["indicator"], v["unit"], v["period"], v["basis"] or "")  # noqa: E731
    rows = _dedupe(plan, TARGETS, rows, key, "Kỳ")
    ind_ids = [i.pk for c, i in plan.indicators.items()]
    existing = {}
    if rows and ind_ids:
        for t in Target.objects.filter(period__in={v["period"] for _n, v in rows}).select_related(
                "indicator", "unit", "programme").iterator(chunk_size=2000):
            existing[(t.indicator.code, t.unit.code, t.period, t.basis)] = t
    for n, v in rows:
        ok = True
        if not _indicator_known(plan, v["indicator"]):
            plan.error(TARGETS, n, "Mã chỉ tiêu", v["indicator"], E_UNKNOWN_INDICATOR)
            ok = False
        ok = _check_unit_ref(plan, TARGETS, n, "Mã đơn vị", v["unit"]) and ok
        if not _programme_known(plan, v["programme"]):
            plan.error(TARGETS, n, "Mã văn bản", v["programme"], E_UNKNOWN_PROGRAMME)
            ok = False
        bound = _d(v["bound"], "=")
        if bound == "range" and (v["value_high"] is None or v["value_high"] < v["value"]):
            plan.error(TARGETS, n, "Cận trên", v["value_high"], E_RANGE)
            ok = False
        if not ok or not _check_scope(plan, TARGETS, n, v):
            continue
        values = {"value": v["value"], "bound": bound, "value_high": v["value_high"],
                  "scope": _d(v["scope"], "period"), "note": _d(v["note"], ""),
                  "programme": v["programme"], "is_sample": _d(v["is_sample"], False)}
        k = key(v)
        t = existing.get(k)
        if t is None:
            action = CREATED
        else:
            now = {"value": t.value, "bound": t.bound, "value_high": t.value_high,
                   "scope": t.scope, "note": t.note,
                   "programme": t.programme.code if t.programme_id else None,
                   "is_sample": t.is_sample}
            action = _compare(plan, TARGETS, now, values)
        plan.result.rows.append(PlannedRow(TARGETS, n, "/".join(k[:3]), action,
                                           {**values, "key": k}, t))


FIGURE_FIELDS = ("value", "is_estimate", "change", "state", "source", "note", "reported",
                 "is_sample")


def _plan_figures(plan: Plan, rows):
    key = lambda v: (v["indicator"], v["unit"], v["period"])  # noqa: E731
    rows = _dedupe(plan, FIGURES, rows, key, "Kỳ")
    existing = {}
    if rows:
        for f in Figure.objects.filter(period__in={v["period"] for _n, v in rows},
                                       superseded_by__isnull=True).select_related(
                "indicator", "unit").iterator(chunk_size=2000):
            existing[(f.indicator.code, f.unit.code, f.period)] = f
    for n, v in rows:
        ok = True
        if not _indicator_known(plan, v["indicator"]):
            plan.error(FIGURES, n, "Mã chỉ tiêu", v["indicator"], E_UNKNOWN_INDICATOR)
            ok = False
        ok = _check_unit_ref(plan, FIGURES, n, "Mã đơn vị", v["unit"]) and ok
        if not ok or not _check_scope(plan, FIGURES, n, v):
            continue
        values = {"value": v["value"], "is_estimate": _d(v["is_estimate"], False),
                  "change": v["change"], "state": _d(v["state"], FigureState.APPROVED),
                  "source": _d(v["source"], ""), "note": _d(v["note"], ""),
                  "reported": _d(v["reported"], {}), "is_sample": _d(v["is_sample"], False)}
        k = key(v)
        f = existing.get(k)
        if f is None:
            action = CREATED
        else:
            now = {x: getattr(f, x) for x in FIGURE_FIELDS}
            action = _compare(plan, FIGURES, now, values)
        plan.result.rows.append(PlannedRow(FIGURES, n, "/".join(k), action,
                                           {**values, "key": k}, f))


TASK_FIELDS = ("title", "period", "start_date", "deadline", "extended_deadline",
               "expected_product", "is_key", "recurrence", "progress", "state", "completed_on",
               "description", "source_note", "is_sample")


def _plan_tasks(plan: Plan, rows):
    rows = _dedupe(plan, TASKS, rows, lambda v: v["code"], "Mã")
    existing = {t.code: t for t in Task.objects.filter(
        code__in=[v["code"] for _n, v in rows]).select_related("lead_unit", "programme")
        .prefetch_related("coordinating_units")}
    coord = {t.pk: sorted(u.code for u in t.coordinating_units.all()) for t in existing.values()}
    for n, v in rows:
        ok = _check_unit_ref(plan, TASKS, n, "Đơn vị chủ trì", v["lead_unit"])
        t = existing.get(v["code"])
        if t is not None and not plan.may_manage(t.lead_unit.code):
            plan.error(TASKS, n, "Mã", v["code"], E_OUT_OF_SCOPE)
            ok = False
        for c in v["coordinating_units"] or []:
            if not plan.unit_known(c):
                plan.error(TASKS, n, "Đơn vị phối hợp", c, E_UNKNOWN_UNIT)
                ok = False
        if not _programme_known(plan, v["programme"]):
            plan.error(TASKS, n, "Mã văn bản", v["programme"], E_UNKNOWN_PROGRAMME)
            ok = False
        progress = _d(v["progress"], 0)
        if progress > 100:
            plan.error(TASKS, n, "Tiến độ (%)", progress, ("số từ 0 đến 100", "0 to 100"))
            ok = False
        if not ok:
            continue
        values = {"title": v["title"], "period": _d(v["period"], ""),
                  "start_date": v["start_date"], "deadline": v["deadline"],
                  "extended_deadline": v["extended_deadline"],
                  "expected_product": _d(v["expected_product"], "khac"),
                  "is_key": _d(v["is_key"], False), "recurrence": _d(v["recurrence"], "none"),
                  "progress": progress, "state": _d(v["state"], "open"),
                  "completed_on": v["completed_on"], "description": _d(v["description"], ""),
                  "source_note": _d(v["source_note"], ""), "is_sample": _d(v["is_sample"], False),
                  "lead_unit": v["lead_unit"], "programme": v["programme"],
                  "coordinating_units": sorted(v["coordinating_units"] or [])}
        if t is None:
            action = CREATED
        else:
            now = {f: getattr(t, f) for f in TASK_FIELDS}
            now.update(lead_unit=t.lead_unit.code, coordinating_units=coord[t.pk],
                       programme=t.programme.code if t.programme_id else None)
            action = _compare(plan, TASKS, now, values)
        plan.result.rows.append(PlannedRow(TASKS, n, v["code"], action, values, t))


PLANNERS = {UNITS: _plan_units, PROGRAMMES: _plan_programmes, INDICATORS: _plan_indicators,
            TARGETS: _plan_targets, FIGURES: _plan_figures, TASKS: _plan_tasks}
