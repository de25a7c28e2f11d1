"""The quarterly report as plain content: a heading block and a list of blocks, built one
section at a time (the sentences and tables the sections are made of are in ``reports.blocks``).

One reading of the data (through the indicator and task queries, so the user's scope applies)
feeds every format: docx.py and pdf.py lay the same blocks out, xlsx.py and exports.py tabulate
the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings

from tiendo.indicators.models import Field, Target
from tiendo.indicators.queries import FigureRow
from tiendo.indicators.rules import Bound, Direction, Verdict
from tiendo.lib.periods import Period, parse_period
from tiendo.lib.vn_numbers import format_count, format_vn_number
from tiendo.orgs import access
from tiendo.orgs.models import Tree, Unit
from tiendo.reports.blocks import (
    FIELD_ORDER,
    FIELD_TITLES,
    KEY_FIELD_TITLES,
    NAMED_LATE_TASKS,
    TASK_TABLE_HEADER,
    Block,
    facts_of,
    indicator_sentences,
    period_phrase,
    statement,
    task_part,
    task_table_rows,
)
from tiendo.reports.queries import (
    issuer_programmes,
    next_targets,
    overdue_reasons,
    report_rows,
)
from tiendo.reports.queries import ratings as report_ratings
from tiendo.reports.queries import year_plans as report_year_plans
from tiendo.reports.wording import (
    lower_first,
    shortfall_clause,
    target_sentence,
    tasks_summary,
)
from tiendo.tasks.queries import TaskRow, task_rows
from tiendo.tasks.rules import TaskStatus

# Block, period_phrase, facts_of, task_table_rows and the titles are defined in reports.blocks
# and stay importable from here, where the report's readers have always found them.
__all__ = [
    "FIELD_ORDER",
    "FIELD_TITLES",
    "KEY_FIELD_TITLES",
    "NAMED_LATE_TASKS",
    "TASK_TABLE_HEADER",
    "Block",
    "Heading",
    "Report",
    "build_report",
    "deadline_of",
    "facts_of",
    "period_phrase",
    "report_profile",
    "task_table_rows",
]


@dataclass
class Heading:
    """The heading block of Nghị định 30/2020 (state) or Hướng dẫn 36-HD/VPTW (party)."""

    tree: str
    upper_body: str
    body: str
    number: str
    place_date: str
    title: str
    subtitle: str
    addressee: str = ""  # "Kính gửi: …" when the report is addressed
    recipients: list[str] = field(default_factory=list)  # Nơi nhận, one line each
    signer_power: str = ""  # T/M BAN THƯỜNG VỤ
    signer_title: str = ""  # BÍ THƯ
    signer_name: str = ""


@dataclass
class Report:
    period: Period
    heading: Heading
    blocks: list[Block]
    figure_rows: list[FigureRow]
    task_rows: list[TaskRow]
    year_plans: dict[tuple[int, int], Target]
    on: date
    ratings: list = field(default_factory=list)  # read only with detail (the workbooks)
    appendix: list[Block] = field(default_factory=list)  # after the signature block
    next_task_rows: list[TaskRow] = field(default_factory=list)

    def text(self) -> str:
        """The report as plain text, one block a line, in the order of the document: heading,
        body, closing (Nơi nhận, signature), appendix (for tests and previews)."""
        h = self.heading
        out = [h.title, h.subtitle]
        if h.addressee:
            out.append(f"Kính gửi: {h.addressee}")
        closing = ["Nơi nhận:", *h.recipients, h.signer_power, h.signer_title, h.signer_name]
        for b in [*self.blocks, Block("p", "\n".join(x for x in closing if x)),
                  *self.appendix]:
            if b.kind == "table":
                out.extend(" | ".join(r) for r in [b.header, *b.rows])
            elif b.kind == "bullet":
                out.append("- " + b.text)
            elif b.kind == "number" or b.text:
                out.append(b.text)
        return "\n".join(out)


def _one_row_per_indicator(rows: list[FigureRow]) -> tuple[list[FigureRow], set[int]]:
    """The report speaks for the highest unit that reported each indicator (the province, not
    each commune); the workbook keeps every unit's row. When several units tie at the top
    (two departments, no province figure), each gets its sentence, named with its unit: the
    second value returned holds the ids of those rows."""
    top: dict[int, list[FigureRow]] = {}
    for r in rows:
        cur = top.get(r.indicator.pk)
        if cur is None or r.unit.depth < cur[0].unit.depth:
            top[r.indicator.pk] = [r]
        elif r.unit.depth == cur[0].unit.depth:
            cur.append(r)
    chosen, named = [], set()
    for group in top.values():
        chosen.extend(group)
        if len(group) > 1:
            named.update(id(r) for r in group)
    chosen.sort(key=lambda r: (r.indicator.sort_order, r.indicator.code, r.unit.path))
    return chosen, named


def _tasks_of_period(rows: list[TaskRow], period: Period,
                     programme_ids: set[int] | None = None) -> list[TaskRow]:
    """The tasks of a period: due in it, or assigned to it. ``programme_ids``: only the tasks of
    these programmes (the issuing body's own: its report counts the tasks of its programmes,
    not every task a base organisation set itself)."""
    out = []
    for r in rows:
        t = r.task
        if programme_ids is not None and t.programme_id not in programme_ids:
            continue
        due = t.deadline
        if t.period == period.code or (due is not None and period.contains(due)):
            out.append(r)
    return out


def _place(user) -> str:
    state_root = Unit.objects.filter(tree=Tree.STATE, parent__isnull=True,
                                     valid_to__isnull=True).order_by("pk").first()
    source = state_root.name if state_root else ""
    return source.split(" tỉnh ", 1)[1] if " tỉnh " in source else "……"


def _heading(*, user, period: Period, unit: Unit | None, tree: str | None,
             dated: date, profile=None, number: str = "") -> Heading:
    """The heading per the issuer's tree: Hướng dẫn 36-HD/VPTW for party bodies ("ĐẢNG BỘ TỈNH
    LÂM ĐỒNG / ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH / * / Số …-BC/ĐU"), Nghị định 30/2020 for state
    bodies ("Số: …/BC-UBND"). ``number``: the number given when the report is issued."""
    if unit is None:
        roots = access.units_visible_to(user).order_by("depth", "sort_order", "pk")
        wanted = tree or Tree.PARTY
        unit = roots.filter(tree=wanted, valid_to__isnull=True).first() or roots.first()
    tree = tree or (unit.tree if unit else Tree.STATE)
    body = unit.name if unit else ""
    upper = unit.parent.name if unit and unit.parent_id else ""
    place_date = f"{_place(user)}, ngày {dated.day:02d} tháng {dated.month} năm {dated.year}"
    if number:
        number = f"Số {number}" if tree == Tree.PARTY else f"Số: {number}"
    else:
        # the number is written in when the report is issued: keep its blank (non-breaking
        # spaces, which HTML would otherwise collapse)
        blank = "\u00a0" * 6
        number = f"Số{blank}-BC/ĐU" if tree == Tree.PARTY else f"Số:{blank}/BC-UBND"
    title = "BÁO CÁO"
    nxt = period.next() if period.kind in ("quarter", "month") else None
    subtitle = f"Kết quả thực hiện nhiệm vụ {period_phrase(period)}"
    if nxt is not None:
        subtitle += f", phương hướng, nhiệm vụ trọng tâm {period_phrase(nxt)}"
    else:
        subtitle += " và các chỉ tiêu chủ yếu"
    addressee = (profile.addressee if profile else "") or ""
    lines = [x.strip(" -–\t") for x in ((profile.recipients if profile else "") or "")
             .splitlines() if x.strip(" -–\t")]
    if not lines:
        lines = (["Như trên"] if addressee else []) + ["Lưu Văn phòng"]
    recipients = [f"- {x}," for x in lines[:-1]] + [f"- {lines[-1]}."]
    default_power, default_title = (("T/M BAN THƯỜNG VỤ", "BÍ THƯ") if tree == Tree.PARTY
                                    else ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"))
    return Heading(
        tree=tree, upper_body=upper.upper(), body=body.upper(), number=number,
        place_date=place_date, title=title, subtitle=subtitle, addressee=addressee,
        recipients=recipients,
        signer_power=(profile.signer_power if profile else "") or default_power,
        signer_title=(profile.signer_title if profile else "") or default_title,
        signer_name=(profile.signer_name if profile else "") or "",
    )


def report_profile():
    """The workspace's report profile, or None."""
    from tiendo.reports.models import ReportProfile

    return ReportProfile.objects.select_related("issuer__parent").filter(pk=1).first()


def deadline_of(period: Period, profile=None) -> date:
    """The reporting deadline of a period: its last day plus the profile's days (default the
    reporting window of the rules, 10 days): the default date of its report."""
    days = profile.deadline_days if profile and profile.deadline_days is not None else int(
        getattr(settings, "TIENDO_RULES", {}).get("report_window_days", 10))
    return period.end + timedelta(days=days)


def _field_key(row: FigureRow) -> str:
    return row.indicator.field or ""


def _section_assessment(rows: list[FigureRow], trows: list[TaskRow], phrase: str,
                        notes: dict[int, str], programme_titles: list[str]) -> list[Block]:
    """Đánh giá chung: results, limitations, causes — assembled from the data."""
    out = [Block("h2", "* Đánh giá chung:")]
    planned = [r for r in rows if r.verdict is not None]
    met = [r for r in planned if r.verdict in (Verdict.ACHIEVED, Verdict.EXCEEDED)]
    missed = [r for r in planned if r.verdict == Verdict.NOT_ACHIEVED]
    if planned:
        text = (f"Trong {phrase}, có {format_count(len(met))}/{format_count(len(planned))} chỉ "
                "tiêu có kế hoạch trong kỳ đạt và vượt kế hoạch")
        best = sorted(met, key=lambda r: -(r.assessment.attainment or Decimal(0)))[:4]
        if best:
            text += "; nổi bật: " + "; ".join(statement(r, against_plan=True)
                                              for r in best)
        out.append(Block("p", text + "."))
    rising = sorted((r for r in rows if r.verdict is None and r.change is not None
                     and r.change > 0 and r.indicator.direction == Direction.HIGHER),
                    key=lambda r: -r.change)[:3]
    if rising:
        out.append(Block("p", "Một số chỉ tiêu tăng khá so với cùng kỳ: " + "; ".join(
            f"{statement(r)} (tăng {format_vn_number(r.change)}%)" for r in rising) + "."))
    source = (f"Về tình hình thực hiện các nhiệm vụ theo {lower_first(programme_titles[0])}; "
              if len(programme_titles) == 1 else "Về tình hình thực hiện nhiệm vụ; ")
    summary = tasks_summary([r.status.status for r in trows], period_label=phrase)
    out.append(Block("p", source + lower_first(summary)))

    overdue = [r for r in trows if r.status.status == TaskStatus.OVERDUE]
    limits = []
    for r in missed:
        f = facts_of(r)
        limits.append(shortfall_clause(f, r.plan, r.assessment.attainment))
    text = ("Bên cạnh những kết quả đạt được, việc thực hiện nhiệm vụ "
            f"{phrase} vẫn còn một số hạn chế")
    if limits:
        text += (f": {format_count(len(missed))} chỉ tiêu chưa đạt kế hoạch ("
                 + "; ".join(limits) + ")")
    if overdue:
        text += (f"{';' if limits else ':'} {format_count(len(overdue))} nhiệm vụ đã đến hạn "
                 "nhưng chưa hoàn thành")
    if limits or overdue:
        out.append(Block("p", text + "."))
    reasons = [(r, notes.get(r.task.pk, "")) for r in overdue][:NAMED_LATE_TASKS]
    given = [(r, n) for r, n in reasons if n]
    if given:
        out.append(Block("p", "Nguyên nhân chậm tiến độ theo báo cáo của các đơn vị chủ trì: "
                         + "; ".join(f"{r.task.title} ({r.task.lead_unit.name}): "
                                     f"{lower_first(n.rstrip('. '))}" for r, n in given)
                         + "."))
    unexplained = sum(1 for r in overdue if not notes.get(r.task.pk))
    if unexplained:
        out.append(Block("p", f"Có {format_count(unexplained)} nhiệm vụ chậm tiến độ mà đơn vị "
                         "chủ trì chưa báo cáo nguyên nhân; đề nghị các đơn vị bổ sung."))
    return out


def _section_next_period(*, next_period: Period, targets: list, next_tasks: list[TaskRow],
                         phrase: str) -> list[Block]:
    """Part B: the next period's targets (by field) and the tasks due in it."""
    nphrase = period_phrase(next_period)
    out = [Block("h1", "B. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM "
                       f"{next_period.label_vi.upper()}")]
    out.append(Block("p", f"Trong {nphrase}, tập trung lãnh đạo, chỉ đạo thực hiện các chỉ "
                          f"tiêu, nhiệm vụ trọng tâm sau:"))
    out.append(Block("h2", f"I. Các chỉ tiêu chủ yếu {nphrase}"))
    if not targets:
        out.append(Block("p", f"Chưa giao chỉ tiêu {nphrase}."))
    letter = iter("abcdefghijklmnopqrstuvwxyz")
    for fld in FIELD_ORDER:
        group = [t for t in targets if (t.indicator.field or "") == fld]
        if group:
            out.append(Block("h3", f"{next(letter)}) {KEY_FIELD_TITLES[fld]}:"))
            out.extend(Block("bullet", target_sentence(
                t.indicator.name, t.indicator.unit_of_measure, Bound(t.bound), t.value,
                t.value_high, Direction(t.indicator.direction))) for t in group)
    out.append(Block("h2", f"II. Các nhiệm vụ trọng tâm {nphrase}"))
    if not next_tasks:
        out.append(Block("p", f"Không có nhiệm vụ có thời hạn trong {nphrase}."))
    else:
        out.append(Block("p", f"Tập trung hoàn thành {format_count(len(next_tasks))} nhiệm vụ "
                              f"có thời hạn trong {nphrase} (chi tiết tại Phụ lục kèm theo):"))
        for r in next_tasks:
            t = r.task
            due = (r.status.deadline_in_force or t.deadline)
            when = f"hoàn thành trước ngày {due.strftime('%d/%m/%Y')}" if due else "thường xuyên"
            out.append(Block("number", f"{t.title} ({t.lead_unit.name} chủ trì; {when})."))
    return out


def build_report(*, user, period: str | Period, unit_code: str | None = None,
                 tree: str | None = None, on: date, detail: bool = True,
                 issuer_code: str | None = None, dated: date | None = None,
                 number: str = "") -> Report:
    """The report of ``period`` as the user may see it. ``on`` is the build day (today): task
    statuses are taken at the close of the period (the day after it ends), or on ``on`` or
    ``dated`` when earlier. ``dated``: the date line (default: the reporting deadline of the
    period, ``deadline_of``). ``detail``: keep every unit's row in ``figure_rows`` (the
    workbooks need them; the narrative report does not). ``issuer_code``: the body that signs
    the report (its heading), default the workspace's report profile. ``number``: the number
    of an issued report."""
    p = period if isinstance(period, Period) else parse_period(period)
    profile = report_profile()
    issuer = _issuer(user, unit_code=unit_code, issuer_code=issuer_code, profile=profile)
    dated = dated or deadline_of(p, profile)
    all_rows = report_rows(user=user, period=p, unit_code=unit_code, top_only=not detail)
    rows, named = _one_row_per_indicator(all_rows)
    year_plans = report_year_plans(user=user, period=p, rows=all_rows)
    status_on = min(on, dated, p.end + timedelta(days=1))
    programmes = issuer_programmes(issuer) if issuer is not None and not unit_code else []
    programme_ids = {pr.pk for pr in programmes} or None
    nxt = p.next() if p.kind in ("quarter", "month") else None
    # the tasks of this period and the next only, chosen in the query, then split between them
    every_task = task_rows(user=user, on=status_on, unit_code=unit_code,
                           periods=[p, nxt] if nxt else [p])
    trows = _tasks_of_period(every_task, p, programme_ids)
    next_trows = _tasks_of_period(every_task, nxt, programme_ids) if nxt else []
    notes = overdue_reasons([r.task.pk for r in trows
                             if r.status.status == TaskStatus.OVERDUE])

    phrase = period_phrase(p)
    sentences = indicator_sentences(rows, year_plans, p, named)
    blocks = [
        Block("h1", f"A. KẾT QUẢ, TÌNH HÌNH THỰC HIỆN NHIỆM VỤ {p.label_vi.upper()}"),
        *_section_socio_economic(sentences, trows, phrase, notes),
        *_section_party_building(sentences, trows, phrase, notes),
        *_section_assessment(rows, trows, phrase, notes, [pr.title for pr in programmes]),
    ]
    if nxt is not None:
        targets = next_targets(user=user, period=nxt, unit_code=unit_code)
        blocks.extend(_section_next_period(next_period=nxt, targets=targets,
                                           next_tasks=next_trows, phrase=phrase))
    blocks.append(_section_closing(phrase, nxt, issuer))
    heading = _heading(user=user, period=p, unit=issuer, tree=tree, dated=dated,
                       profile=profile, number=number)
    rated = report_ratings(user=user, period=p) if detail else []
    if unit_code:
        rated = [r for r in rated if r.unit.code == unit_code]
    return Report(period=p, heading=heading, blocks=blocks, figure_rows=all_rows,
                  task_rows=trows, year_plans=year_plans, on=dated, ratings=rated,
                  appendix=_section_appendix(phrase, trows, nxt, next_trows),
                  next_task_rows=next_trows)


def _issuer(user, *, unit_code: str | None, issuer_code: str | None, profile) -> Unit | None:
    """The body that signs: the one asked for, else the unit reported on, else the profile's
    issuer when the user may see it."""
    unit = access.get_unit_by_code_for_user(user, unit_code) if unit_code else None
    if issuer_code:
        return access.get_unit_by_code_for_user(user, issuer_code)
    if unit is not None:
        return unit
    if profile is not None and profile.issuer_id and access.can_see_unit(user, profile.issuer_id):
        return profile.issuer
    return None


def _section_socio_economic(sentences: list[tuple[FigureRow, Block]], trows: list[TaskRow],
                            phrase: str, notes: dict[int, str]) -> list[Block]:
    """Part A.I: the key indicators by field, the other indicators by field, the state's
    tasks (everything outside the party's field and tree)."""
    state = [(r, b) for r, b in sentences if _field_key(r) != Field.PARTY]
    out = [Block("h2", "I. Tình hình kinh tế - xã hội, quốc phòng - an ninh"),
           Block("h3", "1. Kết quả thực hiện một số chỉ tiêu tổng hợp")]
    key = [(r, b) for r, b in state if r.indicator.is_key]
    if not key:
        out.append(Block("p", "Chưa có chỉ tiêu chủ yếu có số liệu trong kỳ."))
    letter = iter("abcdefghijklmnopqrstuvwxyz")
    for fld in FIELD_ORDER:
        group = [b for r, b in key if _field_key(r) == fld]
        if group:
            out.append(Block("h3", f"{next(letter)}) {KEY_FIELD_TITLES[fld]}:"))
            out.extend(group)
    out.append(Block("h3", "2. Kết quả thực hiện theo lĩnh vực"))
    n = 0
    for fld in FIELD_ORDER:
        group = [b for r, b in state if _field_key(r) == fld and not r.indicator.is_key]
        if group:
            n += 1
            out.append(Block("h3", f"2.{n}. {FIELD_TITLES[fld]}"))
            out.extend(group)
    if n == 0:
        out.append(Block("p", "Chưa có số liệu theo lĩnh vực trong kỳ."))
    state_tasks = [r for r in trows if r.task.lead_unit.tree != Tree.PARTY]
    if state_tasks:
        out.append(Block("h3", "3. Tình hình thực hiện nhiệm vụ"))
        out.extend(task_part(state_tasks, phrase, notes))
    return out


def _section_party_building(sentences: list[tuple[FigureRow, Block]], trows: list[TaskRow],
                            phrase: str, notes: dict[int, str]) -> list[Block]:
    """Part A.II, when there is something to say: the party's indicators, then its tasks."""
    party_sentences = [b for r, b in sentences if _field_key(r) == Field.PARTY]
    party_tasks = [r for r in trows if r.task.lead_unit.tree == Tree.PARTY]
    if not party_sentences and not party_tasks:
        return []
    out = [Block("h2", "II. Về công tác xây dựng Đảng")]
    k = 0
    if party_sentences:
        k += 1
        out.append(Block("h3", f"{k}. Kết quả thực hiện các chỉ tiêu"))
        out.extend(party_sentences)
    if party_tasks:
        k += 1
        out.append(Block("h3", f"{k}. Tình hình thực hiện nhiệm vụ"))
        out.extend(task_part(party_tasks, phrase, notes))
    return out


def _section_closing(phrase: str, nxt: Period | None, issuer: Unit | None) -> Block:
    """"Trên đây là báo cáo …" before the signature block."""
    closing = f"Trên đây là báo cáo kết quả thực hiện nhiệm vụ {phrase}"
    if nxt is not None:
        closing += f" và phương hướng, nhiệm vụ trọng tâm {period_phrase(nxt)}"
    issuer_name = issuer.name if issuer else ""
    return Block("p", closing + (f" của {issuer_name}" if issuer_name else "") + "./.")


def _section_appendix(phrase: str, trows: list[TaskRow], nxt: Period | None,
                      next_trows: list[TaskRow]) -> list[Block]:
    """After the signature: the tasks of the period in a table, and those due in the next."""
    appendix = [Block("pagebreak"), Block("h1", "PHỤ LỤC"),
                Block("p", f"Danh mục nhiệm vụ {phrase} và tình trạng thực hiện"),
                Block("table", header=TASK_TABLE_HEADER, rows=task_table_rows(trows))]
    if next_trows:
        appendix.append(Block("p", f"Danh mục nhiệm vụ có thời hạn trong {period_phrase(nxt)}"))
        appendix.append(Block("table", header=TASK_TABLE_HEADER,
                              rows=task_table_rows(next_trows)))
    return appendix
