"""Writes of the extraction app: read an upload, record the review, import as figures.

Each service checks the actor's right through orgs.access, runs in one transaction and writes
its audit entry. Figures are written through tiendo.indicators.services only.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tiendo.audit.services import record
from tiendo.extraction.engine import ReadError
from tiendo.extraction.models import Decision, ExtractionRun, Purpose, RunState
from tiendo.extraction.reading import read_limited
from tiendo.indicators import services as indicator_services
from tiendo.indicators.models import Indicator
from tiendo.lib import clock
from tiendo.lib.cells import strip_formula_prefix
from tiendo.lib.periods import PeriodError, parse_period
from tiendo.lib.text import slugify_vi
from tiendo.orgs import access
from tiendo.orgs.models import Role, Unit
from tiendo.tasks import services as task_services
from tiendo.tasks.models import Product

MSG_NO_RIGHT = _("Bạn không có quyền nhập số liệu cho đơn vị này.")
MSG_BAD_TYPE = _("Chỉ đọc được tệp .txt, .docx hoặc .pdf.")
MSG_TOO_BIG = _("Tệp quá lớn: tối đa {mb} MB.")
MSG_NOTHING = _("Chưa có chỉ tiêu nào được nhận để nhập.")
MSG_NO_INDICATOR = _("Chỉ tiêu “{name}” (dòng {n}) chưa chọn chỉ tiêu trong danh mục.")
MSG_NO_VALUE = _("Chỉ tiêu “{name}” (dòng {n}) không có số thực hiện để nhập.")
MSG_BAD_VALUE = _("Giá trị “{value}” (dòng {n}) không phải là số.")
MSG_ROW_FAILED = _("Không nhập được dòng {n} (“{name}”): {error}")
MSG_NONE_IMPORTED = _("Chưa nhập dòng nào.")
MSG_ALREADY = _("Báo cáo này đã được nhập vào số liệu.")
MSG_NO_CREATE = _("Chỉ văn phòng mới được tạo chỉ tiêu mới trong danh mục.")
MSG_NOT_READ = _("Báo cáo chưa đọc xong hoặc không đọc được.")
MSG_NO_PERIOD = _("Báo cáo không ghi kỳ; hãy tải lên lại và chọn kỳ báo cáo.")
ALLOWED = {".txt", ".docx", ".pdf"}
NEW = "new"  # a review asking for a new catalogue indicator


def _period_code(period: str) -> str:
    from tiendo.extraction.engine.periods import to_code

    try:
        return to_code(parse_period(period))
    except PeriodError as exc:
        raise ValidationError({"period": str(exc)}) from None


def check_upload(upload) -> str:
    """The extension of an acceptable upload; ValidationError on a wrong type or a file over
    TIENDO_UPLOAD_MAX_BYTES. Opens nothing: the content is judged by the reader."""
    ext = PurePath(upload.name or "").suffix.lower()
    if ext not in ALLOWED:
        raise ValidationError({"file": MSG_BAD_TYPE})
    limit = settings.TIENDO_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError({"file": MSG_TOO_BIG.format(mb=limit // (1024 * 1024))})
    return ext


def run_create(*, actor, upload, unit, period: str = "",
               purpose: str = Purpose.REPORT) -> ExtractionRun:
    """Keep an uploaded report or directive (.txt, .docx, .pdf) and queue it for the worker
    to read: the web request never opens the document (tiendo.extraction.reading)."""
    if not access.can_write_unit(actor, unit.pk):
        raise PermissionDenied(MSG_NO_RIGHT)
    code = _period_code(period) if period else ""
    check_upload(upload)
    upload.seek(0)
    with transaction.atomic():
        run = ExtractionRun(unit=unit, period=code, original_name=upload.name[:255],
                            kind=PurePath(upload.name).suffix.lower().lstrip("."), text="",
                            statements=[], created_by=actor, state=RunState.QUEUED,
                            purpose=purpose)
        run.file.save(upload.name, upload, save=False)
        run.full_clean(exclude=["file", "statements"])  # no statements before the reading
        run.save()
        record(actor=actor, action="extraction.upload", obj=run,
               after={"unit": unit.pk, "period": code, "original_name": run.original_name,
                      "kind": run.kind, "purpose": purpose})
    return run


def run_read(*, run: ExtractionRun, worker: str) -> ExtractionRun:
    """The worker's part: read a run it has claimed (state ``reading``), in a child process
    with time and memory limits, and keep its statements (a directive: its proposed tasks)
    — or the reason it failed."""
    directive = run.purpose == Purpose.DIRECTIVE
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # the stored name is generated (.bin for .txt): the reader goes by the extension
            path = Path(tmp) / f"upload.{run.kind}"
            path.symlink_to(Path(run.file.path).resolve())
            kind, text, statements = read_limited(
                path, name=run.original_name, default_period=run.period or None,
                seconds=settings.TIENDO_READ_SECONDS, memory_mb=settings.TIENDO_READ_MEMORY_MB,
                max_bytes=settings.TIENDO_UPLOAD_MAX_BYTES,
                propose_for=_lead_choices(run.created_by) if directive else None)
        error, found = "", None
        if not run.period and not directive:
            found = next((s["period"] for s in statements if s["period"]), None)
            if found is None:
                error = str(MSG_NO_PERIOD)  # stored: in the worker's language (vi)
    except ReadError as exc:
        kind, text, statements, error = run.kind, "", [], exc.message_vi
    with transaction.atomic():
        fresh = ExtractionRun.objects.select_for_update(of=("self",)).get(pk=run.pk)
        if fresh.state != RunState.READING or fresh.claimed_by != worker:
            return fresh  # the claim was lost (the lease passed): another worker reads it
        if error:
            fresh.state, fresh.error = RunState.FAILED, error
            fresh.save(update_fields=["state", "error"])
            record(actor=fresh.created_by, action="extraction.read_failed", obj=fresh,
                   after={"state": fresh.state, "error": error})
            return fresh
        fresh.period = fresh.period or found or ""
        fresh.kind, fresh.text = kind, text
        if directive:
            fresh.proposals = statements
        else:
            fresh.statements = statements
        fresh.state, fresh.error = RunState.READY, ""
        fresh.full_clean(exclude=["file", "statements", "proposals"])
        fresh.save(update_fields=["period", "kind", "text", "statements", "proposals", "state",
                                  "error"])
        record(actor=fresh.created_by, action="extraction.read", obj=fresh,
               after={"unit": fresh.unit_id, "period": fresh.period, "state": fresh.state,
                      "original_name": fresh.original_name, "kind": kind,
                      # a count under a key that names no field (verify compares fields)
                      f"{'proposal' if directive else 'statement'}_count": len(statements)})
    return fresh


def _lead_choices(user) -> list[tuple[str, str]]:
    """(id, name) of the units a directive's tasks may be given to: those the office manages."""
    if user is None:
        return []
    return [(str(pk), name) for pk, name in
            access.units_managed_by(user).order_by("path").values_list("pk", "name")]


def run_review(*, actor, run: ExtractionRun, reviews: dict[int, dict]) -> ExtractionRun:
    """Record the reviewer's decision for each statement: accepted or rejected, the
    catalogue indicator and the value (as corrected)."""
    if not access.can_write_unit(actor, run.unit_id):
        raise PermissionDenied(MSG_NO_RIGHT)
    if run.imported_at:
        raise ValidationError(MSG_ALREADY)
    if run.state != RunState.READY:
        raise ValidationError(MSG_NOT_READ)
    clean = {}
    known = set(Indicator.objects.values_list("pk", flat=True))
    for index, review in sorted(reviews.items()):
        if not 0 <= index < len(run.statements):
            continue
        decision = review.get("decision", Decision.PENDING)
        if decision not in Decision.values:
            decision = Decision.PENDING
        indicator = review.get("indicator")
        indicator = indicator if indicator in known or indicator == NEW else None
        value = review.get("value")
        if value not in (None, ""):
            try:
                value = str(Decimal(str(value)))
            except (InvalidOperation, ValueError):
                raise ValidationError(MSG_BAD_VALUE.format(value=value, n=index + 1)) from None
        else:
            value = None
        clean[str(index)] = {"decision": decision, "indicator": indicator, "value": value}
    with transaction.atomic():
        before = {"reviews": run.reviews}
        run.reviews = clean
        run.save(update_fields=["reviews"])
        record(actor=actor, action="extraction.review", obj=run, before=before,
               after={"reviews": clean})
    return run


def actual_of(statement: dict) -> dict | None:
    return next((n for n in statement["numbers"] if n["role"] == "actual"), None)


def _figure_fields(statement: dict) -> tuple[Decimal | None, dict]:
    """(change in %, reported ratios) of a statement, as the figure keeps them."""
    change = None
    reported: dict[str, list[dict]] = {}
    changes = [n for n in statement["numbers"] if n["role"] == "change" and n.get("unit") == "%"]
    # the change against the same period of last year (cùng kỳ), else the first one given
    same_period = [n for n in changes if "cùng kỳ" in (n.get("basis") or "")]
    for n in (same_period or changes)[:1]:
        value = Decimal(str(n["value"]))
        change = -value if n.get("direction") == "down" and value > 0 else value
    for n in statement["numbers"]:
        if n["role"] == "change" and n not in (same_period or changes)[:1]:
            reported.setdefault("changes", []).append(
                {"value": n["value"], "unit": n.get("unit"), "basis": n.get("basis") or "",
                 "direction": n.get("direction")})
        elif n["role"] == "attainment":
            reported.setdefault("attainment", []).append(
                {"value": n["value"], "basis": n.get("basis") or ""})
        elif n["role"] == "target":
            reported.setdefault("targets", []).append(
                {"value": n["value"], "unit": n.get("unit"), "scope": n.get("scope")})
    return change, reported


def _new_indicator(*, actor, statement: dict) -> Indicator:
    """A catalogue indicator named after an unmatched statement (office staff only)."""
    if not access.has_role(actor, Role.OFFICE):
        raise PermissionDenied(MSG_NO_CREATE)
    name = statement["indicator"][:300]
    main = actual_of(statement) or statement["numbers"][0]
    base = slugify_vi(name)[:56] or "chi-tieu"
    code, n = base, 1
    while Indicator.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return indicator_services.indicator_create(
        actor=actor, code=code, name=name, unit_of_measure=(main.get("unit") or "số")[:64],
    )


def excerpt_of(run: ExtractionRun, statement: dict) -> str:
    """The sentence around a statement, with where it stands in the file."""
    start = min(n["start"] for n in statement["numbers"])
    end = max(n["end"] for n in statement["numbers"])
    text = run.text
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    sentence = " ".join(text[a:b].split())[:1000]
    return f"{sentence} [{run.original_name}, ký tự {start}–{end}]"


@dataclass
class ImportResult:
    """What an import wrote, and each accepted row it left out with the reason."""

    figures: list = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def run_import(*, actor, run: ExtractionRun, is_estimate: bool,
               period: str | None = None) -> ImportResult:
    """Import the accepted statements as figures of the run's unit. A row that cannot be
    imported (no catalogue indicator, no number, a figure already sent or approved…) is left
    out with its reason and the others are imported; when none can be, nothing is written."""
    if not access.can_write_unit(actor, run.unit_id):
        raise PermissionDenied(MSG_NO_RIGHT)
    code = _period_code(period) if period else run.period
    with transaction.atomic():
        run = ExtractionRun.objects.select_for_update(of=("self",)).get(pk=run.pk)
        if run.imported_at:
            raise ValidationError(MSG_ALREADY)
        if run.state != RunState.READY:
            raise ValidationError(MSG_NOT_READ)
        accepted = [(i, s) for i, s in enumerate(run.statements)
                    if run.review_of(i).get("decision") == Decision.ACCEPTED]
        if not accepted:
            raise ValidationError(MSG_NOTHING)
        indicators = Indicator.objects.in_bulk(
            [run.review_of(i).get("indicator") for i, _ in accepted
             if isinstance(run.review_of(i).get("indicator"), int)])
        result = ImportResult()
        for i, statement in accepted:
            try:
                with transaction.atomic():  # a savepoint: a failed row leaves nothing behind
                    result.figures.append(_import_row(
                        actor=actor, run=run, i=i, statement=statement, code=code,
                        indicators=indicators, is_estimate=is_estimate))
            except ValidationError as exc:
                result.skipped.append(" ".join(exc.messages))
        if not result.figures:
            raise ValidationError([*result.skipped, MSG_NONE_IMPORTED])
        run.imported_by, run.imported_at = actor, clock.now()
        run.imported_count = len(result.figures)
        run.save(update_fields=["imported_by", "imported_at", "imported_count"])
        record(actor=actor, action="extraction.import", obj=run,
               after={"imported_count": len(result.figures), "imported_by": actor.pk,
                      "skipped": result.skipped},
               reason=f"{len(result.figures)} số liệu, kỳ {code}")
    return result


def _import_row(*, actor, run, i: int, statement: dict, code: str, indicators: dict,
                is_estimate: bool):
    review = run.review_of(i)
    name = statement["indicator"]
    indicator: Indicator | None
    if review.get("indicator") == NEW:
        indicator = _new_indicator(actor=actor, statement=statement)
    else:
        indicator = indicators.get(review.get("indicator"))
    if indicator is None:
        raise ValidationError(MSG_NO_INDICATOR.format(name=name, n=i + 1))
    actual = actual_of(statement)
    value = review.get("value") or (actual and actual["value"])
    if value in (None, ""):
        raise ValidationError(MSG_NO_VALUE.format(name=name, n=i + 1))
    change, reported = _figure_fields(statement)
    try:
        figure = indicator_services.figure_save_draft(
            actor=actor, indicator=indicator, unit=run.unit, period=code,
            value=Decimal(str(value)), is_estimate=is_estimate, change=change,
            reported=reported, source=run.original_name[:300],
            note=f"Đọc từ báo cáo: {name}"[:1000],
        )
        indicator_services.evidence_add(actor=actor, figure=figure,
                                        excerpt=excerpt_of(run, statement))
    except ValidationError as exc:
        raise ValidationError(MSG_ROW_FAILED.format(
            n=i + 1, name=name, error=" ".join(exc.messages))) from None
    return figure


# --- tasks proposed from a directive document (engine.directives) ---

MSG_NONE_SELECTED = _("Chưa chọn đề xuất nào để tạo nhiệm vụ.")
MSG_ROW_NO_TITLE = _("Dòng {n}: chưa có tên nhiệm vụ.")
MSG_ROW_NO_LEAD = _("Dòng {n} (“{title}”): chưa chọn đơn vị chủ trì.")
MSG_ROW_BAD_UNIT = _("Dòng {n} (“{title}”): bạn không có quyền giao nhiệm vụ cho đơn vị này.")
MSG_ROW_BAD_DATE = _(
    "Dòng {n} (“{title}”): thời hạn “{value}” không phải ngày hợp lệ (dd/mm/yyyy).")
MSG_ROW_TASK_FAILED = _("Dòng {n} (“{title}”): {error}")
MSG_NOTHING_CREATED = _("Chưa tạo nhiệm vụ nào.")


def parse_day(raw: str):
    """A date typed as yyyy-mm-dd (date input) or dd/mm/yyyy; None when empty; ValueError."""
    return clock.parse_day(raw) if (raw or "").strip() else None


def source_note(document: str, start: int, end: int) -> str:
    """Where a proposed task comes from: the document and the character span."""
    return f"Đề xuất từ “{document[:200]}”, ký tự {start}–{end}"[:300]


def tasks_from_proposals(*, actor, rows: list[dict], document: str, period: str = ""):
    """Create one task per selected proposal, all or nothing.

    ``rows``: dicts with ``n`` (row number shown to the user), ``title``, ``deadline`` (text),
    ``lead_unit`` (unit pk as text), ``product`` (Product value), ``start`` and ``end`` (the
    span in the document). Every row is checked first; a single bad row raises a
    ValidationError naming it and nothing is written.
    """
    if not rows:
        raise ValidationError(MSG_NONE_SELECTED)
    errors, clean = [], []
    units = Unit.objects.in_bulk([int(r["lead_unit"]) for r in rows
                                  if str(r.get("lead_unit") or "").isdigit()])
    for r in rows:
        n, title = r["n"], strip_formula_prefix(" ".join((r.get("title") or "").split()))
        short = title[:60]
        if not title:
            errors.append(MSG_ROW_NO_TITLE.format(n=n))
            continue
        lead = str(r.get("lead_unit") or "")
        unit = units.get(int(lead)) if lead.isdigit() else None
        if not lead:
            errors.append(MSG_ROW_NO_LEAD.format(n=n, title=short))
        elif unit is None or not access.can_manage_unit(actor, unit.pk):
            errors.append(MSG_ROW_BAD_UNIT.format(n=n, title=short))
        try:
            deadline = parse_day(r.get("deadline") or "")
        except ValueError:
            errors.append(MSG_ROW_BAD_DATE.format(n=n, title=short, value=r.get("deadline")))
            deadline = None
        product = r.get("product") if r.get("product") in Product.values else Product.OTHER
        clean.append((n, title, unit, deadline, product, r["start"], r["end"]))
    if errors:
        raise ValidationError([*errors, MSG_NOTHING_CREATED])
    tasks = []
    with transaction.atomic():
        for n, title, unit, deadline, product, start, end in clean:
            try:
                tasks.append(task_services.task_create(
                    actor=actor, title=title, lead_unit=unit, deadline=deadline,
                    expected_product=product, period=period,
                    source_note=source_note(document, start, end),
                ))
            except (ValidationError, PermissionDenied) as exc:
                detail = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                raise ValidationError([MSG_ROW_TASK_FAILED.format(n=n, title=title[:60],
                                                                  error=detail),
                                       MSG_NOTHING_CREATED]) from None
    return tasks
