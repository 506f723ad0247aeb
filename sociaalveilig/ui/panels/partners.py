"""Beheer › Partners: the partner organisations that take part in Sociaal Veilig.

A partner is never deleted (actions, visits and meetings keep pointing at it): it is
deactivated instead, and then no longer offered in pickers. The service refuses to
deactivate an organisation that still has active users.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sociaalveilig.core.errors import StaleEdit
from sociaalveilig.services import partners
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.partners import PartnerInfo

from sociaalveilig.ui import errors
from sociaalveilig.ui.dialogs.partner import PartnerDialog
from sociaalveilig.ui.models.partner_table import PartnerTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.record_view import RecordView


class PartnersPanel(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_dialog: QWidget | None = None
        self._select_after_load: str | None = None
        self.model = PartnerTableModel(self)
        self.view = RecordView("partners", self)
        self.view.setModel(self.model)
        self.view.current_row_changed.connect(self._row_changed)
        self.view.activated_row.connect(self._row_activated)
        self.show_inactive = QCheckBox(self.tr("Ook niet-actieve organisaties tonen"), self)
        self.show_inactive.setObjectName("showInactivePartners")
        self.show_inactive.setChecked(True)
        self.show_inactive.toggled.connect(self._filter_toggled)
        self.add_button = QPushButton(self.tr("&Nieuwe organisatie…"), self)
        self.add_button.setObjectName("addPartner")
        self.add_button.clicked.connect(self.add_partner)
        self.edit_button = QPushButton(self.tr("&Wijzigen…"), self)
        self.edit_button.setObjectName("editPartner")
        self.edit_button.clicked.connect(self.edit_partner)
        self.active_button = QPushButton(self.tr("&Deactiveren"), self)
        self.active_button.setObjectName("togglePartner")
        self.active_button.clicked.connect(self.toggle_active)
        intro = QLabel(
            self.tr(
                "Organisaties die meedoen: politie, woningcorporaties, zorg en hulpverlening, "
                "gemeentelijke teams. Een organisatie wordt nooit verwijderd, alleen "
                "gedeactiveerd: eerdere acties, huisbezoeken en overleggen blijven kloppen."
            ),
            self,
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.active_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_inactive)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._row_changed(-1)

    def title(self) -> str:
        return self.tr("Partners")

    def refresh(self) -> None:
        inactive = self.show_inactive.isChecked()
        self.run(lambda ctx: partners.list_partners(ctx, include_inactive=inactive), self._loaded)

    def _loaded(self, rows: list[PartnerInfo]) -> None:
        selected = self.selected()
        keep = self._select_after_load or (selected.partner_id if selected else None)
        self._select_after_load = None
        self.model.set_rows(rows)
        self.view.fit_columns()
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.view.select_row(row)
        self._row_changed(self.view.current_row())

    def clear(self) -> None:
        self.model.clear()
        self._select_after_load = None
        self._row_changed(-1)

    def _filter_toggled(self, _on: bool) -> None:
        if self.ctx is not None:
            self.refresh()

    # ------------------------------------------------------------------ selection

    def selected(self) -> PartnerInfo | None:
        return self.model.row_object(self.view.current_row())

    def _row_changed(self, _row: int) -> None:
        partner = self.selected()
        self.edit_button.setEnabled(partner is not None)
        self.active_button.setEnabled(partner is not None)
        if partner is not None and not partner.active:
            self.active_button.setText(self.tr("&Activeren"))
        else:
            self.active_button.setText(self.tr("&Deactiveren"))

    def _row_activated(self, _row: int) -> None:
        self.edit_partner()

    # ------------------------------------------------------------------ changes

    def add_partner(self) -> PartnerDialog | None:
        return self.open_dialog(None)

    def edit_partner(self) -> PartnerDialog | None:
        partner = self.selected()
        return self.open_dialog(partner) if partner is not None else None

    def open_dialog(self, partner: PartnerInfo | None) -> PartnerDialog | None:
        if self.ctx is None:
            return None
        dialog = PartnerDialog(self.ctx, partner, self)
        dialog.setObjectName("partnerDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.stale.connect(self._changed_elsewhere)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, partner: PartnerInfo) -> None:
        self._select_after_load = partner.partner_id
        self.data_changed.emit()
        self.refresh()

    def toggle_active(self) -> None:
        partner = self.selected()
        if partner is None or self.ctx is None:
            return
        partner_id, version = partner.partner_id, partner.version

        def call(ctx: ServiceContext) -> PartnerInfo:
            if partner.active:
                return partners.deactivate_partner(ctx, partner_id, expected_version=version)
            return partners.reactivate_partner(ctx, partner_id, expected_version=version)

        if partner.active and not self.show_inactive.isChecked():
            self.show_inactive.blockSignals(True)
            self.show_inactive.setChecked(True)  # keep it in view after deactivating
            self.show_inactive.blockSignals(False)
        self.run(call, self._saved, self._refused)

    def _refused(self, exc: BaseException) -> None:
        errors.show_error(self, exc)
        if isinstance(exc, StaleEdit):
            self.refresh()  # another beheerder changed the organisation: shown now

    def _changed_elsewhere(self, _exc: object) -> None:
        """Another beheerder saved the organisation first: the list shows it."""
        self.refresh()
