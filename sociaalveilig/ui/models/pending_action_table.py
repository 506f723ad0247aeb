"""Actions typed in the minutes but not saved yet (saved with the decision, all or none)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sociaalveilig.core.enums import ActionType
from sociaalveilig.services.actions import ActionInput

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


@dataclass(frozen=True)
class PendingAction:
    key: int
    action: ActionInput
    owner_name: str

    @property
    def type_label(self) -> str:
        try:
            return ActionType(self.action.action_type).label
        except ValueError:
            return str(self.action.action_type)


class PendingActionTableModel(RecordTableModel[PendingAction]):
    COL_TYPE = 0
    COL_OWNER = 1
    COL_DEADLINE = 2
    COL_DESCRIPTION = 3

    def row_id(self, row: PendingAction) -> str:
        return str(row.key)

    def make_columns(self) -> Sequence[RecordColumn[PendingAction]]:
        return (
            RecordColumn(self.tr("Actie"), lambda p: p.type_label),
            RecordColumn(self.tr("Eigenaar"), lambda p: p.owner_name),
            RecordColumn(
                self.tr("Deadline"),
                lambda p: f"{p.action.deadline:%d-%m-%Y}" if p.action.deadline else "",
                lambda p: p.action.deadline,
            ),
            RecordColumn(self.tr("Omschrijving"), lambda p: p.action.description or ""),
        )
