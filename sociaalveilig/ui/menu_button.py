"""The one kind of button that opens a menu ("Uitstellen", "Afdrukken", "Agenda", ...).

A ``QToolButton`` in instant-popup mode draws its menu arrow over the last letters of its
text (Fusion puts the arrow in the bottom-right corner and reserves no room for it), and a
``QPushButton`` with a menu does the same under some styles. ``MenuButton`` reserves a
strip on the right for the arrow, draws the text in the rest and the arrow in the strip,
so text and arrow never overlap, in any style.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QMenu,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QWidget,
)

_GAP = 4


class MenuButton(QToolButton):
    def __init__(self, text: str, parent: QWidget | None = None, menu: QMenu | None = None):
        super().__init__(parent)
        self.setText(text)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if menu is not None:
            self.setMenu(menu)

    def arrow_width(self) -> int:
        """The strip on the right that holds the arrow."""
        return self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, self)

    def text_rect(self) -> QRect:
        """Where the text is drawn: the button less the arrow's strip."""
        return self.rect().adjusted(0, 0, -(self.arrow_width() + _GAP), 0)

    def _plain_option(self) -> QStyleOptionToolButton:
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        # The style must not draw its own arrow (that is the one that overlaps).
        option.features &= ~QStyleOptionToolButton.ToolButtonFeature.HasMenu
        option.features &= ~QStyleOptionToolButton.ToolButtonFeature.MenuButtonPopup
        return option

    def sizeHint(self) -> QSize:
        # As tall as the push buttons it stands beside.
        option = QStyleOptionButton()
        option.initFrom(self)
        push = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton,
            option,
            QSize(0, self.fontMetrics().height()),
            self,
        )
        base = super().sizeHint()
        return QSize(base.width() + self.arrow_width() + _GAP, max(base.height(), push.height()))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        frame = self._plain_option()
        label = QStyleOptionToolButton(frame)
        frame.text = ""
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, frame)
        label.rect = self.text_rect()
        painter.drawControl(QStyle.ControlElement.CE_ToolButtonLabel, label)
        arrow = QStyleOption()
        arrow.initFrom(self)
        size = self.arrow_width()
        arrow.rect = QRect(self.width() - size - _GAP, (self.height() - size) // 2, size, size)
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorArrowDown, arrow)
