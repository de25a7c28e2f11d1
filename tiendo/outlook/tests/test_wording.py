"""Outlook wording: labels for every risk class, bands and the needed rate as written."""

from decimal import Decimal as D

import pytest

from tiendo.outlook import wording
from tiendo.outlook.rules import Risk


def test_every_risk_class_has_a_label_and_a_closing_sentence():
    assert set(wording.RISK_LABELS) == set(Risk)
    assert set(wording.CLASS_SENTENCES) == set(Risk)
    assert wording.RISK_LABELS[Risk.OFF_COURSE] == "Chệch hướng"


@pytest.mark.parametrize(
    ("lo", "hi", "text"),
    [
        (D("95"), None, "≥ 95"),
        (None, D("2"), "≤ 2"),
        (D("6.6"), D("6.8"), "6,6–6,8"),
        (D("10619"), D("10619"), "10.619"),
    ],
)
def test_band_is_written_as_the_plan_says_it(lo, hi, text):
    assert wording.band_text(lo, hi) == text


def test_a_flow_that_already_reached_its_plan_only_needs_to_hold():
    assert wording.needed_amount_sentence(-5.0, "min", 2, "quý", "", pace=40.0) == (
        "Lũy kế đã đạt mức kế hoạch năm; 2 quý còn lại chỉ cần giữ kết quả."
    )
