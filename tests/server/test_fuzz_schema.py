"""schemathesis against the centre's app in process, over a throw-away PostgreSQL centre.

Requests generated from the server's own OpenAPI description (``server/openapi.py``), sent
without a session, with a garbage token, and with a coordinator's and a partner's session.
Every answer is checked: no server error, a documented status, a body of the documented
schema and content type. ``SV_SERVER_FUZZ_EXAMPLES`` examples per operation and session
(``make test``: a short run; ``make torture``: thousands).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sociaalveilig.server import openapi
from tests.server.fuzz_centre import EXAMPLES, HostileCentre, fingerprint, hostile_database

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    content_type_conformance,
]


@pytest.fixture(scope="module")
def centre(pg_template: str) -> Iterator[HostileCentre]:
    """One centre for the whole run: each test signs in afresh (``_headers``)."""
    with hostile_database() as made:
        yield made


OPERATIONS = [
    ("/api/v1/session", "POST"),
    ("/api/v1/session", "DELETE"),
    ("/api/v1/passphrase", "POST"),
    ("/api/v1/call/{module}/{function}", "POST"),
    ("/api/v1/changes", "GET"),
    ("/api/v1/health", "GET"),
    (openapi.PATH, "GET"),
]
NOTHING_TO_NEGATE = {("/api/v1/session", "DELETE"), ("/api/v1/health", "GET"),
                     (openapi.PATH, "GET")}
"""Operations without parameters or a body: no invalid request can be made of them."""
RUNS = [
    pytest.param(path, method, mode, id=f"{method} {path} {mode.value}")
    for path, method in OPERATIONS
    for mode in GenerationMode
    if mode is GenerationMode.POSITIVE or (path, method) not in NOTHING_TO_NEGATE
]


def _headers(centre: HostileCentre, who: str) -> dict[str, str]:
    if who == "none":
        return {}
    if who == "garbage":
        return {"Authorization": "Bearer " + "x" * 10_000}
    return {"Authorization": f"Bearer {centre.token(who)}"}


def test_the_fuzzed_operations_are_all_of_them() -> None:
    described = openapi.description("1.0")["paths"]
    assert {(path, method.upper()) for path in described for method in described[path]} == set(
        OPERATIONS
    )


# schemathesis' own pytest integration (a lazy schema from a fixture) does not run under
# this pytest; the same cases come from each operation's hypothesis strategy instead.
@pytest.mark.parametrize("who", ["none", "garbage", "coordinator", "partner"])
@pytest.mark.parametrize(("path", "method", "mode"), RUNS)
def test_every_answer_is_documented_and_no_server_error(
    centre: HostileCentre, path: str, method: str, who: str, mode: GenerationMode
) -> None:
    schema = schemathesis.openapi.from_asgi(openapi.PATH, centre.http.app)
    operation = schema[path][method]
    headers = _headers(centre, who)
    seen: list[int] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        response = case.call_and_validate(headers=headers, checks=CHECKS)
        seen.append(response.status_code)

    before = fingerprint(centre.store)
    run()
    assert seen  # the run sent requests (a strategy that cannot generate would send none)
    if who in ("none", "garbage"):
        # Without a session nothing is stored; only a failed sign-in is logged.
        after = fingerprint(centre.store)
        grown = after.pop("AuditEntry") - before.pop("AuditEntry")
        assert after == before
        assert grown == 0 or path in ("/api/v1/session", "/api/v1/passphrase")
