"""Add a person involved (betrokkene) to a case: name, birth year and role, nothing more."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sociaalveilig.services import cases
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import DEFAULT_PERSON_ROLE, PersonInput

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog

# Suggestions only: the role is free text (at most a few words).
ROLE_SUGGESTIONS = (DEFAULT_PERSON_ROLE, "bewoner", "huurder", "ouder", "kind", "eigenaar")


class AddPersonDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        case_id: str,
        case_reference: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.case_id = case_id
        self.setWindowTitle(self.tr("Betrokkene toevoegen"))
        self.set_intro(
            self.tr(
                "Betrokkene bij casus {ref}. Leg alleen vast wat het werk nodig heeft: "
                "naam, geboortejaar en rol."
            ).format(ref=case_reference)
        )
        self.name = QLineEdit(self)
        self.name.setObjectName("personName")
        self.name.setMaxLength(200)
        self.birth_year = QLineEdit(self)
        self.birth_year.setObjectName("personBirthYear")
        self.birth_year.setMaxLength(4)
        self.birth_year.setPlaceholderText(self.tr("bijv. 1979; mag leeg blijven"))
        self.role = QComboBox(self)
        self.role.setObjectName("personRole")
        self.role.setEditable(True)
        self.role.addItems(list(ROLE_SUGGESTIONS))
        self.add_row(self.tr("&Naam:"), self.name, "betrokkene")
        self.add_row(self.tr("&Geboortejaar:"), self.birth_year, "geboortejaar")
        self.add_row(self.tr("&Rol:"), self.role, "rol")
        self.register_field("name", self.name)
        self.save_button.setText(self.tr("Toevoegen"))
        self.resize(440, self.sizeHint().height())
        self.name.setFocus()

    def person(self) -> PersonInput | None:
        """What was typed, or None (and a refusal shown) when the birth year is no year."""
        year_text = self.birth_year.text().strip()
        if year_text and not year_text.isdigit():
            self.refuse(
                self.tr(
                    "Geboortejaar '{text}' is geen jaartal; typ vier cijfers of laat het leeg."
                ).format(text=year_text),
                "geboortejaar",
            )
            return None
        return PersonInput(
            name=self.name.text(),
            birth_year=int(year_text) if year_text else None,
            role=self.role.currentText().strip() or DEFAULT_PERSON_ROLE,
        )

    def on_save(self) -> None:
        person = self.person()
        if person is None:
            return
        case_id = self.case_id
        self.submit(lambda ctx: cases.add_person(ctx, case_id, person))
