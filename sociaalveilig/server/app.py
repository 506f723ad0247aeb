"""The centre's HTTP interface: the services for the desks, run as the signed-in user.

``create_app`` returns an ASGI application (Starlette) with these endpoints, JSON through
``services/remote/codec.py``:

- ``POST /api/v1/session`` {username, passphrase} → {token, actor, idle_seconds,
  max_age_seconds}; ``DELETE /api/v1/session`` (Bearer token) signs out;
- ``POST /api/v1/passphrase`` {username, old, new}: a user's own new passphrase;
- ``POST /api/v1/call/{module}/{function}`` {args, kwargs} (Bearer token) → {result}, or
  {error: {kind, message, exit_code}} with a 4xx status;
- ``GET /api/v1/changes?after=SEQ`` (Bearer token) → {batch}: the change feed, a long
  poll (``server/feed.py``);
- ``GET /api/v1/health`` → {ok, version, schema}.

Nothing lives in the process between requests: sessions are rows in the database
(``services/centre_sessions.py``), so any number of processes serve one centre. Each call
builds a fresh ``ServiceContext`` with the user read from the database for that request,
and runs the same service function the desk would run on its own store: need-to-know,
workflow and audit happen here. Service code is blocking, so it runs in the thread pool.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sociaalveilig.core import errors
from sociaalveilig.core.errors import SociaalVeiligError
from sociaalveilig.core.i18n import tr
from sociaalveilig.server import feed, openapi
from sociaalveilig.server.registry import exposed_functions
from sociaalveilig.services import centre, centre_sessions
from sociaalveilig.services.centre_sessions import SessionPolicy
from sociaalveilig.services.context import Clock, ServiceContext, SystemClock
from sociaalveilig.services.remote import codec
from sociaalveilig.services.remote.client import INTERNAL
from sociaalveilig.storage import migrate
from sociaalveilig.storage.postgres import views
from sociaalveilig.storage.postgres.store import PgStore

log = logging.getLogger("sociaalveilig.server")

MAX_BODY_BYTES = 80 * 1024 * 1024
"""An import file travels as bytes inside the body (base64: a third larger), and a desk
imports files up to 50 MB: their body is about 67 MB."""


@dataclass(frozen=True)
class ServerSettings:
    sessions: SessionPolicy = field(default_factory=SessionPolicy)
    max_body_bytes: int = MAX_BODY_BYTES
    now: Callable[[], datetime] = centre_sessions.real_utcnow
    """The sessions' real time (naive UTC); tests pass their own to expire a session."""
    feed_wait_seconds: float = feed.WAIT_SECONDS


# What each expected failure answers with; the desk reads the kind, the status is for
# proxies and logs. Checked in order: a subclass before its base.
_STATUS: tuple[tuple[type[SociaalVeiligError], int], ...] = (
    (errors.SignInThrottled, 429),
    (errors.AuthenticationError, 401),
    (errors.StoreLocked, 401),
    (errors.AccessDenied, 403),
    (errors.NotFound, 404),
    (errors.ConflictError, 409),
    (errors.StoreDamaged, 409),
    (errors.StoreUnavailable, 503),
    (errors.UsageError, 400),
    (errors.ValidationError, 422),
)


def _internal_message() -> str:
    return tr("Interne fout op het centrum; meld dit bij de functioneel beheerder.")


def _travelling_class(exc: BaseException) -> type[SociaalVeiligError] | None:
    """The nearest class of ``exc`` that the desk knows by name (``codec.error_registry``):
    one defined elsewhere travels as its nearest known base."""
    known = set(codec.error_registry().values())
    for cls in type(exc).__mro__:
        if cls in known and issubclass(cls, SociaalVeiligError):
            return cls
    return None


def error_body(exc: SociaalVeiligError, cls: type[SociaalVeiligError]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": codec.error_name(cls),
        "message": exc.message,
        "exit_code": exc.exit_code,
    }
    attributes = {}
    for name, value in vars(exc).items():
        if name != "message":
            try:
                attributes[name] = codec.encode(value)
            except codec.CodecError:
                continue  # what cannot travel stays on the server
    if attributes:
        body["attributes"] = attributes
    return body


def refusal(
    exc: SociaalVeiligError, status: int, cls: type[SociaalVeiligError] | None = None
) -> Response:
    """The error body of ``exc`` (as ``cls``, by default its own class) with ``status``."""
    return JSONResponse({"error": error_body(exc, cls or type(exc))}, status_code=status)


def error_response(exc: BaseException) -> Response:
    """An expected failure (a ``core.errors`` class, by an allow-list) as its kind and
    Dutch line; anything else as a 500 with one fixed line, and a log line with only the
    type and where it happened (a message may hold a resident's data)."""
    cls = _travelling_class(exc)
    if isinstance(exc, SociaalVeiligError) and cls is not None and cls is not SociaalVeiligError:
        status = next((code for base, code in _STATUS if isinstance(exc, base)), 422)
        return refusal(exc, status, cls)
    frames = traceback.extract_tb(exc.__traceback__)
    places = " < ".join(f"{_short(frame.filename)}:{frame.lineno}" for frame in reversed(frames))
    log.error("internal error %s at %s", type(exc).__name__, places)
    body = {"kind": INTERNAL, "message": _internal_message(), "exit_code": 1}
    return JSONResponse({"error": body}, status_code=500)


def _short(filename: str) -> str:
    parts = Path(filename).parts
    if "sociaalveilig" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("sociaalveilig") :])
    return Path(filename).name


class CentreApp:
    """The endpoints over one open store (its pool shared by all requests)."""

    def __init__(self, store: PgStore, clock: Clock, settings: ServerSettings) -> None:
        self.store = store
        self.clock = clock
        self.settings = settings
        self.functions: Mapping[tuple[str, str], Callable[..., Any]] = exposed_functions()
        self.writers: set[Callable[..., Any]] = set()
        """The functions seen to write: their units take the write order first."""
        self.version = _version()
        self.feed = feed.FeedListener(store)
        codec.registry()  # the allow-lists, built once now rather than at the first request
        codec.error_registry()

    # ------------------------------------------------------------------ the parts

    async def _body(self, request: Request) -> dict[str, Any]:
        """The request's JSON object, each value decoded; bounded in size."""
        declared = request.headers.get("content-length")
        limit = self.settings.max_body_bytes
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            raise _too_large(limit)
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
        try:
            raw = json.loads(b"".join(chunks), parse_constant=_no_constant)
        except (ValueError, RecursionError):
            raise codec.CodecError(_unreadable()) from None
        if not isinstance(raw, dict):
            raise codec.CodecError(_unreadable())
        try:
            return {str(key): _decode_field(str(key), value) for key, value in raw.items()}
        except RecursionError:
            raise codec.CodecError(_unreadable()) from None

    def _token(self, request: Request) -> str:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise centre_sessions.ended()
        return token.strip()

    def _actor_context(self, token: str) -> ServiceContext:
        actor = centre_sessions.resume_session(
            self.store, token, self.settings.sessions, self.settings.now()
        )
        return ServiceContext(
            self.store, actor, self.clock, session_digest=centre_sessions.token_digest(token)
        )

    # ------------------------------------------------------------------ endpoints

    async def open_session(self, request: Request) -> Response:
        try:
            body = await self._body(request)
            username, passphrase = _text(body, "username"), _text(body, "passphrase")
            address = request.client.host if request.client is not None else None
            token, actor = await run_in_threadpool(self._sign_in, username, passphrase, address)
        except Exception as exc:
            return error_response(exc)
        policy = self.settings.sessions
        return _json(
            {
                "token": token,
                "actor": actor,
                "idle_seconds": policy.idle_seconds,
                "max_age_seconds": policy.max_age_seconds,
            }
        )

    def _sign_in(self, username: str, passphrase: str, address: str | None) -> tuple[str, Any]:
        actor = centre.sign_in(self.store, username, passphrase, address, self.clock)
        token = centre_sessions.open_session(self.store, actor, address, self.settings.now())
        return token, actor

    async def close_session(self, request: Request) -> Response:
        try:
            token = self._token(request)
            await run_in_threadpool(
                centre_sessions.close_session, self.store, token, self.settings.now(), self.clock
            )
        except Exception as exc:
            return error_response(exc)
        return _json({"ok": True})

    async def change_passphrase(self, request: Request) -> Response:
        try:
            body = await self._body(request)
            username, old, new = (_text(body, name) for name in ("username", "old", "new"))
            await run_in_threadpool(
                centre.change_own_passphrase, self.store, username, old, new, self.clock
            )
        except Exception as exc:
            return error_response(exc)
        return _json({"ok": True})

    async def call(self, request: Request) -> Response:
        try:
            token = self._token(request)
            function = self.functions.get(
                (request.path_params["module"], request.path_params["function"])
            )
            if function is None:
                # Only a signed-in user learns that a name is unknown: without a session
                # nothing tells which handlings exist.
                await run_in_threadpool(self._actor_context, token)
                raise errors.NotFound(
                    tr("Het centrum kent deze handeling niet. Werk het programma bij.")
                )
            if _large(request):  # read only for a signed-in user (found by fuzzing)
                await run_in_threadpool(self._actor_context, token)
            body = await self._body(request)
            args, kwargs = body.get("args", []), body.get("kwargs", {})
            if not isinstance(args, list) or not isinstance(kwargs, dict) or not all(
                isinstance(key, str) for key in kwargs
            ):
                raise codec.CodecError(_unreadable())
            result = await run_in_threadpool(self._run, function, token, args, kwargs)
        except Exception as exc:
            return error_response(exc)
        return _json({"result": result})

    def _run(
        self,
        function: Callable[..., Any],
        token: str,
        args: list[Any],
        kwargs: dict[str, Any],
    ) -> Any:
        ctx = self._actor_context(token)
        codec.check_arguments(function, ctx, args, kwargs)
        if function not in self.writers:
            # A view call until the function is seen to write (storage/postgres/views.py).
            call = views.ViewCall()
            reset = views.VIEW_CALL.set(call)
            try:
                result = function(ctx, *args, **kwargs)
            except Exception:
                if not call.wrote:
                    self.store.log_views(call)  # the views it finished did happen
                    raise
            else:
                if not call.wrote:
                    self.store.log_views(call)  # before the answer leaves
                    return result
            finally:
                views.VIEW_CALL.reset(reset)
            # Nothing of it was stored, its views' audit entries neither: again, as a
            # writer (which logs those views once), now and from now on.
            self.writers.add(function)
        return function(ctx, *args, **kwargs)

    async def changes(self, request: Request) -> Response:
        try:
            token = self._token(request)
            raw = request.query_params.get("after", "")
            if raw and not (raw.isascii() and raw.isdigit() and len(raw) < 19):
                raise codec.CodecError(_unreadable())
            start = int(raw) if raw else None

            async def read(after: int | None) -> feed.ChangeBatch:
                # The session and the user afresh at every read, as for a call: a sign-out
                # or a new role counts during a wait too.
                return await run_in_threadpool(self._read_changes, token, after)

            batch = await feed.wait_for_changes(
                self.feed, read, start, self.settings.feed_wait_seconds
            )
        except Exception as exc:
            return error_response(exc)
        return _json({"batch": batch})

    def _read_changes(self, token: str, after: int | None) -> feed.ChangeBatch:
        # Following the feed is not a request of the user's: it keeps no session alive.
        actor = centre_sessions.resume_session(
            self.store, token, self.settings.sessions, self.settings.now(), touch=False
        )
        return feed.read_visible(ServiceContext(self.store, actor, self.clock), after)

    async def health(self, request: Request) -> Response:
        try:
            schema = await run_in_threadpool(self._schema)
        except Exception:
            return JSONResponse({"ok": False, "version": self.version}, status_code=503)
        return JSONResponse({"ok": True, "version": self.version, "schema": schema})

    def _schema(self) -> str | None:
        with self.store.engine.connect() as connection:
            return migrate.current_revision(connection)


def create_app(
    store: PgStore, *, clock: Clock | None = None, settings: ServerSettings | None = None
) -> Starlette:
    """The centre's ASGI application over an open store (see the module text)."""
    centre_app = CentreApp(store, clock or SystemClock(), settings or ServerSettings())
    routes = [
        Route("/api/v1/session", centre_app.open_session, methods=["POST"]),
        Route("/api/v1/session", centre_app.close_session, methods=["DELETE"]),
        Route("/api/v1/passphrase", centre_app.change_passphrase, methods=["POST"]),
        Route("/api/v1/call/{module}/{function}", centre_app.call, methods=["POST"]),
        Route("/api/v1/changes", centre_app.changes, methods=["GET"]),
        Route("/api/v1/health", centre_app.health, methods=["GET"]),
    ]
    app = Starlette(routes=routes)
    app.state.centre = centre_app
    openapi.install(app, centre_app.version, refusal)  # the description, JSON only
    return app


def _json(fields: dict[str, Any]) -> Response:
    encoded = {key: codec.encode(value) for key, value in fields.items()}
    content = json.dumps(encoded, ensure_ascii=False, allow_nan=False).encode("utf-8")
    return Response(content, media_type="application/json")


def _decode_field(key: str, value: Any) -> Any:
    """A body's field from the wire; a call's ``kwargs`` is a plain JSON object of encoded
    values (the client's ``_encode_field``)."""
    if key == "kwargs" and isinstance(value, dict) and "$" not in value:
        return {str(name): codec.decode(item) for name, item in value.items()}
    return codec.decode(value)


def _text(body: dict[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str):
        raise codec.CodecError(_unreadable())
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _unreadable() -> str:
    return tr("Het centrum kon het verzoek niet lezen. Werk het programma bij of meld dit bij "
              "de functioneel beheerder.")


LARGE_BODY_BYTES = 1024 * 1024


def _large(request: Request) -> bool:
    """A body of over ``LARGE_BODY_BYTES``, or of a length not told (chunked): its session
    is checked before it is read, so no one without one makes the server take in 80 MB."""
    declared = request.headers.get("content-length")
    return declared is None or not declared.isdigit() or int(declared) > LARGE_BODY_BYTES


def _too_large(limit: int) -> errors.ValidationError:
    # The limit as configured (it said 20 MB while the server took 80: found by fuzzing).
    return errors.ValidationError(
        tr("Het verzoek is te groot voor het centrum (hoogstens {mb} MB). Kies een kleiner "
           "bestand.").format(mb=max(1, limit // (1024 * 1024)))
    )


def _version() -> str:
    try:
        return metadata.version("sociaalveilig")
    except metadata.PackageNotFoundError:
        return "onbekend"
