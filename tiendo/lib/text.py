"""Vietnamese text helpers: Unicode normalisation and accent folding (no Django).

- ``nfc(s)``: NFC form, the one form stored and compared everywhere (Vietnamese text typed on
  different keyboards arrives in NFC or NFD; "ư" may be one or two code points).
- ``fold(s)``: a search/match key: lower case, diacritics removed, "đ" → "d", whitespace collapsed.
  ``fold("Thu ngân sách Nhà nước") == "thu ngan sach nha nuoc"``.
- ``slugify_vi(s)``: an ASCII slug: ``slugify_vi("Sở Tài chính") == "so-tai-chinh"``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "nfc", "slugify_vi"]

_SPACES = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
# "đ"/"Đ" are letters of their own, not "d" plus a combining mark, so NFD does not split them.
_D_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(s: str) -> str:
    """Return ``s`` in Unicode NFC form."""
    return unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse runs of whitespace to one space."""
    decomposed = unicodedata.normalize("NFD", s.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = unicodedata.normalize("NFC", stripped).lower().translate(_D_MAP)
    return _SPACES.sub(" ", stripped).strip()


def slugify_vi(s: str) -> str:
    """ASCII slug of a Vietnamese text: folded, non-alphanumerics become single hyphens."""
    return _NON_SLUG.sub("-", fold(s)).strip("-")
