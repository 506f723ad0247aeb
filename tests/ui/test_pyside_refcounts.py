"""Guards against the PySide6 reference-count bugs the window works around.

PySide6 6.12.0 loses a reference to ``None`` each time a C++ function hands an empty
QVariant back to Python (``index.data(role)`` with no data) or a QRunnable is started, and
one to ``True`` for every signal emitted from Python; after a few thousand the interpreter
aborts ("deallocating None"). The pin in pyproject.toml keeps 6.12.0 out.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from sociaalveilig.ui import operations


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else 1

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


class _Emitter(QObject):
    fired = Signal(int)


def test_signals_emitted_from_python_keep_references(qapp) -> None:
    emitter = _Emitter()
    got: list[int] = []
    emitter.fired.connect(got.append)
    gc.collect()
    before = sys.getrefcount(True)
    for number in range(200):
        emitter.fired.emit(number)
    gc.collect()
    assert len(got) == 200
    assert sys.getrefcount(True) - before > -50


def test_none_from_an_empty_qvariant_keeps_its_reference(qapp) -> None:
    model = _Model()
    index = model.index(0, 0)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(200):
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    gc.collect()
    assert sys.getrefcount(None) - before > -50


def test_operations_deliver_without_losing_references(qtbot) -> None:
    got: list[int] = []
    gc.collect()
    before = sys.getrefcount(True)
    for number in range(200):
        operations.run_operation(None, lambda n=number: n, got.append)
    qtbot.waitUntil(lambda: len(got) == 200, timeout=10_000)
    gc.collect()
    assert sorted(got) == list(range(200))
    assert sys.getrefcount(True) - before > -50
