"""Builder: a checked tree to a tree of Python closures ``f(metrics, notes)``, the shape that
makes evaluating 300,000 formulas a second possible.

Each kind of node has a small factory that receives the node and the closures already built
for its operands (the tree is built bottom-up, so a factory never recurses)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from .language import COMPARISONS
from .parser import Node

Fn = Callable[[Mapping, list], object]


def build(node: Node) -> Fn:
    fns = []
    for a in node.args:
        fns.append(build(a))
    if node.op == "call":
        return _CALLS[node.value](node, *fns)
    return _NODES[node.op](node, *fns)


def metric_names(node: Node, out: list[str]) -> None:
    """Append the metric names ``node`` reads to ``out``, in order of first appearance."""
    if node.op == "name" and node.value not in out:
        out.append(node.value)
    for a in node.args:
        metric_names(a, out)


# --------------------------------------------------------------------------- values

def _number(node: Node) -> Fn:
    v = node.value

    def f(m, notes, v=v):
        return v
    return f


def _metric(node: Node) -> Fn:
    key = node.value

    def f(m, notes, key=key):
        return m.get(key)
    return f


# --------------------------------------------------------------------------- arithmetic
# The three binary operators are written out, not shared through ``operator``: one call less
# per evaluation in the hot loop.

def _plus(node: Node, a: Fn) -> Fn:
    return a


def _minus(node: Node, a: Fn) -> Fn:
    def f(m, notes):
        x = a(m, notes)
        return None if x is None else -x
    return f


def _add(node: Node, a: Fn, b: Fn) -> Fn:
    def f(m, notes):
        x = a(m, notes)
        if x is None:
            return None
        y = b(m, notes)
        return None if y is None else x + y
    return f


def _subtract(node: Node, a: Fn, b: Fn) -> Fn:
    def f(m, notes):
        x = a(m, notes)
        if x is None:
            return None
        y = b(m, notes)
        return None if y is None else x - y
    return f


def _multiply(node: Node, a: Fn, b: Fn) -> Fn:
    def f(m, notes):
        x = a(m, notes)
        if x is None:
            return None
        y = b(m, notes)
        return None if y is None else x * y
    return f


def _divide(node: Node, a: Fn, b: Fn) -> Fn:
    note = f"vị trí {node.pos}: chia cho 0, kết quả để trống"

    def f(m, notes):
        x = a(m, notes)
        if x is None:
            return None
        y = b(m, notes)
        if y is None:
            return None
        if not y:
            notes.append(note)
            return None
        return x / y
    return f


# --------------------------------------------------------------------------- true / false

_COMPARE = {
    "<": Decimal.__lt__, "<=": Decimal.__le__, ">": Decimal.__gt__,
    ">=": Decimal.__ge__, "==": Decimal.__eq__, "!=": Decimal.__ne__,
}


def _compare(node: Node, a: Fn, b: Fn) -> Fn:
    cmp = _COMPARE[node.op]

    def f(m, notes):
        x = a(m, notes)
        if x is None:
            return None
        y = b(m, notes)
        return None if y is None else cmp(x, y)
    return f


def _not(node: Node, a: Fn) -> Fn:
    def f(m, notes):
        x = a(m, notes)
        return None if x is None else not x
    return f


def _and(node: Node, a: Fn, b: Fn) -> Fn:
    def f(m, notes):
        x = a(m, notes)
        if x is False:
            return False
        y = b(m, notes)
        if y is False:
            return False
        return None if x is None or y is None else True
    return f


def _or(node: Node, a: Fn, b: Fn) -> Fn:
    def f(m, notes):
        x = a(m, notes)
        if x is True:
            return True
        y = b(m, notes)
        if y is True:
            return True
        return None if x is None or y is None else False
    return f


# --------------------------------------------------------------------------- functions

def _if(node: Node, c: Fn, a: Fn, b: Fn) -> Fn:
    def f(m, notes):
        x = c(m, notes)
        if x is None:
            return None
        return a(m, notes) if x else b(m, notes)
    return f


def _min_max(node: Node, *fns: Fn) -> Fn:
    pick = min if node.value == "min" else max

    def f(m, notes):
        vals = []
        for g in fns:
            x = g(m, notes)
            if x is None:
                return None
            vals.append(x)
        return pick(vals)
    return f


def _coalesce(node: Node, *fns: Fn) -> Fn:
    def f(m, notes):
        for g in fns:
            x = g(m, notes)
            if x is not None:
                return x
        return None
    return f


def _abs(node: Node, a: Fn) -> Fn:
    def f(m, notes):
        x = a(m, notes)
        return None if x is None else abs(x)
    return f


def _round(node: Node, a: Fn, _digits: Fn) -> Fn:
    exp = Decimal(1).scaleb(-int(node.args[1].value))

    def f(m, notes):
        x = a(m, notes)
        return None if x is None else x.quantize(exp, rounding=ROUND_HALF_UP)
    return f


_NODES: dict[str, Callable[..., Fn]] = {
    "num": _number, "name": _metric, "pos": _plus, "neg": _minus,
    "+": _add, "-": _subtract, "*": _multiply, "/": _divide,
    **dict.fromkeys(COMPARISONS, _compare),
    "not": _not, "and": _and, "or": _or,
}
_CALLS: dict[str, Callable[..., Fn]] = {
    "if": _if, "min": _min_max, "max": _min_max, "coalesce": _coalesce, "abs": _abs,
    "round": _round,
}
