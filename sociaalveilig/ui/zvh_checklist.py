"""The ZVH criteria checklist of one case, with the recorded facts beside it.

The program proposes; a person decides. The ticks are what a person judged and recorded
(``cases.set_zvh_criteria``); under them the facts on the case (its signals, by date,
category and source) and the program's advice (``cases.escalation_advice``) with its reasons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.escalation import EscalationProposal, ZvhCriteria, missing_criteria
from sociaalveilig.services.cases import CaseDetail

# The order of ZvhCriteria.explain(): the checklist lines as DOMAIN.md states them.
FIELDS = (
    "multiple_life_domains",
    "criminal_or_nuisance_behaviour",
    "chain_cooperation_needed",
    "affects_family_or_surroundings",
    "serious_local_safety_trouble",
)


class ZvhChecklist(QGroupBox):
    save_requested = Signal(object)  # ZvhCriteria
    escalate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zvhChecklist")
        self.setTitle(self.tr("ZVH-criteria"))
        self.detail: CaseDetail | None = None
        self.advice: EscalationProposal | None = None
        self.boxes: list[QCheckBox] = []
        rule = QLabel(
            self.tr(
                "Voldoet als 1 én 2 én 3 gelden, én 4 of 5. Het programma stelt voor; u "
                "beslist."
            ),
            self,
        )
        rule.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(rule)
        for number, (label, _holds) in enumerate(ZvhCriteria().explain(), start=1):
            box = QCheckBox(f"{number}. {label}", self)
            box.setObjectName(f"zvh_{FIELDS[number - 1]}")
            box.toggled.connect(self._changed)
            self.boxes.append(box)
            layout.addWidget(box)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("zvhVerdict")
        font = self.verdict.font()
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)

        self.facts_label = QLabel(self.tr("Vastgelegde feiten (signalen op de casus):"), self)
        self.facts = QListWidget(self)
        self.facts.setObjectName("zvhFacts")
        self.facts.setMaximumHeight(110)
        self.facts.setAlternatingRowColors(True)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.facts)
        self.advice_label = QLabel(self)
        self.advice_label.setObjectName("zvhAdvice")
        self.advice_label.setWordWrap(True)
        self.advice_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.advice_label)

        self.save_button = QPushButton(self.tr("Criteria &vastleggen"), self)
        self.save_button.setObjectName("saveZvh")
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.criteria()))
        self.escalate_button = QPushButton(self.tr("Casus &opschalen…"), self)
        self.escalate_button.setObjectName("escalateCase")
        self.escalate_button.clicked.connect(self.escalate_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.escalate_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.show_case(None, None)

    # ------------------------------------------------------------------ content

    def criteria(self) -> ZvhCriteria:
        ticks = zip(FIELDS, self.boxes, strict=True)
        return ZvhCriteria(**{name: box.isChecked() for name, box in ticks})

    def recorded(self) -> ZvhCriteria | None:
        return self.detail.zvh if self.detail is not None else None

    def show_case(
        self,
        detail: CaseDetail | None,
        advice: EscalationProposal | None,
        may_change: bool = True,
    ) -> None:
        self.detail = detail
        self.advice = advice
        criteria = detail.zvh if detail is not None else ZvhCriteria()
        for name, box in zip(FIELDS, self.boxes, strict=True):
            box.blockSignals(True)
            box.setChecked(bool(getattr(criteria, name)))
            box.setEnabled(detail is not None and may_change)
            box.blockSignals(False)
        self.facts.clear()
        if detail is None:
            self.setTitle(self.tr("ZVH-criteria"))
            self.verdict.clear()
            self.advice_label.setText(self.tr("Kies een opschaling of zoek een casus op."))
            self.save_button.setEnabled(False)
            self.escalate_button.setEnabled(False)
            return
        self.setTitle(self.tr("ZVH-criteria van casus {ref}").format(ref=detail.reference))
        signals = [entry for entry in detail.timeline if entry.kind == "signaal"]
        for entry in sorted(signals, key=lambda e: e.at):
            reference = f"{entry.reference} · " if entry.reference else ""
            self.facts.addItem(f"{entry.at:%d-%m-%Y}  {reference}{entry.title}")
        if not signals:
            self.facts.addItem(self.tr("Geen signalen op deze casus."))
        if advice is None:
            self.advice_label.setText("")
        elif advice.propose:
            target = advice.target.label if advice.target else ""
            self.advice_label.setText(
                self.tr("Voorstel: opschalen naar {target}.\n{reasons}").format(
                    target=target, reasons="\n".join(f"• {r}" for r in advice.reasons)
                )
            )
        else:
            self.advice_label.setText(self.tr("Het programma stelt nu geen opschaling voor."))
        self.save_button.setEnabled(False)
        self.escalate_button.setEnabled(may_change)
        self._changed()

    def _changed(self) -> None:
        if self.detail is None:
            return
        criteria = self.criteria()
        if criteria.met():
            self.verdict.setText(self.tr("Voldoet aan de ZVH-criteria."))
        else:
            # The same words as the escalation dialogs and the service use.
            self.verdict.setText(
                self.tr("Voldoet niet: {missing}.").format(missing=missing_criteria(criteria))
            )
        self.save_button.setEnabled(
            any(box.isEnabled() for box in self.boxes) and criteria != self.detail.zvh
        )
