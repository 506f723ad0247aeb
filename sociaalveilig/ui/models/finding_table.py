"""The findings of one walk: checklist item, place, category, and the signal made of it."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.services.buurtschouw import FindingInfo

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


def place_of(finding: FindingInfo) -> str:
    number = str(finding.house_number) if finding.house_number else ""
    street = " ".join(p for p in (finding.street or "", number) if p)
    return ", ".join(p for p in (street, finding.postcode or "") if p)


class FindingTableModel(RecordTableModel[FindingInfo]):
    COL_ITEM = 0
    COL_PLACE = 1
    COL_CATEGORY = 2
    COL_DESCRIPTION = 3
    COL_SIGNAL = 4

    def row_id(self, row: FindingInfo) -> str:
        return row.finding_id

    def make_columns(self) -> Sequence[RecordColumn[FindingInfo]]:
        return (
            RecordColumn(
                self.tr("Checklist"),
                lambda f: f"{f.item.group.label}: {f.item.label}",
                lambda f: f.item.code,
                tooltip=lambda f: f"{f.item.group.label}: {f.item.label}",
            ),
            RecordColumn(self.tr("Waar"), place_of, tooltip=place_of),
            RecordColumn(self.tr("Categorie"), lambda f: f.category_code or ""),
            RecordColumn(
                self.tr("Bevinding"), lambda f: f.description, tooltip=lambda f: f.description
            ),
            RecordColumn(
                self.tr("Signaal"),
                lambda f: f.signal_reference or self.tr("nog geen"),
                lambda f: f.signal_reference or "",
                attention=lambda f: f.signal_id is None,
            ),
        )
