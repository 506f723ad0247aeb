"""Ask before a double booking: a partner or the address already has a home visit then.

The services refuse a clash (``VisitClash``) until it is confirmed; a visit dialog shows
this question and, when the user goes ahead, saves again with ``confirm_clash=True``.
Here, in the dialog, the address and time of the other visit may be shown (no names).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from sociaalveilig.services.visit_clashes import Clash, VisitClash


def _t(text: str) -> str:
    return QCoreApplication.translate("ClashConfirm", text)


def clash_lines(clashes: tuple[Clash, ...]) -> list[str]:
    lines = []
    for clash in clashes:
        when = _t("{day} {start}–{end}").format(
            day=f"{clash.start:%d-%m-%Y}", start=f"{clash.start:%H:%M}", end=f"{clash.end:%H:%M}"
        )
        case = clash.case_reference or "—"
        if clash.partners:
            lines.append(
                _t("{partners} is op {when} al bij een huisbezoek op {address} (casus {case}).")
                .format(partners=", ".join(clash.partners), when=when, address=clash.address,
                        case=case)
            )
        else:
            lines.append(
                _t("Op {address} staat op {when} al een huisbezoek (casus {case}).").format(
                    address=clash.address, when=when, case=case
                )
            )
    return lines


class ClashQuestion(QMessageBox):
    """"Dubbele boeking": go ahead anyway, or go back and choose another time (default,
    Esc)."""

    def __init__(self, exc: VisitClash, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clashQuestion")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(_t("Dubbele boeking"))
        self.setText(_t("Dit huisbezoek valt samen met een ander gepland huisbezoek."))
        self.setInformativeText(
            "\n".join(clash_lines(exc.clashes))
            + "\n\n"
            + _t("Toch plannen, of terug om een andere tijd of andere partners te kiezen?")
        )
        self.confirm_button: QPushButton = self.addButton(
            _t("&Toch plannen"), QMessageBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setObjectName("confirmClash")
        self.back_button: QPushButton = self.addButton(
            _t("&Andere tijd kiezen"), QMessageBox.ButtonRole.RejectRole
        )
        self.back_button.setObjectName("backFromClash")
        self.setDefaultButton(self.back_button)
        self.setEscapeButton(self.back_button)


def ask_about_clash(
    parent: QWidget, exc: VisitClash, go_ahead: Callable[[], object]
) -> ClashQuestion:
    """Show the question (window-modal, not blocking); ``go_ahead`` runs on "Toch plannen"."""
    box = ClashQuestion(exc, parent)

    def answered(_result: int) -> None:
        if box.clickedButton() is box.confirm_button:
            go_ahead()
        box.deleteLater()

    box.finished.connect(answered)
    box.open()
    return box


__all__ = ["ClashQuestion", "ask_about_clash", "clash_lines"]
