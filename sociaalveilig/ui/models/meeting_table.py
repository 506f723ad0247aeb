"""The meetings (overleggen) of a month, per area and type."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.core.services.meetings import MeetingInfo, MeetingStatus

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class MeetingTableModel(RecordTableModel[MeetingInfo]):
    COL_DATE = 0
    COL_TIME = 1
    COL_AREA = 2
    COL_TYPE = 3
    COL_STATUS = 4
    COL_ITEMS = 5

    def row_id(self, row: MeetingInfo) -> str:
        return row.meeting_id

    def make_columns(self) -> Sequence[RecordColumn[MeetingInfo]]:
        return (
            RecordColumn(self.tr("Datum"), lambda m: f"{m.starts_at:%d-%m-%Y}",
                         lambda m: m.starts_at),
            RecordColumn(self.tr("Tijd"), lambda m: f"{m.starts_at:%H:%M}",
                         lambda m: m.starts_at.time()),
            RecordColumn(self.tr("Focusgebied"), lambda m: m.area),
            RecordColumn(self.tr("Soort"), lambda m: m.meeting_type.label),
            RecordColumn(
                self.tr("Status"),
                lambda m: m.status.label,
                attention=lambda m: m.status is MeetingStatus.GEANNULEERD,
            ),
            RecordColumn(self.tr("Punten"), lambda m: str(m.item_count), lambda m: m.item_count,
                         align_right=True),
        )
