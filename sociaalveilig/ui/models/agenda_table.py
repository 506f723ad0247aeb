"""The agenda of one meeting, in its order; rows can be dragged to a new place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from sociaalveilig.services.meeting_agenda import AgendaItemInfo

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-sociaalveilig-agenda-row"


class AgendaTableModel(RecordTableModel[AgendaItemInfo]):
    COL_POSITION = 0
    COL_CASE = 1
    COL_ADDRESS = 2
    COL_CATEGORY = 3
    COL_REASON = 4
    COL_DECISION = 5

    # Emitted after a row was dragged to a new place: the item ids in the new order.
    order_changed = Signal(list)

    def __init__(self, parent: Any = None, *, movable: bool = True) -> None:
        super().__init__(parent)
        self.movable = movable

    def row_id(self, row: AgendaItemInfo) -> str:
        return row.item_id

    def service_order(self, row: AgendaItemInfo) -> Any:
        return row.position  # the agenda's own order: a changed item goes to its place

    def follow(self, items: Sequence[AgendaItemInfo]) -> None:
        """The agenda as stored now (another desk's change): an item that changed is
        replaced in place or moved to its position, a new one inserted there, a removed
        one taken out (``apply_update``); the unchanged rows stay the same objects, and
        the selection and current row stay on their items."""
        shown = {row.item_id: row for row in self._rows}
        present = {item.item_id for item in items}
        fresh = [item for item in items if shown.get(item.item_id) != item]
        gone = [key for key in shown if key not in present]
        if fresh or gone:
            self.apply_update(fresh, gone)
        if self.item_ids() != [item.item_id for item in items]:
            # Positions from one agenda are unique, so the steps end in its order; should
            # they not, the stored order wins over keeping the rows in place.
            self.set_rows(items)

    def subject(self, item: AgendaItemInfo) -> str:
        # The reference alone, so the agenda fits beside the month's list: "S-" marks a
        # signal; the tooltip says so in words (``subject_tip``).
        return item.case_reference or item.signal_reference or "—"

    def subject_tip(self, item: AgendaItemInfo) -> str | None:
        if item.case_reference:
            return self.tr("Casus {ref}").format(ref=item.case_reference)
        if item.signal_reference:
            return self.tr("Signaal {ref}").format(ref=item.signal_reference)
        return None

    def decision(self, item: AgendaItemInfo) -> str:
        if item.decision is None:
            return ""
        actions = len(item.actions)
        suffix = self.tr(" · {n} actie(s)").format(n=actions) if actions else ""
        return self.tr("Besloten") + suffix

    def make_columns(self) -> Sequence[RecordColumn[AgendaItemInfo]]:
        return (
            RecordColumn("#", lambda i: str(i.position), lambda i: i.position, align_right=True),
            # Columns that may be elided carry their full text as tooltip.
            RecordColumn(self.tr("Casus"), self.subject, tooltip=self.subject_tip),
            RecordColumn(self.tr("Adres"), lambda i: i.address or "", tooltip=lambda i: i.address),
            RecordColumn(
                self.tr("Categorie"), lambda i: i.category or "", tooltip=lambda i: i.category
            ),
            RecordColumn(
                self.tr("Reden"), lambda i: i.reason.label, tooltip=lambda i: i.reason.label
            ),
            RecordColumn(self.tr("Besluit"), self.decision, tooltip=lambda i: i.decision),
        )

    def item_ids(self) -> list[str]:
        return [row.item_id for row in self.rows]

    # ------------------------------------------------------------------ drag and drop

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.movable else Qt.ItemFlag.NoItemFlags
        flags = super().flags(index)
        if self.movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data.setData(MIME_TYPE, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.movable or action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        try:
            rows = [int(x) for x in bytes(data.data(MIME_TYPE).data()).decode().split(",") if x]
        except ValueError:
            return False
        if len(rows) != 1:
            return False
        source = rows[0]
        if row < 0:
            row = parent.row() if parent.isValid() else self.rowCount()
        # ``row`` is the gap the row is dropped into; as a final position:
        target = row - 1 if row > source else row
        target = max(0, min(target, self.rowCount() - 1))
        if not self.move_row(source, target):
            return False
        self.order_changed.emit(self.item_ids())
        # The view would remove the source row after a move; this model has no
        # removeRows, so that is a no-op and the moved row stays.
        return True
