"""The HTTP conversation with a centre's server (httpx), and how its failures read.

Timeouts per phase: 5 s to connect (a centre that does not answer is told quickly), 60 s
to read (an import or a report takes a while on the server). The token travels in the
``Authorization`` header only: never in a URL, a message or a log line.
"""

from __future__ import annotations

import ipaddress
import json
import ssl
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from sociaalveilig.core import errors
from sociaalveilig.core.errors import SociaalVeiligError, StoreUnavailable, UsageError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.remote import codec

API = "/api/v1"
TIMEOUT = httpx.Timeout(connect=5.0, read=60.0, write=60.0, pool=5.0)
INTERNAL = "InternalError"
"""The ``kind`` of the server's answer to a failure it did not expect (a bug)."""


def rebuild_error(body: dict[str, Any]) -> SociaalVeiligError:
    """The exception the server told of, as the same class with the same message and
    attributes (a clash's details, a field's name); an unknown kind reads as a bug (exit 1)
    with the server's line."""
    message = str(body.get("message") or tr("Interne fout op het centrum."))
    cls = codec.error_registry().get(str(body.get("kind")), SociaalVeiligError)
    exc = cls.__new__(cls)
    SociaalVeiligError.__init__(exc, message)
    attributes = body.get("attributes")
    if isinstance(attributes, dict):
        for name, raw in attributes.items():
            if isinstance(name, str) and name != "message":
                try:
                    setattr(exc, name, codec.decode(raw))
                except codec.CodecError:
                    continue
    if isinstance(exc, errors.ValidationError) and not hasattr(exc, "field"):
        exc.field = None
    return exc


def _encode_field(key: str, value: Any) -> Any:
    """A body's field for the wire; a call's ``kwargs`` as a plain JSON object of encoded
    values (readable in a log of the request, and easy for other clients to write)."""
    if key == "kwargs" and isinstance(value, dict):
        return {str(name): codec.encode(item) for name, item in value.items()}
    return codec.encode(value)


def check_url(server_url: str) -> str:
    """``server_url`` without a trailing slash; ``UsageError`` unless ``https://`` or
    ``http://`` on a loopback address (plain HTTP elsewhere would show passphrases)."""
    try:
        parts = urlsplit(server_url.strip())
        host = parts.hostname or ""
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        host, parts = "", urlsplit("")
    scheme = parts.scheme.lower()
    if host and scheme == "https":
        return server_url.strip().rstrip("/")
    if host and scheme == "http" and _loopback(host):
        return server_url.strip().rstrip("/")
    raise UsageError(
        tr(
            "{url} is geen geldig adres van een centrum. Gebruik https://server:poort, of "
            "http:// alleen op deze computer (127.0.0.1)."
        ).format(url=server_url.split("@")[-1][:200])
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def label(server_url: str) -> str:
    parts = urlsplit(server_url)
    default = 443 if parts.scheme == "https" else 80
    return f"{parts.hostname}:{parts.port or default}"


class CentreClient:
    """One centre's HTTP client; ``http`` may be any httpx client (tests pass Starlette's
    ``TestClient``, which serves the app in this process)."""

    def __init__(self, http: httpx.Client, label: str) -> None:
        self.http = http
        self.label = label

    @classmethod
    def for_url(cls, server_url: str, ca: Path | None = None) -> CentreClient:
        url = check_url(server_url)
        verify: ssl.SSLContext | bool = True
        if ca is not None:
            try:
                verify = ssl.create_default_context(cafile=str(ca))
            except (OSError, ssl.SSLError):
                raise UsageError(
                    tr("Het certificaat {path} kan niet gelezen worden. Geef het PEM-bestand "
                       "van het centrum op.").format(path=ca)
                ) from None
        http = httpx.Client(base_url=url, timeout=TIMEOUT, verify=verify, follow_redirects=False)
        return cls(http, label(url))

    def unreachable(self) -> StoreUnavailable:
        return StoreUnavailable(
            tr(
                "Het centrum {server} is niet bereikbaar. Controleer de netwerkverbinding en het "
                "adres, en probeer het opnieuw."
            ).format(server=self.label)
        )

    def request(
        self, method: str, path: str, body: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        """Send ``body`` (its values encoded by the codec) and return the answer's fields,
        decoded; a failure told by the server is raised as its own class."""
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        content = None
        if body is not None:
            encoded = {key: _encode_field(key, value) for key, value in body.items()}
            content = json.dumps(encoded, ensure_ascii=False, allow_nan=False).encode("utf-8")
        try:
            response = self.http.request(method, API + path, content=content, headers=headers)
        except httpx.HTTPError:
            # Refused, timeout, DNS, TLS: the cause may name the token-free URL only, but
            # the user needs one line, and the developer the class (not logged here).
            raise self.unreachable() from None
        return self._answer(response)

    def _answer(self, response: httpx.Response) -> dict[str, Any]:
        try:
            parsed = json.loads(response.content) if response.content else None
        except ValueError:
            parsed = None
        error = parsed.get("error") if isinstance(parsed, dict) else None
        if response.status_code >= 400:
            if isinstance(error, dict) and (
                response.status_code < 500 or error.get("kind") == INTERNAL
            ):
                raise rebuild_error(error)
            raise self.unreachable()  # a proxy's 502, an overloaded server's 503
        if not isinstance(parsed, dict):
            raise self.unreachable()
        return {key: codec.decode(value) for key, value in parsed.items()}

    def close(self) -> None:
        self.http.close()
