"""A filter chip: a small button naming a filter and what is chosen, with a menu of options.

``Status: Nieuw, Gerouteerd ▾``. Multi-select by default (checkable menu entries); a
single-select chip (the period) behaves like a radio group. ``changed`` after every choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget


class FilterChip(QToolButton):
    changed = Signal()

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        single: bool = False,
        all_label: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._single = single
        self._all_label = all_label or self.tr("alle")
        self._menu = QMenu(self)
        self._group: QActionGroup | None = None
        self.setMenu(self._menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAutoRaise(False)
        # Room for the menu arrow, so the chosen value is never cut off.
        self.setStyleSheet("QToolButton { padding: 3px 20px 3px 8px; }")
        self.setCheckable(False)
        self._update_text()

    def set_options(self, options: Sequence[tuple[Any, str]]) -> None:
        """(value, label) pairs; a previous choice is kept where the value still exists."""
        chosen = set(self.selected())
        self._menu.clear()
        self._group = QActionGroup(self) if self._single else None
        if self._group is not None:
            self._group.setExclusive(True)
        for value, label in options:
            action = QAction(label, self._menu)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value in chosen)
            action.toggled.connect(self._toggled)
            if self._group is not None:
                self._group.addAction(action)
            self._menu.addAction(action)
        self._update_text()

    def options(self) -> list[tuple[Any, str]]:
        return [(a.data(), a.text()) for a in self._menu.actions() if a.isCheckable()]

    def selected(self) -> list[Any]:
        return [a.data() for a in self._menu.actions() if a.isCheckable() and a.isChecked()]

    def select(self, values: Sequence[Any]) -> None:
        wanted = set(values)
        for action in self._menu.actions():
            if action.isCheckable():
                action.blockSignals(True)
                action.setChecked(action.data() in wanted)
                action.blockSignals(False)
        self._update_text()
        self.changed.emit()

    def clear_selection(self) -> None:
        self.select([])

    def _toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        labels = [a.text() for a in self._menu.actions() if a.isCheckable() and a.isChecked()]
        if not labels:
            shown = self._all_label
        elif len(labels) <= 2:
            shown = ", ".join(labels)
        else:
            shown = self.tr("{n} gekozen").format(n=len(labels))
        self.setText(f"{self._name}: {shown}")
        self.setToolTip(", ".join(labels) if labels else "")
        font = self.font()
        font.setBold(bool(labels))
        self.setFont(font)
