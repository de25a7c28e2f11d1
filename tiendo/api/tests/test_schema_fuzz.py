"""Property-based run over the OpenAPI schema (schemathesis): whatever the generated request,
the API never answers with a server error. Bounded (few examples per operation) so the whole
run stays well under a minute."""

from datetime import date

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from tiendo.api.services import token_create
from tiendo.testing import make_figure, make_indicator, make_target, make_task

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_connection():
    """The schema's WSGI calls bypass Django's test client, which is what normally stops
    close_old_connections from closing the test's connection (in its open transaction) at the
    end of each request: do the same here (it matters on PostgreSQL)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def headers(cast, settings, keep_connection):
    settings.TIENDO_API_RATE_PER_MINUTE = 100_000
    ind = make_indicator("thu-ns", name="Thu ngân sách")
    make_target(ind, cast.unit_a, "2026-Q1", 9950)
    make_figure(ind, cast.unit_a, "2026-Q1", 10619)
    make_task("Đề án A", cast.unit_a, deadline=date(2026, 3, 31), period="2026-Q1")
    _token, raw = token_create(actor=cast.focal_a, name="fuzz")
    return {"Authorization": f"Bearer {raw}"}


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_no_request_makes_a_server_error(case, headers):
    case.call_and_validate(headers=headers, checks=[not_a_server_error])
