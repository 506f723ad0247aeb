"""Asks the short text a signal's end needs: the result when it is handled, the reason when
it is rejected. Nothing is stored here: the caller runs the service with the text.

Keyboard: the text field has the focus; Ctrl+Enter confirms, Esc cancels. The confirm
button stays disabled until something is typed, so an empty result cannot be sent.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import SignalStatus

MAX_TEXT = 2000  # the history's reason limit (signal_records.MAX_REASON)


class SignalOutcomeDialog(QDialog):
    """``outcome``: SignalStatus.AFGEHANDELD (asks a result) or AFGEWEZEN (asks a reason)."""

    def __init__(
        self, reference: str, outcome: SignalStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signalOutcomeDialog")
        self.outcome = outcome
        handled = outcome is SignalStatus.AFGEHANDELD
        self.setWindowTitle(
            self.tr("Signaal afhandelen") if handled else self.tr("Signaal afwijzen")
        )
        intro = QLabel(
            (
                self.tr("Signaal {ref} afhandelen. Wat is het resultaat? (komt in de geschiedenis)")
                if handled
                else self.tr("Signaal {ref} afwijzen. Waarom? (komt in de geschiedenis)")
            ).format(ref=reference),
            self,
        )
        intro.setWordWrap(True)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("outcomeText")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMaximumHeight(120)
        self.text_edit.setPlaceholderText(
            self.tr("bijv. lamp vervangen door de gemeente")
            if handled
            else self.tr("bijv. dubbele melding van S-…")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("confirmOutcome")
        self.ok_button.setText(self.tr("Afhandelen") if handled else self.tr("Afwijzen"))
        self.ok_button.setToolTip(self.tr("Ctrl+Enter"))
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(self._typed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
        self.text_edit.setFocus()

    def _typed(self) -> None:
        text = self.text()
        self.ok_button.setEnabled(bool(text) and len(text) <= MAX_TEXT)

    def _confirm(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()
