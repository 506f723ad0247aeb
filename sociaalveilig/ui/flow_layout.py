"""A row of controls that wraps onto a next line when the window is narrow.

A toolbar row of buttons laid out with ``QHBoxLayout`` forces the window to be as wide as
all its buttons together; on a laptop at 125 % scaling that is wider than the screen.
``FlowLayout`` lays the same row out on one line where it fits and wraps where it does not,
so the row only asks for the width of its widest control. A stretch (``add_stretch``) or
a widget added with a stretch takes the spare room of its line, as in a box layout.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self._spacing = spacing
        if parent is None:
            self.setContentsMargins(QMargins(0, 0, 0, 0))

    # ------------------------------------------------------------------ adding

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._stretch.append(0)

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self.addChildWidget(widget)
        self._items.append(QWidgetItem(widget))
        self._stretch.append(stretch)
        self.invalidate()

    def add_layout(self, layout: QLayout, stretch: int = 0) -> None:
        self.addChildLayout(layout)
        self._items.append(layout)
        self._stretch.append(stretch)
        self.invalidate()

    def add_stretch(self, stretch: int = 1) -> None:
        spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self._items.append(spacer)
        self._stretch.append(stretch)
        self.invalidate()

    # ------------------------------------------------------------------ QLayout

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self._stretch.pop(index)
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """All on one line, as a box layout would want it."""
        visible = self._visible()
        width = sum(item.sizeHint().width() for item, _ in visible)
        width += self._spacing * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item, _ in visible), default=0)
        return self._grow(QSize(width, height))

    def minimumSize(self) -> QSize:
        """The widest single control: everything else may wrap."""
        size = QSize(0, 0)
        for item, _ in self._visible():
            size = size.expandedTo(item.minimumSize())
        return self._grow(size)

    # ------------------------------------------------------------------ arranging

    def _visible(self) -> list[tuple[QLayoutItem, int]]:
        return [
            (item, stretch)
            for item, stretch in zip(self._items, self._stretch, strict=True)
            if not item.isEmpty() or isinstance(item, QSpacerItem)
        ]

    def _grow(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Lays the items out in ``rect`` (when ``apply``); returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[QLayoutItem, int, int]]] = [[]]
        used = 0
        for item, stretch in self._visible():
            spacer = isinstance(item, QSpacerItem)
            width = 0 if spacer else min(item.sizeHint().width(), area.width())
            width = max(width, 0 if spacer else item.minimumSize().width())
            line = lines[-1]
            needed = width if not line else used + self._spacing + width
            if line and needed > area.width() and not spacer:
                lines.append([])
                line = lines[-1]
                needed = width
            if spacer and not line:
                continue  # a stretch at the start of a wrapped line has nothing to push
            line.append((item, stretch, width))
            used = needed
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item, _, _ in line)
            spare = area.width() - sum(w for _, _, w in line) - self._spacing * (len(line) - 1)
            stretches = sum(s for _, s, _ in line)
            x = area.x()
            for item, stretch, width in line:
                if stretches and spare > 0:
                    width += spare * stretch // stretches
                if apply:
                    item_height = min(height, max(item.sizeHint().height(), 0))
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
                x += width + self._spacing
            y += height + self._spacing
        return y - self._spacing - area.y() + margins.top() + margins.bottom()
