"""One page of the audit log as a table model, in Dutch."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QObject

from sociaalveilig.services.audit_labels import AuditNames
from sociaalveilig.services.auditlog import AuditRow

from sociaalveilig.ui.audit.labels import action_text, object_text, object_tooltip
from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class AuditTableModel(RecordTableModel[AuditRow]):
    """One page of the log in Dutch: who by name, what as verb and noun, which object by
    its reference or name (``set_names``); the stored codes in the tooltips, to compare
    with an export."""

    COL_AT = 0
    COL_USER = 1
    COL_ROLE = 2
    COL_ACTION = 3
    COL_OBJECT = 4
    COL_PERSON = 5
    COL_PURPOSE = 6
    COL_OUTCOME = 7

    def __init__(self, parent: QObject | None = None) -> None:
        self._names = AuditNames()
        super().__init__(parent)

    def set_names(self, names: AuditNames) -> None:
        """The names for the rows about to be shown (before ``set_rows``)."""
        self._names = names

    def row_id(self, row: AuditRow) -> str:
        return str(row.entry_id)

    def object_text(self, row: AuditRow) -> str:
        name = self._names.object_name(row.object_type, row.object_id)
        return object_text(row.object_type, name if name is not None else row.object_id)

    def make_columns(self) -> Sequence[RecordColumn[AuditRow]]:
        return (
            RecordColumn(
                self.tr("Tijd"),
                lambda r: r.at.strftime("%d-%m-%Y %H:%M:%S") if r.at != datetime.min else r.at_utc,
                lambda r: (r.at_utc, r.entry_id),
                tooltip=lambda r: self.tr("UTC: {at} · regel {id}").format(
                    at=r.at_utc, id=r.entry_id
                ),
            ),
            RecordColumn(
                self.tr("Gebruiker"),
                lambda r: self._names.user_name(r.username),
                tooltip=lambda r: r.username,
            ),
            RecordColumn(self.tr("Rol"), lambda r: r.role_label),
            RecordColumn(
                self.tr("Actie"),
                lambda r: action_text(r.action, r.action_label),
                tooltip=lambda r: r.action,
            ),
            RecordColumn(
                self.tr("Object"),
                self.object_text,
                tooltip=lambda r: object_tooltip(r.object_type, r.object_id),
            ),
            RecordColumn(self.tr("Persoon"), lambda r: r.person_ref or ""),
            RecordColumn(
                self.tr("Doel / reden"), lambda r: r.purpose or "", tooltip=lambda r: r.purpose
            ),
            RecordColumn(
                self.tr("Uitkomst"),
                lambda r: r.outcome_label,
                attention=lambda r: r.outcome != "ok",
            ),
        )
