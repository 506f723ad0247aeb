"""Ask for a reason or note and save it through a service (cancel a visit, afschaling...).

The service decides whether the text is required; a refusal keeps the text typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog

ReasonCall = Callable[[ServiceContext, str, int | None], Any]
"""The service call: the text, and the version of the record the dialog edits (None for
an addition: a review note)."""


class ReasonDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        title: str,
        prompt: str,
        call: ReasonCall,
        parent: QWidget | None = None,
        *,
        label: str | None = None,
        field_names: tuple[str, ...] = ("reason", "reden", "note", "toelichting"),
        save_text: str | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(ctx, title, parent)
        self._call = call
        self.set_version(version)
        self.set_intro(prompt)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("reasonText")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.add_row(label or self.tr("&Toelichting:"), self.text)
        for name in field_names:
            self.register_field(name, self.text)
        if save_text:
            self.save_button.setText(save_text)
        # Enter makes a new line in the text; Ctrl+Enter saves.
        QShortcut(QKeySequence("Ctrl+Return"), self, self.on_save)
        self.resize(480, self.sizeHint().height())

    def on_save(self) -> None:
        reason = self.text.toPlainText()
        call, version = self._call, self.expected_version
        self.submit(lambda ctx: call(ctx, reason, version))
