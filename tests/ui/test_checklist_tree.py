"""The buurtschouw checklist beside the finding form at 1366×768: every item's name is in
view and what to look at (the hint) can be read in full, by mouse and by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.checklist_tree import ChecklistTree, CodeRole
from sociaalveilig.ui.pages.buurtschouw import BuurtschouwPage


def _checklist(qtbot) -> ChecklistTree:
    page = BuurtschouwPage(output=FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1180, 680)  # the page's share of a 1366×768 window
    page.show()
    qtbot.waitExposed(page)
    return page.checklist


def _children(checklist: ChecklistTree) -> list[QTreeWidgetItem]:
    tree = checklist.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [g.child(i) for g in groups if g is not None for i in range(g.childCount())]


def test_item_names_are_in_view_and_nothing_scrolls_sideways(qtbot):
    checklist = _checklist(qtbot)
    tree = checklist.tree
    children = _children(checklist)
    assert len(children) == len(ChecklistTree.items())
    assert tree.columnCount() == 1  # no hint column cut off at the pane's edge
    assert tree.horizontalScrollBar().maximum() == 0
    width = tree.viewport().width()
    metrics = tree.fontMetrics()
    for child in children:
        rect = tree.visualItemRect(child)
        assert rect.left() + metrics.horizontalAdvance(child.text(0)) < width, child.text(0)


def test_each_hint_is_readable_in_full_under_the_tree(qtbot):
    checklist = _checklist(qtbot)
    for entry in ChecklistTree.items():
        checklist.select_code(entry.code)
        text = checklist.hint.text()
        assert entry.hint in text and entry.label in text
        # The line wraps inside its width and has the height it needs: nothing cut off.
        assert checklist.hint.wordWrap()
        assert checklist.hint.heightForWidth(checklist.hint.width()) <= checklist.hint.height()
        assert checklist.hint.width() <= checklist.width()
    for child in _children(checklist):
        entry = next(e for e in ChecklistTree.items() if e.code == child.data(0, CodeRole))
        assert child.toolTip(0) == entry.hint


def test_keyboard_moves_through_the_items_and_the_hint_follows(qtbot):
    checklist = _checklist(qtbot)
    chosen: list[str] = []
    checklist.item_chosen.connect(chosen.append)
    first, second, third = ChecklistTree.items()[:3]
    checklist.select_code(first.code)
    checklist.tree.setFocus()
    qtbot.keyClick(checklist.tree, Qt.Key.Key_Down)
    qtbot.keyClick(checklist.tree, Qt.Key.Key_Down)
    assert chosen[-2:] == [second.code, third.code]
    assert third.hint in checklist.hint.text()


def test_the_point_chosen_in_the_form_shows_in_the_checklist(qtbot):
    page = BuurtschouwPage(output=FakeDocumentOutput())
    qtbot.addWidget(page)
    first = ChecklistTree.items()[0]
    assert page.checklist.tree.currentItem().data(0, CodeRole) == first.code
    assert first.hint in page.checklist.hint.text()
    last = ChecklistTree.items()[-1]
    page.form.item.setCurrentIndex(page.form.item.findData(last.code))
    assert page.checklist.tree.currentItem().data(0, CodeRole) == last.code
    assert last.hint in page.checklist.hint.text()
