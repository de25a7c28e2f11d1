"""Recursive-descent parser: tokens to a tiny tree of :class:`Node`."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from .language import COMPARISONS, FUNCTIONS, KEYWORDS, MAX_DEPTH, FormulaError
from .tokens import Token, tokenize

# functions that take exactly this many arguments; the others (min, max, coalesce) at least one
_EXACT_ARITY = {"if": 3, "round": 2, "abs": 1}


@dataclass(frozen=True, slots=True)
class Node:
    op: str  # num, name, neg, pos, + - * /, cmp ops, and, or, not, call
    pos: int  # where the operator / name / number is
    args: tuple = ()
    value: object = None  # Decimal for num, str for name / call
    start: int = 0  # where the whole sub-expression starts (for type errors)

    def __post_init__(self):
        if not self.start:
            object.__setattr__(self, "start", self.pos)


class Parser:
    def __init__(self, src: str, allowed: set[str] | frozenset[str] | None):
        self.toks = tokenize(src)
        self.i = 0
        self.allowed = allowed
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.toks[self.i]

    def advance(self) -> Token:
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

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise FormulaError(1, "công thức rỗng")
        node = self.expr()
        if self.tok.kind != "end":
            raise self.unexpected()
        return node

    @contextmanager
    def _deeper(self, pos: int):
        """One level deeper; refuses formulas nested past MAX_DEPTH (a context manager, so the
        recursion takes no more stack frames than the grammar needs)."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(pos, "công thức lồng nhau quá sâu")
        try:
            yield
        finally:
            self.depth -= 1

    def expr(self) -> Node:
        with self._deeper(self.tok.pos):
            return self.or_expr()

    def or_expr(self) -> Node:
        left = self.and_expr()
        while self.at("name", "or"):
            t = self.advance()
            left = Node("or", t.pos, (left, self.and_expr()), start=left.start)
        return left

    def and_expr(self) -> Node:
        left = self.not_expr()
        while self.at("name", "and"):
            t = self.advance()
            left = Node("and", t.pos, (left, self.not_expr()), start=left.start)
        return left

    def not_expr(self) -> Node:
        if self.at("name", "not"):
            t = self.advance()
            with self._deeper(t.pos):
                return Node("not", t.pos, (self.not_expr(),))
        return self.comparison()

    def comparison(self) -> Node:
        left = self.additive()
        if self.tok.kind == "op" and self.tok.text in COMPARISONS:
            t = self.advance()
            right = self.additive()
            if self.tok.kind == "op" and self.tok.text in COMPARISONS:
                raise FormulaError(
                    self.tok.pos, "không nối tiếp hai phép so sánh; dùng 'and' để ghép")
            return Node(t.text, t.pos, (left, right), start=left.start)
        return left

    def additive(self) -> Node:
        left = self.term()
        while self.tok.kind == "op" and self.tok.text in "+-":
            t = self.advance()
            left = Node(t.text, t.pos, (left, self.term()), start=left.start)
        return left

    def term(self) -> Node:
        left = self.unary()
        while self.tok.kind == "op" and self.tok.text in "*/":
            t = self.advance()
            left = Node(t.text, t.pos, (left, self.unary()), start=left.start)
        return left

    def unary(self) -> Node:
        if self.tok.kind == "op" and self.tok.text in "+-":
            t = self.advance()
            with self._deeper(t.pos):
                operand = self.unary()
            return Node("neg" if t.text == "-" else "pos", t.pos, (operand,))
        return self.primary()

    def primary(self) -> Node:
        t = self.tok
        if t.kind == "num":
            self.advance()
            return Node("num", t.pos, (), Decimal(t.text))
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
            return Node("name", t.pos, (), t.text)
        raise self.unexpected()

    def call(self, name_tok: Token) -> Node:
        fname = name_tok.text
        if fname not in FUNCTIONS:
            raise FormulaError(name_tok.pos, f"không có hàm '{fname}'")
        self.advance()  # (
        args: list[Node] = []
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
        _check_arguments(fname, name_tok.pos, args)
        return Node("call", name_tok.pos, tuple(args), fname)


def _check_arguments(fname: str, pos: int, args: list[Node]) -> None:
    n = len(args)
    exact = _EXACT_ARITY.get(fname)
    if exact is not None and n != exact:
        raise FormulaError(pos, f"hàm '{fname}' cần đúng {exact} đối số (có {n})")
    if exact is None and n < 1:
        raise FormulaError(pos, f"hàm '{fname}' cần ít nhất 1 đối số")
    if fname == "round":
        digits = args[1]
        if not (digits.op == "num" and digits.value == digits.value.to_integral_value()
                and 0 <= digits.value <= 6):
            raise FormulaError(
                digits.pos, "số chữ số của 'round' phải là một số nguyên từ 0 đến 6")
