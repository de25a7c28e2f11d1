"""Roles decided by the comparison words of report prose: a plan named before the parenthesis
that gives its figure, a basis in time written before the verb, a share of a whole, an
estimate for the whole year, an amount done over the amount planned. Short sentences written
for these tests, in the phrasing of commune councils' and party committees' reports."""

import pytest

from tiendo.extraction.engine import extract


def _roles(text, period="2025-09"):
    return [[(n.text, n.role) for n in s.numbers] for s in extract(text, default_period=period)]


def test_a_plan_named_before_a_parenthesis_gives_the_figure_in_it():
    assert _roles("Chỉ số sản xuất công nghiệp tăng 8,6% so với cùng kỳ, thấp hơn kịch bản "
                  "tăng trưởng (9,5%).") == [[("8,6", "actual"), ("9,5", "target")]]


def test_a_planned_change_in_a_parenthesis_after_the_plan_it_names_is_a_target():
    assert _roles("Tỷ lệ hộ nghèo còn 3,15%, giảm 1,02% so với cuối năm 2024, vượt chỉ tiêu kế "
                  "hoạch đề ra (giảm 1%).") == [
        [("3,15", "actual"), ("1,02", "change"), ("1", "target")]]


def test_a_change_in_a_parenthesis_after_an_attainment_stays_a_change():
    assert _roles("Thu ngân sách đạt 98,1% kế hoạch (tăng 5%).") == [
        [("98,1", "attainment"), ("5", "change")]]


def test_a_change_verb_does_not_carry_over_a_semicolon():
    assert _roles("Có 14/16 xã đạt chuẩn nông thôn mới, vượt 2 xã so với chỉ tiêu Nghị quyết; "
                  "4 xã đạt chuẩn nâng cao, đạt 80% kế hoạch.") == [
        [("14", "part"), ("16", "part"), ("2", "change")],
        [("4", "actual"), ("80", "attainment")]]


def test_a_reference_average_after_a_change_is_its_own_figure():
    assert _roles("Tỷ lệ giải quyết hồ sơ đúng hạn đạt 98,6%, cao hơn 2,1% so với năm 2024 và "
                  "cao hơn mức trung bình của huyện (96,2%).") == [
        [("98,6", "actual"), ("2,1", "change")], [("96,2", "actual")]]


@pytest.mark.parametrize("text", [
    "Ước cả năm, kim ngạch xuất khẩu đạt 262 triệu USD.",
    "Sản lượng lương thực ước cả năm 262 tấn.",
    "Ước thực hiện năm 2025, giá trị sản xuất đạt 262 tỷ đồng.",
    "Cả năm ước thu ngân sách 262 triệu đồng.",
])
def test_an_estimate_for_the_year_in_a_report_on_nine_months_is_a_target(text):
    [[(_, role)]] = _roles(text)
    assert role == "target"


def test_an_estimate_for_the_year_in_a_report_on_the_year_is_the_actual():
    assert _roles("Ước cả năm, thu ngân sách đạt 3.800 triệu đồng, bằng 105,6% dự toán.",
                  period="2025") == [[("3.800", "actual"), ("105,6", "attainment")]]


def test_the_years_estimate_after_the_periods_figure_is_a_statement_of_its_own():
    stmts = extract("Kim ngạch xuất khẩu 9 tháng đạt 186 triệu USD; ước cả năm đạt 262 triệu "
                    "USD, vượt 0,8% kế hoạch.", default_period="2025-09")
    assert [[(n.text, n.role, n.scope) for n in s.numbers] for s in stmts] == [
        [("186", "actual", None)], [("262", "target", "year"), ("0,8", "change", None)]]


def test_an_estimate_for_the_periods_end_is_not_an_estimate_for_the_year():
    assert _roles("Ước thực hiện 6 tháng đầu năm, giá trị sản xuất đạt 215 tỷ đồng, đạt 47% kế "
                  "hoạch.", period="2025-06") == [[("215", "actual"), ("47", "attainment")]]


def test_an_amount_over_the_amount_planned_then_its_share_reads_as_actual_plan_attainment():
    assert _roles("Tổng thu ngân sách xã thực hiện 3.456 triệu đồng/6.200 triệu đồng, đạt 55,7% "
                  "so với dự toán năm.") == [
        [("3.456", "actual"), ("6.200", "target"), ("55,7", "attainment")]]


def test_a_basis_in_time_before_the_verb_makes_a_change():
    assert _roles("Huy động vốn đạt 120 tỷ đồng, so với cùng kỳ bằng 110%.") == [
        [("120", "actual"), ("110", "change")]]


def test_a_plan_before_the_verb_still_makes_an_attainment():
    assert _roles("Số lao động được tạo việc làm 320 người, so với kế hoạch đạt 64%.") == [
        [("320", "actual"), ("64", "attainment")]]


@pytest.mark.parametrize("text", [
    "Toàn xã có 1.250 hộ tham gia phong trào, bằng 95% số hộ.",
    "Đã quán triệt cho 1.250 cán bộ, đảng viên, đạt 95% tổng số đảng viên.",
])
def test_a_share_of_a_whole_after_a_count_is_an_actual_not_an_attainment(text):
    assert _roles(text) == [[("1.250", "actual"), ("95", "actual")]]


def test_a_count_then_its_share_of_its_plan_is_still_an_attainment():
    assert _roles("Kết nạp được 25 đảng viên, đạt 125% chỉ tiêu cấp trên giao.") == [
        [("25", "actual"), ("125", "attainment")]]


@pytest.mark.parametrize(("text", "direction"), [
    ("Năng suất lúa đạt 62 tạ/ha, cao hơn cùng kỳ 1,5 tạ/ha.", "up"),
    ("Tổng thu ngân sách đạt 1,5 tỷ đồng, giảm so với năm trước 12%.", "down"),
])
def test_a_change_with_its_basis_between_the_verb_and_the_figure(text, direction):
    [s] = extract(text, default_period="2025-06")
    assert [n.role for n in s.numbers] == ["actual", "change"]
    assert s.numbers[1].direction == direction


def test_a_ratio_to_a_whole_earlier_year_is_a_change_as_written():
    assert _roles("Năm 2024 kết nạp 215 đảng viên; 6 tháng đầu năm 2025 kết nạp 118 đảng viên, "
                  "bằng 54,9% so với cả năm 2024.", period="2025-06") == [
        [("215", "actual")], [("118", "actual"), ("54,9", "change")]]


def test_a_count_after_the_plan_of_the_year_is_in_scope():
    stmts = extract("Phấn đấu kết nạp thêm 54 đảng viên để hoàn thành chỉ tiêu năm 240 đảng viên.",
                    default_period="2025-09")
    assert [(n.text, n.role) for s in stmts for n in s.numbers] == [
        ("54", "target"), ("240", "target")]


def test_a_count_after_the_same_period_it_is_compared_with_is_in_scope():
    assert _roles("Số vụ vi phạm giảm so với cùng kỳ 4 vụ.") == [[("4", "change")]]


def test_a_change_counted_in_cases_goes_with_the_count_before_it():
    assert _roles("Thi hành kỷ luật 17 đảng viên, giảm 6 trường hợp so với cùng kỳ.") == [
        [("17", "actual"), ("6", "change")]]


def test_a_plan_given_in_a_sentence_that_opens_on_the_plan_is_a_target():
    assert _roles("Chỉ tiêu năm 2019, Thành ủy giao kết nạp 300 đảng viên; đến nay đã kết nạp "
                  "310 đảng viên, đạt 103,3%.", period="2019") == [
        [("300", "target"), ("310", "actual"), ("103,3", "attainment")]]


def test_a_plan_named_in_a_clause_of_its_own_gives_no_figure():
    assert _roles("Kế hoạch năm huyện giao, đến nay xã đã thu được 2.800 triệu đồng, đạt 56%.",
                  period="2019") == [[("2.800", "actual"), ("56", "attainment")]]


def test_a_count_after_a_noun_ending_in_so_is_in_scope():
    assert _roles("Trong đó, đảng viên nữ 98 đồng chí, đảng viên là người dân tộc thiểu số 12 "
                  "đồng chí.", period="2019") == [[("98", "actual")], [("12", "actual")]]


def test_a_ratio_to_the_same_period_needs_no_so_voi():
    assert _roles("Tổng thu ngân sách xã đạt 4,8 tỷ đồng, bằng 112% kế hoạch, bằng 118% cùng "
                  "kỳ.", period="2025-06") == [
        [("4,8", "actual"), ("112", "attainment"), ("118", "change")]]


# --- rules written beside the second batch of team texts (disbursement, commune, party) ---


def test_a_plan_as_the_subject_joined_by_la_is_a_target_and_so_are_its_parts():
    assert _roles("Kế hoạch vốn ngân sách địa phương năm 2025 của huyện là 420 tỷ đồng, trong "
                  "đó vốn cân đối 300 tỷ đồng, vốn sự nghiệp 120 tỷ đồng.", "2025-06") == [
        [("420", "target")], [("300", "target")], [("120", "target")]]


def test_what_was_handed_over_is_not_a_plan_given():
    assert _roles("Đã bàn giao 52 ha mặt bằng cho nhà đầu tư.") == [[("52", "actual")]]


def test_a_plan_given_then_done_is_one_statement():
    assert _roles("Trung tâm Y tế huyện được giao 18 tỷ đồng, đã giải ngân 9,4 tỷ đồng, đạt "
                  "52,2%.") == [[("18", "target"), ("9,4", "actual"), ("52,2", "attainment")]]


def test_after_du_kien_the_verb_is_what_is_planned():
    assert _roles("Dự kiến hết năm thu ngân sách đạt khoảng 1.250 tỷ đồng.") == [
        [("1.250", "target")]]


def test_the_plan_compared_with_gives_its_bounded_figure_in_a_parenthesis():
    assert _roles("Tỷ lệ hộ nghèo còn 4,2%, chưa đạt so với mục tiêu đề ra (dưới 4%).") == [
        [("4,2", "actual"), ("4", "target")]]


def test_a_verdict_after_a_reference_judges_the_indicator():
    got = extract("Tỷ lệ che phủ rừng đạt 41,5%, thấp hơn bình quân vùng Bắc Trung Bộ và "
                  "Duyên hải miền Trung (45,2%) và chưa đạt mục tiêu.", default_period="2025")
    assert [(s.numbers[0].text, s.status) for s in got] == [
        ("41,5", "not_achieved"), ("45,2", None)]


def test_the_parts_of_an_attainment_share_its_plan():
    assert _roles("Các xã thu ngân sách bình quân đạt 61% dự toán; trong đó cao nhất là xã An "
                  "Phú đạt 88%.") == [[("61", "attainment")], [("88", "attainment")]]


def test_rut_ngan_is_a_change_downwards():
    got = extract("Thời gian xử lý hồ sơ đất đai được rút ngắn 40%.", default_period="2025-09")
    assert [(n.text, n.role, n.direction) for n in got[0].numbers] == [("40", "change", "down")]


def test_a_plan_heading_with_a_span_opens_a_plan_section():
    text = ("I. KẾT QUẢ NĂM 2023\nThu nhập bình quân đạt 50 triệu đồng.\n"
            "II. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN 2024 - 2025\n"
            "Thu nhập bình quân đạt 60 triệu đồng.\n")
    assert [[(n.text, n.role) for n in s.numbers] for s in extract(text)] == [
        [("50", "actual")], [("60", "target")]]


def test_a_school_grade_is_a_name_and_a_count_of_classes_is_not():
    assert _roles("Tỷ lệ học sinh thi đỗ vào lớp 10 công lập đạt 78%; mở 04 lớp dạy nghề.") == [
        [("78", "actual")], [("04", "actual")]]


# --- rules written beside the first blind set, once it was spent (moved to tuning) ---------


def _units(text, period="2025-09"):
    return [[(n.text, n.unit) for n in s.numbers] for s in extract(text, default_period=period)]


def test_ty_le_after_a_year_is_a_noun_not_the_scale_ty():
    assert _roles("Đảng bộ phấn đấu năm 2026 tỷ lệ kết nạp đạt từ 5% trở lên.") == [
        [("5", "target")]]


def test_a_counted_noun_of_two_syllables_is_the_unit_whole():
    assert _units("Có 12/45 địa phương giải ngân trên 60%; 3 khu dân cư đạt chuẩn.") == [
        [("12", "địa phương"), ("45", "địa phương")], [("60", "%")],
        [("3", "khu dân cư")]]


def test_a_quoted_speech_reports_figures_and_a_quoted_name_does_not():
    assert _roles("“Năm nay, huyện xếp thứ 5/12, tăng 3 bậc so với năm trước. Đây là kết quả "
                  "đáng mừng”, ông A nói.") == [[("3", "change")]]
    assert _roles("Đoàn thanh niên phát động “Chiến dịch 100 ngày đêm” trong toàn huyện.") == []


def test_an_obligation_to_reach_a_figure_is_a_plan_and_what_had_to_be_done_is_not():
    assert _roles("Mỗi chi bộ phải kết nạp được ít nhất 2 đảng viên.") == [[("2", "target")]]
    assert _roles("Ủy ban kiểm tra đã kết luận 6 đảng viên vi phạm, đến mức phải thi hành kỷ "
                  "luật 4 đồng chí.") == [[("6", "actual")], [("4", "actual")]]


def test_a_share_compared_with_the_plan_is_an_attainment():
    assert _roles("Toàn huyện kết nạp 210 đảng viên, chiếm tỷ lệ 91,3% so với chỉ tiêu được "
                  "giao.") == [[("210", "actual"), ("91,3", "attainment")]]


def test_a_plan_named_before_the_subject_makes_the_percent_reached_an_attainment():
    assert _roles("So với dự toán HĐND huyện giao, thu ngân sách đạt 64%.") == [
        [("64", "attainment")]]


def test_an_intent_plans_every_later_figure_of_its_sentence():
    assert _roles("Huyện phấn đấu năm 2026 thu ngân sách đạt 420 tỷ đồng; 100% thôn có nhà "
                  "văn hóa.") == [[("420", "target")], [("100", "target")]]


def test_an_intent_stops_where_the_sentence_tells_an_estimate_or_a_result():
    assert _roles("Dự kiến cả năm tăng trưởng đạt khoảng 7%, riêng quý IV ước đạt 7,4%.") == [
        [("7", "target"), ("7,4", "actual")]]
    assert _roles("Dự kiến cả năm thu 640 tỷ đồng, vượt 7,6% dự toán.") == [
        [("640", "target"), ("7,6", "change")]]


def test_a_list_of_the_targets_set_is_planned_and_a_list_of_results_is_not():
    assert _roles("Hội nghị thống nhất nhiệm vụ 6 tháng cuối năm với các chỉ tiêu: thu ngân "
                  "sách 12 tỷ đồng; giảm 15 hộ nghèo; 95% hộ gia đình đạt danh hiệu văn hóa.") == [
        [("12", "target"), ("15", "target")], [("95", "target")]]
    assert _roles("Xã đã hoàn thành các chỉ tiêu chủ yếu: thu ngân sách đạt 12 tỷ đồng; giảm "
                  "15 hộ nghèo.") == [[("12", "actual")], [("15", "change")]]


def test_an_amount_reaching_a_bare_percent_reaches_that_share_of_its_plan():
    assert _roles("Tổng giá trị sản xuất ước đạt 48,5%, tăng 9,2%; thu ngân sách đạt 61%.") == [
        [("48,5", "attainment"), ("9,2", "change")], [("61", "attainment")]]
    assert _roles("Tỷ lệ che phủ rừng đạt 45%, tăng 0,5%.") == [
        [("45", "actual"), ("0,5", "change")]]


def test_a_growth_rate_reached_against_the_same_period_is_the_rate():
    assert _roles("Nổi bật là tăng trưởng kinh tế đạt 8,1% so với cùng kỳ năm trước.") == [
        [("8,1", "actual")]]
    assert _roles("Tốc độ tăng trưởng kinh tế ước đạt 7,12% (cùng kỳ năm 2024: 6,5%).")[0][0] == (
        "7,12", "actual")


def test_what_was_disbursed_of_an_amount_makes_that_amount_the_plan():
    assert _roles("Riêng vốn kéo dài là 300 tỷ đồng, giải ngân được 180 tỷ đồng (60%).") == [
        [("300", "target"), ("180", "actual"), ("60", "attainment")]]


# --- rules written beside the second batch of real tuning texts (issue 18) -----------------


def test_the_forms_of_party_discipline_count_and_their_shares_stay_with_them():
    assert _roles("Thi hành kỷ luật 62 đảng viên: khiển trách 28 (chiếm 45%), cảnh cáo 21 "
                  "(34%).") == [[("62", "actual")], [("28", "actual"), ("45", "actual")],
                                [("21", "actual"), ("34", "actual")]]


def test_names_ranks_and_abbreviated_nouns():
    assert _roles("Do ảnh hưởng của dịch Covid - 19, doanh thu giảm 12%.") == [[("12", "change")]]
    assert _roles("Tỉnh đứng thứ 10 cả nước và thứ 3 khu vực, tăng 2 bậc.") == [[("2", "change")]]
    assert _units("Trong năm có 477 DN thành lập mới; toàn tỉnh có 13 cấp ủy viên bị kỷ "
                  "luật.") == [[("477", "dn")], [("13", "cấp ủy viên")]]


def test_a_plan_that_qualifies_a_noun_gives_no_plan_figure():
    assert _roles("Lũy kế vốn đầu tư giải ngân thuộc kế hoạch năm 2020 là hơn 81.646 tỷ đồng, "
                  "đạt 18,2% kế hoạch.") == [[("81.646", "actual"), ("18,2", "attainment")]]
    assert _roles("Chỉ tiêu về tốc độ tăng trưởng GRDP đạt 7,42%.") == [[("7,42", "actual")]]


def test_the_same_periods_own_figure_in_a_parenthesis_is_not_a_basis():
    assert _roles("Vốn trong nước đạt 60,25% (cùng kỳ năm 2021 đạt 69,19%).") == [
        [("60,25", "actual")], [("69,19", "actual")]]


def test_plans_named_by_their_document_or_their_giver():
    assert _roles("Tỷ lệ bao phủ BHYT đạt 86,5%, thấp hơn chỉ tiêu đề ra tại Nghị quyết số "
                  "03-NQ/TU ngày 10/12/2021 của Tỉnh ủy (92%).") == [
        [("86,5", "actual"), ("92", "target")]]
    assert _roles("Thu ngân sách đạt 5,6 tỷ đồng, đạt 90% so với HĐND phường giao.") == [
        [("5,6", "actual"), ("90", "attainment")]]
    assert _roles("Tỷ lệ bao phủ BHYT đạt 93,5%, vượt 0,3%; tỷ lệ hài lòng đạt 100% (vượt so "
                  "với Nghị quyết đề ra là 40%).") == [
        [("93,5", "actual"), ("0,3", "change")], [("100", "actual"), ("40", "target")]]


def test_a_ratio_to_a_whole_of_an_earlier_period_is_a_change():
    assert _roles("Số hồ sơ trực tuyến quý I bằng 205,6% số hồ sơ trực tuyến của quý I năm "
                  "2022.") == [[("205,6", "change")]]


def test_each_item_of_a_listed_rate_is_the_rate():
    assert _roles("Các tỉnh có tốc độ tăng GRDP cao nhất gồm: Bắc Giang tăng 13,45%, Hậu Giang "
                  "tăng 12,27%.") == [[("13,45", "actual")], [("12,27", "actual")]]


def test_a_change_counted_in_the_shorter_noun_goes_to_its_count():
    assert _roles("Kiểm tra 752 tổ chức đảng (tăng 197 đảng viên, giảm 79 tổ chức so với năm "
                  "2016).") == [[("752", "actual"), ("79", "change")], [("197", "change")]]


def test_a_rate_named_after_its_source_is_the_rate_even_against_the_plan():
    assert _roles("Theo Bộ Tài chính, tỷ lệ giải ngân vốn đầu tư công mới đạt 52,43% kế "
                  "hoạch.") == [[("52,43", "actual")]]


def test_a_list_opening_on_cu_the_takes_the_verdict_the_sentence_before_closed_on():
    text = ("Năm 2022 có 11 chỉ tiêu đạt, 7 chỉ tiêu không đạt kế hoạch. Cụ thể, tốc độ tăng "
            "trưởng GRDP đạt 7,42% (kế hoạch 10%); năng suất lao động tăng 3,1% (kế hoạch "
            "10%).\nNăm 2022 thu ngân sách đạt 20 tỷ đồng. Cụ thể, thu thuế đạt 5 tỷ đồng.")
    assert [s.status for s in extract(text, default_period="2022")][2:] == [
        "not_achieved", "not_achieved", None, None]


def test_respective_figures_go_to_the_statements_before_and_read_as_the_last_one():
    assert _roles("Giải ngân trong nước đạt 292.187 tỷ đồng và giải ngân nước ngoài đạt 7.260 tỷ "
                  "đồng, lần lượt đạt 40,1% và 25,9% kế hoạch.") == [
        [("292.187", "actual"), ("40,1", "attainment")],
        [("7.260", "actual"), ("25,9", "attainment")]]


def test_the_earlier_periods_share_of_its_plan_is_a_share_of_its_plan():
    assert _roles("Giải ngân đạt 21.768 tỷ đồng, đạt 47% kế hoạch Thủ tướng giao (cùng kỳ năm "
                  "2019 đạt 41,39%).") == [
        [("21.768", "actual"), ("47", "attainment")], [("41,39", "attainment")]]


def test_a_change_goes_to_the_count_it_follows_and_a_share_of_a_named_whole_is_actual():
    assert _roles("Tổng số 2.995.949 người tham gia, trong đó: Bảo hiểm xã hội là 374.764 người, "
                  "tăng 6.459 người so với cùng kỳ năm 2022, đạt 22,30% lực lượng lao động trong "
                  "độ tuổi.") == [
        [("2.995.949", "actual")],
        [("374.764", "actual"), ("6.459", "change"), ("22,30", "actual")]]


def test_changes_named_by_what_they_change_go_to_its_statement():
    assert _roles("Trong năm có 477 DN thành lập mới với tổng vốn đăng ký 14.155 tỷ đồng, tăng "
                  "39,5% số DN và tăng 5,02 lần số vốn so với cùng kỳ.") == [
        [("477", "actual"), ("39,5", "change")], [("14.155", "actual"), ("5,02", "change")]]


def test_a_count_in_a_parenthesis_after_a_rate_is_what_the_rate_counts():
    assert _roles("Tỷ lệ hộ nghèo là 0,36% (05 hộ).") == [[("0,36", "actual"), ("05", "actual")]]


def test_beside_a_planned_growth_rate_the_growth_reached_is_the_rate():
    assert _roles("Tổng sản phẩm trong tỉnh (GRDP) ước đạt 23.486 tỷ đồng, tăng 7,42% so với năm "
                  "2021 (KH tăng 10-11%).") == [
        [("23.486", "actual"), ("7,42", "actual"), ("10", "target"), ("11", "target")]]


def test_who_reports_a_rate_is_not_its_name():
    assert _roles("Bộ Tài chính cho biết, ước tỷ lệ giải ngân vốn đầu tư công của cả nước 11 "
                  "tháng năm 2022 mới đạt 52,43% kế hoạch.") == [[("52,43", "actual")]]


def test_a_bare_count_in_a_list_counts_the_noun_counted_before_it():
    assert _units("Thi hành kỷ luật 62 đảng viên: khiển trách 28 (chiếm 45%), cảnh cáo 21.") == [
        [("62", "đảng viên")], [("28", "đảng viên"), ("45", "%")], [("21", "đảng viên")]]


# --- rules written beside the third batch of real tuning texts (issue 18) ------------------


def test_a_shortfall_against_the_plan_is_a_change_of_its_statement():
    assert _roles("Tốc độ tăng trưởng GDP năm 2016 tăng 8%, hụt 1,5% so với nghị quyết HĐND tỉnh "
                  "giao.") == [[("8", "actual"), ("1,5", "change")]]


def test_the_plan_stated_beside_the_result_with_trong_khi_or_dinh_huong_joins_it():
    assert _roles("Thu nhập bình quân đạt 32,16 triệu đồng/người/năm, trong khi nghị quyết phê "
                  "duyệt là 33 triệu đồng/người/năm.") == [[("32,16", "actual"), ("33", "target")]]
    assert _roles("Chỉ tiêu tăng trưởng chỉ đạt được 7,18%, định hướng 7,5%.") == [
        [("7,18", "actual"), ("7,5", "target")]]


def test_the_excess_over_a_plan_named_between_verb_and_figure_is_a_change():
    assert _roles("GRDP ước tăng 7,36% so với năm 2016 (vượt mục tiêu Nghị quyết 0,36%).") == [
        [("7,36", "change"), ("0,36", "change")]]


def test_plans_approved_purposed_or_named_after_their_amount():
    assert _roles("Kế hoạch vốn đầu tư công năm 2024 đã được phê duyệt là 12.836 tỷ đồng.") == [
        [("12.836", "target")]]
    assert _roles("Để hoàn thành nhiệm vụ giải ngân 100% nguồn vốn này, các chủ đầu tư cần "
                  "khẩn trương.") == [[("100", "target")]]
    assert _roles("Địa phương giao là 8.367 tỷ đồng (bao gồm 657 tỷ đồng kế hoạch vốn chương "
                  "trình mục tiêu).") == [[("8.367", "target"), ("657", "target")]]


@pytest.mark.parametrize("opening, status", [
    ("Các chỉ tiêu chưa đạt được gồm", "not_achieved"),
    ("Ngành hoàn thành và vượt chỉ tiêu kế hoạch đề ra, như:", "achieved"),
    ("Các chỉ tiêu đều đạt và vượt kế hoạch đề ra, nổi bật như:", "achieved"),
    ("Có 2 chỉ tiêu chưa đạt được, thứ nhất là", "not_achieved"),
])
def test_verdicts_that_open_a_list_in_other_words(opening, status):
    statements = extract(f"{opening} tạo việc làm cho 6.000 người; tuyển sinh 400 người.",
                         default_period="2020")
    assert [s.status for s in statements if s.numbers[0].unit == "người"] == [status, status]


def test_a_list_opening_on_cu_the_after_a_count_of_targets_met():
    text = ("Ngành thực hiện đạt và vượt 4/8 chỉ tiêu, nhiệm vụ.\nCụ thể, tỷ lệ lao động qua "
            "đào tạo đạt 65%, huy động quỹ được 6,4 tỷ đồng.")
    assert [s.status for s in extract(text, default_period="2020")] == [
        None, "achieved", "achieved"]


def test_a_share_of_the_plan_written_after_done_over_planned():
    assert _roles("Các chỉ tiêu chưa đạt gồm tạo việc làm tăng thêm được 6.000 người/chỉ tiêu "
                  "15.000 người (40%).") == [
        [("6.000", "actual"), ("15.000", "target"), ("40", "attainment")]]
    assert _roles("Doanh thu bán lẻ hàng hoá 1.763 tỷ đồng/1.922 tỷ đồng, đạt 91,72%NQ.") == [
        [("1.763", "actual"), ("1.922", "target"), ("91,72", "attainment")]]


def test_a_rate_named_in_the_clause_before_its_figure():
    assert _roles("Nếu so với kế hoạch Thủ tướng Chính phủ giao, tỷ lệ giải ngân đạt "
                  "58,33%.") == [[("58,33", "actual")]]
    assert _roles("Thương mại dịch vụ có nhiều chuyển biến tích cực, tốc độ tăng trưởng đạt "
                  "trên 12,8%.") == [[("12,8", "actual")]]
    assert _roles("6- Tỷ lệ hộ nghèo giảm bình quân 2%/năm (đạt kế hoạch).") == [[("2", "actual")]]


def test_ages_reached_ordinals_before_names_spans_of_years_and_glued_units():
    assert _units("Tuổi thọ trung bình của người dân đạt khoảng 74,8 tuổi.") == [
        [("74,8", "tuổi")]]
    assert _roles("Tại kỳ họp thứ 12 Hội đồng nhân dân tỉnh khóa X, nhiệm kỳ 2021 - 2026 ngày "
                  "11/12, GRDP tăng 8%.") == [[("8", "change")]]
    assert _units("GRDP bình quân đầu người đạt chỉ tiêu đề ra là 10.370USD/người/năm.") == [
        [("10.370", "usd/người/năm")]]


def test_a_list_opened_with_a_colon_keeps_its_verdict_to_the_end_of_its_line():
    text = ("Có 3/5 chỉ tiêu chưa hoàn thành kế hoạch năm. Đó là: Tốc độ tăng trưởng tăng 8%, hụt "
            "1,5% so với nghị quyết. Thu nhập bình quân đạt 32,16 triệu đồng.\n"
            "Thu ngân sách đạt 2.000 tỷ đồng.")
    assert [s.status for s in extract(text, default_period="2016")][1:] == [
        "not_achieved", "not_achieved", None]


def test_a_verdict_followed_by_the_plans_own_figure():
    [st] = extract("Tỷ lệ người cao tuổi được bảo trợ đạt 100% (vượt so với Nghị quyết đề ra là "
                   "40%).", default_period="2022")
    assert st.status == "achieved"


def test_a_change_restated_in_the_unit_of_the_level_is_the_same_change():
    assert _roles("Thu nhập bình quân đầu người đạt 22,4 triệu đồng (tăng 7,7% tương đương 1,6 "
                  "triệu đồng).") == [[("22,4", "actual"), ("7,7", "change"), ("1,6", "change")]]


def test_a_plan_named_only_as_a_plan_beside_a_result_joins_it_and_a_forecast_is_no_verdict():
    assert _roles("Thu tiền sử dụng đất chỉ đạt 1.000 tỷ đồng, trong khi chỉ tiêu đầu năm tỉnh "
                  "đưa ra là 5.074 tỷ đồng.") == [[("1.000", "actual"), ("5.074", "target")]]
    [st] = extract("Tăng trưởng kinh tế mới đạt 6,58%, thấp hơn 0,37% so với cùng kỳ năm 2019 và "
                   "sẽ khó đạt mục tiêu đề ra là 7,91%.", default_period="2020")
    assert [(n.text, n.role) for n in st.numbers] == [
        ("6,58", "actual"), ("0,37", "change"), ("7,91", "target")]
    assert st.status is None


def test_shares_of_a_named_whole_after_a_rate_or_in_parallel():
    assert _roles("BHYT 1.017.308 người, đạt tỷ lệ bao phủ 86,5% dân số, thấp hơn 4,5% so với chỉ "
                  "tiêu UBND tỉnh giao (91%).") == [
        [("1.017.308", "actual"), ("86,5", "actual"), ("4,5", "change"), ("91", "target")]]
    assert _roles("Đến cuối năm 2020 có 90% dân số tham gia BHYT, 13% lao động tham gia "
                  "BHXH.") == [[("90", "actual")], [("13", "actual")]]


def test_an_amount_done_over_the_amount_planned_is_an_actual_and_its_plan():
    assert _roles("Diện tích lúa đạt 53,5/52ha, tăng 2,9%; cây ngô 73/70ha, tăng 4,3%.") == [
        [("53,5", "actual"), ("52", "target"), ("2,9", "change")],
        [("73", "actual"), ("70", "target"), ("4,3", "change")]]
    assert _roles("Có 17/18 sản phẩm đạt chuẩn.") == [[("17", "part"), ("18", "part")]]


def test_verdicts_on_the_targets_someone_set_open_a_list():
    text = ("Năm 2019, ngành hoàn thành các chỉ tiêu Quốc hội, Chính phủ giao, cụ thể: tỷ lệ thất "
            "nghiệp khu vực thành thị 3,12%; tỷ lệ lao động qua đào tạo đạt 62%.")
    assert [s.status for s in extract(text, default_period="2019")] == ["achieved", "achieved"]
    [st] = extract("Tăng trưởng kinh tế cả năm là 5,05%, không đạt được mục tiêu đề ra.",
                   default_period="2023")
    assert st.status == "not_achieved"


def test_a_sentence_opening_on_noi_bat_after_a_verdict_on_targets():
    text = ("Năm 2023, có 15/17 chỉ tiêu đạt và vượt kế hoạch. Nổi bật, thu ngân sách đạt 2.600 tỷ "
            "đồng; đào tạo nghề cho 3.960 người.")
    assert [s.status for s in extract(text, default_period="2023")][1:] == [
        "achieved", "achieved"]


def test_plans_named_by_a_giver_after_the_percent_or_by_their_own_figure():
    assert _roles("Thu ngân sách nhà nước đạt 135,7% xã giao và đạt 317% kế hoạch tỉnh "
                  "giao.") == [[("135,7", "attainment"), ("317", "attainment")]]
    assert _roles("Diện tích trồng rừng đạt 40% diện tích đất rừng được giao.") == [
        [("40", "actual")]]
    assert _roles("Tăng trưởng đạt 7,08%, cao hơn so với mục tiêu đề ra là 6-6,5%.") == [
        [("7,08", "actual"), ("6", "target"), ("6,5", "target")]]
    assert _roles("Tỉnh tiếp tục bám sát kịch bản tăng trưởng GRDP từ 8% trở lên.") == [
        [("8", "target")]]


def test_growth_named_as_a_noun():
    assert _roles("Ngành tính chung 10 tháng chỉ đạt 0,5% tăng trưởng.") == [[("0,5", "change")]]
    assert _roles("Kinh tế Việt Nam đạt mức tăng trưởng 7,09% trong năm 2024.") == [
        [("7,09", "actual")]]


def test_changes_listed_in_parentheses_and_done_beyond_the_whole():
    assert _roles("Một số mặt hàng tăng đột biến như giày da (160%), điện gió (103%).") == [
        [("160", "change")], [("103", "change")]]
    assert _roles("Phát triển đảng viên mới 8.793/6.500 đảng viên.") == [
        [("8.793", "actual"), ("6.500", "target")]]


def test_names_listed_after_an_identifier_word_are_not_quantities():
    assert _roles("Tỷ lệ giải quyết thủ tục hành chính công mức độ 3, 4 đạt 100%, vượt chỉ tiêu "
                  "tỉnh giao.") == [[("100", "actual")]]


def test_a_change_beside_a_plan_given_as_a_rate_is_the_rate():
    assert _roles("GRDP năm 2022 ước đạt 69.110 tỷ đồng, tăng 11,2%, vượt chỉ tiêu đề ra "
                  "(7,5-8%).") == [
        [("69.110", "actual"), ("11,2", "actual"), ("7,5", "target"), ("8", "target")]]


def test_a_change_verb_stays_in_its_parenthesis_and_before_trong_do():
    assert _roles("Giám sát chuyên đề 70 tổ chức đảng (giảm 33 tổ chức) và 2.117 đảng viên (tăng "
                  "1.699 đảng viên).") == [
        [("70", "actual"), ("33", "change")], [("2.117", "actual"), ("1.699", "change")]]
    assert _roles("Đã kiểm tra 102 tổ chức đảng (giảm 7 tổ chức đảng), trong đó 91 tổ chức đảng "
                  "thực hiện tốt.") == [[("102", "actual"), ("7", "change")], [("91", "actual")]]


def test_a_count_out_of_a_whole_in_words_a_plan_given_bare_and_a_count_closing_its_parenthesis():
    assert _units("Năm 2019 toàn tỉnh có 662 trong tổng số 686 tổ chức cơ sở đảng được đánh "
                  "giá.") == [[("662", "tổ chức cơ sở đảng"), ("686", "tổ chức cơ sở đảng")]]
    assert _roles("Đảng bộ Khối đã kết nạp được 177 đảng viên mới (chỉ tiêu đề ra 150).") == [
        [("177", "actual"), ("150", "target")]]
    assert _roles("Thi hành kỷ luật 4 tổ chức đảng (khiển trách 3, cảnh cáo 1).") == [
        [("4", "actual")], [("3", "actual")], [("1", "actual")]]


def test_plans_set_or_foreseen_and_counts_with_their_shares():
    # each plan goes with the figure counted in its unit; one with no figure stands alone
    assert _roles("Toàn tỉnh đạt 27,8 giường bệnh/vạn dân (năm 2018 Bộ Y tế đặt mục tiêu 26 giường "
                  "bệnh và 8,6 bác sĩ/vạn dân).") == [
        [("27,8", "actual"), ("26", "target")], [("8,6", "target")]]
    assert _roles("Theo kế hoạch, năm 2014 sẽ có thêm 100 trường đạt chuẩn.") == [
        [("100", "target")]]
    assert _roles("BHXH đặt mục tiêu số người tham gia BHXH đạt 90% số người thuộc diện tham gia; "
                  "tỷ lệ bao phủ BHYT đạt trên 88,2% dân số.") == [
        [("90", "target")], [("88,2", "target")]]
    assert _roles("Số lần khám chữa bệnh đạt 121%, số bệnh nhân nội trú đạt 129%.") == [
        [("121", "attainment")], [("129", "attainment")]]
    assert _roles("Trường đạt chuẩn bậc tiểu học 206 (75,2%), THCS 123 (56%).") == [
        [("206", "actual"), ("75,2", "actual")], [("123", "actual"), ("56", "actual")]]
    assert _roles("Gồm 9 trường công nhận mới mức 1 và 6 trường nâng lên mức 2.") == [
        [("9", "actual")], [("6", "actual")]]


def test_a_sentence_opening_on_a_verdict_judges_the_figure_before_it():
    text = ("Tổng sản phẩm trên địa bàn năm 2025 ước tăng 11,81% so với năm 2024. Tuy chưa đạt kế "
            "hoạch đề ra (kế hoạch tăng 12,35%), đây là mức tăng cao.")
    assert extract(text, default_period="2025")[0].status == "not_achieved"


def test_a_sentence_without_figures_closing_on_a_verdict_leads_the_next_sentence():
    text = ("Kết quả ở các cấp học đều đạt chỉ tiêu đề ra. Bậc học mầm non huy động đạt 100%; "
            "trẻ mẫu giáo huy động hơn 90%. Công tác duy trì sĩ số đảm bảo: bậc mầm non duy trì "
            "sĩ số đạt 100%.")
    assert [s.status for s in extract(text, default_period="2024")] == [
        "achieved", "achieved", None]


def test_a_verdict_leading_across_a_line_without_figures():
    text = ("Các chỉ tiêu về xã hội đều hoàn thành vượt mức kế hoạch đề ra.\n"
            "Tỷ lệ hộ nghèo còn 1,2%; tỷ lệ tham gia bảo hiểm y tế đạt 95,1%.")
    assert [s.status for s in extract(text, default_period="2024")] == ["achieved", "achieved"]


def test_a_sentence_naming_the_targets_not_met_leads_only_their_figures():
    text = ("Hai chỉ tiêu chưa đạt là thu thuế và bảo hiểm y tế. Trong đó, tổng chi ngân sách "
            "gần 7,8 tỉ đồng, thu thuế được hơn 315 triệu đồng, đạt 64,4%; số người tham gia "
            "bảo hiểm y tế được 6.453 thẻ, đạt hơn 81% kế hoạch.")
    got = [(s.numbers[0].text, s.status) for s in extract(text, default_period="2020")]
    assert got == [("7,8", None), ("315", "not_achieved"), ("6.453", "not_achieved")]


@pytest.mark.parametrize("lead", [
    "Hầu hết các chỉ tiêu đều đạt kế hoạch.",  # not all of them
    "Hằng năm vượt chỉ tiêu kế hoạch, năm sau cao hơn năm trước.",  # not closing on it
    "Phấn đấu hoàn thành các chỉ tiêu đề ra.",  # an aim
])
def test_what_does_not_lead_the_next_sentence(lead):
    text = lead + " Tổng diện tích gieo trồng là 912,21 ha; thu ngân sách đạt 43,8 tỷ đồng."
    assert [s.status for s in extract(text, default_period="2020")
            if s.numbers[0].unit != "chỉ tiêu"] == [None, None]


def test_below_the_plan_right_after_the_figure_is_a_verdict():
    text = ("Tăng trưởng kinh tế chỉ đạt 1,51% (thấp so với kế hoạch đặt ra). Chỉ số giá tiêu "
            "dùng tăng 3,25%, thấp hơn mục tiêu Quốc hội đề ra là 4,5%. Công nghiệp chỉ đạt 0,5% "
            "tăng trưởng, dẫn đến chỉ tiêu tỷ trọng công nghiệp thấp hơn mục tiêu đề ra.")
    assert [s.status for s in extract(text, default_period="2023")] == [
        "not_achieved", None, None]


def test_exceeding_even_the_target_set_is_a_verdict():
    text = ("Tăng trưởng GDP cả năm đã đạt 7,09%, vượt mọi dự báo của các tổ chức quốc tế và "
            "vượt cả mục tiêu mà Quốc hội đã quyết nghị.")
    assert extract(text, default_period="2024")[0].status == "achieved"


def test_a_verdict_on_units_counted_as_a_group_opens_the_list_in_the_next_paragraph():
    text = ("Tính đến 28/9, đã có 8/36 cục hải quan tỉnh đã hoàn thành dự toán thu thuế xuất "
            "nhập khẩu được giao.\n\nCụ thể: Hải quan Cà Mau thu đạt hơn 104 tỉ đồng (đạt 208% "
            "dự toán); Hải quan Khánh Hòa thu đạt hơn 3.690 tỷ đồng (hơn 127%).")
    got = _status_by_figure(text, "2016")
    assert (got["104"], got["3.690"]) == ("achieved", "achieved")


def test_a_hedged_verdict_leads_a_detail_to_the_end_of_its_paragraph_until_the_text_turns():
    text = ("Năm 2023, các chỉ tiêu cơ bản đạt và vượt nghị quyết đề ra. Theo đó, tổng giá trị "
            "sản xuất ước đạt 14.759 tỷ đồng. Thu ngân sách đạt 165,5 tỷ đồng. Bên cạnh đó, toàn "
            "huyện có 727 cơ sở sản xuất.\nDiện tích lúa đạt 45,4 nghìn ha.")
    assert [s.status for s in extract(text, default_period="2023")] == [
        "achieved", "achieved", None, None]


def test_a_hedged_verdict_does_not_lead_a_sentence_that_is_no_detail():
    text = ("Năm 2020, hầu hết chỉ tiêu của phường đều hoàn thành kế hoạch đã đề ra. Tính đến "
            "31-10, thu ngân sách đạt 43,854 tỷ đồng.")
    assert extract(text, default_period="2020")[0].status is None


def test_a_list_that_names_the_targets_met_leads_only_their_figures():
    text = ("Đến nay có 15/24 chỉ tiêu đạt và vượt so với Nghị quyết Đảng bộ huyện đề ra. Nổi "
            "bật là các chỉ tiêu về thu ngân sách, trồng rừng và trồng cây dược liệu. Theo đó, "
            "tổng thu ngân sách trên địa bàn đạt 22,71 tỷ đồng; giá trị sản xuất công nghiệp đạt "
            "120 tỷ đồng; diện tích trồng rừng mới đạt 410 ha.")
    got = [(s.numbers[0].text, s.status) for s in extract(text, default_period="2023")][1:]
    assert got == [("22,71", "achieved"), ("120", None), ("410", "achieved")]


def test_a_detail_of_counts_of_targets_does_not_run_on():
    text = ("Dự kiến năm 2022 có 11 chỉ tiêu đạt và vượt kế hoạch. Cụ thể, về kinh tế có 2/9 "
            "chỉ tiêu đạt; về xã hội có 6/6 chỉ tiêu đạt. Tổng sản phẩm trong tỉnh ước đạt "
            "23.486 tỷ đồng, tăng 7,42%.")
    assert extract(text, default_period="2022")[-1].status is None


def test_a_heading_that_states_a_verdict_judges_the_paragraph_under_it_only():
    text = ("Nhiều chỉ tiêu đạt và vượt kế hoạch\n\nNăm 2020, số người tham gia BHXH tự "
            "nguyện là 13.322 người (101,4% kế hoạch). Số thu 3.278 tỉ đồng.\n\nSố tham gia "
            "BHTN 106.916 người.")
    assert [s.status for s in extract(text, default_period="2020")] == [
        "achieved", "achieved", None]


def test_a_heading_that_states_an_aim_is_no_verdict():
    text = ("Tập trung lãnh đạo hoàn thành vượt mức các chỉ tiêu đề ra\n\nGiá trị sản xuất "
            "công nghiệp đạt 8.126 tỷ đồng, bằng 48,2% kế hoạch.")
    assert extract(text, default_period="2019")[0].status is None


def test_a_verdict_after_a_parenthesis_judges_the_figure_before_it():
    text = ("1. Tổng vốn đầu tư toàn xã hội hàng năm khoảng 35% GRDP (năm 2020 ước đạt "
            "2.995,8 tỷ đồng), vượt kế hoạch.")
    got = _status_by_figure(text, "2020")
    assert got["35"] == "achieved"


def _roles_of(text, period="2024"):
    return [(n.text, n.role) for s in extract(text, default_period=period) for n in s.numbers]


def _status_by_figure(text, period):
    """The status of each statement, by the text of its first figure."""
    return {s.numbers[0].text: s.status for s in extract(text, default_period=period)}


def test_a_count_out_of_a_whole_restated_as_a_share_is_that_share():
    assert _roles_of("Toàn tỉnh có 320/411 xã đạt chuẩn NTM, tương đương 77,86%.") == [
        ("320", "part"), ("411", "part"), ("77,86", "actual")]


def test_a_ratio_written_after_done_over_planned_is_an_attainment():
    assert _roles_of("Tiêm phòng cho đàn trâu, bò là: 971/876 = 110,8%") == [
        ("971", "actual"), ("876", "target"), ("110,8", "attainment")]


def test_a_pair_with_a_space_after_the_slash():
    assert _roles_of("Cây lạc: Diện tích gieo trồng 33/ 31,5 ha vượt 1,5 ha so với KH") == [
        ("33", "actual"), ("31,5", "target"), ("1,5", "change")]


def test_an_excess_in_the_unit_of_the_figure_before_is_a_change():
    assert _roles_of("Thu nhập bình quân đầu người ước đạt 50 triệu đồng/người/năm, vượt 9 "
                     "triệu đồng.") == [("50", "actual"), ("9", "change")]


def test_a_plan_given_names_what_it_plans_before_its_figure():
    assert _roles_of("Năm 2016, Tổng cục Hải quan được giao dự toán thu ngân sách Nhà nước "
                     "270.000 tỷ đồng.") == [("270.000", "target")]


def test_the_excess_over_a_plan_named_at_length_then_la_is_a_change():
    assert _roles_of("Số thu năm 2016 là 272.167 tỷ đồng, vượt chỉ tiêu pháp lệnh được giao "
                     "của năm 2016 là hơn 0,8%.") == [("272.167", "actual"), ("0,8", "change")]


def test_a_stretch_target_is_a_plan_not_an_intent_that_carries_on():
    got = _roles_of("Số thu đạt 330.474 tỷ đồng, đạt 98,74% so với chỉ tiêu phấn đấu (340.000 "
                    "tỷ đồng), tăng 11,29% so với cùng kỳ năm 2018.")
    assert got == [("330.474", "actual"), ("98,74", "attainment"), ("340.000", "target"),
                   ("11,29", "change")]


def test_the_parts_of_a_ratio_to_the_same_period_are_ratios_too():
    got = _roles_of("Diện tích lúa ước đạt 264.821 ha, bằng 99,63% so với cùng kỳ năm trước, "
                    "trong đó vụ Đông Xuân đạt 184.989 ha, bằng 99,88%.")
    assert got == [("264.821", "actual"), ("99,63", "change"), ("184.989", "actual"),
                   ("99,88", "change")]


def test_a_bare_share_in_a_list_reads_as_the_first_items_share_of_the_plan():
    got = _roles_of("Hải quan TP. Hồ Chí Minh thu đạt hơn 71.913 tỉ đồng (bằng hơn 70% dự "
                    "toán); Hải quan TP. Hải Phòng thu hơn 34.128 tỉ đồng (hơn 70%).")
    assert got == [("71.913", "actual"), ("70", "attainment"), ("34.128", "actual"),
                   ("70", "attainment")]


def test_a_title_before_a_name_does_not_end_the_sentence():
    got = extract("Hải quan TP. Hải Phòng thu 34.128 tỉ đồng.", default_period="2019")
    assert got[0].indicator == "Hải quan TP. Hải Phòng thu"


def test_a_pair_after_a_comparison_is_the_two_figures_compared():
    got = extract("Kinh tế huyện tăng trưởng cao hơn mức bình quân chung của tỉnh "
                  "(13,86/9,15%). Quy mô kinh tế tăng gấp 2,58 lần so năm 2015 (24.013/9.278 "
                  "tỷ đồng).", default_period="2020")
    assert [[(n.text, n.role) for n in s.numbers] for s in got] == [
        [("13,86", "actual")], [("9,15", "actual")],
        [("2,58", "change"), ("24.013", "actual")], [("9.278", "actual")]]


def test_all_targets_met_judges_the_figures_of_the_paragraph():
    text = ("Năm 2025, toàn xã có 13/13 chỉ tiêu chủ yếu đạt và vượt kế hoạch, trong đó có 6 chỉ "
            "tiêu vượt. Thu nhập bình quân đầu người đạt khoảng 56,67 triệu đồng/năm. Sản lượng "
            "lương thực đạt trên 4.500 tấn.\nDiện tích lúa đạt 45,4 nghìn ha.")
    got = _status_by_figure(text, "2025")
    assert (got["56,67"], got["4.500"], got["45,4"]) == ("achieved", "achieved", None)


def test_a_count_of_targets_met_judges_the_next_sentence_of_its_paragraph_only():
    text = ("Năm 2019, xã có 14/15 chỉ tiêu đạt và vượt kế hoạch. Tổng diện tích gieo trồng là "
            "912,21 ha. Thu ngân sách đạt 43,8 tỷ đồng.\nSản lượng lúa đạt 5.200 tấn.")
    not_met = ("Năm 2019, xã có 14/15 chỉ tiêu đạt, 1 chỉ tiêu chưa đạt. Tổng diện tích gieo "
               "trồng là 912,21 ha.")
    assert [s.status for s in extract(text, default_period="2019")] == [
        "achieved", "achieved", None, None]
    assert extract(not_met, default_period="2019")[-1].status is None


def test_a_count_of_targets_met_then_trong_do_judges_the_figures_after_it():
    text = ("Năm 2023, huyện đã thực hiện đạt và vượt 19/23 chỉ tiêu kinh tế-xã hội; trong đó tốc "
            "độ tăng giá trị sản xuất ước đạt 10,7%; thu ngân sách ước đạt hơn 84 tỷ đồng.")
    got = [(s.numbers[0].text, s.status) for s in extract(text, default_period="2023")][1:]
    assert got == [("10,7", "achieved"), ("84", "achieved")]


def test_a_verdict_then_a_colon_judges_the_items_on_the_lines_under_it():
    text = ("- Có 10/17 chỉ tiêu đạt và vượt so với kế hoạch, 07/17 chỉ tiêu không đạt so với "
            "kế hoạch, cụ thể:\n\n+ Thu ngân sách trên địa bàn huyện 76,4/140 tỷ đồng.\n\n+ Tổng "
            "diện tích gieo trồng 5.614/6.300 ha;\n\nThu nhập bình quân đạt 24 triệu đồng.")
    got = _status_by_figure(text, "2019")
    assert (got["76,4"], got["5.614"], got["24"]) == ("not_achieved", "not_achieved", None)


def test_a_list_of_targets_not_met_after_who_said_so():
    text = ("Có 4 chỉ tiêu không đạt mà Chính phủ trình Quốc hội trước đó, bao gồm: Tốc độ tăng "
            "GDP (đạt 2,58%, mục tiêu khoảng 6%); GDP bình quân đầu người (3.680 USD, mục tiêu "
            "khoảng 3.700 USD).")
    got = _status_by_figure(text, "2021")
    assert (got["2,58"], got["3.680"]) == ("not_achieved", "not_achieved")


def test_below_the_plan_right_after_a_percent_up_to_a_but():
    text = ("Tăng trưởng GRDP mặc dù ước thực hiện 5,74% thấp hơn chỉ tiêu đề ra nhưng vẫn đứng "
            "thứ 2 trong khu vực.")
    assert extract(text, default_period="2023")[0].status == "not_achieved"


def test_a_bare_share_of_an_item_listed_after_a_share_of_the_plan_is_an_attainment():
    assert _roles_of("Có 9/9 xã đạt và vượt kế hoạch như: Phước Đông 113,63%, Bàu Đồn "
                     "102,23%.") == [("9", "part"), ("9", "part"), ("113,63", "attainment"),
                                     ("102,23", "attainment")]


def test_an_excess_after_a_named_item_is_a_change():
    assert _roles_of("Thu nội địa đạt khá so với dự toán như thu từ khu vực doanh nghiệp nhà "
                     "nước vượt 20%, khu vực có vốn đầu tư nước ngoài vượt 41,5%.") == [
        ("20", "change"), ("41,5", "change")]


def test_a_share_after_a_count_out_of_a_whole_named_as_a_rate_is_the_rate():
    assert _roles_of("Đến tháng 6/2022 tỷ lệ trường công lập đạt chuẩn quốc gia là 495/607 "
                     "trường, đạt 81,55%.") == [
        ("495", "part"), ("607", "part"), ("81,55", "actual")]


def test_items_written_like_a_share_before_them_are_shares():
    got = _roles_of("Có 52 trường mầm non, đạt tỷ lệ 29,4%; 67 trường THCS, đạt 40,6%.")
    assert got == [("52", "actual"), ("29,4", "actual"), ("67", "actual"), ("40,6", "actual")]


def test_the_figure_of_the_basis_after_a_change_is_its_own():
    got = extract("Số nhiệm vụ quá hạn chỉ chiếm 1,38%, giảm 1,44% so với cùng kỳ năm trước "
                  "(2,82%).", default_period="2017")
    assert [[(n.text, n.role) for n in s.numbers] for s in got] == [
        [("1,38", "actual"), ("1,44", "change")], [("2,82", "actual")]]


def test_a_share_of_the_gdp_is_no_attainment():
    assert _roles_of("Tổng vốn đầu tư ước đạt 53.100 tỷ đồng, bằng 31,7% so với GRDP (kế "
                     "hoạch năm 35%).") == [("53.100", "actual"), ("31,7", "actual"),
                                            ("35", "target")]


def test_the_targets_listed_after_they_were_set_with_gom():
    got = _roles_of("Ban chấp hành Đảng bộ tỉnh xác định 7 chỉ tiêu chủ yếu, gồm tốc độ tăng "
                    "trưởng GRDP tăng từ 10,3% trở lên; thu ngân sách trên 1.700 tỷ đồng.")
    assert got == [("7", "actual"), ("10,3", "target"), ("1.700", "target")]


def test_plans_given_year_by_year():
    got = _roles_of("Trước đó, tỉnh giao năm 2016 đạt 50%; năm 2019 đạt 68% và năm 2021 đạt "
                    "81%.")
    assert got == [("50", "target"), ("68", "target"), ("81", "target")]


def test_a_plan_set_then_what_it_is_across_a_comma():
    got = _roles_of("Theo kế hoạch, BHXH thành phố đặt mục tiêu số người tham gia BHXH, BHTN "
                    "đạt 90% số người thuộc diện tham gia; tỷ lệ bao phủ BHYT đạt trên 88,2% dân "
                    "số.")
    assert got == [("90", "target"), ("88,2", "target")]


def test_a_sentence_opening_on_the_target_is_what_it_sets():
    assert _roles_of("Mục tiêu Bộ đặt ra trong năm 2019 là duy trì tỷ lệ thất nghiệp khu vực "
                     "thành thị ở mức dưới 4%.") == [("4", "target")]
    assert _roles_of("- Chỉ tiêu quan trọng của Chính phủ là GDP tăng bình quân 6,5%/năm, đến "
                     "năm 2020, GDP bình quân đầu người 3.500 USD.") == [
        ("6,5", "target"), ("3.500", "target")]


def test_a_pair_with_its_unit_written_twice():
    assert _roles_of("Tỷ lệ xã đạt chuẩn nông thôn mới 83,2%/50% tổng số xã; dân số trung bình "
                     "507.000 người/515.000 người theo kế hoạch.") == [
        ("83,2", "actual"), ("50", "target"), ("507.000", "actual"), ("515.000", "target")]


def test_a_list_of_the_targets_a_decision_sets_year_by_year():
    got = _roles_of("Theo Quyết định, chỉ tiêu thực hiện BHYT của tỉnh giai đoạn 2015 - 2020 "
                    "như sau: năm 2015 đạt 82,1%; năm 2016 đạt 85,3%.")
    assert got == [("82,1", "target"), ("85,3", "target")]


def test_a_range_of_shares_of_the_plan():
    assert _roles_of("Các khoản thu còn lại đạt từ 80-92% dự toán.") == [
        ("80", "attainment"), ("92", "attainment")]


def test_items_reaching_a_share_after_a_verdict_on_the_plan():
    got = _roles_of("Đa phần thu đạt và vượt dự toán giao, chỉ có hai xã chưa đạt, gồm Hiệp "
                    "Thạnh đạt 83% và Tân Thành đạt 92%.")
    assert got == [("83", "attainment"), ("92", "attainment")]


def test_items_of_a_list_of_changes_without_their_verb():
    got = _roles_of("Các khoản thu nội địa tăng khá là: thu ngoài quốc doanh tăng 22%; thu từ "
                    "doanh nghiệp Nhà nước 16%; thuế thu nhập cá nhân 14%.")
    assert got == [("22", "change"), ("16", "change"), ("14", "change")]


def test_a_share_after_a_pair_in_a_list_reads_as_the_first_items():
    got = _roles_of("Các chỉ tiêu đạt được gồm tạo việc làm được 6.000 người/chỉ tiêu 15.000 "
                    "người (40%), xuất khẩu lao động 454/1.800 người (25,22%).")
    assert got[-1] == ("25,22", "attainment")


def test_a_rate_named_before_a_count_keeps_its_share():
    got = _roles_of("Tỷ lệ trường tổ chức dạy học 2 buổi/ngày đạt 17,39%.")
    assert got[-1] == ("17,39", "actual")


def test_a_line_opening_a_list_of_the_targets_set_plans_the_paragraph_under_it():
    text = ("Về cụ thể 12 chỉ tiêu chủ yếu trong Kế hoạch phát triển kinh tế - xã hội năm 2020 mà "
            "Quốc hội vừa thông qua như sau:\n\nTổng sản phẩm trong nước (GDP) tăng khoảng 6,8%; "
            "tốc độ tăng giá tiêu dùng bình quân (CPI) dưới 4%.\n\nKết quả năm 2019, GDP tăng "
            "7,02%.")
    got = [(n.text, n.role) for s in extract(text, default_period="2019") for n in s.numbers]
    assert got[1:] == [("6,8", "target"), ("4", "target"), ("7,02", "change")]


def test_a_list_of_the_targets_set_goes_on_over_the_paragraphs_that_list_more():
    text = ("UBND tỉnh giao chỉ tiêu kế hoạch năm 2024 cho các sở, ngành để triển khai thực hiện: "
            "GRDP tăng 8,6%.\n\nCơ cấu kinh tế, ngành dịch vụ chiếm 41,39%; kim ngạch xuất khẩu "
            "750 triệu USD.\n\nTỷ lệ đô thị hóa đạt 34%; tỷ lệ lao động qua đào tạo có bằng, chứng "
            "chỉ đạt 63%;\n\nKết quả năm 2023\n\nTỷ lệ đô thị hóa đạt 33%; tỷ lệ hộ nghèo 6,5%.")
    got = [(n.text, n.role) for s in extract(text, default_period="2024") for n in s.numbers]
    assert got[1:] == [("41,39", "target"), ("750", "target"), ("34", "target"),
                       ("63", "target"), ("33", "actual"), ("6,5", "actual")]


def test_a_paragraph_that_reports_ends_the_list_of_the_targets_set():
    text = ("Về cụ thể các chỉ tiêu chủ yếu của kế hoạch năm 2020 như sau:\n\nGDP tăng khoảng "
            "6,8%; CPI dưới 4%.\n\nTỷ lệ hộ nghèo giảm 1,5%; thu ngân sách ước đạt 1.200 tỷ "
            "đồng.\n\nTỷ lệ che phủ rừng đạt 42%; tỷ lệ đô thị hóa 40%.")
    got = [(n.text, n.role) for s in extract(text, default_period="2020") for n in s.numbers]
    assert got == [("6,8", "target"), ("4", "target"), ("1,5", "actual"), ("1.200", "actual"),
                   ("42", "actual"), ("40", "actual")]


def test_a_count_opening_its_sentence_is_not_read_as_a_name():
    got = [_roles_of(t) for t in ("Có 662 trong tổng số 686 tổ chức cơ sở đảng hoàn thành.",
                                  "Có 12 xã đạt chuẩn nông thôn mới.",
                                  "Ban Chỉ đạo 389 đã họp.")]
    assert got == [[("662", "part"), ("686", "part")], [("12", "actual")], []]


def test_a_bare_count_out_of_a_larger_one_with_tren():
    got = _roles_of("Đến hết tháng Sáu, có 12 trên 44 bộ, cơ quan Trung ương có tỷ lệ giải ngân "
                    "cao.")
    assert got[:2] == [("12", "part"), ("44", "part")]


def test_all_the_targets_met_in_words_judges_the_paragraph():
    text = ("Trong 6 tháng đầu năm 2020, huyện đã thực hiện đạt và vượt các chỉ tiêu so với kế "
            "hoạch đề ra. Thu ngân sách nhà nước được 98,6 tỷ đồng, đạt 63% dự toán giao. Tổng "
            "chi ngân sách là 426,1 tỷ đồng.")
    got = _status_by_figure(text, "2020-06")
    assert (got["98,6"], got["426,1"]) == ("achieved", "achieved")


def test_a_count_of_targets_met_in_more_words_opens_a_detail():
    text = ("Năm 2024, phường đã hoàn thành và hoàn thành vượt kế hoạch 21/22 chỉ tiêu đề ra. "
            "Trong đó, tổng giá trị sản xuất ước đạt 620 tỷ đồng.")
    assert extract(text, default_period="2024")[-1].status == "achieved"


def test_a_verdict_opening_its_clause_judges_the_figures_after_it():
    text = ("Ngô trồng được trên 73 ha đạt trên 99% KH; Chăn nuôi chưa đạt chỉ tiêu giao, tổng "
            "đàn trâu, bò hiện có 394 con, đàn lợn 800 con; thủy sản 12 ha.")
    got = _status_by_figure(text, "2024")
    assert (got["73"], got["394"], got["800"], got["12"]) == (
        None, "not_achieved", "not_achieved", None)


def test_a_list_of_targets_met_that_a_congress_set():
    text = ("Đảng bộ xã đạt và vượt các chỉ tiêu Nghị quyết Đại hội đề ra: Tỷ lệ lao động qua "
            "đào tạo đạt 70,88%; hộ nghèo giảm còn 6,25%.")
    assert [s.status for s in extract(text, default_period="2020")] == ["achieved", "achieved"]


def test_targets_completed_and_exceeded_then_a_list():
    text = ("Với sự nỗ lực phấn đấu, các mục tiêu, chỉ tiêu đã hoàn thành và hoàn thành vượt mức "
            "kế hoạch. Nổi bật là: tốc độ tăng giá trị sản xuất ngành nông nghiệp bình quân 3%.")
    assert extract(text, default_period="2020")[-1].status == "achieved"


def test_all_targets_met_judges_the_figures_after_the_count():
    text = ("Ngành y tế đã thực hiện vượt 3/3 chỉ tiêu chủ yếu được Quốc hội giao (đạt 12,5 "
            "bác sĩ/vạn dân, 32 giường bệnh/vạn dân).")
    got = [s.status for s in extract(text, default_period="2023")
           if s.numbers[0].unit != "chỉ tiêu"]
    assert got and set(got) == {"achieved"}


def test_targets_given_with_a_colon_plan_their_line_and_the_paragraph_under_it():
    text = ("Cụ thể, UBND tỉnh giao chỉ tiêu kế hoạch năm 2024 cho các sở, ngành để triển khai "
            "thực hiện: Tốc độ tăng GRDP tương ứng 8,6%; kim ngạch xuất khẩu 750 triệu USD.\n\n"
            "Tỷ lệ đô thị hóa đạt 34%; tỷ lệ tăng dân số tự nhiên 1,12%.")
    assert _roles_of(text) == [("8,6", "target"), ("750", "target"), ("34", "target"),
                               ("1,12", "target")]


def test_exceeding_compared_with_a_plan_whose_figure_follows():
    got = _roles_of("Tỷ lệ hộ dân tham gia bảo hiểm y tế đạt 93,96% vượt so với kế hoạch đề ra là "
                    "93,75%.")
    assert got == [("93,96", "actual"), ("93,75", "target")]


def test_targets_met_on_the_whole_lead_the_sentence_after():
    lead = "Các chỉ tiêu kinh tế chủ yếu cơ bản đạt và vượt kế hoạch đề ra. "
    some = "Một số chỉ tiêu kinh tế đạt kế hoạch đề ra. "
    then = "Tổng thu ngân sách trên địa bàn đạt 188,9 tỷ đồng."
    assert [extract(t, default_period="2024")[-1].status for t in (lead + then, some + then)] == [
        "achieved", None]


def test_a_lead_may_close_on_the_words_that_name_its_plan():
    text = ("Kinh tế của xã tiếp tục tăng trưởng khá, các chỉ tiêu cơ bản đều đạt so với nghị "
            "quyết đại hội đề ra. Thu nhập bình quân đầu người năm 2019 đạt 39 triệu đồng.")
    passing = ("Thu ngân sách vượt kế hoạch và tăng so với năm trước. Thu nhập bình quân đầu "
               "người năm 2019 đạt 39 triệu đồng.")
    assert [extract(t, default_period="2019")[-1].status for t in (text, passing)] == [
        "achieved", None]


def test_a_verdict_on_targets_named_by_their_field_opens_the_list_after_its_colon():
    text = ("Xã đã hoàn thành cơ bản các chỉ tiêu phát triển: tổng giá trị sản xuất ước đạt 53%, "
            "tăng 23,7%; TM-DV đạt 52%, tăng 15,6%.")
    assert [s.status for s in extract(text, default_period="2009-06")] == ["achieved"] * 2


def test_many_targets_met_then_trong_do_judges_the_figures_after_it():
    text = ("Ngành y tế đạt được nhiều mục tiêu đề ra, trong đó tuổi thọ trung bình đạt 74,8 tuổi, "
            "90% người dân hài lòng với dịch vụ y tế.")
    alone = "Tuổi thọ trung bình đạt 74,8 tuổi, 90% người dân hài lòng với dịch vụ y tế."
    assert [[s.status for s in extract(t, default_period="2025")] for t in (text, alone)] == [
        ["achieved", "achieved"], [None, None]]


def test_naming_a_few_targets_as_outstanding_leaves_all_met_for_the_detail():
    text = ("Năm 2018, toàn ngành đã đạt và vượt 5/5 chỉ tiêu kế hoạch đề ra. Trong đó có một số "
            "chỉ tiêu hoàn thành xuất sắc như tăng trưởng ngành, kim ngạch xuất khẩu. Cụ thể: "
            "kim ngạch xuất khẩu đạt 40,02 tỷ USD; tỷ lệ che phủ rừng đạt 41,65%.")
    named = ("Nổi bật là các chỉ tiêu về kim ngạch xuất khẩu. Cụ thể, kim ngạch xuất khẩu đạt "
             "40,02 tỷ USD, vượt kế hoạch; tỷ lệ che phủ rừng đạt 41,65%.")
    assert [[s.status for s in extract(t, default_period="2018")][-2:] for t in (text, named)] == [
        ["achieved", "achieved"], ["achieved", None]]


def test_a_count_of_targets_then_their_verdict_then_trong_do_judges_the_detail():
    text = ("Đến hết tháng 10, thành phố có 7/9 chỉ tiêu phát triển kinh tế xã hội đạt và vượt so "
            "với kịch bản tăng trưởng, trong đó, nổi bật là thu ngân sách lũy kế 10 tháng đã "
            "bằng 110% dự toán cả năm.")
    assert extract(text, default_period="2025-10")[-1].status == "achieved"


def test_targets_carried_out_successfully_lead_the_sentence_after():
    text = ("Đảng bộ lãnh đạo Nhân dân thực hiện thắng lợi các mục tiêu Nghị quyết Đại hội Đảng bộ "
            "đề ra. Giá trị sản xuất tăng 8%.")
    assert extract(text, default_period="2025")[-1].status == "achieved"


def test_a_verdict_on_the_targets_runs_over_its_paragraph_but_not_the_next():
    text = ("Kinh tế của xã tăng trưởng khá, các chỉ tiêu cơ bản đều đạt so với nghị quyết đại hội "
            "đề ra. Thu nhập bình quân đầu người đạt 39 triệu đồng. Tỷ lệ hộ nghèo còn 1,68%.\n"
            "Thu ngân sách đạt 12 tỷ đồng.")
    assert [s.status for s in extract(text, default_period="2019")] == [
        "achieved", "achieved", None]


def test_short_of_expectations_is_a_verdict_of_not_met():
    text = "Tăng trưởng GRDP chỉ đạt 3,28%, chưa đạt kỳ vọng; tổng vốn đầu tư tăng 4,9%."
    assert [s.status for s in extract(text, default_period="2024")] == ["not_achieved", None]


def test_the_items_of_an_enumeration_are_named_after_their_subject():
    text = ("Cụ thể: Một là, tốc độ tăng trưởng trong GDP đạt 3,76%; hai là, giá trị sản xuất "
            "toàn ngành tăng 3,86%. Thứ hai, thu ngân sách đạt 120 tỷ đồng.")
    assert [s.indicator for s in extract(text, default_period="2018")] == [
        "Tốc độ tăng trưởng trong GDP", "Giá trị sản xuất toàn ngành", "Thu ngân sách"]


def test_per_so_many_of_a_whole_is_part_of_the_unit_and_dv_counts_party_members():
    got = [[(n.text, n.unit) for n in s.numbers] for s in extract(
        "Đạt 15 bác sĩ trên 10.000 dân; bình quân đạt 53 triệu đồng trên 1 ha. Đảng bộ huyện "
        "kết nạp 241 ĐV (đạt 160% kế hoạch).", default_period="2019")]
    assert got == [[("15", "bác sĩ/10.000 dân")], [("53", "triệu đồng/1 ha")],
                   [("241", "đv"), ("160", "%")]]


@pytest.mark.parametrize("lead", [
    "Trong đó có một số chỉ tiêu đạt và vượt trội như: ",
    "Có 39/42 chỉ tiêu của huyện đạt và vượt so với Nghị quyết năm 2023, như: ",
    "Ngành đã hoàn thành các chỉ tiêu nhiệm vụ được giao trên các lĩnh vực, với kết quả nổi bật "
    "như: ",
])
def test_a_verdict_on_targets_opens_the_list_after_its_colon(lead):
    got = extract(lead + "thu ngân sách đạt 224 tỷ đồng; tỷ lệ lao động qua đào tạo đạt 71%.",
                  default_period="2023")
    assert [s.status for s in got if s.numbers[0].unit != "chỉ tiêu"] == ["achieved"] * 2


def test_a_figure_of_a_target_named_after_a_count_of_targets_is_its_own_statement():
    text = ("Có 05 chỉ tiêu đạt và vượt so với kế hoạch là tốc độ tăng trưởng kinh tế cả năm đạt "
            "7,26% (kế hoạch tăng 7%); tổng thu ngân sách 11.260 tỷ đồng. Có 16/17 chỉ tiêu đạt "
            "(chiếm 94,1%).")
    got = [([n.text for n in s.numbers], s.status) for s in extract(text, default_period="2019")]
    assert got == [(["05"], None), (["7,26", "7"], "achieved"), (["11.260"], "achieved"),
                   (["16", "17", "94,1"], None)]


def test_the_estimate_for_the_whole_year_and_an_earlier_figure_compared_are_statements_apart():
    text = ("Chỉ số giá tiêu dùng bình quân 9 tháng tăng 2,73%, ước cả năm khoảng 4%. Tỷ lệ giải "
            "ngân 9 tháng đạt 60,6% kế hoạch, cao hơn cùng kỳ năm ngoái (58,2%).")
    got = [(s.indicator, s.period, [n.text for n in s.numbers])
           for s in extract(text, default_period="2022-09")]
    assert got == [("Chỉ số giá tiêu dùng", "2022-09", ["2,73"]),
                   ("Chỉ số giá tiêu dùng", "2022", ["4"]),
                   ("Tỷ lệ giải ngân", "2022-09", ["60,6"]),
                   ("Cùng kỳ năm ngoái", "2022-09", ["58,2"])]


def test_a_count_of_units_that_met_the_plan_leads_its_detail():
    text = ("Có 8 đảng bộ trực thuộc Thành ủy đã kết nạp vượt kế hoạch đề ra. Cụ thể, Đảng bộ "
            "huyện Thới Lai kết nạp 241 ĐV (đạt 160% kế hoạch); Đảng bộ quận Ô Môn kết nạp 162 ĐV.")
    assert [s.status for s in extract(text, default_period="2019")][1:] == ["achieved"] * 2


def test_the_items_straight_after_a_count_of_targets_met_and_its_plan_take_its_verdict():
    text = ("Năm 2020, 14/17 nhóm chỉ tiêu đạt và vượt kế hoạch, trồng rừng vượt 5,4% kế hoạch; "
            "tổng thu ngân sách vượt 18,7% kế hoạch giao; tỷ lệ hộ nghèo còn 25,3%.")
    assert [s.status for s in extract(text, default_period="2020")][1:] == ["achieved"] * 3


def test_targets_not_ensured_open_the_list_of_those_not_met():
    text = ("Nhiều chỉ tiêu sản xuất nông nghiệp không đảm bảo chỉ tiêu KH của nghị quyết như: "
            "tổng sản lượng lương thực 50.754 tấn/KH 52.663 tấn, đạt 96,38% KH. Đảm bảo an sinh "
            "cho 200 hộ.")
    assert [s.status for s in extract(text, default_period="2019")] == ["not_achieved", None]


def test_plans_set_as_a_task_their_parts_and_the_level_reached_when_short_of_a_plan():
    got = [[(s.indicator, [(n.text, n.role) for n in s.numbers]) for s in extract(
        t, default_period="2022-11")] for t in (
        "Nhiệm vụ trọng tâm được huyện đặt ra trong năm 2021 là thu nhập bình quân đầu người đạt "
        "trên 29 triệu đồng; trồng mới 500 ha rừng.",
        "Thành phố đặt chỉ tiêu phấn đấu thu ngân sách đạt 106.761 tỷ đồng. Trong đó, thu nội địa "
        "45.000 tỷ đồng.",
        "Tại thời điểm cuối tháng 11, tiến độ giải ngân vốn đầu tư cả năm 2022 vẫn chưa đạt mục "
        "tiêu đề ra khi mới ở mức 58,33%.")]
    assert [[roles for _, roles in sts] for sts in got] == [
        [[("29", "target")], [("500", "target")]],
        [[("106.761", "target")], [("45.000", "target")]],
        [[("58,33", "actual")]]]
    assert got[2][0][0] == "Tiến độ giải ngân vốn đầu tư cả năm 2022"


def test_a_bare_percent_an_item_of_a_list_of_targets_met_reaches_is_its_share_of_the_plan():
    text = ("Các chỉ tiêu của xã cơ bản đạt kế hoạch đề ra: tổng sản lượng lương thực đạt 102,2%; "
            "trồng thuốc lá đạt 100,5%; tỷ lệ che phủ rừng đạt 60%; Tỷ lệ dân số tham gia BHYT: "
            "ước thực hiện 83%.")
    assert _roles_of(text, "2023") == [("102,2", "attainment"), ("100,5", "attainment"),
                                        ("60", "actual"), ("83", "actual")]


def test_a_clause_naming_its_own_period_is_a_statement_of_its_own():
    text = ("Giá trị tăng thêm toàn ngành ước tăng 14,21% (quý I tăng 13,2%, quý II tăng 13,57%). "
            "CPI tháng 6 tăng 0,55% so với tháng trước, tăng 3,52% so với cùng kỳ; bình quân 6 "
            "tháng tăng 3,68%. Thu ngân sách đạt 1.200 tỷ đồng, tăng 5% so với năm 2024.")
    got = [(s.period, [n.text for n in s.numbers]) for s in extract(text, default_period="2025-09")]
    assert got == [("2025-09", ["14,21"]), ("2025-Q1", ["13,2"]), ("2025-Q2", ["13,57"]),
                   ("2025-06", ["0,55", "3,52"]), ("2025-06", ["3,68"]),
                   ("2025-09", ["1.200", "5"])]


def test_a_list_opened_by_gom_after_a_semicolon_takes_the_verdict_before_it():
    text = ("Năm 2017 có 8 chỉ tiêu vượt mục tiêu kế hoạch, tăng thêm 3 chỉ tiêu vượt kế hoạch so "
            "với số đã báo cáo Quốc hội trước đó; gồm tốc độ tăng trưởng GDP đạt 6,81%, tốc độ "
            "tăng giá tiêu dùng bình quân 3,53%.")
    assert [s.status for s in extract(text, default_period="2017")][-2:] == ["achieved"] * 2


def test_a_count_of_targets_given_is_no_plan_of_figures_and_a_rate_per_whole_in_a_name():
    text = ("Ngành y tế được giao 3 chỉ tiêu chủ yếu. Trong đó, chỉ tiêu số bác sĩ/10.000 dân đạt "
            "9,4 bác sĩ, thực hiện đạt 11,5 bác sĩ, vượt chỉ tiêu được giao.")
    got = [[(n.text, n.role) for n in s.numbers] for s in extract(text, default_period="2022")]
    assert got[1:] == [[("9,4", "target"), ("11,5", "actual")]]


def test_the_targets_listed_after_a_sentence_that_sets_them_are_plans():
    got = [_roles_of(t) for t in (
        "Nghị quyết đề ra 23 chỉ tiêu chủ yếu. Trong đó, một số chỉ tiêu quan trọng như: tốc độ "
        "tăng trưởng kinh tế đạt 7 - 7,5%; thu nhập bình quân đầu người là 101 triệu đồng.",
        "UBND tỉnh giao chỉ tiêu kế hoạch và dự toán ngân sách năm 2024. Theo đó, chi ngân sách "
        "là 10.815 tỷ đồng.",
        "Huyện đề ra 20 chỉ tiêu, đến nay đạt 18 chỉ tiêu. Trong đó, thu ngân sách đạt 120 tỷ "
        "đồng.")]
    assert [roles[-1] for roles in got] == [("101", "target"), ("10.815", "target"),
                                            ("120", "actual")]


def test_an_excess_over_a_plan_named_with_its_giver_and_restated_in_its_unit():
    text = ("Tổng thu ngân sách nhà nước cả năm đạt gần 1,3 triệu tỷ đồng, vượt dự toán Quốc hội "
            "giao tới 5,4% (tương đương vượt gần 70.000 tỷ đồng).")
    assert _roles(text, "2022") == [[("1,3", "actual"), ("5,4", "change"), ("70.000", "change")]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Xã đã thực hiện vượt nhiều chỉ tiêu quan trọng như gieo cấy lúa thực hiện đạt 105% KH, "
     "cây đỗ tương đạt 193% KH.", ["achieved", "achieved"]),
    ("Năm 2018 huyện đã hoàn thành nhiều chỉ tiêu phát triển kinh tế - xã hội. Trong đó, sản "
     "lượng lương thực đạt 23.249 tấn. Tổng đàn gia súc 33.976 con.\nThu ngân sách đạt 16,3 tỷ "
     "đồng.", ["achieved", "achieved", None]),
    ("Dù đạt nhiều kết quả tích cực, tỷ lệ hồ sơ trực tuyến toàn trình vẫn chưa đạt mục tiêu. "
     "Đến cuối năm 2024, tỷ lệ này chỉ đạt 45,8%.", ["not_achieved"]),
])
def test_verdicts_on_many_targets(text, expected):
    assert [s.status for s in extract(text, default_period="2024")] == expected


def test_targets_met_in_full_open_their_list_and_far_exceeding_the_plan_is_a_verdict():
    got = [[s.status for s in extract(t, default_period="2025")] for t in (
        "Ngành hoàn thành toàn diện 12 chỉ tiêu kế hoạch phát triển kinh tế - xã hội: Tỷ lệ thất "
        "nghiệp ở khu vực thành thị là 3,1%; Tỷ lệ lao động qua đào tạo đạt 58,6%.",
        "Tổng thu năm 2025 ước đạt hơn 82.200 tỉ đồng, vượt xa dự toán Trung ương giao.")]
    assert got == [["achieved"] * 3, ["achieved"]]


def test_plans_listed_after_targets_set_and_ratios_listed_after_the_same_period():
    got = [_roles_of(t) for t in (
        "Nghị quyết đề ra 24 chỉ tiêu chủ yếu năm 2024; trong đó, tốc độ tăng GRDP đạt từ "
        "6,5-7%, GRDP bình quân đầu người đạt 160,8 triệu đồng.",
        "Ngành đặt chỉ tiêu trồng trọt 11.397,2ha. Cụ thể, diện tích lúa 6.838,3ha.",
        "Một số đơn vị đạt thấp hơn so với thực hiện cùng kỳ: Nghi Lộc bằng 57%, Diễn Châu bằng "
        "76%.")]
    assert got == [[("24", "target"), ("6,5", "target"), ("7", "target"), ("160,8", "target")],
                   [("11.397,2", "target"), ("6.838,3", "target")],
                   [("57", "change"), ("76", "change")]]


def test_a_line_without_figures_after_a_count_of_targets_met_still_leads_the_next_paragraph():
    text = ("Năm 2020, xã đạt và vượt 14/16 chỉ tiêu chủ yếu.\nCác chỉ tiêu kinh tế đều đạt kế "
            "hoạch đề ra.\nThu ngân sách đạt 12 tỷ đồng.")
    assert extract(text, default_period="2020")[-1].status == "achieved"


def test_a_footnote_that_says_all_targets_were_met_judges_the_sentence_after_it():
    text = ("Thu ngân sách tăng mạnh[footnoteRef: 1].\n[1: Huyện có 13/13 chỉ tiêu đạt kế hoạch. "
            "Thu ngân sách đạt 12 tỷ đồng.]")
    assert extract(text, default_period="2024")[-1].status == "achieved"


def test_striving_for_a_target_and_a_resolve_to_reach_it_are_plans():
    got = [_roles_of(t) for t in (
        "Ngành phấn đấu chỉ tiêu đạt trên 41,8 vạn tấn lương thực có hạt; tỷ lệ che phủ rừng đạt "
        "60%.",
        "Chính phủ quyết tâm tăng trưởng GDP năm 2024 trên 7%, kiểm soát lạm phát dưới 4,5%.",
        "Với sự quyết tâm cao, thu ngân sách đạt 120 tỷ đồng.")]
    assert got == [[("41,8", "target"), ("60", "target")], [("7", "target"), ("4,5", "target")],
                   [("120", "actual")]]


def test_a_line_labelled_as_plans_and_the_items_of_a_list_of_next_years_targets_are_plans():
    text = ("Năm 2025, thu ngân sách đạt 100 tỷ đồng.\n"
            "Kế hoạch năm 2026: tổng vốn đầu tư 50.000 tỷ đồng; tạo việc làm cho 30.000 lao "
            "động.\nDự kiến năm 2026: tỷ lệ hộ nghèo giảm 1%.\n"
            "Các chỉ tiêu chủ yếu năm 2026:\n- Tốc độ tăng trưởng GRDP 8,5%.\n- Thu ngân sách "
            "nhà nước 15.000 tỷ đồng.\nNăm 2025, xuất khẩu đạt 5 tỷ USD.\n- Nhập khẩu đạt 4 tỷ "
            "USD.\nChỉ tiêu năm 2025: vốn đầu tư 40.000 tỷ đồng.\n"
            "Năm 2026, tỉnh đặt ra 25 chỉ tiêu chủ yếu, gồm: tăng trưởng GRDP 8%; thu ngân sách "
            "12.000 tỷ đồng.")
    assert [(n.text, n.role) for s in extract(text) for n in s.numbers] == [
        ("100", "actual"), ("50.000", "target"), ("30.000", "target"), ("1", "target"),
        ("8,5", "target"), ("15.000", "target"), ("5", "actual"), ("4", "actual"),
        ("40.000", "actual"), ("25", "target"), ("8", "target"), ("12.000", "target")]


def test_the_parts_of_an_estimate_told_in_bare_words_after_it_are_plans():
    text = ("Dự toán thu ngân sách trên địa bàn năm 2023 là 35.430 tỷ đồng. Trong đó thu nội địa "
            "là 21.840 tỷ đồng. Thu từ đất là 7.100 tỷ đồng; thu xổ số kiến thiết 23 tỷ đồng.\n\n"
            "Một số khoản thu lớn như thu từ doanh nghiệp có vốn nhà nước là 1.680 tỷ đồng.\n"
            "Thu ngân sách quý I đạt 9.000 tỷ đồng, tăng 5% so với cùng kỳ.\n"
            "Dự toán chi năm 2023 là 40.454 tỷ đồng.\nVề kinh tế\nTổng đàn gia súc 33.976 con.")
    assert _roles_of(text) == [
        ("35.430", "target"), ("21.840", "target"), ("7.100", "target"), ("23", "target"),
        ("1.680", "target"), ("9.000", "actual"), ("5", "change"), ("40.454", "target"),
        ("33.976", "actual")]


def test_place_names_fund_names_and_a_share_of_the_plan_aimed_at():
    got = [_roles_of(t) for t in (
        "Những đơn vị vượt cao so với kế hoạch như: Đảng bộ Trường Đại học Cần Thơ kết nạp được "
        "14 đồng chí (đạt 233,3%).",
        "Vốn chương trình mục tiêu trên 197 tỷ đồng, đạt 89,6% kế hoạch; vốn kế hoạch năm 2025 "
        "đạt 3.525 tỷ đồng.",
        "Tỉnh phấn đấu hoàn thành giải ngân 100% kế hoạch vốn đầu tư được giao.")]
    assert got == [[("14", "actual"), ("233,3", "attainment")],
                   [("197", "actual"), ("89,6", "attainment"), ("3.525", "actual")],
                   [("100", "target")]]


def test_shares_of_the_plan_in_a_list_of_units_and_in_the_next_item_without_its_plan():
    got = [_roles_of(t) for t in (
        "Những đơn vị có tỷ lệ kết nạp đảng viên mới đạt cao như: Đảng bộ Khối Dân Chính Đảng "
        "kết nạp 318 ĐV, đạt 127,2%; Đảng bộ quận Cái Răng kết nạp 115 ĐV đạt 94%.",
        "Đảng bộ đã kết nạp được 1.614 đảng viên mới, đạt tỷ lệ 74,38% chỉ tiêu nghị quyết.",
        "Các bộ giải ngân mới đạt 29,79% kế hoạch Thủ tướng giao, các địa phương đạt 18,66%.",
        "Số vốn chưa phân bổ là 7.124,3 tỷ đồng, chiếm 6,44% kế hoạch Thủ tướng giao.")]
    assert got == [[("318", "actual"), ("127,2", "attainment"), ("115", "actual"),
                    ("94", "attainment")],
                   [("1.614", "actual"), ("74,38", "attainment")],
                   [("29,79", "attainment"), ("18,66", "attainment")],
                   [("7.124,3", "actual"), ("6,44", "actual")]]


def test_an_aim_whose_clause_the_first_figure_ends_makes_it_a_plan():
    got = [_roles_of(t) for t in (
        "Năm 2021, ngành phấn đấu giá trị sản xuất nông, lâm nghiệp, thủy sản tăng 4% trở lên; "
        "giá trị thu được trên "
        "mỗi ha đất trồng trọt bình quân 115 triệu đồng/ha.",
        "Kết quả năm 2013 không đạt so với dự kiến, nhưng giá trị sản xuất công nghiệp tăng "
        "gần 10% so cùng kỳ.")]
    assert got == [[("4", "target"), ("115", "target")], [("10", "change")]]


def test_verdicts_on_targets_a_sentence_opens_on_and_over_a_detail_of_the_estimates_progress():
    got = [[s.status for s in extract(t, default_period="2016")] for t in (
        "Riêng các chỉ tiêu về tỷ lệ lao động qua đào tạo đạt 44%; xã đạt chuẩn nông thôn mới "
        "là 14 xã; tỷ lệ che phủ rừng là 62,67%, hiện đã thực hiện đạt kế hoạch đề ra.",
        "Thu ngân sách 6 tháng đầu năm 2016 đạt và vượt tiến độ dự toán HĐND tỉnh giao.\nCụ "
        "thể, thu ngân sách ước thực hiện 9.504 tỷ đồng, đạt 67,7% dự toán.")]
    assert got == [["achieved"] * 3, ["achieved"]]


def test_plans_set_as_the_subject_go_on_and_a_title_leads_no_plans():
    got = [_roles_of(t) for t in (
        "Trong khi đó, kế hoạch đặt ra đối với nông – lâm – thủy sản là từ 29-30%, công nghiệp – "
        "xây dựng là 24-25%.",
        "Phấn đấu đến năm 2030 thu nhập bình quân đầu người đạt 90 triệu đồng\nXã có diện tích "
        "tự nhiên 112 km2, với 39 tổ chức đảng, 697 đảng viên.",
        "Một số chỉ tiêu đạt và vượt mức kế hoạch như thu ngân sách, tỷ lệ thôn văn hóa đạt 100%, "
        "gia đình văn hóa đạt trên 98%.")]
    assert got == [[("29", "target"), ("30", "target"), ("24", "target"), ("25", "target")],
                   [("90", "target"), ("112", "actual"), ("39", "actual"), ("697", "actual")],
                   [("100", "actual"), ("98", "actual")]]


def test_a_resolutions_target_in_brackets_and_a_plan_after_a_verdict_not_met_join_the_result():
    got = [[(s.status, [(n.text, n.role) for n in s.numbers]) for s in extract(t)] for t in (
        "Tỷ lệ hộ nghèo giảm còn 2,5% (NQ: dưới 3%): Đạt.",
        "Thu hút 5 dự án đầu tư, chưa đạt mục tiêu đề ra là 8 dự án.",
        "Thu ngân sách 500 tỷ đồng (Nghị quyết số 12 năm 2023).")]
    assert got == [[("achieved", [("2,5", "actual"), ("3", "target")])],
                   [("not_achieved", [("5", "actual"), ("8", "target")])],
                   [(None, [("500", "actual")])]]


def test_a_heading_on_a_group_of_targets_judges_each_line_of_its_list():
    text = ("Các chỉ tiêu đạt và vượt kế hoạch\nTốc độ tăng trưởng đạt 8%.\nThu ngân sách đạt "
            "500 tỷ đồng.\nb) Các chỉ tiêu chưa đạt:\n- Tỷ lệ đô thị hóa 30%.\n- Số bác sĩ 9 bác "
            "sĩ/vạn dân.\nTuy nhiên, dân số đạt 1 triệu người.\nKết quả nổi bật\nXuất khẩu 2 tỷ "
            "USD.")
    assert [s.status for s in extract(text, default_period="2024")] == [
        "achieved", "achieved", "not_achieved", "not_achieved", None, None]


def test_the_estimates_a_council_decides_are_plans_down_its_list():
    text = ("Điều 1. Quyết định dự toán thu, chi ngân sách địa phương năm 2026 như sau:\n"
            "1. Tổng thu ngân sách nhà nước trên địa bàn: 12.500 tỷ đồng. Trong đó:\n"
            "a) Thu nội địa: 10.000 tỷ đồng;\n2. Bội chi ngân sách địa phương: 150 tỷ đồng.\n"
            "Điều 2. Tổ chức thực hiện\nNăm 2025, thu ngân sách đạt 11.000 tỷ đồng.")
    assert _roles_of(text) == [("12.500", "target"), ("10.000", "target"), ("150", "target"),
                               ("11.000", "actual")]


def test_a_list_of_what_was_done_with_the_plan_given_is_no_list_of_plans():
    text = ("Tỉnh được giao kế hoạch vốn năm 2024, kết quả thực hiện như sau:\n"
            "1. Vốn ngân sách tỉnh giải ngân 1.200 tỷ đồng, đạt 80% kế hoạch, vượt kế hoạch.\n"
            "2. Vốn ngân sách trung ương giải ngân 800 tỷ đồng.")
    assert [(s.status, [(n.text, n.role) for n in s.numbers]) for s in extract(text)] == [
        ("achieved", [("1.200", "actual"), ("80", "attainment")]),
        (None, [("800", "actual")])]


def test_the_units_of_a_list_opened_after_a_count_reach_their_share_of_the_plan():
    (count, first, second) = extract(
        "Đã có 10/18 chi cục thuế hoàn thành dự toán thu theo pháp lệnh gồm Hội An (100,94%), "
        "Tam Kỳ (102,57%).")
    assert [(n.text, n.role, n.unit) for n in count.numbers] == [
        ("10", "part", "chi cục thuế"), ("18", "part", "chi cục thuế")]
    assert [(n.text, n.role) for n in first.numbers + second.numbers] == [
        ("100,94", "attainment"), ("102,57", "attainment")]


def test_the_plans_figure_after_who_set_it_and_la():
    assert _roles_of("Tỷ suất sinh thô đạt 17,45 và không đạt chỉ tiêu kế hoạch Quốc hội thông "
                     "qua là 0,3.") == [("17,45", "actual"), ("0,3", "target")]


def test_a_range_or_a_floor_set_out_for_a_level_is_a_plan_unless_told_as_a_result():
    got = [_roles_of(t) for t in (
        "Tốc độ tăng trưởng bình quân của kinh tế tư nhân đạt 11,5-12%; tỷ lệ tăng doanh nghiệp "
        "tư nhân từ 20-30%.",
        "GRDP đạt bình quân từ 11%/năm trở lên.",
        "Trẻ nhà trẻ huy động được từ 17% - 19%.",
        "Tốc độ tăng giá tiêu dùng giảm từ 11,75% năm 2010 xuống 0,6% năm 2015.",
        "Các sản phẩm chủ lực đều tăng từ 12,4% đến 13,2% so với cùng kỳ.",
        "Yêu cầu bổ sung chứng từ 96 khoản của 78 đơn vị.")]
    assert got == [
        [("11,5", "target"), ("12", "target"), ("20", "target"), ("30", "target")],
        [("11", "target")],
        [("17", "actual"), ("19", "actual")],
        [("11,75", "actual"), ("0,6", "actual")],
        [("12,4", "change"), ("13,2", "change")],  # (a range of changes, no plan)
        [("96", "actual"), ("78", "actual")]]


def test_what_is_expected_to_be_reached_is_a_plan_and_falling_short_of_it_a_verdict():
    got = [[(s.status, [(n.text, n.role) for n in s.numbers]) for s in extract(t)] for t in (
        "Tổng vốn đầu tư trong 5 năm kỳ vọng đạt trên 910.000 tỷ đồng.",
        "Tăng trưởng đạt 6%, chưa đạt kỳ vọng.")]
    assert got == [[(None, [("910.000", "target")])], [("not_achieved", [("6", "actual")])]]


def test_a_forecast_of_a_figure_is_a_plan_but_not_a_count_of_targets_foreseen():
    got = [_roles_of(t) for t in (
        "Dự báo Hải Dương đạt mức tăng trưởng kinh tế năm 2024 trên 10%.",
        "Năm 2014, dự báo có 13 chỉ tiêu đạt, vượt kế hoạch.",
        "Vượt mọi dự báo, kinh tế đạt mức tăng trưởng 7,09%.",
        "Theo kế hoạch, năm 2014 sẽ có thêm 100 trường đạt chuẩn.")]
    assert got == [[("10", "target")], [("13", "actual")],
                   [("7,09", "actual")], [("100", "target")]]


def test_targets_set_to_a_year_and_listed_after_nhu_are_plans():
    assert _roles_of(
        "Đại hội đã đề ra các chỉ tiêu chủ yếu đến năm 2030 như: Tốc độ tăng trưởng GRDP đạt "
        "bình quân từ 11%/năm trở lên, GRDP bình quân đầu người đạt 8.500 USD/người.") == [
        ("11", "target"), ("8.500", "target")]


def test_a_figure_glued_to_its_verb_by_a_slip_is_read():
    assert _roles_of("Tốc độ tăng trưởng của ngành đạt3,02% vượt chỉ tiêu đề ra. Dân số F0 có "
                     "covid19 ca.") == [("3,02", "actual")]


def test_a_unit_typed_glued_to_its_figure_is_read_and_a_name_glued_to_a_number_is_not():
    assert _units("Năng suất đạt 30tạ/ha. Đàn bò 970con. Thu từ trồng trọt: 13.503.000.000đ. "
                  "Tốc độ truy cập mạng đạt 71,79Mbps. Xe đi Quốc lộ 28B và 14C.") == [
        [("30", "tạ/ha")], [("970", "con")], [("13.503.000.000", "đ")], [("71,79", "mbps")]]


def test_counts_of_abbreviated_nouns():
    assert _units("Qua đánh giá có 604 TCCSĐ hoàn thành tốt nhiệm vụ. Tổ chức ra mắt được 387 "
                  "CLB cựu quân nhân với 20.615 thành viên. Giúp 1.699 CCB được hưởng chế độ.") == [
        [("604", "tccsđ")], [("387", "clb")], [("20.615", "thành viên")], [("1.699", "ccb")]]


def test_a_clause_on_the_targets_closing_on_the_verdict_leads_through_a_sentence_of_words():
    text = ("Ngay từ đầu năm UBND xã đã tập trung giao chỉ tiêu kế hoạch cho các ấp, nên cơ bản "
            "các chỉ tiêu phát triển kinh tế - xã hội đều đạt và vượt. Sản xuất nông nghiệp "
            "tiếp tục được duy trì. Diện tích gieo trồng đạt 2.971 ha; năng suất lúa đạt 04 "
            "tấn/ha.\n"
            "Thu ngân sách đạt 650 triệu đồng.")
    assert _status_by_figure(text, "2017") == {
        "2.971": "achieved", "04": "achieved", "650": None}


def test_a_verdict_after_difficulties_told_is_no_forecast():
    text = ("Năm 2020 mặc dù còn gặp nhiều khó khăn, song các nhiệm vụ chính trị của xã đã cơ bản "
            "đạt chỉ tiêu kế hoạch. Tổng sản phẩm xã hội ước đạt 117 tỷ đồng.")
    assert _status_by_figure(text, "2020") == {"117": "achieved"}
    text = "Dự báo các chỉ tiêu chủ yếu khó đạt kế hoạch. Thu ngân sách đạt 250 triệu đồng."
    assert _status_by_figure(text, "2020") == {"250": None}


def test_a_heading_that_names_only_a_year_states_a_verdict_on_the_paragraph_under_it():
    text = ("Hoàn thành nhiệm vụ thu ngân sách năm 2018\n"
            "Tính đến ngày 30.11, tổng thu ngân sách nhà nước do Cục Thuế thực hiện đạt 17.141 tỷ "
            "đồng.\n"
            "Thu từ khu vực doanh nghiệp nhà nước đạt 1.200 tỷ đồng.")
    assert _status_by_figure(text, "2018") == {"17.141": "achieved", "1.200": None}


def test_all_the_tasks_set_met_judges_the_figures_of_the_paragraph():
    text = ("Năm 2021, Đảng bộ xã đã thực hiện đạt và vượt 7/7 nhiệm vụ trọng tâm. Chương trình "
            "làm đường bê tông nông thôn được chỉ đạo, kết quả làm được 4.435 m đường.\n"
            "Năm 2022, Đảng bộ xã hoàn thành 5/7 nhiệm vụ trọng tâm. Kết nạp 8 đảng viên mới.")
    assert _status_by_figure(text, "2021") == {
        "7": None, "4.435": "achieved", "5": None, "8": None}


def test_targets_passed_said_the_other_way_give_plans_in_the_detail_and_the_next_paragraph():
    text = ("Với 91,37% đại biểu tán thành, các chỉ tiêu chủ yếu năm 2013 đã được Quốc hội thông "
            "qua. Trong đó, tổng sản phẩm trong nước (GDP) tăng khoảng 5,5%; Tỷ lệ nhập siêu "
            "khoảng 8%.\n"
            "Ngoài ra, tỷ lệ hộ nghèo giảm 2%; Tỷ lệ trẻ em suy dinh dưỡng giảm xuống dưới 16%; "
            "Số giường bệnh trên một vạn dân đạt 22 giường.\n"
            "Trong 9 tháng qua, tỷ lệ hộ nghèo giảm 1,5%; số giường bệnh đạt 21 giường.")
    assert _roles_of(text, "2013") == [
        ("91,37", "actual"), ("5,5", "target"), ("8", "target"), ("2", "target"),
        ("16", "target"), ("22", "target"), ("1,5", "actual"), ("21", "actual")]


def test_a_list_of_plans_run_on_from_its_opener_goes_on_in_the_next_paragraph():
    text = ("Nghị quyết đề ra 12 chỉ tiêu chủ yếu gồm: Tổng sản phẩm trong nước (GDP) tăng "
            "khoảng 6,8%; Tốc độ tăng giá tiêu dùng bình quân dưới 4%;\n"
            "Tỷ lệ lao động qua đào tạo đạt khoảng 65%; Tỷ lệ che phủ rừng đạt 42%.")
    assert _roles_of(text, "2020") == [
        ("12", "target"), ("6,8", "target"), ("4", "target"), ("65", "target"), ("42", "target")]
    # plans told as an aim, with no list of the targets set, are no list that goes on
    text = ("Năm 2018, Đảng bộ huyện phấn đấu kết nạp trên 290 đảng viên; nâng tỷ lệ trưởng "
            "thôn là đảng viên lên trên 50%.\n"
            "Toàn huyện kết nạp 15 đảng viên mới; thi hành kỷ luật 3 đảng viên.")
    assert _roles_of(text, "2018") == [
        ("290", "target"), ("50", "target"), ("15", "actual"), ("3", "actual")]


def test_a_label_of_the_plans_of_a_year_then_a_comma_plans_its_sentence():
    assert _roles_of("Mục tiêu năm 2024, toàn tỉnh giải quyết việc làm mới cho trên 22.500 lao "
                     "động, nâng tỷ lệ lao động qua đào tạo lên 69,5%. Năm 2023, toàn tỉnh đã giải "
                     "quyết việc làm cho 25.953 người.", "2023") == [
        ("22.500", "target"), ("69,5", "target"), ("25.953", "actual")]


def test_some_targets_set_out_then_listed_are_plans():
    assert _roles_of("Năm 2023, huyện đặt ra một số chỉ tiêu chủ yếu, gồm: tổng giá trị sản "
                     "xuất tăng từ 9 - 11% so với năm 2022; tổng vốn đầu tư xã hội khoảng 250 tỷ "
                     "đồng.", "2022") == [("9", "target"), ("11", "target"), ("250", "target")]


def test_met_and_exceeded_then_a_share_of_the_plan_is_the_share_reached():
    assert _roles_of("Các địa phương còn lại thực hiện đạt và vượt trên 90% chỉ tiêu kế hoạch. "
                     "Thu ngân sách vượt 5% kế hoạch.") == [("90", "attainment"), ("5", "change")]


def test_the_plan_given_to_strive_for_is_named_not_aimed():
    assert _roles_of("Hải Phòng thu được 30.763 tỷ đồng, đạt 51% chỉ tiêu Tổng cục Hải quan giao "
                     "phấn đấu (60.900 tỷ đồng), giảm 9.386 tỷ đồng so với cùng kỳ.", "2020") == [
        ("30.763", "actual"), ("51", "attainment"), ("60.900", "target"), ("9.386", "change")]


def test_a_floor_reached_counted_to_a_date_is_a_result():
    assert _roles_of("Chi cục là đơn vị đầu tiên thu ngân sách đạt từ 10.000 tỷ đồng trở lên, "
                     "tính hết tháng 8. Thu ngân sách đạt từ 12.000 tỷ đồng trở lên.", "2020") == [
        ("10.000", "actual"), ("12.000", "target")]


def test_a_share_alone_in_a_parenthesis_after_items_that_gave_the_share_of_the_plan():
    assert _roles_of("Cụ thể, tỷ lệ lao động qua đào tạo đạt 65% (đạt 100% so với chỉ tiêu), "
                     "huy động Quỹ bảo trợ trẻ em được 6,4 tỷ đồng (160%). Doanh thu đạt 300 tỷ "
                     "đồng (20%).") == [
        ("65", "actual"), ("100", "attainment"), ("6,4", "actual"), ("160", "attainment"),
        ("300", "actual"), ("20", "actual")]


def test_items_met_and_exceeded_give_their_share_of_the_plan_in_a_parenthesis():
    assert _roles_of("Nhiều khoản thu đạt và vượt như thu từ doanh nghiệp có vốn đầu tư nước "
                     "ngoài (140,7%), lệ phí trước bạ (135%). Cơ cấu thu gồm thuế thu nhập cá "
                     "nhân (19%).") == [
        ("140,7", "attainment"), ("135", "attainment"), ("19", "actual")]


def test_a_heading_that_names_the_targets_of_a_year_heads_plans():
    text = ("Các chỉ tiêu kinh tế - xã hội năm 2018\n"
            "1. Kim ngạch xuất khẩu 1.790 triệu USD, tăng 1,19% so ước thực hiện năm 2017.\n"
            "2. Tỷ lệ học sinh đi học đúng độ tuổi: bậc tiểu học 100%, bậc trung học cơ sở "
            "89,5%.\n"
            "Một số chỉ tiêu xã hội chủ yếu\n"
            "Tỷ lệ hộ nghèo 0,5%.\n"
            "Kết quả thực hiện các chỉ tiêu năm 2017\n"
            "Kim ngạch xuất khẩu đạt 1.769 triệu USD.")
    assert _roles_of(text, "2017") == [
        ("1.790", "target"), ("1,19", "target"), ("100", "target"), ("89,5", "target"),
        ("0,5", "actual"), ("1.769", "actual")]


def test_a_range_of_growth_rates_in_a_clause_that_tells_no_result_is_planned():
    assert _roles_of("Đại hội thông qua nghị quyết nhiệm kỳ mới: thương mại - dịch vụ tăng bình "
                     "quân hằng năm 10-12%. Giá lúa giảm từ 900 - 3.300 đồng/kg. Doanh thu ước "
                     "tăng 7-8% so với cùng kỳ.", "2020") == [
        ("10", "target"), ("12", "target"), ("900", "change"), ("3.300", "change"),
        ("7", "change"), ("8", "change")]


def test_a_heading_in_capitals_that_names_the_targets_of_a_year_keeps_the_plan_above_it():
    text = ("Báo cáo kết quả thực hiện kế hoạch năm 2020: thu ngân sách đạt 12 tỷ đồng.\n"
            "KẾ HOẠCH KINH TẾ - XÃ HỘI NĂM 2022\n"
            "CÁC CHỈ TIÊU CHỦ YẾU CỦA NĂM 2022:\n"
            "1. Chỉ tiêu về kinh tế:\n"
            "- Thực hiện tổng diện tích gieo trồng 772 ha.\n"
            "- Tỷ lệ gia đình đạt chuẩn văn hóa: 95,2%")
    assert _roles_of(text, "2020") == [("12", "actual"), ("772", "target"), ("95,2", "target")]


def test_the_next_field_of_the_targets_met_carries_their_verdict():
    text = ("Năm 2019, các chỉ tiêu kinh tế - xã hội đều tăng trưởng đạt và vượt kế hoạch. Cụ thể, "
            "giá trị sản xuất đạt 29.367 tỷ đồng; thu ngân sách 2.352 tỷ đồng. Về văn hóa - xã "
            "hội, giải quyết việc làm cho 5.866 lượt lao động. Tuy nhiên, còn 12 hộ nghèo.")
    assert _status_by_figure(text, "2019") == {
        "29.367": "achieved", "2.352": "achieved", "5.866": "achieved", "12": None}


def test_a_share_of_the_population_is_no_document_number():
    assert _units("Tỷ lệ người tập luyện thể dục thể thao thường xuyên so với dân số 42%. Theo "
                  "Quyết định số 245, đồng bào dân tộc thiểu số 3%.") == [
        [("42", "%")], [("3", "%")]]


def test_a_share_of_the_plan_typed_without_its_sign_is_a_share():
    got = [[(n.text, n.role, n.unit) for n in s.numbers] for s in extract(
        "Giá trị sản xuất đạt 9.213 tỷ đồng, đạt 105 kế hoạch, tăng 4,18% so với năm 2019. "
        "Huyện ban hành 3 kế hoạch.", default_period="2020")]
    assert got == [[("9.213", "actual", "tỷ đồng"), ("105", "attainment", "%"),
                    ("4,18", "change", "%")], [("3", "actual", "kế hoạch")]]


def test_plans_a_line_names_as_a_years_targets_end_with_their_paragraph():
    text = ("1. Chỉ tiêu kế hoạch năm 2020\n"
            "- Giá trị sản xuất công nghiệp: 803.300 tỷ đồng.\n"
            "\n"
            "Tính đến hết tháng 10-2019, giá trị sản xuất công nghiệp toàn tỉnh ước đạt hơn 604 "
            "nghìn tỷ đồng.")
    assert _roles_of(text, "2019") == [("803.300", "target"), ("604", "actual")]


def test_a_share_of_the_whole_count_after_tren_tong_so_is_a_share():
    assert _roles_of("Giải quyết 12.525 vụ, đạt 85,69% trên tổng số án thụ lý. Thu ngân sách "
                     "đạt 1.200 tỷ đồng, đạt 95% trên kế hoạch.") == [
        ("12.525", "actual"), ("85,69", "actual"), ("1.200", "actual"), ("95", "attainment")]


def test_passing_the_plan_named_after_a_few_words_is_a_verdict():
    assert _status_by_figure(
        "Kim ngạch xuất khẩu 7 tháng đạt hơn 3,26 tỷ USD, tăng gần 12%, vượt tốc độ tăng trưởng "
        "kế hoạch đề ra. Thu ngân sách trên địa bàn 2.277 tỷ đồng, vượt cao so với kế hoạch. "
        "Doanh nghiệp đã vượt qua khó khăn, hoàn thành 120 dự án theo kế hoạch. Có 11 chỉ tiêu "
        "đạt; 2 chỉ tiêu đạt xấp xỉ kế hoạch; thu ngân sách đạt 3.494 tỷ đồng, vượt nhiều chỉ "
        "tiêu đề ra.", "2024",
    ) == {"3,26": "achieved", "2.277": "achieved", "120": None, "11": "achieved", "2": None,
          "3.494": None}


def test_passing_what_the_plan_sets_theo_ke_hoach_is_a_verdict():
    assert _status_by_figure(
        "Kim ngạch xuất khẩu 7 tháng đạt hơn 3,26 tỷ USD, tăng gần 12%, vượt tốc độ tăng trưởng "
        "theo kế hoạch. Doanh nghiệp đã vượt qua khó khăn theo kế hoạch, nộp 45 tỷ đồng.", "2024",
    ) == {"3,26": "achieved", "45": None}


def test_a_verdict_on_targets_compared_with_a_year_then_nhu_opens_a_list():
    assert _status_by_figure(
        "Các chỉ tiêu nghiệp vụ đều hoàn thành, nhiều tiêu chí vượt chỉ tiêu của ngành giao và cao "
        "hơn cùng kỳ năm 2017, như: tỷ lệ giải quyết tin báo đạt 98,94%; xác định 181 vụ án "
        "trọng điểm, đạt tỷ lệ 12,54%; án rút gọn 49 vụ.", "2018",
    ) == {"98,94": "achieved", "181": "achieved", "49": "achieved"}


def test_a_heading_in_capitals_glued_to_its_line_heads_the_plans_of_that_line_only():
    text = ("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025 I. Về kinh tế (11 chỉ tiêu) 1. Tốc độ "
            "tăng giá trị sản xuất bình quân hàng năm đạt 16%. 2. Thu nhập bình quân đầu người/năm "
            "đến năm 2025: 60 triệu đồng.\n"
            "Năm 2020, thu nhập bình quân đầu người đạt 38 triệu đồng.")
    assert _roles_of(text, None) == [
        ("11", "target"), ("16", "target"), ("60", "target"), ("38", "actual")]
    # a heading of results glued to its line heads no plans
    text = "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2020 Thu nhập bình quân đầu người đạt 38 triệu đồng."
    assert _roles_of(text, None) == [("38", "actual")]


def test_the_capital_allocated_is_the_plan_of_what_is_disbursed_but_not_what_is_left():
    assert _roles_of(
        "UBND tỉnh đã phân bổ 7.309,85 tỉ đồng, đến ngày 19/02/2024 đã giải ngân 1.250 tỉ đồng. "
        "Vốn huyện quản lý hơn 1.630 tỉ đồng. Đã phân bổ 950 tỷ đồng, đạt 95% kế hoạch vốn. "
        "Số vốn chưa được các bộ, cơ quan Trung ương phân bổ chi tiết là hơn 7.124,3 tỷ đồng."
    ) == [("7.309,85", "target"), ("1.250", "actual"), ("1.630", "target"), ("950", "actual"),
          ("95", "attainment"), ("7.124,3", "actual")]


def test_a_verdict_closing_its_sentence_then_its_cause_leads_the_detail():
    text = ("Năm 2020 nhiều chỉ tiêu kinh tế của thành phố không đạt do tác động của đại dịch "
            "COVID-19.\nCụ thể, tăng trưởng kinh tế chỉ đạt 4,29%.")
    assert _status_by_figure(text, "2020") == {"4,29": "not_achieved"}
    # one body singled out leads nothing
    text = ("Riêng huyện Cát Hải có số thu tiền thuê đất vượt dự toán thành phố giao, do thu tiền "
            "thuê đất gia hạn.\n\nNăm 2023, thu ngân sách trên địa bàn đạt 103.619 tỷ đồng.")
    assert _status_by_figure(text, "2023") == {"103.619": None}


def test_a_result_told_against_the_plan_after_nhung_is_no_plan():
    assert _roles_of(
        "Kế hoạch năm 2020 phấn đấu đạt 6,3 triệu lượt khách nhưng đến cuối năm chỉ 3,6 triệu "
        "lượt khách, đạt 57,1% so với kế hoạch. Thành phố cũng đề ra kế hoạch kim ngạch xuất "
        "khẩu đạt 102 triệu USD, nhưng cuối năm chỉ đạt 81,71 triệu USD.", "2020"
    ) == [("6,3", "target"), ("3,6", "actual"), ("57,1", "attainment"), ("102", "target"),
          ("81,71", "actual")]


def test_the_resolutions_figures_named_by_who_passed_it_or_set_against_a_result_are_plans():
    assert _roles_of(
        "Giá trị sản xuất ước đạt 9% (NQHĐND là 9-9,5%). Tỷ lệ bảo hiểm y tế toàn dân đạt 72% "
        "(so với 80 – 82% Nghị quyết HĐND), kim ngạch xuất khẩu đạt 114 triệu USD (so với 250 - "
        "260 triệu USD Nghị quyết HĐND). Công nghiệp chỉ tăng 9,9% trong khi Nghị quyết HĐND đề "
        "ra là 11,5 – 12%.", "2019"
    ) == [("9", "actual"), ("9", "target"), ("9,5", "target"), ("72", "actual"),
          ("80", "target"), ("82", "target"), ("114", "actual"), ("250", "target"),
          ("260", "target"), ("9,9", "actual"), ("11,5", "target"), ("12", "target")]


def test_a_verdict_on_the_targets_set_does_not_make_the_next_line_plans():
    text = ("Trồng rừng tập trung đạt 1.094,6 ha. So với những năm trước, đây là năm có kết quả "
            "trồng rừng đạt vượt chỉ tiêu kế hoạch được giao.\n"
            "Diện tích rừng trồng mới tập trung nhiều ở huyện Đắk Glong 744,9 ha và huyện Krông "
            "Nô 213,7 ha.")
    assert _roles_of(text, "2019") == [("1.094,6", "actual"), ("744,9", "actual"),
                                       ("213,7", "actual")]
    text = ("Trồng rừng tập trung đạt 1.094,6 ha. Các chỉ tiêu năm 2020 đã được HĐND tỉnh thông "
            "qua.\n"
            "Diện tích rừng trồng mới 744,9 ha.")
    assert _roles_of(text, "2019") == [("1.094,6", "actual"), ("744,9", "target")]


def test_a_verdict_on_a_list_of_plans_or_on_the_level_set_leads_the_figures_after_it():
    # the plans listed with a comma
    text = ("Năm 2024, ngành chăn nuôi đạt và vượt mức so với chỉ tiêu, kế hoạch đề ra. Tổng đàn "
            "bò 8.120 con, đàn lợn 25.400 con.")
    assert _status_by_figure(text, "2024") == {"8.120": "achieved", "25.400": "achieved"}
    # an adverb after the verb, then the targets and tasks set
    text = ("Năm qua, ngành đã hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ được giao. Trong đó, "
            "doanh thu bán lẻ đạt 9.300 tỷ đồng.")
    assert _status_by_figure(text, "2024") == {"9.300": "achieved"}
    # the level set ("mức đề ra")
    text = ("Các chương trình việc làm của cả giai đoạn đều đã đạt và vượt mức đề ra. Toàn huyện "
            "đã đào tạo nghề cho 4.200 lao động.")
    assert _status_by_figure(text, "2024") == {"4.200": "achieved"}
    # a comma before another claim still ends the verdict's plan
    text = ("Ngành chăn nuôi đạt kế hoạch, tăng trưởng khá. Doanh thu bán lẻ đạt 9.300 tỷ "
            "đồng.")
    assert _status_by_figure(text, "2024") == {"9.300": None}


def test_an_amount_written_in_two_scales_is_one_number_in_the_smaller():
    [st] = extract("Huyện giải ngân 12 tỷ 305 triệu đồng.", default_period="2024")
    [n] = st.numbers
    assert (n.text, n.value, n.unit) == ("12 tỷ 305", 12305, "triệu đồng")
    [st] = extract("Mỗi hộ được hỗ trợ 3 triệu 200 nghìn đồng.", default_period="2024")
    assert [(n.text, n.value, n.unit) for n in st.numbers] == [("3 triệu 200", 3200, "nghìn đồng")]
    # two amounts, not one: a comma between them, or scales that do not follow on
    assert [n.text for s in extract("Thu 5 tỷ, 200 triệu đồng từ phí.", default_period="2024")
            for n in s.numbers] == ["5", "200"]
    assert [n.text for s in extract("Vốn 5 tỷ 200 tấn hàng.", default_period="2024")
            for n in s.numbers] == ["5", "200"]


def test_the_capital_given_or_allocated_is_the_plan_of_what_is_disbursed():
    assert _roles_of(
        "Năm 2022 huyện được phân bổ kế hoạch vốn để xây dựng trường học là 48.210 triệu đồng. "
        "Xã được giao các nguồn vốn trên 9 tỷ 120 triệu đồng, đã giải ngân 7 tỷ 15 triệu đồng. "
        "Tỉnh đã giao và phân bổ chi tiết kế hoạch vốn với tổng số vốn là 3.120 tỷ đồng. "
        "Tổng kế hoạch vốn giao cho huyện Bù Đốp (tỉnh Bình Phước) là 210,5 tỷ đồng.", "2022"
    ) == [("48.210", "target"), ("9 tỷ 120", "target"), ("7 tỷ 15", "actual"),
          ("3.120", "target"), ("210,5", "target")]
    # what was disbursed of the capital is no plan, nor is capital handed over
    assert _roles_of("Huyện bố trí vốn đã giải ngân được 310 tỷ đồng.", "2022") == [
        ("310", "actual")]
    assert _roles_of("Chủ đầu tư đã bàn giao vốn còn lại là 12 tỷ đồng.", "2022") == [
        ("12", "actual")]


def test_a_share_of_the_plan_striven_for_after_a_time_is_a_plan():
    assert _roles_of("Tỉnh phấn đấu đến hết tháng 9, giải ngân đạt 70% kế hoạch vốn.", "2022") == [
        ("70", "target")]
    # an estimate of the result is not
    assert _roles_of("Dự kiến đến cuối năm, giải ngân đạt 95% kế hoạch vốn.", "2022") == [
        ("95", "attainment")]


def test_a_verdict_closing_on_dat_duoc_leads_a_detail():
    text = ("Đa số các chỉ tiêu Hội đồng nhân dân đặt ra đã đạt được. Trong đó, thu ngân sách đạt "
            "1.250 tỷ đồng.")
    assert _status_by_figure(text, "2023") == {"1.250": "achieved"}


def test_a_ratio_to_what_was_done_in_an_earlier_period_is_a_change():
    assert _roles_of(
        "Thu nội địa đạt 2.310 tỷ đồng, đạt 80,5% dự toán và bằng 104,2% so với thực hiện cùng "
        "kỳ năm 2022; thu từ đất bằng 96,1% so với số thu cùng kỳ.", "2023-09"
    ) == [("2.310", "actual"), ("80,5", "attainment"), ("104,2", "change"), ("96,1", "change")]
    # a growth striven for against last year's result is a plan
    assert _roles_of("(1) Phấn đấu tăng trưởng GRDP năm 2024 đạt 7,5% so với thực hiện năm "
                     "2023; (2) GRDP bình quân đầu người đạt 90 triệu đồng.", "2024") == [
        ("7,5", "target"), ("90", "target")]


def test_the_sentences_after_an_aim_that_only_say_reached_go_on_with_its_plans():
    # "phấn đấu … đạt", then figures "đạt" in the same paragraph, with no word of a result
    assert _roles_of("Năm 2026, ngành phấn đấu giá trị sản xuất công nghiệp đạt 52.000 tỷ "
                     "đồng. Doanh thu bán lẻ hàng hóa đạt 18.400 tỷ đồng. Kim ngạch xuất khẩu "
                     "đạt 1,2 tỷ USD, trong đó hàng nông sản đạt 420 triệu USD.", "2025") == [
        ("52.000", "target"), ("18.400", "target"), ("1,2", "target"), ("420", "target")]


@pytest.mark.parametrize("text", [
    # the figure after it tells a result ("đã", "so với")
    "Năm 2026, ngành phấn đấu giá trị sản xuất đạt 52.000 tỷ đồng. Năm 2025 doanh thu bán lẻ "
    "đã đạt 18.400 tỷ đồng.",
    "Năm 2026, ngành phấn đấu giá trị sản xuất đạt 52.000 tỷ đồng. Doanh thu bán lẻ đạt "
    "18.400 tỷ đồng, tăng 8% so với năm trước.",
    # an estimate is no aim
    "Tỷ lệ hộ nghèo cuối năm dự kiến còn 2,9%. Doanh thu bán lẻ đạt 18.400 tỷ đồng.",
    # the aim ends with its paragraph
    "Năm 2026, ngành phấn đấu giá trị sản xuất đạt 52.000 tỷ đồng.\n"
    "Doanh thu bán lẻ đạt 18.400 tỷ đồng.",
])
def test_an_aim_does_not_run_into_a_figure_that_tells_a_result(text):
    roles = dict(_roles_of(text, "2025"))
    assert roles["18.400"] == "actual"


def test_the_tasks_set_done_well_lead_the_figures_of_their_paragraph():
    text = ("Năm 2025, Sở Nông nghiệp hoàn thành tốt các nhiệm vụ được giao. Tổng sản lượng "
            "lương thực đạt 412.000 tấn. Giá trị sản xuất nông nghiệp đạt 9.850 tỷ đồng.")
    assert _status_by_figure(text, "2025") == {"412.000": "achieved", "9.850": "achieved"}
    # a body rated as having done its task is no verdict on the figures after it
    rated = ("Năm 2025, có 12 chi bộ hoàn thành nhiệm vụ. Tổng sản lượng lương thực đạt "
             "412.000 tấn.")
    assert _status_by_figure(rated, "2025")["412.000"] is None


def test_a_share_of_the_resolutions_plan_written_khnq_is_an_attainment():
    assert _roles_of("Tổng thu ngân sách trên địa bàn đạt 96,4 tỷ đồng, bằng 61% KHNQ.") == [
        ("96,4", "actual"), ("61", "attainment")]


def test_the_procedures_cut_are_a_count_of_what_was_done_not_a_change():
    assert _roles_of("Năm 2024, tỉnh đã cắt giảm 45 thủ tục hành chính, đơn giản hóa 120 thủ "
                     "tục.") == [("45", "actual"), ("120", "actual")]
    assert _roles_of("Số hồ sơ trực tuyến giảm 12% so với năm 2023.") == [("12", "change")]


def test_a_budget_estimate_given_as_the_verb_makes_its_change_a_plan():
    assert _roles_of("Tổng thu ngân sách trên địa bàn năm 2025 dự toán 16.500 tỷ đồng, tăng 8% "
                     "so với năm 2024.", "2024") == [("16.500", "target"), ("8", "target")]
    # the estimate as a basis leads no plan
    assert _roles_of("Thu ngân sách đạt 15.230 tỷ đồng, vượt 12,4% dự toán; chi ngân sách "
                     "21.300 tỷ đồng.") == [
        ("15.230", "actual"), ("12,4", "change"), ("21.300", "actual")]


def test_a_verdict_before_the_brackets_that_give_the_result_and_its_plan_judges_them():
    assert _status_by_figure("Chỉ tiêu tỷ lệ đô thị hóa chưa hoàn thành (đạt 28,5%, kế hoạch "
                             "30%).", "2024") == {"28,5": "not_achieved"}
    # brackets without a plan are no result judged ("… đã hoàn thành (chiếm 91,8%)")
    assert _status_by_figure("Có 2.501 nhiệm vụ đã hoàn thành (chiếm 91,8%).", "2024") == {
        "2.501": None}


def test_the_estimates_a_council_adjusts_are_plans_listed_after_its_colon_and_below():
    text = ("Điều chỉnh dự toán thu ngân sách nhà nước trên địa bàn như sau: Tổng thu ngân sách "
            "nhà nước trên địa bàn: 17.726 tỷ đồng, trong đó: ngân sách cấp tỉnh: 10.075 tỷ "
            "đồng. Thu nội địa: 16.016 tỷ đồng.\n"
            "Chi thường xuyên: 31.408 tỷ đồng.\n\n"
            "Thu ngân sách 6 tháng đạt 9.120 tỷ đồng.")
    assert _roles_of(text, "2025") == [
        ("17.726", "target"), ("10.075", "target"), ("16.016", "target"), ("31.408", "target"),
        ("9.120", "actual")]
    assert [s.indicator for s in extract(text, default_period="2025")][:3] == [
        "Tổng thu ngân sách nhà nước trên địa bàn", "Ngân sách cấp tỉnh", "Thu nội địa"]


def test_a_list_of_what_was_done_with_the_plan_is_no_list_of_estimates():
    assert _roles_of("Kết quả thực hiện kế hoạch vốn được giao năm 2024 như sau: Tổng vốn đã "
                     "giải ngân: 4.120 tỷ đồng.") == [("4.120", "actual")]


def test_a_sentence_that_opens_on_the_plan_and_gives_its_figure_gives_plans():
    text = ("Theo kế hoạch, tổng vốn đầu tư công năm 2025 của tỉnh là 4.029 tỷ đồng, trong đó "
            "vốn ngân sách địa phương 2.091 tỷ đồng.")
    assert _roles_of(text, "2025") == [("4.029", "target"), ("2.091", "target")]
    assert extract(text, default_period="2025")[0].indicator == (
        "Tổng vốn đầu tư công năm 2025 của tỉnh")
    # a result told, or a schedule, is no plan's figure
    assert _roles_of("Theo kế hoạch, đến nay tỉnh đã giải ngân 6.100 tỷ đồng.") == [
        ("6.100", "actual")]
    assert _roles_of("Theo kế hoạch, kỳ họp xem xét 12 báo cáo và 26 tờ trình.") == [
        ("12", "actual"), ("26", "actual")]


def test_the_capital_given_with_a_bound_is_the_plan():
    assert _roles_of("Năm 2025, tổng vốn đầu tư công của tỉnh được giao hơn 15.640 tỷ đồng; "
                     "đến hết tháng 9 đã giải ngân 7.200 tỷ đồng.", "2025") == [
        ("15.640", "target"), ("7.200", "actual")]


def test_a_spread_of_prices_is_what_prices_are_not_a_plan():
    assert _roles_of("Giá lúa tương đối ổn định (lúa thường từ 4.500-5.700 đồng/kg, lúa đặc sản "
                     "từ 5.400-8.000 đồng/kg).", "2019") == [
        ("4.500", "actual"), ("5.700", "actual"), ("5.400", "actual"), ("8.000", "actual")]
    # a range of a value set out with no result told is still a plan
    assert _roles_of("Giá trị sản xuất nông nghiệp 1.200-1.300 tỷ đồng.", "2019") == [
        ("1.200", "target"), ("1.300", "target")]


def test_the_contents_of_a_growth_scenario_issued_are_plans():
    text = ("Tỉnh đã xây dựng và ban hành kịch bản tăng trưởng kinh tế năm 2026. Các nội dung chủ "
            "yếu như: tăng trưởng GRDP đạt 9,5%, thu ngân sách ước đạt 24.500 tỷ đồng, tăng 12% "
            "so với năm 2025.")
    assert _roles_of(text, "2026") == [("9,5", "target"), ("24.500", "target"), ("12", "target")]
    # a title under it is no content of the scenario
    titled = ("Năm 2026, tỉnh đã xây dựng kịch bản tăng trưởng kinh tế.\n"
              "Bộ trưởng làm việc với tỉnh về nguồn vốn 12.000 tỷ đồng")
    assert _roles_of(titled, "2026") == [("12.000", "actual")]


def test_a_ratio_to_an_earlier_term_is_a_change():
    assert _roles_of("Ủy ban kiểm tra các cấp đã thi hành kỷ luật 57 tổ chức đảng, bằng 518,2% so "
                     "với nửa nhiệm kỳ 2015 - 2020.", "2023") == [
        ("57", "actual"), ("518,2", "change")]


def test_an_amount_in_brackets_after_a_rate_of_change_is_the_level_it_is_of():
    assert _roles_of("Tổng vốn đầu tư toàn xã hội tăng 3,67% (12.640 tỷ đồng).", "2024") == [
        ("3,67", "change"), ("12.640", "actual")]
    # a rate in brackets after an amount of change is that change again
    assert _roles_of("Thu BHXH tự nguyện 2.113 triệu đồng, tăng 434 triệu đồng (25,85%) so với "
                     "cùng kỳ.", "2024") == [
        ("2.113", "actual"), ("434", "change"), ("25,85", "change")]


def test_a_concession_about_the_same_figure_stays_in_its_statement():
    # "dù tăng 5% …" names nothing: the change is the revenue's, and so is the verdict after
    # "nhưng"; the basis of the change ends before "nhưng"
    got = [(s.indicator, s.status, [(n.text, n.role, n.basis) for n in s.numbers])
           for s in extract("Thu ngân sách đạt 1.200 tỷ đồng, đạt 92% dự toán, dù tăng 5% so "
                            "với cùng kỳ nhưng vẫn không đạt dự toán. Xuất khẩu đạt 300 triệu "
                            "USD, mặc dù giảm 2% so với cùng kỳ.", default_period="2024")]
    assert got == [
        ("Thu ngân sách", "not_achieved", [("1.200", "actual", None),
                                           ("92", "attainment", "dự toán"),
                                           ("5", "change", "cùng kỳ")]),
        ("Xuất khẩu", None, [("300", "actual", None), ("2", "change", "cùng kỳ")])]


def test_the_level_a_criterion_requires_is_its_plan_and_the_verdict_before_it_judges_it():
    got = [(s.status, [(n.text, n.role) for n in s.numbers])
           for s in extract("Xã có 18/19 tiêu chí đạt chuẩn; tiêu chí thu nhập chưa đạt (bình "
                            "quân 45 triệu đồng/người/năm, yêu cầu 50 triệu đồng). Tổng số hồ sơ "
                            "yêu cầu giải quyết là 1.200 hồ sơ.", default_period="2024")]
    assert got == [(None, [("18", "part"), ("19", "part")]),
                   ("not_achieved", [("45", "actual"), ("50", "target")]),
                   (None, [("1.200", "actual")])]


def test_a_figure_between_the_plan_named_and_who_set_it_is_the_plan():
    assert _roles_of(
        "Tốc độ tăng trưởng kinh tế đạt 7,5%, vượt mục tiêu 7% đề ra. Tỷ lệ giải ngân đạt 88%, "
        "chưa đạt mục tiêu 95% Thủ tướng giao. Tỷ lệ hộ nghèo còn 1,2%, thấp hơn chỉ tiêu 1,5% "
        "của Nghị quyết. Giải ngân đạt 4.520 tỷ đồng, không đạt mục tiêu giải ngân trên 95% đề "
        "ra. Tốc độ tăng trưởng đạt 7,36%, vượt mục tiêu Nghị quyết 0,36%.") == [
        ("7,5", "actual"), ("7", "target"), ("88", "actual"), ("95", "target"),
        ("1,2", "actual"), ("1,5", "target"), ("4.520", "actual"), ("95", "target"),
        ("7,36", "actual"), ("0,36", "change")]


def test_all_targets_counted_met_lead_the_figures_after_them_a_hedge_elsewhere_aside():
    # "có nhiều chuyển biến" is said of the work, not of the targets: all 15 were met
    assert _status_by_figure(
        "Trong năm, phong trào nông dân có nhiều chuyển biến tích cực, nội dung, phương thức hoạt "
        "động không ngừng được đổi mới, 15 chỉ tiêu thi đua đều đạt và vượt kế hoạch. Toàn tỉnh "
        "có 10.956 hộ sản xuất kinh doanh giỏi (đạt 353,41% kế hoạch), xây dựng được 280 mô "
        "hình; vận động nông dân đóng góp trên 11,4 tỷ đồng.\n"
        "Năm 2019, nhiều chỉ tiêu đều đạt kế hoạch. Thu ngân sách đạt 120 tỷ đồng.",
        "2018",
    ) == {"15": "achieved", "10.956": "achieved", "280": "achieved", "11,4": "achieved",
          "120": None}


def test_a_verdict_given_in_passing_leads_the_detail_that_opens_on_cu_the():
    assert _status_by_figure(
        "Cả nước đã triển khai trên 10.500 mô hình sinh kế; đạt mục tiêu 100% lao động thuộc hộ "
        "nghèo có nhu cầu được tư vấn, hướng nghiệp.\nCụ thể, các đơn vị đã tổ chức gần 6.300 "
        "phiên giao dịch việc làm; cập nhật thông tin hơn 1,1 triệu người sử dụng lao động.\n"
        "Thu ngân sách đạt 1.200 tỷ đồng, vượt dự toán. Trong đó, thu nội địa đạt 1.000 tỷ đồng. "
        "Xuất khẩu đạt 300 triệu USD, vượt kế hoạch. Nhập khẩu đạt 200 triệu USD.",
        "2025",
    ) == {"10.500": "achieved", "6.300": "achieved", "1,1": "achieved", "1.200": "achieved",
          "1.000": None, "300": "achieved", "200": None}


def test_a_share_of_the_plans_capital_and_a_goal_set_with_its_verb():
    assert _roles_of(
        "Bộ giải ngân vốn đầu tư công đạt hơn 47.900 tỷ đồng (đã đạt 87% vốn kế hoạch). Bộ vẫn "
        "đặt mục tiêu giải ngân vốn đầu tư công năm nay thấp nhất đạt 90% kế hoạch được giao. "
        "Tỉnh đặt ra mục tiêu năm 2023 thu ngân sách đạt 12.000 tỷ đồng.", "2022") == [
        ("47.900", "actual"), ("87", "attainment"), ("90", "target"), ("12.000", "target")]


def test_the_plans_capital_named_before_its_figure_is_a_plan():
    assert _roles_of(
        "Kế hoạch vốn đầu tư công hơn 94.000 tỷ đồng là con số rất lớn; giải ngân kế hoạch vốn "
        "đầu tư công tăng 2 điểm %.", "2022") == [("94.000", "target"), ("2", "change")]


def test_a_change_an_obligation_names_is_a_plan_and_the_level_compared_with_is_not():
    # a purpose ("Để đạt được …") is no verdict, and the subject is named after it
    [st] = extract("Để đạt được mục tiêu này, GDP quý 4/2023 cần tăng 10,6%, cao gấp đôi so "
                   "với mức 5,33% trong quý 3.", default_period="2023")
    assert [(n.text, n.role) for n in st.numbers] == [("10,6", "target"), ("5,33", "actual")]
    assert (st.status, st.indicator) == (None, "GDP quý 4/2023")


def test_what_is_still_to_be_done_is_a_plan():
    assert _roles_of("Số người còn phải phát triển 06 tháng cuối năm là 683.761 người; đến "
                     "nay đã phát triển 674.772 người.", "2019") == [
        ("683.761", "target"), ("674.772", "actual")]


def test_a_range_of_rates_with_the_sign_written_at_each_end():
    assert _roles_of("Tăng trưởng GDP đạt 5,03%, thấp hơn nhiều so với chỉ tiêu 6%-6,5% đề ra.",
                     "2012") == [("5,03", "actual"), ("6", "target"), ("6,5", "target")]


def test_an_amount_done_over_the_amount_planned_with_the_unit_in_full_at_its_end():
    assert _roles_of("Thu ngân sách đạt 61,7 tỷ/68,6 tỷ đồng, đạt 89,7% kế hoạch.", "2016") == [
        ("61,7", "actual"), ("68,6", "target"), ("89,7", "attainment")]


def test_a_plan_set_then_told_as_a_clause_after_la():
    assert _roles_of("Nghị quyết Đại hội Đảng bộ tỉnh đề ra là mỗi năm phát triển 2.000 đảng "
                     "viên mới.", "2016") == [("2.000", "target")]


def test_the_plan_compared_with_named_with_when_it_was_set():
    assert _roles_of("Kim ngạch xuất khẩu đạt 4,36 tỷ USD, vượt so với kế hoạch đề ra đầu năm "
                     "2022 là 8,42 tỷ USD.", "2022") == [("4,36", "actual"), ("8,42", "target")]


def test_what_was_done_after_the_plan_set_is_no_plan():
    assert _roles_of("Kế hoạch đề ra là 100 tỷ đồng, thực hiện được 90 tỷ đồng.", "2022") == [
        ("100", "target"), ("90", "actual")]


def test_how_many_targets_were_set_is_a_count_not_a_plan():
    assert _roles_of("Năm 2022, huyện đề ra 26 chỉ tiêu; Chính phủ giao 30 chỉ tiêu và 102 "
                     "nhiệm vụ. Xã phấn đấu hoàn thành 20 nhiệm vụ.", "2022") == [
        ("26", "actual"), ("30", "actual"), ("102", "actual"), ("20", "target")]


def test_the_ministry_of_foreign_affairs_gives_no_plan():
    assert _roles_of("Các đơn vị giải ngân thấp: Hội Nhà văn (5,42%); Bộ Ngoại giao (11,87%).",
                     "2022") == [("5,42", "actual"), ("11,87", "actual")]


@pytest.mark.parametrize("text", [
    "Cần Thơ mới giải ngân được 33,8% vốn đầu tư công theo kế hoạch.",
    "Chi thường xuyên đạt 33,8% dự toán1, tăng 7,76%.",
])
def test_a_share_of_the_plans_capital_or_of_a_plan_with_a_footnote_mark(text):
    assert _roles_of(text, "2022")[0] == ("33,8", "attainment")


def test_the_share_the_targets_counted_reach_is_of_their_plans():
    assert _roles_of("Có 6/27 chỉ tiêu vượt, 14/27 chỉ tiêu đạt từ 50% trở lên; 1 chỉ tiêu đạt "
                     "dưới 50%.", "2022") == [
        ("6", "part"), ("27", "part"), ("14", "part"), ("27", "part"), ("50", "attainment"),
        ("1", "actual"), ("50", "attainment")]


def test_passing_the_upper_bound_of_a_scenario_is_a_verdict():
    assert _status_by_figure(
        "Tính chung 6 tháng, GDP tăng 6,42%, cao hơn nhiều mức tăng cùng kỳ năm 2023 (3,84%) và "
        "vượt cận trên trong kịch bản tăng trưởng 6 tháng tại NQ 01 (5,5-6%).", "2024-06",
    ) == {"6,42": "achieved"}


def test_a_verdict_opening_a_list_after_what_the_plan_was_compared_with():
    got = {(n.text, s.status) for s in extract(
        "Có 1 chỉ tiêu không đạt kế hoạch so với kết quả đã báo cáo Quốc hội là chỉ tiêu giảm "
        "tỷ suất tiêu hao năng lượng, chỉ đạt 0,5%, trong khi kế hoạch đề ra là 1,5%.",
        default_period="2017") for n in s.numbers}
    assert ("0,5", "not_achieved") in got and ("1,5", "not_achieved") in got


def test_a_target_named_as_not_met_in_a_year_leads_its_figures():
    assert _status_by_figure(
        "Chỉ tiêu không đạt trong năm 2017 là tỷ suất tiêu hao năng lượng. Tỷ suất tiêu hao "
        "năng lượng chỉ giảm 0,5%. Thu ngân sách đạt 100 tỷ đồng.", "2017",
    ) == {"0,5": "not_achieved", "100": None}


def test_a_verdict_closing_the_objects_of_one_verb_judges_each():
    assert _status_by_figure(
        "Cả nước hoàn thành 3.345 km đường bộ cao tốc, 1.701 km đường bộ ven biển, vượt mục "
        "tiêu đặt ra. Thu ngân sách đạt 100 tỷ đồng, chi ngân sách 80 tỷ đồng, vượt dự toán. Có "
        "11 chỉ tiêu đạt, 7 chỉ tiêu còn khó khăn, không đạt kế hoạch.", "2025",
    ) == {"3.345": "achieved", "1.701": "achieved", "100": None, "80": "achieved", "11": "achieved",
          "7": "not_achieved"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Thu từ doanh nghiệp chỉ đạt 63,6% dự toán giao, thấp hơn tiến độ thu 11,4%.",
     [("63,6", "attainment"), ("11,4", "change")]),
    ("Chỉ số SIPAS đạt 81,83% (cao hơn trung bình cả nước 1,75%).",
     [("81,83", "actual"), ("1,75", "change")]),
    ("Thu ngân sách đạt 120 tỷ đồng, tăng so với cùng kỳ năm trước là 25,61%.",
     [("120", "actual"), ("25,61", "change")]),
    # the period's own figure, in brackets or after "là" without "so với"
    ("Tỷ lệ giải ngân đạt 58,33%, thấp hơn so với cùng kỳ năm 2021 (63,86%).",
     [("58,33", "actual"), ("63,86", "actual")]),
])
def test_a_change_against_the_schedule_an_average_or_the_period_named_in_full(text, expected):
    assert _roles_of(text, "2022") == expected


def test_a_count_out_of_a_total_named_before_it_is_a_pair_unless_the_total_is_broken_down():
    text = ("Trong tổng số 28 chỉ tiêu mà Nghị quyết đề ra, có 25 chỉ tiêu đạt và vượt kế hoạch. "
            "Trong tổng số 18 chỉ tiêu kế hoạch năm 2022, có 11 chỉ tiêu đạt, 7 chỉ tiêu không "
            "đạt kế hoạch.")
    assert _roles(text, "2022") == [[("28", "part"), ("25", "part")], [("18", "actual")],
                                    [("11", "actual")], [("7", "actual")]]


def test_a_verdict_closing_pairs_listed_as_the_objects_of_one_verb_judges_each():
    assert _status_by_figure(
        "Công an tỉnh đã hoàn thành việc thu nhận hồ sơ với 13/13 đơn vị công an cấp huyện, "
        "216/216 đơn vị công an cấp xã hoàn thành chỉ tiêu.", "2023") == {
        "13": "achieved", "216": "achieved"}


def test_the_resolutions_figure_in_brackets_after_the_result_compared_with_it_is_its_plan():
    [st] = extract("Tỷ lệ trường đạt chuẩn quốc gia 75%, không đạt so với Nghị quyết (80%).",
                   default_period="2024")
    assert [(n.text, n.role) for n in st.numbers] == [("75", "actual"), ("80", "target")]
    assert (st.status, st.indicator) == ("not_achieved", "Tỷ lệ trường đạt chuẩn quốc gia")


def test_the_plans_figure_after_who_set_it_and_la_is_the_plan():
    assert _roles_of("Tốc độ tăng trưởng GRDP ước đạt 11,72%, vượt kế hoạch đề ra là 11%; tỷ "
                     "lệ bao phủ BHYT đạt 91%, vượt chỉ tiêu Quốc hội giao là 80%.", "2024") == [
        ("11,72", "actual"), ("11", "target"), ("91", "actual"), ("80", "target")]


def test_a_change_the_resolution_plans_in_brackets_joins_the_result_before_it():
    assert _roles(
        "Tổng giá trị sản xuất ước đạt hơn 8.151 tỉ đồng, so cùng kỳ tăng 11,44% (Nghị quyết "
        "tăng 6,5%).", "2024") == [
        [("8.151", "actual"), ("11,44", "actual"), ("6,5", "target")]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ngành thụ lý 1.954 vụ việc, đã giải quyết 1.632 vụ, đạt 83,52%.",
     [("1.954", "actual"), ("1.632", "actual"), ("83,52", "actual")]),
    ("Số hồ sơ đến hạn giải quyết là 4.169 hồ sơ. Đã trả đúng hạn 4.157 hồ sơ (đạt 99,71%).",
     [("4.169", "actual"), ("4.157", "actual"), ("99,71", "actual")]),
    # no whole it is the share of: the share of the plan reached
    ("Đảng bộ kết nạp 318 đảng viên, đạt 127,2%.", [("318", "actual"), ("127,2", "attainment")]),
])
def test_a_percent_after_a_count_that_is_its_share_of_a_whole_told_before(text, expected):
    assert _roles_of(text, "2022") == expected


def test_a_count_of_targets_met_leads_its_detail_after_a_year_and_how_the_count_moved():
    assert _status_by_figure(
        "6 tháng đầu năm, huyện có 28/41 chỉ tiêu đạt và vượt nghị quyết năm 2025 đề ra, tăng 11 "
        "chỉ tiêu so với quý I/2025. Cụ thể, thu ngân sách trên địa bàn hơn 1.097,8 tỷ đồng, đạt "
        "58,18% so với nghị quyết.", "2025-06") == {"28": None, "1.097,8": "achieved"}


def test_the_targets_counted_named_then_judged_at_the_end_of_their_sentence():
    assert _status_by_figure(
        "Các huyện mới thực hiện được 3/5 chỉ tiêu nghị quyết. 2 chỉ tiêu còn lại là thu gom, xử "
        "lý 100% chất thải rắn sinh hoạt và giảm tỷ lệ chôn lấp xuống dưới 15% chưa đạt.",
        "2020") == {"3": None, "2": "not_achieved", "100": "not_achieved", "15": "not_achieved"}


@pytest.mark.parametrize(("text", "expected"), [
    # the plan of a flow, named by its verb
    ("Kế hoạch giải ngân 700.000 tỷ đồng vốn đầu tư công năm nay sẽ khó đạt.",
     [("700.000", "target")]),
    # (not the plan's figure: the share of the disbursement plan reached)
    ("Kế hoạch giải ngân đạt 90%.", [("90", "attainment")]),
    # the total the plan sets
    ("Huyện kết nạp được 39 đảng viên mới trong tổng số 200 đảng viên mới theo kế hoạch năm "
     "2017.", [("39", "actual"), ("200", "target")]),
    # a share in brackets, its plan after the bracket
    ("Tổng thu ngân sách 6 tháng ước đạt hơn 181 tỷ đồng (gần 52%) so dự toán tỉnh giao.",
     [("181", "actual"), ("52", "attainment")]),
    # a change restated as a share of its basis
    ("Quyết toán là 214.053 tỷ đồng, giảm 129.617 tỷ đồng (37,7%) so với dự toán.",
     [("214.053", "actual"), ("129.617", "change"), ("37,7", "change")]),
])
def test_plans_of_a_flow_totals_a_plan_sets_and_shares_in_brackets(text, expected):
    assert _roles_of(text, "2023") == expected


def test_plans_listed_in_turn_after_figures_listed_in_turn_join_them_in_order():
    assert _roles(
        "Tỷ lệ thủ tục có phát sinh hồ sơ và hồ sơ trực tuyến mới chỉ đạt lần lượt 51,3% và "
        "54,8%, so với mục tiêu phải đạt 80% và 60%.", "2023") == [
        [("51,3", "actual"), ("80", "target")], [("54,8", "actual"), ("60", "target")]]


@pytest.mark.parametrize(("text", "expected"), [
    # a conjunction or "gần" before the verb names nothing: the clause goes on with its figure
    ("Thu ngân sách đạt 11.493 tỷ đồng, bằng 69,1% dự toán Trung ương giao, gần bằng 61,9% dự "
     "toán HĐND tỉnh giao.",
     [[("11.493", "actual"), ("69,1", "attainment"), ("61,9", "attainment")]]),
    # the plan told with "là gần", then "nhưng" and the result
    ("Năm 2019 dự toán thu từ đất là gần 15.000 tỷ đồng nhưng ước tính thu được chỉ 11.000 tỷ "
     "đồng (chỉ đạt 73,83%).",
     [[("15.000", "target"), ("11.000", "actual"), ("73,83", "attainment")]]),
    # the resolution's abbreviation names no indicator: each bracket is its figure's plan
    ("Tốc độ tăng trưởng giá trị sản xuất ước đạt 9% (NQHĐND là 9-9,5%); trong đó, công nghiệp "
     "– xây dựng tăng 9,6% (NQHĐND là 9 – 9,5%).",
     [[("9", "actual"), ("9", "target"), ("9,5", "target")],
      [("9,6", "actual"), ("9", "target"), ("9,5", "target")]]),
    # who set the plan, in brackets, names no indicator either
    ("Toàn tỉnh có hơn 1,3 triệu người tham gia BHYT, đạt 92,4% dân số toàn tỉnh (Bộ Y tế đặt "
     "mục tiêu chung 88,5%).",
     [[("1,3", "actual"), ("92,4", "actual"), ("88,5", "target")]]),
])
def test_words_that_name_nothing_leave_the_figure_in_its_statement(text, expected):
    assert _roles(text, "2020") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the same figure in another unit
    ("Trong đó, vốn ngân sách cấp tỉnh chiếm 54%, tương đương 2,6 nghìn tỷ đồng, tăng trên 59%; "
     "vốn ngân sách cấp huyện đạt trên 2,1 nghìn tỷ đồng.",
     [[("54", "actual"), ("2,6", "actual"), ("59", "change")], [("2,1", "actual")]]),
    # the count a share stands for, in brackets after an approximation or after "với"
    ("Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 năm 2021 đạt 68% (khoảng 81.446 dịch vụ).",
     [[("68", "actual"), ("81.446", "actual")]]),
    ("Dự kiến cuối năm 2020, tỷ lệ hộ nghèo là 1,17% với 687 hộ.",
     [[("1,17", "target"), ("687", "target")]]),
    # "chiếm tỉ lệ", spelled with "tỉ": the share of the count before it
    ("Đến nay, toàn xã còn 80 hộ nghèo, chiếm tỉ lệ 1,61%, người dân tham gia BHYT đạt hơn 95%.",
     [[("80", "actual"), ("1,61", "actual")], [("95", "actual")]]),
])
def test_a_figure_restated_or_stood_for_joins_the_figure_before(text, expected):
    assert _roles(text, "2021") == expected


def test_a_range_of_changes_and_a_level_before_and_after():
    # "tăng từ … đến … so với": a range of changes against one basis, in the plan it is part of
    assert _roles("Năm 2023, GRDP bình quân đầu người đạt 80,4 triệu đồng, tăng từ 10,20% đến "
                  "10,71% so với năm 2022.", "2023") == [
        [("80,4", "actual"), ("10,20", "change"), ("10,71", "change")]]
    # "giảm từ … đến …" written high to low, or "giảm từ … với … hộ": where it moved from, not a
    # floor set out as a plan
    assert _roles("Năm 2023, tỷ lệ hộ nghèo giảm từ 5,2% đến 3,1%.", "2023") == [
        [("5,2", "actual"), ("3,1", "actual")]]
    assert _roles("Tỷ lệ hộ cận nghèo giảm từ 3,49% với 1.925 hộ năm 2016 xuống còn 1,57% với "
                  "901 hộ năm 2019.", "2019")[0] == [("3,49", "actual"), ("1.925", "actual")]


def test_a_plan_set_inside_brackets_does_not_plan_the_clause_after_them():
    assert _roles("Đến nay, toàn tỉnh đạt 27,8 giường bệnh/vạn dân và 8,66 bác sĩ/vạn dân (năm "
                  "2018 Bộ Y tế đặt mục tiêu 26 giường bệnh và 8,6 bác sĩ/vạn dân); hơn 81% số "
                  "xã đạt chuẩn.", "2018") == [
        [("27,8", "actual"), ("26", "target")], [("8,66", "actual"), ("8,6", "target")],
        [("81", "actual")]]


@pytest.mark.parametrize(("text", "expected"), [
    # the amount a change or a share is equal to, after "tương đương"; a parenthesis after a
    # new clause's subject stays in that clause
    ("Thị trường châu Âu (chiếm tỷ trọng 6,33%) tăng 70,94% so với cùng kỳ, tương đương 302,95 "
     "triệu USD; thị trường châu Mỹ (chiếm 8,59% tỷ trọng) tăng 58,66%, tương đương 411,52 triệu "
     "USD.",
     [[("6,33", "actual"), ("70,94", "change"), ("302,95", "actual")],
      [("8,59", "actual"), ("58,66", "change"), ("411,52", "change")]]),
    # the money of what was counted is another quantity
    ("Trong quá trình kiểm soát, đã phát hiện 46 khoản chi không đúng quy định, tương đương với "
     "1,387 tỷ đồng.", [[("46", "actual")], [("1,387", "actual")]]),
    # people counted as "người" (in millions or not) are the people counted before
    ("Trong đó, tạo việc làm mới cho 10.000 lao động, tăng 500 người so với cùng kỳ năm 2018.",
     [[("10.000", "actual"), ("500", "change")]]),
    ("Toàn tỉnh đã có hơn 2,91 triệu người tham gia BHXH, BHYT; tăng 30.000 người so với năm "
     "2018.", [[("2,91", "actual"), ("30.000", "change")]]),
])
def test_an_amount_it_equals_and_people_counted_again_join_their_figure(text, expected):
    assert _roles(text, "2019") == expected


def test_what_was_disbursed_joins_the_amount_allocated_and_the_works_it_pays_stand_apart():
    assert _roles(
        "Trong đó, tỉnh bố trí 1 tỷ đồng thực hiện 1 công trình, đã giải ngân trên 804 triệu "
        "đồng, đạt 80,46% KH; huyện bố trí trên 18 tỷ 359 triệu đồng thực hiện 17 công trình, "
        "giải ngân trên 16 tỷ 990 triệu đồng, đạt 92,54% KH.", "2019") == [
        [("1", "target"), ("804", "actual"), ("80,46", "attainment")], [("1", "actual")],
        [("18 tỷ 359", "target"), ("16 tỷ 990", "actual"), ("92,54", "attainment")],
        [("17", "actual")]]
    assert _roles(
        "Trong đó, vốn tỉnh quản lý hơn 3.700 tỉ đồng, đến hết ngày 02/6/2021, giá trị khối "
        "lượng thực hiện 886 tỉ đồng và giải ngân 799 tỉ đồng.", "2021") == [
        [("3.700", "target"), ("799", "actual")], [("886", "actual")]]


def test_a_plan_set_year_by_year_is_one_statement_and_results_year_by_year_are_not():
    assert _roles("Theo Quyết định, chỉ tiêu thực hiện BHYT của tỉnh giai đoạn 2015 - 2020 như "
                  "sau: năm 2015 đạt 82,1%; năm 2016 đạt 85,3%; năm 2017 đạt 86,8%.", "2015") == [
        [("82,1", "target"), ("85,3", "target"), ("86,8", "target")]]
    assert _roles("Tỷ lệ bao phủ BHYT năm 2015 đạt 82,1%; năm 2016 đạt 85,3%.", "2016") == [
        [("82,1", "actual")], [("85,3", "actual")]]


@pytest.mark.parametrize(("text", "expected"), [
    # a bare % disbursed is the share of the capital plan; a rate named as one stays a rate
    ("Tính đến ngày 15.6, toàn tỉnh chỉ mới giải ngân 18,1% (1.372,2 tỷ đồng).",
     [[("18,1", "attainment"), ("1.372,2", "actual")]]),
    ("Tỷ lệ giải ngân vốn đầu tư công đạt 62%.", [[("62", "actual")]]),
    # an amount reaching a bare %, a clause of change after it without a comma
    ("Thu ngân sách đạt trên 50% tăng so với cùng kỳ năm trước là 25,61%.",
     [[("50", "attainment"), ("25,61", "change")]]),
    # the floor, then the plan
    ("Các địa phương đều có mức thu đạt từ 57% trở lên so với dự toán.", [[("57", "attainment")]]),
    # the change of a rate, then the level it reached
    ("Tỷ lệ hộ nghèo toàn tỉnh giảm được 0,66% xuống còn 2,16% so với năm 2020.",
     [[("0,66", "change"), ("2,16", "actual")]]),
    ("Tỷ lệ hộ nghèo đa chiều theo chuẩn mới giảm 1,86%, đưa tỷ lệ hộ nghèo chung của tỉnh xuống "
     "còn 5,93%.", [[("1,86", "change"), ("5,93", "actual")]]),
])
def test_shares_of_a_plan_reached_and_a_rate_changed_then_reached(text, expected):
    assert _roles(text, "2021") == expected


def test_a_verdict_with_its_plan_in_brackets_judges_the_figure_of_that_plan():
    got = extract("Giá trị tăng thêm toàn ngành ước tăng 14,21% (quý I tăng 13,2%, quý II tăng "
                  "13,57%), đóng góp 7,27 điểm phần trăm vào tăng trưởng chung, mặc dù chưa đạt "
                  "kế hoạch đề ra (kế hoạch tăng 14,85%), nhưng đây là mức tăng cao.",
                  default_period="2025")
    assert [(s.indicator, s.status, [(n.text, n.role) for n in s.numbers]) for s in got] == [
        ("Giá trị tăng thêm toàn ngành", "not_achieved",
         [("14,21", "actual"), ("14,85", "target")]),
        ("Giá trị tăng thêm toàn ngành", None, [("13,2", "change")]),
        ("Giá trị tăng thêm toàn ngành", None, [("13,57", "change")]),
        ("Đóng góp", None, [("7,27", "actual")]),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # "giảm nghèo" before its verb is a noun: the clause names its own figure
    ("Có 13 chỉ tiêu vượt kế hoạch giao, như: Diện tích trồng rừng mới đạt 118% kế hoạch; thu "
     "ngân sách đạt 116% kế hoạch; giảm nghèo đạt 122% kế hoạch.",
     [[("13", "actual")], [("118", "attainment")], [("116", "attainment")],
      [("122", "attainment")]]),
    # the same words in the next clause name another crop's plan
    ("Năm 2024, ngành nông nghiệp đặt chỉ tiêu trồng trọt 11.397,2ha. Cụ thể, diện tích lúa "
     "6.838,3ha, năng suất dự kiến 69,4 tạ/ha; bắp 1.025,2ha, năng suất dự kiến 60,2 tạ/ha.",
     [[("11.397,2", "target")], [("6.838,3", "target")], [("69,4", "target")],
      [("1.025,2", "target")], [("60,2", "target")]]),
    # a rank moved is another figure than the score
    ("Chỉ số PCI đạt 69,03 điểm (tăng 3,55 điểm) xếp vị trí thứ 9, tăng 6 bậc so với năm 2020.",
     [[("69,03", "actual"), ("3,55", "change")], [("6", "change")]]),
    # changes of different things counted
    ("Số vụ TNGT giảm cả 3 tiêu chí (giảm 11% vụ, giảm 16% số người chết và giảm 17% số người bị "
     "thương).",
     [[("3", "actual"), ("11", "change")], [("16", "change")], [("17", "change")]]),
    # earlier periods in brackets, each with its year, are statements of their own
    ("Tốc độ tăng trưởng kinh tế 6 tháng đầu năm tăng 7,61% so cùng kỳ (6 tháng đầu năm 2016 tăng "
     "7,4% và 6 tháng năm 2017 tăng 7,43%).",
     [[("7,61", "actual")], [("7,4", "actual")], [("7,43", "actual")]]),
])
def test_clauses_that_name_another_thing_counted_or_another_time(text, expected):
    assert _roles(text, "2018-06") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "tỉ lệ", spelled with "tỉ" or with two spaces, restates the count before it as a share
    ("Năm 2022, toàn huyện Phú Hòa có 29.396 gia đình đạt danh hiệu gia đình văn hóa, tỉ lệ "
     "97,3%.", [[("29.396", "actual"), ("97,3", "actual")]]),
    ("Số đảng viên mới kết nạp từ đầu năm đến nay là 1.932 đảng viên, đạt tỷ  lệ 96,6%.",
     [[("1.932", "actual"), ("96,6", "actual")]]),
    # the counted noun written shorter is the same count
    ("Tính đến hết quý I/2013, toàn Đảng bộ có 787 tổ chức cơ sở đảng (tăng 11 cơ sở đảng so "
     "với năm 2011).", [[("787", "actual"), ("11", "change")]]),
    # a pair in brackets after a comparison, with its noun and verb, counts things of its own
    ("Thu ngân sách tăng 41% so với cùng kỳ năm 2017 (12/17 khoản thu đạt dự toán).",
     [[("41", "change"), ("12", "part"), ("17", "part")]]),
])
def test_a_share_or_count_told_again_in_other_words_joins_its_figure(text, expected):
    assert _roles(text, "2013") == expected


def test_highlights_after_targets_met_and_not_met_are_results_met():
    counts = ("Năm 2020 có 17 chỉ tiêu vượt kế hoạch, 12 chỉ tiêu đạt kế hoạch, 1 chỉ tiêu không "
              "đạt. ")
    assert _status_by_figure(
        counts + "Nổi bật là: tốc độ tăng trưởng đạt 17,17%/năm; có thêm 2 xã đạt chuẩn nông "
        "thôn mới.", "2020") == {
        "17": "achieved", "12": "achieved", "1": "not_achieved", "17,17": "achieved",
        "2": "achieved"}
    # a detail ("Cụ thể, …") goes on with the targets the sentence closed on
    assert _status_by_figure(counts + "Cụ thể: tốc độ tăng trưởng đạt 17,17%/năm.", "2020")[
        "17,17"] == "not_achieved"


@pytest.mark.parametrize(("text", "status"), [
    # a ceiling passed is not met, though the word is "vượt"
    ("Bội chi NSNN cao hơn mức QH cho phép, năm 2015 khoảng 6,1% GDP.", "not_achieved"),
    ("Bội chi ngân sách nhà nước 3,4% GDP, vượt mức Quốc hội cho phép (3%).", "not_achieved"),
    # kept within it, met
    ("Lạm phát năm 2024 duy trì dưới 4%, trong ngưỡng Quốc hội cho phép.", "achieved"),
    ("Nợ công năm 2023 khoảng 37% GDP, thấp hơn nhiều so với ngưỡng cho phép.", "achieved"),
])
def test_a_ceiling_allowed_passed_or_kept_to(text, status):
    assert extract(text, default_period="2023")[0].status == status


def test_the_ceiling_allowed_in_brackets_is_the_plan():
    assert _roles("Bội chi ngân sách nhà nước 3,4% GDP, vượt mức Quốc hội cho phép (3%).",
                  "2023") == [[("3,4", "actual"), ("3", "target")]]


@pytest.mark.parametrize(("text", "expected"), [
    # a score out of the most it can be, and the share of that most: not a count done out of a
    # total, nor a share of a plan
    ("- Điểm thẩm định: Đạt 54,2/61,5 điểm tối đa (đạt 88,13%).",
     [[("54,2", "actual"), ("61,5", "actual"), ("88,13", "actual")]]),
    # a count in thousands over the whole told before it: the writer's share of that whole
    ("Số hồ sơ đã được giải quyết là trên 132 ngàn hồ sơ, trong đó hồ sơ giải quyết đúng hạn "
     "trên 130 ngàn (đạt trên 98%).",
     [[("132", "actual")], [("130", "actual"), ("98", "actual")]]),
    # the amount of the plan just named, in brackets after the share of it reached
    ("Vốn ngân sách thành phố đã giải ngân gần 5.966 tỷ đồng, đạt 24% kế hoạch thành phố giao "
     "(hơn 24.981 tỷ đồng).",
     [[("5.966", "actual"), ("24", "attainment"), ("24.981", "target")]]),
    # what was given in all, told with "là"
    ("Cụ thể, 28 chủ đầu tư dự án được thành phố giao tổng cộng là gần 16.400 tỷ đồng, đến "
     "ngày 20/6, đã giải ngân được 3.651 tỷ đồng, đạt 22,3% kế hoạch vốn.",
     [[("28", "actual")], [("16.400", "target"), ("3.651", "actual"), ("22,3", "attainment")]]),
])
def test_scores_out_of_a_maximum_shares_of_thousands_and_amounts_of_a_plan(text, expected):
    assert _roles(text, "2025") == expected


def test_times_of_day_are_no_figures_and_trade_unions_are_counted():
    got = extract("THỨ NĂM, 10/10/2019 10:53:08\nCập nhật 16:57. Theo tổng hợp, đã thành lập 45 "
                  "công đoàn cơ sở.", default_period="2019")
    assert [(n.text, n.unit) for s in got for n in s.numbers] == [("45", "công đoàn cơ sở")]


def test_who_gave_the_plan_in_brackets_names_no_statement_of_its_own():
    assert _roles("Hải Phòng giải ngân được 6.425 tỷ đồng vốn đầu tư công, bằng 25,3% kế hoạch "
                  "Thủ tướng và HĐND thành phố giao (hơn 25.440 tỷ đồng).", "2025") == [
        [("6.425", "actual"), ("25,3", "attainment"), ("25.440", "target")]]


def test_a_count_out_of_a_total_told_in_words_is_one_statement():
    assert _roles("Theo Ban Tổ chức Tỉnh ủy, năm 2019 toàn tỉnh có 662 trong tổng số 686 tổ chức "
                  "cơ sở đảng (TCCSĐ) được đánh giá, xếp loại.", "2019") == [
        [("662", "part"), ("686", "part")]]


def test_which_time_or_meeting_it_is_counts_nothing():
    # "năm thứ 5 liên tiếp", "kỳ họp thứ 9", "phiên họp thứ 14": which one, not a quantity
    assert _roles("Xuất khẩu đạt 3,2 tỷ USD, là năm thứ 5 liên tiếp vượt kế hoạch.") == [
        [("3,2", "actual")]]
    assert _roles("HĐND xã tổ chức kỳ họp thứ 9 đánh giá kết quả, thu ngân sách đạt 12 tỷ đồng.",
                  "2024") == [[("12", "actual")]]
    assert _roles("Tại phiên họp thứ 14 thông qua báo cáo, GRDP tăng 7,1%.", "2024") == [
        [("7,1", "change")]]


def test_dates_and_times_of_day_written_in_words_or_with_hyphens_count_nothing():
    assert _roles("Cập nhật: 16-08-2021. Toàn huyện kết nạp 95 đảng viên.", "2021") == [
        [("95", "actual")]]
    assert _roles("Thu ngân sách đến ngày 20-11 ước đạt 45,2 tỷ đồng.", "2024") == [
        [("45,2", "actual")]]
    assert _roles("Đến 16 giờ 30 phút ngày 31-12-2022, tổng thu đạt 5.120 tỷ đồng.", "2022") == [
        [("5.120", "actual")]]
    # a duration in hours is a quantity
    assert _roles("Thời gian giải quyết hồ sơ giảm còn 36 giờ.", "2024") == [[("36", "actual")]]


def test_a_document_or_programme_named_by_its_number_and_covid_19_spaced_count_nothing():
    assert _roles("Thực hiện Kế hoạch 215 ngày 05/3/2023 của UBND tỉnh, tỷ lệ đạt 86%.",
                  "2023") == [[("86", "actual")]]
    assert _roles("Vốn Chương trình 135 giải ngân được 18,4 tỷ đồng.", "2023") == [
        [("18,4", "actual")]]
    assert _roles("Do dịch Covid 19 kéo dài, doanh thu giảm 9%.", "2021") == [[("9", "change")]]
    # the plan's own figure after "Nghị quyết" is still read
    assert _roles("Tỷ lệ tham gia BHYT đạt 92,5% (Nghị quyết 90%).", "2023") == [
        [("92,5", "actual"), ("90", "target")]]


def test_targets_still_to_be_reached_in_the_months_left_are_plans():
    # "N chỉ tiêu cần thực hiện trong 6 tháng cuối năm, trong đó …": what is still to be done
    assert _roles("Còn 15 chỉ tiêu chủ yếu cần thực hiện trong 3 tháng cuối năm, trong đó tỷ lệ "
                  "giải ngân đạt 95%; thu ngân sách 1.250 tỷ đồng.", "2024-09") == [
        [("15", "actual")], [("95", "target")], [("1.250", "target")]]
    # a count of targets met, then its details, is still read as results
    assert _roles("Có 12 chỉ tiêu đạt và vượt kế hoạch trong 9 tháng, trong đó tỷ lệ giải ngân "
                  "đạt 75%.", "2024-09")[1] == [("75", "actual")]


def test_targets_set_out_without_a_figure_are_given_by_the_sentences_after():
    # their planned changes too
    assert _roles("Nghị quyết của HĐND tỉnh xác định hệ thống chỉ tiêu chủ yếu năm 2025. Tổng "
                  "sản phẩm trên địa bàn tăng khoảng 8%; kim ngạch xuất khẩu tăng 10%. Tỷ lệ hộ "
                  "nghèo giảm 1,5%.", "2024") == [
        [("8", "target")], [("10", "target")], [("1,5", "target")]]
    # a result told after them is still a result
    assert _roles("Năm 2024, tỉnh đề ra các chỉ tiêu chủ yếu. Kết quả, tổng sản phẩm tăng 7,5% so "
                  "với cùng kỳ.", "2024") == [[("7,5", "change")]]


def test_how_many_targets_there_are_does_not_end_the_plans_told_before():
    assert _roles("Dự kiến kế hoạch năm 2026, tốc độ tăng trưởng kinh tế đạt khoảng 8%. Có 12 chỉ "
                  "tiêu chủ yếu về kinh tế, xã hội. Cụ thể, tỷ lệ lao động qua đào tạo khoảng 70%; "
                  "tỷ lệ tham gia bảo hiểm y tế đạt khoảng 95%.", "2025") == [
        [("8", "target")], [("12", "actual")], [("70", "target")], [("95", "target")]]


def test_targets_said_to_be_set_open_the_list_of_their_figures():
    assert _roles("HĐND tỉnh thông qua nghị quyết về kế hoạch năm 2026. Các chỉ tiêu chủ yếu được "
                  "đưa ra là: tổng sản phẩm tăng 8%; tỷ lệ hộ nghèo dưới 2%.", "2025") == [
        [("8", "target")], [("2", "target")]]


def test_a_verdict_on_the_targets_of_a_term_leads_the_figures_after_it():
    # "vượt khó" (difficulties overcome) is no aim; "hoàn thành toàn diện"; the term named
    text = ("Năm qua, Đảng bộ xã nỗ lực vượt khó, hoàn thành toàn diện các chỉ tiêu Nghị quyết "
            "nhiệm kỳ 2020 – 2025. Thu ngân sách đạt 12,5 tỷ đồng.")
    assert [s.status for s in extract(text, default_period="2025")] == ["achieved"]
    # a hardship foreseen is still no verdict
    text = ("Năm tới sẽ khó hoàn thành các chỉ tiêu Nghị quyết nhiệm kỳ 2020 – 2025. Thu ngân sách "
            "đạt 12,5 tỷ đồng.")
    assert [s.status for s in extract(text, default_period="2025")] == [None]


def test_a_bare_count_with_the_share_it_is_after_a_comma_is_read():
    text = ("Có 60/60 tổ chức đảng được xếp loại; trong đó: Hoàn thành tốt nhiệm vụ 42 (có 5 đảng "
            "bộ và 37 chi bộ), chiếm tỷ lệ 70%; Hoàn thành nhiệm vụ 15, chiếm 25%.")
    roles = _roles(text, "2024")
    assert [("42", "actual"), ("70", "actual")] in roles  # (the parts in brackets on their own)
    assert roles[-1] == [("15", "actual"), ("25", "actual")]


def test_targets_given_out_are_given_with_their_changes_against_the_year_before():
    assert _roles("Hội nghị công bố quyết định giao chỉ tiêu phát triển kinh tế, xã hội năm 2026. "
                  "Giá trị sản xuất nông nghiệp đạt 3.800 tỷ đồng, tăng 5% so với cùng kỳ. Thu "
                  "ngân sách 700 tỷ đồng.", "2025") == [
        [("3.800", "target"), ("5", "target")], [("700", "target")]]
    # what was done after them is not planned
    assert _roles("Hội nghị công bố quyết định giao chỉ tiêu phát triển kinh tế, xã hội năm 2026. "
                  "Năm qua, giá trị sản xuất nông nghiệp đạt 3.600 tỷ đồng, tăng 5% so với cùng "
                  "kỳ.", "2025") == [[("3.600", "actual"), ("5", "change")]]


def test_a_resolution_passed_sets_the_targets_it_lists():
    assert _roles("Đại hội đã biểu quyết thông qua Nghị quyết nhiệm kỳ 2025-2030 với các chỉ tiêu "
                  "chủ yếu như: thu nhập bình quân đầu người đạt 90 triệu đồng; tỷ lệ hộ nghèo "
                  "giảm còn 1%.", "2025") == [[("90", "target")], [("1", "target")]]


def test_a_parenthesis_after_words_that_describe_the_figure_before_is_said_of_it():
    assert _roles("Ủy ban kiểm tra đã kiểm tra 1.250 tổ chức đảng về thu, nộp, quản lý và sử dụng "
                  "đảng phí (tăng 8,2% so với năm 2023).", "2024") == [
        [("1.250", "actual"), ("8,2", "change")]]
    # a list item that names its own indicator before its parenthesis keeps it
    assert len(_roles("Tăng trưởng GDP đạt 5%, tốc độ tăng kim ngạch xuất khẩu (đạt 1%).",
                      "2024")) == 2


def test_a_coverage_rate_after_a_count_of_people_is_that_counts_share():
    assert _roles("Toàn tỉnh có 1,2 triệu người tham gia bảo hiểm y tế, đạt tỷ lệ bao phủ 91,5% "
                  "dân số; số người tham gia BHXH là 215.400 người, đạt tỷ lệ bao phủ là 28,4% so "
                  "với lực lượng lao động.", "2024") == [
        [("1,2", "actual"), ("91,5", "actual")], [("215.400", "actual"), ("28,4", "actual")]]


def test_a_level_compared_with_named_after_its_figure_is_a_statement_of_its_own():
    text = ("Tăng trưởng kinh tế của tỉnh đạt 8,1%, cao hơn nhiều so với mức 6,5% của cả nước. "
            "Giá trị sản xuất công nghiệp tăng 9,3%, thấp hơn mức tăng 10,2% của năm trước.")
    statements = extract(text, default_period="2024")
    assert [[n.text for n in s.numbers] for s in statements] == [
        ["8,1"], ["6,5"], ["9,3"], ["10,2"]]
    assert [s.indicator for s in statements][1::2] == ["Cả nước", "Năm trước"]


def test_a_share_of_the_same_period_abbreviated_svck_is_a_change():
    assert _roles("Diện tích gieo trồng vụ Đông xuân là 208,5 ha, đạt 106% so với KH, đạt 95% "
                  "SVCK.", "2020-06") == [
        [("208,5", "actual"), ("106", "attainment"), ("95", "change")]]


def test_respectively_is_no_unit_of_the_rank_before_it():
    # "6 lần lượt": "lần lượt" (respectively) is no "lần" (times); "thứ 6" is a rank
    assert _roles("Xếp vị trí thứ 5 và thứ 6 lần lượt là Đồng bằng sông Cửu Long, đạt 87,37% và "
                  "Tây Nguyên, đạt 85,63%.", "2024") == [
        [("87,37", "actual")], [("85,63", "actual")]]


def test_a_title_that_reviews_the_half_year_before_the_next_tasks_opens_on_results():
    text = ("ĐẢNG BỘ XÃ TÂN AN TỔ CHỨC HỘI NGHỊ SƠ KẾT 6 THÁNG ĐẦU NĂM, NHIỆM VỤ TRỌNG TÂM 6 THÁNG "
            "CUỐI NĂM 2024\n"
            "Trong 6 tháng đầu năm 2024, rừng trồng đến hết tháng 5 thực hiện được 20,8 ha, đạt "
            "67,1% kế hoạch; thu ngân sách đạt 35,76% kế hoạch giao.")
    assert _roles(text, None) == [
        [("20,8", "actual"), ("67,1", "attainment")], [("35,76", "attainment")]]


def test_a_verdict_that_opens_a_list_with_a_colon_runs_on_over_the_sentences_of_its_paragraph():
    text = ("Năm 2022, ngành nông nghiệp đạt kết quả toàn diện với các chỉ tiêu chủ yếu đều vượt "
            "kế hoạch cả năm: giá trị sản xuất tăng 3,2%. Tỷ lệ che phủ rừng đạt 43,1%; thu nhập "
            "bình quân đạt 48 triệu đồng.\n"
            "Tuy vậy, tỷ lệ hộ nghèo còn 4,1%.")
    assert _status_by_figure(text, "2022") == {
        "3,2": "achieved", "43,1": "achieved", "48": "achieved", "4,1": None}


def test_bao_dam_the_plan_is_a_verdict_as_dam_bao_is():
    text = ("So với tổng thu ngân sách, tỷ lệ nợ thuế đang thấp hơn 5%, bảo đảm chỉ tiêu kế hoạch "
            "do Bộ Tài chính giao.")
    assert _status_by_figure(text, "2020") == {"5": "achieved"}


def test_the_number_of_a_session_or_a_term_is_no_figure_whatever_word_follows():
    text = ("Chủ tịch Quốc hội phát biểu khai mạc kỳ họp 8 sáng ngày 21/10. HĐND xã Đại Mạch khóa "
            "20 tổ chức họp kỳ thứ 6, thu ngân sách đạt 1,2 tỷ đồng. Mỗi khóa 30 học viên.")
    assert _roles(text, "2024") == [[("1,2", "actual")], [("30", "actual")]]


def test_a_range_in_words_from_a_bare_number_to_one_with_its_unit_is_one_range():
    assert _roles("Giá thu mua tôm tăng từ 10.000 đến 30.000 đồng/kg; giá lúa dao động từ 5.000 "
                  "tới 8.000 đồng/kg.", "2023") == [
        [("10.000", "change"), ("30.000", "change")], [("5.000", "actual"), ("8.000", "actual")]]


def test_most_targets_met_lead_the_detail_after_them_in_the_sentence_and_after_it():
    one = ("Nhiệm kỳ qua, huyện đã đạt và vượt hầu hết các chỉ tiêu Nghị quyết; trong đó, tốc độ "
           "tăng trưởng bình quân đạt 7,1%; thu nhập bình quân đầu người đạt 62 triệu đồng.")
    assert _status_by_figure(one, "2025") == {"7,1": "achieved", "62": "achieved"}
    two = ("Đảng bộ đã đạt và vượt hầu hết các chỉ tiêu nghị quyết. Trong đó, tổng giá trị sản "
           "xuất đạt 2.900 tỷ đồng.\nTỷ lệ hộ nghèo còn 2,1%.")
    assert _status_by_figure(two, "2020") == {"2.900": "achieved", "2,1": None}


def test_a_level_from_then_the_verb_then_the_level_reached_is_one_statement():
    text = ("Tỷ trọng công nghiệp, xây dựng từ 38,24% tăng lên 43,1%; thương mại, dịch vụ từ 20,3% "
            "tăng lên 28,2%.")
    assert [[n.text for n in s.numbers] for s in extract(text, default_period="2015")] == [
        ["38,24", "43,1"], ["20,3", "28,2"]]


def test_an_amount_that_must_be_collected_is_a_plan():
    assert _roles("Những tháng cuối năm, bình quân mỗi tháng Cục Hải quan phải thu 2.380 tỷ "
                  "đồng.", "2017") == [[("2.380", "target")]]
    # (what had to be done is no plan)
    assert _roles("Vi phạm đến mức phải xử lý kỷ luật 5 đồng chí.", "2017") == [[("5", "actual")]]


def test_a_count_of_targets_met_in_a_clause_of_its_own_leads_the_next_sentence():
    text = ("Đến hết năm, Hội Nông dân huyện đã hoàn thành 8/9 chỉ tiêu đăng ký; 95% cơ sở hội "
            "có mô hình kinh tế tập thể. Cả năm đã vận động hơn 12 tỷ đồng giúp hội viên vay vốn.")
    assert _status_by_figure(text, "2023")["12"] == "achieved"


def test_targets_that_reached_high_results_are_met():
    text = ("Các chỉ tiêu văn hóa - xã hội đều đạt kết quả cao. Tỷ lệ gia đình văn hóa đạt 94,1%; "
            "tỷ lệ hộ nghèo còn 2,8%.")
    assert _status_by_figure(text, "2022") == {"94,1": "achieved", "2,8": "achieved"}


def test_a_result_said_to_fall_short_of_the_plan_against_it_is_not_achieved():
    one = ("Thu nhập bình quân đầu người theo kế hoạch đề ra 95 triệu đồng/người/năm nhưng cuối "
           "năm chỉ đạt 88 triệu đồng/người/năm.")
    two = "Năng suất lao động mới chỉ tăng 4,1%, trong khi mục tiêu đề ra là 5-6%."
    three = "Thu ngân sách đạt 1.200 tỷ đồng, trong khi kế hoạch là 1.000 tỷ đồng."
    assert [s.status for s in extract(one, default_period="2021")] == ["not_achieved"]
    assert [s.status for s in extract(two, default_period="2023")] == ["not_achieved"]
    assert [s.status for s in extract(three, default_period="2023")] == [None]  # (no words)


def test_reaching_the_finish_ahead_of_time_is_met():
    text = ("Năm 2022, tỉnh đã về đích sớm hơn dự tính khi thu hút hơn 2,1 tỷ USD vốn FDI. Toàn "
            "tỉnh có 45/60 xã về đích nông thôn mới.")
    assert _status_by_figure(text, "2022") == {"2,1": "achieved", "45": None}


def test_a_heading_whose_only_figure_counts_the_targets_it_heads_judges_the_lines_under_it():
    text = ("Tổ chức giải thưởng ở 100% cấp Hội.\n"
            "3 chỉ tiêu chưa đạt\n"
            "Phát triển được 1.204.000 hội viên, chỉ đạt 86,7% chỉ tiêu đề ra. Xây dựng 76 phòng "
            "học, đạt 28,8% chỉ tiêu đề ra.\n"
            "11/15 chỉ tiêu đạt\n"
            "Thu ngân sách 250 tỷ đồng.")
    got = _status_by_figure(text, "2022")
    assert [got[k] for k in ("100", "3", "1.204.000", "76", "250")] == [
        None, "not_achieved", "not_achieved", "not_achieved", None]


def test_a_lead_verdict_on_the_targets_of_a_congress_named_at_length_leads_the_next_sentence():
    text = ("Đảng bộ xã đã tổ chức thực hiện hoàn thành các mục tiêu nghị quyết đại hội Đảng bộ xã "
            "nhiệm kỳ 2015-2020 đề ra. Tổng giá trị sản xuất trên địa bàn xã đạt trên 628 tỷ "
            "đồng.")
    assert _status_by_figure(text, "2020") == {"628": "achieved"}


def test_targets_judged_then_named_with_co_take_the_verdict():
    text = ("Trong số các chỉ tiêu đạt có tốc độ tăng GRDP ước đạt 7,2% (mục tiêu 7%), thu nhập "
            "bình quân 65 triệu đồng. Các chỉ tiêu không đạt có tỷ lệ đô thị hóa 31%.")
    assert _status_by_figure(text, "2023") == {
        "7,2": "achieved", "65": "achieved", "31": "not_achieved"}


def test_some_targets_set_then_listed_are_each_a_plan():
    text = ("Năm nay, huyện đề ra một số chỉ tiêu cơ bản như tổng diện tích gieo trồng 21.000 ha, "
            "sản lượng lương thực 16.650 tấn, giải quyết việc làm cho 3.200 lao động.")
    assert _roles(text, "2010") == [
        [("21.000", "target")], [("16.650", "target")], [("3.200", "target")]]


def test_an_aim_after_a_figure_makes_the_first_figure_after_it_a_plan():
    text = ("Tỉnh đã bố trí kinh phí đào tạo nghề năm 2015 là 6,1 tỷ đồng, phấn đấu đến cuối năm "
            "2015, tỷ lệ lao động qua đào tạo đạt khoảng 42%, tỷ lệ qua đào tạo nghề đạt 28%.")
    assert _roles(text, "2015") == [[("6,1", "actual")], [("42", "target")], [("28", "target")]]
    # (after figures, "dự kiến" estimates a result)
    assert _roles("Thu nhập đạt 40 triệu đồng; tỷ lệ hộ nghèo đến năm 2020 dự kiến giảm còn "
                  "3,6%.", "2020")[1] == [("3,6", "actual")]


def test_the_next_names_of_a_list_of_counts_count_the_same_noun():
    text = ("Trong đó, Thạnh Phú 121 đảng viên, Mỏ Cày Nam 118, Đảng bộ Khối Các cơ quan - Doanh "
            "nghiệp tỉnh 87, TP. Bến Tre 76. Có 40 cấp ủy viên bị kỷ luật, gồm 9 Đảng ủy viên và "
            "29 Chi ủy viên.")
    got = [(n.text, n.unit) for s in extract(text, default_period="2019") for n in s.numbers]
    assert got == [("121", "đảng viên"), ("118", "đảng viên"), ("87", "đảng viên"),
                   ("76", "đảng viên"), ("40", "cấp ủy viên"), ("9", "đảng ủy viên"),
                   ("29", "chi ủy viên")]


def test_numbers_in_idioms_and_a_level_of_industries_count_nothing():
    text = ("Tỉnh ghi nhận tăng trưởng 2 con số, đạt 11,2%. Bắc Ninh là 1 trong 10 địa phương có "
            "tốc độ tăng IIP nhanh nhất, tăng 12,5%. Có 15/20 ngành cấp 2 có chỉ số giảm.")
    assert [n.text for s in extract(text, default_period="2023") for n in s.numbers] == [
        "11,2", "12,5", "15", "20"]


def test_a_dot_after_a_zero_is_a_decimal_point():
    text = "Giá trị DTI đạt 0.7024 điểm, chỉ xếp sau TP Đà Nẵng (0.802 điểm)."
    assert [(n.text, n.value) for s in extract(text, default_period="2022") for n in s.numbers
            ] == [("0.7024", 0.7024), ("0.802", 0.802)]


def test_items_named_after_a_share_of_the_estimate_and_la_take_their_share_of_it():
    text = ("Có 4/7 lĩnh vực thu đạt dự toán là thuế sử dụng đất phi nông nghiệp (109,9%), phí - "
            "lệ phí (107,7%) và thu tại xã (268,1%).")
    got = _roles_of(text, "2019")
    assert got == [("4", "part"), ("7", "part"), ("109,9", "attainment"),
                   ("107,7", "attainment"), ("268,1", "attainment")]
    assert [n.unit for n in extract(text, default_period="2019")[0].numbers] == ["lĩnh vực"] * 2


def test_a_signed_change_in_a_parenthesis_of_a_listed_item_is_its_change():
    text = ("So với cùng kỳ, một số ngành giảm nhiều như: sản xuất trang phục (-29,19%); giấy và "
            "sản phẩm từ giấy (-8,59%).")
    assert _roles_of(text, "2023-03") == [("29,19", "change"), ("8,59", "change")]


def test_not_letting_something_stop_is_no_purpose_of_a_lead_verdict():
    text = ("Chi cục đã duy trì hoạt động ổn định, không để gián đoạn thủ tục hải quan, đồng thời "
            "hoàn thành toàn diện các mục tiêu được giao.\n"
            "Tiêu biểu là số thu ngân sách của Chi cục đạt 20.635,59 tỷ đồng.")
    assert _status_by_figure(text, "2025") == {"20.635,59": "achieved"}
