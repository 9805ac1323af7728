"""Schema-based fuzzing of the server API from its own OpenAPI document: never a 5xx.

Valid (positive) and invalid (negative) requests are generated for every operation.

Bounded and reproducible: a fixed number of derandomized examples per operation
against one server process on 127.0.0.1.
"""
from __future__ import annotations

import requests
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from sync.testing.fixtures import server  # noqa: F401 (fixture)

EXAMPLES_PER_OPERATION = 30


def test_no_generated_request_makes_the_server_fail(server):
    answer = requests.post(f"{server.url}/api/v1/workstations", timeout=10,
                           json={"name": "Fuzz", "agency_id": "000.00.31.H41", "slot": 1}).json()
    headers = {"Authorization": f"Bearer {answer['token']}"}
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    seen: dict[str, set[int]] = {}

    for operation, mode in [(op, mode) for op in operations for mode in GenerationMode]:
        @given(case=operation.as_strategy(mode))
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            response = case.call(headers=headers, timeout=15)
            seen.setdefault(f"{operation.label} {mode.value}", set()).add(response.status_code)
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"

        try:
            call()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # e.g. GET /health: no invalid request exists
    assert len(seen) >= len(operations)  # every operation was exercised
