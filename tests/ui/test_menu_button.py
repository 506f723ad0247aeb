"""Buttons that open a menu: the arrow has its own room, never over the text."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu, QPushButton, QToolButton

from sociaalveilig.ui.case_view import CaseView
from sociaalveilig.ui.filter_chip import FilterChip
from sociaalveilig.ui.menu_button import MenuButton


def _dark_columns(button: QToolButton) -> list[int]:
    image = button.grab().toImage()
    columns = []
    for x in range(image.width()):
        for y in range(3, image.height() - 3):
            if QColor(image.pixel(x, y)).lightness() < 110:
                columns.append(x)
                break
    return columns


def test_text_and_arrow_do_not_overlap(qtbot) -> None:  # type: ignore[no-untyped-def]
    for text in ("Uitstellen", "Afdrukken", "Agenda", "Verslag"):
        button = MenuButton(text)
        menu = QMenu(button)
        menu.addAction("Openen als PDF")
        button.setMenu(menu)
        qtbot.addWidget(button)
        button.resize(button.sizeHint())
        button.show()
        text_width = button.fontMetrics().horizontalAdvance(text)
        assert button.text_rect().width() >= text_width + 8, text
        strip_left = button.text_rect().right() + 1
        dark = _dark_columns(button)
        in_text = [x for x in dark if x < strip_left]
        in_strip = [x for x in dark if x >= strip_left]
        assert in_text and in_strip, "text and arrow both drawn"
        # The text ends before the arrow's strip begins: a clear gap between them.
        assert max(in_text) < min(in_strip) - 1, text


def test_every_menu_button_in_the_window_is_a_menu_button(journey) -> None:  # type: ignore[no-untyped-def]
    window = journey.sign_in("demo")
    found = []
    for page in [*window.pages, *window.findChildren(CaseView)]:
        for button in page.findChildren(QToolButton) + page.findChildren(QPushButton):
            if button.menu() is None or isinstance(button, FilterChip):
                continue  # a filter chip pads its own text for its arrow
            if button.objectName().startswith("qt_"):
                continue  # Qt's own (the calendar's month button)
            found.append(button.objectName())
            assert isinstance(button, MenuButton), button.objectName()
    expected = {"agendaDocument", "minutesDocument", "walkPack", "snoozeButton", "printCase"}
    assert expected <= set(found)
