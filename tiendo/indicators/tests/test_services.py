from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from tiendo.audit.models import AuditEntry
from tiendo.indicators import services
from tiendo.indicators.models import Figure, FigureState, Target
from tiendo.indicators.queries import figure_table
from tiendo.testing import make_indicator


@pytest.fixture
def budget(db):
    return make_indicator("thu-ngan-sach", name="Thu ngân sách nhà nước")


def test_figure_goes_draft_submitted_approved_with_an_audit_entry_each(cast, budget):
    f = services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal("10619"))
    assert f.state == FigureState.DRAFT
    f = services.figure_submit(actor=cast.focal_a, figure=f)
    assert f.state == FigureState.SUBMITTED
    f = services.figure_approve(actor=cast.office, figure=f)
    assert f.state == FigureState.APPROVED
    assert f.decided_by == cast.office
    actions = list(AuditEntry.objects.filter(object_type="indicators.figure")
                   .values_list("action", flat=True))
    assert actions == ["figure.draft", "figure.submit", "figure.approve"]
    last = AuditEntry.objects.filter(action="figure.approve").get()
    assert last.before["state"] == "submitted"
    assert last.after["state"] == "approved"
    assert last.after["value"] == "10619"


def test_focal_point_cannot_enter_another_units_figure_and_nothing_is_written(cast, budget):
    with pytest.raises(PermissionDenied):
        services.figure_save_draft(actor=cast.focal_b, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal(1))
    assert Figure.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_returned_figure_goes_back_with_the_comment_and_can_be_resubmitted(cast, budget):
    f = services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal(5))
    f = services.figure_submit(actor=cast.focal_a, figure=f)
    with pytest.raises(ValidationError):
        services.figure_return(actor=cast.office, figure=f, comment="  ")
    f = services.figure_return(actor=cast.office, figure=f, comment="Thiếu minh chứng")
    assert (f.state, f.return_comment) == (FigureState.RETURNED, "Thiếu minh chứng")
    f = services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal(6))
    f = services.figure_submit(actor=cast.focal_a, figure=f)
    assert f.state == FigureState.SUBMITTED
    assert Figure.objects.count() == 1


def test_leader_and_focal_point_cannot_approve(cast, budget):
    f = services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal(5))
    f = services.figure_submit(actor=cast.focal_a, figure=f)
    for user in (cast.leader, cast.focal_a, cast.focal_b, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.figure_approve(actor=user, figure=f)
    f.refresh_from_db()
    assert f.state == FigureState.SUBMITTED


def test_approved_figure_is_locked_but_a_final_figure_replaces_an_estimate(cast, budget):
    f = services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal(783), is_estimate=True)
    services.figure_submit(actor=cast.focal_a, figure=f)
    services.figure_approve(actor=cast.office, figure=f)
    final = services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                       period="2026-Q1", value=Decimal(790))
    f.refresh_from_db()
    assert f.superseded_by == final
    assert (final.is_estimate, final.value) == (False, Decimal(790))
    assert Figure.objects.filter(superseded_by__isnull=True).get() == final
    services.figure_approve(actor=cast.office,
                            figure=services.figure_submit(actor=cast.focal_a, figure=final))
    with pytest.raises(ValidationError):
        services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal(1))
    [row] = figure_table(user=cast.office, period="2026-Q1")
    assert row.actual == Decimal(790)


def test_a_stale_version_is_a_conflict_naming_the_current_value(cast, budget):
    f = services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal(5))
    services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                               period="2026-Q1", value=Decimal(7), expected_version=f.version)
    with pytest.raises(services.ConflictError) as err:
        services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal(9),
                                   expected_version=f.version)
    assert "7" in err.value.messages[0]
    assert Figure.objects.get().value == Decimal(7)


def test_target_needs_a_unit_in_the_indicators_scope_and_a_valid_period(cast, budget):
    budget.scope_units.set([cast.unit_a])
    with pytest.raises(ValidationError) as err:
        services.target_set(actor=cast.office, indicator=budget, unit=cast.unit_b,
                            period="2026-Q1", value=Decimal(1))
    assert "không thuộc phạm vi" in str(err.value)
    with pytest.raises(ValidationError):
        services.target_set(actor=cast.office, indicator=budget, unit=None,
                            period="2026-Q1", value=Decimal(1))
    with pytest.raises(ValidationError) as err:
        services.target_set(actor=cast.office, indicator=budget, unit=cast.unit_a,
                            period="2026-Q5", value=Decimal(1))
    assert "2026-Q5" in str(err.value)
    assert Target.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_figure_table_gives_plan_actual_attainment_and_status(cast, budget, settings):
    # a workspace that draws the vượt line at 5% of plan (the default draws none)
    settings.TIENDO_RULES = {**settings.TIENDO_RULES, "exceed_margin": "0.05"}
    services.target_set(actor=cast.office, indicator=budget, unit=cast.unit_a,
                        period="2026-Q1", value=Decimal("9950"))
    f = services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal("10619"))
    services.figure_submit(actor=cast.focal_a, figure=f)
    [row] = figure_table(user=cast.leader, period="2026-Q1")
    data = row.as_json()
    assert (data["plan"], data["actual"], data["attainment"]) == (9950, 10619, 106.72)
    assert (data["status"], data["verdict"]) == ("achieved", "exceeded")
    assert figure_table(user=cast.focal_b, period="2026-Q1") == []
    assert figure_table(user=cast.outsider, period="2026-Q1") == []


def test_figure_table_runs_in_a_fixed_number_of_queries(cast, budget, django_assert_num_queries):
    for i in range(5):
        ind = budget if i == 0 else type(budget).objects.create(
            code=f"ct-{i}", name=f"Chỉ tiêu {i}", unit_of_measure="%")
        services.target_set(actor=cast.office, indicator=ind, unit=cast.unit_a,
                            period="2026-Q1", value=Decimal(10))
    user = type(cast.leader).objects.get(pk=cast.leader.pk)
    # memberships, visible unit ids, the stored assessments joined with their rows
    with django_assert_num_queries(3):
        rows = figure_table(user=user, period="2026-Q1")
    assert len(rows) == 5


def test_a_refusal_is_worded_in_english_on_an_english_page(cast, budget):
    f = services.figure_save_draft(actor=cast.focal_a, indicator=budget, unit=cast.unit_a,
                                   period="2026-Q1", value=Decimal("10619"))
    f = services.figure_submit(actor=cast.focal_a, figure=f)
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            services.figure_return(actor=cast.office, figure=f, comment=" ")
        assert exc.value.message_dict == {"comment": ["A reason for the return is required."]}
    f.refresh_from_db()
    assert f.state == FigureState.SUBMITTED
