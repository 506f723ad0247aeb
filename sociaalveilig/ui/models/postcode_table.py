"""The postcode table: PC4 or PC6 to municipality and focus area (Beheer)."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.services.reference_data import PostcodeInfo

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class PostcodeTableModel(RecordTableModel[PostcodeInfo]):
    COL_CODE = 0
    COL_MUNICIPALITY = 1
    COL_AREA = 2

    def row_id(self, row: PostcodeInfo) -> str:
        return row.code

    def make_columns(self) -> Sequence[RecordColumn[PostcodeInfo]]:
        return (
            RecordColumn(self.tr("Postcode"), lambda p: p.code),
            RecordColumn(self.tr("Gemeente"), lambda p: p.municipality),
            RecordColumn(
                self.tr("Focusgebied"),
                lambda p: p.focus_area or self.tr("(geen focusgebied)"),
                lambda p: p.focus_area or "",
            ),
        )
