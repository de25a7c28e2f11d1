"""``tiendo rate``: rate the units of a period, or with a framework for people (NĐ 335, LĐQL)
each person. It lives in the people app because people stands above scoring: it uses both."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tiendo.orgs.access import system_user
from tiendo.people import queries as people_queries
from tiendo.scoring import queries, rules
from tiendo.scoring.services import rating_propose


class Command(BaseCommand):
    help = (
        "Xếp loại đơn vị của một kỳ từ dữ liệu hiện có (rate units for a period from the "
        "recorded data): điểm, mức, từng tiêu chí và lý do. Quý IV không xếp loại riêng. "
        "Với --framework ND335-CC (công chức, NĐ 335) hoặc LDQL-Q (cán bộ lãnh đạo, quản lý "
        "hằng quý) thì đánh giá từng người (rate people)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True,
                            help="Kỳ (period): 2026-Q1, 2026-Q2, 2026-Q3 hoặc năm 2026.")
        parser.add_argument("--framework", default=queries.DEFAULT_FRAMEWORK,
                            help=f"Mã bộ tiêu chí (framework code), mặc định "
                                 f"{queries.DEFAULT_FRAMEWORK}.")
        parser.add_argument("--json", action="store_true", help="In JSON (print JSON).")
        parser.add_argument("--propose", action="store_true",
                            help="Lưu thành đề xuất xếp loại (store as proposals).")

    def handle(self, *args, period, framework, json=False, propose=False, **opts):
        user = system_user()
        try:
            p = queries.parse_rating_period(period)
            fv = queries.framework_version(framework)
            if fv.framework.subject_kind in PEOPLE_KINDS:
                return self._people(user, p, fv, json)
            comp = queries.compute_rating(user=user, period=p, fv=fv)
        except queries.RatingInputError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if propose:
            try:
                rating_propose(actor=user, period=p.code, framework_code=fv.code)
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages), returncode=2) from exc
        codes = {u.pk: u.code for u in comp.units}
        rows = [_row(r, codes) for r in comp.results]
        if json:
            self.stdout.write(_dumps({"period": p.code, "framework": str(fv), "units": rows}))
            return
        self.stdout.write(f"Xếp loại {p.label_vi} — {fv.framework.name_vi} ({fv})")
        self._write_rows(rows, lambda row: row["unit"])


    def _people(self, user, p, fv, as_json: bool) -> None:
        try:
            results = people_queries.compute_people(user=user, period=p, fv=fv)
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        rows = [_person_row(r) for r in results]
        if as_json:
            self.stdout.write(_dumps({"period": p.code, "framework": str(fv), "people": rows}))
            return
        self.stdout.write(f"Đánh giá {p.label_vi} — {fv.framework.name_vi} ({fv})")
        self._write_rows(rows, lambda row: f"{row['person']} — {row['unit']}")

    def _write_rows(self, rows, name) -> None:
        """One line a unit or person (score, level, name), then the reasons that changed it."""
        for row in rows:
            score = rules.fmt(row["score_decimal"], 2) if row["score_decimal"] is not None \
                else "—"
            label = rules.LEVEL_LABELS.get(row["level"], "Chưa xếp loại (thiếu dữ liệu)")
            self.stdout.write(f"{score:>7}  {label:32} {name(row)}")
            for reason in row["reasons"]:
                if reason["changed"]:
                    self.stdout.write(f"         · {reason['text']}")


PEOPLE_KINDS = ("civil_servant", "leader")


def _person_row(r) -> dict:
    res = r.result
    ev = r.evaluation
    row = _row(res, {})
    row.pop("unit_code")
    row.pop("peer_group")
    return {
        "person": res.label, "username": r.position.user.username,
        "unit": r.position.unit.name, "unit_code": r.position.unit.code,
        "rank": r.position.rank, "quota_group": res.peer_group,
        **{k: v for k, v in row.items() if k != "unit"},
        "tie_unresolved": res.tie_unresolved,
        "evaluation": {"state": ev.state if ev else "draft",
                       "concluded_level": (ev.level or None) if ev else None},
    }


def _row(r: rules.SubjectResult, codes: dict) -> dict:
    return {
        "unit": r.label,
        "unit_code": codes.get(r.subject_id, ""),
        "peer_group": r.peer_group,
        "score": str(r.score) if r.score is not None else None,
        "score_decimal": r.score,
        "level": r.level,
        "breakdown": [{"code": c.code, "name": c.name,
                       "points": str(c.points) if c.points is not None else None,
                       "max_points": str(c.max_points), "explanation": c.explanation_vi}
                      for c in r.breakdown],
        "reasons": [{"code": x.code, "text": x.text_vi, "changed": x.changed} for x in r.reasons],
        "missing": list(r.missing),
    }


def _dumps(obj) -> str:
    def clean(o):
        if isinstance(o, dict):
            return {k: clean(v) for k, v in o.items() if k != "score_decimal"}
        if isinstance(o, list):
            return [clean(v) for v in o]
        return o

    return json.dumps(clean(obj), ensure_ascii=False, indent=1)
