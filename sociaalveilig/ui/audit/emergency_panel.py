"""The noodknop list: every opening of a case or signal outside one's own area, with the
reason given, for the beheerder to check."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sociaalveilig.core.enums import Role
from sociaalveilig.services import access
from sociaalveilig.services.access import EmergencyAccess

from sociaalveilig.ui.audit.host import PanelHost
from sociaalveilig.ui.audit.labels import object_text, object_tooltip
from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel
from sociaalveilig.ui.record_view import RecordView


class EmergencyTableModel(RecordTableModel[EmergencyAccess]):
    COL_AT = 0
    COL_USER = 1
    COL_ROLE = 2
    COL_OBJECT = 3
    COL_REASON = 4

    def row_id(self, row: EmergencyAccess) -> str:
        return f"{row.at.isoformat()}|{row.username}|{row.reference}"

    def make_columns(self) -> Sequence[RecordColumn[EmergencyAccess]]:
        def role_label(value: str) -> str:
            try:
                return Role(value).label
            except ValueError:
                return value

        return (
            RecordColumn(
                self.tr("Tijd"), lambda e: e.at.strftime("%d-%m-%Y %H:%M"), lambda e: e.at
            ),
            RecordColumn(self.tr("Gebruiker"), lambda e: e.username),
            RecordColumn(self.tr("Rol"), lambda e: role_label(e.role)),
            RecordColumn(
                self.tr("Geopend"),
                lambda e: object_text(e.object_type, e.reference),
                tooltip=lambda e: object_tooltip(e.object_type, e.reference),
            ),
            RecordColumn(self.tr("Reden"), lambda e: e.purpose or "", tooltip=lambda e: e.purpose),
        )


class EmergencyPanel(QWidget):
    def __init__(self, host: PanelHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        intro = QLabel(
            self.tr(
                "Elke keer dat iemand een casus of signaal buiten het eigen werkgebied opende "
                "met de noodknop, met de opgegeven reden. Controleer of de reden het openen "
                "rechtvaardigde."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.emergency_model = EmergencyTableModel(self)
        self.emergency_view = RecordView("emergencyAccess", self)
        self.emergency_view.setModel(self.emergency_model)
        self.emergency_label = QLabel("", self)
        self.emergency_label.setObjectName("emergencyCount")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.emergency_view, 1)
        layout.addWidget(self.emergency_label)

    def load(self) -> None:
        self._host.run(access.list_emergency_access, self._emergencies)

    def clear(self) -> None:
        self.emergency_model.clear()
        self.emergency_label.clear()

    def _emergencies(self, rows: list[EmergencyAccess]) -> None:
        self.emergency_model.set_rows(rows)
        if rows:
            self.emergency_view.fit_columns()
        self.emergency_label.setText(
            self.tr("{n} keer de noodknop gebruikt.").format(n=len(rows))
            if rows
            else self.tr("De noodknop is nog niet gebruikt.")
        )
