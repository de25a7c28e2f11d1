"""Tests of NFC normalisation, accent folding and slugs (no database)."""

import unicodedata

import pytest

from tiendo.lib.text import fold, nfc, slugify_vi


def test_nfc_composes_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Nhà nước")
    assert decomposed != "Nhà nước"
    assert nfc(decomposed) == "Nhà nước"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu ngân sách Nhà nước", "thu ngan sach nha nuoc"),
        ("  Đảng   bộ\ttỉnh\n ", "dang bo tinh"),
        ("ĐẮK NÔNG", "dak nong"),
        ("Quý I/2026", "quy i/2026"),
        ("Ủy ban kiểm tra", "uy ban kiem tra"),
        ("Ưu tiên ngọn lửa", "uu tien ngon lua"),
        ("tỷ đồng", "ty dong"),
        (unicodedata.normalize("NFD", "Sở Tài chính"), "so tai chinh"),
        ("", ""),
        ("abc", "abc"),
    ],
)
def test_fold_lowercases_strips_accents_and_collapses_spaces(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Tài chính", "so-tai-chinh"),
        ("UBND tỉnh Lâm Đồng", "ubnd-tinh-lam-dong"),
        ("Đảng ủy UBND tỉnh", "dang-uy-ubnd-tinh"),
        ("  Sở Y tế — (2026)  ", "so-y-te-2026"),
        ("Xã Đạ Tẻh", "xa-da-teh"),
        ("!!!", ""),
    ],
)
def test_slugify_vi(text, expected):
    assert slugify_vi(text) == expected
