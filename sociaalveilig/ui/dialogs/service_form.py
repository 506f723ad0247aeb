"""The base of every form dialog that saves through a service.

Enter saves, Esc cancels. Saving runs the service off the GUI thread; while it runs the
buttons are disabled. A refused save (a ``ValidationError``, no access, a store problem) is
shown as a plain Dutch dialog and the form stays open with everything typed still in it;
the field the error names gets the focus, so the user can correct it at once.

An edit of a stored record names the version the dialog was opened on
(``expected_version``). When another user saved the record in between, the service refuses
with ``StaleEdit`` (who changed what): the form stays open with the user's input, the
message stays in view above the buttons, ``stale`` tells the opener to show the record's
fresh values, and *Mijn invoer opnieuw toepassen* saves the same input again on the version
now stored (only when the user chooses it: the other change is overwritten then, seen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.errors import StaleEdit, ValidationError
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.operations import Operation, run_operation

T = TypeVar("T")


class ServiceFormDialog(QDialog):
    """A form (``self.form``) with Opslaan/Annuleren; subclasses call ``submit``."""

    saved = Signal(object)  # the service's result
    stale = Signal(object)  # the StaleEdit: the record changed; the opener refreshes it

    def __init__(
        self, ctx: ServiceContext, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setModal(True)
        self._fields: dict[str, QWidget] = {}
        self._busy = False
        self.last_error: BaseException | None = None
        self.error_box: QMessageBox | None = None
        self.result_value: Any = None
        self.expected_version: int | None = None
        """The version of the record the form was filled from; subclasses send it with
        the save (read at save time: re-applying moves it to the version now stored)."""
        self._stale: StaleEdit | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setVisible(False)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Opslaan"))
        self.save_button.setDefault(True)
        self.save_button.setObjectName("saveButton")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.on_save)
        self.buttons.rejected.connect(self.reject)

        self.stale_note = QLabel(self)
        self.stale_note.setObjectName("staleNote")
        self.stale_note.setWordWrap(True)
        self.stale_note.setStyleSheet("color: #8a4b00;")
        self.stale_note.setVisible(False)
        self.reapply_button = QPushButton(self.tr("Mijn invoer opnieuw &toepassen"), self)
        self.reapply_button.setObjectName("reapplyButton")
        self.reapply_button.setAutoDefault(False)
        self.reapply_button.setToolTip(
            self.tr(
                "Sla uw invoer op over de nieuwe gegevens heen; de wijziging van de ander "
                "gaat dan verloren waar uw invoer dezelfde gegevens raakt."
            )
        )
        self.reapply_button.setVisible(False)
        self.reapply_button.clicked.connect(self.reapply)

        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(self.body)
        layout.addWidget(self.stale_note)
        layout.addWidget(self.reapply_button)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ subclass API

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        """A labelled row; ``field`` is the name a ValidationError uses for it."""
        self.form.addRow(label, widget)
        if field is not None:
            self.register_field(field, widget)
        return widget

    def set_version(self, version: int | None) -> None:
        """The version of the record the form was filled from (an edit); None: an
        addition, which never conflicts."""
        self.expected_version = version

    def reapply(self) -> None:
        """Save the same input again on the version now stored (after a ``StaleEdit``)."""
        if self._stale is None or self._busy:
            return
        # None when the error came without it (the centre told only its message): the
        # same input is then saved without a check, as the user just chose.
        self.expected_version = self._stale.current_version
        self._stale = None
        self.reapply_button.setVisible(False)
        self.on_save()

    def register_field(self, field: str, widget: QWidget) -> None:
        self._fields[field.casefold()] = widget

    def on_save(self) -> None:
        """Called by Enter and the Opslaan button: gather the input and ``submit``."""
        raise NotImplementedError

    def submit(
        self,
        call: Callable[[ServiceContext], T],
        on_saved: Callable[[T], None] | None = None,
        *,
        progress: str | None = None,
    ) -> Operation[T] | None:
        """Run ``call(ctx)`` off the GUI thread. Success: ``saved`` and close. Failure: a
        Dutch dialog, the form stays open with its contents."""
        if self._busy:
            return None
        self._busy = True
        self.buttons.setEnabled(False)
        ctx = self.ctx

        def done(result: T) -> None:
            self._busy = False
            self.buttons.setEnabled(True)
            self.result_value = result
            if on_saved is not None:
                on_saved(result)
            self.saved.emit(result)
            self.accept()

        return run_operation(self, lambda: call(ctx), done, self.refused, progress=progress)

    def refused(self, exc: BaseException) -> None:
        """Show why the save was refused and keep everything typed."""
        self._busy = False
        self.buttons.setEnabled(True)
        self.last_error = exc
        self.error_box = errors.show_error(self, exc)
        if isinstance(exc, StaleEdit):
            self._stale = exc
            self.stale_note.setText(exc.message)
            self.stale_note.setVisible(True)
            self.reapply_button.setVisible(True)
            self.stale.emit(exc)
            return
        field = exc.field if isinstance(exc, ValidationError) else None
        widget = self._fields.get(field.casefold()) if field else None
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def refuse(self, message: str, field: str | None = None) -> None:
        """Refuse locally (before any service call), the same way the services do."""
        self.refused(ValidationError(message, field=field))
