"""The meetings (overleggen) of a month, per area and type."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sociaalveilig.core.enums import MeetingType
from sociaalveilig.services.meeting_planning import MeetingInfo, MeetingStatus

from sociaalveilig.ui.dutch import program_locale
from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class MeetingTableModel(RecordTableModel[MeetingInfo]):
    COL_WHEN = 0
    COL_TYPE = 1
    COL_AREA = 2
    COL_STATUS = 3
    COL_ITEMS = 4

    def row_id(self, row: MeetingInfo) -> str:
        return row.meeting_id

    def service_order(self, row: MeetingInfo) -> Any:
        return (row.starts_at, row.meeting_id)  # list_meetings: in time order

    def when(self, info: MeetingInfo) -> str:
        locale = program_locale()
        day = locale.dayName(info.starts_at.isoweekday(), locale.FormatType.ShortFormat)
        return f"{day} {info.starts_at:%d-%m %H:%M}"

    def short_type(self, info: MeetingInfo) -> str:
        # One word, so the list fits beside the calendar; the full name is the tooltip.
        if info.meeting_type is MeetingType.FL:
            return self.tr("Fysiek")
        return self.tr("Voordeur")

    def status_tip(self, info: MeetingInfo) -> str:
        """The status and the number of agenda items (a column hidden by default)."""
        if info.item_count == 0:
            items = self.tr("geen agendapunten")
        elif info.item_count == 1:
            items = self.tr("1 agendapunt")
        else:
            items = self.tr("{n} agendapunten").format(n=info.item_count)
        return f"{info.status.label}, {items}"

    def make_columns(self) -> Sequence[RecordColumn[MeetingInfo]]:
        return (
            RecordColumn(self.tr("Wanneer"), self.when, lambda m: m.starts_at,
                         tooltip=lambda m: f"{m.starts_at:%d-%m-%Y %H:%M}"),
            RecordColumn(self.tr("Soort"), self.short_type, tooltip=lambda m: m.type_label),
            RecordColumn(self.tr("Focusgebied"), lambda m: m.area, tooltip=lambda m: m.area),
            RecordColumn(
                self.tr("Status"),
                lambda m: m.status.label,
                tooltip=self.status_tip,
                attention=lambda m: m.status is MeetingStatus.GEANNULEERD,
            ),
            RecordColumn(self.tr("Punten"), lambda m: str(m.item_count), lambda m: m.item_count,
                         align_right=True),
        )
