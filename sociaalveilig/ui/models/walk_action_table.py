"""The action list of a walk: each finding, its signal, case and the actions on that case."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.services.buurtschouw import WalkActionRow

from sociaalveilig.ui.models.finding_table import place_of
from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class WalkActionTableModel(RecordTableModel[WalkActionRow]):
    COL_FINDING = 0
    COL_PLACE = 1
    COL_SIGNAL = 2
    COL_CASE = 3
    COL_ACTIONS = 4

    def row_id(self, row: WalkActionRow) -> str:
        return row.finding.finding_id

    def signal(self, row: WalkActionRow) -> str:
        reference = row.finding.signal_reference
        if reference is None:
            return self.tr("geen signaal")
        status = row.signal_status.label.lower() if row.signal_status else ""
        return f"{reference} ({status})" if status else reference

    def actions_text(self, row: WalkActionRow) -> str:
        if not row.actions:
            return ""
        return "; ".join(
            self.tr("{type} – {owner}, {deadline}").format(
                type=a.action_type.label, owner=a.owner_name, deadline=f"{a.deadline:%d-%m-%Y}"
            )
            for a in row.actions
        )

    def make_columns(self) -> Sequence[RecordColumn[WalkActionRow]]:
        return (
            RecordColumn(self.tr("Bevinding"), lambda r: r.finding.item.label),
            RecordColumn(self.tr("Waar"), lambda r: place_of(r.finding)),
            RecordColumn(self.tr("Signaal"), self.signal,
                         attention=lambda r: r.finding.signal_id is None),
            RecordColumn(self.tr("Casus"), lambda r: r.case_reference or ""),
            RecordColumn(self.tr("Acties"), self.actions_text, lambda r: len(r.actions),
                         tooltip=lambda r: self.actions_text(r).replace("; ", "\n") or None),
        )
