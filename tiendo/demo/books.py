"""The demo's workbooks (workspace.py, history.py): loaded through the import, rewritten from
their sources by `python -m tiendo.demo.<module>`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def load_book(path: Path, *, actor) -> dict:
    """Import the workbook at ``path`` as ``actor``; its counts. A demo workbook with an error
    is a bug of the demo: it stops the load (one transaction, nothing written)."""
    from tiendo.transfer.services import workbook_import

    result = workbook_import(actor=actor, source=path.read_bytes())
    if result.errors:
        raise RuntimeError(result.errors[0].message)
    return result.as_json()


def rewrite(path: Path, build: Callable[[], bytes]) -> None:
    """`python -m tiendo.demo.<module>`: write the workbook again from its sources."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tiendo.settings")
    django.setup()
    path.write_bytes(build())
    print(path)
