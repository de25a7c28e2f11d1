"""The names statements are given: what a reader of the proposals list expects to see, not the
words left before a figure (issue 18: readable indicator names)."""

import pytest

from tiendo.extraction.engine import extract
from tiendo.extraction.engine.naming import readable_name


def _names(text, period="2025-12"):
    return [s.indicator for s in extract(text, default_period=period)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the verb of the figure, or a preposition left open, is not part of the name
        ("Giải quyết việc làm cho", "Giải quyết việc làm"),
        ("Thi hành kỷ luật đối với", "Thi hành kỷ luật"),
        ("Duy trì tỷ lệ che phủ rừng ở mức", "Duy trì tỷ lệ che phủ rừng"),
        ("Tỷ lệ hộ nghèo đến cuối năm 2016 còn", "Tỷ lệ hộ nghèo đến cuối năm 2016"),
        ("Tăng trưởng GRDP ước đạt", "Tăng trưởng GRDP"),
        ("Tỷ lệ hộ nghèo của tỉnh hiện còn", "Tỷ lệ hộ nghèo của tỉnh"),
        ("Thu ngân sách tại địa phương chỉ thực hiện", "Thu ngân sách tại địa phương"),
        ("Đạt tỷ lệ giải ngân trên", "Tỷ lệ giải ngân"),
        ("Tổng vốn đầu tư toàn xã hội khoảng", "Tổng vốn đầu tư toàn xã hội"),
        ("Tổng thu ngân sách trên địa bàn thực hiện", "Tổng thu ngân sách trên địa bàn"),
        # the intent a name opens on
        ("Phấn đấu tổng thu ngân sách cả năm", "Tổng thu ngân sách cả năm"),
        ("Nâng tổng số đảng viên kết nạp 9 tháng lên", "Tổng số đảng viên kết nạp 9 tháng"),
        ("Đưa tỷ lệ hộ nghèo xuống còn", "Tỷ lệ hộ nghèo"),
        ("Dự kiến điện sản xuất", "Điện sản xuất"),
        ("Để phấn đấu giải ngân", "Giải ngân"),
        ("Tỷ lệ đô thị hóa phấn đấu", "Tỷ lệ đô thị hóa"),
        # the time, or the linking words, a clause opens on before its subject
        ("Đến ngày 30/9/2025 đã giải ngân", "Giải ngân"),
        ("Tính đến hết tháng 10, tổng số hồ sơ tiếp nhận", "Tổng số hồ sơ tiếp nhận"),
        ("Tuy nhiên, bên cạnh đó, số doanh nghiệp giải thể", "Số doanh nghiệp giải thể"),
        ("Đáng chú ý, kim ngạch nhập khẩu", "Kim ngạch nhập khẩu"),
        ("Tuy nhiên, đến thời điểm hiện nay", "Đến thời điểm hiện nay"),
        # kept: the head of a rate, a bound, a verb ending in "hiện", a name with nothing left
        ("Tốc độ tăng", "Tốc độ tăng"),
        ("Mức giảm", "Mức giảm"),
        ("Tỷ lệ cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
         "Tỷ lệ cơ sở đảng hoàn thành tốt nhiệm vụ trở lên"),
        ("Số liệu từ Bộ Tài chính thể hiện", "Số liệu từ Bộ Tài chính thể hiện"),
        ("Đối với", "Đối với"),
        ("Số đảng viên mới kết nạp nói trên", "Số đảng viên mới kết nạp nói trên"),
        ("Thời gian thu hoạch lúa sớm hơn", "Thời gian thu hoạch lúa sớm hơn"),
        ("Ước đạt", "Ước đạt"),
    ],
)
def test_a_name_loses_what_it_opens_or_ends_on_that_names_nothing(name, expected):
    assert readable_name(name, "") == expected


def test_a_long_name_is_cut_at_a_word_and_not_on_a_preposition():
    clause = ("Trước bối cảnh đó, cùng với sự tập trung chỉ đạo, điều hành quyết liệt của cấp ủy, "
              "chính quyền thành phố, sự nỗ lực của doanh nghiệp")
    assert readable_name(clause, "") == (
        "Trước bối cảnh đó, cùng với sự tập trung chỉ đạo, điều hành quyết liệt của cấp ủy, "
        "chính quyền thành phố, sự nỗ lực")
    assert readable_name("x" * 130, "") == "X" + "x" * 119


def test_an_abbreviation_takes_the_capitals_the_text_gives_it():
    around = "Tốc độ tăng trưởng GRDP của tỉnh, tỷ lệ tham gia BHYT và HĐND tỉnh giao"
    assert readable_name("tốc độ tăng trưởng grdp", around) == "Tốc độ tăng trưởng GRDP"
    assert readable_name("tham gia bhyt", around) == "Tham gia BHYT"
    assert readable_name("Grdp của tỉnh", around) == "GRDP của tỉnh"
    # a heading in capitals is not a list of abbreviations
    heading = "II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026\nChỉ tiêu chủ yếu của năm"
    assert readable_name("chỉ tiêu chủ yếu năm", heading) == "Chỉ tiêu chủ yếu năm"


def test_statements_read_from_prose_are_named_without_the_words_around_their_figures():
    assert _names("Phấn đấu tổng thu ngân sách cả năm đạt 1.250 tỷ đồng.") == [
        "Tổng thu ngân sách cả năm"]
    assert _names("Toàn tỉnh giải quyết việc làm cho 2.350 lao động.") == [
        "Giải quyết việc làm"]
    assert _names("Tốc độ tăng trưởng kinh tế (GRDP) ước đạt 8,2%, tỷ lệ tham gia bhyt đạt "
                  "93,1% dân số.") == ["Tốc độ tăng trưởng kinh tế (GRDP)", "Tỷ lệ tham gia bhyt"]


def test_a_count_of_targets_not_met_keeps_its_verdict_and_a_cut_keeps_its_object():
    assert _names("Năm 2025, có 03 chỉ tiêu chưa đạt kế hoạch.") == [
        "Chỉ tiêu chưa đạt kế hoạch"]
    assert _names("Số thủ tục hành chính được cắt giảm là 1.234/2.000 thủ tục.") == [
        "Số thủ tục hành chính được cắt giảm"]


def test_a_target_named_after_the_word_chi_tieu_takes_the_name_it_gives():
    assert _names("Chỉ tiêu thu ngân sách đạt 1.250 tỷ đồng, bằng 96% dự toán.") == [
        "Thu ngân sách"]


@pytest.mark.parametrize(("text", "expected"), [
    # who told the figure, then what is measured
    ("Tại kỳ họp, ông Hồ Kỳ Minh, Phó Chủ tịch UBND TP. Đà Nẵng cho biết, năm 2023, tổng sản "
     "phẩm xã hội trên địa bàn đạt 120.000 tỷ đồng.", "Tổng sản phẩm xã hội trên địa bàn"),
    ("Ông Mai Sơn cho biết thu ngân sách đạt 100 tỷ đồng.", "Thu ngân sách"),
    # the circumstances the sentence opens on, and an estimate told before what it is of
    ("Với sự quan tâm chỉ đạo của Tỉnh ủy, thu ngân sách đạt 100 tỷ đồng.", "Thu ngân sách"),
    ("Ước thu ngân sách nhà nước trên địa bàn là 404 tỷ đồng.",
     "Thu ngân sách nhà nước trên địa bàn"),
    # what the counted meet names them
    ("Toàn tỉnh có 101 xã đạt chuẩn nông thôn mới nâng cao.",
     "Xã đạt chuẩn nông thôn mới nâng cao"),
])
def test_a_name_without_its_source_circumstances_or_estimate(text, expected):
    assert _names(text) == [expected]


def test_what_the_counted_meet_stays_in_the_name():
    assert _names("Số xã đạt chuẩn nông thôn mới đạt 45 xã.") == ["Số xã đạt chuẩn nông thôn mới"]


def test_a_plan_is_named_after_what_it_plans():
    assert _names("Kế hoạch thu ngân sách năm 2024 là 500 tỷ đồng. Dự toán thu ngân sách nhà "
                  "nước năm 2025 là 16.500 tỷ đồng.") == ["Thu ngân sách", "Thu ngân sách nhà nước"]


def test_a_name_without_the_conjunction_approximation_or_year_it_opens_on():
    assert _names("Tại TP.HCM, năm 2019 dự toán thu từ đất là gần 15.000 tỷ đồng nhưng ước tính "
                  "thu được chỉ 11.000 tỷ đồng.", "2019") == ["Dự toán thu từ đất"]
    assert _names("Dự toán thu là 500 tỷ đồng, nhưng thu ngân sách chỉ đạt 450 tỷ đồng; tuy "
                  "nhiên thu nội địa đạt 300 tỷ đồng.", "2019") == [
        "Thu ngân sách", "Thu nội địa"]


def test_a_name_after_the_basis_told_first_or_after_who_set_the_plan():
    assert _names("So với năm học 2012-2013, tỷ lệ đỗ tốt nghiệp THPT của khối THPT tăng "
                  "1,67%.", "2014")[0] == "Tỷ lệ đỗ tốt nghiệp THPT của khối THPT"
    assert _names("Năm 2024, ngành nông nghiệp đặt chỉ tiêu trồng trọt 11.397,2ha.", "2024") == [
        "Trồng trọt"]
    # a verb of strengthening is no change: the clause names nothing before its plan
    assert _names("Tăng cường kiểm tra an toàn thực phẩm, phấn đấu tỷ lệ cơ sở đạt chuẩn an toàn "
                  "thực phẩm 95%.", "2024") != [
        "Tăng cường kiểm tra an toàn thực phẩm, phấn đấu tỷ lệ cơ sở"]


def test_a_long_name_keeps_the_clause_that_names_a_measure():
    assert readable_name("Sản xuất nông nghiệp của tỉnh tiếp tục phát triển ổn định, tốc độ "
                         "tăng trưởng ngành nông nghiệp tỉnh", "") == (
        "Tốc độ tăng trưởng ngành nông nghiệp tỉnh")
    assert readable_name("Nông nghiệp tiếp tục khẳng định vai trò nền tảng cho kinh tế Sóc "
                         "Trăng, với diện tích gieo sạ lúa", "") == "Diện tích gieo sạ lúa"
    # a short name keeps its words
    assert readable_name("Thu ngân sách, với nhiều khó khăn", "") == (
        "Thu ngân sách, với nhiều khó khăn")


def test_a_word_that_restates_names_nothing():
    assert [[(n.text, n.role) for n in s.numbers] for s in extract(
        "Số tin báo tố giác tội phạm là 16 tin (tăng 9 tin, tức tăng hơn 100%).",
        default_period="2023")] == [[("16", "actual"), ("9", "change"), ("100", "change")]]


def test_the_date_a_figure_runs_to_is_not_part_of_its_name():
    assert _names("Thu ngân sách đến ngày 20/11 ước đạt 52,3 tỷ đồng.") == ["Thu ngân sách"]
    assert _names("Tổng dư nợ tính đến hết tháng 9 đạt 4.210 tỷ đồng.") == ["Tổng dư nợ"]
    assert _names("Đến ngày 31/10/2024 số hồ sơ đã giải quyết đạt 12.450 hồ sơ.") == [
        "Số hồ sơ đã giải quyết"]
    # a date that is not at either end stays ("Tỷ lệ hộ nghèo đến cuối năm 2016")
    assert readable_name("Tỷ lệ hộ nghèo đến cuối năm 2016 còn", "") == (
        "Tỷ lệ hộ nghèo đến cuối năm 2016")


def test_a_name_skips_the_phrases_that_frame_its_clause():
    # who told it and since or until when, closed by a comma, even when their words hold a
    # cue ("Sở Kế hoạch và Đầu tư")
    assert _names("Theo Sở Kế hoạch và Đầu tư, năm 2022, tỷ lệ giải ngân vốn đầu tư công của "
                  "thành phố bằng 108% kế hoạch.") == [
        "Tỷ lệ giải ngân vốn đầu tư công của thành phố"]
    assert _names("Được biết, đến cuối năm 2023, tỷ lệ hộ nghèo của huyện giảm còn 4,2%.") == [
        "Tỷ lệ hộ nghèo của huyện"]
    assert _names("Đến hết quý II năm 2024, tăng trưởng kinh tế toàn tỉnh đạt 6,1%.") == [
        "Tăng trưởng kinh tế toàn tỉnh"]
    assert _names("Theo báo cáo của Kho bạc, ước giải ngân vốn đầu tư công đến hết tháng 11 là "
                  "2.410 tỷ đồng.") == ["Giải ngân vốn đầu tư công"]
    # a target named after its plan word, "về" left out
    assert _names("Chỉ tiêu về tỷ lệ đô thị hóa đạt 38%. Trong năm, chỉ tiêu về thu ngân sách đạt "
                  "520 tỷ đồng.") == ["Tỷ lệ đô thị hóa", "Thu ngân sách"]


def test_a_count_of_targets_is_named_after_the_targets_and_what_is_said_of_them():
    assert _names("Nhiệm kỳ 2020-2025, thành phố có 21/30 chỉ tiêu đạt và vượt mục tiêu Nghị "
                  "quyết.") == ["Chỉ tiêu đạt và vượt mục tiêu Nghị quyết"]
    assert _names("Năm 2024, Đảng bộ xã thực hiện đạt 9/9 nhiệm vụ trọng tâm.", "2024") == [
        "Nhiệm vụ trọng tâm"]
    # an average per commune is not a count of targets: the words after it name nothing
    assert _names("Toàn huyện bình quân đạt 16,5 tiêu chí/ xã và cuối năm có thêm 3 xã đạt "
                  "chuẩn.", "2024")[0] == "Tiêu chí / xã"


def test_a_count_is_named_after_its_noun_without_the_scale_written_before_it():
    assert _names("Toàn tỉnh có 1,2 triệu người tham gia bảo hiểm y tế.", "2024") == [
        "Người tham gia bảo hiểm y tế"]


def test_the_part_of_a_whole_told_before_is_not_part_of_the_name():
    assert _names("Trong số đó, số người tham gia bảo hiểm y tế là 947.566 người. Trong số này, "
                  "người tham gia BHXH tự nguyện là 3.418 người.", "2024") == [
        "Số người tham gia bảo hiểm y tế", "Người tham gia BHXH tự nguyện"]


def test_a_count_after_what_its_agent_did_is_named_after_what_was_counted():
    text = ("Qua kiểm soát chi, các đơn vị Kho bạc nhà nước đã phát hiện 1.234 khoản chi chưa đủ "
            "thủ tục theo quy định. Phát hiện 12 vụ vi phạm Luật Lâm nghiệp.")
    assert [s.indicator for s in extract(text, default_period="2015")] == [
        "Khoản chi chưa đủ thủ tục", "Phát hiện vụ vi phạm Luật Lâm nghiệp"]


def test_places_and_bodies_counted_together_name_the_count_together():
    text = ("Toàn huyện có 125 xã, phường, thị trấn đạt chuẩn quốc gia về y tế. Có 45 chi bộ, đảng "
            "bộ hoàn thành tốt nhiệm vụ. Có 12 xã, hội viên tham gia.")
    assert [s.indicator for s in extract(text, default_period="2023")][:2] == [
        "Xã, phường, thị trấn đạt chuẩn quốc gia về y tế",
        "Chi bộ, đảng bộ hoàn thành tốt nhiệm vụ"]


def test_a_name_cut_to_its_last_words_does_not_split_a_word_of_two_syllables():
    assert _names("Mục tiêu kiểm soát lạm phát dưới 5% trong năm nay đã thành công.", "2016") == [
        "Mục tiêu kiểm soát lạm phát"]
