"""The public side of the language: compile a formula's text into a :class:`Formula` and
evaluate it over metrics."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .builder import Fn, build, metric_names
from .checker import result_type
from .language import KIND_WORDS, MAX_LENGTH, FormulaError
from .parser import Parser


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
    tree = Parser(src, allowed_names).parse()
    result_kind = result_type(tree)
    if kind is not None and result_kind != kind:
        raise FormulaError(1, f"công thức phải cho ra {KIND_WORDS[kind]}")
    names: list[str] = []
    metric_names(tree, names)
    return Formula(src.strip(), result_kind, tuple(names), build(tree))
