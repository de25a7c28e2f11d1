"""Tasks proposed from a directive, as the page shows them: plain dicts, no Django.

The worker's reading child (tiendo.extraction.reading) runs this after reading an uploaded
directive, under the same time and memory limits; the page runs it on pasted text.
"""

from __future__ import annotations

from tiendo.extraction.engine.directives import propose_tasks
from tiendo.lib.cells import strip_formula_prefix
from tiendo.lib.text import fold

PRODUCT_WORDS = (  # first words of the engine's product → tasks.Product value
    ("de an", "de_an"), ("ke hoach", "ke_hoach"), ("nghi quyet", "nghi_quyet"),
    ("bao cao", "bao_cao"), ("quyet dinh", "quyet_dinh"), ("quy dinh", "quy_dinh"),
    ("huong dan", "huong_dan"), ("chinh sach", "chinh_sach"),
)


def product_choice(product: str | None) -> str:
    key = fold(product or "")
    return next((value for words, value in PRODUCT_WORDS if key.startswith(words)), "khac")


def proposal_dict(p) -> dict:
    """One proposal for the form; a title that a spreadsheet would read as a formula loses
    its leading =, +, -, @."""
    return {
        "title": strip_formula_prefix(p.title),
        "deadline": p.deadline.isoformat() if p.deadline else "",
        "deadline_text": p.deadline_text or "", "start": p.start, "end": p.end,
        "product": p.product or "", "product_choice": product_choice(p.product),
        "lead_unit": p.lead_unit or "",
        "targets": [f"{s.indicator}: {n.text}{n.unit or ''}" for s in p.targets
                    for n in s.numbers if n.role == "target"],
    }


def proposals_of(text: str, *, units, period: str | None = None) -> list[dict]:
    """The proposed tasks of a directive's text; ``units`` are (id, name) pairs to guess the
    lead unit from, ``period`` the default period code."""
    return [proposal_dict(p) for p in propose_tasks(text, units=units, default_period=period)]
