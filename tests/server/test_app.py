"""The centre's HTTP interface: what it exposes, how it refuses, how it tells failures."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import logging
import pkgutil
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest

import sociaalveilig.services
from sociaalveilig.core.errors import StoreUnavailable, UsageError
from sociaalveilig.server.app import ServerSettings
from sociaalveilig.server.registry import exposed_functions
from sociaalveilig.services import remote, users
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.remote.client import CentreClient, check_url
from sociaalveilig.services.retry import is_retrying, retrying
from sociaalveilig.services.search import SignalQuery
from sociaalveilig.services.setup import context_for
from sociaalveilig.services.visit_clashes import Clash, VisitClash
from sociaalveilig.storage import migrate
from sociaalveilig.storage.postgres.store import PgStore
from tests import centre
from tests.conftest import ADMIN

# --------------------------------------------------------------------------- what is exposed

EXPOSED_MODULES = {
    "access", "actions", "agenda_proposals", "audit_labels", "auditlog", "buurtschouw",
    "calendar_export", "case_lookup", "case_reviews", "case_work", "cases", "escalations",
    "live",
    "exports", "imports", "meeting_agenda", "meeting_minutes", "meeting_planning", "partners",
    "reference_data", "reminder_state", "report_buurtschouw", "report_case",
    "report_management", "report_meeting", "report_shared", "retention_purge",
    "retention_rules", "routing_rules", "search", "signal_linking", "signal_outcomes",
    "signal_records", "signals", "subject_access", "users", "visits", "worklist",
}
"""The modules whose functions the centre runs for a desk. A new service module is exposed
by being there: adding it here is the deliberate choice."""


ALSO_EXPOSED = {("centre_sessions", "end_sessions"), ("demo", "fill_demo")}
"""Single functions of otherwise unexposed modules: a beheerder ends a user's sessions;
the demo (beside the services) fills a new centre."""


def test_the_exposed_modules_are_the_listed_ones() -> None:
    names = set(exposed_functions())
    assert names >= ALSO_EXPOSED
    assert {module for module, _name in names - ALSO_EXPOSED} == EXPOSED_MODULES


def test_nothing_about_a_folder_or_the_server_itself_is_exposed() -> None:
    names = set(exposed_functions()) - ALSO_EXPOSED
    for module in (
        "setup", "desk", "maintenance", "autobackup", "centre", "centre_sessions", "jobs",
        "centre_backup", "centre_import",
    ):
        assert not any(m == module for m, _ in names), module
    assert {name for m, name in exposed_functions() if m == "centre_sessions"} == {
        "end_sessions"
    }
    assert ("calendar_export", "calendar_file") in names
    assert ("calendar_export", "export_calendar") not in names  # writes on the desk
    assert ("subject_access", "person_export") in names
    assert ("subject_access", "export_person") not in names
    assert not any(name.startswith("_") for _, name in names)


def test_a_public_service_reaches_a_private_unit_only_through_its_own_retry() -> None:
    """On a centre the outermost ``@retrying`` call is the one sent to the server: a
    public function without it that calls a private ``@retrying`` one would send a name
    the server does not expose (visits.week_plan did)."""
    offenders = []
    for info in pkgutil.iter_modules(sociaalveilig.services.__path__):
        module = importlib.import_module(f"sociaalveilig.services.{info.name}")
        private = {
            name for name, value in vars(module).items()
            if name.startswith("_") and callable(value) and is_retrying(value)
        }
        for node in ast.parse(inspect.getsource(module)).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            if not node.args.args or node.args.args[0].arg != "ctx":
                continue  # not a service function (a decorator's wrapper runs inside one)
            if is_retrying(getattr(module, node.name, None)):
                continue
            called = {
                call.func.id for call in ast.walk(node)
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
            }
            offenders += [f"{info.name}.{node.name} -> {name}" for name in called & private]
    assert offenders == []


# --------------------------------------------------------------------------- the HTTP side

calls: list[Any] = []


@retrying
def spy(ctx: ServiceContext, query: SignalQuery, limit: int = 10) -> int:
    """Stands for a service: records that it ran."""
    calls.append((ctx.actor.username, query, limit))
    return limit


@retrying
def broken(ctx: ServiceContext) -> None:
    raise RuntimeError("Jansen, Dorpsstraat 1")  # a message that must never be logged


@pytest.fixture
def desk(centre_store: PgStore, clock: FixedClock) -> Iterator[centre.CentreHarness]:
    calls.clear()
    admin = context_for(centre_store, ADMIN, clock)
    ctx = centre.through_centre(centre_store, admin.actor, clock)
    app_functions = dict(ctx.client.http.app.state.centre.functions)  # type: ignore[attr-defined]
    app_functions[("spy", "spy")] = spy
    app_functions[("spy", "broken")] = broken
    ctx.client.http.app.state.centre.functions = app_functions  # type: ignore[attr-defined]
    yield ctx
    centre.close(ctx)


def _post(
    ctx: centre.CentreHarness, path: str, content: bytes, token: bool = True
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {ctx.token}"} if token else {}
    return ctx.client.http.post("/api/v1" + path, content=content, headers=headers)


def _dutch_error(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status
    error: dict[str, Any] = response.json()["error"]
    assert error["message"] and "Traceback" not in error["message"]
    return error


def test_a_call_runs_as_the_signed_in_user(desk: centre.CentreHarness) -> None:
    body = json.dumps({"args": [{"$": "dc", "c": "services.search.SignalQuery", "f": {}}],
                       "kwargs": {"limit": 3}}).encode()
    response = _post(desk, "/call/spy/spy", body)
    assert response.status_code == 200 and response.json() == {"result": 3}
    assert calls == [(ADMIN, SignalQuery(), 3)]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{geen json", 422),
        (b"[1, 2]", 422),
        (b'{"args": "x"}', 422),
        (b'{"args": [{"$": "dc", "c": "builtins.object", "f": {}}]}', 422),
        (b'{"args": [{"$": "dc", "c": "services.search.SignalQuery", "f": {"text": 5}}]}', 422),
        (b'{"args": [{"$": "dc", "c": "services.search.SignalQuery", "f": {}}, "tien"]}', 422),
        (b'{"args": [], "kwargs": {}}', 422),
        (b'{"args": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", 422),
    ],
)
def test_hostile_bodies_are_refused_before_any_service_runs(
    desk: centre.CentreHarness, body: bytes, status: int
) -> None:
    error = _dutch_error(_post(desk, "/call/spy/spy", body), status)
    assert error["exit_code"] == 4
    assert error["kind"] in {"ValidationError", "services.remote.codec.CodecError"}
    assert calls == []


def test_a_body_too_large_is_refused(centre_store: PgStore, clock: FixedClock) -> None:
    admin = context_for(centre_store, ADMIN, clock)
    ctx = centre.through_centre(
        centre_store, admin.actor, clock, settings=ServerSettings(max_body_bytes=1000)
    )
    try:
        body = json.dumps({"args": ["x" * 2000]}).encode()
        error = _dutch_error(_post(ctx, "/call/search/count_signals", body), 422)
        assert "te groot" in error["message"]
    finally:
        centre.close(ctx)


def test_without_a_session_nothing_runs(desk: centre.CentreHarness) -> None:
    body = b'{"args": [{"$": "dc", "c": "services.search.SignalQuery", "f": {}}]}'
    error = _dutch_error(_post(desk, "/call/spy/spy", body, token=False), 401)
    assert error["kind"] == "SessionEnded" and error["exit_code"] == 3
    response = desk.client.http.post(
        "/api/v1/call/spy/spy", content=body, headers={"Authorization": "Bearer nep"}
    )
    assert _dutch_error(response, 401)["kind"] == "SessionEnded"
    assert calls == []


def test_an_unknown_function_is_not_found(desk: centre.CentreHarness) -> None:
    for path in ("/call/setup/login", "/call/search/_signal_select", "/call/os/system"):
        error = _dutch_error(_post(desk, path, b'{"args": []}'), 404)
        assert error["kind"] == "NotFound"


def test_without_a_session_no_name_is_told_known_or_unknown(desk: centre.CentreHarness) -> None:
    for path in ("/call/setup/login", "/call/users/list_users"):
        error = _dutch_error(_post(desk, path, b'{"args": []}', token=False), 401)
        assert error["kind"] == "SessionEnded"


def test_an_unexpected_failure_is_one_line_and_logged_without_its_message(
    desk: centre.CentreHarness, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="sociaalveilig.server"):
        error = _dutch_error(_post(desk, "/call/spy/broken", b'{"args": []}'), 500)
    assert error == {
        "kind": "InternalError",
        "message": "Interne fout op het centrum; meld dit bij de functioneel beheerder.",
        "exit_code": 1,
    }
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "RuntimeError" in logged and "test_app.py:" in logged
    assert "Jansen" not in logged and "Dorpsstraat" not in logged


def test_the_desk_reads_a_service_error_as_its_own_class(desk: centre.CentreHarness) -> None:
    from sociaalveilig.core.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        users.add_user(desk, "nieuw", "keizer", "een-lang-wachtwoord-123")
    assert type(caught.value) is ValidationError and caught.value.exit_code == 4
    assert "Onbekende rol 'keizer'" in caught.value.message
    assert caught.value.field == "role"


def test_a_services_own_failure_travels_with_its_details(
    desk: centre.CentreHarness, clock: FixedClock
) -> None:
    clash = Clash("v1", datetime(2026, 4, 16, 10), datetime(2026, 4, 16, 11), "C-2026-00001",
                  "Fictiefstraat 12, 6463 AB", ("Politie Limburg",), False)

    @retrying
    def refuses(ctx: ServiceContext) -> None:
        raise VisitClash([clash])

    # Exposed under the name the desk sends for it (its module is this test's).
    functions = desk.client.http.app.state.centre.functions  # type: ignore[attr-defined]
    functions[(__name__, "refuses")] = refuses
    with pytest.raises(VisitClash) as caught:
        refuses(desk)
    assert caught.value.clashes == (clash,) and caught.value.field == "start"
    assert "Dubbele boeking" in caught.value.message


def test_health(desk: centre.CentreHarness) -> None:
    response = desk.client.http.get("/api/v1/health")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["schema"] == migrate.head_revision() and body["version"]


# --------------------------------------------------------------------------- the client


@pytest.mark.parametrize(
    "url",
    ["http://centrum.example.nl", "ftp://127.0.0.1", "centrum", "http://", "https://:99",
     "http://10.0.0.1:8443"],
)
def test_a_centre_address_must_be_https_or_loopback(url: str) -> None:
    with pytest.raises(UsageError) as caught:
        check_url(url)
    assert caught.value.exit_code == 2


def test_good_centre_addresses() -> None:
    assert check_url("https://centrum.example.nl/") == "https://centrum.example.nl"
    assert check_url("http://127.0.0.1:8765") == "http://127.0.0.1:8765"
    assert check_url("http://localhost:8765") == "http://localhost:8765"
    assert check_url("http://[::1]:8765") == "http://[::1]:8765"


def test_a_centre_that_cannot_be_reached_is_exit_6_with_its_host() -> None:
    with pytest.raises(StoreUnavailable) as caught:
        remote.connect("http://127.0.0.1:1", ADMIN, "een-wachtwoord-geheim-1")
    assert caught.value.exit_code == 6
    assert "127.0.0.1:1" in caught.value.message and "geheim" not in caught.value.message


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_server_error_without_our_answer_is_exit_6(status: int) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, text="<html>"))
    client = CentreClient(httpx.Client(transport=transport, base_url="https://c"), "c:443")
    with pytest.raises(StoreUnavailable):
        client.request("POST", "/session", {"username": "a", "passphrase": "b"})


def test_the_token_travels_in_a_header_only() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"result": None})

    client = CentreClient(httpx.Client(transport=httpx.MockTransport(answer),
                                       base_url="https://c"), "c:443")
    client.request("POST", "/call/users/list_users", {"args": []}, token="geheim-token")
    assert "geheim-token" not in str(seen[0].url)
    assert "geheim-token" not in seen[0].content.decode()
    assert seen[0].headers["authorization"] == "Bearer geheim-token"


def test_a_desks_own_store_is_not_remote(admin_ctx: ServiceContext) -> None:
    assert not remote.is_remote(admin_ctx)
    assert remote.server_label(admin_ctx) == ""
    remote.end_session(admin_ctx)  # nothing to end: the store stays open
    assert users.list_users(admin_ctx)


def test_a_centre_whose_database_is_down_is_exit_6_for_the_desk(
    desk: centre.CentreHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sociaalveilig.services import centre_sessions

    def database_down(*args: object) -> None:
        raise StoreUnavailable("De server db.intern:5432 is niet bereikbaar.")

    monkeypatch.setattr(centre_sessions, "resume_session", database_down)
    response = _post(desk, "/call/users/list_users", b'{"args": []}')
    assert response.status_code == 503
    with pytest.raises(StoreUnavailable) as caught:
        users.list_users(desk)
    assert caught.value.exit_code == 6
    assert "testserver:80" in caught.value.message  # the centre, not its database
    assert "db.intern" not in caught.value.message
