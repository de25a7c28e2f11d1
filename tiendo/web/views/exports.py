"""The Excel export of each list: its columns and how a row becomes cells. The views pass the
rows exactly as filtered on screen."""

from django.utils.translation import gettext as _

from tiendo.shared.xlsx import Column, xlsx_response
from tiendo.web import queries


def figures_xlsx(rows, period):
    columns = [
        Column(_("Mã chỉ tiêu"), width=22), Column(_("Chỉ tiêu"), width=48),
        Column(_("Đơn vị"), width=30), Column(_("Kỳ"), width=10),
        Column(_("ĐVT"), width=12), Column(_("Ràng buộc"), width=10),
        Column(_("Kế hoạch"), "number"), Column(_("Thực hiện"), "number"),
        Column(_("Ước đạt"), width=8), Column(_("Đạt % kế hoạch"), "percent"),
        Column(_("So cùng kỳ (%)"), "percent"), Column(_("Đánh giá"), width=12),
        Column(_("Trạng thái số liệu"), width=18), Column(_("Giải thích"), width=60),
    ]
    data = [[
        r.indicator.code, r.indicator.name, r.unit.name, r.period.code,
        r.indicator.unit_of_measure, r.target.bound if r.target else "", r.plan, r.actual,
        _("có") if r.figure and r.figure.is_estimate else "", r.assessment.attainment, r.change,
        queries.verdict_label(r.verdict), r.figure.get_state_display() if r.figure else "",
        r.assessment.explanation,
    ] for r in rows]
    return xlsx_response(filename=f"so-lieu-{period.code}", title=_("Số liệu"),
                         columns=columns, rows=data)


def tasks_xlsx(rows):
    columns = [
        Column(_("Mã"), width=18), Column(_("Nhiệm vụ"), width=60),
        Column(_("Đơn vị chủ trì"), width=28), Column(_("Đơn vị phối hợp"), width=28),
        Column(_("Văn bản giao"), width=30), Column(_("Hạn"), "date", 12),
        Column(_("Hạn đang áp dụng"), "date", 12), Column(_("Tiến độ (%)"), "int", 10),
        Column(_("Trạng thái"), width=24), Column(_("Số ngày quá hạn"), "int", 10),
        Column(_("Ngày hoàn thành"), "date", 12), Column(_("Trọng tâm"), width=9),
    ]
    data = [[
        r.task.code or "", r.task.title, r.task.lead_unit.name,
        ", ".join(u.name for u in r.task.coordinating_units.all()),
        r.task.programme.title if r.task.programme else "", r.task.deadline,
        r.status.deadline_in_force, r.task.progress, queries.status_label(r.status.status),
        r.status.days_overdue or None, r.task.closed_on, _("có") if r.task.is_key else "",
    ] for r in rows]
    return xlsx_response(filename="nhiem-vu", title=_("Nhiệm vụ"), columns=columns, rows=data)


def history_xlsx(indicator, rows):
    columns = [
        Column(_("Kỳ"), width=10), Column(_("Đơn vị"), width=30), Column(_("Kế hoạch"), "number"),
        Column(_("Thực hiện"), "number"), Column(_("Ước đạt"), width=8),
        Column(_("Đạt % kế hoạch"), "percent"), Column(_("So cùng kỳ (%)"), "percent"),
        Column(_("Đánh giá"), width=12),
    ]
    data = [[
        r.period.code, r.unit.name, r.target.value if r.target else None,
        r.figure.value if r.figure else None,
        _("có") if r.figure and r.figure.is_estimate else "", r.assessment.attainment,
        r.change, queries.verdict_label(r.assessment.verdict),
    ] for r in rows]
    return xlsx_response(filename=f"chi-tieu-{indicator.code}", title=indicator.code,
                         columns=columns, rows=data)


def catalogue_xlsx(items):
    columns = [
        Column(_("Mã"), width=26), Column(_("Tên chỉ tiêu"), width=60),
        Column(_("ĐVT"), width=12), Column(_("Chiều tốt"), width=20),
        Column(_("Tần suất"), width=12), Column(_("Lĩnh vực"), width=26),
        Column(_("Chủ yếu"), width=9),
    ]
    data = [[i.code, i.name, i.unit_of_measure, i.get_direction_display(),
             i.get_frequency_display(), i.get_field_display(), _("có") if i.is_key else ""]
            for i in items]
    return xlsx_response(filename="danh-muc-chi-tieu", title=_("Chỉ tiêu"), columns=columns,
                         rows=data)


def approvals_xlsx(items):
    columns = [
        Column(_("Chỉ tiêu"), width=48), Column(_("Đơn vị"), width=30), Column(_("Kỳ"), width=10),
        Column(_("Kế hoạch"), "number"), Column(_("Thực hiện"), "number"),
        Column(_("Ước đạt"), width=8), Column(_("Người gửi"), width=18),
        Column(_("Gửi lúc"), "datetime", 16),
    ]
    data = [[i.figure.indicator.name, i.figure.unit.name, i.figure.period,
             i.target.value if i.target else None, i.figure.value,
             _("có") if i.figure.is_estimate else "",
             str(i.figure.submitted_by or ""), i.figure.submitted_at] for i in items]
    return xlsx_response(filename="so-lieu-cho-duyet", title=_("Chờ duyệt"), columns=columns,
                         rows=data)


def units_xlsx(items):
    columns = [Column(_("Mã"), width=24), Column(_("Đơn vị"), width=44),
               Column(_("Loại"), width=26), Column(_("Cấp trên"), width=36),
               Column(_("Hiệu lực đến"), "date", 12)]
    data = [[u.code, u.name, u.get_kind_display(), u.parent.name if u.parent else "",
             u.valid_to] for u in items]
    return xlsx_response(filename="don-vi", title=_("Đơn vị"), columns=columns, rows=data)
