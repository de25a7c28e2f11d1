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
