"""A new passphrase typed twice, with a strength hint under the first field.

Used wherever a passphrase is chosen: adding a user, giving a deactivated user access again,
the user's own change, a change the sign-in asks for, and recovery. The policy itself (12
characters, a zxcvbn score of at least 3) is checked by the service; the bar shows the same
score as it is typed, and ``strength_hint`` words it the same way as at the first start.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from sociaalveilig.storage.keyslots import MIN_PASSPHRASE_LENGTH, passphrase_strength

COLOURS = {0: "#b00020", 1: "#b00020", 2: "#c77700", 3: "#2e7d32", 4: "#2e7d32"}


def strength_hint(score: int, typed: bool = True) -> str:
    """The hint under a new passphrase for a strength ``score`` (0..4); scores below 3
    are refused by the policy and say so."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("PassphraseFields", text)

    if not typed:
        # Nothing typed yet: say what is asked, not that it is too weak.
        return tr(
            "Minstens {n} tekens en niet makkelijk te raden. Een paar woorden die niets met "
            "elkaar te maken hebben is sterk en goed te onthouden."
        ).format(n=MIN_PASSPHRASE_LENGTH)
    hints = {
        0: tr(
            "Te zwak: te kort of te makkelijk te raden. Kies minstens {n} tekens, bijvoorbeeld "
            "een paar woorden die niets met elkaar te maken hebben."
        ),
        1: tr("Te zwak: te makkelijk te raden. Maak het langer, met een paar losse woorden."),
        2: tr("Te zwak: bijna goed. Nog een woord erbij maakt het sterk genoeg."),
        3: tr("Goed."),
        4: tr("Sterk."),
    }
    return hints[max(0, min(4, score))].format(n=MIN_PASSPHRASE_LENGTH)


class PassphraseFields(QObject):
    """Two password fields and a strength bar (children of ``parent``, the dialog); put
    them in the dialog's form with ``add_to``."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit(parent)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(parent)
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_bar = QProgressBar(parent)
        self.strength_bar.setObjectName("strengthBar")
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(8)
        self.strength_label = QLabel(parent)
        self.strength_label.setObjectName("strengthHint")
        self.strength_label.setWordWrap(True)
        self._user_inputs: tuple[str, ...] = ()
        self.passphrase.textChanged.connect(self._update_strength)
        self._update_strength("")

    def set_user_inputs(self, words: Sequence[str]) -> None:
        """Words an attacker would try first for this user (the name): they weaken the score
        as the policy counts them."""
        self._user_inputs = tuple(w for w in words if w)
        self._update_strength(self.passphrase.text())

    def add_to(self, form: QFormLayout, label: str, repeat_label: str) -> None:
        form.addRow(label, self.passphrase)
        form.addRow("", self.strength_bar)
        form.addRow("", self.strength_label)
        form.addRow(repeat_label, self.repeat)

    def text(self) -> str:
        return self.passphrase.text()

    def matches(self) -> bool:
        return self.passphrase.text() == self.repeat.text()

    def strength(self) -> int:
        return self.strength_bar.value()

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()

    def _update_strength(self, text: str) -> None:
        score = passphrase_strength(text, self._user_inputs)
        self.strength_bar.setValue(score)
        self.strength_label.setText(strength_hint(score, typed=bool(text)))
        self.strength_bar.setStyleSheet(
            f"QProgressBar::chunk {{ background-color: {COLOURS[score]}; }}"
            if text
            else ""
        )
