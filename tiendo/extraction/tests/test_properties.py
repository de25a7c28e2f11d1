"""Property tests: no text makes the engine crash, and every span it reports is its text."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tiendo.extraction.engine import extract, sentence_roles, statement_rules, statements_to_jsonl
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


def _report_texts():
    data = Path(__file__).parent / "data"
    for path in sorted([*data.glob("*.txt"), *data.glob("real/tuning/*.txt")]):
        yield path.read_text(encoding="utf-8").lower()


def test_the_word_checks_before_the_costly_patterns_never_skip_a_match():
    """Each pattern tried on every sentence or before every figure is tried only when a word its
    branches all hold is there (sentence_roles, statement_rules): on every line of the sample
    and tuning reports, and on the words before each of their figures, a match of the pattern
    always passes its check."""
    checks = {
        "group verdict": (statement_rules._GROUP_VERDICT_RE,
                          statement_rules._may_close_on_a_group_verdict),
        "plan set": (sentence_roles._PLAN_SET_RE, sentence_roles._may_set_a_plan),
        "plan list": (sentence_roles._PLAN_LIST_RE, sentence_roles._names_targets),
        "targets set": (sentence_roles._TARGETS_SET_RE, sentence_roles._names_targets),
        "estimates decided": (sentence_roles._ESTIMATES_DECIDED_RE,
                              lambda low: low.strip().endswith(":")),
    }
    matched = dict.fromkeys(checks, 0)
    for text in _report_texts():
        for line in text.split("\n"):
            pieces = [line, *(line[: t.start] for t in find_numbers(line))]
            for name, (pattern, check) in checks.items():
                for piece in pieces:
                    if pattern.search(piece):
                        matched[name] += 1
                        assert check(piece), (name, piece)
    assert all(matched.values()), matched  # each pattern was put to the test
