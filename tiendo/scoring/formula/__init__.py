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

from .compiler import Evaluation, Formula, compile_formula, to_decimal
from .language import BOOL, FUNCTIONS, KEYWORDS, MAX_DEPTH, MAX_LENGTH, NUM, FormulaError

__all__ = [
    "BOOL", "FUNCTIONS", "KEYWORDS", "MAX_DEPTH", "MAX_LENGTH", "NUM",
    "Evaluation", "Formula", "FormulaError", "compile_formula", "to_decimal",
]
