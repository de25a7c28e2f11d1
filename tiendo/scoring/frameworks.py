"""The frameworks tiendo ships, as data (an office changes them by saving a new version).

- ``QD366-TCCS`` — party organisations (tổ chức cơ sở đảng), 100 points, Quy định 366-QĐ/TW,
  Hướng dẫn 43-HD/BTCTW; with the older 21-HD/BTCTW rule for base organisations (xuất sắc needs
  100% of subordinate organisations at hoàn thành or better and ≥ 80% at tốt or better).
- ``QD366`` — the same without the base-organisation rule (đảng bộ, sở, ngành, xã).
- ``ND335-CC`` — civil servants (công chức), 30 + 70 points, Nghị định 335/2025/NĐ-CP.

The grouping of the 100 points (40 tasks, 20 targets, 10 reporting, 20 quality, 10 discipline)
is tiendo's default arrangement of "products, their quantity, progress and quality"; offices
re-weight it without code. Metric definitions are in docs/scoring.md.
"""

from __future__ import annotations

from decimal import Decimal as D

from .rules import (
    GROUPING_PARENT,
    HOAN_THANH,
    OF_TOT,
    TOT,
    XUAT_SAC,
    Condition,
    Criterion,
    Framework,
    QuotaRule,
    TieKey,
    Veto,
)

# --------------------------------------------------------------------------- metric catalogues

PARTY_METRICS: dict[str, str] = {
    "tasks_due": "số nhiệm vụ đến hạn trong kỳ",
    "tasks_on_time": "số nhiệm vụ hoàn thành đúng hạn",
    "tasks_late": "số nhiệm vụ hoàn thành quá hạn",
    "tasks_overdue": "số nhiệm vụ quá hạn chưa hoàn thành",
    "tasks_exceeded": "số nhiệm vụ hoàn thành vượt yêu cầu",
    "key_tasks_due": "số nhiệm vụ trọng tâm đến hạn",
    "key_tasks_on_time": "số nhiệm vụ trọng tâm hoàn thành đúng hạn",
    "key_tasks_late": "số nhiệm vụ trọng tâm hoàn thành quá hạn",
    "key_tasks_overdue": "số nhiệm vụ trọng tâm quá hạn chưa hoàn thành",
    "targets_total": "số chỉ tiêu đã có kết quả đánh giá",
    "targets_met": "số chỉ tiêu đạt hoặc vượt",
    "targets_exceeded": "số chỉ tiêu vượt",
    "targets_not_met": "số chỉ tiêu không đạt",
    "key_targets_not_met": "số chỉ tiêu chủ yếu không đạt",
    "reports_due": "số báo cáo số liệu phải nộp",
    "reports_on_time": "số báo cáo nộp đúng hạn",
    "reports_returned": "số báo cáo bị trả lại",
    "quality_mark": "điểm chất lượng do lãnh đạo chấm (0–10)",
    "deductions": "điểm trừ do vi phạm",
    "collective_disciplined": "tập thể lãnh đạo bị kỷ luật (0/1)",
    "leader_members_disciplined": "số thành viên lãnh đạo bị kỷ luật",
    "subordinates_total": "số tổ chức trực thuộc",
    "subordinates_disciplined": "số tổ chức trực thuộc bị kỷ luật",
    "subordinates_corruption": "số tổ chức trực thuộc bị kỷ luật về tham nhũng, lãng phí, "
                               "tiêu cực (không tự phát hiện, khắc phục)",
    "subordinates_hoan_thanh_or_better": "số tổ chức trực thuộc xếp loại Hoàn thành nhiệm vụ "
                                         "trở lên",
    "subordinates_tot_or_better": "số tổ chức trực thuộc xếp loại Hoàn thành tốt nhiệm vụ "
                                  "trở lên",
    "shortcomings_noted": "số hạn chế đã được chỉ ra",
    "shortcomings_remedied": "số hạn chế đã khắc phục",
    "disunity": "có kết luận mất đoàn kết nội bộ (0/1)",
    "force_majeure": "có lý do bất khả kháng được công nhận (0/1)",
}

# Counts of events in a period: summed when Q1–Q4 are folded into the year.
PARTY_ADDITIVE = frozenset({
    "tasks_due", "tasks_on_time", "tasks_late", "tasks_overdue", "tasks_exceeded",
    "key_tasks_due", "key_tasks_on_time", "key_tasks_late", "key_tasks_overdue",
    "targets_total", "targets_met", "targets_exceeded", "targets_not_met", "key_targets_not_met",
    "reports_due", "reports_on_time", "reports_returned", "deductions",
    "collective_disciplined", "leader_members_disciplined", "subordinates_disciplined",
    "subordinates_corruption", "disunity",
})

CIVIL_SERVANT_METRICS: dict[str, str] = {
    "mark_politics": "điểm chính trị tư tưởng (0–10)",
    "mark_ethics": "điểm đạo đức, lối sống (0–10)",
    "mark_discipline": "điểm tác phong, ý thức kỷ luật (0–10)",
    "products_assigned": "số sản phẩm (quy đổi) được giao",
    "products_done": "số sản phẩm (quy đổi) đã hoàn thành",
    "quality_factor_sum": "tổng hệ số chất lượng (mỗi lần thẩm định không đạt −25%)",
    "progress_factor_sum": "tổng hệ số tiến độ (mỗi lần chậm −25%)",
    "disciplined_service": "số lần bị kỷ luật từ khiển trách trở lên do vi phạm khi thi hành "
                           "công vụ",
}

CIVIL_SERVANT_ADDITIVE = frozenset({
    "products_assigned", "products_done", "quality_factor_sum", "progress_factor_sum",
    "disciplined_service",
})

# --------------------------------------------------------------------------- QĐ 366

# Why a criterion does not apply (nothing to measure in the period): it scores 0 of 0 and its
# weight goes to the applicable criteria in proportion (Framework.redistribute).
_NA_TASKS = "không có nhiệm vụ đến hạn trong kỳ"
_NA_KEY = "không có nhiệm vụ trọng tâm đến hạn trong kỳ"
_NA_TARGETS = "không có chỉ tiêu nào có kết quả đánh giá trong kỳ"
_NA_REPORTS = "không có báo cáo số liệu phải nộp trong kỳ"

_PARTY_CRITERIA = (
    Criterion(
        "A1", "Nhiệm vụ hoàn thành đúng hạn", D(25),
        "if(tasks_due == 0, 0, 25 * tasks_on_time / tasks_due)",
        "Thực hiện nhiệm vụ",
        "Hoàn thành đúng hạn {tasks_on_time}/{tasks_due} nhiệm vụ đến hạn: "
        "{points}/{max_points} điểm",
        applies="tasks_due > 0", not_applicable_vi=_NA_TASKS),
    Criterion(
        "A2", "Nhiệm vụ trọng tâm hoàn thành đúng hạn", D(10),
        "if(key_tasks_due == 0, 0, 10 * key_tasks_on_time / key_tasks_due)",
        "Thực hiện nhiệm vụ",
        "Hoàn thành đúng hạn {key_tasks_on_time}/{key_tasks_due} nhiệm vụ trọng tâm: "
        "{points}/{max_points} điểm",
        applies="key_tasks_due > 0", not_applicable_vi=_NA_KEY),
    Criterion(
        "A3", "Nhiệm vụ hoàn thành vượt yêu cầu", D(5),
        "if(tasks_due == 0, 0, 5 * min(1, tasks_exceeded / (0.3 * tasks_due)))",
        "Thực hiện nhiệm vụ",
        "Vượt yêu cầu {tasks_exceeded}/{tasks_due} nhiệm vụ (đủ 30% được tối đa): "
        "{points}/{max_points} điểm",
        applies="tasks_due > 0", not_applicable_vi=_NA_TASKS),
    Criterion(
        "B1", "Chỉ tiêu đạt và vượt", D(15),
        "if(targets_total == 0, 0, 15 * targets_met / targets_total)",
        "Chỉ tiêu",
        "Đạt hoặc vượt {targets_met}/{targets_total} chỉ tiêu: {points}/{max_points} điểm",
        applies="targets_total > 0", not_applicable_vi=_NA_TARGETS),
    Criterion(
        "B2", "Chỉ tiêu vượt kế hoạch", D(5),
        "if(targets_total == 0, 0, 5 * min(1, targets_exceeded / (0.3 * targets_total)))",
        "Chỉ tiêu",
        "Vượt {targets_exceeded}/{targets_total} chỉ tiêu (đủ 30% được tối đa): "
        "{points}/{max_points} điểm",
        applies="targets_total > 0", not_applicable_vi=_NA_TARGETS),
    Criterion(
        "C1", "Báo cáo số liệu đúng hạn", D(7),
        "if(reports_due == 0, 0, 7 * reports_on_time / reports_due)",
        "Báo cáo",
        "Nộp đúng hạn {reports_on_time}/{reports_due} báo cáo: {points}/{max_points} điểm",
        applies="reports_due > 0", not_applicable_vi=_NA_REPORTS),
    Criterion(
        "C2", "Báo cáo không bị trả lại", D(3),
        "if(reports_due == 0, 0, 3 * (1 - reports_returned / reports_due))",
        "Báo cáo",
        "{reports_returned}/{reports_due} báo cáo bị trả lại: {points}/{max_points} điểm",
        applies="reports_due > 0", not_applicable_vi=_NA_REPORTS),
    Criterion(
        "D1", "Chất lượng, hiệu quả công việc (lãnh đạo chấm)", D(20),
        "2 * quality_mark",
        "Chất lượng",
        "Lãnh đạo chấm chất lượng {quality_mark}/10: {points}/{max_points} điểm"),
    Criterion(
        "E1", "Kỷ luật, kỷ cương và khắc phục hạn chế", D(10),
        "10 - coalesce(deductions, 0) - 2 * max(0, shortcomings_noted - shortcomings_remedied)",
        "Kỷ luật, kỷ cương",
        "Trừ {deductions} điểm vi phạm và 2 điểm cho mỗi hạn chế chưa khắc phục "
        "({shortcomings_remedied}/{shortcomings_noted} đã khắc phục): {points}/{max_points} điểm"),
)

_PARTY_CONDITIONS = (
    Condition(
        "xs_exceeded", XUAT_SAC, "tasks_exceeded * 10 >= tasks_due * 3",
        "ít nhất 30% nhiệm vụ hoàn thành vượt yêu cầu (thực tế {tasks_exceeded}/{tasks_due})"),
    Condition(
        "xs_no_discipline", XUAT_SAC,
        "subordinates_disciplined == 0 and leader_members_disciplined == 0 "
        "and collective_disciplined == 0",
        "không có tổ chức trực thuộc và thành viên lãnh đạo nào bị kỷ luật "
        "(tổ chức trực thuộc: {subordinates_disciplined}, thành viên lãnh đạo: "
        "{leader_members_disciplined})"),
    Condition(
        "xs_shortcomings", XUAT_SAC, "shortcomings_remedied >= shortcomings_noted",
        "mọi hạn chế đã chỉ ra đều được khắc phục (đã khắc phục "
        "{shortcomings_remedied}/{shortcomings_noted})"),
    Condition(
        "tot_on_time", TOT, "tasks_on_time == tasks_due",
        "100% nhiệm vụ hoàn thành đúng hạn (thực tế {tasks_on_time}/{tasks_due})"),
    Condition(
        "ht_late_20", HOAN_THANH, "(tasks_late + tasks_overdue) * 5 <= tasks_due",
        "không quá 20% nhiệm vụ chưa bảo đảm tiến độ (thực tế {tasks_late} hoàn thành quá hạn "
        "và {tasks_overdue} quá hạn chưa xong trên {tasks_due} nhiệm vụ đến hạn)"),
)

# Not shipped: "Hoàn thành" with no overdue task at all is stricter than the regulation's
# wording. An office that wants it adds this condition to a new version; it is labelled a
# setting in every explanation.
NO_OVERDUE_SETTING = Condition(
    "ht_all_done", HOAN_THANH, "tasks_overdue == 0",
    "không còn nhiệm vụ quá hạn chưa hoàn thành (còn {tasks_overdue})", setting=True)

BASE_ORG_CONDITION = Condition(
    "xs_subordinates", XUAT_SAC,
    "subordinates_total == 0 or (subordinates_hoan_thanh_or_better == subordinates_total "
    "and subordinates_tot_or_better * 10 >= subordinates_total * 8)",
    "100% tổ chức trực thuộc Hoàn thành nhiệm vụ trở lên và ít nhất 80% Hoàn thành tốt nhiệm vụ "
    "trở lên (thực tế {subordinates_hoan_thanh_or_better} và "
    "{subordinates_tot_or_better}/{subordinates_total}; theo HD 21-HD/BTCTW)", setting=True)

PARTY_VETOES = (
    Veto(
        "targets_half", "dưới 50% chỉ tiêu và nhiệm vụ đạt, có chỉ tiêu chủ yếu không đạt "
        "(không do bất khả kháng)",
        "(targets_met + tasks_on_time + tasks_late) * 2 < targets_total + tasks_due "
        "and key_targets_not_met > 0 and force_majeure == 0", setting=True),
    Veto("collective_disciplined", "tập thể lãnh đạo bị kỷ luật trong năm",
         "collective_disciplined > 0", setting=True),
    Veto("subordinates_disciplined_20", "trên 20% tổ chức trực thuộc bị kỷ luật trong năm",
         "subordinates_disciplined * 5 > subordinates_total", setting=True),
    Veto("subordinate_corruption",
         "có tổ chức trực thuộc bị kỷ luật về tham nhũng, lãng phí, tiêu cực mà không tự phát "
         "hiện, khắc phục",
         "subordinates_corruption > 0", setting=True),
    Veto("disunity", "có kết luận mất đoàn kết nội bộ", "disunity > 0", setting=True),
)

PARTY_TIE_BREAK = (
    TieKey("if(tasks_due == 0, 0, tasks_exceeded / tasks_due)",
           "tỉ lệ nhiệm vụ vượt yêu cầu"),
    TieKey("coalesce(quality_mark, 0)", "điểm chất lượng của lãnh đạo"),
)


def party_framework(*, base_org: bool = True, quota_reading: str = OF_TOT) -> Framework:
    conditions = _PARTY_CONDITIONS + ((BASE_ORG_CONDITION,) if base_org else ())
    return Framework(
        code="QD366-TCCS" if base_org else "QD366",
        version=1,
        name_vi=("Khung 100 điểm tổ chức cơ sở đảng (QĐ 366-QĐ/TW, HD 43-HD/BTCTW, "
                 "HD 21-HD/BTCTW)" if base_org else
                 "Khung 100 điểm tổ chức đảng, cơ quan, đơn vị (QĐ 366-QĐ/TW, HD 43-HD/BTCTW)"),
        subject_kind="base_party_org" if base_org else "party_org",
        period_kind="quarter",
        criteria=_PARTY_CRITERIA,
        conditions=conditions,
        vetoes=PARTY_VETOES,
        quota=QuotaRule(reading=quota_reading, percent=D(20), tie_break=PARTY_TIE_BREAK,
                        grouping=GROUPING_PARENT),
        metrics=PARTY_METRICS,
        additive=PARTY_ADDITIVE,
    )


# --------------------------------------------------------------------------- NĐ 335

_CIVIL_CRITERIA = (
    Criterion("CC1", "Chính trị tư tưởng", D(10), "mark_politics", "Tiêu chí chung (30)",
              "Lãnh đạo chấm {mark_politics}/10: {points}/{max_points} điểm"),
    Criterion("CC2", "Đạo đức, lối sống", D(10), "mark_ethics", "Tiêu chí chung (30)",
              "Lãnh đạo chấm {mark_ethics}/10: {points}/{max_points} điểm"),
    Criterion("CC3", "Tác phong, lề lối làm việc, ý thức tổ chức kỷ luật", D(10),
              "mark_discipline", "Tiêu chí chung (30)",
              "Lãnh đạo chấm {mark_discipline}/10: {points}/{max_points} điểm"),
    Criterion("KQ1", "Số lượng sản phẩm hoàn thành", D(30),
              "30 * products_done / products_assigned", "Kết quả thực hiện nhiệm vụ (70)",
              "Hoàn thành {products_done}/{products_assigned} sản phẩm quy đổi: "
              "{points}/{max_points} điểm"),
    Criterion("KQ2", "Chất lượng sản phẩm", D(20),
              "20 * quality_factor_sum / products_assigned", "Kết quả thực hiện nhiệm vụ (70)",
              "Hệ số chất lượng {quality_factor_sum}/{products_assigned} sản phẩm (mỗi lần "
              "thẩm định không đạt trừ 25% điểm chất lượng của sản phẩm): "
              "{points}/{max_points} điểm"),
    Criterion("KQ3", "Tiến độ sản phẩm", D(20),
              "20 * progress_factor_sum / products_assigned", "Kết quả thực hiện nhiệm vụ (70)",
              "Hệ số tiến độ {progress_factor_sum}/{products_assigned} sản phẩm (mỗi lần chậm "
              "không có lý do khách quan trừ 25% điểm tiến độ của sản phẩm): "
              "{points}/{max_points} điểm"),
)

CIVIL_VETOES = (
    Veto("disciplined_service", "bị kỷ luật từ khiển trách trở lên do vi phạm khi thi hành "
         "công vụ trong năm", "disciplined_service > 0"),
)


def civil_servant_framework(*, quota_reading: str = OF_TOT) -> Framework:
    return Framework(
        code="ND335-CC",
        version=1,
        name_vi="Khung 30 + 70 điểm công chức (Nghị định 335/2025/NĐ-CP)",
        subject_kind="civil_servant",
        period_kind="quarter",
        criteria=_CIVIL_CRITERIA,
        vetoes=CIVIL_VETOES,
        quota=QuotaRule(
            reading=quota_reading, percent=D(20),
            tie_break=(TieKey("20 * quality_factor_sum / products_assigned",
                              "điểm chất lượng sản phẩm"),
                       TieKey("20 * progress_factor_sum / products_assigned",
                              "điểm tiến độ sản phẩm"))),
        metrics=CIVIL_SERVANT_METRICS,
        additive=CIVIL_SERVANT_ADDITIVE,
        subject_noun_vi="người",
    )


# --------------------------------------------------------------------------- leaders, quarterly

LEADER_METRICS: dict[str, str] = {
    "unit_targets_total": "số chỉ tiêu của đơn vị có kết quả đánh giá",
    "unit_targets_met": "số chỉ tiêu của đơn vị đạt hoặc vượt",
    "unit_tasks_due": "số nhiệm vụ của đơn vị đến hạn",
    "unit_tasks_on_time": "số nhiệm vụ của đơn vị hoàn thành đúng hạn",
    "unit_urges": "số lần đơn vị bị đôn đốc, chỉ đạo nhắc trong kỳ",
    "unit_level_rank": "mức xếp loại của đơn vị (0 xuất sắc, 1 tốt, 2 hoàn thành, "
                       "3 không hoàn thành)",
    "team_total": "số công chức thuộc quyền quản lý được đánh giá",
    "team_khong_hoan_thanh": "số công chức thuộc quyền quản lý Không hoàn thành nhiệm vụ",
    **CIVIL_SERVANT_METRICS,
}
LEADER_ADDITIVE = frozenset({
    "unit_targets_total", "unit_targets_met", "unit_tasks_due", "unit_tasks_on_time",
    "unit_urges", "team_khong_hoan_thanh", *CIVIL_SERVANT_ADDITIVE})

_LEADER_CRITERIA = (
    Criterion("LD1", "Chỉ tiêu của đơn vị đạt, vượt", D(20),
              "if(unit_targets_total == 0, 0, 20 * unit_targets_met / unit_targets_total)",
              "Kết quả của đơn vị (55)",
              "Đơn vị đạt hoặc vượt {unit_targets_met}/{unit_targets_total} chỉ tiêu: "
              "{points}/{max_points} điểm",
              applies="unit_targets_total > 0", not_applicable_vi=_NA_TARGETS),
    Criterion("LD2", "Nhiệm vụ của đơn vị hoàn thành đúng hạn", D(25),
              "if(unit_tasks_due == 0, 0, 25 * unit_tasks_on_time / unit_tasks_due)",
              "Kết quả của đơn vị (55)",
              "Đơn vị hoàn thành đúng hạn {unit_tasks_on_time}/{unit_tasks_due} nhiệm vụ đến "
              "hạn: {points}/{max_points} điểm",
              applies="unit_tasks_due > 0", not_applicable_vi=_NA_TASKS),
    Criterion("LD3", "Không để cấp trên phải đôn đốc", D(10),
              "if(unit_tasks_due == 0, 0, 10 - 2.5 * unit_urges)",
              "Kết quả của đơn vị (55)",
              "Đơn vị bị đôn đốc {unit_urges} lần (mỗi lần trừ 2,5 điểm): "
              "{points}/{max_points} điểm",
              applies="unit_tasks_due > 0", not_applicable_vi=_NA_TASKS),
    Criterion("LD4", "Chính trị tư tưởng, đạo đức, tác phong, kỷ luật", D(15),
              "0.5 * (mark_politics + mark_ethics + mark_discipline)", "Tiêu chí của cá nhân (45)",
              "Cấp trên chấm {mark_politics} + {mark_ethics} + {mark_discipline} (mỗi mục "
              "0–10), quy về 15: {points}/{max_points} điểm"),
    Criterion("LD5", "Sản phẩm của cá nhân (số lượng, chất lượng, tiến độ)", D(15),
              "if(products_assigned == 0, 0, 15 * (products_done + quality_factor_sum "
              "+ progress_factor_sum) / (3 * products_assigned))",
              "Tiêu chí của cá nhân (45)",
              "Hoàn thành {products_done}/{products_assigned} sản phẩm, hệ số chất lượng "
              "{quality_factor_sum}, tiến độ {progress_factor_sum}: {points}/{max_points} điểm",
              applies="products_assigned > 0",
              not_applicable_vi="không có sản phẩm cá nhân được giao trong kỳ"),
    Criterion("LD6", "Kết quả của công chức thuộc quyền (NĐ 335)", D(15),
              "if(team_khong_hoan_thanh > 0, 7.5, 15)", "Tiêu chí của cá nhân (45)",
              "{team_khong_hoan_thanh}/{team_total} công chức thuộc quyền Không hoàn thành "
              "nhiệm vụ (có thì được 50%): {points}/{max_points} điểm",
              applies="team_total > 0",
              not_applicable_vi="không có công chức thuộc quyền được đánh giá trong kỳ"),
)

# Linked to the unit's rating: a leader is not rated above the unit they lead (a setting that
# follows the practice of rating heads by their unit's result; labelled as a setting).
_LEADER_CONDITIONS = (
    Condition("xs_unit", XUAT_SAC, "unit_level_rank <= 1",
              "đơn vị do mình phụ trách xếp loại Hoàn thành tốt nhiệm vụ trở lên "
              "(mức của đơn vị: {unit_level_rank})", setting=True),
    Condition("tot_unit", TOT, "unit_level_rank <= 2",
              "đơn vị do mình phụ trách xếp loại Hoàn thành nhiệm vụ trở lên "
              "(mức của đơn vị: {unit_level_rank})", setting=True),
)


def leader_framework(*, quota_reading: str = OF_TOT) -> Framework:
    """``LDQL-Q``: quarterly evaluation of leaders and managers (cán bộ lãnh đạo, quản lý),
    55 points from the unit they lead (targets, tasks on time, urges received) and 45 of their
    own (common criteria, own products, their team's results as NĐ 335 scores deputy heads)."""
    return Framework(
        code="LDQL-Q",
        version=1,
        name_vi="Đánh giá cán bộ lãnh đạo, quản lý hằng quý (kết quả đơn vị 55 + cá nhân 45)",
        subject_kind="leader",
        period_kind="quarter",
        criteria=_LEADER_CRITERIA,
        conditions=_LEADER_CONDITIONS,
        vetoes=CIVIL_VETOES,
        quota=QuotaRule(reading=quota_reading, percent=D(20), tie_break=(
            TieKey("coalesce(unit_level_rank, 9) * -1", "mức xếp loại của đơn vị"),)),
        metrics=LEADER_METRICS,
        additive=LEADER_ADDITIVE,
        subject_noun_vi="người",
    )


def shipped_frameworks() -> dict[str, Framework]:
    fws = (party_framework(base_org=True), party_framework(base_org=False),
           civil_servant_framework(), leader_framework())
    return {f.code: f for f in fws}
