"""The AVG art. 15 request (inzageverzoek): find the person, then export everything held
about them as a PDF and a JSON file (the coordinator; ``reports.api.subject_access_export``).

The person is found by name and birth year through the person picker (need-to-know applies
there too); a reference (``P-2026-000015``) may still be typed. What is typed that is not a
reference opens the picker with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.reports import api as reports_api
from sociaalveilig.services.case_lookup import PersonChoice
from sociaalveilig.services.subject_access import ExportResult

from sociaalveilig.ui.person_picker import PersonPicker

PERSON_REF = re.compile(r"^P-\d{4}-\d+$", re.IGNORECASE)

Runner = Callable[..., Any]
"""The page's ``run``: a service call with the page's context, off the GUI thread."""


class SubjectRequestPanel(QWidget):
    def __init__(self, run: Runner, parent: QWidget) -> None:
        super().__init__(parent)
        self._run = run
        self._page = parent
        self.picker: PersonPicker | None = None
        intro = QLabel(
            self.tr(
                "Vraagt iemand welke gegevens over hem of haar zijn vastgelegd (AVG artikel "
                "15)? Maak dan hier een PDF en een JSON-bestand met alles over die persoon: "
                "signalen, casussen, acties, huisbezoeken, opschalingen en wie de gegevens "
                "inzag. Gegevens over anderen worden weggelaten. Lees de PDF na voordat u "
                "hem afgeeft."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setObjectName("subjectRef")
        self.subject_edit.setPlaceholderText(
            self.tr("naam (en geboortejaar) of referentie, bijv. P-2026-000015")
        )
        self.subject_edit.returnPressed.connect(self._return_pressed)
        self.subject_find = QPushButton(self.tr("Persoon &zoeken…"), self)
        self.subject_find.setObjectName("subjectFind")
        self.subject_find.setAutoDefault(False)
        self.subject_find.clicked.connect(lambda: self.find_subject())
        self.subject_person = QLabel("", self)
        self.subject_person.setObjectName("subjectPerson")
        self.subject_button = QPushButton(self.tr("&Gegevens exporteren…"), self)
        self.subject_button.setObjectName("subjectExport")
        self.subject_button.clicked.connect(lambda: self.export_subject())
        self.subject_result = QLabel("", self)
        self.subject_result.setObjectName("subjectResult")
        self.subject_result.setWordWrap(True)
        self.subject_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Persoon"), self))
        row.addWidget(self.subject_edit, 1)
        row.addWidget(self.subject_find)
        row.addWidget(self.subject_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.subject_person)
        layout.addWidget(self.subject_result)
        layout.addStretch(1)

    def clear(self) -> None:
        """A lock: the name shown, what was typed and an open picker go."""
        self.subject_edit.clear()
        self.subject_person.clear()
        self.subject_result.clear()
        if self.picker is not None and shiboken6.isValid(self.picker):
            self.picker.close()
        self.picker = None

    # ------------------------------------------------------------------ the person

    def find_subject(self) -> PersonPicker | None:
        """The person picker, with what is typed (a name, a birth year)."""
        ctx = getattr(self._page, "ctx", None)
        if ctx is None:
            return None
        text = self.subject_edit.text().strip()
        picker = PersonPicker(
            ctx,
            self,
            title=self.tr("Persoon voor het inzageverzoek"),
            initial_text="" if PERSON_REF.match(text) else text,
        )
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self._chosen)
        self.picker = picker
        picker.open()
        return picker

    def _return_pressed(self) -> None:
        if PERSON_REF.match(self.subject_edit.text().strip()):
            self.export_subject()
        else:
            self.find_subject()

    def _chosen(self, person: PersonChoice) -> None:
        self.subject_edit.setText(person.reference)
        born = f", {person.birth_year}" if person.birth_year else ""
        cases = ", ".join(person.cases)
        self.subject_person.setText(
            self.tr("Gekozen: {name}{born} ({ref}){cases}").format(
                name=person.name,
                born=born,
                ref=person.reference,
                cases=self.tr("; casussen: {refs}").format(refs=cases) if cases else "",
            )
        )
        self.subject_button.setFocus()

    # ------------------------------------------------------------------ the export

    def export_subject(self, folder: Path | None = None) -> None:
        ref = self.subject_edit.text().strip().upper()
        if not ref:
            self.subject_result.setText(
                self.tr("Zoek eerst de persoon op naam, of vul de referentie in.")
            )
            return
        if not PERSON_REF.match(ref):
            self.find_subject()
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Map voor de PDF en het JSON-bestand")
            )
            if not chosen:
                return
            folder = Path(chosen)
        pdf = folder / f"inzage-{ref}.pdf"
        js = folder / f"inzage-{ref}.json"
        self._run(
            lambda c: reports_api.subject_access_export(c, ref, pdf, js),
            self._done,
            progress=self.tr("De gegevens worden verzameld…"),
        )

    def _done(self, result: ExportResult) -> None:
        self.subject_result.setText(
            self.tr(
                "Klaar: {signals} signalen, {cases} casussen en {accesses} vermeldingen van "
                "inzage voor {ref}.\nPDF: {pdf}\nJSON: {json}"
            ).format(
                signals=result.signals,
                cases=result.cases,
                accesses=result.accesses,
                ref=result.person_reference,
                pdf=result.pdf,
                json=result.json,
            )
        )
