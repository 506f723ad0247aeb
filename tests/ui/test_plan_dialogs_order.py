"""The plan dialogs check their fields in the order they ask them: a date in the past is
named before a missing partner."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.errors import ValidationError
from tests.services.seed_casework import KERKRADE, make_case
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.pages.meetings import MeetingsPage
from sociaalveilig.ui.pages.visits import VisitsPage


def _close_error_boxes() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()


def _show(qtbot, page, ctx, wait_idle):  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.set_context(ctx)
    wait_idle()
    return page


def test_visit_in_the_past_without_partners_names_the_date(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    case_id = make_case(coordinator_ctx)
    page = _show(qtbot, VisitsPage(), coordinator_ctx, wait_idle)
    dialog = page.plan_visit()
    assert dialog is not None
    dialog.case.setText(case_id)
    dialog.date.setDate(QDate(2026, 3, 2))  # before the fixed clock's today
    dialog.start.setTime(QTime(9, 0))
    dialog.end.setTime(QTime(10, 0))
    dialog.purpose.setPlainText("Kennismaken")
    dialog.on_save()  # and no partner ticked
    wait_idle()
    error = dialog.last_error
    assert isinstance(error, ValidationError)
    assert "verleden" in str(error) and error.field == "start"
    _close_error_boxes()


def test_meeting_in_the_past_without_partners_names_the_date(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    page = _show(qtbot, MeetingsPage(output=FakeDocumentOutput()), coordinator_ctx, wait_idle)
    dialog = page.plan_meeting()
    assert dialog is not None
    dialog.area.setCurrentIndex(dialog.area.findData(KERKRADE))
    dialog.date.setDate(QDate(2026, 3, 2))
    dialog.time.setTime(QTime(13, 30))
    dialog.partners.set_checked([])
    dialog.on_save()
    wait_idle()
    error = dialog.last_error
    assert isinstance(error, ValidationError)
    assert "verleden" in str(error), str(error)
    assert error.field != "partner_ids"
    _close_error_boxes()
