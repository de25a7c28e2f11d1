"""Directives of a plan section become proposed tasks (deadline, targets, product, lead)."""

from datetime import date

from tiendo.extraction.engine.directives import period_end, propose_tasks

TEXT = """A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ III NĂM 2025
Thu ngân sách đạt 2.100 tỷ đồng.
B. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ IV/2025
- Ngay trong tháng 10/2025, Sở Tài chính tham mưu ban hành Quy định về quản lý tài sản công.
- Phấn đấu thu ngân sách quý IV đạt 2.500 tỷ đồng; giải quyết việc làm cho 4.000 lao động.
- Sở Nông nghiệp và Môi trường xây dựng Đề án phát triển cây ăn quả, hoàn thành trong \
6 tháng đầu năm 2026.
- Trước ngày 15/11/2025, tổ chức tổng kết công tác phòng chống thiên tai.
- Tiếp tục rà soát, sắp xếp các đơn vị sự nghiệp công lập, tầm nhìn đến năm 2030.
"""
UNITS = [("stc", "Sở Tài chính"), ("snnmt", "Sở Nông nghiệp và Môi trường"), ("syt", "Sở Y tế")]


def test_period_end():
    assert period_end("2026-Q2") == date(2026, 6, 30)
    assert period_end("2026-04") == date(2026, 4, 30)
    assert period_end("2024-02") == date(2024, 2, 29)
    assert period_end("2026") == date(2026, 12, 31)
    assert period_end(None) is None


def test_tasks_come_from_the_plan_section_only():
    tasks = propose_tasks(TEXT, units=UNITS)
    titles = [t.title for t in tasks]
    assert titles == [
        "Ngay trong tháng 10/2025, Sở Tài chính tham mưu ban hành Quy định về quản lý tài sản "
        "công",
        "Phấn đấu thu ngân sách quý IV đạt 2.500 tỷ đồng",
        "Giải quyết việc làm cho 4.000 lao động",
        "Sở Nông nghiệp và Môi trường xây dựng Đề án phát triển cây ăn quả, hoàn thành trong 6 "
        "tháng đầu năm 2026",
        "Trước ngày 15/11/2025, tổ chức tổng kết công tác phòng chống thiên tai",
        "Tiếp tục rà soát, sắp xếp các đơn vị sự nghiệp công lập, tầm nhìn đến năm 2030",
    ]


def test_deadlines_products_targets_and_lead_units():
    tasks = propose_tasks(TEXT, units=UNITS)
    got = [(t.deadline, t.product, t.lead_unit) for t in tasks]
    assert got == [
        (date(2025, 10, 31), "Quy định về quản lý tài sản công", "stc"),
        (date(2025, 12, 31), None, None),
        (date(2025, 12, 31), None, None),
        (date(2026, 6, 30), "Đề án phát triển cây ăn quả", "snnmt"),
        (date(2025, 11, 15), None, None),
        (date(2025, 12, 31), None, None),  # a horizon is not a deadline of this plan
    ]
    targets = [[(n.value, n.role) for s in t.targets for n in s.numbers] for t in tasks]
    assert targets[1] == [(2500, "target")]
    assert targets[2] == [(4000, "target")]
    assert targets[0] == []


def test_text_without_plan_heading_is_read_whole_with_the_given_period():
    tasks = propose_tasks("Khẩn trương hoàn thành dự án trong quý II.", default_period="2026-Q2")
    assert [(t.title, t.deadline) for t in tasks] == [
        ("Khẩn trương hoàn thành dự án trong quý II", date(2026, 6, 30))
    ]
