"""Add a partner organisation, or rename one and change its kind of source."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sociaalveilig.core.enums import Source
from sociaalveilig.services import partners
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.partners import MAX_NAME, PartnerInfo

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog


def save_partner(
    ctx: ServiceContext,
    partner: PartnerInfo | None,
    name: str,
    source: str,
    version: int | None = None,
) -> PartnerInfo:
    """Add, or rename and re-source an existing partner (runs on a worker thread). An
    edit is based on ``version``; the second step on the version the first one stored."""
    if partner is None:
        return partners.add_partner(ctx, name, source)
    result = partner
    if " ".join(name.split()) != partner.name:
        result = partners.rename_partner(
            ctx, partner.partner_id, name, expected_version=version
        )
        version = result.version
    if source != partner.source_type.value:
        result = partners.set_partner_source(
            ctx, partner.partner_id, source, expected_version=version
        )
    return result


class PartnerDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        partner: PartnerInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.partner = partner
        self.set_version(partner.version if partner else None)
        self.setWindowTitle(
            self.tr("Organisatie wijzigen") if partner else self.tr("Nieuwe organisatie")
        )
        self.set_intro(
            self.tr(
                "Een nieuwe naam geldt overal waar de organisatie al voorkomt: acties, "
                "huisbezoeken, overleggen en gebruikers."
            )
            if partner
            else self.tr(
                "Een organisatie is daarna te kiezen als eigenaar van een actie, partner bij "
                "een huisbezoek of overleg, casusregisseur en organisatie van een gebruiker."
            )
        )
        self.name = QLineEdit(self)
        self.name.setObjectName("partnerName")
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("bijv. Woningcorporatie Parkstad"))
        self.source = QComboBox(self)
        self.source.setObjectName("partnerSource")
        for kind in Source:
            self.source.addItem(kind.label, kind.value)
        self.source.setCurrentIndex(self.source.findData(Source.GEMEENTE.value))
        if partner is not None:
            self.name.setText(partner.name)
            self.source.setCurrentIndex(self.source.findData(partner.source_type.value))
        self.add_row(self.tr("&Naam:"), self.name, "name")
        self.add_row(self.tr("&Soort bron:"), self.source, "source_type")
        self.resize(460, self.sizeHint().height())

    def on_save(self) -> None:
        partner = self.partner
        name = self.name.text()
        source = str(self.source.currentData())
        version = self.expected_version
        self.submit(lambda ctx: save_partner(ctx, partner, name, source, version))
