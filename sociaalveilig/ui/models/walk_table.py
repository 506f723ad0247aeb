"""The buurtschouwen (neighbourhood walks) by date."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.services.buurtschouw import WalkInfo

from sociaalveilig.ui.dutch import program_locale
from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class WalkTableModel(RecordTableModel[WalkInfo]):
    COL_DATE = 0
    COL_AREA = 1
    COL_STATUS = 2
    COL_FINDINGS = 3

    def row_id(self, row: WalkInfo) -> str:
        return row.walk_id

    def day(self, walk: WalkInfo) -> str:
        locale = program_locale()
        name = locale.dayName(walk.walk_date.isoweekday(), locale.FormatType.ShortFormat)
        return f"{name} {walk.walk_date:%d-%m-%Y}"

    def make_columns(self) -> Sequence[RecordColumn[WalkInfo]]:
        return (
            RecordColumn(self.tr("Datum"), self.day, lambda w: w.walk_date),
            RecordColumn(self.tr("Focusgebied"), lambda w: w.area, tooltip=lambda w: w.area),
            RecordColumn(
                self.tr("Status"),
                lambda w: w.status.label,
                tooltip=lambda w: self.tr("{status}, {n} bevindingen").format(
                    status=w.status.label, n=w.finding_count
                ),
            ),
            RecordColumn(
                self.tr("Bevindingen"),
                lambda w: str(w.finding_count),
                lambda w: w.finding_count,
                align_right=True,
            ),
        )
