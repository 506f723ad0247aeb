"""Partner organisations with their kind of source and whether they are active (Beheer)."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.services.partners import PartnerInfo

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class PartnerTableModel(RecordTableModel[PartnerInfo]):
    COL_NAME = 0
    COL_SOURCE = 1
    COL_ACTIVE = 2

    def row_id(self, row: PartnerInfo) -> str:
        return row.partner_id

    def make_columns(self) -> Sequence[RecordColumn[PartnerInfo]]:
        return (
            RecordColumn(self.tr("Organisatie"), lambda p: p.name),
            RecordColumn(self.tr("Soort bron"), lambda p: p.source_label),
            RecordColumn(
                self.tr("Actief"),
                lambda p: self.tr("ja") if p.active else self.tr("nee (niet meer te kiezen)"),
                lambda p: p.active,
                attention=lambda p: not p.active,
            ),
        )
