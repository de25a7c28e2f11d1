import io

import pytest
from openpyxl import Workbook


def workbook_bytes(sheets: dict[str, list[list]]) -> bytes:
    """A workbook with these sheets: first list is the header row."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture
def make_workbook():
    return workbook_bytes
