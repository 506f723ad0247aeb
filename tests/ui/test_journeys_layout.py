"""Journeys of issue 14 (layout, the audit log, the buurtschouw area), driven through the
window as a person drives it: clicks and keys on the demo store. Shots 75-79."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QWidget,
)

from tests.ui.journey_kit import COORDINATOR, PARTNER, WIJKAGENT

LAPTOP = (1024, 640)
UUID_LIKE = re.compile(r"\b[0-9a-f]{32}\b")


def _inside_a_scroll_area(widget: QWidget, page: QWidget) -> bool:
    """A control in a scrolling area (a long form) is reached by scrolling."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _buttons_outside(window: QWidget, page: QWidget) -> list[str]:
    """The shown buttons of ``page`` that do not lie wholly inside the window."""
    frame = QRect(QPoint(0, 0), window.size())
    outside = []
    for button in page.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.width() == 0:
            continue
        if button.objectName().startswith("qt_") or _inside_a_scroll_area(button, page):
            continue
        place = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        if not frame.contains(place):
            outside.append(f"{button.objectName() or button.text()} at {place.getRect()}")
    return outside


def _visit_every_page_at_laptop_size(journey, username: str) -> list[str]:  # type: ignore[no-untyped-def]
    window = journey.sign_in(username, size=LAPTOP)
    nav = window.nav
    titles = [nav.item(i).text() for i in range(nav.count()) if not nav.item(i).isHidden()]
    for title in titles:
        page = journey.go(title)
        window.resize(*LAPTOP)
        QApplication.processEvents()
        # Not forced larger: the window really is the laptop's size with this page.
        assert window.size().toTuple() == LAPTOP, (username, title, window.size())
        hint = window.minimumSizeHint()
        assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1], (title, hint)
        assert window.minimumSize().width() <= LAPTOP[0], title
        assert _buttons_outside(window, page) == [], (username, title)
    return titles


def test_the_window_fits_a_laptop_for_each_role(journey) -> None:  # type: ignore[no-untyped-def]
    titles = _visit_every_page_at_laptop_size(journey, COORDINATOR)
    assert "Overleggen" in titles and "Privacy" in titles
    page = journey.go("Overleggen")
    # A meeting chosen in the list: its buttons (Agenda, Verslag, ...) inside the window.
    view = page.view
    rect = view.visualRect(view.model().index(0, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    journey.wait_idle()
    assert page.agenda_doc.isVisible() and page.minutes_doc.isVisible()
    assert _buttons_outside(journey.window, page) == []
    journey.shot("75-overleggen-laptop")

    assert "Buurtschouwen" in _visit_every_page_at_laptop_size(journey, WIJKAGENT)
    assert "Overleggen" in _visit_every_page_at_laptop_size(journey, PARTNER)


def _counts(page) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The number of entries the chain label gives (checked, or checked plus those
    written since) and the list's count."""
    chain = re.search(r"samen (\d+)", page.chain_label.text()) or re.search(
        r"(\d+) regels gecontroleerd", page.chain_label.text()
    )
    shown = re.search(r"van ([\d.]+)", page.page_label.text())
    assert chain and shown, (page.chain_label.text(), page.page_label.text())
    return int(chain.group(1)), int(shown.group(1).replace(".", ""))


def test_the_beheerder_reads_the_audit_log_in_dutch(journey) -> None:  # type: ignore[no-untyped-def]
    journey.sign_in("beheer")
    page = journey.go("Privacy")
    model = page.log_model
    assert model.rowCount() > 0
    objects = [model.index(r, model.COL_OBJECT).data() for r in range(model.rowCount())]
    actions = [model.index(r, model.COL_ACTION).data() for r in range(model.rowCount())]
    users = {model.index(r, model.COL_USER).data() for r in range(model.rowCount())}
    # Names and references, never a raw id or a code name.
    assert not [o for o in objects if UUID_LIKE.search(o)], objects
    assert not [a for a in actions if "_" in a or a.islower()], actions
    assert not [o for o in objects if "_" in o.split(" ")[0]], objects
    assert "Demo Coördinator" in users
    assert any(o.startswith("gebruiker Wijkagent Fictief") for o in objects)
    visit = re.compile(r"huisbezoek van \d\d-\d\d-2026 \d\d:\d\d, casus C-2026-")
    assert any(visit.match(o) for o in objects)
    assert any(o.startswith("overleg fysieke leefomgeving van ") for o in objects)
    chain, shown = _counts(page)
    assert chain == shown

    # The beheerder looks for one case, typing its reference and pressing Enter.
    QTest.keyClicks(page.object_edit, "c-2026-00001")
    QTest.keyClick(page.object_edit, Qt.Key.Key_Return)
    journey.wait_idle()
    found = {model.index(r, model.COL_OBJECT).data() for r in range(model.rowCount())}
    assert found and all(o.endswith("C-2026-00001") for o in found), found

    # Back to the whole log: the label says what was written since the check (the
    # check and the two viewings), and the numbers still agree.
    QTest.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    journey.wait_idle()
    assert "Sindsdien 3 nieuwe regels" in page.chain_label.text()
    since, shown_since = _counts(page)
    assert since == shown_since == chain + 3
    # Checking the chain again: the check covers them all.
    QTest.mouseClick(page.chain_button, Qt.MouseButton.LeftButton)
    journey.wait_idle()
    assert "Sindsdien" not in page.chain_label.text()
    again, shown_again = _counts(page)
    assert again == shown_again and again > since
    journey.shot("76-auditlog-leesbaar")


def test_a_wijkagent_prepares_a_walk_in_his_own_area(journey, qtbot) -> None:  # type: ignore[no-untyped-def]
    journey.sign_in(WIJKAGENT)
    page = journey.go("Rapportages")
    # The demo wijkagent works in Heerlen Noord and Kerkrade Oost; the list starts at
    # Brunssum, which is not his.
    assert page.pack_area.currentText() == "Heerlen Noord (incl. Hoensbroek)"
    assert page.pack_area.findText("Brunssum Noord/Oost") >= 0
    journey.shot("77-buurtschouwpakket-eigen-gebied")

    walks = journey.go("Buurtschouwen")
    QTest.mouseClick(walks.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.area.currentText() == "Heerlen Noord (incl. Hoensbroek)"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_nothing_found_shows_in_the_lists_place(journey, qtbot) -> None:  # type: ignore[no-untyped-def]
    journey.sign_in(COORDINATOR, size=LAPTOP)
    page = journey.go("Signalen")
    QTest.keyClicks(page.search_edit, "qqxxzz")
    QTest.keyClick(page.search_edit, Qt.Key.Key_Return)
    journey.wait_idle()
    label = page.empty_label
    qtbot.waitUntil(lambda: label.isVisible())
    assert "Geen signalen gevonden" in label.text()
    viewport = page.view.viewport()
    # In the list's place, centred; not below it.
    assert label.parentWidget() is viewport
    offset = label.geometry().center() - viewport.rect().center()
    assert abs(offset.x()) <= 2 and abs(offset.y()) <= 2
    assert label.mapTo(journey.window, QPoint(0, 0)).y() < page.view.mapTo(
        journey.window, QPoint(0, page.view.height())
    ).y()
    journey.shot("78-niets-gevonden-in-de-lijst")
