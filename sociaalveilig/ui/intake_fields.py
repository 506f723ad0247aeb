"""Small helpers of the intake form: the description's character counter, and the refusal
message that goes away once the field it names is changed."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sociaalveilig.core.csvimport import MAX_DESCRIPTION

# From here on the counter turns red: the limit is near.
NEAR_LIMIT = MAX_DESCRIPTION - 200


def dutch_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class DescriptionCounter(QLabel):
    """"n / 4.000" under the description; red near and over the limit."""

    def __init__(self, edit: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("descriptionCounter")
        self._edit = edit
        edit.textChanged.connect(self.update_count)
        self.update_count()

    def count(self) -> int:
        return len(self._edit.toPlainText())

    def is_warning(self) -> bool:
        return self.count() >= NEAR_LIMIT

    def update_count(self) -> None:
        n = self.count()
        text = self.tr("{n} / {max} tekens").format(
            n=dutch_number(n), max=dutch_number(MAX_DESCRIPTION)
        )
        if n > MAX_DESCRIPTION:
            text += " " + self.tr("(te lang: kort de omschrijving in)")
        self.setText(text)
        self.setStyleSheet(
            "color: #b00020; font-weight: bold;" if self.is_warning() else "color: #555;"
        )


class FieldErrorClearer(QObject):
    """Clears ``label`` when the field its last message named is changed by the user.
    ``fields`` maps the service's field names to the form's widgets; the message's field
    is set with ``arm`` (None: any change clears it); ``disarm`` for a message that is no
    refusal (e.g. "Bezig met opslaan…")."""

    def __init__(self, label: QLabel, fields: Mapping[str, QWidget]) -> None:
        super().__init__(label)
        self._label = label
        self._field: QWidget | None = None
        self._armed = False
        seen: set[int] = set()
        for widget in fields.values():
            if id(widget) in seen:
                continue
            seen.add(id(widget))
            self._watch(widget)

    def _watch(self, widget: QWidget) -> None:
        def changed(*_args: object, source: QWidget = widget) -> None:
            self._changed(source)

        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.textChanged.connect(changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(changed)
        elif isinstance(widget, QDateTimeEdit):
            widget.dateTimeChanged.connect(changed)
        elif hasattr(widget, "changed"):
            widget.changed.connect(changed)
        else:
            for button in widget.findChildren(QAbstractButton):
                button.toggled.connect(changed)
            model = getattr(widget, "model", None)
            if callable(model) and model() is not None:
                model().dataChanged.connect(changed)

    def arm(self, widget: QWidget | None) -> None:
        self._field = widget
        self._armed = True

    def disarm(self) -> None:
        self._field = None
        self._armed = False

    def _changed(self, source: QWidget) -> None:
        if not self._armed or not self._label.text():
            return
        field = self._field
        if field is None or source is field or field.isAncestorOf(source):
            self._label.clear()
            self.disarm()
