"""Keyboard-only use of the lists: type a search, Down into the results, Enter opens; Tab
goes through the filters to the list before "Nieuw signaal…"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.builders import register

from sociaalveilig.ui.pages.cases import CasesPage
from sociaalveilig.ui.pages.signals import SignalsPage


def _active(qtbot, page) -> None:
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)


def test_signal_search_down_enter_opens_the_case(qtbot, coordinator_ctx, wait_idle):
    detail = register(coordinator_ctx, description="Hennepgeur uit de kelder.")
    page = SignalsPage()
    _active(qtbot, page)
    page.set_context(coordinator_ctx)
    wait_idle()
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "Hennepgeur")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    wait_idle()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.view.hasFocus()
    assert page.view.current_row() == 0
    with qtbot.waitSignal(page.open_case_requested) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened.args == [detail.case_id]


def test_signal_page_tab_order_reaches_the_list_before_new_signal():
    page = SignalsPage()
    order = []
    widget = page.search_edit
    for _ in range(12):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while widget is not None and not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget = widget.nextInFocusChain()
        if widget is page.search_edit or widget is None:
            break
    assert order.index(page.view) < order.index(page.new_button)
    assert order.index(page.area_chip) < order.index(page.view)
    assert order[1] is page.area_chip  # from the search box straight to the filters


def test_case_search_down_moves_into_the_list(qtbot, coordinator_ctx, wait_idle):
    register(coordinator_ctx)
    page = CasesPage()
    _active(qtbot, page)
    page.set_context(coordinator_ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    wait_idle()
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.view.hasFocus() and page.view.current_row() == 0


def test_ctrl_f_goes_to_the_case_search(qtbot, coordinator_ctx, wait_idle):
    page = CasesPage()
    _active(qtbot, page)
    page.set_context(coordinator_ctx)
    wait_idle()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
