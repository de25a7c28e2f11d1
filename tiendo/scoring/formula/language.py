"""What the formula language is made of: its two types, functions, keywords and limits, and the
error a formula that cannot be compiled raises."""

from __future__ import annotations

MAX_LENGTH = 2000
MAX_DEPTH = 60

NUM = "number"
BOOL = "bool"
KIND_WORDS = {NUM: "một số", BOOL: "một điều kiện đúng/sai"}

FUNCTIONS = ("min", "max", "if", "round", "abs", "coalesce")
KEYWORDS = ("and", "or", "not")
COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")


class FormulaError(ValueError):
    """A formula that cannot be compiled. ``position`` is 1-based (characters)."""

    def __init__(self, position: int, reason: str):
        self.position = position
        self.reason = reason
        super().__init__(f"Vị trí {position}: {reason}")
