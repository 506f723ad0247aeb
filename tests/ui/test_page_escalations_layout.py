"""Opschalingen at 1366×768: target and status stay in view beside a long focus-area name,
and the count reads as Dutch."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from sociaalveilig.core.enums import EscalationStatus, EscalationTarget
from sociaalveilig.services.escalations import EscalationRow

from sociaalveilig.ui.models.escalation_table import EscalationTableModel
from sociaalveilig.ui.pages.escalations import EscalationsPage

LONG_AREA = "Stedelijk lint Schaesberg – Oud Nieuwenhagen – Lauradorp"


def _row(n: int, area: str | None) -> EscalationRow:
    moment = datetime(2026, 11, 20, 10, 0)
    return EscalationRow(
        escalation_id=f"e{n}",
        reference=f"E-2026-{n:05d}",
        case_id=f"c{n}",
        case_reference=f"C-2026-{n:05d}",
        area=area,
        target=EscalationTarget.PGA,
        reason="Fictieve reden.",
        external_reference=None,
        status=EscalationStatus.IN_BEHANDELING,
        created_at=moment,
        status_changed_at=moment,
        closed_at=None,
        version=1,
    )


def test_target_and_status_stay_in_view_beside_a_long_area(qtbot):
    page = EscalationsPage()
    qtbot.addWidget(page)
    page.resize(1180, 680)  # the page's share of a 1366×768 window
    page.show()
    page._loaded([_row(1, LONG_AREA), _row(2, None)])
    view = page.view
    width = view.viewport().width()
    for column in (EscalationTableModel.COL_TARGET, EscalationTableModel.COL_STATUS):
        right = view.columnViewportPosition(column) + view.columnWidth(column)
        assert view.columnViewportPosition(column) >= 0 and right <= width
    area = page.model.index(page.model.row_of("e1"), EscalationTableModel.COL_AREA)
    assert area.data(Qt.ItemDataRole.ToolTipRole) == LONG_AREA  # the full name
    assert page.count_label.text() == "2 opschalingen"
    page._loaded([_row(1, LONG_AREA)])
    assert page.count_label.text() == "1 opschaling"
