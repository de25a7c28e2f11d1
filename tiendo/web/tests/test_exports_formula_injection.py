"""Formula injection: a title like =HYPERLINK("http://x") leaves every xlsx and CSV
export as text, while numbers — negative ones too — stay numbers."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tiendo.api.services import token_create
from tiendo.indicators.models import FigureState
from tiendo.lib.cells import FORMULA_PREFIXES, csv_cell, is_formula_like, strip_formula_prefix
from tiendo.testing import make_figure, make_indicator, make_target, make_task

Q = "2026-Q2"
HOSTILE = '=HYPERLINK("http://x")'
OTHERS = ["+1+1", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1"]


@pytest.fixture
def hostile(cast):
    cast.unit_b.name = "@SUM(A1:A9)"
    cast.unit_b.save(update_fields=["name"])
    ind = make_indicator("doc-hai", name=HOSTILE)
    make_target(ind, cast.unit_a, Q, "100")
    make_target(ind, cast.unit_b, Q, "100")
    make_figure(ind, cast.unit_a, Q, "-12.5", change=Decimal("-3.5"))
    make_figure(ind, cast.unit_b, Q, "40", state=FigureState.SUBMITTED,
                submitted_by=cast.focal_b, submitted_at=None)
    task = make_task(HOSTILE, cast.unit_a, deadline=date(2026, 6, 15), period=Q)
    for i, title in enumerate(OTHERS):
        make_task(title, cast.unit_a, deadline=date(2026, 6, 20 + i), period=Q)
    return ind, task


def _cells(content: bytes):
    wb = load_workbook(io.BytesIO(content))
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def _check_workbook(content: bytes, *expected: str):
    cells = _cells(content)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [c for c in cells if is_formula_like(c.value)]
    for c in texts:
        assert c.data_type == "s", c.coordinate
        assert c.quotePrefix, c.coordinate
    for value in expected:
        assert value in {c.value for c in texts}, value
    return cells


XLSX_ROUTES = [
    ("web:tasks", {}, [HOSTILE, *OTHERS]),
    ("web:figures", {"period": Q}, [HOSTILE, "@SUM(A1:A9)"]),
    ("web:indicators", {}, [HOSTILE]),
    ("web:approvals", {}, [HOSTILE, "@SUM(A1:A9)"]),
    ("web:units", {}, ["@SUM(A1:A9)"]),
]


@pytest.mark.parametrize(("name", "params", "expected"), XLSX_ROUTES)
def test_every_list_export_writes_formula_like_text_as_text(as_user, hostile, name, params,
                                                          expected):
    resp = as_user("office").get(reverse(name), {**params, "xuat": "xlsx"})
    assert resp.status_code == 200
    _check_workbook(resp.content, *expected)


def test_the_indicator_and_unit_pages_export_text_too(as_user, cast, hostile):
    ind, _task = hostile
    history = as_user("office").get(reverse("web:indicator", args=[ind.pk]), {"xuat": "xlsx"})
    _check_workbook(history.content, "@SUM(A1:A9)")
    unit = as_user("office").get(reverse("web:unit", args=[cast.unit_a.pk]),
                                 {"period": Q, "xuat": "xlsx"})
    _check_workbook(unit.content, HOSTILE)


def test_a_negative_figure_stays_a_number(as_user, hostile):
    resp = as_user("office").get(reverse("web:figures"), {"period": Q, "xuat": "xlsx"})
    cells = _check_workbook(resp.content, HOSTILE)
    assert -12.5 in [c.value for c in cells if c.data_type == "n"]


def test_the_report_workbook_writes_formula_like_text_as_text(as_user, hostile):
    resp = as_user("office").get(reverse("reports:download", args=["xlsx"]), {"period": Q})
    assert resp.status_code == 200
    cells = _check_workbook(resp.content, HOSTILE, "@SUM(A1:A9)", *OTHERS)
    assert -12.5 in [c.value for c in cells if c.data_type == "n"]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(("sheet", "expected"), [("indicators", [HOSTILE, "@SUM(A1:A9)"]),
                                                 ("tasks", [HOSTILE, *OTHERS])])
def test_the_report_csv_quotes_formula_like_text(as_user, hostile, sheet, expected):
    resp = as_user("office").get(reverse("reports:download", args=["csv"]),
                                 {"period": Q, "sheet": sheet})
    assert resp.status_code == 200
    rows = _csv(resp.content)
    values = [v for row in rows[1:] for v in row]
    assert not [v for v in values if is_formula_like(v) and not _is_number(v)]
    for value in expected:
        assert "'" + value in values
    if sheet == "indicators":
        assert "-12.5" in values  # a negative number is not quoted


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_api_report_is_neutralised_too(client, cast, hostile, fmt):
    _token, raw = token_create(actor=cast.office, name="xuat")
    resp = client.get(f"/api/reports/{Q}", {"format": fmt},
                      HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert resp.status_code == 200
    if fmt == "xlsx":
        _check_workbook(resp.content, HOSTILE)
    else:
        assert "'" + HOSTILE in [v for row in _csv(resp.content) for v in row]


@pytest.mark.parametrize(("value", "expected"), [
    (HOSTILE, "'" + HOSTILE), ("+84 263", "'+84 263"), ("-5", "'-5"), ("@x", "'@x"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Thu ngân sách", "Thu ngân sách"), ("", ""),
    (-5, -5), (Decimal("-1.5"), Decimal("-1.5")), (None, None), (" =1", " =1"),
])
def test_csv_cell_follows_the_owasp_rule(value, expected):
    assert csv_cell(value) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (HOSTILE, 'HYPERLINK("http://x")'), ("=- Lập kế hoạch", "Lập kế hoạch"),
    ("@+\t-Triển khai", "Triển khai"), ("Triển khai - rà soát", "Triển khai - rà soát"),
])
def test_strip_formula_prefix(text, expected):
    assert strip_formula_prefix(text) == expected
    assert not strip_formula_prefix(text).startswith(FORMULA_PREFIXES)
