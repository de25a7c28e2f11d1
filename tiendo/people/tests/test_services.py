"""The NĐ 335 chain through the services: state, audit entry, and nothing written when refused."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from tiendo.audit.models import AuditEntry
from tiendo.lib.periods import parse_period
from tiendo.people import queries, services
from tiendo.people.models import EvalState, Evaluation, ItemState, TaskAssignee, WorkItem
from tiendo.scoring.queries import framework_version
from tiendo.testing import make_task

from .conftest import Q1, at

MARKS = {"mark_politics": D(9), "mark_ethics": D("8.5"), "mark_discipline": D(8)}
TODAY = date(2026, 4, 5)


def declared(dept, title="Báo cáo", deadline="2026-02-27", weight="1", period="2026-02"):
    return services.workitem_declare(actor=dept.staff1, unit=dept.unit, period=period,
                                     title=title, deadline=date.fromisoformat(deadline),
                                     weight=D(weight))


def run_hand_items(dept):
    """staff1's items of the hand-computed case (people/tests/test_rules.py)."""
    a = declared(dept, "A", weight="2")
    a = services.workitem_decide(actor=dept.manager, item=a, approve=True)
    a = services.workitem_report_done(actor=dept.staff1, item=a, completed_on=date(2026, 2, 26),
                                      today=TODAY)
    a = services.workitem_return(actor=dept.manager, item=a, reason="Sai số liệu")
    a = services.workitem_report_done(actor=dept.staff1, item=a, completed_on=date(2026, 2, 27),
                                      today=TODAY)
    services.workitem_accept(actor=dept.manager, item=a)
    b = services.workitem_decide(actor=dept.manager, item=declared(dept, "B"), approve=True)
    b = services.workitem_report_done(actor=dept.staff1, item=b, completed_on=date(2026, 3, 1),
                                      today=TODAY)
    services.workitem_accept(actor=dept.manager, item=b)
    services.workitem_decide(actor=dept.manager, item=declared(dept, "C"), approve=True)
    declared(dept, "D", weight="5")  # not approved: does not count
    services.workitem_decide(actor=dept.manager, item=declared(dept, "E", weight="5"),
                             approve=False, reason="Không thuộc nhiệm vụ")


@pytest.mark.django_db
def test_the_whole_chain_scores_74_25_and_is_concluded_by_the_head(dept):
    run_hand_items(dept)
    ev = services.evaluation_self_assess(actor=dept.staff1, unit=dept.unit, period=Q1,
                                         framework_code="ND335-CC", marks={
                                             k: v + 1 for k, v in MARKS.items()},
                                         level="xuat_sac", comment="Tự nhận")
    assert ev.state == EvalState.SELF
    ev = services.evaluation_manager_assess(actor=dept.manager, evaluation=ev, marks=MARKS,
                                            comment="Đạt yêu cầu")
    assert ev.state == EvalState.MANAGER
    fv = framework_version("ND335-CC")
    res = queries.person_result(user=dept.head, evaluation=ev, fv=fv)
    # the manager's marks count, not the self-assessment: 25.5 + 22.5 + 12.5 + 13.75
    assert res.result.score == D("74.25")
    assert res.result.level == "tot"
    with pytest.raises(ValidationError):  # another level than proposed needs a reason
        services.evaluation_conclude(actor=dept.head, evaluation=ev, level="xuat_sac",
                                     proposal=res)
    ev = services.evaluation_conclude(actor=dept.head, evaluation=ev, level="tot", proposal=res,
                                      now=at("2026-04-08"))
    assert (ev.state, ev.score, ev.proposed_level, ev.level) == (
        EvalState.CONCLUDED, D("74.25"), "tot", "tot")
    assert sum(D(c["points"]) for c in ev.result["breakdown"]) == ev.score
    actions = list(AuditEntry.objects.filter(object_type="people.evaluation").order_by(
        "pk").values_list("action", flat=True))
    assert actions == ["evaluation.self_assess", "evaluation.manager_assess",
                       "evaluation.conclude"]
    items = AuditEntry.objects.filter(object_type="people.workitem")
    assert items.filter(action="work_item.return").count() == 1
    assert items.filter(action="work_item.accept").count() == 2
    assert WorkItem.objects.get(title="A").returns == 1


@pytest.mark.django_db
def test_refused_steps_write_nothing(dept):
    item = declared(dept)
    before = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):  # approving one's own item
        services.workitem_decide(actor=dept.staff1, item=item, approve=True)
    with pytest.raises(PermissionDenied):  # a colleague is not the manager
        services.workitem_decide(actor=dept.staff2, item=item, approve=True)
    with pytest.raises(PermissionDenied):  # the unit's office does not approve products
        services.workitem_decide(actor=dept.office_a, item=item, approve=True)
    with pytest.raises(ValidationError):  # rejecting needs a reason
        services.workitem_decide(actor=dept.manager, item=item, approve=False)
    with pytest.raises(ValidationError):  # not approved yet: cannot be reported done
        services.workitem_report_done(actor=dept.staff1, item=item,
                                      completed_on=date(2026, 2, 1), today=TODAY)
    with pytest.raises(ValidationError):
        services.evaluation_self_assess(actor=dept.staff1, unit=dept.unit, period=Q1,
                                        framework_code="ND335-CC",
                                        marks={**MARKS, "mark_ethics": D(11)})
    with pytest.raises(PermissionDenied):  # someone without a post in the unit
        services.workitem_declare(actor=dept.cast.focal_a, unit=dept.unit, period="2026-02",
                                  title="X", deadline=date(2026, 2, 1))
    with pytest.raises(ValidationError):
        services.workitem_declare(actor=dept.staff1, unit=dept.unit, period="2026",
                                  title="X", deadline=date(2026, 2, 1))
    assert AuditEntry.objects.count() == before
    item.refresh_from_db()
    assert item.state == ItemState.DECLARED
    assert Evaluation.objects.count() == 0


@pytest.mark.django_db
def test_only_the_direct_manager_assesses_and_only_the_head_concludes(dept):
    ev = services.evaluation_self_assess(actor=dept.staff1, unit=dept.unit, period=Q1,
                                         framework_code="ND335-CC", marks=MARKS)
    for who in (dept.staff1, dept.staff2, dept.office_a, dept.cast.office, dept.cast.leader):
        with pytest.raises(PermissionDenied):
            services.evaluation_manager_assess(actor=who, evaluation=ev, marks=MARKS)
    with pytest.raises(ValidationError):  # the manager has not assessed yet
        services.evaluation_conclude(actor=dept.head, evaluation=ev, level="tot",
                                     proposal=None)
    ev = services.evaluation_manager_assess(actor=dept.manager, evaluation=ev, marks=MARKS)
    with pytest.raises(PermissionDenied):
        services.evaluation_conclude(actor=dept.manager, evaluation=ev, level="tot",
                                     proposal=None)
    with pytest.raises(ValidationError):  # the person has no counted product: no score yet
        services.evaluation_conclude(
            actor=dept.head, evaluation=ev, level="tot",
            proposal=queries.person_result(user=dept.head, evaluation=ev,
                                           fv=framework_version("ND335-CC")))
    with pytest.raises(ValidationError):  # a concluded or assessed evaluation is not re-opened
        services.evaluation_self_assess(actor=dept.staff1, unit=dept.unit, period=Q1,
                                        framework_code="ND335-CC", marks=MARKS)


@pytest.mark.django_db
def test_a_task_assigned_to_two_people_becomes_their_work_items(dept):
    task = make_task("Đề án", dept.unit, deadline=date(2026, 3, 31))
    with pytest.raises(PermissionDenied):
        services.task_assign(actor=dept.staff1, task=task, people=[dept.staff2])
    items = services.task_assign(actor=dept.manager, task=task,
                                 people=[dept.staff1, dept.staff2], now=at("2026-01-05"))
    assert [(i.person, i.state, i.period, i.deadline) for i in items] == [
        (dept.staff1, ItemState.APPROVED, "2026-Q1", date(2026, 3, 31)),
        (dept.staff2, ItemState.APPROVED, "2026-Q1", date(2026, 3, 31))]
    assert TaskAssignee.objects.filter(task=task).count() == 2
    assert AuditEntry.objects.filter(action="task.assign").count() == 2
    assert services.task_assign(actor=dept.manager, task=task, people=[dept.staff1]) == []
    with pytest.raises(ValidationError):  # not a person of the lead unit
        services.task_assign(actor=dept.manager, task=task, people=[dept.cast.focal_b])
    period = parse_period(Q1)
    assert list(queries.work_items_of(user=dept.staff2, person_id=dept.staff2.pk,
                                      unit_id=dept.unit.pk, period=period)) == [items[1]]


def test_a_bad_period_is_refused_in_english_on_an_english_page(dept):
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            declared(dept, period="2026")
        assert exc.value.message_dict == {
            "period": ["The period must be a month (2026-01) or a quarter (2026-Q1)."]}
    assert not WorkItem.objects.exists()
