"""The authorization matrix, generated from the URL configuration.

Every URL pattern (except Django's admin, which has its own permission system) × every role of
the cast × objects of unit A and of unit B. Each unit's names and texts carry a marker
(QX7AQZ, QX7BQZ, QX7CQZ for the outsider's unit; six characters, so that a random token in a
page, a CSRF token or a CSP nonce, does not spell one by chance, as four once did):

- reading: no response (HTML, JSON, or the XML inside an .xlsx/.docx) shows the marker of a unit
  the user may not see, no GET writes an audit entry, and nothing answers 500;
- writing: a POST (with a payload that the rightful user's POST would act on) changes nothing
  of a unit the user may not write — checked on a fingerprint of that unit's rows and on the
  audit entries it wrote.

A new view is covered as soon as it is in the URL configuration. Its path parameters are filled
from PARAMS by (first path segment, parameter name); a parameter not in the table fails
`test_every_path_parameter_can_be_filled`, so it gets added here, not forgotten.
"""

import io
import json
import re
import zipfile
from datetime import date

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.utils import timezone

from tiendo.audit.models import AuditEntry
from tiendo.audit.services import record
from tiendo.indicators.models import Evidence, Figure, FigureState, Target
from tiendo.orgs import access
from tiendo.tasks.models import Direction, ExtensionRequest, ProgressUpdate, Task, TaskFile
from tiendo.testing import make_figure, make_indicator, make_target, make_task

# The province's own name is not marked: a focal point's pages may name its parent unit.
MARK = {"A": "QX7AQZ", "B": "QX7BQZ", "C": "QX7CQZ"}
SKIP_PREFIXES = ("quan-tri/", "dang-xuat/", "static/", "media/")
PARAM_RE = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


def _walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        else:
            yield prefix + str(p.pattern)


def routes() -> list[str]:
    seen = []
    for route in _walk(get_resolver().url_patterns):
        if route.startswith(SKIP_PREFIXES) or "^" in route or route in seen:  # regex catch-alls
            continue
        seen.append(route)
    return seen


ROUTES = routes()

# (first path segment, parameter) -> key of the side's objects (see `world`)
PARAMS = {
    ("so-lieu", "pk"): "figure", ("so-lieu", "ev_pk"): "evidence",
    ("so-lieu", "unit_pk"): "unit", ("so-lieu", "period"): "period",
    ("so-lieu", "indicator_pk"): "indicator",
    ("nhiem-vu", "pk"): "task", ("nhiem-vu", "ext_pk"): "extension",
    ("nhiem-vu", "file_pk"): "task_file",
    ("don-vi", "pk"): "unit", ("chi-tieu", "pk"): "indicator",
    ("nhat-ky", "pk"): "audit_entry",
    ("extraction", "pk"): "extraction_run",
    ("xep-loai", "pk"): "rating", ("xep-loai", "name"): "rating_action",
    ("nhac-viec", "pk"): "notification", ("nhac-viec", "token"): "ical_token",
    ("bao-cao", "fmt"): "report_format",
    ("api", "code"): "unit_code", ("api", "figure_id"): "figure", ("api", "task_id"): "task",
    ("api", "period"): "period", ("api", "pk"): "api_token", ("api", "name"): "asset_name",
    ("api", "rating_id"): "rating",
    ("ca-nhan", "unit_pk"): "unit", ("nhac-viec", "unit_pk"): "unit",
    ("nhap-so-tinh", "pk"): "import_job",
}
OVERRIDES = {  # full route -> {parameter: key} where the segment table is not enough
    "nhiem-vu/bo-loc/<int:pk>/xoa/": {"pk": "saved_view"},
    "api/indicators/<code>": {"code": "indicator_code"},
    "ca-nhan/san-pham/<int:pk>/<slug:name>/": {"pk": "work_item", "name": "item_action"},
    "ca-nhan/danh-gia/<int:pk>/": {"pk": "evaluation"},
    "ca-nhan/danh-gia/<int:pk>/<slug:name>/": {"pk": "evaluation", "name": "evaluation_step"},
    "bao-cao/trinh-ky/<int:pk>/": {"pk": "signoff"},
    "bao-cao/trinh-ky/<int:pk>/<str:action>/": {"pk": "signoff", "action": "signoff_action"},
    "bao-cao/trinh-ky/<int:pk>/tep.<str:fmt>": {"pk": "signoff", "fmt": "signoff_format"},
}


def _key(route: str, param: str) -> str | None:
    if param in OVERRIDES.get(route, {}):
        return OVERRIDES[route][param]
    return PARAMS.get((route.split("/", 1)[0], param))


def _fill(route: str, objs: dict) -> str | None:
    def sub(m):
        key = _key(route, m.group("name"))
        value = objs.get(key)
        if value is None:
            raise LookupError(key)
        return str(value)

    try:
        return "/" + PARAM_RE.sub(sub, route)
    except LookupError:
        return None


def test_every_path_parameter_can_be_filled():
    missing = [(r, m.group("name")) for r in ROUTES for m in PARAM_RE.finditer(r)
               if _key(r, m.group("name")) is None]
    assert missing == [], "add these to PARAMS/OVERRIDES in test_authz_matrix.py"


def _try(fn):
    try:
        with transaction.atomic():
            return fn()
    except Exception:  # a model of an app that is not there, or shaped differently
        return None


def _side(cast, side: str, indicator) -> dict:
    unit = cast.unit_a if side == "A" else cast.unit_b
    owner = cast.focal_a if side == "A" else cast.focal_b
    mark = MARK[side]
    make_target(indicator, unit, "2026-Q1", "100")
    figure = make_figure(indicator, unit, "2026-Q1", "90", state=FigureState.SUBMITTED,
                         source=f"Nguồn {mark}", note=f"Thuyết minh {mark}",
                         submitted_by=owner)
    evidence = Evidence.objects.create(figure=figure, excerpt=f"Trích dẫn {mark}",
                                       file=f"evidence/{mark}.pdf", original_name=f"{mark}.pdf")
    task = make_task(f"Nhiệm vụ {mark}", unit, deadline=date(2026, 6, 30))
    ProgressUpdate.objects.create(task=task, author=owner, percent=30, note=f"Tiến độ {mark}")
    task_file = TaskFile.objects.create(task=task, file=f"tasks/{mark}.txt",
                                        original_name=f"{mark}.txt", uploaded_by=owner)
    extension = ExtensionRequest.objects.create(task=task, requested_by=owner,
                                                new_deadline=date(2026, 9, 30),
                                                reason=f"Lý do {mark}")
    Direction.objects.create(task=task, author=cast.leader, text=f"Chỉ đạo {mark}")
    entry = record(actor=owner, action="test.seed", obj=task, after={"title": task.title})
    objs = {"unit": unit.pk, "unit_code": unit.code, "period": "2026-Q1",
            "indicator": indicator.pk, "indicator_code": indicator.code, "figure": figure.pk,
            "evidence": evidence.pk, "task": task.pk, "task_file": task_file.pk,
            "extension": extension.pk, "audit_entry": entry.pk, "report_format": "xlsx",
            "rating_action": "tu-danh-gia", "asset_name": "swagger-ui.css",
            "item_action": "approve", "evaluation_step": "manager"}
    objs["extraction_run"] = _try(lambda: apps.get_model("extraction", "ExtractionRun")
                                  .objects.create(unit=unit, period="2026-Q1",
                                                  file=f"extraction/{mark}.txt",
                                                  original_name=f"{mark}.txt", kind="txt",
                                                  text=f"Báo cáo {mark}", statements=[]).pk)
    objs["signoff"] = _try(lambda: apps.get_model("reports", "ReportSignoff").objects
                           .create(period="2026-Q1", issuer=unit, note=f"Ghi chú {mark}").pk)
    objs["signoff_action"], objs["signoff_format"] = "review", "docx"
    objs["rating"] = (apps.get_model("scoring", "Rating").objects
                      .filter(unit=unit).values_list("pk", flat=True).first())
    objs["notification"] = _try(lambda: apps.get_model("reminders", "Notification").objects
                                .create(dedup_key=f"test-{mark}", recipient=owner,
                                        kind="task_due", title=f"Nhắc {mark}",
                                        created_at=timezone.now()).pk)
    objs["ical_token"] = _try(lambda: apps.get_model("reminders", "ICalToken").objects
                              .create(user=owner).token)
    objs["saved_view"] = _try(lambda: apps.get_model("web", "SavedView").objects
                              .create(user=owner, name=f"Bộ lọc {mark}", query="").pk)
    # people (NĐ 335): the focal point holds a post in its unit, with a product and a
    # self-assessed evaluation marked with the unit's marker
    _try(lambda: apps.get_model("people", "Position").objects.create(user=owner, unit=unit))
    objs["work_item"] = _try(lambda: apps.get_model("people", "WorkItem").objects.create(
        person=owner, unit=unit, period="2026-02", title=f"Sản phẩm {mark}",
        deadline=date(2026, 2, 27)).pk)
    objs["evaluation"] = _try(lambda: apps.get_model("people", "Evaluation").objects.create(
        person=owner, unit=unit, period="2026-Q1", framework_code="ND335-CC",
        state="self_assessed", self_comment=f"Tự nhận xét {mark}").pk)
    objs["import_job"] = _try(lambda: apps.get_model("transfer", "ImportJob").objects
                              .create(created_by=owner, original_name=f"{mark}.xlsx",
                                      file=f"imports/{mark}.xlsx").pk)
    objs["api_token"] = _try(lambda: apps.get_model("api", "ApiToken").objects
                             .create(user=owner, name=f"Khóa {mark}", prefix=mark,
                                     digest=f"{mark:0<64}").pk)
    return objs


@pytest.fixture
def world(cast):
    from django.db.models import Value
    from django.db.models.functions import Concat

    for side, unit in (("A", cast.unit_a), ("B", cast.unit_b), ("C", cast.unit_c)):
        type(unit).objects.filter(pk=unit.pk).update(
            name=Concat("name", Value(f" {MARK[side]}")))
    indicator = make_indicator("chi-tieu-chung", name="Chỉ tiêu chung")
    for unit in (cast.unit_a, cast.unit_b, cast.province, cast.unit_c):
        unit.refresh_from_db()
    from tiendo.api.services import token_create
    from tiendo.scoring.services import rating_propose

    rating_propose(actor=cast.office, period="2026-Q1", framework_code="QD366",
                   now=timezone.make_aware(timezone.datetime(2026, 4, 8, 9)))
    # each role reaches /api/ with its own bearer token, as an API client would
    cast.bearer = {name: token_create(actor=user, name="matrix")[1]
                   for name, user in cast.everyone().items()}
    return {"A": _side(cast, "A", indicator), "B": _side(cast, "B", indicator)}


CAPABILITY_ROUTES = {"nhac-viec/ical/<str:token>.ics"}


def _client(cast, name: str, user, url: str) -> Client:
    """A session for pages; the role's bearer token for /api/ (a session answers 401 there, so
    the API routes would never be checked)."""
    if url.startswith("/api/") and not url.startswith(("/api/tokens/", "/api/docs")):
        return Client(raise_request_exception=False,
                      HTTP_AUTHORIZATION=f"Bearer {cast.bearer[name]}")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _visible_markers(cast, user) -> set[str]:
    units = {"A": cast.unit_a, "B": cast.unit_b, "C": cast.unit_c}
    return {MARK[s] for s, u in units.items() if access.can_see_unit(user, u.pk)}


def _text(resp) -> str:
    body = b"".join(resp.streaming_content) if resp.streaming else resp.content
    if body[:2] == b"PK":  # .xlsx / .docx: look inside
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as z:
                return " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                                if n.endswith(".xml"))
        except zipfile.BadZipFile:
            return ""
    return body.decode("utf-8", "replace")


def _fingerprint(cast, side: str, objs: dict) -> dict:
    unit = cast.unit_a if side == "A" else cast.unit_b
    owner = cast.focal_a if side == "A" else cast.focal_b
    fp = {
        "unit": {
            "figures": list(Figure.objects.filter(unit=unit).order_by("pk").values_list(
                "pk", "value", "state", "version", "superseded_by_id")),
            "targets": list(Target.objects.filter(unit=unit).order_by("pk").values_list(
                "pk", "value", "bound")),
            "evidence": Evidence.objects.filter(figure__unit=unit).count(),
            "tasks": list(Task.objects.filter(lead_unit=unit).order_by("pk").values_list(
                "pk", "progress", "state", "version", "deadline", "extended_deadline")),
            "updates": ProgressUpdate.objects.filter(task__lead_unit=unit).count(),
            "files": TaskFile.objects.filter(task__lead_unit=unit).count(),
            "extensions": list(ExtensionRequest.objects.filter(task__lead_unit=unit)
                               .order_by("pk").values_list("pk", "state")),
        },
        # directions given and urges (đôn đốc) sent to the unit: the leaders' and office's
        "directions": (Direction.objects.filter(task__lead_unit=unit).count(),
                       _count("reminders", "Urge", unit=unit)),
        "personal": {},
        "ratings": None,
    }
    Run = _model("extraction", "ExtractionRun")
    if Run:
        fp["unit"]["runs"] = list(Run.objects.filter(unit=unit).order_by("pk").values_list(
            "pk", "reviews", "imported_count"))
    Rating = _model("scoring", "Rating")
    if Rating:
        fp["ratings"] = list(Rating.objects.filter(unit=unit).order_by("pk").values_list(
            "pk", "state", "level", "self_level", "review_note"))
    # a notification the owner receives (an urge, a direction) is not a change of theirs;
    # the owner's own act on one (read) is
    fp["personal"]["notifications read"] = list(
        apps.get_model("reminders", "Notification").objects.filter(
            recipient=owner, read_at__isnull=False).order_by("pk").values_list("pk"))
    for label, field, cols in (("web.SavedView", "user", ("pk", "name", "query")),
                               ("api.ApiToken", "user", ("pk", "revoked_at")),
                               ("reminders.ICalToken", "user", ("pk", "token"))):
        model = _model(*label.split("."))
        if model:
            fp["personal"][label] = list(model.objects.filter(**{field: owner})
                                         .order_by("pk").values_list(*cols))
    return fp


def _count(app, name, **filters) -> int | None:
    model = _model(app, name)
    return None if model is None else model.objects.filter(**filters).count()


def _model(app, name):
    try:
        return apps.get_model(app, name)
    except LookupError:
        return None


def _may(cast, user, side: str, group: str) -> bool:
    unit = cast.unit_a if side == "A" else cast.unit_b
    owner = cast.focal_a if side == "A" else cast.focal_b
    if group == "unit":
        return access.can_write_unit(user, unit.pk)
    if group == "directions":
        return access.can_see_unit(user, unit.pk) and access.has_role(user, "leader", "office")
    if group == "ratings":
        return access.can_see_unit(user, unit.pk)
    return user.pk == owner.pk  # personal objects: their owner only


def _payload(cast, side: str, objs: dict) -> dict:
    unit = cast.unit_a if side == "A" else cast.unit_b
    return {"value": "123,5", "percent": "55", "note": "Ghi chú", "comment": "Lý do trả lại",
            "reason": "Lý do", "text": "Ý kiến chỉ đạo", "title": "Nhiệm vụ mới",
            "name": "Bộ lọc mới", "new_deadline": "2026-12-31", "completed_on": "2026-04-01",
            "deadline": "2026-12-31", "period": "2026-Q1", "lead_unit": unit.pk,
            "unit": unit.pk, "indicator": objs["indicator"], "level": "tot",
            "approve": "1", "decision": "approve", "query": "", "page": "tasks",
            "excerpt": "Trích dẫn", "is_estimate": "", "version": "1"}


@pytest.mark.parametrize("route", ROUTES)
def test_no_role_reads_or_writes_what_it_may_not(route, cast, world, settings, time_machine):
    if route in CAPABILITY_ROUTES:  # the feed lists deadlines from 90 days back: be before
        time_machine.move_to(date(2026, 6, 1))  # the seeded task's, whatever today is
    for side in ("A", "B"):  # the files the seeded rows name
        for sub in ("evidence", "tasks", "extraction"):
            f = settings.MEDIA_ROOT / sub / f"{MARK[side]}{'.pdf' if sub == 'evidence' else '.txt'}"
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_bytes(b"%PDF-1.4 " + MARK[side].encode())
    before = {s: _fingerprint(cast, s, world[s]) for s in ("A", "B")}
    problems = []
    for side in ("A", "B"):
        url = _fill(route, world[side])
        if url is None:
            problems.append(f"{route}: cannot be filled for unit {side}")
            continue
        for name, user in cast.everyone().items():
            client = _client(cast, name, user, url)
            # a calendar feed's address is its own credential: whoever holds it reads what
            # the token's owner may see, whatever session the request carries
            reader = (cast.focal_a if side == "A" else cast.focal_b) \
                if route in CAPABILITY_ROUTES else user
            hidden = set(MARK.values()) - _visible_markers(cast, reader)
            if route in CAPABILITY_ROUTES and MARK[side] not in _text(client.get(url)):
                problems.append(f"GET {url}: the owner's own marker is missing, so the "
                                "check above proves nothing")
            entries = AuditEntry.objects.count()
            resp = client.get(url)
            if resp.status_code >= 500:
                problems.append(f"GET {url} as {name}: {resp.status_code}")
            leaked = sorted(m for m in hidden if m in _text(resp))
            if leaked:
                problems.append(f"GET {url} as {name} shows {leaked}")
            if AuditEntry.objects.count() != entries:
                problems.append(f"GET {url} as {name} wrote an audit entry")
            if name != "admin":  # an administrator may write everything
                problems += _check_post(cast, world, before, side, url, name, user, client)
    assert problems == []


def _check_post(cast, world, before, side, url, name, user, client) -> list[str]:
    problems = []
    last_entry = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with transaction.atomic():
        if url.startswith("/api/"):
            resp = client.post(url, json.dumps(_payload(cast, side, world[side])),
                               content_type="application/json")
        else:
            resp = client.post(url, _payload(cast, side, world[side]))
        after = _fingerprint(cast, side, world[side])  # the POST names this side's objects
        new = list(AuditEntry.objects.filter(pk__gt=last_entry).values_list("action",
                                                                            "unit_id"))
        transaction.set_rollback(True)
    if resp.status_code >= 500:
        problems.append(f"POST {url} as {name}: {resp.status_code}")
    for group in ("unit", "directions", "ratings", "personal"):
        if before[side][group] != after[group] and not _may(cast, user, side, group):
            problems.append(f"POST {url} as {name} changed unit {side}'s {group}")
    unit_ids = {cast.unit_a.pk: "A", cast.unit_b.pk: "B"}
    for action, unit_id in new:
        s = unit_ids.get(unit_id)
        group = ("directions" if action == "task.direction" else
                 "ratings" if action.startswith("rating.") else "unit")
        if s and not _may(cast, user, s, group):
            problems.append(f"POST {url} as {name} logged {action} on unit {s}")
    return problems


# --- every POST route writes for its rightful user -------------------------------------------
# Without this the matrix proves nothing: "nothing changed for the wrong user" holds trivially
# when the payload is refused for everybody (the review found 10 of ~54 POST routes writing).

def _draft(objs):
    Figure.objects.filter(pk=objs["figure"]).update(state=FigureState.DRAFT)


def _reported(objs):
    Task.objects.filter(pk=objs["task"]).update(state="submitted", completed_on=date(2026, 4, 1))


def _subscribed(cast):
    from tiendo.reminders.services import push_subscribe

    push_subscribe(actor=cast.focal_a, endpoint="https://push.example.vn/a", p256dh="k",
                   auth="a")


def _pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return SimpleUploadedFile("minh-chung.pdf", body, content_type="application/pdf")


def _report():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("bao-cao.txt", "BÁO CÁO QUÝ I NĂM 2026\n- Thu ngân sách đạt 1.234 "
                              "tỷ đồng.\n".encode(), content_type="text/plain")


def _json(data):
    return {"data": json.dumps(data), "content_type": "application/json"}


# route -> (rightful role, prepare(cast, objs) or None, post arguments(cast, objs))
RIGHTFUL = {
    "extraction/": ("focal_a", None, lambda c, o: {"data": {
        "file": _report(), "unit": o["unit"], "period": "2026-Q1"}}),
    "extraction/<int:pk>/": ("office", None, lambda c, o: {"data": _payload(c, "A", o)}),
    "extraction/<int:pk>/nhan-tat-ca/": ("office", None, lambda c, o: {"data": {}}),
    "xep-loai/de-xuat/": ("office", None, lambda c, o: {"data": {
        "period": "2026-Q1", "framework": "QD366"}}),
    "xep-loai/bo-tieu-chi/": ("admin", None, lambda c, o: {"data": _payload(c, "A", o)}),
    "xep-loai/<int:pk>/ghi-nhan/": ("inspector", None, lambda c, o: {"data": {
        "kind": "deductions", "value": "1", "evidence": "Biên bản kiểm tra"}}),
    "xep-loai/<int:pk>/<slug:name>/": ("focal_a", None, lambda c, o: {"data": {
        "level": "tot", "comment": "Tự đánh giá"}}),
    "nhac-viec/da-doc/": ("focal_a", None, lambda c, o: {"data": {}}),
    "nhac-viec/<int:pk>/da-doc/": ("focal_a", None, lambda c, o: {"data": {}}),
    "nhac-viec/cai-dat/": ("focal_a", None, lambda c, o: {"data": {
        "email": "on", "digest_hour": "6", "webhook_url": ""}}),
    "nhac-viec/cai-dat/lich-moi/": ("focal_a", None, lambda c, o: {"data": {}}),
    "nhac-viec/push/": ("focal_a", None, lambda c, o: _json({
        "endpoint": "https://push.example.vn/b", "keys": {"p256dh": "k", "auth": "a"}})),
    "nhac-viec/push/huy/": ("focal_a", lambda c, o: _subscribed(c), lambda c, o: _json({
        "endpoint": "https://push.example.vn/a"})),
    "api/tokens/": ("focal_a", None, lambda c, o: {"data": {"name": "Khóa mới"}}),
    "api/tokens/<int:pk>/thu-hoi/": ("focal_a", None, lambda c, o: {"data": {}}),
    "api/figures": ("focal_a", lambda c, o: _draft(o), lambda c, o: _json({
        "indicator": o["indicator_code"], "unit": o["unit_code"], "period": "2026-Q1",
        "value": "5", "expected_version": Figure.objects.get(pk=o["figure"]).version})),
    "api/tasks/<int:task_id>/progress": ("focal_a", None, lambda c, o: _json({
        "percent": 55, "expected_version": Task.objects.get(pk=o["task"]).version})),
    "so-lieu/nhap/<int:unit_pk>/<str:period>/<int:indicator_pk>/": (
        "focal_a", lambda c, o: _draft(o), lambda c, o: {"data": {
            f"i{o['indicator']}-value": "123,5",
            f"i{o['indicator']}-version": Figure.objects.get(pk=o["figure"]).version}}),
    "so-lieu/<int:pk>/gui/": ("focal_a", lambda c, o: _draft(o), lambda c, o: {"data": {}}),
    "so-lieu/<int:pk>/minh-chung/": ("focal_a", None, lambda c, o: {"data": {
        f"e{o['indicator']}-file": _pdf()}}),
    "so-lieu/<int:pk>/duyet/": ("office", None, lambda c, o: {"data": {}}),
    "so-lieu/<int:pk>/tra-lai/": ("office", None, lambda c, o: {"data": {
        f"r{o['figure']}-comment": "Kiểm tra lại"}}),
    "nhiem-vu/moi/": ("office", None, lambda c, o: {"data": {
        "title": "Nhiệm vụ mới", "lead_unit": o["unit"], "expected_product": "khac",
        "deadline": "2026-12-31"}}),
    "nhiem-vu/bo-loc/": ("focal_a", None, lambda c, o: {"data": {
        "name": "Bộ lọc mới", "query": "trang_thai=tre"}}),
    "nhiem-vu/bo-loc/<int:pk>/xoa/": ("focal_a", None, lambda c, o: {"data": {}}),
    "nhiem-vu/<int:pk>/cap-nhat/": ("focal_a", None, lambda c, o: {"data": {
        "percent": "55", "note": "Ghi chú", "version": Task.objects.get(pk=o["task"]).version}}),
    "nhiem-vu/<int:pk>/gia-han/": ("focal_a", None, lambda c, o: {"data": _payload(c, "A", o)}),
    "nhiem-vu/<int:pk>/gia-han/<int:ext_pk>/": ("office", None,
                                                lambda c, o: {"data": _payload(c, "A", o)}),
    "nhiem-vu/<int:pk>/hoan-thanh/": ("focal_a", None,
                                      lambda c, o: {"data": _payload(c, "A", o)}),
    "nhiem-vu/<int:pk>/nghiem-thu/": ("office", lambda c, o: _reported(o),
                                      lambda c, o: {"data": {}}),
    "nhiem-vu/<int:pk>/tra-lai/": ("office", lambda c, o: _reported(o),
                                   lambda c, o: {"data": {"reason": "Thiếu phụ lục"}}),
    "nhiem-vu/<int:pk>/chi-dao/": ("leader", None, lambda c, o: {"data": {
        "text": "Khẩn trương"}}),
    "nhac-viec/don-doc/<int:unit_pk>/": ("office", None, lambda c, o: {"data": {
        "recipients": [str(c.focal_a.pk)], "message": "Đề nghị báo cáo"}}),
}
# Routes that take a POST but rightly write nothing, each with its reason. A new route must be
# added to RIGHTFUL or here, or `test_every_post_route_writes_for_its_rightful_user` fails.
NO_WRITE = {
    "dang-nhap/": "signs in (a session, no data)",
    "i18n/setlang/": "sets the language cookie",
    "extraction/nhiem-vu/": "reads a directive and shows proposals; nhiem-vu/tao/ writes",
    "extraction/nhiem-vu/tao/": "needs the proposals kept in the session by the step before "
                                "(test_view_propose.py writes through both steps)",
    "xep-loai/<int:pk>/gia-dinh/": "what-if: computes a rating without saving it",
    "nhac-viec/push/khoa/": "returns the public VAPID key",
    "bao-mat/xac-thuc-hai-lop/": "enrolment needs a code from the secret it shows "
                                 "(security/tests/test_login.py)",
    "api/": "unknown API path: a JSON 404",
}


DEFAULT_POST = ("focal_a", None, lambda c, o: {"data": {}})


def _changed(cast, world, before) -> bool:
    return any(_fingerprint(cast, s, world[s]) != before[s] for s in ("A", "B"))


def test_every_post_route_writes_for_its_rightful_user(cast, world):
    users = cast.everyone()
    failures, report = [], []
    for route in ROUTES:
        url = _fill(route, world["A"])
        assert url is not None, f"{route}: cannot be filled"
        role, prepare, arguments = RIGHTFUL.get(route, DEFAULT_POST)
        client = _client(cast, role, users[role], url)
        last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        with transaction.atomic():
            if prepare:
                prepare(cast, world["A"])
            before = {s: _fingerprint(cast, s, world[s]) for s in ("A", "B")}
            resp = client.post(url, **arguments(cast, world["A"]))
            wrote = (AuditEntry.objects.filter(pk__gt=last).exists()
                     or _changed(cast, world, before))
            transaction.set_rollback(True)
        report.append(f"{route or '/'}: POST as {role} → {resp.status_code}"
                      f"{', wrote' if wrote else ''}")
        if route in RIGHTFUL and not wrote:
            failures.append(f"{route}: POST as {role} answered {resp.status_code} and wrote "
                            f"nothing")
        elif route not in RIGHTFUL and route not in NO_WRITE and resp.status_code != 405 \
                and _is_page(resp) is False:
            failures.append(f"{route}: takes a POST ({resp.status_code}); add it to RIGHTFUL "
                            f"or NO_WRITE")
    print("\nPOST routes and their rightful roles:\n  " + "\n  ".join(report))
    assert failures == []


def _is_page(resp) -> bool:
    """A read-only page that renders the same for POST as for GET (no form handling)."""
    return resp.status_code in (200, 302, 403, 404) and resp.get("Content-Type", "").startswith(
        ("text/html", "application/json", "application/manifest", "text/javascript",
         "application/javascript", "text/calendar"))


def test_the_matrix_prints_its_routes_and_roles(cast, world):
    lines = [f"{len(ROUTES)} routes × {len(cast.everyone())} roles "
             f"({', '.join(cast.everyone())}) × units A and B:"]
    lines += [f"  /{r}" + ("  [bearer token]" if r.startswith("api/") else "") for r in ROUTES]
    print("\n" + "\n".join(lines))
    assert all(_fill(r, world["A"]) for r in ROUTES)
