"""What the program proposes for the agenda, with why; ticked proposals go on it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from sociaalveilig.services.meeting_agenda import AgendaProposal

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel

Index = QModelIndex | QPersistentModelIndex


def proposal_key(proposal: AgendaProposal) -> str:
    return proposal.case_id or f"signal:{proposal.signal_id}"


class AgendaProposalTableModel(RecordTableModel[AgendaProposal]):
    COL_SUBJECT = 0
    COL_ADDRESS = 1
    COL_REASON = 2
    COL_EXPLANATION = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ticked: set[str] = set()

    def row_id(self, row: AgendaProposal) -> str:
        return proposal_key(row)

    def make_columns(self) -> Sequence[RecordColumn[AgendaProposal]]:
        return (
            RecordColumn(
                self.tr("Casus of signaal"),
                lambda p: p.case_reference or p.signal_reference or "",
            ),
            RecordColumn(self.tr("Adres"), lambda p: p.address),
            RecordColumn(self.tr("Reden"), lambda p: ", ".join(r.label for r in p.reasons),
                         lambda p: list(type(p.reason)).index(p.reason)),
            RecordColumn(self.tr("Toelichting"), lambda p: p.explanation,
                         tooltip=lambda p: p.explanation),
        )

    def set_rows(self, rows: Sequence[AgendaProposal]) -> None:
        # Everything proposed starts ticked: the coordinator unticks what waits.
        self._ticked = {proposal_key(p) for p in rows}
        super().set_rows(rows)

    def ticked(self) -> list[AgendaProposal]:
        return [row for row in self.rows if proposal_key(row) in self._ticked]

    def set_all(self, ticked: bool) -> None:
        self._ticked = {proposal_key(p) for p in self.rows} if ticked else set()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            row = self.row_object(index.row())
            if row is None:
                return None
            ticked = proposal_key(row) in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        row = self.row_object(index.row())
        if row is None:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        key = proposal_key(row)
        if checked:
            self._ticked.add(key)
        else:
            self._ticked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
