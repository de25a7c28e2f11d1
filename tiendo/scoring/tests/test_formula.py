"""The formula language: values, missing data, errors with position (no Django needed)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiendo.scoring.formula import FormulaError, compile_formula

M = {"a": D(3), "b": D(4), "z": D(0), "n": None, "t": D("2.5")}


@pytest.mark.parametrize(("src", "expected"), [
    ("1 + 2 * 3", D(7)),
    ("(1 + 2) * 3", D(9)),
    ("-a + b", D(1)),
    ("--a", D(3)),
    ("+a", D(3)),
    ("a / b", D("0.75")),
    ("10 - 4 - 3", D(3)),
    ("24 / 4 / 2", D(3)),
    ("0.3 * 10", D("3.0")),
    (".5 + 1", D("1.5")),
    ("t * 2", D("5.0")),
    ("min(a, b, 10)", D(3)),
    ("max(a, b)", D(4)),
    ("min(5)", D(5)),
    ("abs(a - b)", D(1)),
    ("round(2 / 3, 2)", D("0.67")),
    ("round(2.5, 0)", D(3)),
    ("round(0.125, 2)", D("0.13")),
    ("if(a < b, 1, 2)", D(1)),
    ("if(a >= b, 1, 2)", D(2)),
    ("if(a == 3 and b != 3, 10, 0)", D(10)),
    ("if(not a > b or z > 0, 1, 0)", D(1)),
    ("coalesce(n, 0)", D(0)),
    ("coalesce(n, n, a)", D(3)),
    ("if(a <= 3, 25 * a / b, 0)", D("18.75")),
    ("25 * 18 / 20", D("22.5")),
])
def test_formula_evaluates_with_decimal_arithmetic(src, expected):
    value = compile_formula(src).evaluate(M)
    assert value == expected
    assert isinstance(value, D)


@pytest.mark.parametrize(("src", "expected"), [
    ("a < b", True),
    ("a > b", False),
    ("a == 3", True),
    ("a != 3", False),
    ("a <= 3 and b >= 4", True),
    ("not a < b", False),
    # three-valued logic over a missing value
    ("n > 0 and a > b", False),
    ("a > b and n > 0", False),
    ("n > 0 or a < b", True),
    ("n > 0 or a > b", None),
    ("n > 0 and a < b", None),
    ("not n > 0", None),
])
def test_conditions_give_true_false_or_missing(src, expected):
    assert compile_formula(src, kind="bool").evaluate(M) is expected


@pytest.mark.parametrize("src", [
    "n + 1", "n * 0", "-n", "min(a, n)", "max(n, 1)", "round(n, 0)", "abs(n)",
    "if(n > 0, 1, 2)", "missing_metric * 0",
])
def test_missing_value_stays_missing_never_zero(src):
    ev = compile_formula(src).evaluate_detailed(M)
    assert ev.value is None


def test_missing_metrics_are_listed():
    ev = compile_formula("a + n + other").evaluate_detailed(M)
    assert ev.value is None
    assert ev.missing == ("n", "other")


def test_if_evaluates_only_the_chosen_branch():
    ev = compile_formula("if(z == 0, 25, 25 * a / z)").evaluate_detailed(M)
    assert ev.value == D(25)
    assert ev.notes == ()


def test_division_by_zero_gives_missing_and_a_note():
    ev = compile_formula("a / z").evaluate_detailed(M)
    assert ev.value is None
    assert ev.notes == ("vị trí 3: chia cho 0, kết quả để trống",)


def test_coalesce_turns_division_by_zero_into_a_value_but_keeps_the_note():
    ev = compile_formula("coalesce(a / z, 0)").evaluate_detailed(M)
    assert ev.value == D(0)
    assert len(ev.notes) == 1


def test_plain_ints_floats_bools_and_strings_are_read_as_decimals():
    f = compile_formula("a + b + c + d")
    assert f.evaluate({"a": 1, "b": 0.1, "c": True, "d": "2.5"}) == D("4.6")


def test_names_and_kind_are_reported():
    f = compile_formula(" 25 * tasks_on_time / tasks_due ")
    assert f.names == ("tasks_on_time", "tasks_due")
    assert f.kind == "number"
    assert f.source == "25 * tasks_on_time / tasks_due"
    assert compile_formula("a > 1").kind == "bool"


ALLOWED = {"a", "b", "tasks_on_time", "tasks_due"}


@pytest.mark.parametrize(("src", "message"), [
    ("(a + b", "Vị trí 7: thiếu dấu đóng ngoặc"),
    ("min(a, b", "Vị trí 9: thiếu dấu đóng ngoặc"),
    ("1 + tasks_ontime", "Vị trí 5: không có chỉ số 'tasks_ontime'"),
    ("a +", "Vị trí 4: công thức chưa kết thúc, thiếu một giá trị"),
    ("", "Vị trí 1: công thức rỗng"),
    ("   ", "Vị trí 1: công thức rỗng"),
    ("a + b)", "Vị trí 6: thừa dấu đóng ngoặc"),
    ("1,5 * a", "Vị trí 2: dùng dấu chấm cho phần thập phân (viết 1.5)"),
    ("a = b", "Vị trí 3: dùng '==' để so sánh bằng"),
    ("!a", "Vị trí 1: dùng 'not' để phủ định, hoặc '!=' để so sánh khác"),
    ("a % b", "Vị trí 3: không dùng dấu '%'; viết tỉ lệ dạng số, ví dụ 0.3 hoặc 30 / 100"),
    ("a # b", "Vị trí 3: ký tự không hợp lệ '#'"),
    ("1.2.3", "Vị trí 4: số có hai dấu chấm thập phân"),
    ("1. + a", "Vị trí 3: thiếu chữ số sau dấu chấm thập phân"),
    ("2a", "Vị trí 2: số viết liền với chữ '2a'"),
    ("sqrt(a)", "Vị trí 1: không có hàm 'sqrt'"),
    ("__import__(a)", "Vị trí 1: không có hàm '__import__'"),
    ("min", "Vị trí 1: 'min' là hàm, cần dấu mở ngoặc sau tên hàm"),
    ("if(a > b, 1)", "Vị trí 1: hàm 'if' cần đúng 3 đối số (có 2)"),
    ("round(a)", "Vị trí 1: hàm 'round' cần đúng 2 đối số (có 1)"),
    ("round(a, b)", "Vị trí 10: số chữ số của 'round' phải là một số nguyên từ 0 đến 6"),
    ("round(a, 1.5)", "Vị trí 10: số chữ số của 'round' phải là một số nguyên từ 0 đến 6"),
    ("max()", "Vị trí 1: hàm 'max' cần ít nhất 1 đối số"),
    ("abs(a, b)", "Vị trí 1: hàm 'abs' cần đúng 1 đối số (có 2)"),
    ("a < b < 3", "Vị trí 7: không nối tiếp hai phép so sánh; dùng 'and' để ghép"),
    ("a and b", "Vị trí 1: 'and' cần điều kiện đúng/sai, không phải số"),
    ("if(a, 1, 2)", "Vị trí 4: đối số đầu của 'if' phải là điều kiện đúng/sai"),
    ("if(a > b, 1, a > b)", "Vị trí 14: hai nhánh của 'if' phải cùng loại (cùng là số)"),
    ("and a", "Vị trí 1: thiếu giá trị trước 'and'"),
    ("min(a b)", "Vị trí 7: thiếu dấu phẩy hoặc dấu đóng ngoặc trước 'b'"),
    ("a.b", "Vị trí 2: ký tự không hợp lệ '.'"),
    ("số_nv", "Vị trí 2: tên chỉ số chỉ gồm chữ không dấu, chữ số và '_' (gặp 'ố')"),
    ("(a > b) + 1", "Vị trí 2: phép '+' cần số, không phải điều kiện đúng/sai"),
])
def test_bad_formula_is_rejected_with_position_and_vietnamese_reason(src, message):
    with pytest.raises(FormulaError) as exc:
        compile_formula(src, allowed_names=ALLOWED)
    assert str(exc.value) == message


def test_result_kind_is_checked():
    with pytest.raises(FormulaError, match="Vị trí 1: công thức phải cho ra một số"):
        compile_formula("a > 1", kind="number")
    with pytest.raises(FormulaError, match="phải cho ra một điều kiện đúng/sai"):
        compile_formula("a + 1", kind="bool")


def test_overlong_and_too_deep_formulas_are_refused():
    with pytest.raises(FormulaError, match="dài quá 2000 ký tự"):
        compile_formula("1" + " + 1" * 600)
    with pytest.raises(FormulaError, match="lồng nhau quá sâu"):
        compile_formula("(" * 100 + "1" + ")" * 100)
    with pytest.raises(FormulaError, match="lồng nhau quá sâu"):
        compile_formula("-" * 100 + "1")


@given(st.text(max_size=60))
def test_any_text_either_compiles_or_raises_formula_error(src):
    try:
        f = compile_formula(src)
    except FormulaError as exc:
        assert exc.position >= 1
        assert str(exc).startswith(f"Vị trí {exc.position}: ")
    else:
        assert f.kind in ("number", "bool")


small = st.integers(min_value=-50, max_value=50)


@given(small, small, small)
def test_arithmetic_matches_python_integers(x, y, w):
    f = compile_formula("x * y - w + (x - y) * 2")
    assert f.evaluate({"x": x, "y": y, "w": w}) == x * y - w + (x - y) * 2
