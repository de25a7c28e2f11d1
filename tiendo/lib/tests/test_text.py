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


# --- property tests ---------------------------------------------------------------------------
import re  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.text(max_size=60))
def test_fold_is_idempotent_and_ignores_normal_form(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded
    assert fold(nfc(text)) == folded
    assert folded == folded.strip()
    assert "  " not in folded


@given(st.text(max_size=60))
def test_slug_is_ascii_lowercase_words_joined_by_hyphens(text):
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slugify_vi(text))


@given(
    st.text(
        alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxy "
        "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ",
        max_size=40,
    )
)
def test_folded_vietnamese_is_plain_ascii(text):
    folded = fold(text)
    assert folded.isascii()
    assert fold(text.upper()) == folded
