"""The base of every form dialog that saves through a service.

Enter saves, Esc cancels. Saving runs the service off the GUI thread; while it runs the
buttons are disabled. A refused save (a ``ValidationError``, no access, a store problem) is
shown as a plain Dutch dialog and the form stays open with everything typed still in it;
the field the error names gets the focus, so the user can correct it at once.
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
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.operations import Operation, run_operation

T = TypeVar("T")


class ServiceFormDialog(QDialog):
    """A form (``self.form``) with Opslaan/Annuleren; subclasses call ``submit``."""

    saved = Signal(object)  # the service's result

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

        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(self.body)
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
        field = exc.field if isinstance(exc, ValidationError) else None
        widget = self._fields.get(field.casefold()) if field else None
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def refuse(self, message: str, field: str | None = None) -> None:
        """Refuse locally (before any service call), the same way the services do."""
        self.refused(ValidationError(message, field=field))
