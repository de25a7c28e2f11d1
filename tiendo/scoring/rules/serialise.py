"""A framework to and from the JSON-ready dict stored in the database as a version."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from .framework import (
    GROUPING_PEER,
    REDISTRIBUTE_PROPORTIONAL,
    Bands,
    Condition,
    Criterion,
    Framework,
    FrameworkError,
    QuotaRule,
    TieKey,
    Veto,
)
from .levels import OF_TOT


def framework_to_dict(fw: Framework) -> dict:
    """JSON-ready description of a framework (stored in the database as a version)."""
    return {
        "code": fw.code, "version": fw.version, "name_vi": fw.name_vi,
        "subject_kind": fw.subject_kind, "period_kind": fw.period_kind,
        "total_points": str(fw.total_points),
        "criteria": [{"code": c.code, "name_vi": c.name_vi, "max_points": str(c.max_points),
                      "formula": c.formula, "group": c.group, "explain_vi": c.explain_vi,
                      "applies": c.applies, "not_applicable_vi": c.not_applicable_vi}
                     for c in fw.criteria],
        "redistribute": fw.redistribute, "subject_noun_vi": fw.subject_noun_vi,
        "bands": {"xuat_sac": str(fw.bands.xuat_sac), "tot": str(fw.bands.tot),
                  "hoan_thanh": str(fw.bands.hoan_thanh)},
        "conditions": [{"code": c.code, "level": c.level, "formula": c.formula,
                        "text_vi": c.text_vi, "setting": c.setting} for c in fw.conditions],
        "vetoes": [{"code": v.code, "name_vi": v.name_vi, "formula": v.formula,
                    "setting": v.setting} for v in fw.vetoes],
        "quota": {"reading": fw.quota.reading, "percent": str(fw.quota.percent),
                  "min_allowed": fw.quota.min_allowed, "grouping": fw.quota.grouping,
                  "tie_break": [{"formula": t.formula, "label_vi": t.label_vi}
                                for t in fw.quota.tie_break]},
        "metrics": dict(fw.metrics) if fw.metrics is not None else None,
        "additive": sorted(fw.additive),
    }


def framework_from_dict(d: Mapping) -> Framework:
    """Inverse of :func:`framework_to_dict`; raises FrameworkError on bad content."""
    try:
        q = d.get("quota") or {}
        b = d.get("bands") or {}
        return Framework(
            code=str(d["code"]), version=int(d["version"]), name_vi=d.get("name_vi", ""),
            subject_kind=str(d["subject_kind"]), period_kind=str(d["period_kind"]),
            total_points=Decimal(str(d.get("total_points", "100"))),
            criteria=tuple(Criterion(
                str(c["code"]), str(c["name_vi"]), Decimal(str(c["max_points"])),
                str(c["formula"]), c.get("group", ""), c.get("explain_vi", ""),
                c.get("applies", "") or "", c.get("not_applicable_vi", "") or "")
                for c in d["criteria"]),
            redistribute=d.get("redistribute", REDISTRIBUTE_PROPORTIONAL),
            subject_noun_vi=d.get("subject_noun_vi", "đơn vị"),
            bands=Bands(*(Decimal(str(b.get(k, dflt))) for k, dflt in
                          (("xuat_sac", 90), ("tot", 70), ("hoan_thanh", 50)))),
            conditions=tuple(Condition(c["code"], c["level"], c["formula"], c["text_vi"],
                                       bool(c.get("setting", False)))
                             for c in d.get("conditions", ())),
            vetoes=tuple(Veto(v["code"], v["name_vi"], v["formula"], bool(v.get("setting", False)))
                         for v in d.get("vetoes", ())),
            quota=QuotaRule(
                reading=q.get("reading", OF_TOT), percent=Decimal(str(q.get("percent", "20"))),
                min_allowed=int(q.get("min_allowed", 0)),
                grouping=q.get("grouping", GROUPING_PEER),
                tie_break=tuple(TieKey(t["formula"], t["label_vi"])
                                for t in q.get("tie_break", ()))),
            metrics=d.get("metrics"),
            additive=frozenset(d.get("additive", ())),
        )
    except FrameworkError:
        raise
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise FrameworkError(f"Bộ tiêu chí không hợp lệ: {exc}") from exc
