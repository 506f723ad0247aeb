"""The escalations (opschalingen) in the user's scope, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sociaalveilig.services.escalations import EscalationRow

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class EscalationTableModel(RecordTableModel[EscalationRow]):
    COL_REFERENCE = 0
    COL_CASE = 1
    COL_AREA = 2
    COL_TARGET = 3
    COL_STATUS = 4
    COL_SINCE = 5
    COL_EXTERNAL = 6

    def row_id(self, row: EscalationRow) -> str:
        return row.escalation_id

    # list_escalations: newest first.
    service_descending = True

    def service_order(self, row: EscalationRow) -> Any:
        return (row.created_at, row.reference)

    def make_columns(self) -> Sequence[RecordColumn[EscalationRow]]:
        return (
            RecordColumn(self.tr("Opschaling"), lambda e: e.reference),
            RecordColumn(self.tr("Casus"), lambda e: e.case_reference),
            RecordColumn(
                self.tr("Focusgebied"),
                lambda e: e.area or self.tr("—"),
                lambda e: e.area or "",
                tooltip=lambda e: e.area,
            ),
            RecordColumn(
                self.tr("Naar"), lambda e: e.target.label, tooltip=lambda e: e.target.label
            ),
            RecordColumn(
                self.tr("Status"),
                lambda e: e.status.label,
                lambda e: list(type(e.status)).index(e.status),
            ),
            RecordColumn(
                self.tr("Sinds"),
                lambda e: f"{e.status_changed_at:%d-%m-%Y}",
                lambda e: e.status_changed_at,
            ),
            RecordColumn(self.tr("Kenmerk"), lambda e: e.external_reference or ""),
        )
