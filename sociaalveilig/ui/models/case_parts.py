"""Small, fully loaded tables of the case view: the timeline and the persons involved."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.services.cases import TimelineEntry
from sociaalveilig.services.signal_records import PersonView

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel

COL_TIME = 0
COL_KIND = 1
COL_REFERENCE = 2
COL_TITLE = 3

COL_PERSON_REFERENCE = 0
COL_PERSON_NAME = 1
COL_PERSON_BIRTH_YEAR = 2
COL_PERSON_ROLE = 3


class TimelineModel(RecordTableModel[TimelineEntry]):
    """Signals, status changes, decisions, actions, visits and escalations, oldest first."""

    def make_columns(self) -> Sequence[RecordColumn[TimelineEntry]]:
        return [
            RecordColumn(
                self.tr("Datum"), lambda e: e.at.strftime("%d-%m-%Y %H:%M"), lambda e: e.at
            ),
            RecordColumn(self.tr("Soort"), lambda e: e.kind_label),
            RecordColumn(self.tr("Referentie"), lambda e: e.reference or ""),
            RecordColumn(
                self.tr("Wat"),
                lambda e: f"{e.title} – {e.detail}" if e.detail else e.title,
                tooltip=lambda e: e.detail,
            ),
        ]

    def row_id(self, row: TimelineEntry) -> str:
        return f"{row.at.isoformat()}|{row.kind}|{row.reference}|{row.title}"


class PersonsModel(RecordTableModel[PersonView]):
    """Betrokkenen with minimal fields: reference (pseudonym), name, birth year, role."""

    def make_columns(self) -> Sequence[RecordColumn[PersonView]]:
        return [
            RecordColumn(self.tr("Referentie"), lambda p: p.reference),
            RecordColumn(self.tr("Naam"), lambda p: p.name),
            RecordColumn(
                self.tr("Geboortejaar"),
                lambda p: str(p.birth_year) if p.birth_year else "",
                lambda p: p.birth_year or 0,
            ),
            RecordColumn(self.tr("Rol"), lambda p: p.role),
        ]

    def row_id(self, row: PersonView) -> str:
        return row.person_id
