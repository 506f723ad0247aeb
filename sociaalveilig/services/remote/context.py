"""The context of a desk signed in to a centre: who, the clock, and the way to the server.

A ``RemoteContext`` has no store: a desk never holds database credentials. The service
functions still take it first, as on a desk; ``@retrying`` sees it and hands the outermost
call to ``call``, which runs it on the server as the signed-in user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from sqlalchemy.orm import Session

from sociaalveilig.core.errors import SessionEnded
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import Actor, Clock, ServiceContext
from sociaalveilig.services.remote.client import CentreClient

SERVICES_PACKAGE = "sociaalveilig.services."


class RemoteContext(ServiceContext):
    """``ServiceContext`` for a desk on a centre (see the module text)."""

    def __init__(self, actor: Actor, clock: Clock, client: CentreClient, token: str) -> None:
        # No ``store``: deliberately not ServiceContext.__init__.
        self.actor = actor
        self.clock = clock
        self.client = client
        self._token: str | None = token

    @property
    def label(self) -> str:
        return self.client.label

    def call(
        self, function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Any:
        """Run the service ``function`` on the server with these arguments (after the
        context) and return its result, or raise its error."""
        # A service module by its own name ("signals"); the demo, which sits beside the
        # services, as "demo".
        module = function.__module__.removeprefix(SERVICES_PACKAGE).removeprefix("sociaalveilig.")
        answer = self.client.request(
            "POST",
            f"/call/{module}/{function.__name__}",
            {"args": list(args), "kwargs": kwargs},
            token=self.token,
        )
        return answer.get("result")

    @property
    def token(self) -> str:
        if self._token is None:
            raise SessionEnded(
                tr("Uw sessie bij het centrum is beëindigd; meld u opnieuw aan.")
            )
        return self._token

    def forget_token(self) -> str | None:
        token, self._token = self._token, None
        return token

    # A service opens units on the server only; here one would be a bug (a function
    # that opens a unit without ``@retrying``, which tests/services/test_retry.py forbids).

    @contextmanager
    def unit(self, purpose: str | None = None) -> Iterator[Session]:
        _no_store()
        yield  # pragma: no cover

    @contextmanager
    def read_unit(self) -> Iterator[Session]:
        _no_store()
        yield  # pragma: no cover

    def with_actor(self, actor: Actor) -> ServiceContext:
        raise RuntimeError("a desk on a centre acts only as the user who signed in")


def _no_store() -> NoReturn:
    raise RuntimeError("a desk on a centre has no store: call the service function instead")
