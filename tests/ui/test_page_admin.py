"""Beheer: the routing test box answers where a signal goes and why; users; rules order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import RouteTarget, Urgency

from sociaalveilig.ui.models.routing_rule_table import RoutingRuleTableModel
from sociaalveilig.ui.models.user_table import UserTableModel
from sociaalveilig.ui.pages.admin import AdminPage


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _open_admin(qtbot, ctx, wait_idle, tab: int | None = None) -> AdminPage:
    page = AdminPage()
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(ctx)
    if tab is not None:
        page.tabs.setCurrentWidget(page.panels[tab])
    wait_idle()
    return page


def test_routing_test_box_says_which_meeting_and_why(qtbot, admin_ctx, wait_idle) -> None:
    page = _open_admin(qtbot, admin_ctx, wait_idle)
    page.tabs.setCurrentWidget(page.routing)
    wait_idle()
    panel = page.routing
    assert panel.model.rowCount() == 17  # acuut + one rule per default category
    panel.test_category.setCurrentIndex(panel.test_category.findData("OM-HENNEP"))
    panel.test_area.setCurrentIndex(panel.test_area.findData("Kerkrade Oost"))
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert panel.test_target.text() == f"Naar: {RouteTarget.FYSIEKE_LEEFOMGEVING.label}"
    assert "OM-HENNEP" in panel.test_result.text()
    selected = panel.model.row_object(panel.view.current_row())
    assert selected is not None and selected.category == "OM-HENNEP"

    panel.test_urgency.setCurrentIndex(panel.test_urgency.findData(Urgency.ACUUT.value))
    panel.run_test()
    wait_idle()
    assert panel.test_target.text() == f"Naar: {RouteTarget.COORDINATOR.label}"
    assert "Regel 1" in panel.test_result.text()


def test_moving_a_rule_changes_the_order(qtbot, admin_ctx, wait_idle) -> None:
    page = _open_admin(qtbot, admin_ctx, wait_idle)
    page.tabs.setCurrentWidget(page.routing)
    wait_idle()
    panel = page.routing
    second = panel.model.row_object(1)
    panel.view.select_row(1)
    panel.move_selected(-1)
    wait_idle()
    assert panel.model.row_object(0).rule_id == second.rule_id
    assert panel.model.row_object(0).position == 1
    assert panel.view.current_row() == 0


def test_refused_rule_keeps_what_was_typed(qtbot, admin_ctx, wait_idle) -> None:
    page = _open_admin(qtbot, admin_ctx, wait_idle)
    page.tabs.setCurrentWidget(page.routing)
    wait_idle()
    dialog = page.routing._open_dialog(None)
    assert dialog is not None
    dialog.category.setCurrentIndex(dialog.category.findData("ZV-HG"))
    dialog.name.setText("   ")  # refused: a rule needs a name
    dialog.on_save()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert dialog.isVisible()
    assert dialog.category.currentData() == "ZV-HG"
    assert dialog.name.hasFocus() or dialog.focusWidget() is dialog.name
    for box in _error_boxes():
        box.close()
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.name.setText("Huiselijk geweld eerst")
    dialog.on_save()
    wait_idle()
    assert len(saved) == 1  # accepted and closed
    wait_idle()
    names = [r.name for r in page.routing.model.rows]
    assert names[-1] == "Huiselijk geweld eerst"


def test_users_listed_and_lock_empties(qtbot, admin_ctx, wait_idle) -> None:
    page = _open_admin(qtbot, admin_ctx, wait_idle)
    assert page.users.model.rowCount() == 1
    assert page.users.model.row_object(0).username == "beheer"
    page.set_context(None)
    assert page.users.model.rowCount() == 0
    assert page.routing.model.rowCount() == 0


def test_table_models_pass_the_model_tester(qtmodeltester, admin_ctx) -> None:
    from sociaalveilig.services import routing_rules, users

    rules = RoutingRuleTableModel()
    rules.set_rows(routing_rules.list_rules(admin_ctx))
    qtmodeltester.check(rules)
    rules.sort(RoutingRuleTableModel.COL_NAME)
    qtmodeltester.check(rules)
    people = UserTableModel()
    people.set_rows(users.list_users(admin_ctx))
    qtmodeltester.check(people)


def test_category_term_changed_and_refused_save_keeps_input(qtbot, admin_ctx, wait_idle):
    from sociaalveilig.services import reference_data

    page = _open_admin(qtbot, admin_ctx, wait_idle)
    page.tabs.setCurrentWidget(page.categories)
    wait_idle()
    panel = page.categories
    row = panel.model.row_of("ZV-SCHULD")
    panel.view.select_row(row)
    dialog = panel.open_dialog(panel.model.row_object(row))
    assert dialog is not None and dialog.code.isReadOnly()
    dialog.term.setValue(8)
    dialog.name.setText("Drugsoverlast")  # another category's name: refused
    dialog.on_save()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert dialog.term.value() == 8 and dialog.focusWidget() is dialog.name
    for box in _error_boxes():
        box.close()
    dialog.name.setText("Schulden of huurachterstand")
    dialog.on_save()
    wait_idle()
    terms = {c.code: c.term_days for c in reference_data.list_categories(admin_ctx)}
    assert terms["ZV-SCHULD"] == 8
    assert panel.model.row_object(panel.view.current_row()).code == "ZV-SCHULD"


def test_postcode_table_filter_add_and_remove(qtbot, admin_ctx, wait_idle) -> None:
    page = _open_admin(qtbot, admin_ctx, wait_idle)
    page.tabs.setCurrentWidget(page.postcodes)
    wait_idle()
    panel = page.postcodes
    total = panel.model.rowCount()
    panel.search.setText("kerkrade oost")
    assert panel.model.rowCount() == 4
    panel.search.clear()
    dialog = panel.open_dialog(None)
    assert dialog is not None
    dialog.code.setText("6460ab")
    dialog.municipality.setCurrentText("Kerkrade")
    dialog.area.setCurrentIndex(dialog.area.findData("Kerkrade Oost"))
    dialog.on_save()
    wait_idle()
    assert panel.model.rowCount() == total + 1
    assert panel.model.row_object(panel.view.current_row()).code == "6460 AB"
    panel.remove_selected(confirm=False)
    wait_idle()
    assert panel.model.rowCount() == total


def test_reference_models_pass_the_model_tester(qtmodeltester, admin_ctx) -> None:
    from sociaalveilig.services import reference_data

    from sociaalveilig.ui.models.category_table import CategoryTableModel
    from sociaalveilig.ui.models.postcode_table import PostcodeTableModel

    categories = CategoryTableModel()
    categories.set_rows(reference_data.list_categories(admin_ctx))
    qtmodeltester.check(categories)
    categories.sort(CategoryTableModel.COL_TERM)
    assert categories.row_object(0).term_days == 1
    postcodes = PostcodeTableModel()
    postcodes.set_rows(reference_data.list_postcodes(admin_ctx))
    qtmodeltester.check(postcodes)


def test_rule_dialog_enter_saves_and_escape_cancels(qtbot, admin_ctx, wait_idle) -> None:
    page = _open_admin(qtbot, admin_ctx, wait_idle)
    page.tabs.setCurrentWidget(page.routing)
    wait_idle()
    before = page.routing.model.rowCount()
    dialog = page.routing._open_dialog(None)
    assert dialog is not None
    cancelled: list[int] = []
    dialog.rejected.connect(lambda: cancelled.append(1))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert cancelled == [1]
    wait_idle()
    assert page.routing.model.rowCount() == before

    dialog = page.routing._open_dialog(None)
    assert dialog is not None
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Jeugd Kerkrade eerst")
    dialog.target.setCurrentIndex(dialog.target.findData("coordinator"))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    wait_idle()
    assert len(saved) == 1
    wait_idle()
    assert page.routing.model.rowCount() == before + 1
