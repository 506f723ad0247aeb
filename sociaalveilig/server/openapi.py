"""The centre's own HTTP interface as an OpenAPI 3.1 description (``GET /api/v1/openapi.json``).

It describes the endpoints, their bodies in the codec's JSON form, the error body and the
Bearer token, so that a fuzzing tool (schemathesis, tests/server/test_fuzz_schema.py) and
an operator's proxy know the shape of every answer. It is served without a session: it
names no data and lists no service functions (the call endpoint appears as its path
pattern only), so it tells nothing a desk's program does not already tell.
tests/server/test_openapi.py checks that it lists exactly the app's routes.

``install`` also makes the two answers Starlette gives of its own (no such path, a method
the path does not take) the server's error body with a Dutch line, as every other refusal.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from sociaalveilig.core.errors import NotFound, SociaalVeiligError, UsageError
from sociaalveilig.core.i18n import tr

PATH = "/api/v1/openapi.json"
TAGS = ("tuple", "set", "frozenset", "dict", "datetime", "date", "time", "timedelta", "bytes",
        "enum", "dc")
"""The codec's tagged kinds (``{"$": tag, ...}``); test_openapi.py checks them against the
codec's decoders."""

_ERROR = {"$ref": "#/components/schemas/Error"}
_VALUE = {"$ref": "#/components/schemas/CodecValue"}
_BEARER: list[dict[str, list[str]]] = [{"bearer": []}]


def _answer(description: str, schema: dict[str, Any] = _ERROR) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*statuses: int) -> dict[str, Any]:
    meaning = {
        "401": "not signed in, the session ended, or a wrong name or passphrase",
        "403": "the signed-in user may not do this (need-to-know, role)",
        "404": "no such record, or (signed in only) no such handling",
        "405": "a method this path does not take",
        "409": "the record changed meanwhile, or the store is damaged",
        "415": "a body that is not JSON by its Content-Type",
        "422": "a body that is not JSON, too large, or does not fit the handling",
        "429": "too many failed sign-ins: try again later",
        "503": "the centre's database cannot be reached",
    }
    return {str(status): _answer(meaning[str(status)]) for status in statuses}


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _object(required: dict[str, Any], optional: dict[str, Any] | None = None,
            closed: bool = True) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "required": list(required),
        "properties": {**required, **(optional or {})},
    }
    if closed:
        schema["additionalProperties"] = False
    return schema


_TEXT = {"type": "string"}
_COUNT = {"type": "integer", "minimum": 0}


def _paths() -> dict[str, Any]:
    session = _object(
        {"token": _TEXT, "actor": _VALUE, "idle_seconds": _COUNT, "max_age_seconds": _COUNT}
    )
    ok = _object({"ok": {"const": True}})
    after = {
        "name": "after", "in": "query", "required": False,
        "description": "the sequence number of the last change the desk has seen",
        "schema": {"type": "string", "pattern": "^[0-9]{1,18}$"},
    }
    name = {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_.]*$"}
    return {
        "/api/v1/session": {
            "post": {
                "summary": "Sign in: a session token for the user",
                "security": [],
                "requestBody": _body(_object({"username": _TEXT, "passphrase": _TEXT},
                                             closed=False)),
                "responses": {"200": _answer("signed in", session),
                              **_errors(401, 405, 415, 422, 429, 503)},
            },
            "delete": {
                "summary": "Sign out: the session ends",
                "security": _BEARER,
                "responses": {"200": _answer("signed out", ok),
                              **_errors(401, 405, 415, 503)},
            },
        },
        "/api/v1/passphrase": {
            "post": {
                "summary": "A user's own new passphrase",
                "security": [],
                "requestBody": _body(_object({"username": _TEXT, "old": _TEXT, "new": _TEXT},
                                             closed=False)),
                "responses": {"200": _answer("changed", ok),
                              **_errors(401, 405, 415, 422, 429, 503)},
            },
        },
        "/api/v1/call/{module}/{function}": {
            "post": {
                "summary": "Run one of the centre's service functions as the signed-in user",
                "security": _BEARER,
                "parameters": [
                    {"name": "module", "in": "path", "required": True, "schema": name},
                    {"name": "function", "in": "path", "required": True, "schema": name},
                ],
                "requestBody": _body(_object(
                    {}, {"args": {"type": "array", "items": _VALUE},
                         "kwargs": {"type": "object", "additionalProperties": _VALUE}},
                    closed=False,
                )),
                "responses": {
                    "200": _answer("the function's result", _object({"result": _VALUE})),
                    **_errors(401, 403, 404, 405, 409, 415, 422, 429, 503),
                },
            },
        },
        "/api/v1/changes": {
            "get": {
                "summary": "The change feed (a long poll): what changed that the user may know",
                "security": _BEARER,
                "parameters": [after],
                "responses": {
                    "200": _answer("the changes after `after`", _object({"batch": _VALUE})),
                    **_errors(401, 405, 422, 503),
                },
            },
        },
        "/api/v1/health": {
            "get": {
                "summary": "Whether the server reaches its database, its version and schema",
                "security": [],
                "responses": {
                    "200": _answer("healthy", _object(
                        {"ok": {"const": True}, "version": _TEXT},
                        {"schema": {"type": ["string", "null"]}})),
                    "503": _answer("the database cannot be reached", _object(
                        {"ok": {"const": False}, "version": _TEXT})),
                    **_errors(405),
                },
            },
        },
        PATH: {
            "get": {
                "summary": "This description",
                "security": [],
                "responses": {"200": _answer("OpenAPI 3.1", {"type": "object"}),
                              **_errors(405)},
            },
        },
    }


def _components() -> dict[str, Any]:
    tagged = {
        "type": "object",
        "required": ["$"],
        "properties": {
            "$": {"enum": list(TAGS)},
            "c": {"type": "string", "description": "a class's name, for enum and dc"},
            "v": {"description": "the value (any JSON)"},
            "f": {"type": "object", "description": "a dataclass's fields, for dc"},
        },
    }
    error = _object({
        "error": _object(
            {"kind": _TEXT, "message": _TEXT, "exit_code": {"type": "integer"}},
            {"attributes": {"type": "object"}},
        )
    })
    return {
        "schemas": {
            "CodecValue": {
                "description": "A value in the codec's JSON form (services/remote/codec.py): "
                "plain JSON, or an object tagged with '$'. The class names of the services' "
                "dataclasses and enums are the schema; they are not listed here.",
                "anyOf": [
                    {"type": ["null", "boolean", "integer", "number", "string"]},
                    {"type": "array"},
                    tagged,
                ],
            },
            "Error": error,
        },
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer",
                       "description": "the token of POST /api/v1/session"},
        },
    }


def description(version: str) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the centre's HTTP interface."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Sociaal Veilig centrum", "version": version},
        "paths": _paths(),
        "components": _components(),
    }


# --------------------------------------------------------------------------- Starlette's own

_JSON_TYPES = ("application/json",)
_WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})


Refusal = Callable[[SociaalVeiligError, int], Response]
"""The server's error body for an error and a status (``app.refusal``)."""


def _http_error(refusal: Refusal) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def answer(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 400
        if status == 404:
            return refusal(
                NotFound(tr("Het centrum kent dit adres niet. Werk het programma bij.")), 404
            )
        if status == 405:
            return refusal(UsageError(tr(
                "Het centrum neemt dit verzoek op dit adres niet aan. Werk het programma bij."
            )), 405)
        return refusal(UsageError(tr(
            "Het centrum kon het verzoek niet lezen. Werk het programma bij of meld dit bij de "
            "functioneel beheerder."
        )), status if 400 <= status < 500 else 400)

    return answer


class JsonOnly:
    """Refuses a body that says it is something other than JSON (a browser's form, plain
    text) before any endpoint reads it: 415. A body without a Content-Type is read as
    JSON, as before (the desks send the header; scripts and older tools may not)."""

    def __init__(self, app: ASGIApp, refusal: Refusal) -> None:
        self.app = app
        self.refusal = refusal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in _WITH_BODY:
            declared = _content_type(scope)
            if declared is not None and declared not in _JSON_TYPES:
                refused = tr("Het centrum neemt alleen JSON aan. Werk het programma bij.")
                response = self.refusal(UsageError(refused), 415)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _content_type(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name.lower() == b"content-type":
            return value.decode("latin-1").split(";", 1)[0].strip().lower()
    return None


def install(app: Starlette, version: str, refusal: Refusal) -> None:
    """Serve the description at ``PATH``, refuse non-JSON bodies, and answer Starlette's own
    refusals (404, 405) with the server's error body (``refusal``)."""
    document = description(version)

    async def serve(request: Request) -> Response:
        return JSONResponse(document)

    app.router.routes.append(Route(PATH, serve, methods=["GET"]))
    app.add_exception_handler(HTTPException, _http_error(refusal))
    app.add_middleware(JsonOnly, refusal=refusal)
