"""The parts of the intake form (``intake_dialog``), each its own responsibility.

The field sections (melding, adres, omschrijving, urgentie en Meldcode, melder en
betrokkenen) make their fields and add their rows to the dialog's one form layout, so the
labels of every section line up in one column; the proposal panel beside the form shows
what the program proposes for the address typed (place, routing, the case to choose).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QObject, Qt, QTime, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Source, Urgency
from sociaalveilig.core.postcode import is_valid_postcode, normalise_postcode
from sociaalveilig.services import signal_linking
from sociaalveilig.services.signals import IntakePreview

from sociaalveilig.ui.intake_case_choice import CaseChoiceBox
from sociaalveilig.ui.intake_fields import DescriptionCounter
from sociaalveilig.ui.meldcode_panel import MeldcodePanel
from sociaalveilig.ui.persons_editor import PersonsEditor


class DateTimeField(QDateTimeEdit):
    """A date-time edit that Tab leaves in one step (plain QDateTimeEdit tabs through day,
    month, year, hour and minute first). The arrow keys still move between the parts."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class MeldingSection(QObject):
    """When the signal came in, from which source and organisation, and of what kind."""

    def __init__(self, page: QWidget, now: datetime) -> None:
        super().__init__(page)
        self.received_edit = DateTimeField(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute)), page
        )
        self.received_edit.setObjectName("datum")
        self.received_edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.source_combo = QComboBox(page)
        self.source_combo.setObjectName("bron")
        for source in Source:
            self.source_combo.addItem(source.label, source.value)
        self.organisation_edit = QLineEdit(page)
        self.organisation_edit.setObjectName("organisatie")
        self.organisation_edit.setPlaceholderText(self.tr("bijv. de woningcorporatie"))
        self.category_combo = QComboBox(page)
        self.category_combo.setObjectName("categorie")

    def show_loading(self) -> None:
        self.category_combo.setEnabled(False)
        self.category_combo.addItem(self.tr("Categorieën laden…"), "")

    def fill_categories(self, categories: Sequence[tuple[str, str]]) -> None:
        """The active categories; the chosen one stays chosen."""
        combo = self.category_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for code, name in categories:
            combo.addItem(f"{name} ({code})", code)
        if not categories:
            combo.addItem(
                self.tr("Geen actieve categorieën: vraag de beheerder er een aan te zetten."), ""
            )
        index = combo.findData(current) if current else -1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.setEnabled(bool(categories))

    def show_categories_failed(self) -> None:
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("Categorieën konden niet worden geladen."), "")
        self.category_combo.setEnabled(False)

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Datum en tijd"), self.received_edit)
        form.addRow(self.tr("Bron"), self.source_combo)
        form.addRow(self.tr("Organisatie"), self.organisation_edit)
        form.addRow(self.tr("Categorie"), self.category_combo)


class AddressSection(QObject):
    """Postcode, house number and addition (what the preview needs), street and place."""

    # The postcode was rewritten as typed (upper case, ``6411 AB`` spacing).
    postcode_normalised = Signal()

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.postcode_edit = QLineEdit(page)
        self.postcode_edit.setObjectName("postcode")
        self.postcode_edit.setPlaceholderText("6411 AB")
        self.postcode_edit.setMaxLength(12)
        self.postcode_edit.textEdited.connect(self._normalise_postcode)
        self.house_number_edit = QLineEdit(page)
        self.house_number_edit.setObjectName("huisnummer")
        self.house_number_edit.setMaxLength(5)
        # Digits only: letters belong in the toevoeging.
        self.house_number_edit.setValidator(QIntValidator(1, 99999, self.house_number_edit))
        self.addition_edit = QLineEdit(page)
        self.addition_edit.setObjectName("toevoeging")
        self.addition_edit.setMaxLength(10)
        self.addition_edit.setPlaceholderText(self.tr("bijv. a"))
        self.street_edit = QLineEdit(page)
        self.street_edit.setObjectName("straat")
        self.city_edit = QLineEdit(page)
        self.city_edit.setObjectName("plaats")
        self._page = page

    def add_rows(self, form: QFormLayout) -> None:
        page = self._page
        number_row = QHBoxLayout()
        number_row.addWidget(self.house_number_edit, 2)
        number_row.addWidget(QLabel(self.tr("Toevoeging"), page))
        number_row.addWidget(self.addition_edit, 1)
        postcode_row = QHBoxLayout()
        postcode_row.addWidget(self.postcode_edit, 1)
        postcode_row.addWidget(QLabel(self.tr("Huisnummer"), page))
        postcode_row.addLayout(number_row, 2)
        street_row = QHBoxLayout()
        street_row.addWidget(self.street_edit, 2)
        street_row.addWidget(QLabel(self.tr("Plaats"), page))
        street_row.addWidget(self.city_edit, 1)
        form.addRow(self.tr("Postcode"), postcode_row)
        form.addRow(self.tr("Straat"), street_row)

    def edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.postcode_edit,
            self.house_number_edit,
            self.addition_edit,
            self.street_edit,
            self.city_edit,
        )

    def _normalise_postcode(self, text: str) -> None:
        """Upper case at once; ``6411 AB`` spacing as soon as it is a valid postcode."""
        shown = normalise_postcode(text) if is_valid_postcode(text) else text.upper()
        if shown != text:
            self.postcode_edit.blockSignals(True)
            self.postcode_edit.setText(shown)
            self.postcode_edit.blockSignals(False)
            self.postcode_edit.setCursorPosition(len(shown))
            self.postcode_normalised.emit()


class DescriptionSection(QObject):
    """What was seen or reported, with the characters left."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.description_edit = QPlainTextEdit(page)
        self.description_edit.setObjectName("omschrijving")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(80)
        self.description_edit.setMaximumHeight(140)
        self.description_edit.setPlaceholderText(
            self.tr("Wat is er gezien of gemeld? Feiten, geen oordelen. (Ctrl+Enter slaat op)")
        )
        self.description_counter = DescriptionCounter(self.description_edit, page)

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Omschrijving"), self.description_edit)
        form.addRow("", self.description_counter)


class UrgencySection(QObject):
    """The urgency, the note when a Meldcode category raised it, and the Meldcode's steps."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.urgency_combo = QComboBox(page)
        self.urgency_combo.setObjectName("urgentie")
        for urgency in Urgency:
            self.urgency_combo.addItem(urgency.label, urgency.value)
        self.urgency_combo.setCurrentIndex(self.urgency_combo.findData(Urgency.NORMAAL.value))
        self.urgency_note = QLabel(page)
        self.urgency_note.setObjectName("urgencyNote")
        self.urgency_note.setWordWrap(True)
        self.urgency_note.setStyleSheet("color: #b00020;")
        self.urgency_note.hide()
        self.meldcode = MeldcodePanel(page, ask_decision=True)
        self.meldcode.hide()

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Urgentie"), self.urgency_combo)
        form.addRow("", self.urgency_note)
        form.addRow(self.meldcode)


class ReporterSection(QObject):
    """Who reported it (empty: anonymous) and the persons involved."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.reporter_edit = QLineEdit(page)
        self.reporter_edit.setObjectName("melder")
        self.reporter_edit.setPlaceholderText(self.tr("leeg laten voor een anonieme melding"))
        self.persons_editor = PersonsEditor(page)
        self.persons_editor.setObjectName("betrokkene")

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Melder"), self.reporter_edit)
        form.addRow(self.tr("Betrokkenen"), self.persons_editor)


class ProposalPanel(QWidget):
    """Beside the form: the place, the routing and the case the program proposes."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("proposalPanel")
        self.setMinimumWidth(300)
        self.setMaximumWidth(380)
        heading = QLabel(self.tr("Voorstel van het programma"), self)
        heading_font = heading.font()
        heading_font.setBold(True)
        heading.setFont(heading_font)
        hint = QLabel(
            self.tr(
                "Plaats, routering en een open casus op dit adres verschijnen zodra postcode "
                "en huisnummer bekend zijn. Kies hieronder de casus; opslaan bevestigt."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.place_label = QLabel(self)
        self.place_label.setObjectName("placeLabel")
        self.place_label.setWordWrap(True)
        self.place_label.setMinimumHeight(self.fontMetrics().height() * 2)
        self.routing_label = QLabel(self)
        self.routing_label.setObjectName("routingPreview")
        self.routing_label.setWordWrap(True)
        self.routing_label.setTextFormat(Qt.TextFormat.RichText)
        self.case_box = CaseChoiceBox(self)
        self.case_hint = QLabel(self)
        self.case_hint.setObjectName("caseHint")
        self.case_hint.setWordWrap(True)
        self.case_hint.setStyleSheet("color: #555;")
        self.case_hint.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addWidget(self.place_label)
        layout.addSpacing(6)
        layout.addWidget(self.routing_label)
        layout.addSpacing(6)
        layout.addWidget(self.case_box)
        layout.addWidget(self.case_hint)
        layout.addStretch(1)
        self.show_place(None)

    def ask_house_number(self) -> None:
        self.place_label.setText(self.tr("Focusgebied: vul het huisnummer in"))

    def show_place(self, preview: IntakePreview | None) -> None:
        """The municipality and focus area of the preview, and where it would be routed."""
        if preview is None:
            self.place_label.setText(self.tr("Focusgebied: volgt uit de postcode"))
            self.routing_label.clear()
            return
        if preview.municipality_unknown:
            place = self.tr(
                "Postcode {pc} valt buiten de postcodetabel: gemeente onbekend. "
                "De coördinator controleert dit."
            ).format(pc=preview.postcode)
        elif preview.focus_area:
            place = self.tr("Focusgebied: {area} · gemeente {municipality}").format(
                area=preview.focus_area, municipality=preview.municipality
            )
        else:
            place = self.tr("Geen focusgebied · gemeente {municipality}").format(
                municipality=preview.municipality
            )
        self.place_label.setText(place)
        self.routing_label.setText(
            self.tr("Routering: <b>{target}</b><br>{reason}<br>Afhandelen vóór {due}.").format(
                target=html.escape(preview.routing.target.label),
                reason=html.escape(preview.routing.reason),
                due=preview.due_date.strftime("%d-%m-%Y"),
            )
        )

    def set_case_options(
        self,
        proposals: Sequence[signal_linking.LinkProposal],
        *,
        may_offer_new: bool,
        new_case_proposed: bool,
        outside: bool,
    ) -> None:
        """The cases to choose from; outside the user's own focus areas no new case."""
        self.case_box.set_options(
            proposals,
            may_offer_new,
            new_case_proposed=new_case_proposed,
            new_case_allowed=not outside,
        )
        self.case_hint.setText(
            self.tr(
                "Dit adres ligt buiten uw focusgebieden: registreer zonder casus, dan maakt "
                "de coördinator de casus."
            )
            if outside
            else ""
        )
        self.case_hint.setVisible(outside)
