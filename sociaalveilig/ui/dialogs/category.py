"""Change a category (name, main category, meeting, handling term, active) or add one.
The code of an existing category never changes."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from sociaalveilig.core.enums import MeetingType
from sociaalveilig.services import reference_data
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.reference_data import MAX_TERM_DAYS, CategoryInfo, CategoryInput

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog


class CategoryDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        main_categories: tuple[str, ...],
        category: CategoryInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(
            self.tr("Categorie wijzigen") if category else self.tr("Nieuwe categorie")
        )
        self.set_intro(
            self.tr(
                "Een nieuwe termijn geldt voor signalen die vanaf nu binnenkomen. Een categorie "
                "die niet meer gebruikt wordt, zet u op niet actief; de code blijft bestaan."
            )
        )
        self.code = QLineEdit(self)
        self.code.setObjectName("categoryCode")
        self.code.setMaxLength(20)
        self.code.setPlaceholderText("bijv. VE-VUUR")
        self.name = QLineEdit(self)
        self.name.setObjectName("categoryName")
        self.name.setMaxLength(120)
        self.main = QComboBox(self)
        self.main.setObjectName("categoryMain")
        self.main.setEditable(True)
        self.main.addItems(list(main_categories))
        self.meeting = QComboBox(self)
        self.meeting.setObjectName("categoryMeeting")
        for kind in MeetingType:
            self.meeting.addItem(kind.label, kind.name)
        self.term = QSpinBox(self)
        self.term.setObjectName("categoryTerm")
        self.term.setRange(1, MAX_TERM_DAYS)
        self.term.setSuffix(self.tr(" werkdagen"))
        self.term.setValue(10)
        self.active = QCheckBox(self.tr("Actief (te kiezen bij nieuwe signalen)"), self)
        self.active.setObjectName("categoryActive")
        self.active.setChecked(True)
        self.add_row(self.tr("&Code:"), self.code, "code")
        self.add_row(self.tr("&Naam:"), self.name, "naam")
        self.add_row(self.tr("&Hoofdcategorie:"), self.main, "hoofdcategorie")
        self.add_row(self.tr("&Overleg:"), self.meeting, "overleg")
        self.add_row(self.tr("&Behandeltermijn:"), self.term, "termijn")
        self.add_row("", self.active)
        self.set_version(category.version if category is not None else None)
        if category is not None:
            self.code.setText(category.code)
            self.code.setReadOnly(True)
            self.name.setText(category.name)
            self.main.setCurrentText(category.main_category)
            self.meeting.setCurrentIndex(self.meeting.findData(category.meeting.name))
            self.term.setValue(category.term_days)
            self.active.setChecked(category.active)
        self.resize(480, self.sizeHint().height())

    def on_save(self) -> None:
        inp = CategoryInput(
            code=self.code.text(),
            name=self.name.text(),
            main_category=self.main.currentText(),
            meeting=str(self.meeting.currentData()),
            term_days=self.term.value(),
            active=self.active.isChecked(),
        )
        version = self.expected_version
        self.submit(
            lambda ctx: reference_data.save_category(ctx, inp, expected_version=version)
        )
