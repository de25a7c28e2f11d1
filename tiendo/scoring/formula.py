"""A small, safe formula language for rating criteria (công thức tính điểm).

Pure Python: no Django, no clock, never ``eval``/``exec``. A formula is tokenised by hand, parsed
by recursive descent into a tiny tree, type-checked (number vs. true/false) and then turned into a
tree of Python closures, which is what makes evaluating 300,000 formulas a second possible.

Language
--------
- numbers: ``25``, ``0.3`` — the decimal mark in a formula is the dot ``.``, because the comma
  separates the arguments of a function (``min(1, 5)``). A Vietnamese decimal comma at the top
  level (``1,5``) is rejected with a hint. Arithmetic is ``Decimal``, never float.
- named metrics: identifiers such as ``tasks_on_time`` (letters, digits, ``_``).
- ``+ - * /``, unary ``-`` and ``+``, parentheses.
- comparisons ``< <= > >= == !=`` (one per operand pair, no chains) give true/false.
- ``and``, ``or``, ``not`` over true/false.
- functions: ``min(a, b, ...)``, ``max(a, b, ...)``, ``if(cond, a, b)`` (only the chosen branch
  is evaluated), ``round(x, n)`` (half up, ``n`` a whole number 0–6), ``abs(x)``,
  ``coalesce(x, y, ...)`` (the first value that is not missing).

Missing values
--------------
A metric that is ``None`` (or absent) is *missing* and stays missing: any arithmetic, comparison,
``min``/``max``/``round``/``abs`` over it is missing, and ``if`` with a missing condition is
missing. ``and``/``or`` follow three-valued logic (``false and missing`` is false, ``true or
missing`` is true). Only ``coalesce(x, 0)`` turns a missing value into a number. Division by zero
gives a missing value and a note, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["Evaluation", "Formula", "FormulaError", "compile_formula", "to_decimal"]

MAX_LENGTH = 2000
MAX_DEPTH = 60

NUM = "number"
BOOL = "bool"
_KIND_VI = {NUM: "một số", BOOL: "một điều kiện đúng/sai"}

FUNCTIONS = ("min", "max", "if", "round", "abs", "coalesce")
KEYWORDS = ("and", "or", "not")


class FormulaError(ValueError):
    """A formula that cannot be compiled. ``position`` is 1-based (characters)."""

    def __init__(self, position: int, reason: str):
        self.position = position
        self.reason = reason
        super().__init__(f"Vị trí {position}: {reason}")


# --------------------------------------------------------------------------- tokens

@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # num, name, op, end
    text: str
    pos: int  # 1-based


_TWO_CHAR_OPS = ("<=", ">=", "==", "!=")
_ONE_CHAR_OPS = "+-*/(),<>"


def _tokenize(src: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in " \t\r\n":
            i += 1
            continue
        if (c.isascii() and c.isdigit()) or (c == "." and i + 1 < n and src[i + 1].isdigit()):
            j = i
            while j < n and src[j].isascii() and src[j].isdigit():
                j += 1
            if j < n and src[j] == ".":
                j += 1
                if not (j < n and src[j].isascii() and src[j].isdigit()):
                    raise FormulaError(j + 1, "thiếu chữ số sau dấu chấm thập phân")
                while j < n and src[j].isascii() and src[j].isdigit():
                    j += 1
                if j < n and src[j] == ".":
                    raise FormulaError(j + 1, "số có hai dấu chấm thập phân")
            if j < n and (src[j].isalpha() or src[j] == "_"):
                raise FormulaError(j + 1, f"số viết liền với chữ '{src[i:j + 1]}'")
            toks.append(_Tok("num", src[i:j], i + 1))
            i = j
            continue
        if c.isascii() and (c.isalpha() or c == "_"):
            j = i
            while j < n and src[j].isascii() and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(_Tok("name", src[i:j], i + 1))
            i = j
            continue
        two = src[i:i + 2]
        if two in _TWO_CHAR_OPS:
            toks.append(_Tok("op", two, i + 1))
            i += 2
            continue
        if c in _ONE_CHAR_OPS:
            toks.append(_Tok("op", c, i + 1))
            i += 1
            continue
        if c == "=":
            raise FormulaError(i + 1, "dùng '==' để so sánh bằng")
        if c == "!":
            raise FormulaError(i + 1, "dùng 'not' để phủ định, hoặc '!=' để so sánh khác")
        if c.isalpha():
            raise FormulaError(
                i + 1, f"tên chỉ số chỉ gồm chữ không dấu, chữ số và '_' (gặp '{c}')")
        if c == "%":
            raise FormulaError(
                i + 1, "không dùng dấu '%'; viết tỉ lệ dạng số, ví dụ 0.3 hoặc 30 / 100")
        raise FormulaError(i + 1, f"ký tự không hợp lệ '{c}'")
    toks.append(_Tok("end", "", n + 1))
    return toks


# --------------------------------------------------------------------------- tree

@dataclass(frozen=True, slots=True)
class _Node:
    op: str  # num, name, neg, pos, + - * /, cmp ops, and, or, not, call
    pos: int  # where the operator / name / number is
    args: tuple = ()
    value: object = None  # Decimal for num, str for name / call
    start: int = 0  # where the whole sub-expression starts (for type errors)

    def __post_init__(self):
        if not self.start:
            object.__setattr__(self, "start", self.pos)


_CMP = ("<", "<=", ">", ">=", "==", "!=")


class _Parser:
    def __init__(self, src: str, allowed: set[str] | frozenset[str] | None):
        self.toks = _tokenize(src)
        self.i = 0
        self.allowed = allowed
        self.depth = 0

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def advance(self) -> _Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def at(self, kind: str, text: str | None = None) -> bool:
        t = self.tok
        return t.kind == kind and (text is None or t.text == text)

    def unexpected(self) -> FormulaError:
        t = self.tok
        if t.kind == "end":
            return FormulaError(t.pos, "công thức chưa kết thúc, thiếu một giá trị")
        if t.text == ",":
            prev = self.toks[self.i - 1] if self.i else None
            nxt = self.toks[self.i + 1]
            if prev is not None and prev.kind == "num" and nxt.kind == "num":
                return FormulaError(
                    t.pos, f"dùng dấu chấm cho phần thập phân (viết {prev.text}.{nxt.text})")
        if t.text == ")":
            return FormulaError(t.pos, "thừa dấu đóng ngoặc")
        return FormulaError(t.pos, f"không mong đợi '{t.text}'")

    def parse(self) -> _Node:
        if self.tok.kind == "end":
            raise FormulaError(1, "công thức rỗng")
        node = self.expr()
        if self.tok.kind != "end":
            raise self.unexpected()
        return node

    def expr(self) -> _Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(self.tok.pos, "công thức lồng nhau quá sâu")
        try:
            return self.or_expr()
        finally:
            self.depth -= 1

    def or_expr(self) -> _Node:
        left = self.and_expr()
        while self.at("name", "or"):
            t = self.advance()
            left = _Node("or", t.pos, (left, self.and_expr()), start=left.start)
        return left

    def and_expr(self) -> _Node:
        left = self.not_expr()
        while self.at("name", "and"):
            t = self.advance()
            left = _Node("and", t.pos, (left, self.not_expr()), start=left.start)
        return left

    def not_expr(self) -> _Node:
        if self.at("name", "not"):
            t = self.advance()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise FormulaError(t.pos, "công thức lồng nhau quá sâu")
            try:
                return _Node("not", t.pos, (self.not_expr(),))
            finally:
                self.depth -= 1
        return self.comparison()

    def comparison(self) -> _Node:
        left = self.additive()
        if self.tok.kind == "op" and self.tok.text in _CMP:
            t = self.advance()
            right = self.additive()
            if self.tok.kind == "op" and self.tok.text in _CMP:
                raise FormulaError(
                    self.tok.pos, "không nối tiếp hai phép so sánh; dùng 'and' để ghép")
            return _Node(t.text, t.pos, (left, right), start=left.start)
        return left

    def additive(self) -> _Node:
        left = self.term()
        while self.tok.kind == "op" and self.tok.text in "+-":
            t = self.advance()
            left = _Node(t.text, t.pos, (left, self.term()), start=left.start)
        return left

    def term(self) -> _Node:
        left = self.unary()
        while self.tok.kind == "op" and self.tok.text in "*/":
            t = self.advance()
            left = _Node(t.text, t.pos, (left, self.unary()), start=left.start)
        return left

    def unary(self) -> _Node:
        if self.tok.kind == "op" and self.tok.text in "+-":
            t = self.advance()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise FormulaError(t.pos, "công thức lồng nhau quá sâu")
            try:
                operand = self.unary()
            finally:
                self.depth -= 1
            return _Node("neg" if t.text == "-" else "pos", t.pos, (operand,))
        return self.primary()

    def primary(self) -> _Node:
        t = self.tok
        if t.kind == "num":
            self.advance()
            return _Node("num", t.pos, (), Decimal(t.text))
        if t.kind == "op" and t.text == "(":
            self.advance()
            inner = self.expr()
            if not self.at("op", ")"):
                if self.tok.kind == "end" or self.tok.text == ",":
                    raise FormulaError(self.tok.pos, "thiếu dấu đóng ngoặc")
                raise FormulaError(self.tok.pos, f"thiếu dấu đóng ngoặc trước '{self.tok.text}'")
            self.advance()
            return inner
        if t.kind == "name":
            if t.text in KEYWORDS:
                raise FormulaError(t.pos, f"thiếu giá trị trước '{t.text}'")
            self.advance()
            if self.at("op", "("):
                return self.call(t)
            if t.text in FUNCTIONS:
                raise FormulaError(t.pos, f"'{t.text}' là hàm, cần dấu mở ngoặc sau tên hàm")
            if self.allowed is not None and t.text not in self.allowed:
                raise FormulaError(t.pos, f"không có chỉ số '{t.text}'")
            return _Node("name", t.pos, (), t.text)
        raise self.unexpected()

    def call(self, name_tok: _Tok) -> _Node:
        fname = name_tok.text
        if fname not in FUNCTIONS:
            raise FormulaError(name_tok.pos, f"không có hàm '{fname}'")
        self.advance()  # (
        args: list[_Node] = []
        if not self.at("op", ")"):
            while True:
                args.append(self.expr())
                if self.at("op", ","):
                    self.advance()
                    continue
                if self.at("op", ")"):
                    break
                if self.tok.kind == "end":
                    raise FormulaError(self.tok.pos, "thiếu dấu đóng ngoặc")
                raise FormulaError(
                    self.tok.pos, f"thiếu dấu phẩy hoặc dấu đóng ngoặc trước '{self.tok.text}'")
        self.advance()  # )
        n = len(args)
        pos = name_tok.pos
        if fname == "if" and n != 3:
            raise FormulaError(pos, f"hàm 'if' cần đúng 3 đối số (có {n})")
        if fname == "round" and n != 2:
            raise FormulaError(pos, f"hàm 'round' cần đúng 2 đối số (có {n})")
        if fname == "abs" and n != 1:
            raise FormulaError(pos, f"hàm 'abs' cần đúng 1 đối số (có {n})")
        if fname in ("min", "max", "coalesce") and n < 1:
            raise FormulaError(pos, f"hàm '{fname}' cần ít nhất 1 đối số")
        if fname == "round":
            digits = args[1]
            if not (digits.op == "num" and digits.value == digits.value.to_integral_value()
                    and 0 <= digits.value <= 6):
                raise FormulaError(
                    digits.pos, "số chữ số của 'round' phải là một số nguyên từ 0 đến 6")
        return _Node("call", pos, tuple(args), fname)


# --------------------------------------------------------------------------- types

def _type(node: _Node) -> str:
    op = node.op
    if op in ("num", "name"):
        return NUM
    if op in ("neg", "pos", "+", "-", "*", "/"):
        for a in node.args:
            if _type(a) != NUM:
                sym = "-" if op == "neg" else "+" if op == "pos" else op
                raise FormulaError(a.start, f"phép '{sym}' cần số, không phải điều kiện đúng/sai")
        return NUM
    if op in _CMP:
        for a in node.args:
            if _type(a) != NUM:
                raise FormulaError(a.start, f"phép so sánh '{op}' cần số ở hai vế")
        return BOOL
    if op in ("and", "or", "not"):
        for a in node.args:
            if _type(a) != BOOL:
                raise FormulaError(a.start, f"'{op}' cần điều kiện đúng/sai, không phải số")
        return BOOL
    fname = node.value
    if fname == "if":
        cond, a, b = node.args
        if _type(cond) != BOOL:
            raise FormulaError(cond.start, "đối số đầu của 'if' phải là điều kiện đúng/sai")
        ta, tb = _type(a), _type(b)
        if ta != tb:
            raise FormulaError(b.start, "hai nhánh của 'if' phải cùng loại (cùng là số)")
        return ta
    if fname == "coalesce":
        kinds = {_type(a) for a in node.args}
        if len(kinds) != 1:
            raise FormulaError(node.pos, "các đối số của 'coalesce' phải cùng loại")
        return kinds.pop()
    for a in node.args:
        if _type(a) != NUM:
            raise FormulaError(a.start, f"hàm '{fname}' cần số")
    return NUM


# --------------------------------------------------------------------------- closures

Fn = Callable[[Mapping, list], object]


def _build(node: _Node) -> Fn:  # one branch per node type is the clearest shape
    op = node.op
    if op == "num":
        v = node.value

        def f(m, notes, v=v):
            return v
        return f
    if op == "name":
        key = node.value

        def f(m, notes, key=key):
            return m.get(key)
        return f
    if op == "pos":
        return _build(node.args[0])
    if op == "neg":
        a = _build(node.args[0])

        def f(m, notes):
            x = a(m, notes)
            return None if x is None else -x
        return f
    if op in ("+", "-", "*"):
        a, b = _build(node.args[0]), _build(node.args[1])
        if op == "+":
            def f(m, notes):
                x = a(m, notes)
                if x is None:
                    return None
                y = b(m, notes)
                return None if y is None else x + y
        elif op == "-":
            def f(m, notes):
                x = a(m, notes)
                if x is None:
                    return None
                y = b(m, notes)
                return None if y is None else x - y
        else:
            def f(m, notes):
                x = a(m, notes)
                if x is None:
                    return None
                y = b(m, notes)
                return None if y is None else x * y
        return f
    if op == "/":
        a, b = _build(node.args[0]), _build(node.args[1])
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
    if op in _CMP:
        a, b = _build(node.args[0]), _build(node.args[1])
        cmp = {
            "<": Decimal.__lt__, "<=": Decimal.__le__, ">": Decimal.__gt__,
            ">=": Decimal.__ge__, "==": Decimal.__eq__, "!=": Decimal.__ne__,
        }[op]

        def f(m, notes):
            x = a(m, notes)
            if x is None:
                return None
            y = b(m, notes)
            return None if y is None else cmp(x, y)
        return f
    if op == "not":
        a = _build(node.args[0])

        def f(m, notes):
            x = a(m, notes)
            return None if x is None else not x
        return f
    if op == "and":
        a, b = _build(node.args[0]), _build(node.args[1])

        def f(m, notes):
            x = a(m, notes)
            if x is False:
                return False
            y = b(m, notes)
            if y is False:
                return False
            return None if x is None or y is None else True
        return f
    if op == "or":
        a, b = _build(node.args[0]), _build(node.args[1])

        def f(m, notes):
            x = a(m, notes)
            if x is True:
                return True
            y = b(m, notes)
            if y is True:
                return True
            return None if x is None or y is None else False
        return f
    # calls
    fname = node.value
    fns = tuple(_build(a) for a in node.args)
    if fname == "if":
        c, a, b = fns

        def f(m, notes):
            x = c(m, notes)
            if x is None:
                return None
            return a(m, notes) if x else b(m, notes)
        return f
    if fname in ("min", "max"):
        pick = min if fname == "min" else max

        def f(m, notes):
            vals = []
            for g in fns:
                x = g(m, notes)
                if x is None:
                    return None
                vals.append(x)
            return pick(vals)
        return f
    if fname == "coalesce":
        def f(m, notes):
            for g in fns:
                x = g(m, notes)
                if x is not None:
                    return x
            return None
        return f
    if fname == "abs":
        (a,) = fns

        def f(m, notes):
            x = a(m, notes)
            return None if x is None else abs(x)
        return f
    # round
    a = fns[0]
    exp = Decimal(1).scaleb(-int(node.args[1].value))

    def f(m, notes):
        x = a(m, notes)
        return None if x is None else x.quantize(exp, rounding=ROUND_HALF_UP)
    return f


def _names(node: _Node, out: list[str]) -> None:
    if node.op == "name" and node.value not in out:
        out.append(node.value)
    for a in node.args:
        _names(a, out)


# --------------------------------------------------------------------------- public API

def to_decimal(value) -> Decimal | None:
    """Normalise a metric value: None stays None, bool → 0/1, int/str → Decimal, float via str."""
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"giá trị không phải là số: {value!r}") from None
    raise TypeError(f"kiểu giá trị không hợp lệ: {type(value).__name__}")


@dataclass(frozen=True, slots=True)
class Evaluation:
    value: Decimal | bool | None
    missing: tuple[str, ...]  # metrics the formula reads that were missing
    notes: tuple[str, ...]  # e.g. division by zero


@dataclass(frozen=True, eq=False)
class Formula:
    source: str
    kind: str  # "number" or "bool"
    names: tuple[str, ...]  # metric names, in order of first appearance
    _fn: Fn

    def evaluate(self, metrics: Mapping[str, object]) -> Decimal | bool | None:
        """Evaluate over ``metrics``; a missing metric makes the result None (see module doc)."""
        return self.evaluate_detailed(metrics).value

    def evaluate_detailed(self, metrics: Mapping[str, object]) -> Evaluation:
        m = {k: to_decimal(metrics.get(k)) for k in self.names}
        notes: list[str] = []
        value = self._fn(m, notes)
        missing = tuple(k for k in self.names if m[k] is None)
        return Evaluation(value, missing, tuple(notes))

    def __eq__(self, other):
        return isinstance(other, Formula) and other.source == self.source

    def __hash__(self):
        return hash(self.source)

    def __str__(self):
        return self.source


def compile_formula(
    src: str, *, allowed_names: set[str] | frozenset[str] | None = None, kind: str | None = None,
) -> Formula:
    """Parse, type-check and compile ``src``.

    ``allowed_names`` limits the metrics a formula may read (None: any identifier). ``kind``
    ("number" or "bool") requires the result type. Raises :class:`FormulaError`.
    """
    if not isinstance(src, str):
        raise FormulaError(1, "công thức phải là chuỗi ký tự")
    if len(src) > MAX_LENGTH:
        raise FormulaError(MAX_LENGTH + 1, f"công thức dài quá {MAX_LENGTH} ký tự")
    tree = _Parser(src, allowed_names).parse()
    result_kind = _type(tree)
    if kind is not None and result_kind != kind:
        raise FormulaError(1, f"công thức phải cho ra {_KIND_VI[kind]}")
    names: list[str] = []
    _names(tree, names)
    return Formula(src.strip(), result_kind, tuple(names), _build(tree))
