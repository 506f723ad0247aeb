"""Service calls off the GUI thread, results back on it (after Anki's ``aqt/operations``).

A page never calls a service directly on the GUI thread: it hands a callable to
``run_operation``; the callable runs on the thread pool and the result (or the exception)
arrives on the GUI thread through a queued signal, where the page puts it in its widgets.
Only the GUI thread touches widgets; the worker touches only the service.

Locking discards what is still under way: ``discard_all()`` marks every pending operation so
its result is dropped instead of being shown in a view that has just been emptied.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from sociaalveilig.ui import errors

T = TypeVar("T")

# Operations still running; keeps them alive (Qt holds no Python reference).
_active: set[Operation[Any]] = set()


class _Job(QRunnable):
    """Runs the callable on a pool thread; touches no widget."""

    def __init__(self, operation: Operation[Any], fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._operation = operation
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, shown as a dialog there
            self._operation._done.emit(False, exc)
        else:
            self._operation._done.emit(True, result)


class Operation(QObject, Generic[T]):
    """One service call in flight. Lives on the GUI thread; its ``_done`` signal is emitted
    from the worker and delivered here through a queued connection."""

    _done = Signal(bool, object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        progress: str | None = None,
        show_errors: bool = True,
    ) -> None:
        super().__init__(None)
        self._parent = parent
        self._fn = fn
        self._on_success = on_success
        self._on_failure = on_failure
        self._show_errors = show_errors
        self._progress_label = progress
        self._progress: QProgressDialog | None = None
        self._discarded = False
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def discarded(self) -> bool:
        return self._discarded

    def discard(self) -> None:
        """Drop the result when it arrives (the window was locked meanwhile)."""
        self._discarded = True
        self._close_progress()

    def start(self, pool: QThreadPool | None = None) -> Operation[T]:
        _active.add(self)
        if self._progress_label is not None:
            dialog = QProgressDialog(self._progress_label, "", 0, 0, self._parent)
            dialog.setCancelButton(None)  # type: ignore[arg-type]
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)  # only for work that takes noticeable time
            dialog.setAutoClose(False)
            dialog.setObjectName("operationProgress")
            self._progress = dialog
        (pool or QThreadPool.globalInstance()).start(_Job(self, self._fn))
        return self

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    @Slot(bool, object)
    def _deliver(self, ok: bool, payload: object) -> None:
        self._close_progress()
        _active.discard(self)
        try:
            if self._discarded:
                return
            if ok:
                if self._on_success is not None:
                    self._on_success(payload)  # type: ignore[arg-type]
                self.succeeded.emit(payload)
            else:
                assert isinstance(payload, BaseException)
                if self._on_failure is not None:
                    self._on_failure(payload)
                elif self._show_errors:
                    errors.show_error(self._parent, payload)
                else:
                    errors.log_exception(payload)
                self.failed.emit(payload)
        finally:
            self.finished.emit()
            self.deleteLater()


def run_operation(
    parent: QWidget | None,
    fn: Callable[[], T],
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    progress: str | None = None,
    show_errors: bool = True,
) -> Operation[T]:
    """Run ``fn`` on the thread pool; ``on_success(result)`` or ``on_failure(exc)`` run on
    the GUI thread. Without ``on_failure`` an error is shown as a plain Dutch dialog.
    ``progress``: a Dutch label for a busy dialog shown when the work takes a while."""
    return Operation(parent, fn, on_success, on_failure, progress, show_errors).start()


def active_operations() -> int:
    """How many operations are still running (tests wait for 0)."""
    return len(_active)


def discard_all() -> None:
    """Drop every pending result: called when the window locks."""
    for operation in list(_active):
        operation.discard()


def run_later(callback: Callable[[], None]) -> None:
    """Run ``callback`` on the GUI thread at the next turn of the event loop."""
    QTimer.singleShot(0, callback)
