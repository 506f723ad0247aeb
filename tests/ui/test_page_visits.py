"""Huisbezoeken: the week planner, planning, and "niemand thuis" proposing a new date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import VisitOutcome, VisitStatus
from sociaalveilig.services import visits
from sociaalveilig.services.visits import VisitInput
from tests.services.seed_casework import make_case, partner_id

from sociaalveilig.ui.models.week_plan import WeekPlanModel
from sociaalveilig.ui.pages.visits import VisitsPage

POLICE = "Politie Limburg"
HOUSING = "Woningcorporatie"


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _plan(ctx, case_id: str, start: datetime) -> visits.VisitRow:
    return visits.plan_visit(
        ctx,
        VisitInput(
            case_id=case_id,
            partner_ids=(partner_id(ctx, POLICE), partner_id(ctx, HOUSING)),
            start=start,
            end=start + timedelta(hours=1),
            purpose="Kennismaken en zorgen bespreken",
            joint=True,
        ),
    )


def _page(qtbot, ctx, wait_idle) -> VisitsPage:
    page = VisitsPage()
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(ctx)
    wait_idle()
    return page


def test_week_planner_shows_visits_per_day(qtbot, coordinator_ctx, wait_idle) -> None:
    case_id = make_case(coordinator_ctx)
    _plan(coordinator_ctx, case_id, datetime(2026, 4, 15, 14, 0))  # Wednesday
    _plan(coordinator_ctx, case_id, datetime(2026, 4, 17, 9, 30))  # Friday
    page = _page(qtbot, coordinator_ctx, wait_idle)
    assert page.model.monday == date(2026, 4, 13)
    assert page.model.visit_at(0, WeekPlanModel.COL_WEDNESDAY) is not None
    assert page.model.visit_at(0, WeekPlanModel.COL_FRIDAY).start.hour == 9
    assert page.model.visit_at(0, WeekPlanModel.COL_MONDAY) is None
    assert "Week 16" in page.week_label.text()
    page.go_week(+1)
    wait_idle()
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisibleTo(page)


def test_niemand_thuis_proposes_next_working_day(qtbot, coordinator_ctx, clock, wait_idle):
    case_id = make_case(coordinator_ctx)
    first = _plan(coordinator_ctx, case_id, datetime(2026, 4, 17, 11, 0))  # a Friday
    clock.set(datetime(2026, 4, 17, 12, 30))
    page = _page(qtbot, coordinator_ctx, wait_idle)
    row, column = page.model.position_of(first.visit_id)
    page.select_visit_at(row, column)
    assert page.outcome_button.isEnabled()

    outcome = page.record_outcome()
    assert outcome is not None
    outcome.set_outcome(VisitOutcome.NIEMAND_THUIS)
    outcome.on_save()
    wait_idle()
    replan = page.last_dialog
    assert replan is not None and replan.objectName() == "replanVisitDialog"
    start, end = replan.chosen()
    # The next working day after Friday 17 April is Monday 20 April, at the same time.
    assert start == datetime(2026, 4, 20, 11, 0)
    assert end == datetime(2026, 4, 20, 12, 0)
    replan.on_save()
    wait_idle()
    assert page.model.monday == date(2026, 4, 20)
    new = page.selected_visit()
    assert new is not None
    assert new.follow_up_of == first.visit_id
    assert new.status is VisitStatus.GEPLAND
    assert new.start == datetime(2026, 4, 20, 11, 0)
    assert visits.get_visit(coordinator_ctx, first.visit_id).status is VisitStatus.NIEMAND_THUIS


def test_refused_plan_keeps_typed_values(qtbot, coordinator_ctx, wait_idle) -> None:
    case_id = make_case(coordinator_ctx)
    page = _page(qtbot, coordinator_ctx, wait_idle)
    dialog = page.plan_visit()
    assert dialog is not None
    dialog.case.setText(case_id)
    dialog.purpose.setPlainText("Controle na meldingen")
    # No partner ticked: the service refuses and names the partners field.
    dialog.on_save()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert dialog.isVisible()
    assert dialog.purpose.toPlainText() == "Controle na meldingen"
    assert dialog.case.text() == case_id
    assert dialog.focusWidget() is dialog.partners
    for box in _error_boxes():
        box.close()


def test_lock_empties_the_planner(qtbot, coordinator_ctx, wait_idle) -> None:
    case_id = make_case(coordinator_ctx)
    planned = _plan(coordinator_ctx, case_id, datetime(2026, 4, 16, 10, 0))
    page = _page(qtbot, coordinator_ctx, wait_idle)
    page.select_visit_at(*page.model.position_of(planned.visit_id))
    assert "Fictiefstraat" in page.detail_address.text()
    page.set_context(None)
    assert page.model.rowCount() == 0
    assert page.detail_address.text() == ""
    assert page.week_label.text() == ""


def test_week_model_passes_model_tester(qtmodeltester, coordinator_ctx) -> None:
    case_id = make_case(coordinator_ctx)
    _plan(coordinator_ctx, case_id, datetime(2026, 4, 15, 14, 0))
    _plan(coordinator_ctx, case_id, datetime(2026, 4, 15, 16, 0))
    model = WeekPlanModel()
    model.set_week(date(2026, 4, 13), visits.week_plan(coordinator_ctx, date(2026, 4, 13)))
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_plan_visit_dialog_plans_a_joint_visit(qtbot, coordinator_ctx, wait_idle) -> None:
    from PySide6.QtCore import QDate, QTime

    case_id = make_case(coordinator_ctx)
    page = _page(qtbot, coordinator_ctx, wait_idle)
    dialog = page.plan_visit()
    assert dialog is not None
    dialog.case.setText(case_id)
    dialog.date.setDate(QDate(2026, 4, 22))
    dialog.start.setTime(QTime(9, 0))
    dialog.end.setTime(QTime(10, 30))
    dialog.partners.set_checked(
        [partner_id(coordinator_ctx, POLICE), partner_id(coordinator_ctx, HOUSING)]
    )
    assert dialog.joint.isChecked()  # two partners: joint by default
    dialog.purpose.setPlainText("Samen in gesprek over de overlast")
    dialog.on_save()
    wait_idle()
    assert page.model.monday == date(2026, 4, 20)
    planned = page.selected_visit()
    assert planned is not None and planned.joint
    assert planned.start == datetime(2026, 4, 22, 9, 0) and planned.end.hour == 10
    assert set(planned.partner_names) == {POLICE, HOUSING}
    assert planned.address.street == "Fictiefstraat"  # the case's address
