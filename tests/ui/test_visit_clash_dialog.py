"""The plan and move dialogs ask before a double booking (issue 14): "Andere tijd kiezen"
keeps the form and plans nothing; "Toch plannen" plans."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sociaalveilig.services import visits
from sociaalveilig.services.visits import VisitInput
from tests.services.seed_casework import make_case, partner_id

from sociaalveilig.ui.dialogs.clash_confirm import ClashQuestion
from sociaalveilig.ui.pages.visits import VisitsPage

POLICE = "Politie Limburg"


def _question(qtbot) -> ClashQuestion:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ClashQuestion))
    box = QApplication.activeModalWidget()
    assert isinstance(box, ClashQuestion)
    return box


def _plan(ctx, case_id: str, start: datetime) -> visits.VisitRow:  # type: ignore[no-untyped-def]
    return visits.plan_visit(
        ctx,
        VisitInput(case_id, (partner_id(ctx, POLICE),), start, start + timedelta(hours=1),
                   "Kennismaken"),
    )


def test_plan_dialog_warns_of_a_booked_partner_and_plans_only_when_confirmed(
    qtbot, coordinator_ctx, wait_idle  # type: ignore[no-untyped-def]
) -> None:
    booked = make_case(coordinator_ctx)
    other = make_case(coordinator_ctx, number=40, street="Proefpad")
    _plan(coordinator_ctx, booked, datetime(2026, 4, 22, 9, 0))
    page = VisitsPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    dialog = page.plan_visit()
    assert dialog is not None
    dialog.case.setText(other)
    dialog.date.setDate(QDate(2026, 4, 22))
    dialog.start.setTime(QTime(9, 30))
    dialog.end.setTime(QTime(10, 30))
    dialog.partners.set_checked([partner_id(coordinator_ctx, POLICE)])
    dialog.purpose.setPlainText("Gesprek over de overlast")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = _question(qtbot)
    text = box.informativeText()
    assert POLICE in text and "Fictiefstraat 12" in text and "22-04-2026 09:00" in text
    QTest.keyClick(box, Qt.Key.Key_Escape)  # Esc: back to the form, nothing planned
    wait_idle()
    assert dialog.isVisible() and dialog.purpose.toPlainText() == "Gesprek over de overlast"
    week = visits.week_plan(coordinator_ctx, datetime(2026, 4, 20).date())
    assert len(week) == 1
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = _question(qtbot)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        QTest.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert len(visits.week_plan(coordinator_ctx, datetime(2026, 4, 20).date())) == 2
    selected = page.selected_visit()
    assert selected is not None and selected.start == datetime(2026, 4, 22, 9, 30)


def test_move_dialog_asks_before_moving_onto_a_booked_hour(
    qtbot, coordinator_ctx, wait_idle  # type: ignore[no-untyped-def]
) -> None:
    booked = make_case(coordinator_ctx)
    other = make_case(coordinator_ctx, number=40, street="Proefpad")
    _plan(coordinator_ctx, booked, datetime(2026, 4, 16, 14, 0))
    moving = _plan(coordinator_ctx, other, datetime(2026, 4, 16, 9, 0))
    page = VisitsPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    page.select_visit_at(*page.model.position_of(moving.visit_id))
    dialog = page.move_visit()
    assert dialog is not None
    dialog.start.setTime(QTime(14, 15))
    dialog.end.setTime(QTime(15, 15))
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = _question(qtbot)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        QTest.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert visits.get_visit(coordinator_ctx, moving.visit_id).start == datetime(2026, 4, 16, 14, 15)
