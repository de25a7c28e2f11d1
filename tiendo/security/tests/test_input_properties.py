"""Bad input, generated: the forms people type figures, progress and dates into, the audit
comparison, and the backup reader never crash — they accept or answer with a message.

(The parsers themselves — numbers, periods, formulas, extraction, the API schema — have their
own property tests in their apps.)"""

import tarfile
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tiendo.audit.integrity import same
from tiendo.lib.vn_numbers import VnNumberError, format_vn_number, parse_decimal_input
from tiendo.security.backup import BackupError, restore
from tiendo.web import forms

TYPED = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789.,-+ %", max_size=20),
    st.decimals(allow_nan=False, allow_infinity=False, places=4,
                min_value=Decimal("-1e12"), max_value=Decimal("1e12")).map(format_vn_number),
)


@given(value=TYPED, change=TYPED, version=st.one_of(st.none(), st.text(max_size=12)))
@settings(max_examples=300, deadline=None)
def test_the_figure_form_accepts_or_explains_any_typed_value(value, change, version):
    data = {"value": value, "change": change, "note": ""}
    if version is not None:
        data["version"] = version
    form = forms.FigureForm(data)
    if form.is_valid():
        assert form.cleaned_data["value"] == parse_decimal_input(value)
    else:
        assert all(isinstance(m, str) and m for errs in form.errors.values() for m in errs)


@given(value=TYPED)
@settings(max_examples=300, deadline=None)
def test_a_typed_number_parses_or_raises_the_vietnamese_error(value):
    try:
        parsed = parse_decimal_input(value)
    except VnNumberError as exc:
        assert str(exc)
    else:
        assert isinstance(parsed, Decimal)
        assert parsed.is_finite()


@given(value=st.decimals(allow_nan=False, allow_infinity=False, places=4,
                         min_value=Decimal("-1e12"), max_value=Decimal("1e12")))
@settings(max_examples=300, deadline=None)
def test_a_formatted_number_reads_back_as_the_same_number(value):
    assert parse_decimal_input(format_vn_number(value)) == value


@given(percent=st.one_of(st.integers(-1000, 1000), st.text(max_size=8)),
       note=st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_the_progress_form_keeps_percent_between_0_and_100(percent, note):
    form = forms.ProgressForm({"percent": str(percent), "note": note})
    if form.is_valid():
        assert 0 <= form.cleaned_data["percent"] <= 100


@given(day=st.one_of(st.text(max_size=12), st.dates().map(date.isoformat),
                     st.dates().map(lambda d: d.strftime("%d/%m/%Y"))),
       reason=st.text(max_size=50))
@settings(max_examples=200, deadline=None)
def test_the_extension_form_accepts_only_real_dates(day, reason):
    form = forms.ExtensionForm({"new_deadline": day, "reason": reason})
    if form.is_valid():
        assert isinstance(form.cleaned_data["new_deadline"], date)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)


@given(a=JSON, b=JSON)
@settings(max_examples=300)
def test_the_audit_comparison_is_symmetric_and_reflexive(a, b):
    assert same(a, a)
    assert same(a, b) == same(b, a)


@pytest.mark.django_db
@given(blob=st.binary(max_size=2000))
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_restore_of_arbitrary_bytes_is_refused_with_a_message(blob, tmp_path):
    path = tmp_path / "rac.tar.gz"
    path.write_bytes(blob)
    with pytest.raises(BackupError):
        restore(path)


def test_restore_of_a_truncated_archive_is_refused(tmp_path, db):
    good = tmp_path / "a.tar.gz"
    (tmp_path / "manifest.json").write_text("{}")
    with tarfile.open(good, "w:gz") as tar:
        tar.add(tmp_path / "manifest.json", arcname="manifest.json")
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(good.read_bytes()[:30])
    with pytest.raises(BackupError, match="không đọc được"):
        restore(cut)
