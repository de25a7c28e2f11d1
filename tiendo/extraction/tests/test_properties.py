"""Property tests: no text makes the engine crash, and every span it reports is its text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tiendo.extraction.engine import extract, statements_to_jsonl
from tiendo.extraction.engine.numbers import find_numbers, read_unit

# Text that looks like report prose: digits, separators, Vietnamese words and punctuation.
PIECES = st.sampled_from([
    "đạt", "tăng", "giảm", "KH:", "(", ")", ",", ";", ".", "%", " ", "\n", "tỷ đồng", "vụ",
    "trong đó", "bằng", "dự toán", "so với cùng kỳ", "trên", "không quá", "từ", "trở lên",
    "quý I/2026", "tháng 4/2026", "năm 2026", "/", "-", "–", "không đạt", "Đạt", "lần",
    "12.450", "8,35", "5.210,4", "04", "12/15", "4.0", "2.1.", "[1:", "]", "“", "”",
    "PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II/2026", "A. KẾT QUẢ QUÝ I NĂM 2026", "âm", ">", "≥",
])
PROSE = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(PROSE)
def test_extract_never_crashes_and_spans_are_exact(text):
    statements = extract(text)
    statements_to_jsonl(statements)
    for s in statements:
        for n in s.numbers:
            assert text[n.start : n.end] == n.text
            assert n.role in ("actual", "target", "change", "attainment", "part")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_extract_never_crashes_on_any_text(text):
    extract(text, default_period="2026-Q1")


@settings(max_examples=500, deadline=None)
@given(st.binary())
def test_number_finder_never_crashes_on_decoded_bytes(data):
    text = data.decode("utf-8", errors="replace")
    for tok in find_numbers(text):
        assert text[tok.start : tok.end] == tok.text
        read_unit(text, tok.end)
