"""Tables of targets read by their columns (engine/tables.py)."""

import pytest

from tiendo.extraction.engine import extract
from tiendo.extraction.engine.numbers import find_numbers
from tiendo.extraction.engine.tables import column_kind, read_header

TABLE = (
    "Kết quả thực hiện các chỉ tiêu chủ yếu năm 2019 như sau:\n"
    "STT\tChỉ tiêu\tĐVT\tTH 2018\tKH 2019\tƯớc TH 2019\tSo KH (%)\tĐánh giá\n"
    "1\tTốc độ tăng trưởng GRDP\t%\t7,2\t7,5-8,0\t7,1\t94,7\tKhông đạt\n"
    "2\tThu ngân sách nhà nước\ttỷ đồng\t1.250\t1.300\t1.420\t109,2\tĐạt\n"
    "II\tVề xã hội\t\t\t\t\t\t\n"
    "3\tTỷ lệ hộ nghèo\t%\t5,1\t4,5\t4,2\t\tVượt\n"
    "Như vậy, có 2/3 chỉ tiêu đạt.\n"
)


@pytest.mark.parametrize("header, kind", [
    ("STT", "index"), ("ĐVT", "unit"), ("Chỉ tiêu", "name"), ("Nội dung", "name"),
    ("KH 2019", "target"), ("Kế hoạch năm", "target"), ("Dự toán", "target"),
    ("Ước TH 2019", "actual"), ("Thực hiện", "actual"),
    ("So KH (%)", "attainment"), ("TH/KH", "attainment"),
    ("Ước TH so với dự toán (%)", "attainment"),
    ("So cùng kỳ (%)", "change"), ("TH 2019/TH 2018", "change"),
    ("Đánh giá", "verdict"), ("Ghi chú", "verdict"), ("", "other"),
    ("Đạt/Không đạt", "verdict"), ("So sánh (%)", "attainment"), ("Tỷ lệ đạt (%)", "attainment"),
    ("% thực hiện", "attainment"), ("Tăng/giảm (%)", "change"), ("Đạt", "actual"),
])
def test_what_a_column_holds_from_its_header(header, kind):
    assert column_kind(header) == kind


def test_a_header_has_two_columns_of_values_and_no_figure_but_years():
    assert read_header("STT\tChỉ tiêu\tĐVT\tTH 2018\tKH 2019") is not None
    assert read_header("1\tTốc độ tăng trưởng\t%\t7,2\t7,5") is None
    assert read_header("Tên\tĐịa chỉ\tGhi chú") is None


def test_a_row_is_read_by_its_columns():
    got = [s.to_dict() for s in extract(TABLE, default_period="2019")]
    rows = [(s["indicator"], s["period"], s["status"],
             [(n["text"], n["role"], n["unit"]) for n in s["numbers"]]) for s in got]
    assert rows[:4] == [
        ("Tốc độ tăng trưởng GRDP", "2019", "not_achieved",
         [("7,5", "target", "%"), ("8,0", "target", "%"), ("7,1", "actual", "%"),
          ("94,7", "attainment", "%")]),
        ("Tốc độ tăng trưởng GRDP", "2018", None, [("7,2", "actual", "%")]),
        ("Thu ngân sách nhà nước", "2019", "achieved",
         [("1.300", "target", "tỷ đồng"), ("1.420", "actual", "tỷ đồng"),
          ("109,2", "attainment", "%")]),
        ("Thu ngân sách nhà nước", "2018", None, [("1.250", "actual", "tỷ đồng")]),
    ]
    assert rows[4][:3] == ("Tỷ lệ hộ nghèo", "2019", "achieved")


def _only_row(text, period):
    """The figures and roles of the one statement a table gives."""
    (st,) = extract(text, default_period=period)
    return [(n.text, n.role) for n in st.numbers]


def test_the_table_ends_at_the_first_line_without_a_tab():
    got = extract(TABLE, default_period="2019")
    assert [n.text for n in got[-1].numbers] == ["2", "3"]
    assert got[-1].numbers[0].role == "part"


def test_a_second_header_line_completes_the_first():
    text = ("Chỉ tiêu\tĐVT\tNăm 2020\tNăm 2020\tĐánh giá\n"
            "\t\tKế hoạch\tThực hiện\t\n"
            "Thu ngân sách\ttỷ đồng\t500\t520\tĐạt\n")
    (st,) = extract(text, default_period="2020")
    assert [(n.text, n.role) for n in st.numbers] == [("500", "target"), ("520", "actual")]
    assert st.status == "achieved"


def test_a_shorter_row_lines_up_with_the_last_columns():
    text = ("STT\tChỉ tiêu\tĐVT\tKH 2020\tTH 2020\tSo KH (%)\n"
            "Thu ngân sách\t500\t520\t104\n")
    assert _only_row(text, "2020") == [
        ("500", "target"), ("520", "actual"), ("104", "attainment")]


def test_a_word_table_of_targets_is_read_by_its_columns(tmp_path):
    docx = pytest.importorskip("docx")
    from tiendo.extraction.engine import read_document

    d = docx.Document()
    d.add_paragraph("Kết quả thực hiện các chỉ tiêu năm 2025:")
    rows = [("Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"),
            ("Thu ngân sách", "tỷ đồng", "500", "520", "Đạt"),
            ("Tỷ lệ che phủ rừng", "%", "55", "54,2", "Không đạt")]
    table = d.add_table(rows=3, cols=5)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    p = tmp_path / "bang.docx"
    d.save(p)
    got = extract(read_document(p).text, default_period="2025")
    assert [(s.indicator, s.status, [(n.text, n.role, n.unit) for n in s.numbers])
            for s in got] == [
        ("Thu ngân sách", "achieved", [("500", "target", "tỷ đồng"), ("520", "actual", "tỷ đồng")]),
        ("Tỷ lệ che phủ rừng", "not_achieved", [("55", "target", "%"), ("54,2", "actual", "%")]),
    ]


def test_a_header_line_of_years_under_the_header_keeps_the_table():
    text = ("Stt\tChỉ tiêu\tDự toán\tƯTH\n"
            "\t\t2008\t2008\n"
            "A\tTổng thu ngân sách\t323.000\t416.783\n")
    assert _only_row(text, "2008") == [("323.000", "target"), ("416.783", "actual")]


def test_a_header_may_name_the_months_of_its_period():
    text = ("Chỉ tiêu\tĐVT\tKH năm 2024\tƯớc TH 6 tháng 2024\tSo KH (%)\n"
            "Thu ngân sách\ttỷ đồng\t1.000\t560\t56\n")
    assert _only_row(text, "2024-06") == [
        ("1.000", "target"), ("560", "actual"), ("56", "attainment")]


def test_a_bilingual_table_grouped_the_english_way_gives_its_whole_numbers():
    got = [(t.text, t.value) for t in find_numbers("GDP\t1,338,000\t1,477,717\t7,5\t1,5,6")]
    assert got == [("1,338,000", 1338000), ("1,477,717", 1477717), ("7,5", 7.5), ("1,5,6", None)]


TABLE_ONE_CELL_A_LINE = (
    "Kết quả thực hiện chỉ tiêu Nghị quyết Đại hội nhiệm kỳ 2017 - 2022\n"
    "Nội dung chỉ tiêu\nChỉ tiêu\nKết quả đạt được\n"
    "Chỉ tiêu 1: Đến cuối nhiệm kỳ, cấp trung ương đề xuất được ít nhất 05 chính sách.\n"
    "- Số chính sách đề xuất đến cuối nhiệm kỳ:\n"
    "+ Cấp trung ương\n5\n6\n(Vượt chỉ tiêu)\n"
    "+ Cấp xã\n10.603\n7.518 lượt\n(Chưa đạt chỉ tiêu)\n"
    "Hội nghị đánh giá giữa nhiệm kỳ đã diễn ra sáng ngày 11/6 tại hội trường huyện với các đại"
    " biểu.\nTrong năm, tổ chức Hội có 45.131 hội viên, chiếm 60% số phụ nữ trên địa bàn huyện"
    " theo báo cáo.\n"
)


def test_a_table_copied_one_cell_a_line_is_read_by_its_columns():
    got = [(s.status, [(n.text, n.role) for n in s.numbers])
           for s in extract(TABLE_ONE_CELL_A_LINE, default_period="2022")]
    assert got == [
        (None, [("05", "target")]),
        ("achieved", [("5", "target"), ("6", "actual")]),
        ("not_achieved", [("10.603", "target"), ("7.518", "actual")]),
        (None, [("45.131", "actual"), ("60", "actual")]),
    ]


def test_joining_the_cells_of_a_table_keeps_every_offset():
    from tiendo.extraction.engine.tables import join_cell_rows
    joined, heads = join_cell_rows(TABLE_ONE_CELL_A_LINE)
    assert len(joined) == len(TABLE_ONE_CELL_A_LINE)
    assert joined.replace("\t", "\n") == TABLE_ONE_CELL_A_LINE
    assert joined.splitlines()[1] == "Nội dung chỉ tiêu\tChỉ tiêu\tKết quả đạt được"
    assert "+ Cấp xã\t10.603\t7.518 lượt\t(Chưa đạt chỉ tiêu)" in joined.splitlines()
    assert heads == {len(TABLE_ONE_CELL_A_LINE.splitlines()[0]) + 1}
    assert join_cell_rows("Thu ngân sách\n5\n6\n") == ("Thu ngân sách\n5\n6\n", set())


@pytest.mark.parametrize(("cell", "status"), [
    ("Vượt dự toán", "achieved"), ("Đạt NQ", "achieved"),
    ("Không đạt kế hoạch năm", "not_achieved"), ("Hoàn thành vượt mức", "achieved"),
    ("Chưa đạt", "not_achieved"), ("Đạt 95%", None),
])
def test_a_verdict_cell_names_the_plan_as_a_verdict_in_prose_does(cell, status):
    text = ("Chỉ tiêu\tKế hoạch\tThực hiện\tĐánh giá\n"
            f"Thu ngân sách (tỷ đồng)\t1.300\t1.420\t{cell}\n")
    assert extract(text, default_period="2019")[0].status == status


def test_a_row_heading_a_group_of_targets_met_or_not_judges_the_rows_under_it():
    text = ("STT\tChỉ tiêu\tĐVT\tKế hoạch 2024\tThực hiện 2024\n"
            "I\tCác chỉ tiêu đạt và vượt kế hoạch\t\t\t\n"
            "1\tTốc độ tăng trưởng GRDP\t%\t7,5\t8,1\n"
            "II\tCác chỉ tiêu không đạt kế hoạch\t\t\t\n"
            "2\tXuất khẩu\ttriệu USD\t500\t450\n"
            "III\tLĩnh vực xã hội\t\t\t\n"
            "3\tTỷ lệ hộ nghèo\t%\t2\t1,8\n")
    assert [s.status for s in extract(text, default_period="2024")] == [
        "achieved", "not_achieved", None]


def test_a_bilingual_table_with_numbered_columns_its_unit_written_over_it():
    text = ("Đơn vị tính: Tỷ đồng -Bill VND\n"
            "Stt\t\t\tDự toán\tƯTH (2)\n"
            "\tChỉ tiêu\tItems\t2008\t2008\n"
            "\tGDP\tGDP\t1,338,000\t1,477,717\n"
            "A\tTổng thu và viện trợ\tTotal revenues and grants\t323,000\t416,783\n")
    got = [[(n.text, n.value, n.unit, n.role) for n in s.numbers]
           for s in extract(text, default_period="2008")]
    assert got == [
        [("1,338,000", 1338000, "tỷ đồng", "target"), ("1,477,717", 1477717, "tỷ đồng", "actual")],
        [("323,000", 323000, "tỷ đồng", "target"), ("416,783", 416783, "tỷ đồng", "actual")]]


def test_a_figure_alone_in_a_cell_of_a_table_whose_header_is_not_known_is_read():
    text = "STT\tTên đơn vị\tSố thu\n1\tHuyện A\t1.234\n2\tHuyện B\t2.345,5\n"
    got = [(n.text, n.role) for s in extract(text, default_period="2024") for n in s.numbers]
    assert got == [("1.234", "actual"), ("2.345,5", "actual")]


def test_a_table_one_cell_a_line_with_its_title_index_unit_and_column_numbers():
    text = ("Kết quả thực hiện các chỉ tiêu năm 2023\nSTT\nChỉ tiêu\nĐVT\nKế hoạch 2023\n"
            "Thực hiện 2023\nĐánh giá\n1\n2\n3\n4\n5\n6\n"
            "1\nTốc độ tăng trưởng kinh tế\n%\n8,5\n9,2\nĐạt\n"
            "2\nThu ngân sách\ntỷ đồng\n1.200\n1.100\nKhông đạt\n"
            "3\nTỷ lệ hộ nghèo\n%\n2,1\nĐạt\n")
    got = [(s.indicator, s.status, [(n.text, n.role, n.unit) for n in s.numbers])
           for s in extract(text, default_period="2023")]
    assert got == [
        ("Tốc độ tăng trưởng kinh tế", "achieved", [("8,5", "target", "%"),
                                                    ("9,2", "actual", "%")]),
        ("Thu ngân sách", "not_achieved", [("1.200", "target", "tỷ đồng"),
                                           ("1.100", "actual", "tỷ đồng")]),
        ("Tỷ lệ hộ nghèo", "achieved", [("2,1", "actual", "%")])]


def test_a_table_one_cell_a_line_with_a_range_of_plans_and_an_empty_cell():
    # a plan written as a range ("7,0-7,5") and a cell left empty ("-") are cells of the row,
    # not the end of the table
    text = ("TT\nChỉ tiêu\nĐơn vị tính\nKế hoạch năm 2019\nƯớc thực hiện năm 2019\nĐánh giá\n"
            "1\nTốc độ tăng trưởng GRDP\n%\n7,0-7,5\n7,12\nĐạt\n"
            "2\nThu ngân sách nhà nước\nTỷ đồng\n8.500\n8.210\nKhông đạt\n"
            "3\nSố xã đạt chuẩn nông thôn mới\nxã\n-\n12\nVượt\n")
    got = [(s.indicator, s.status, [(n.text, n.role, n.unit, n.bound) for n in s.numbers])
           for s in extract(text, default_period="2019")]
    assert got == [
        ("Tốc độ tăng trưởng GRDP", "achieved", [("7,0", "target", "%", ">="),
                                                 ("7,5", "target", "%", "<="),
                                                 ("7,12", "actual", "%", None)]),
        ("Thu ngân sách nhà nước", "not_achieved", [("8.500", "target", "tỷ đồng", None),
                                                    ("8.210", "actual", "tỷ đồng", None)]),
        ("Số xã đạt chuẩn nông thôn mới", "achieved", [("12", "actual", "xã", None)])]
