"""Type checker: every node is a number or a true/false value, and each operator and function
gets the kinds it needs."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .language import BOOL, COMPARISONS, NUM, FormulaError
from .parser import Node


class _Signature(NamedTuple):
    operands: str  # the kind every operand must be
    result: str
    complaint: Callable[[Node], str]  # the reason given for an operand of the wrong kind


def _arithmetic_complaint(node: Node) -> str:
    sym = {"neg": "-", "pos": "+"}.get(node.op, node.op)
    return f"phép '{sym}' cần số, không phải điều kiện đúng/sai"


_ARITHMETIC = _Signature(NUM, NUM, _arithmetic_complaint)
_SIGNATURES = {
    "num": _Signature(NUM, NUM, str),  # no operands
    "name": _Signature(NUM, NUM, str),
    **dict.fromkeys(("neg", "pos", "+", "-", "*", "/"), _ARITHMETIC),
    **dict.fromkeys(COMPARISONS, _Signature(
        NUM, BOOL, lambda node: f"phép so sánh '{node.op}' cần số ở hai vế")),
    **dict.fromkeys(("and", "or", "not"), _Signature(
        BOOL, BOOL, lambda node: f"'{node.op}' cần điều kiện đúng/sai, không phải số")),
    # min, max, round, abs; if and coalesce are _SPECIAL_CALLS
    "call": _Signature(NUM, NUM, lambda node: f"hàm '{node.value}' cần số"),
}


def result_type(node: Node) -> str:
    """NUM or BOOL. Operands are checked depth first, left to right, and the first one of the
    wrong kind raises FormulaError (a chain of operators takes one stack frame per level)."""
    if node.op == "call" and node.value in _SPECIAL_CALLS:
        return _SPECIAL_CALLS[node.value](node)
    sig = _SIGNATURES[node.op]
    for a in node.args:
        if result_type(a) != sig.operands:
            raise FormulaError(a.start, sig.complaint(node))
    return sig.result


def _if(node: Node) -> str:
    cond, a, b = node.args
    if result_type(cond) != BOOL:
        raise FormulaError(cond.start, "đối số đầu của 'if' phải là điều kiện đúng/sai")
    ta, tb = result_type(a), result_type(b)
    if ta != tb:
        raise FormulaError(b.start, "hai nhánh của 'if' phải cùng loại (cùng là số)")
    return ta


def _coalesce(node: Node) -> str:
    kinds = {result_type(a) for a in node.args}
    if len(kinds) != 1:
        raise FormulaError(node.pos, "các đối số của 'coalesce' phải cùng loại")
    return kinds.pop()


_SPECIAL_CALLS = {"if": _if, "coalesce": _coalesce}
