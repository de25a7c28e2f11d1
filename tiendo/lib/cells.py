"""Spreadsheet formula injection (CSV/formula injection, OWASP): one rule for every export.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken for
a formula by Excel, LibreOffice and Google Sheets — ``=HYPERLINK("http://…")`` in a task title
becomes a live link in the office's workbook. Every writer asks :func:`is_formula_like`:

- xlsx writers store such a string as text with the "quote prefix" style (the cell shows the
  text as typed, and editing it does not turn it into a formula);
- CSV writers put a single quote in front (:func:`csv_cell`), the OWASP rule;
- report reading strips the prefixes from a proposed task title (:func:`strip_formula_prefix`).

Only strings are touched: a negative number stays a number.
"""

from __future__ import annotations

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    """A string a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def csv_cell(value):
    """``value`` for a CSV cell: a formula-like string gets a leading single quote."""
    return "'" + value if is_formula_like(value) else value


def strip_formula_prefix(text: str) -> str:
    """``text`` without the formula prefixes (and spaces) it starts with: "=- Lập kế hoạch"
    gives "Lập kế hoạch"."""
    out = text.lstrip()
    while out.startswith(FORMULA_PREFIXES):
        out = out[1:].lstrip()
    return out
