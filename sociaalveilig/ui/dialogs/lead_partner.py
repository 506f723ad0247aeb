"""Choose the casusregisseur (lead partner) of a case from the active partners."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from sociaalveilig.services import cases
from sociaalveilig.services.cases import CaseDetail
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog


class LeadPartnerDialog(ServiceFormDialog):
    """``choices``: (partner id, name) of the active partners (``partners.partner_choices``)."""

    def __init__(
        self,
        ctx: ServiceContext,
        detail: CaseDetail,
        choices: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.detail = detail
        self.setWindowTitle(self.tr("Casusregisseur kiezen"))
        self.set_intro(
            self.tr(
                "De casusregisseur is de partner die de aanpak van casus {ref} coördineert "
                "en het aanspreekpunt is voor de andere partners."
            ).format(ref=detail.reference)
        )
        self.partner = QComboBox(self)
        self.partner.setObjectName("leadPartner")
        self.partner.addItem(self.tr("(nog geen casusregisseur)"), None)
        for partner_id, name in choices:
            self.partner.addItem(name, partner_id)
        current = detail.lead_partner_id
        if current is not None and self.partner.findData(current) < 0:
            # No longer active: shown so the choice is visible; keeping it changes nothing.
            self.partner.addItem(
                self.tr("{name} (niet meer actief)").format(name=detail.lead_partner or "?"),
                current,
            )
        self.partner.setCurrentIndex(max(0, self.partner.findData(current)))
        self.add_row(self.tr("&Casusregisseur:"), self.partner, "casusregisseur")
        self.set_version(detail.version)
        self.resize(440, self.sizeHint().height())

    def chosen(self) -> str | None:
        value = self.partner.currentData()
        return str(value) if value else None

    def on_save(self) -> None:
        chosen = self.chosen()
        if chosen == self.detail.lead_partner_id:
            self.reject()  # nothing changed
            return
        case_id, version = self.detail.case_id, self.expected_version
        self.submit(
            lambda ctx: cases.set_lead_partner(ctx, case_id, chosen, expected_version=version)
        )
