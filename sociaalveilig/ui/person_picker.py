"""Choose a person involved (betrokkene) by name and birth year, within need-to-know.

The same keyboard-first lookup as the case picker (``case_picker.LookupDialog``): type part
of the name ("gerda", "fictief 1961"; accents and case do not matter), Down into the
results, Enter chooses, Esc cancels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from sociaalveilig.services import case_lookup
from sociaalveilig.services.case_lookup import PersonChoice
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.case_picker import LookupDialog
from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class PersonChoiceModel(RecordTableModel[PersonChoice]):
    def make_columns(self) -> Sequence[RecordColumn[PersonChoice]]:
        return [
            RecordColumn(self.tr("Naam"), lambda p: p.name),
            RecordColumn(
                self.tr("Geboortejaar"), lambda p: str(p.birth_year) if p.birth_year else ""
            ),
            RecordColumn(self.tr("Referentie"), lambda p: p.reference),
            RecordColumn(self.tr("Casussen"), lambda p: ", ".join(p.cases)),
        ]

    def row_id(self, row: PersonChoice) -> str:
        return row.person_id


class PersonPicker(LookupDialog[PersonChoice]):
    """``chosen`` carries the ``PersonChoice``."""

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        initial_text: str = "",
    ) -> None:
        super().__init__(
            ctx,
            title or self.tr("Betrokkene zoeken"),
            self.tr(
                "Zoek de persoon op (een deel van) de naam en eventueel het geboortejaar, "
                "bijvoorbeeld \u201cgerda 1961\u201d."
            ),
            PersonChoiceModel(),
            case_lookup.find_persons,
            parent,
            initial_text,
        )
        self.setObjectName("personPicker")
        self.view.fit_columns({0: 200, 1: 100, 2: 130})
        self.status_label.setText(self.empty_prompt())
        if initial_text.strip():
            self.search_now()

    def empty_prompt(self) -> str:
        return self.tr("Typ een deel van de naam; een geboortejaar maakt het preciezer.")

    def nothing_found(self) -> str:
        return self.tr(
            "Niemand gevonden die u mag zien. Controleer de spelling of laat het geboortejaar weg."
        )


__all__ = ["PersonChoiceModel", "PersonPicker"]
