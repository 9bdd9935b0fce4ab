"""The API, fuzzed against its own OpenAPI schema: no server errors, every response conforms."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from tests.api.world import assert_no_secrets, build_world

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))


@pytest.fixture
def app(db):
    """The real WSGI app, kept on the test's transaction (as Django's test client does)."""
    build_world()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_answers_every_generated_request_as_its_schema_says(case, app):
    # An empty filter (?committee=) means "no filter", as in django-filter and the HTML
    # pages, so a request the schema calls invalid may rightly be answered 200.
    response = case.call_and_validate(app=app, excluded_checks=[negative_data_rejection])
    assert response.status_code < 500
    assert_no_secrets(response.content)
