"""Catalogue matching: accent-folded fuzzy names, scaled by unit compatibility."""

from tiendo.extraction.engine import extract
from tiendo.extraction.engine.matching import CatalogueEntry, dimension, match_indicator

CATALOGUE = [
    CatalogueEntry("thu-nsnn", "Thu ngân sách nhà nước", "tỷ đồng"),
    CatalogueEntry("chi-nsdp", "Chi ngân sách địa phương", "tỷ đồng"),
    CatalogueEntry("xk", "Kim ngạch xuất khẩu", "triệu USD"),
    CatalogueEntry("bhyt", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%"),
]


def test_units_have_dimensions():
    assert dimension("tỷ đồng") == "money"
    assert dimension("triệu USD") == "money"
    assert dimension("%") == "percent"
    assert dimension("ha") == "area"
    assert dimension("nghìn lượt khách") == "count:luot khach"
    assert dimension(None) is None


def test_best_match_first_with_its_reason():
    [s] = extract("Thu ngân sách Nhà nước quý I đạt 12.450 tỷ đồng.", default_period="2026-Q1")
    matches = match_indicator(s, CATALOGUE)
    assert matches[0].code == "thu-nsnn"
    assert matches[0].score == 100.0
    assert matches[0].reason == "tên giống 100%, cùng đơn vị"


def test_accents_and_case_do_not_matter():
    [s] = extract("KIM NGACH XUAT KHAU dat 783 trieu USD.", default_period="2026-Q1")
    assert s.numbers[0].value == 783
    assert match_indicator(s, CATALOGUE)[0].code == "xk"


def test_incompatible_unit_lowers_the_score():
    [s] = extract("Tỷ lệ dân số tham gia bảo hiểm y tế đạt 92,1%.", default_period="2026")
    [(code, score)] = [(m.code, m.score) for m in match_indicator(s, CATALOGUE)]
    assert (code, score) == ("bhyt", 100.0)
    wrong_unit = [CatalogueEntry("bhyt-n", "Tỷ lệ dân số tham gia bảo hiểm y tế", "người")]
    assert match_indicator(s, wrong_unit)[0].score == 60.0


def test_nothing_alike_gives_no_match():
    [s] = extract("Đàn gia súc đạt 1.904.950 con.", default_period="2026-Q1")
    assert match_indicator(s, CATALOGUE) == []
