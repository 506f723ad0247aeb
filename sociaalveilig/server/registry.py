"""Which service functions the centre's server runs for a desk, built once at start.

Exposed: the public ``@retrying`` functions of ``sociaalveilig.services.*`` whose first
parameter is the context. Left out, by nature: the modules about a local folder or the
server itself (``EXCLUDED``), and the subpackage of the desk's own client. A new service
module is exposed by being there; tests/server/test_registry.py lists the modules, so that
is a choice someone makes on purpose.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Mapping
from typing import Any

import sociaalveilig.services
from sociaalveilig.demo import fill_demo
from sociaalveilig.services.retry import is_retrying

EXCLUDED = frozenset(
    {
        "setup", "desk", "maintenance", "autobackup", "centre", "centre_sessions", "retry",
        "jobs", "centre_backup", "centre_import",
    }
)
"""About a local folder (setup, desk, maintenance, autobackup), the centre's own sign-in
and sessions (centre, centre_sessions), or the operator's and the server's own work
(scheduled jobs, backup, import-store: run by ``sociaalveilig-server``, never by a desk);
``retry`` is the mechanism itself."""
ALSO_EXPOSED = frozenset({("centre_sessions", "end_sessions")})
"""Single functions of an excluded module a desk may call: a beheerder ends a user's
sessions from the window (Beheer › Gebruikers)."""
NOT_SERVICES = frozenset({"context", "remote"})
"""The context's definition and the desk's client: no service functions."""


def _takes_context(function: Callable[..., Any]) -> bool:
    parameters = list(inspect.signature(function).parameters)
    return bool(parameters) and parameters[0] == "ctx"


def exposed_functions() -> Mapping[tuple[str, str], Callable[..., Any]]:
    """``(module, function) -> function`` for every exposed service function."""
    found: dict[tuple[str, str], Callable[..., Any]] = {}
    for info in pkgutil.iter_modules(sociaalveilig.services.__path__):
        if info.name in NOT_SERVICES:
            continue
        excluded = info.name in EXCLUDED
        if excluded and not any(module == info.name for module, _ in ALSO_EXPOSED):
            continue
        module = importlib.import_module(f"sociaalveilig.services.{info.name}")
        for name, value in vars(module).items():
            if excluded and (info.name, name) not in ALSO_EXPOSED:
                continue
            if (
                not name.startswith("_")
                and callable(value)
                and getattr(value, "__module__", None) == module.__name__
                and is_retrying(value)
                and _takes_context(value)
            ):
                found[(info.name, name)] = value
    # The demo sits beside the services (it fills a new store through them); a centre
    # that is new or already a demo takes it as a desk's store does.
    found[("demo", "fill_demo")] = fill_demo
    return found
