"""Buurtschouwen as a wijkagent uses it: finishing a walk asks first (it cannot be undone),
the walk list shows date, area and status side by side, the pack button's arrow has room."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sociaalveilig.services import buurtschouw
from sociaalveilig.services.buurtschouw import WalkStatus
from tests.services.seed_casework import KERKRADE
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.menu_button import MenuButton
from sociaalveilig.ui.models.walk_table import WalkTableModel
from sociaalveilig.ui.pages.buurtschouw import BuurtschouwPage

TODAY = date(2026, 4, 15)


def _page(qtbot, ctx, wait_idle) -> BuurtschouwPage:
    page = BuurtschouwPage(output=FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1180, 680)  # the page's share of a 1366×768 window
    page.show()
    page.set_context(ctx)
    wait_idle()
    return page


def test_finishing_a_walk_asks_first(qtbot, coordinator_ctx, wait_idle):
    walk = buurtschouw.plan_buurtschouw(coordinator_ctx, KERKRADE, TODAY, "Fictiefstraat")
    page = _page(qtbot, coordinator_ctx, wait_idle)
    assert page.walk is not None and page.walk.walk_id == walk.walk_id

    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    box = page.last_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "geen bevindingen meer" in box.text()
    box.reject()  # "Nog niet": nothing changes
    wait_idle()
    assert page.walk.status is not WalkStatus.AFGEROND

    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    box = page.last_dialog
    assert isinstance(box, QMessageBox)
    finish = next(b for b in box.buttons() if b.text() == "&Afronden")
    finish.click()
    qtbot.waitUntil(lambda: page.walk is not None and page.walk.status is WalkStatus.AFGEROND)
    wait_idle()
    assert not page.finish_button.isEnabled()


def test_walk_list_shows_date_area_and_status(qtbot, coordinator_ctx, wait_idle):
    buurtschouw.plan_buurtschouw(coordinator_ctx, KERKRADE, TODAY, "Fictiefstraat")
    page = _page(qtbot, coordinator_ctx, wait_idle)
    view = page.walk_view
    status = WalkTableModel.COL_STATUS
    assert view.columnViewportPosition(status) + view.columnWidth(status) <= (
        view.viewport().width()
    )
    assert view.columnWidth(WalkTableModel.COL_AREA) >= view.fontMetrics().horizontalAdvance(
        "Kerkrade Oost"
    )
    tip = page.walks.index(0, status).data(Qt.ItemDataRole.ToolTipRole)
    assert "0 bevindingen" in tip


def test_pack_button_leaves_room_for_its_menu_arrow(qtbot, coordinator_ctx, wait_idle):
    page = _page(qtbot, coordinator_ctx, wait_idle)
    button = page.pack_button
    assert isinstance(button, MenuButton) and button.menu() is not None
    text = button.fontMetrics().horizontalAdvance(button.text())
    assert button.sizeHint().width() > text + 16
    # The text is drawn left of the arrow's strip, which it never reaches.
    assert button.text_rect().right() + button.arrow_width() < button.width()
