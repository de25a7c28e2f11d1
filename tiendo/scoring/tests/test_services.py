"""The rating workflow: proposal with a snapshot, self-assessment, review, confirm / override,
publish, lock, reopen — permissions, audit entries, and nothing written on failure."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from tiendo.audit.models import AuditEntry
from tiendo.scoring import services, shipped
from tiendo.scoring.frameworks import party_framework
from tiendo.scoring.models import FrameworkVersion, Mark, MarkKind, Rating, RatingState
from tiendo.scoring.queries import data_changes
from tiendo.scoring.rules import framework_to_dict
from tiendo.tasks import services as task_services

from .helpers import PERIOD, at, done_task, open_task, perfect_quarter

FW = "QD366"  # party organisations and departments: the cast's units A and B are departments


def propose(cast, actor=None):
    return services.rating_propose(actor=actor or cast.office, period=PERIOD,
                                   framework_code=FW, now=at("2026-04-08"))


def rating_of(unit):
    return Rating.objects.get(unit=unit, period=PERIOD, framework_code=FW)


def to_reviewed(cast, unit):
    r = services.rating_self_assess(actor=cast.focal_a if unit == cast.unit_a else cast.focal_b,
                                    rating=rating_of(unit), level="tot", comment="Đồng ý")
    return services.rating_review(actor=cast.inspector, rating=r, note="Đủ hồ sơ")


@pytest.mark.django_db
def test_proposal_stores_scores_snapshot_and_audit(cast):
    perfect_quarter(cast)
    ratings = propose(cast)
    assert sorted(r.unit.code for r in ratings) == ["so-a", "so-b"]
    a, b = rating_of(cast.unit_a), rating_of(cast.unit_b)
    # A: 25 + 10 + 5 (1/3 exceeded ≥ 30%) + 18 + 10 = 68 of the 70 applicable points (no
    # targets or reports: 30 points do not apply) → ×100/70 = 35.71 + 14.29 + 7.14 + 25.71 +
    # 14.29; alone xuất sắc in a group of 2 at tốt or better → ⌊2/6⌋ = 0 → tốt by the quota
    assert a.score == D("97.14")
    assert (a.proposed_level, a.level, a.state) == ("tot", "tot", RatingState.PROPOSED)
    assert a.result["individual_level"] == "xuat_sac"
    assert [x["code"] for x in a.result["reasons"]] == ["band", "quota"]
    assert a.snapshot["metrics"]["tasks_on_time"] == "3"
    assert a.snapshot["metrics"]["quality_mark"] == "9"
    assert a.snapshot["on"] == "2026-04-01"
    assert len(a.snapshot["evidence"]["tasks"]) == 3
    # B: one task of three 5 days late, no key task → 60 applicable points, ×100/60:
    # A1 25 × 2/3 → 27.78; A3 0 (nothing exceeded); D1 16 → 26.67; E1 10 → 16.67 = 71.12;
    # 1/3 behind schedule is more than 20% → không hoàn thành
    assert b.score == D("71.12")
    assert b.level == "khong_hoan_thanh"
    assert sum(D(x["points"]) for x in b.result["breakdown"]) == b.score
    entry = AuditEntry.objects.get(action="rating.propose", object_id=str(a.pk))
    assert entry.actor_id == cast.office.pk
    assert entry.unit_id == cast.unit_a.pk
    assert entry.after["level"] == "tot"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_a", "leader", "outsider"])
def test_only_office_or_inspector_may_propose_and_nothing_is_written(cast, who):
    perfect_quarter(cast)
    with pytest.raises(PermissionDenied):
        propose(cast, getattr(cast, who))
    assert Rating.objects.count() == 0
    assert not AuditEntry.objects.filter(action="rating.propose").exists()


@pytest.mark.django_db
def test_fourth_quarter_is_not_proposed_on_its_own(cast):
    with pytest.raises(ValidationError) as exc:
        services.rating_propose(actor=cast.office, period="2026-Q4", framework_code=FW)
    assert exc.value.messages == [
        "Quý IV không xếp loại riêng: kết quả nhiệm vụ quý IV được gộp vào xếp loại cả năm."]
    assert Rating.objects.count() == 0


@pytest.mark.django_db
def test_inspector_may_propose_for_the_units_they_see(cast):
    perfect_quarter(cast)
    inspector_ratings = services.rating_propose(actor=cast.inspector, period=PERIOD,
                                                framework_code=FW)
    assert len(inspector_ratings) == 2


@pytest.mark.django_db
def test_full_workflow_with_audit(cast):
    perfect_quarter(cast)
    propose(cast)
    r = services.rating_self_assess(actor=cast.focal_a, rating=rating_of(cast.unit_a),
                                    level="xuat_sac", comment="Đơn vị đề nghị xuất sắc")
    assert (r.state, r.self_level, r.self_assessed_by) == ("self_assessed", "xuat_sac",
                                                           cast.focal_a)
    r = services.rating_review(actor=cast.inspector, rating=r, note="Đã xem hồ sơ")
    assert r.state == "reviewed"
    r = services.rating_confirm(actor=cast.inspector, rating=r)
    assert (r.state, r.level, r.decided_by) == ("confirmed", "tot", cast.inspector)
    r = services.rating_publish(actor=cast.inspector, rating=r)
    assert r.state == "published"
    r = services.rating_lock(actor=cast.inspector, rating=r)
    assert r.state == "locked"
    r = services.rating_reopen(actor=cast.inspector, rating=r, reason="Có đơn khiếu nại")
    assert (r.state, r.reopen_reason, r.locked_at) == ("reviewed", "Có đơn khiếu nại", None)
    actions = list(AuditEntry.objects.filter(object_type="scoring.rating", object_id=str(r.pk))
                   .values_list("action", flat=True))
    assert actions == ["rating.propose", "rating.self_assess", "rating.review", "rating.confirm",
                       "rating.publish", "rating.lock", "rating.reopen"]
    assert AuditEntry.objects.get(action="rating.reopen").reason == "Có đơn khiếu nại"


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["", "   "])
def test_override_without_reason_is_refused_and_nothing_changes(cast, reason):
    perfect_quarter(cast)
    propose(cast)
    r = to_reviewed(cast, cast.unit_a)
    n = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.rating_override(actor=cast.inspector, rating=r, level="xuat_sac", reason=reason)
    assert exc.value.message_dict == {"reason": ["Cần ghi lý do."]}
    r.refresh_from_db()
    assert (r.state, r.level, r.override_reason) == ("reviewed", "tot", "")
    assert AuditEntry.objects.count() == n


@pytest.mark.django_db
def test_override_with_reason_sets_the_level_and_records_why(cast):
    perfect_quarter(cast)
    propose(cast)
    r = to_reviewed(cast, cast.unit_a)
    r = services.rating_override(actor=cast.inspector, rating=r, level="xuat_sac",
                                 reason="Đơn vị dẫn đầu phong trào thi đua của tỉnh")
    assert (r.state, r.level, r.proposed_level) == ("overridden", "xuat_sac", "tot")
    entry = AuditEntry.objects.get(action="rating.override")
    assert entry.reason == "Đơn vị dẫn đầu phong trào thi đua của tỉnh"
    assert entry.before["level"] == "tot" and entry.after["level"] == "xuat_sac"


@pytest.mark.django_db
def test_permissions_of_each_step(cast):
    perfect_quarter(cast)
    propose(cast)
    a = rating_of(cast.unit_a)
    for who in (cast.focal_b, cast.outsider, cast.inspector):
        with pytest.raises(PermissionDenied):
            services.rating_self_assess(actor=who, rating=a, level="tot")
    a = services.rating_self_assess(actor=cast.focal_a, rating=a, level="tot")
    for who in (cast.focal_a, cast.office, cast.leader, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.rating_review(actor=who, rating=a)
    a = services.rating_review(actor=cast.inspector, rating=a)
    for who in (cast.focal_a, cast.office, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.rating_confirm(actor=who, rating=a)
    a.refresh_from_db()
    assert a.state == "reviewed"


@pytest.mark.django_db
def test_wrong_state_transitions_are_refused_in_vietnamese(cast):
    perfect_quarter(cast)
    propose(cast)
    a = rating_of(cast.unit_a)
    with pytest.raises(ValidationError) as exc:
        services.rating_confirm(actor=cast.inspector, rating=a)
    assert exc.value.messages == ["Không thực hiện được: xếp loại đang ở trạng thái “Đề xuất”."]
    with pytest.raises(ValidationError):
        services.rating_publish(actor=cast.inspector, rating=a)
    with pytest.raises(ValidationError):
        services.rating_reopen(actor=cast.inspector, rating=a, reason="x")
    with pytest.raises(ValidationError):
        services.rating_self_assess(actor=cast.focal_a, rating=a, level="gioi")


@pytest.mark.django_db
def test_published_rating_does_not_change_when_a_task_is_edited_afterwards(cast):
    perfect_quarter(cast)
    propose(cast)
    a = to_reviewed(cast, cast.unit_a)
    a = services.rating_confirm(actor=cast.inspector, rating=a)
    a = services.rating_publish(actor=cast.inspector, rating=a)
    frozen = (a.score, a.level, a.result, a.snapshot)
    # a task of Q1 turns up late afterwards, through the task services
    task = open_task("Bổ sung", cast.unit_a, "2026-03-10")
    task_services.task_report_done(actor=cast.focal_a, task=task, completed_on=date(2026, 3, 20))
    task_services.task_accept(actor=cast.office, task=task, now=at("2026-04-20"))
    propose(cast)  # a new proposal leaves decided ratings as they are
    a.refresh_from_db()
    assert (a.score, a.level, a.result, a.snapshot) == frozen
    assert a.state == "published"
    changes = {c["metric"]: (c["then"], c["now"]) for c in data_changes(a)}
    assert changes == {"tasks_due": ("3", "4"), "tasks_late": ("0", "1")}
    # the undecided B is re-proposed
    assert rating_of(cast.unit_b).version == 2


@pytest.mark.django_db
def test_reproposal_resets_an_undecided_rating(cast):
    perfect_quarter(cast)
    propose(cast)
    services.rating_self_assess(actor=cast.focal_b, rating=rating_of(cast.unit_b), level="tot")
    propose(cast)
    b = rating_of(cast.unit_b)
    assert (b.state, b.self_level, b.version) == ("proposed", "", 3)


@pytest.mark.django_db
def test_unit_without_quality_mark_is_unrated_and_cannot_be_confirmed(cast):
    done_task("A1", cast.unit_a, "2026-01-31", "2026-01-30")
    propose(cast)
    a = rating_of(cast.unit_a)
    assert (a.score, a.level) == (None, "")
    assert a.result["missing"] == ["quality_mark"]
    a = to_reviewed(cast, cast.unit_a)
    with pytest.raises(ValidationError) as exc:
        services.rating_confirm(actor=cast.inspector, rating=a)
    assert "thiếu dữ liệu" in exc.value.messages[0]


@pytest.mark.django_db
def test_mark_add_checks_role_range_evidence_and_task(cast):
    with pytest.raises(PermissionDenied):
        services.mark_add(actor=cast.focal_a, unit=cast.unit_a, period=PERIOD,
                          kind=MarkKind.QUALITY, value=D(9), evidence="x")
    with pytest.raises(PermissionDenied):
        services.mark_add(actor=cast.outsider, unit=cast.unit_a, period=PERIOD,
                          kind=MarkKind.QUALITY, value=D(9), evidence="x")
    with pytest.raises(ValidationError) as exc:
        services.mark_add(actor=cast.leader, unit=cast.unit_a, period=PERIOD,
                          kind=MarkKind.QUALITY, value=D(11), evidence="x")
    assert exc.value.message_dict == {"value": ["Điểm chất lượng phải từ 0 đến 10."]}
    with pytest.raises(ValidationError) as exc:
        services.mark_add(actor=cast.leader, unit=cast.unit_a, period=PERIOD,
                          kind=MarkKind.QUALITY, value=D(9), evidence="  ")
    assert "evidence" in exc.value.message_dict
    other = open_task("B", cast.unit_b, "2026-03-01")
    with pytest.raises(ValidationError) as exc:
        services.mark_add(actor=cast.inspector, unit=cast.unit_a, period=PERIOD,
                          kind=MarkKind.EXCEEDED_TASK, task=other, evidence="x")
    assert "task" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.mark_add(actor=cast.leader, unit=cast.unit_a, period="2026-Q9",
                          kind=MarkKind.QUALITY, value=D(9), evidence="x")
    assert "period" in exc.value.message_dict
    assert Mark.objects.count() == 0
    m = services.mark_add(actor=cast.leader, unit=cast.unit_a, period=PERIOD,
                          kind=MarkKind.QUALITY, value=D("8.5"), evidence="Biên bản số 12")
    assert AuditEntry.objects.get(action="mark.add").after["value"] == "8.5"
    with pytest.raises(ValidationError):
        services.mark_withdraw(actor=cast.leader, mark=m, reason="")
    m = services.mark_withdraw(actor=cast.leader, mark=m, reason="Chấm nhầm")
    assert m.withdrawn_by == cast.leader


@pytest.mark.django_db
def test_framework_save_versions_and_rejects_bad_formulas(cast):
    definition = framework_to_dict(party_framework(base_org=False))
    definition["criteria"][0]["formula"] = "if(tasks_due == 0, 25, 25 * tasks_on_time / tasks_due"
    with pytest.raises(PermissionDenied):
        services.framework_save(actor=cast.inspector, definition=definition)
    with pytest.raises(ValidationError) as exc:
        services.framework_save(actor=cast.admin, definition=definition)
    assert exc.value.message_dict == {
        "definition": ["Tiêu chí A1 — Vị trí 54: thiếu dấu đóng ngoặc"]}
    definition["criteria"][0]["formula"] = "if(tasks_due == 0, 25, 25 * tasks_on_time / tasks_due)"
    definition["bands"]["xuat_sac"] = "95"
    shipped.frameworks_ensure_shipped()
    fv = services.framework_save(actor=cast.admin, definition=definition, note="Ngưỡng 95")
    assert (fv.code, fv.version) == ("QD366", 2)
    assert fv.framework.bands.xuat_sac == D(95)
    assert FrameworkVersion.objects.filter(code="QD366").count() == 2


@pytest.mark.django_db
def test_a_wrong_state_transition_is_refused_in_english_on_an_english_page(cast):
    perfect_quarter(cast)
    propose(cast)
    a = rating_of(cast.unit_a)
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            services.rating_confirm(actor=cast.inspector, rating=a)
        assert exc.value.messages == ["Not possible: the rating is in the state “Proposed”."]
    a.refresh_from_db()
    assert a.state == RatingState.PROPOSED
