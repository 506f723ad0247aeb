"""A filter chip: a small button naming a filter and what is chosen, with a menu of options.

``Status: Nieuw, Gerouteerd ▾``. Multi-select by default (checkable menu entries); a
single-select chip (the period) behaves like a radio group.

A multi-select menu stays open while the user ticks (mouse, or Space/Enter on the entry
under the keyboard focus), so three statuses take one opening; Esc or a click outside
closes it. The chip's text follows every tick, but ``changed`` comes once, when the menu
closes and the choice differs from when it opened: the list is searched once, not per tick.
``select`` (the program's own choice) emits ``changed`` at once, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

CHIP_TEXT_CHARS = 24
"""About how many characters of the chosen values a chip shows (the rest: an ellipsis)."""

_ACTIVATE_KEYS = frozenset(
    {Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select}
)


class _ChipMenu(QMenu):
    """Toggles a checkable entry itself; stays open for a multi-select chip, closes after
    the choice for a single-select one."""

    def __init__(self, parent: QWidget, keep_open: bool) -> None:
        super().__init__(parent)
        self._keep_open = keep_open
        self._pressed: QAction | None = None

    def _choose(self, action: QAction | None) -> bool:
        if action is None or not action.isCheckable() or not action.isEnabled():
            return False
        action.trigger()  # toggles it (an exclusive group keeps one checked)
        if not self._keep_open:
            self.hide()
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        self._pressed = self.actionAt(event.position().toPoint()) if inside else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # Only a click that began in the menu chooses: the release that follows the press
        # on the chip (which opened the menu) does not.
        pressed, self._pressed = self._pressed, None
        action = self.actionAt(event.position().toPoint())
        if (
            event.button() == Qt.MouseButton.LeftButton
            and action is not None
            and action is pressed
            and self._choose(action)
        ):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ACTIVATE_KEYS and self._choose(self.activeAction()):
            event.accept()
            return
        super().keyPressEvent(event)


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
        self._menu = _ChipMenu(self, keep_open=not single)
        self._group: QActionGroup | None = None
        # The choice when the menu opened; None while it is closed.
        self._opened_with: list[Any] | None = None
        self._selecting = False
        self._menu.aboutToShow.connect(self._menu_opening)
        self._menu.aboutToHide.connect(self._menu_closing)
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
        # Not blockSignals: a single chip's exclusive group must see which entry is checked,
        # or a later pick leaves the old one ticked as well.
        self._selecting = True
        try:
            for action in self._menu.actions():
                if action.isCheckable():
                    action.setChecked(action.data() in wanted)
        finally:
            self._selecting = False
        self._update_text()
        if self._opened_with is not None:
            self._opened_with = self.selected()  # told already; not again on closing
        self.changed.emit()

    def clear_selection(self) -> None:
        self.select([])

    def _toggled(self, _checked: bool) -> None:
        if self._selecting:
            return  # select() updates the text and tells once
        self._update_text()
        if self._opened_with is None:  # not from the open menu: tell at once
            self.changed.emit()

    def _menu_opening(self) -> None:
        self._opened_with = self.selected()

    def _menu_closing(self) -> None:
        opened_with, self._opened_with = self._opened_with, None
        if opened_with is not None and opened_with != self.selected():
            self.changed.emit()

    def _update_text(self) -> None:
        labels = [a.text() for a in self._menu.actions() if a.isCheckable() and a.isChecked()]
        if not labels:
            shown = self._all_label
        elif len(labels) <= 2:
            shown = ", ".join(labels)
        else:
            shown = self.tr("{n} gekozen").format(n=len(labels))
        font = self.font()
        font.setBold(bool(labels))
        self.setFont(font)
        # A long name ("Stedelijk lint Schaesberg – Oud Nieuwenhagen – Lauradorp") is cut
        # short with an ellipsis; the whole choice is in the tooltip. A chip as wide as
        # its longest name would widen the filter row and make the whole window lay out
        # and repaint again on every choice.
        metrics = QFontMetrics(font)
        shown = metrics.elidedText(
            shown, Qt.TextElideMode.ElideRight, metrics.averageCharWidth() * CHIP_TEXT_CHARS
        )
        self.setText(f"{self._name}: {shown}")
        self.setToolTip(", ".join(labels) if labels else "")
