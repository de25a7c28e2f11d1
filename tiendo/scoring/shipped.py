"""The frameworks tiendo ships, saved as version 1 on first use. Below both the reads
(queries.framework_version saves them when first asked) and the writes (services)."""

from __future__ import annotations

from django.db import transaction

from tiendo.audit.services import record
from tiendo.scoring import rules
from tiendo.scoring.frameworks import shipped_frameworks
from tiendo.scoring.models import FrameworkVersion


def frameworks_ensure_shipped() -> list[FrameworkVersion]:
    """Save version 1 of each shipped framework that is not in the database yet."""
    created = []
    with transaction.atomic():
        for code, fw in shipped_frameworks().items():
            if FrameworkVersion.objects.filter(code=code).exists():
                continue
            fv = FrameworkVersion(code=code, version=fw.version, name=fw.name_vi,
                                  subject_kind=fw.subject_kind, period_kind=fw.period_kind,
                                  definition=rules.framework_to_dict(fw),
                                  note="Bộ tiêu chí mặc định của tiendo.")
            fv.full_clean()
            fv.save()
            record(actor=None, action="framework.create", obj=fv,
                   after={"code": code, "version": fw.version})
            created.append(fv)
    return created
