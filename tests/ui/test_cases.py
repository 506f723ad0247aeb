"""Casussen: the case view header, status change through the buttons, the noodknop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog

from sociaalveilig.core.enums import CaseStatus, Role
from sociaalveilig.services import cases
from tests.ui.builders import register

from sociaalveilig.ui.pages.cases import CasesPage
from sociaalveilig.ui.status_change_dialog import StatusChangeDialog


def _page(qtbot, ctx) -> CasesPage:
    page = CasesPage()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_context(ctx)
    return page


def _open(qtbot, page: CasesPage, case_id: str, wait_idle) -> None:
    page.open_case(case_id)
    qtbot.waitUntil(lambda: page.case_view.detail is not None, timeout=10_000)
    wait_idle()


def test_list_shows_cases_and_opens_one(qtbot, coordinator_ctx, wait_idle):
    signal = register(coordinator_ctx)
    page = _page(qtbot, coordinator_ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    wait_idle()
    page.model.index(0, 0).data()
    wait_idle()
    page.view.select_row(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.case_view.detail is not None, timeout=10_000)
    wait_idle()
    view = page.case_view
    assert view.detail.case_id == signal.case_id
    assert view.fields["address"].text().startswith("Verzonnenstraat 12")
    assert "Heerlen Noord" in view.fields["area"].text()
    assert view.fields["status"].text() == "Open"
    assert view.fields["risk"].text() == "Laag"
    assert view.fields["lead"].text() == "nog niet gekozen"
    assert view.fields["review"].text() != ""
    assert view.timeline_model.rowCount() >= 1
    kinds = {view.timeline_model.index(r, 1).data() for r in range(view.timeline_model.rowCount())}
    assert "Signaal" in kinds
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.list_widget
    assert view.detail is None and view.fields["address"].text() == ""


def test_status_change_through_buttons(qtbot, coordinator_ctx, wait_idle):
    signal = register(coordinator_ctx)
    page = _page(qtbot, coordinator_ctx)
    _open(qtbot, page, signal.case_id, wait_idle)
    view = page.case_view
    shown = [b.property("status") for b in view.step_buttons]
    assert shown == ["in_behandeling", "opgeschaald", "afgesloten"]  # the table, in order
    assert view.step_button(CaseStatus.HEROPEND) is None

    changed: list[bool] = []
    page.data_changed.connect(lambda: changed.append(True))
    qtbot.mouseClick(view.step_button(CaseStatus.IN_BEHANDELING), Qt.MouseButton.LeftButton)
    dialog = view.findChild(StatusChangeDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reason_edit.setPlainText("Besproken in het overleg; woningcorporatie pakt het op.")
    dialog.accept()
    qtbot.waitUntil(lambda: view.fields["status"].text() == "In behandeling", timeout=10_000)
    wait_idle()
    assert changed == [True]
    assert [b.property("status") for b in view.step_buttons] == ["opgeschaald", "afgesloten"]
    assert cases.get_case(coordinator_ctx, signal.case_id).status is CaseStatus.IN_BEHANDELING
    titles = [view.timeline_model.index(r, 3).data() for r in range(view.timeline_model.rowCount())]
    assert any("Besproken in het overleg" in (t or "") for t in titles)

    # Closing, then the only step left is reopening.
    view.change_status(CaseStatus.AFGESLOTEN, "Overlast gestopt.")
    qtbot.waitUntil(lambda: view.fields["status"].text() == "Afgesloten", timeout=10_000)
    wait_idle()
    assert [b.property("status") for b in view.step_buttons] == ["heropend"]
    assert view.step_button(CaseStatus.HEROPEND).text() == "Heropenen"


def test_status_change_without_reason_is_refused_and_shown(qtbot, coordinator_ctx, wait_idle):
    from PySide6.QtWidgets import QMessageBox

    signal = register(coordinator_ctx)
    page = _page(qtbot, coordinator_ctx)
    _open(qtbot, page, signal.case_id, wait_idle)
    page.case_view.change_status(CaseStatus.AFGESLOTEN, "")
    wait_idle()
    boxes = page.case_view.findChildren(QMessageBox)
    assert boxes and "reden" in boxes[-1].text()
    assert page.case_view.fields["status"].text() == "Open"
    assert all(b.isEnabled() for b in page.case_view.step_buttons)
    for box in boxes:
        box.close()


def test_escalation_through_the_button(qtbot, coordinator_ctx, wait_idle):
    signal = register(coordinator_ctx)
    page = _page(qtbot, coordinator_ctx)
    _open(qtbot, page, signal.case_id, wait_idle)
    page.case_view.change_status(
        CaseStatus.OPGESCHAALD,
        "Problemen op meerdere leefgebieden.",
        "zvh",
        "ZVH-123",
        "Criteria worden na het overleg vastgelegd.",
    )
    qtbot.waitUntil(lambda: page.case_view.fields["status"].text() == "Opgeschaald", timeout=10_000)
    wait_idle()
    assert page.case_view.step_button(CaseStatus.IN_BEHANDELING).text() == "Afschalen"


def test_wijkagent_outside_area_uses_noodknop(
    qtbot, coordinator_ctx, make_actor, wait_idle, monkeypatch
):
    signal = register(coordinator_ctx)  # Heerlen Noord
    agent = make_actor(Role.WIJKAGENT, areas=["Kerkrade Oost"])
    asked: list[str] = []

    def fake_get_text(parent, title, label, *args, **kwargs):
        asked.append(label)
        return "Melding van acuut gevaar, collega afwezig", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(fake_get_text))
    page = _page(qtbot, agent)
    _open(qtbot, page, signal.case_id, wait_idle)
    assert asked and "buiten uw werkgebied" in asked[0]
    assert page.case_view.detail.emergency_access
    assert "noodknop" in page.case_view.notice_label.text()
    assert page.case_view.step_buttons == []  # may look, not change


def test_copy_address_uses_guarded_clipboard(qtbot, coordinator_ctx, wait_idle):
    signal = register(coordinator_ctx)
    page = _page(qtbot, coordinator_ctx)
    _open(qtbot, page, signal.case_id, wait_idle)
    qtbot.mouseClick(page.case_view.copy_button, Qt.MouseButton.LeftButton)
    clip = QGuiApplication.clipboard()
    assert clip.text().startswith("Verzonnenstraat 12")
    assert bytes(clip.mimeData().data("x-kde-passwordManagerHint")) == b"secret"
    from sociaalveilig.ui.clipboard import secure_clipboard

    assert secure_clipboard().pending
    secure_clipboard().clear()
    assert clip.text() == ""
