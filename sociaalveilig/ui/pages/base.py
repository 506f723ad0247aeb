"""The base of every page in the main window's navigation.

A page shows data of the unlocked store through services only. ``set_context(ctx)`` gives
it the logged-in user's context; ``set_context(None)`` is the lock: the page must then
empty every view, so no case data stays in a model or a widget. ``refresh()`` reloads from
the services (off the GUI thread, through ``self.run``).

After a page changed data it emits ``data_changed``; the main window marks the other pages
stale and each reloads when it is next shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from sociaalveilig.core.enums import Role
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.live import ChangeBatch

from sociaalveilig.ui.operations import Operation, run_operation

T = TypeVar("T")


class Page(QWidget):
    """Subclasses implement ``title``, ``refresh`` and ``clear``."""

    # Emitted after this page changed data in the store (other pages may be stale).
    data_changed = Signal()
    # Ask the main window to open a case (its id) in the case view.
    open_case_requested = Signal(str)
    # Ask the main window to open another page by its class name (e.g. "SignalsPage").
    navigate_requested = Signal(str)
    # Ask the main window to show one record where it lives (a ``record_link.RecordLink``).
    show_record_requested = Signal(object)

    # Roles that see this page in the navigation; None: every role.
    roles: frozenset[Role] | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx: ServiceContext | None = None
        self._stale = True

    # ------------------------------------------------------------------ contract

    def title(self) -> str:
        """The Dutch name shown in the navigation (through ``self.tr``)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload the page's data from the services. Called with a context only."""
        raise NotImplementedError

    def clear(self) -> None:
        """Empty every view and input holding store data (lock or logout)."""
        raise NotImplementedError

    def apply_changes(self, batch: ChangeBatch) -> None:
        """Another desk changed records this user may know of (on a centre). A page that
        shows them updates in place; the rest do nothing (they load fresh when shown).
        ``batch.reload``: the window fell behind the feed, so the page reloads once."""
        if batch.reload:
            self.mark_stale()

    # ------------------------------------------------------------------ provided

    @classmethod
    def visible_for(cls, role: Role) -> bool:
        return cls.roles is None or role in cls.roles

    @property
    def ctx(self) -> ServiceContext | None:
        return self._ctx

    def set_context(self, ctx: ServiceContext | None) -> None:
        """Give the page the logged-in context, or None to lock (views emptied)."""
        self._ctx = ctx
        if ctx is None:
            self.clear()
            self._stale = True
        else:
            self._stale = True
            if self.isVisible():
                self.refresh_if_stale()

    def mark_stale(self) -> None:
        """Data changed elsewhere: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible() and self._ctx is not None:
            self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        if self._stale and self._ctx is not None:
            self._stale = False
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh_if_stale()

    def run(
        self,
        fn: Callable[[ServiceContext], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        progress: str | None = None,
        changes_data: bool = False,
    ) -> Operation[T] | None:
        """Call a service with this page's context off the GUI thread.

        ``fn(ctx)`` runs on a worker; ``on_success(result)`` on the GUI thread, and only
        if the page still has the same context (a lock in between drops the result).
        ``changes_data``: emit ``data_changed`` after success.
        """
        ctx = self._ctx
        if ctx is None:
            return None

        def deliver(result: T) -> None:
            if self._ctx is not ctx:
                return
            if on_success is not None:
                on_success(result)
            if changes_data:
                self.data_changed.emit()

        return run_operation(self, lambda: fn(ctx), deliver, on_failure, progress=progress)
