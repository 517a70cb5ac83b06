"""Schema fuzzing: schemathesis generates requests from /openapi.json; none may get a 5xx."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from test_api_endpoints import build_api_db  # noqa: E402

from hadath.api.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    app = create_app(build_api_db(tmp_path_factory.mktemp("fuzz") / "t.db"))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def test_no_request_gets_a_server_error(api_schema):
    checked = []
    for operation in operations(api_schema):

        @given(case=operation.as_strategy())
        @settings(max_examples=40, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call()
            where = f"{case.method} {case.formatted_path} {case.query}"
            assert response.status_code < 500, f"{where}: {response.text}"
            if response.status_code >= 400:
                assert response.json().get("error"), f"{where}: {response.text}"

        check()
        checked.append(operation.path)
    assert "/api/events" in checked and "/api/search" in checked
