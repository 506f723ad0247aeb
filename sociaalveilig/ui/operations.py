"""Service calls off the GUI thread, results back on it (after Anki's ``aqt/operations``).

A page never calls a service directly on the GUI thread: it hands a callable to
``run_operation``; the callable runs on the thread pool and the result (or the exception)
arrives on the GUI thread through a queued signal, where the page puts it in its widgets.
Only the GUI thread touches widgets; the worker touches only the service.

Locking discards what is still under way: ``discard_all()`` marks every pending operation so
its result is dropped instead of being shown in a view that has just been emptied.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from sociaalveilig.ui import errors
from sociaalveilig.ui.centre_watch import watch_for

T = TypeVar("T")

# Operations still running, by id. Only the GUI thread touches this dict and the
# Operation objects: a worker knows only the id, so no Qt object is ever released
# (and so deleted) on a worker thread.
_active: dict[int, Operation[Any]] = {}
_next_id = 0


# Results travel from the workers to the GUI thread through a thread-safe queue and a
# posted event, not through a queued signal: PySide6 6.12 loses a reference to ``True`` on
# every queued signal delivered to Python (the interpreter aborts after a few thousand).
_results: queue.SimpleQueue[tuple[int, bool, object]] = queue.SimpleQueue()
_RESULT_EVENT = QEvent.Type(QEvent.registerEventType())
# Calls from threads that are not operations (the centre's change feed), the same way.
_calls: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
_CALL_EVENT = QEvent.Type(QEvent.registerEventType())


class _Dispatcher(QObject):
    """Lives on the GUI thread for the whole program; a worker puts its result in the
    queue and posts an event here, and the GUI thread delivers it."""

    def post(self, op_id: int, ok: bool, payload: object) -> None:
        """Called on a worker thread."""
        _results.put((op_id, ok, payload))
        QCoreApplication.postEvent(self, QEvent(_RESULT_EVENT))

    def call(self, callback: Callable[[], None]) -> None:
        """Called on any thread: ``callback`` runs on the GUI thread."""
        _calls.put(callback)
        QCoreApplication.postEvent(self, QEvent(_CALL_EVENT))

    def event(self, event: QEvent) -> bool:
        if event.type() == _CALL_EVENT:
            try:
                callback = _calls.get_nowait()
            except queue.Empty:
                return True
            try:
                callback()
            except Exception as exc:  # an event handler must not raise into Qt
                errors.log_exception(exc)
            return True
        if event.type() != _RESULT_EVENT:
            return super().event(event)
        # One result per event: every result posted one event.
        try:
            op_id, ok, payload = _results.get_nowait()
        except queue.Empty:
            return True
        operation = _active.pop(op_id, None)
        if operation is not None:
            operation._deliver(ok, payload)
        return True


_dispatcher: _Dispatcher | None = None


def _get_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    return _dispatcher


class _Job(QRunnable):
    """Runs the callable on a pool thread; touches no widget and holds no Qt object."""

    def __init__(self, dispatcher: _Dispatcher, op_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._dispatcher = dispatcher
        self._op_id = op_id
        self._fn: Callable[[], Any] | None = fn

    def run(self) -> None:
        fn, self._fn = self._fn, None
        ok = True
        payload: object
        try:
            assert fn is not None
            payload = fn()
        except BaseException as exc:  # delivered to the GUI thread, shown as a dialog there
            ok, payload = False, exc
        # The callable is released here, before delivery: whatever it captured is still
        # referenced by the callbacks on the GUI thread, so nothing is freed on this thread.
        del fn
        self._dispatcher.post(self._op_id, ok, payload)


class Operation(QObject, Generic[T]):
    """One service call in flight; lives on the GUI thread only."""

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
        owner: QObject | None = None,
    ) -> None:
        super().__init__(None)
        self._parent = parent
        # The result is for this object (or the parent widget); once it is gone (a page
        # deleted after another user signed in) the result is dropped.
        self._owner = owner if owner is not None else parent
        self._fn: Callable[[], T] | None = fn
        self._on_success = on_success
        self._on_failure = on_failure
        self._show_errors = show_errors
        self._progress_label = progress
        self._progress: QProgressDialog | None = None
        self._discarded = False

    @property
    def discarded(self) -> bool:
        return self._discarded

    def discard(self) -> None:
        """Drop the result when it arrives (the window was locked meanwhile)."""
        self._discarded = True
        self._close_progress()

    def start(self, pool: QThreadPool | None = None, delay_ms: int = 0) -> Operation[T]:
        global _next_id
        _next_id += 1
        op_id = _next_id
        _active[op_id] = self
        if self._progress_label is not None:
            dialog = QProgressDialog(self._progress_label, "", 0, 0, self._parent)
            dialog.setCancelButton(None)  # type: ignore[arg-type]
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)  # only for work that takes noticeable time
            dialog.setAutoClose(False)
            dialog.setObjectName("operationProgress")
            self._progress = dialog
        fn, self._fn = self._fn, None
        assert fn is not None
        job = _Job(_get_dispatcher(), op_id, fn)
        target = pool or QThreadPool.globalInstance()
        if delay_ms <= 0:
            target.start(job)
        else:
            # Pending from now on (tests wait for it, a lock discards it); the work starts
            # later, unless the lock came first.
            def start_job() -> None:
                if self._discarded:
                    _active.pop(op_id, None)
                    self.finished.emit()
                    return
                target.start(job)

            QTimer.singleShot(delay_ms, start_job)
        return self

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _deliver(self, ok: bool, payload: object) -> None:
        self._close_progress()
        try:
            if self._discarded:
                return
            if self._owner is not None and not shiboken6.isValid(self._owner):
                return
            # On a centre the window learns from every call whether the centre answers.
            watch = watch_for(self._owner if self._owner is not None else self._parent)
            if watch is not None:
                watch.observe(ok, payload)
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
            self._on_success = None
            self._on_failure = None
            self._parent = None
            self._owner = None


def run_operation(
    parent: QWidget | None,
    fn: Callable[[], T],
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    progress: str | None = None,
    show_errors: bool = True,
    owner: QObject | None = None,
    delay_ms: int = 0,
) -> Operation[T]:
    """Run ``fn`` on the thread pool; ``on_success(result)`` or ``on_failure(exc)`` run on
    the GUI thread. Without ``on_failure`` an error is shown as a plain Dutch dialog.
    ``progress``: a Dutch label for a busy dialog shown when the work takes a while.
    ``owner``: the object the result is for (default ``parent``); a result for an object
    that has been deleted meanwhile is dropped. ``delay_ms``: start the work that much
    later (background work that should not compete with a paint about to happen)."""
    operation = Operation(parent, fn, on_success, on_failure, progress, show_errors, owner)
    return operation.start(delay_ms=delay_ms)


def active_operations() -> int:
    """How many operations are still running (tests wait for 0)."""
    return len(_active)


def discard_all() -> None:
    """Drop every pending result: called when the window locks."""
    for operation in list(_active.values()):
        operation.discard()


def post_to_gui(callback: Callable[[], None]) -> None:
    """From any thread: run ``callback`` on the GUI thread (thread-safe; the dispatcher
    must exist, which the first call on the GUI thread ensures: ``ensure_dispatcher``)."""
    _get_dispatcher().call(callback)


def ensure_dispatcher() -> None:
    """Create the dispatcher on the GUI thread (before a worker thread posts to it)."""
    _get_dispatcher()


def run_later(callback: Callable[[], None]) -> None:
    """Run ``callback`` on the GUI thread at the next turn of the event loop."""
    QTimer.singleShot(0, callback)
