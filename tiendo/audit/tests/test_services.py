from tiendo.audit.models import AuditEntry
from tiendo.audit.services import GENESIS, record, verify_chain


def test_entries_chain_and_a_tampered_entry_is_found(cast):
    record(actor=cast.office, action="x.create", obj=cast.unit_a, after={"a": 1})
    record(actor=cast.office, action="x.update", obj=cast.unit_a, before={"a": 1}, after={"a": 2})
    e1, e2 = AuditEntry.objects.order_by("pk")
    assert e1.prev_hash == GENESIS
    assert e2.prev_hash == e1.hash
    assert verify_chain() == []
    AuditEntry.objects.filter(pk=e1.pk).update(after={"a": 3})
    problems = verify_chain()
    assert len(problems) == 1
    assert f"#{e1.pk}" in problems[0]


def test_deferred_entries_are_chained_at_the_end_of_the_block_in_their_order(cast):
    from tiendo.audit.services import deferred, record_many

    record(actor=cast.office, action="before", object_type="t", object_id="0")
    with deferred():
        record(actor=cast.office, action="first", object_type="t", object_id="1")
        with deferred():  # an inner block adds to the outer one
            record_many(actor=cast.office, action="many", objs=[cast.unit_a, cast.unit_b])
        record(actor=cast.office, action="last", object_type="t", object_id="2")
        assert list(AuditEntry.objects.values_list("action", flat=True)) == ["before"]
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "before", "first", "many", "many", "last"]
    assert verify_chain() == []


def test_a_deferred_block_that_raises_writes_none_of_its_entries(cast):
    import pytest
    from django.db import transaction

    from tiendo.audit.services import deferred

    with pytest.raises(ValueError), transaction.atomic(), deferred():
        record(actor=cast.office, action="lost", object_type="t", object_id="1")
        raise ValueError("the write failed")
    record(actor=cast.office, action="after", object_type="t", object_id="2")
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["after"]
    assert verify_chain() == []
