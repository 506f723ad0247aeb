"""A service call that lost a race with another writer is run again, whole.

On the centre's PostgreSQL a unit of work runs at REPEATABLE READ: when two units change the
same row, the one that commits second is refused with a serialization failure (SQLSTATE
40001) instead of overwriting the first; two that lock rows in opposite order end in a
deadlock (40P01). Both are cured by running the unit again on fresh data. A ``with`` body
cannot be run again, so the retry sits on the function around it: every service function
that opens a unit carries ``@retrying`` (tests/services/test_retry.py walks the services
and fails for one without it).

- Only the outermost retrying call retries (a context variable marks it); a service called
  by another runs inside its caller's attempt, and the caller runs again as a whole.
- A call is run again only while none of its units has committed a change yet: running it
  again would repeat what is already stored. After the last try, or once a unit has
  committed, the user reads ``ConflictError`` ("Iemand anders wijzigde dit tegelijk; probeer
  het opnieuw.", exit 4).
- Any other error goes through at once, untouched.

On the single-desk store (SQLite) no error is transient (units start with ``BEGIN
IMMEDIATE``, one writer at a time), so this changes nothing there.

On a desk signed in to a centre, the same decorator is the way to the server: an outermost
call whose first argument is a ``RemoteContext`` is sent there (``RemoteContext.call``) and
run as the signed-in user, with its own retries; nested calls on the server run locally.
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from sociaalveilig.core.errors import ConflictError
from sociaalveilig.services.remote.context import RemoteContext
from sociaalveilig.storage.errors import conflict_message, is_transient

P = ParamSpec("P")
R = TypeVar("R")

TRIES = 5
BACKOFF_S = 0.02
"""The first pause; each next one up to twice as long, each drawn at random below its
bound so that writers who clashed do not clash again in step."""

RETRYING_ATTR = "__sv_retrying__"
_WROTE = "sv_retry_wrote"


@dataclass
class _Attempt:
    committed: int = 0
    """Units of this attempt that committed a change."""


_attempt: ContextVar[_Attempt | None] = ContextVar("sv_retry_attempt", default=None)


def _pause(attempt: int) -> None:
    time.sleep(random.uniform(0, BACKOFF_S * 2 ** (attempt - 1)))


pause: Callable[[int], None] = _pause
"""Between tries (replaceable in tests, which must not wait)."""


def retrying(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` again (up to ``TRIES`` times in all) when it fails with a
    serialization failure or a deadlock; see the module text."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if _attempt.get() is not None:
            return func(*args, **kwargs)
        if args and isinstance(args[0], RemoteContext):
            return args[0].call(func, args[1:], kwargs)  # type: ignore[no-any-return]
        for number in range(1, TRIES + 1):
            attempt = _Attempt()
            token = _attempt.set(attempt)
            try:
                return func(*args, **kwargs)
            except Exception as exc:
                if not is_transient(exc):
                    raise
                if attempt.committed or number == TRIES:
                    raise ConflictError(conflict_message()) from exc
            finally:
                _attempt.reset(token)
            pause(number)
        raise AssertionError("unreachable")  # the loop returns or raises

    setattr(wrapper, RETRYING_ATTR, True)
    return wrapper


def is_retrying(func: Any) -> bool:
    return bool(getattr(func, RETRYING_ATTR, False))


# Which units wrote: a flush or a DML statement marks the Session; its commit then counts
# for the attempt running on this thread (a read-only unit's commit does not).


def _note_flush(session: Session, flush_context: UOWTransaction) -> None:
    session.info[_WROTE] = True


def _note_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_WROTE] = True


def _note_commit(session: Session) -> None:
    wrote = session.info.pop(_WROTE, False)
    attempt = _attempt.get()
    if wrote and attempt is not None:
        attempt.committed += 1


def _forget(session: Session) -> None:
    session.info.pop(_WROTE, None)


event.listen(Session, "after_flush", _note_flush)
event.listen(Session, "do_orm_execute", _note_statement)
event.listen(Session, "after_commit", _note_commit)
event.listen(Session, "after_soft_rollback", lambda session, previous: _forget(session))
