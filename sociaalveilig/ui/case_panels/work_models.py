"""The small tables of a case's work: its actions, visits and agenda items."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.services.actions import ActionRow
from sociaalveilig.services.case_work import CaseAgendaEntry
from sociaalveilig.services.visits import VisitRow

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel

COL_ACTION_REFERENCE = 0
COL_ACTION_TYPE = 1
COL_ACTION_OWNER = 2
COL_ACTION_DEADLINE = 3
COL_ACTION_STATUS = 4
COL_ACTION_DESCRIPTION = 5


class CaseActionsModel(RecordTableModel[ActionRow]):
    """The case's actions: open ones by deadline first (the service's order)."""

    def make_columns(self) -> Sequence[RecordColumn[ActionRow]]:
        return [
            RecordColumn(self.tr("Referentie"), lambda a: a.reference),
            RecordColumn(self.tr("Actie"), lambda a: a.type_label),
            RecordColumn(self.tr("Eigenaar"), lambda a: a.owner_name),
            RecordColumn(
                self.tr("Deadline"),
                self._deadline,
                lambda a: a.deadline,
                attention=lambda a: a.is_overdue,
            ),
            RecordColumn(self.tr("Status"), lambda a: a.status_label),
            RecordColumn(
                self.tr("Omschrijving"),
                lambda a: a.description or "",
                tooltip=lambda a: a.description,
            ),
        ]

    def _deadline(self, action: ActionRow) -> str:
        text = action.deadline.strftime("%d-%m-%Y")
        if action.is_overdue:
            return self.tr("{date} ({days} dagen te laat)").format(
                date=text, days=action.overdue_days
            )
        return text

    def row_id(self, row: ActionRow) -> str:
        return row.action_id


class CaseVisitsModel(RecordTableModel[VisitRow]):
    def make_columns(self) -> Sequence[RecordColumn[VisitRow]]:
        return [
            RecordColumn(
                self.tr("Wanneer"),
                lambda v: f"{v.start:%d-%m-%Y %H:%M}–{v.end:%H:%M}",
                lambda v: v.start,
            ),
            RecordColumn(
                self.tr("Soort"),
                lambda v: self.tr("Gezamenlijk") if v.joint else self.tr("Huisbezoek"),
            ),
            RecordColumn(self.tr("Partners"), lambda v: ", ".join(v.partner_names)),
            RecordColumn(self.tr("Status"), lambda v: v.status_label),
            RecordColumn(
                self.tr("Doel en uitkomst"),
                lambda v: f"{v.purpose} – {v.outcome_notes}" if v.outcome_notes else v.purpose,
            ),
        ]

    def row_id(self, row: VisitRow) -> str:
        return row.visit_id


class CaseAgendaModel(RecordTableModel[CaseAgendaEntry]):
    def make_columns(self) -> Sequence[RecordColumn[CaseAgendaEntry]]:
        return [
            RecordColumn(
                self.tr("Overleg"), lambda e: f"{e.starts_at:%d-%m-%Y %H:%M}", lambda e: e.starts_at
            ),
            RecordColumn(self.tr("Soort"), lambda e: e.type_label),
            RecordColumn(self.tr("Focusgebied"), lambda e: e.area),
            RecordColumn(self.tr("Status"), lambda e: e.status_label),
            RecordColumn(self.tr("Besluit"), lambda e: e.decision or ""),
        ]

    def row_id(self, row: CaseAgendaEntry) -> str:
        return row.item_id
