"""A deterministic synthetic workspace at province or nation scale, for benchmarks and load
tests. Everything it writes is labelled: codes start with `synth-`, names end with
"(dữ liệu tổng hợp)", and rows carry is_sample=True.

It writes with bulk inserts, not through the services (one audit entry per row would be
half a million entries): one audit entry summarises the load instead.

province: 200 units, 150 indicators, each unit reports 50 of them for 20 quarters
          (200,000 targets and 200,000 figures), 20,000 tasks, 100,000 progress updates.
nation:   ten provinces of the same shape (2,000 units, 1,500 indicators, ten times the rest).
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from tiendo.audit.integrity import seal_unexplained
from tiendo.audit.services import record
from tiendo.indicators import assessments
from tiendo.indicators.models import Figure, FigureState, Indicator, Target
from tiendo.orgs.models import Membership, Profile, Unit
from tiendo.programmes.models import Programme
from tiendo.tasks.models import ProgressUpdate, Task, TaskState, search_key_of

LABEL = "(dữ liệu tổng hợp)"
PREFIX = "synth-"
MSG_ALREADY = ("Cơ sở dữ liệu đã có dữ liệu tổng hợp; hãy dùng một TIENDO_HOME hoặc "
               "DATABASE_URL trống. (a synthetic workspace is already loaded)")
SCALES = {"province": 1, "nation": 10}
UNITS_PER_PROVINCE = 200
INDICATORS_PER_PROVINCE = 150
INDICATORS_PER_UNIT = 50
QUARTERS = 20
TASKS_PER_UNIT = 100
UPDATES_PER_TASK = 5
LAST_QUARTER = (2026, 1)
BATCH = 5000
FIELDS = ["kinh_te", "xa_hoi", "moi_truong", "noi_chinh", "chinh_quyen", "xay_dung_dang"]
UOMS = [("%", "mean"), ("tỷ đồng", "sum"), ("người", "sum"), ("nghìn lượt", "sum"),
        ("dự án", "sum"), ("doanh nghiệp", "sum")]


@dataclass
class SynthSummary:
    scale: str
    seed: int
    counts: dict = field(default_factory=dict)
    users: list[str] = field(default_factory=list)


def quarters(n: int | None = None, last: tuple[int, int] = LAST_QUARTER) -> list[str]:
    """The n quarters ending with `last`, oldest first: ['2021-Q2', …, '2026-Q1']."""
    n = QUARTERS if n is None else n
    year, q = last
    out = []
    for _ in range(n):
        out.append(f"{year}-Q{q}")
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return out[::-1]


def _bulk(model, rows: list) -> None:
    for i in range(0, len(rows), BATCH):
        model.objects.bulk_create(rows[i:i + BATCH], batch_size=BATCH)


def _ids(model, **filters) -> list[int]:
    return list(model.objects.filter(**filters).order_by("pk").values_list("pk", flat=True))


NATIONAL_USER = f"{PREFIX}national"


def synth_usernames(provinces: int) -> list[str]:
    names = [f"{PREFIX}p{p}-{role}" for p in range(1, provinces + 1)
             for role in ("office", "leader", "inspector")]
    return [*names, NATIONAL_USER] if provinces > 1 else names


def focal_username(province: int, index: int) -> str:
    return f"{PREFIX}p{province}-focal-{index:03d}"


def load_synth(*, scale: str, seed: int = 1, password: str) -> SynthSummary:
    if scale not in SCALES:
        raise ValidationError(f"Quy mô phải là province hoặc nation (got {scale!r}).")
    if Unit.objects.filter(code__startswith=PREFIX).exists():
        raise ValidationError(MSG_ALREADY)
    rnd = random.Random(seed)  # noqa: S311 (reproducible sample data, not secrets)
    provinces = SCALES[scale]
    counts: dict[str, int] = {}
    with transaction.atomic():
        if connection.vendor == "sqlite":
            with connection.cursor() as cur:
                cur.execute("PRAGMA defer_foreign_keys = ON")
        roots = _units(provinces)
        unit_ids = {p: _ids(Unit, code__startswith=f"{PREFIX}p{p}-") for p in roots}
        counts["units"] = sum(len(v) for v in unit_ids.values())
        counts["users"] = _users(roots, unit_ids, password)
        programme = Programme.objects.create(
            code=f"{PREFIX}chuong-trinh", kind="chuong_trinh_toan_khoa",
            title=f"Chương trình công tác toàn khóa {LABEL}", term_start=2021, term_end=2026,
            source_note=f"Sinh tự động bởi `tiendo synth --scale {scale} --seed {seed}`.")
        counts["indicators"] = _indicators(rnd, provinces)
        counts["targets"], counts["figures"] = _targets_and_figures(rnd, provinces, unit_ids)
        counts["assessments"] = assessments.reassess()
        counts["tasks"], counts["progress_updates"] = _tasks(rnd, unit_ids, programme)
        record(actor=None, action="synth.load", object_type="synth.workspace",
               object_id=f"{scale}-{seed}",
               after={"scale": scale, "seed": seed, **counts, "label": LABEL},
               reason="Dữ liệu tổng hợp cho đo hiệu năng (synthetic data for benchmarks).")
        # rows written in bulk: give the log their digests, so `audit verify` explains them
        seal_unexplained(actor=None, reason=f"synth.load {scale}-{seed}")
    with connection.cursor() as cur:
        cur.execute("ANALYZE")  # fresh planner statistics after a bulk load of this size
    return SynthSummary(scale=scale, seed=seed, counts=counts, users=synth_usernames(provinces))


def _units(provinces: int) -> dict[int, Unit]:
    roots = {}
    for p in range(1, provinces + 1):
        roots[p] = Unit.objects.create(
            code=f"{PREFIX}p{p}-tinh", name=f"UBND tỉnh tổng hợp {p} {LABEL}", tree="state",
            kind="province", is_sample=True, sort_order=p)
    children = []
    for p, root in roots.items():
        for i in range(1, UNITS_PER_PROVINCE):
            kind = "department" if i <= 40 else "commune"
            name = f"Sở tổng hợp {i}" if kind == "department" else f"Xã tổng hợp {i}"
            children.append(Unit(
                code=f"{PREFIX}p{p}-u{i:03d}", name=f"{name} — tỉnh {p} {LABEL}", tree="state",
                kind=kind, parent=root, depth=1, is_sample=True, sort_order=i,
                peer_group="so-nganh" if kind == "department" else "xa-phuong"))
    _bulk(Unit, children)
    # materialised paths in one statement per province
    for root in roots.values():
        Unit.objects.filter(parent=root).update(path=root.path)  # prefix; id appended below
        with connection.cursor() as cur:
            concat = ("path || CAST(id AS TEXT) || '/'" if connection.vendor == "sqlite"
                      else "path || id::text || '/'")
            cur.execute(f"UPDATE orgs_unit SET path = {concat} WHERE parent_id = %s",  # noqa: S608
                        [root.pk])
    return roots


def _users(roots: dict[int, Unit], unit_ids: dict[int, list[int]], password: str) -> int:
    User = get_user_model()
    hashed = make_password(password)
    users, memberships = [], []
    for p in roots:
        for role in ("office", "leader", "inspector"):
            users.append(User(username=f"{PREFIX}p{p}-{role}", password=hashed,
                              email=f"{role}.p{p}@synth.tiendo.invalid"))
        for i, _uid in enumerate(unit_ids[p][1:], start=1):
            users.append(User(username=focal_username(p, i), password=hashed,
                              email=f"focal{i}.p{p}@synth.tiendo.invalid"))
    if len(roots) > 1:
        # the ministry's view: a leader on every province, who sees all of them
        users.append(User(username=NATIONAL_USER, password=hashed,
                          email="national@synth.tiendo.invalid"))
    _bulk(User, users)
    by_name = dict(User.objects.filter(username__startswith=PREFIX)
                   .values_list("username", "pk"))
    profiles = [Profile(user_id=pk, full_name=f"{name} {LABEL}", is_sample=True)
                for name, pk in by_name.items()]
    _bulk(Profile, profiles)
    for p, root in roots.items():
        for role in ("office", "leader", "inspector"):
            memberships.append(Membership(user_id=by_name[f"{PREFIX}p{p}-{role}"],
                                          unit_id=root.pk, role=role, is_head=role == "leader"))
        for i, uid in enumerate(unit_ids[p][1:], start=1):
            memberships.append(Membership(user_id=by_name[focal_username(p, i)], unit_id=uid,
                                          role="focal"))
        if NATIONAL_USER in by_name:
            memberships.append(Membership(user_id=by_name[NATIONAL_USER], unit_id=root.pk,
                                          role="leader"))
    _bulk(Membership, memberships)
    return len(users)


def _indicators(rnd: random.Random, provinces: int) -> int:
    rows = []
    for n in range(1, INDICATORS_PER_PROVINCE * provinces + 1):
        uom, rollup = UOMS[n % len(UOMS)]
        rows.append(Indicator(
            code=f"{PREFIX}ct-{n:04d}", name=f"Chỉ tiêu tổng hợp số {n} {LABEL}",
            unit_of_measure=uom, direction="lower" if n % 9 == 0 else "higher",
            rollup=rollup, frequency="quarter", field=FIELDS[n % len(FIELDS)],
            is_key=n % 10 == 1, sort_order=n, is_cumulative=uom == "tỷ đồng"))
    _bulk(Indicator, rows)
    return len(rows)


def _targets_and_figures(rnd, provinces, unit_ids) -> tuple[int, int]:
    indicator_ids = _ids(Indicator, code__startswith=PREFIX)
    periods = quarters()
    last = periods[-1]
    n_targets = n_figures = 0
    for p in range(1, provinces + 1):
        own = indicator_ids[(p - 1) * INDICATORS_PER_PROVINCE:p * INDICATORS_PER_PROVINCE]
        targets, figures = [], []
        for u_index, uid in enumerate(unit_ids[p]):
            start = (u_index * 7) % INDICATORS_PER_PROVINCE
            picked = [own[(start + k) % len(own)] for k in range(INDICATORS_PER_UNIT)]
            for iid in picked:
                base = rnd.randint(50, 5000)
                for period in periods:
                    plan = Decimal(base)
                    actual = (plan * Decimal(rnd.randint(80, 120)) / 100).quantize(
                        Decimal("0.01"))
                    targets.append(Target(indicator_id=iid, unit_id=uid, period=period,
                                          bound=">=" if iid % 9 else "<=", value=plan,
                                          is_sample=True, note=LABEL))
                    state = FigureState.APPROVED
                    if period == last:
                        state = rnd.choice([FigureState.APPROVED, FigureState.SUBMITTED,
                                            FigureState.DRAFT])
                    figures.append(Figure(indicator_id=iid, unit_id=uid, period=period,
                                          value=actual, state=state, is_sample=True,
                                          source=LABEL,
                                          change=Decimal(rnd.randint(-50, 150)) / 10))
            if len(figures) >= 4 * BATCH:
                _bulk(Target, targets)
                _bulk(Figure, figures)
                n_targets += len(targets)
                n_figures += len(figures)
                targets, figures = [], []
        _bulk(Target, targets)
        _bulk(Figure, figures)
        n_targets += len(targets)
        n_figures += len(figures)
    return n_targets, n_figures


def _tasks(rnd, unit_ids, programme) -> tuple[int, int]:
    first_day = date(2021, 4, 1)
    span = (date(2026, 6, 30) - first_day).days
    today = date(2026, 4, 15)
    n_tasks = 0
    for p, ids in unit_ids.items():
        tasks = []
        for uid in ids:
            for k in range(TASKS_PER_UNIT):
                deadline = first_day + timedelta(days=rnd.randrange(span))
                if deadline < today and rnd.random() < 0.85:
                    state = TaskState.DONE
                    completed = deadline + timedelta(days=rnd.randint(-20, 15))
                    progress = 100
                else:
                    state, completed, progress = TaskState.OPEN, None, rnd.randint(0, 90)
                title = f"Nhiệm vụ tổng hợp {k + 1} của đơn vị {uid} {LABEL}"
                tasks.append(Task(
                    code=f"{PREFIX}p{p}-nv-{uid}-{k:03d}", title=title,
                    search_key=search_key_of(title),
                    lead_unit_id=uid, programme=programme, deadline=deadline,
                    start_date=deadline - timedelta(days=90), state=state,
                    completed_on=completed, progress=progress, is_key=k % 10 == 0,
                    is_sample=True, period=f"{deadline.year}-Q{(deadline.month - 1) // 3 + 1}",
                    source_note=LABEL))
        _bulk(Task, tasks)
        n_tasks += len(tasks)
    # the author of a unit's updates: its focal point (the office for the province itself)
    author_of = dict(Membership.objects.filter(user__username__startswith=PREFIX, role="office")
                     .values_list("unit_id", "user_id"))
    author_of.update(Membership.objects.filter(user__username__startswith=PREFIX, role="focal")
                     .values_list("unit_id", "user_id"))
    updates = []
    n_updates = 0
    for pk, unit_id, progress in Task.objects.filter(code__startswith=PREFIX).values_list(
            "pk", "lead_unit_id", "progress").iterator(chunk_size=BATCH):
        for step in range(1, UPDATES_PER_TASK + 1):
            updates.append(ProgressUpdate(task_id=pk, percent=progress * step // UPDATES_PER_TASK,
                                          author_id=author_of.get(unit_id),
                                          note=f"Cập nhật lần {step} {LABEL}"))
        if len(updates) >= 4 * BATCH:
            _bulk(ProgressUpdate, updates)
            n_updates += len(updates)
            updates = []
    _bulk(ProgressUpdate, updates)
    n_updates += len(updates)
    return n_tasks, n_updates
