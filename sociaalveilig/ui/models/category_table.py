"""Categories with their meeting and handling term (Beheer)."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.core.enums import MeetingType
from sociaalveilig.services.reference_data import CategoryInfo

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class CategoryTableModel(RecordTableModel[CategoryInfo]):
    COL_CODE = 0
    COL_NAME = 1
    COL_MAIN = 2
    COL_MEETING = 3
    COL_TERM = 4
    COL_ACTIVE = 5

    def row_id(self, row: CategoryInfo) -> str:
        return row.code

    def meeting(self, row: CategoryInfo) -> str:
        if row.meeting is MeetingType.FL:
            return self.tr("Fysieke leefomgeving")
        return self.tr("Achter de voordeur")

    def make_columns(self) -> Sequence[RecordColumn[CategoryInfo]]:
        return (
            RecordColumn(self.tr("Code"), lambda c: c.code),
            RecordColumn(self.tr("Naam"), lambda c: c.name),
            RecordColumn(self.tr("Hoofdcategorie"), lambda c: c.main_category),
            RecordColumn(self.tr("Overleg"), self.meeting),
            RecordColumn(
                self.tr("Termijn (werkdagen)"),
                lambda c: str(c.term_days),
                lambda c: c.term_days,
                align_right=True,
            ),
            RecordColumn(
                self.tr("Actief"),
                lambda c: self.tr("ja") if c.active else self.tr("nee (vervallen)"),
                lambda c: c.active,
                attention=lambda c: not c.active,
            ),
        )
