"""The REST API per role, with the outsider in every permission test."""

import hashlib
from datetime import date

import pytest

from tiendo.api.models import ApiRateWindow, ApiToken
from tiendo.api.services import token_create, token_revoke
from tiendo.audit.models import AuditEntry
from tiendo.indicators.models import Figure, FigureState
from tiendo.tasks.models import ProgressUpdate
from tiendo.testing import make_figure, make_indicator, make_target, make_task

ROLES = ("admin", "office", "leader", "inspector", "focal_a", "focal_b", "outsider")


@pytest.fixture
def data(cast):
    budget = make_indicator("thu-ns", name="Thu ngân sách", is_key=True, field="kinh_te")
    growth = make_indicator("grdp", name="Tốc độ tăng trưởng GRDP", unit_of_measure="%")
    make_target(budget, cast.unit_a, "2026-Q1", 9950)
    cast.fig_a = make_figure(budget, cast.unit_a, "2026-Q1", 10619)
    make_target(budget, cast.unit_b, "2026-Q1", 600)
    cast.fig_b = make_figure(budget, cast.unit_b, "2026-Q1", 500)
    make_target(growth, cast.unit_c, "2026-Q1", "9.77")
    make_figure(growth, cast.unit_c, "2026-Q1", "7.47")
    cast.task_a = make_task("Đề án A", cast.unit_a, deadline=date(2026, 3, 31), period="2026-Q1")
    cast.task_b = make_task("Đề án B", cast.unit_b, deadline=date(2026, 6, 30), period="2026-Q2")
    cast.task_c = make_task("Đề án C", cast.unit_c, deadline=date(2026, 3, 15), period="2026-Q1")
    cast.tokens = {name: token_create(actor=getattr(cast, name), name="test")[1]
                   for name in ROLES}
    return cast


def auth(data, who: str, **extra) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {data.tokens[who]}", **extra}


def test_no_token_gets_401_in_vietnamese_and_english(client, data):
    r = client.get("/api/units")
    assert r.status_code == 401
    assert r.json() == {"detail": "Cần một khóa API hợp lệ: Authorization: Bearer <khóa>.",
                        "code": "unauthorized", "errors": []}
    r = client.get("/api/units", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert r.json()["detail"] == ("A valid API token is required: "
                                  "Authorization: Bearer <token>.")
    assert client.get("/api/units", HTTP_AUTHORIZATION="Bearer td_wrong").status_code == 401


def test_revoked_token_is_refused(client, data):
    token = ApiToken.objects.get(user=data.focal_a)
    token_revoke(actor=data.focal_a, token=token)
    assert client.get("/api/me", **auth(data, "focal_a")).status_code == 401


def test_token_is_stored_only_as_its_sha256(data):
    raw = data.tokens["office"]
    token = ApiToken.objects.get(user=data.office)
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert token.prefix == raw[:10]
    assert not ApiToken.objects.filter(digest=raw).exists()
    assert AuditEntry.objects.filter(action="api_token.create").count() == len(ROLES)


@pytest.mark.parametrize(("who", "units"), [
    ("admin", ["tinh-c", "tinh-p", "so-a", "so-b"]),
    ("office", ["tinh-p", "so-a", "so-b"]),
    ("leader", ["tinh-p", "so-a", "so-b"]),
    ("inspector", ["tinh-p", "so-a", "so-b"]),
    ("focal_a", ["so-a"]),
    ("focal_b", ["so-b"]),
    ("outsider", ["tinh-c"]),
])
def test_units_list_is_scoped_per_role(client, data, who, units):
    r = client.get("/api/units", **auth(data, who))
    assert r.status_code == 200
    body = r.json()
    assert sorted(u["code"] for u in body["items"]) == sorted(units)
    assert body["count"] == len(units)


def test_units_list_runs_in_a_fixed_number_of_queries(client, data,
                                                      django_assert_num_queries):
    client.get("/api/me", **auth(data, "office"))  # opens the rate window, marks the token used
    with django_assert_num_queries(5):
        # token (with its user), rate window increment, memberships, units page, count
        r = client.get("/api/units", **auth(data, "office"))
    assert r.json()["count"] == 3


def test_a_unit_outside_scope_is_404(client, data):
    assert client.get("/api/units/so-a", **auth(data, "focal_b")).status_code == 404
    assert client.get("/api/units/so-a", **auth(data, "outsider")).status_code == 404
    r = client.get("/api/units/so-a", **auth(data, "leader"))
    assert r.status_code == 200
    assert r.json()["parent"] == "tinh-p"


def test_me_names_roles_and_units(client, data):
    r = client.get("/api/me", **auth(data, "focal_a"))
    assert r.json() == {"username": "focal_a", "full_name": "focal_a", "roles": ["focal"],
                        "units": ["so-a"], "token": data.tokens["focal_a"][:10]}


def test_indicator_catalogue_is_readable_by_everyone_with_filters(client, data):
    for who in ROLES:
        r = client.get("/api/indicators", {"is_key": "true"}, **auth(data, who))
        assert [i["code"] for i in r.json()["items"]] == ["thu-ns"]
    r = client.get("/api/indicators/grdp", **auth(data, "outsider"))
    assert r.json()["unit_of_measure"] == "%"
    assert client.get("/api/indicators/khong-co", **auth(data, "office")).status_code == 404


@pytest.mark.parametrize(("who", "expected"), [
    ("office", [("so-a", 9950.0), ("so-b", 600.0)]),
    ("focal_a", [("so-a", 9950.0)]),
    ("focal_b", [("so-b", 600.0)]),
    ("outsider", []),
])
def test_targets_are_scoped(client, data, who, expected):
    r = client.get("/api/targets", {"indicator": "thu-ns", "period": "2026-Q1"},
                   **auth(data, who))
    assert [(t["unit"], t["value"]) for t in r.json()["items"]] == expected


@pytest.mark.parametrize(("who", "expected"), [
    ("admin", [("thu-ns", "so-a"), ("thu-ns", "so-b"), ("grdp", "tinh-c")]),
    ("office", [("thu-ns", "so-a"), ("thu-ns", "so-b")]),
    ("inspector", [("thu-ns", "so-a"), ("thu-ns", "so-b")]),
    ("focal_a", [("thu-ns", "so-a")]),
    ("outsider", [("grdp", "tinh-c")]),
])
def test_figure_table_is_scoped_with_verdicts(client, data, who, expected, settings):
    settings.TIENDO_RULES = {**settings.TIENDO_RULES, "exceed_margin": "0.05"}  # vượt at +5%
    r = client.get("/api/figures", {"period": "2026-Q1"}, **auth(data, who))
    assert r.status_code == 200
    items = r.json()["items"]
    assert sorted((i["indicator"], i["unit"]) for i in items) == sorted(expected)
    for i in items:
        if i["unit"] == "so-a":
            assert (i["actual"], i["plan"], i["verdict"], i["status"]) == (
                10619.0, 9950.0, "exceeded", "achieved")


def test_figure_list_filters_and_paginates(client, data):
    r = client.get("/api/figures", {"period": "quý I/2026", "status": "not_achieved"},
                   **auth(data, "office"))
    assert [i["unit"] for i in r.json()["items"]] == ["so-b"]
    r = client.get("/api/figures", {"period": "2026-Q1", "limit": 1, "offset": 1},
                   **auth(data, "office"))
    body = r.json()
    assert (body["count"], body["limit"], body["offset"]) == (2, 1, 1)
    assert [i["unit"] for i in body["items"]] == ["so-b"]


def test_bad_period_is_400_in_vietnamese(client, data):
    r = client.get("/api/figures", {"period": "quý 9"}, **auth(data, "office"))
    assert r.status_code == 400
    assert r.json()["detail"].startswith("Không thực hiện được: Kỳ báo cáo không hợp lệ")


def test_figure_detail_of_another_unit_is_404(client, data):
    url = f"/api/figures/{data.fig_a.pk}"
    assert client.get(url, **auth(data, "focal_b")).status_code == 404
    assert client.get(url, **auth(data, "outsider")).status_code == 404
    r = client.get(url, **auth(data, "leader"))
    assert (r.status_code, r.json()["value"]) == (200, 10619.0)


def _figure_body(unit="so-a", **kw):
    return {"indicator": "grdp", "unit": unit, "period": "2026-Q1", "value": "7.5",
            "expected_version": 0, **kw}


def test_focal_point_submits_a_figure_of_its_unit(client, data):
    r = client.post("/api/figures", _figure_body(is_estimate=True, change="1.2"),
                    content_type="application/json", **auth(data, "focal_a"))
    assert r.status_code == 201
    body = r.json()
    assert (body["unit"], body["value"], body["state"], body["is_estimate"]) == (
        "so-a", 7.5, "submitted", True)
    f = Figure(pk=body["id"])
    f.refresh_from_db()
    assert (f.state, f.submitted_by, f.source) == (FigureState.SUBMITTED, data.focal_a, "API")
    assert AuditEntry.objects.filter(action="figure.submit", object_id=str(f.pk)).exists()


def test_a_figure_whose_sending_fails_is_not_kept_as_a_draft_either(client, data,
                                                                      monkeypatch):
    """Saving and sending is one transaction: a refusal at the sending step leaves no row."""
    from django.core.exceptions import ValidationError

    from tiendo.indicators import services

    def refuse(**kwargs):
        raise ValidationError("Không gửi được.")

    monkeypatch.setattr(services, "figure_submit", refuse)
    before = (Figure.objects.count(), AuditEntry.objects.count())
    r = client.post("/api/figures", _figure_body(), content_type="application/json",
                    **auth(data, "focal_a"))
    assert (r.status_code, r.json()["detail"]) == (422, "Không thực hiện được: Không gửi được.")
    assert (Figure.objects.count(), AuditEntry.objects.count()) == before


@pytest.mark.parametrize(("who", "unit", "status"), [
    ("focal_b", "so-a", 404),
    ("outsider", "so-a", 404),
    ("leader", "so-a", 403),
    ("inspector", "so-b", 403),
])
def test_nobody_writes_a_figure_of_a_unit_they_may_not_write(client, data, who, unit,
                                                              status):
    before = Figure.objects.count()
    r = client.post("/api/figures", _figure_body(unit=unit), content_type="application/json",
                    **auth(data, who))
    assert r.status_code == status
    assert r.json()["code"] in ("not_found", "forbidden")
    assert Figure.objects.count() == before


def test_invalid_figure_body_is_422_with_field_errors(client, data):
    r = client.post("/api/figures", {"indicator": "grdp", "unit": "so-a", "period": "2026-Q1",
                                     "value": "abc"},
                    content_type="application/json", **auth(data, "focal_a"))
    assert r.status_code == 422
    body = r.json()
    assert body["detail"] == "Dữ liệu gửi lên không hợp lệ."
    assert body["errors"][0]["field"] == "payload.value"


def test_submitting_over_a_submitted_figure_is_refused_and_writes_nothing(client, data):
    data.fig_a.state = FigureState.SUBMITTED
    data.fig_a.save()
    before = Figure.objects.count()
    r = client.post("/api/figures", {"indicator": "thu-ns", "unit": "so-a",
                                     "period": "2026-Q1", "value": "1",
                                     "expected_version": data.fig_a.version},
                    content_type="application/json", **auth(data, "focal_a"))
    assert r.status_code == 422
    assert "không sửa được" in r.json()["detail"]
    assert Figure.objects.count() == before
    data.fig_a.refresh_from_db()
    assert data.fig_a.value == 10619


@pytest.mark.parametrize(("who", "titles"), [
    ("admin", ["Đề án A", "Đề án B", "Đề án C"]),
    ("office", ["Đề án A", "Đề án B"]),
    ("leader", ["Đề án A", "Đề án B"]),
    ("focal_a", ["Đề án A"]),
    ("focal_b", ["Đề án B"]),
    ("outsider", ["Đề án C"]),
])
def test_tasks_are_scoped_with_status_on_a_date(client, data, who, titles):
    r = client.get("/api/tasks", {"on": "2026-04-01"}, **auth(data, who))
    items = r.json()["items"]
    assert sorted(t["title"] for t in items) == titles
    for t in items:
        if t["title"] == "Đề án A":
            assert (t["status"], t["days_overdue"]) == ("overdue", 1)


def test_tasks_filter_by_period_and_status(client, data):
    r = client.get("/api/tasks", {"on": "2026-04-01", "period": "2026-Q1",
                                  "status": "overdue"}, **auth(data, "admin"))
    assert sorted(t["title"] for t in r.json()["items"]) == ["Đề án A", "Đề án C"]


def test_task_detail_of_another_unit_is_404(client, data):
    url = f"/api/tasks/{data.task_a.pk}"
    assert client.get(url, **auth(data, "focal_b")).status_code == 404
    assert client.get(url, **auth(data, "outsider")).status_code == 404
    assert client.get(url, **auth(data, "inspector")).json()["lead_unit"] == "so-a"


def test_lead_unit_posts_progress(client, data):
    r = client.post(f"/api/tasks/{data.task_a.pk}/progress",
                    {"percent": 40, "note": "Đã lấy ý kiến các sở."},
                    content_type="application/json",
                    **auth(data, "focal_a", HTTP_IF_MATCH=f'"{data.task_a.version}"'))
    assert r.status_code == 201
    assert (r.json()["percent"], r.json()["task_version"]) == (40, 2)
    data.task_a.refresh_from_db()
    assert data.task_a.progress == 40


@pytest.mark.parametrize(("who", "status"), [
    ("focal_b", 404), ("outsider", 404), ("leader", 403), ("inspector", 403)])
def test_others_cannot_post_progress(client, data, who, status):
    r = client.post(f"/api/tasks/{data.task_a.pk}/progress",
                    {"percent": 90, "expected_version": 1},
                    content_type="application/json", **auth(data, who))
    assert r.status_code == status
    assert not ProgressUpdate.objects.exists()


def test_progress_out_of_range_is_422(client, data):
    r = client.post(f"/api/tasks/{data.task_a.pk}/progress", {"percent": 150},
                    content_type="application/json", **auth(data, "focal_a"))
    assert r.status_code == 422
    assert not ProgressUpdate.objects.exists()


def test_stale_version_is_refused_in_english_when_asked(client, data):
    r = client.post(f"/api/tasks/{data.task_a.pk}/progress",
                    {"percent": 50, "expected_version": 7},
                    content_type="application/json",
                    **auth(data, "focal_a", HTTP_ACCEPT_LANGUAGE="en"))
    assert r.status_code == 422
    body = r.json()
    assert body["detail"] == "Could not be done: see errors."
    assert "vừa được người khác cập nhật" in body["errors"][0]["message"]


def test_a_write_without_the_version_is_428_and_overwrites_nothing(client, data):
    """The review's finding: a write without a version silently overwrote 50 → 70 and
    progress 30% → 10%. The version is required (expected_version or If-Match)."""
    r = client.post("/api/figures", {"indicator": "thu-ns", "unit": "so-a",
                                     "period": "2026-Q1", "value": "70"},
                    content_type="application/json", **auth(data, "focal_a"))
    assert r.status_code == 428
    assert r.json()["code"] == "version_required"
    assert "expected_version" in r.json()["detail"]
    data.fig_a.refresh_from_db()
    assert data.fig_a.value == 10619
    r = client.post(f"/api/tasks/{data.task_a.pk}/progress", {"percent": 10},
                    content_type="application/json",
                    **auth(data, "focal_a", HTTP_ACCEPT_LANGUAGE="en"))
    assert (r.status_code, r.json()["detail"][:33]) == (428, "The version being edited is requi")
    assert not ProgressUpdate.objects.exists()


def test_a_new_figure_sent_with_version_0_over_an_existing_one_is_a_conflict(client, data):
    r = client.post("/api/figures", {"indicator": "thu-ns", "unit": "so-a",
                                     "period": "2026-Q1", "value": "70", "expected_version": 0},
                    content_type="application/json", **auth(data, "focal_a"))
    assert r.status_code in (409, 422)
    data.fig_a.refresh_from_db()
    assert data.fig_a.value == 10619


def test_report_build_is_scoped(client, data):
    r = client.get("/api/reports/2026-Q1", {"format": "json"}, **auth(data, "focal_a"))
    assert r.status_code == 200
    assert r["Content-Disposition"] == 'attachment; filename="bao-cao-2026-Q1.json"'
    assert [i["org_unit_code"] for i in r.json()["indicators"]] == ["so-a"]
    r = client.get("/api/reports/2026-Q1", {"format": "docx", "unit": "so-a"},
                   **auth(data, "outsider"))
    assert r.status_code == 404
    r = client.get("/api/reports/Q9", **auth(data, "office"))
    assert r.status_code == 400


def test_rate_limit_answers_429_with_a_vietnamese_message(client, data, settings):
    settings.TIENDO_API_RATE_PER_MINUTE = 3
    for _ in range(3):
        assert client.get("/api/me", **auth(data, "office")).status_code == 200
    r = client.get("/api/me", **auth(data, "office"))
    assert r.status_code == 429
    body = r.json()
    assert body["code"] == "rate_limited"
    assert body["detail"].startswith("Quá nhiều yêu cầu: tối đa 3 yêu cầu mỗi phút.")
    assert 1 <= int(r["Retry-After"]) <= 61
    # another person's token has its own window
    assert client.get("/api/me", **auth(data, "leader")).status_code == 200
    assert ApiRateWindow.objects.count() == 2


@pytest.fixture
def rated(data):
    from tiendo.scoring import services as scoring

    scoring.rating_propose(actor=data.office, period="2026-Q1", framework_code="QD366")
    return data


@pytest.mark.parametrize(("who", "units"), [
    ("office", ["so-a", "so-b"]),
    ("inspector", ["so-a", "so-b"]),
    ("focal_a", ["so-a"]),
    ("focal_b", ["so-b"]),
    ("outsider", []),
])
def test_ratings_are_scoped(client, rated, who, units):
    r = client.get("/api/ratings", {"period": "2026-Q1"}, **auth(rated, who))
    assert r.status_code == 200
    items = r.json()["items"]
    assert sorted(i["unit"] for i in items) == units
    assert all(i["framework"] == "QD366" and i["state"] == "proposed" for i in items)
    r = client.get("/api/ratings", {"period": "2026-Q1", "framework": "QD366"},
                   **auth(rated, who))
    assert sorted(i["unit"] for i in r.json()["items"]) == units


def test_rating_of_another_unit_is_404(client, rated):
    from tiendo.scoring.models import Rating

    pk = Rating.objects.get(unit=rated.unit_a).pk
    assert client.get(f"/api/ratings/{pk}", **auth(rated, "focal_b")).status_code == 404
    assert client.get(f"/api/ratings/{pk}", **auth(rated, "outsider")).status_code == 404
    r = client.get(f"/api/ratings/{pk}", **auth(rated, "leader"))
    assert (r.status_code, r.json()["unit"]) == (200, "so-a")


@pytest.mark.parametrize(("url", "params", "queries"), [
    # token, rate window, catalogue page, count
    ("/api/indicators", {}, 4),
    # token, rate window, memberships, visible units, targets page, count
    ("/api/targets", {}, 6),
    # token, rate window, memberships, visible units, stored assessments with their rows
    ("/api/figures", {"period": "2026-Q1"}, 5),
    # token, rate window, memberships, visible units, tasks, coordinating units
    ("/api/tasks", {"on": "2026-04-01"}, 6),
])
def test_lists_run_in_a_fixed_number_of_queries(client, data, django_assert_num_queries,
                                                url, params, queries):
    client.get("/api/me", **auth(data, "office"))  # opens the rate window, marks the token used
    with django_assert_num_queries(queries):
        assert client.get(url, params, **auth(data, "office")).status_code == 200


def test_wrong_method_and_unknown_path_answer_json(client, data):
    r = client.delete(f"/api/tasks/{data.task_a.pk}", **auth(data, "admin"))
    assert r.status_code == 405
    assert r.json() == {"detail": "Phương thức HTTP này không dùng được ở địa chỉ này.",
                        "code": "not_allowed", "errors": []}
    assert r["Allow"] == "GET"
    r = client.get("/api/khong-co", HTTP_ACCEPT_LANGUAGE="en")
    assert (r.status_code, r.json()["detail"]) == (404, "Not found, or you may not see it.")
