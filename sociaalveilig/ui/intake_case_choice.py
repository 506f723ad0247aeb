"""The intake's case choice: an open case proposed for linking (same address or person),
a new case, or no case.

The program never opens a case unasked: "Nieuwe casus" is never preselected. Where the
category is about a person or household (``core/case_proposal.py``) the new case is
*proposed*, marked as such, and the user chooses it; otherwise the default is "Geen casus"
(or the open case proposed for linking, DOMAIN.md Linking).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services.signal_intake import NEW_CASE, NO_CASE
from sociaalveilig.services.signal_linking import LinkProposal


class CaseChoiceBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Casus"))
        self.setObjectName("caseChoice")
        self.case_layout = QVBoxLayout(self)
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        # What the user picked (a click or a key), kept when the options are rebuilt.
        self._picked: str | None = None
        self.buttons.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        self._picked = str(button.property("choice"))

    def set_options(
        self,
        proposals: Sequence[LinkProposal],
        may_offer_new: bool,
        new_case_proposed: bool,
        new_case_allowed: bool,
    ) -> None:
        """Rebuild the options. ``may_offer_new``: the role may make cases at all;
        ``new_case_allowed``: here, at this address (a wijkagent's own focus areas);
        ``new_case_proposed``: the category is about a person or household."""
        previous = self._picked
        for button in self.buttons.buttons():
            self.buttons.removeButton(button)
            button.deleteLater()
        while self.case_layout.count():
            item = self.case_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        options: list[tuple[str, str, str]] = []
        for proposal in proposals:
            if proposal.on_address:
                text = self.tr("Open casus op dit adres: {ref} ({status})")
            else:
                text = self.tr("Open casus {ref} ({status}), zelfde betrokkene")
            text = text.format(ref=proposal.reference, status=proposal.status.label)
            options.append((proposal.case_id, text, proposal.explanation))
        if may_offer_new:
            why = ""
            text = self.tr("Nieuwe casus op dit adres")
            if new_case_proposed and new_case_allowed and not proposals:
                text = self.tr("Nieuwe casus op dit adres (voorgesteld)")
                why = self.tr(
                    "Voorgesteld omdat dit signaal over een persoon of huishouden gaat. "
                    "Kies het zelf als er een casus moet komen."
                )
            options.append((NEW_CASE, text, why))
        options.append((NO_CASE, self.tr("Geen casus (alleen routeren)"), ""))
        ids = [choice for choice, _, _ in options]
        # A choice the user made stays; otherwise the open case proposed for linking, and
        # never a new case on the program's own account.
        if previous in ids and not (previous == NEW_CASE and not new_case_allowed):
            wanted = previous
        else:
            wanted = proposals[0].case_id if proposals else NO_CASE
        for choice, text, explanation in options:
            button = QRadioButton(text, self)
            button.setProperty("choice", choice)
            button.setChecked(choice == wanted)
            button.setToolTip(explanation)
            if choice == NEW_CASE:
                button.setObjectName("newCaseOption")
            self.buttons.addButton(button)
            self.case_layout.addWidget(button)
            if explanation:
                label = QLabel(explanation, self)
                label.setWordWrap(True)
                label.setStyleSheet("color: #555; margin-left: 22px;")
                self.case_layout.addWidget(label)

    def choice(self) -> str:
        button = self.buttons.checkedButton()
        return str(button.property("choice")) if button is not None else NO_CASE

    def choose(self, choice: str) -> bool:
        for button in self.buttons.buttons():
            if button.property("choice") == choice:
                button.setChecked(True)
                self._picked = choice
                return True
        return False

    def forget_choice(self) -> None:
        """A new form (the next signal): nothing picked yet."""
        self._picked = None

    def new_case_proposed(self) -> bool:
        return any(
            b.property("choice") == NEW_CASE and "voorgesteld" in b.text()
            for b in self.buttons.buttons()
        )
