"""Case view: add a person involved, choose the casusregisseur, the ZVH checklist and the
escalation advice in the header, a refused escalation offered again, printing the summary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import CaseStatus, EscalationTarget, Role
from sociaalveilig.core.escalation import ZvhCriteria
from sociaalveilig.services import cases
from tests.ui.builders import register
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.dialogs.add_person import AddPersonDialog
from sociaalveilig.ui.dialogs.lead_partner import LeadPartnerDialog
from sociaalveilig.ui.pages.cases import CasesPage

ALL_MET = ZvhCriteria(
    multiple_life_domains=True,
    criminal_or_nuisance_behaviour=True,
    chain_cooperation_needed=True,
    affects_family_or_surroundings=True,
    serious_local_safety_trouble=False,
)


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _close_errors() -> None:
    for box in _error_boxes():
        box.close()


def _open(qtbot, ctx, case_id: str, wait_idle) -> CasesPage:
    page = CasesPage()
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    page.set_context(ctx)
    page.open_case(case_id)
    qtbot.waitUntil(lambda: page.case_view.detail is not None, timeout=10_000)
    wait_idle()
    return page


def test_add_person_refusals_keep_input(qtbot, coordinator_ctx, wait_idle):
    signal = register(coordinator_ctx)
    page = _open(qtbot, coordinator_ctx, signal.case_id, wait_idle)
    view = page.case_view
    assert view.add_person_button.isVisible()
    before = view.persons_model.rowCount()

    dialog = view.add_person()
    assert isinstance(dialog, AddPersonDialog)
    dialog.name.setText("Verzonnen Testpersoon")
    dialog.birth_year.setText("19x5")
    dialog.role.setCurrentText("huurder")
    dialog.on_save()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert "geen jaartal" in _error_boxes()[0].text()
    assert dialog.isVisible() and dialog.name.text() == "Verzonnen Testpersoon"
    assert dialog.focusWidget() is dialog.birth_year
    _close_errors()
    dialog.birth_year.setText("1850")  # the service refuses the range
    dialog.on_save()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert "1900" in _error_boxes()[0].text()
    assert dialog.isVisible() and dialog.role.currentText() == "huurder"
    _close_errors()

    changed: list[bool] = []
    view.changed.connect(lambda: changed.append(True))
    dialog.birth_year.setText("1985")
    dialog.on_save()
    wait_idle()
    assert view.persons_model.rowCount() == before + 1
    added = view.persons_model.row_object(view.persons_view.current_row())
    assert added is not None and added.name == "Verzonnen Testpersoon"
    assert added.birth_year == 1985 and added.role == "huurder"
    assert changed == [True]
    stored = cases.get_case(coordinator_ctx, signal.case_id).persons
    assert [(p.name, p.birth_year, p.role) for p in stored][-1:] == [
        ("Verzonnen Testpersoon", 1985, "huurder")
    ]

    again = view.add_person()
    assert again is not None
    again.name.setText("Verzonnen Testpersoon")
    again.birth_year.setText("1985")
    again.on_save()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert "staat al als betrokkene" in _error_boxes()[0].text()
    assert again.isVisible()
    _close_errors()
    again.reject()


def test_choose_casusregisseur(qtbot, coordinator_ctx, wait_idle):
    signal = register(coordinator_ctx)
    page = _open(qtbot, coordinator_ctx, signal.case_id, wait_idle)
    view = page.case_view
    assert view.fields["lead"].text() == "nog niet gekozen"
    assert view.lead_button.isVisible()
    view.choose_lead_partner()
    wait_idle()
    dialog = view.last_dialog
    assert isinstance(dialog, LeadPartnerDialog)
    names = [dialog.partner.itemText(i) for i in range(dialog.partner.count())]
    assert "Woningcorporatie" in names and "Politie Limburg" in names
    dialog.partner.setCurrentIndex(dialog.partner.findText("Woningcorporatie"))
    dialog.on_save()
    wait_idle()
    assert view.fields["lead"].text() == "Woningcorporatie"
    assert cases.get_case(coordinator_ctx, signal.case_id).lead_partner == "Woningcorporatie"

    view.choose_lead_partner()
    wait_idle()
    dialog = view.last_dialog
    assert isinstance(dialog, LeadPartnerDialog)
    assert dialog.partner.currentText() == "Woningcorporatie"  # the current one preselected
    dialog.partner.setCurrentIndex(0)  # none
    dialog.on_save()
    wait_idle()
    assert view.fields["lead"].text() == "nog niet gekozen"


def test_advice_in_header_and_zvh_checklist(qtbot, coordinator_ctx, wait_idle):
    quiet = register(coordinator_ctx, postcode="6463 EF", number=3)
    page = _open(qtbot, coordinator_ctx, quiet.case_id, wait_idle)
    view = page.case_view
    assert not view.advice_frame.isVisible()  # nothing proposed
    assert view.zvh_button.isVisible()

    dialog = view.show_zvh_criteria()
    assert dialog is not None and dialog.isVisible()
    assert quiet.case_reference in dialog.windowTitle()
    boxes = dialog.checklist.boxes
    for box in boxes[:4]:
        box.setChecked(True)
    assert dialog.checklist.save_button.isEnabled()
    qtbot.mouseClick(dialog.checklist.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    wait_idle()
    assert cases.get_case(coordinator_ctx, quiet.case_id).zvh == ALL_MET
    assert view.advice_frame.isVisible()
    assert "op te schalen" in view.advice_label.text()
    assert "Voorstel" in dialog.checklist.advice_label.text()

    # Escalate from the checklist: the status dialog asks the reason, target preselected.
    assert dialog.checklist.escalate_button.isEnabled()
    qtbot.mouseClick(dialog.checklist.escalate_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    status = view.status_dialog
    assert status is not None and status.target is CaseStatus.OPGESCHAALD
    assert status.escalation_target() == EscalationTarget.ZVH.value
    status.reject()
    wait_idle()


def test_advice_shown_when_a_case_opens_with_criteria_met(qtbot, coordinator_ctx, wait_idle):
    signal = register(coordinator_ctx)
    cases.set_zvh_criteria(coordinator_ctx, signal.case_id, ALL_MET)
    page = _open(qtbot, coordinator_ctx, signal.case_id, wait_idle)
    view = page.case_view
    assert view.advice_frame.isVisible()
    assert view.advice is not None and view.advice.propose
    view.request_status(CaseStatus.IN_BEHANDELING)
    view.status_dialog.reason_edit.setPlainText("Opgepakt.")
    view.status_dialog.accept()
    wait_idle()
    wait_idle()
    assert view.fields["status"].text() == "In behandeling"


def test_refused_escalation_comes_back_with_the_reason(qtbot, coordinator_ctx, wait_idle):
    signal = register(coordinator_ctx)  # no persons: PGA needs a birth year
    page = _open(qtbot, coordinator_ctx, signal.case_id, wait_idle)
    view = page.case_view
    reason = "Jongere in beeld bij politie en wijkteam; verzonnen reden."
    view.change_status(CaseStatus.OPGESCHAALD, reason, EscalationTarget.PGA.value, "K-1")
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert "geboortejaar" in _error_boxes()[0].text()
    dialog = view.status_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.reason() == reason
    assert dialog.escalation_target() == EscalationTarget.PGA.value
    assert dialog.external_reference() == "K-1"
    _close_errors()
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("zvh"))
    # No criteria recorded: to the ZVH the dialog asks why, and waits for it.
    assert dialog.unmet.needed() and not dialog.confirm_button.isEnabled()
    dialog.unmet.reason_edit.setPlainText("Criteria volgen na het overleg; verzonnen.")
    assert dialog.confirm_button.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: view.fields["status"].text() == "Opgeschaald", timeout=10_000)
    wait_idle()


def test_print_and_open_case_summary(qtbot, coordinator_ctx, wait_idle):
    signal = register(coordinator_ctx)
    page = _open(qtbot, coordinator_ctx, signal.case_id, wait_idle)
    view = page.case_view
    fake = FakeDocumentOutput()
    view.output = fake
    assert view.print_button.isEnabled()
    view.make_summary(to_printer=True)
    wait_idle()
    assert len(fake.printed) == 1
    pdf = fake.printed[0]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert signal.case_reference in pdf.name
    view.open_pdf_action.trigger()
    wait_idle()
    assert fake.shown and fake.shown[0].exists()

    page.set_context(None)  # lock: the printed copies go
    assert not pdf.exists()
    assert view.detail is None and not view.print_button.isEnabled()


def test_manager_sees_no_change_buttons_but_may_print(
    qtbot, coordinator_ctx, make_actor, wait_idle
):
    signal = register(coordinator_ctx)
    manager = make_actor(Role.MANAGER)
    page = _open(qtbot, manager, signal.case_id, wait_idle)
    view = page.case_view
    assert view.detail.pseudonymised
    for widget in (view.add_person_button, view.lead_button, view.zvh_button):
        assert not widget.isVisible()
    assert not view.advice_frame.isVisible()
    assert view.add_person() is None and view.show_zvh_criteria() is None
    fake = FakeDocumentOutput()
    view.output = fake
    view.make_summary(to_printer=False)
    wait_idle()
    assert len(fake.shown) == 1
