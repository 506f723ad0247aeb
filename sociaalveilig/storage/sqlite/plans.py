"""List plans on the single desk: ``storage.seam.ListPlans`` for SQLite.

SQLite's planner chooses a list's index itself, from the statistics ``ANALYZE`` keeps in
``sqlite_stat1`` (``maintenance.refresh_statistics``: after a load, a large import or a
purge, and ``PRAGMA optimize`` when a store is locked). docs/performance.md compares it
with the hand-made plans this replaced.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select

T = TypeVar("T", bound=tuple[Any, ...])


class SqlitePlans:
    """The list as the services wrote it: the planner, given statistics, chooses."""

    def signal_list(self, stmt: Select[T]) -> Select[T]:
        return stmt
