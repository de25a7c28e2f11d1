"""NFC with an offset map: extract on NFC text, report spans in the caller's own text.

Vietnamese typed on some keyboards arrives decomposed (NFD: "ê" + combining acute). The rules
work on NFC; :func:`nfc_with_map` normalises cluster by cluster (a base character with its
combining marks) and keeps, for each NFC index, the index in the original text.
"""

from __future__ import annotations

import unicodedata


def nfc_with_map(text: str) -> tuple[str, list[int]]:
    """(NFC text, index map of len(nfc)+1) with ``nfc[i]`` coming from ``text[map[i]]``."""
    out: list[str] = []
    index: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", text[i:j])
        out.append(chunk)
        # spread the original cluster over the NFC characters
        for k in range(len(chunk)):
            index.append(i if k == 0 else min(i + k, j - 1))
        i = j
    index.append(n)
    return "".join(out), index
