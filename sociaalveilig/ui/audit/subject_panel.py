"""The inzageverzoek (AVG art. 15): a person's own data as a PDF and a JSON file."""

from __future__ import annotations

from pathlib import Path

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

from sociaalveilig.core.services import subject_access
from sociaalveilig.core.services.subject_access import ExportResult

from sociaalveilig.ui.audit.host import PanelHost


class SubjectAccessPanel(QWidget):
    """The coördinator's tab: one person's reference in, the export's files out."""

    def __init__(self, host: PanelHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
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
        self.subject_edit.setPlaceholderText(self.tr("bijv. P-2026-000015"))
        self.subject_button = QPushButton(self.tr("&Gegevens exporteren…"), self)
        self.subject_button.setObjectName("subjectExport")
        self.subject_button.clicked.connect(lambda: self.export_subject())
        self.subject_result = QLabel("", self)
        self.subject_result.setObjectName("subjectResult")
        self.subject_result.setWordWrap(True)
        self.subject_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Referentie van de persoon"), self))
        row.addWidget(self.subject_edit, 1)
        row.addWidget(self.subject_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.subject_result)
        layout.addStretch(1)

    def clear(self) -> None:
        self.subject_edit.clear()
        self.subject_result.clear()

    def export_subject(self, folder: Path | None = None) -> None:
        ctx = self._host.ctx
        ref = self.subject_edit.text().strip().upper()
        if ctx is None:
            return
        if not ref:
            self.subject_result.setText(self.tr("Vul de referentie van de persoon in."))
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
        self._host.run(
            lambda c: subject_access.export_person(c, ref, pdf, js),
            self._subject_done,
            progress=self.tr("De gegevens worden verzameld…"),
        )

    def _subject_done(self, result: ExportResult) -> None:
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
