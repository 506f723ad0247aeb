"""Rapportages: documents are made off the GUI thread and handed to the viewer/printer."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import Role
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.pages.reports import ReportsPage


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _close_errors() -> None:
    for box in _error_boxes():
        box.close()


def test_management_report_opens_in_viewer(qtbot, make_actor, wait_idle) -> None:
    manager = make_actor(Role.MANAGER)
    output = FakeDocumentOutput()
    page = ReportsPage(output=output)
    qtbot.addWidget(page)
    page.show()
    page.set_context(manager)
    wait_idle()
    assert not page.case_pseudo.isEnabled() and page.case_pseudo.isChecked()
    assert page.management_area.count() == 9  # "Alle focusgebieden" + the eight areas
    page.period.set_period("year", 2026)
    page.make_management("open")
    wait_idle()
    assert len(output.shown) == 1
    assert output.shown[0].read_bytes().startswith(b"%PDF")
    assert "Geopend" in page.status.text()


def test_print_goes_to_printer_and_lock_wipes_files(qtbot, coordinator_ctx, wait_idle) -> None:
    output = FakeDocumentOutput()
    page = ReportsPage(output=output)
    qtbot.addWidget(page)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    page.make_management("print")
    wait_idle()
    assert len(output.printed) == 1
    printed = output.printed[0]
    assert printed.exists()
    page.case_ref.setText("C-2026-00001")
    page.set_context(None)
    assert not printed.exists()
    assert page.case_ref.text() == ""
    assert page.management_area.count() == 0


def test_unknown_case_is_refused_and_typed_reference_kept(qtbot, coordinator_ctx, wait_idle):
    output = FakeDocumentOutput()
    page = ReportsPage(output=output)
    qtbot.addWidget(page)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    page.case_ref.setText("C-2026-99999")
    page.make_case_summary("open")
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert output.shown == []
    assert page.case_ref.text() == "C-2026-99999"
    _close_errors()


def test_case_summary_for_a_case_is_printed(qtbot, coordinator_ctx, wait_idle) -> None:
    from sociaalveilig.services import cases
    from tests.services.seed_casework import make_case

    ref = cases.get_case(coordinator_ctx, make_case(coordinator_ctx)).reference
    output = FakeDocumentOutput()
    page = ReportsPage(output=output)
    qtbot.addWidget(page)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    page.case_ref.setText(ref)
    page.make_case_summary("print")
    wait_idle()
    assert len(output.printed) == 1
    assert ref in output.printed[0].name
    assert output.printed[0].read_bytes().startswith(b"%PDF")


def test_cancelled_print_says_so(qtbot, coordinator_ctx, wait_idle) -> None:
    output = FakeDocumentOutput(accept_print=False)
    page = ReportsPage(output=output)
    qtbot.addWidget(page)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    page.make_management("print")
    wait_idle()
    assert output.printed == []
    assert page.status.text() == "Afdrukken geannuleerd."
