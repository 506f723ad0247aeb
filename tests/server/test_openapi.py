"""The centre's OpenAPI description, and the refusals Starlette would otherwise answer in
its own words (no such path, a method not taken, a body that is not JSON)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any, cast

import pytest
import schemathesis
from starlette.routing import Route

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from starlette.testclient import TestClient

from sociaalveilig.server import openapi
from sociaalveilig.server.app import create_app
from sociaalveilig.services.remote import codec
from sociaalveilig.storage.postgres.store import PgStore


class _NoStore:
    """Stands for the store: nothing here reaches the database (health says so, 503)."""

    engine = None


@pytest.fixture
def client() -> Iterator[TestClient]:
    app = create_app(cast(PgStore, _NoStore()))
    with TestClient(app, raise_server_exceptions=False) as http:
        yield http


def _routes() -> set[tuple[str, str]]:
    app = create_app(cast(PgStore, _NoStore()))
    found = set()
    for route in app.routes:
        assert isinstance(route, Route), route
        # Starlette adds HEAD to every GET by itself: not a route of ours.
        found |= {(route.path, method) for method in route.methods or () if method != "HEAD"}
    return found


def test_the_description_lists_exactly_the_apps_routes() -> None:
    document = openapi.description("1.0")
    described = {
        (path, method.upper())
        for path, operations in document["paths"].items()
        for method in operations
    }
    assert described == _routes()


def test_the_description_is_valid_openapi_with_an_answer_for_each_operation() -> None:
    document = openapi.description("1.0")
    schema = schemathesis.openapi.from_dict(document)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == len(_routes())
    for operation in operations:
        statuses = set(operation.definition.raw["responses"])
        assert "200" in statuses and "500" not in statuses, operation.label


def test_the_tagged_kinds_are_the_codecs() -> None:
    assert set(openapi.TAGS) == set(codec._DECODERS)


def test_the_description_is_served_without_a_session_and_names_no_function(
    client: TestClient,
) -> None:
    response = client.get(openapi.PATH)
    assert response.status_code == 200
    assert response.json() == openapi.description(response.json()["info"]["version"])
    text = response.text
    for name in ("list_signals", "register_signal", "search", "users"):
        assert name not in text


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    error: dict[str, Any] = response.json()["error"]
    assert set(error) == {"kind", "message", "exit_code"}
    assert error["message"] and "Traceback" not in error["message"]
    return error


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/api/v1/session"),
        ("GET", "/api/v1/session"),
        ("PATCH", "/api/v1/passphrase"),
        ("GET", "/api/v1/call/search/list_signals"),
        ("DELETE", "/api/v1/changes"),
        ("POST", "/api/v1/health"),
        ("OPTIONS", "/api/v1/session"),
        ("OPTIONS", "/api/v1/call/search/list_signals"),
    ],
)
def test_a_method_a_path_does_not_take_is_a_405_in_dutch(
    client: TestClient, method: str, path: str
) -> None:
    error = _error(client.request(method, path), 405)
    assert error["kind"] == "UsageError" and "neemt dit verzoek" in error["message"]


@pytest.mark.parametrize("path", ["/", "/api/v2/session", "/api/v1/call/search", "/%00"])
def test_an_unknown_path_is_a_404_in_dutch(client: TestClient, path: str) -> None:
    error = _error(client.get(path), 404)
    assert error["kind"] == "NotFound" and "kent dit adres niet" in error["message"]


def test_head_of_a_get_route_answers_without_a_body(client: TestClient) -> None:
    response = client.head(openapi.PATH)
    assert response.status_code == 200 and response.content == b""


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
     "application/xml", "garbage"],
)
@pytest.mark.parametrize(
    "path", ["/api/v1/session", "/api/v1/passphrase", "/api/v1/call/search/list_signals"]
)
def test_a_body_that_says_it_is_not_json_is_refused_before_it_is_read(
    client: TestClient, content_type: str, path: str
) -> None:
    response = client.post(
        path, content=b'{"username": "a", "passphrase": "b"}',
        headers={"Content-Type": content_type},
    )
    error = _error(response, 415)
    assert error["kind"] == "UsageError" and "alleen JSON" in error["message"]


def test_json_with_a_charset_is_json(client: TestClient) -> None:
    # Refused for its content (no session), not for its type.
    response = client.post(
        "/api/v1/call/search/list_signals", content=b"{}",
        headers={"Content-Type": "Application/JSON; charset=utf-8"},
    )
    assert _error(response, 401)["kind"] == "SessionEnded"
