"""A call at the centre that only views: its reads without the write order, its audit after.

Every unit at the centre takes the write order first (units.py): nearly every unit appends
to the audit chain, and the chain has one writer at a time. A list, a search or an opened
case then held that centre-wide lock for all its reads and its commit, and under load the
wait for it was more than half of a call's time (docs/performance.md, "The centre under
load"). The server runs each call (``server/app.py``) as a **view call** until its
function has been seen to write:

- each unit of the call reads in a read-only REPEATABLE READ snapshot, without the lock;
  its audit entries are kept (``audit.DEFERRED_INFO``, then ``ViewCall.entries`` once the
  unit's body is done) and, when the function has returned or failed, appended in one
  short unit that takes the write order as every writer does (``PgStore.log_views``); the
  server answers only after they are committed, so nothing is shown that is not logged;
- a unit that writes anything else is refused by PostgreSQL itself (a read-only
  transaction refuses every change, a row lock and ``nextval`` too; SQLSTATE 25006), and
  the credentials' units refuse at once: the call is marked (``ViewCall.wrote``), and the
  server runs it again as a writer, whose units take the write order first as before, and
  remembers that this function writes. Nothing of the refused attempt is stored, its
  kept audit entries neither: the run as a writer logs those views again, once.

A unit outside a view call (the desk's own calls to a local store, tools, tests, the
server's jobs and sign-in) is as before.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from sociaalveilig.storage.audit import AuditEvent

READ_ONLY_SQL_TRANSACTION = "25006"


@dataclass
class ViewCall:
    """The call running on this thread is a view call; ``wrote``: one of its units tried
    to write; ``entries``: the audit entries of its finished units, each with the acting
    of its unit (``(acting, emergency, partner)``), not yet appended."""

    wrote: bool = False
    entries: list[tuple[tuple[str | None, bool, bool], AuditEvent, datetime | None]] = field(
        default_factory=list
    )


VIEW_CALL: ContextVar[ViewCall | None] = ContextVar("sv_view_call", default=None)


class ViewWrote(Exception):
    """A unit of a view call tried to write: the server runs the call again as a writer."""
