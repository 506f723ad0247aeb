"""The one way to choose a case: type a reference, an address, a postcode or a person's name.

Keyboard first: the search field has the focus; typing searches (after a short pause, off
the GUI thread, within the user's need-to-know: ``case_lookup.find_cases``); Down moves
into the results; Enter chooses the current result (from the field too); Esc cancels.
``LookupDialog`` is the shared mechanics; ``person_picker`` uses it for persons.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Role
from sociaalveilig.services import case_lookup
from sociaalveilig.services.case_lookup import CaseChoice
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.record_view import RecordView

R = TypeVar("R")
SEARCH_DELAY_MS = 250


class LookupDialog(QDialog, Generic[R]):
    """Search field over a result list; ``chosen`` with the row object on Enter or OK."""

    chosen = Signal(object)

    def __init__(
        self,
        ctx: ServiceContext,
        title: str,
        prompt: str,
        model: RecordTableModel[R],
        search: Callable[[ServiceContext, str], Sequence[R]],
        parent: QWidget | None = None,
        initial_text: str = "",
        *,
        search_empty: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._search_empty = search_empty
        self.setModal(True)
        self._ctx = ctx
        self._search = search
        self._generation = 0
        self._searching = False
        self._choose_after = False
        self.value: R | None = None

        intro = QLabel(prompt, self)
        intro.setWordWrap(True)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("lookupSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.model = model
        model.setParent(self)
        self.view = RecordView("lookupResults", self, sortable=False)
        self.view.setModel(model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.activated_row.connect(self._choose_row)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("lookupStatus")
        self.status_label.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Kiezen"))
        self.ok_button.setObjectName("lookupChoose")
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.choose_current)
        self.buttons.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self.choose_current)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.search_edit, self.view)
        self.resize(640, 380)
        self.search_edit.setText(initial_text)
        self.search_edit.setFocus()

    # ------------------------------------------------------------------ searching

    def search_now(self) -> None:
        """Search for what is typed (off the GUI thread); an older answer is dropped."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        text = self.search_edit.text().strip()
        if not text and not self._search_empty:
            self._searching = False
            self.model.clear()
            self.status_label.setText(self.empty_prompt())
            self.ok_button.setEnabled(False)
            return
        self.status_label.setText(self.tr("Zoeken…"))
        self._searching = True
        ctx, search = self._ctx, self._search
        run_operation(
            self,
            lambda: list(search(ctx, text)),
            lambda rows: self._found(generation, rows),
            lambda exc: self._failed(generation, exc),
        )

    def _found(self, generation: int, rows: list[R]) -> None:
        if generation != self._generation:
            return
        self._searching = False
        self.model.set_rows(rows)
        if rows:
            self.view.select_row(0)
            self.status_label.setText(
                self.tr("{n} gevonden. Pijl omlaag kiest in de lijst, Enter neemt over.").format(
                    n=len(rows)
                )
            )
        else:
            self.status_label.setText(self.nothing_found())
        self.ok_button.setEnabled(bool(rows))
        choose, self._choose_after = self._choose_after, False
        if choose and len(rows) == 1:
            self.choose_current()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._searching = False
        self._choose_after = False
        self.model.clear()
        self.ok_button.setEnabled(False)
        self.status_label.setText(str(exc))

    def empty_prompt(self) -> str:
        return ""

    def nothing_found(self) -> str:
        return self.tr("Niets gevonden. Probeer een deel van de naam, straat of referentie.")

    # ------------------------------------------------------------------ choosing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                self.view.setFocus()
                if self.view.current_row() < 0:
                    self.view.select_row(0)
                return True
        return super().eventFilter(watched, event)

    def _choose_row(self, row: int) -> None:
        self.view.select_row(row)
        self.choose_current()

    def choose_current(self) -> None:
        if self._timer.isActive() or self._searching:
            # Enter right after typing: search first; a single result is then taken, more
            # are shown to choose from.
            self._choose_after = True
            if self._timer.isActive():
                self.search_now()
            return
        row = self.model.row_object(self.view.current_row())
        if row is None:
            return
        self.value = row
        self.chosen.emit(row)
        self.accept()


class CaseChoiceModel(RecordTableModel[CaseChoice]):
    def make_columns(self) -> Sequence[RecordColumn[CaseChoice]]:
        return [
            RecordColumn(self.tr("Casus"), lambda c: c.reference),
            RecordColumn(self.tr("Adres"), lambda c: c.address),
            RecordColumn(self.tr("Status"), lambda c: c.status_label),
            RecordColumn(self.tr("Focusgebied"), lambda c: c.focus_area or ""),
            RecordColumn(self.tr("Betrokkene"), lambda c: ", ".join(c.persons)),
        ]

    def row_id(self, row: CaseChoice) -> str:
        return row.case_id


class CasePicker(LookupDialog[CaseChoice]):
    """Choose a case the user may see. ``chosen`` carries the ``CaseChoice``."""

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        open_only: bool = False,
        initial_text: str = "",
    ) -> None:
        def search(c: ServiceContext, text: str) -> list[CaseChoice]:
            return case_lookup.find_cases(c, text, open_only=open_only)

        super().__init__(
            ctx,
            title or self.tr("Casus kiezen"),
            self.tr(
                "Zoek de casus op referentie, straat, postcode, plaats of de naam van een "
                "betrokkene (een deel is genoeg)."
            ),
            CaseChoiceModel(),
            search,
            parent,
            initial_text,
        )
        self.setObjectName("casePicker")
        self.view.fit_columns({0: 110, 1: 240, 2: 100, 3: 150})
        self.status_label.setText(self.empty_prompt())
        if initial_text.strip():
            self.search_now()

    def empty_prompt(self) -> str:
        return self.tr("Typ bijvoorbeeld C-2026-00042, Akerstraat, 6411 of een naam.")


def pick_case(
    parent: QWidget,
    ctx: ServiceContext,
    on_chosen: Callable[[CaseChoice], Any],
    *,
    title: str | None = None,
    open_only: bool = False,
    initial_text: str = "",
) -> CasePicker:
    """Open the picker (window-modal, not blocking); ``on_chosen`` gets the case."""
    picker = CasePicker(ctx, parent, title=title, open_only=open_only, initial_text=initial_text)
    picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    picker.chosen.connect(on_chosen)
    picker.open()
    return picker


CASE_REFERENCE = re.compile(r"^C-\d{4}-\d+$", re.IGNORECASE)
PICKING_ROLES = frozenset({Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER})


CASE_ID = re.compile(r"^[0-9a-f]{32}$")


def is_case_reference(text: str) -> bool:
    """A case reference (``C-2026-00042``) or a case's id, as the services take them."""
    value = text.strip()
    return bool(CASE_REFERENCE.match(value) or CASE_ID.match(value))


class CaseFindButton(QToolButton):
    """A "Zoeken…" button beside a field where a case reference may be typed: opens the picker with
    what is typed, and puts the chosen case's reference in the field (then ``chosen``).
    Hidden for a user who does not choose cases (the manager types a reference)."""

    chosen = Signal(object)  # CaseChoice

    def __init__(
        self,
        field: QLineEdit,
        context: Callable[[], ServiceContext | None],
        parent: QWidget | None = None,
        *,
        open_only: bool = False,
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{field.objectName()}Find")
        self.setText(self.tr("Zoeken…"))
        self.setToolTip(
            self.tr("De casus zoeken op adres, postcode of naam van een betrokkene (F4).")
        )
        self._field = field
        self._context = context
        self._open_only = open_only
        self._title = title
        self.picker: CasePicker | None = None
        self.clicked.connect(lambda: self.open_picker())
        QShortcut(
            QKeySequence(Qt.Key.Key_F4),
            field,
            self.open_picker,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

    def may_pick(self) -> bool:
        ctx = self._context()
        return ctx is not None and ctx.actor.role in PICKING_ROLES

    def refresh(self) -> None:
        """Shown only to users who choose cases (call after a context change)."""
        self.setVisible(self.may_pick())

    def open_picker(self) -> CasePicker | None:
        ctx = self._context()
        if ctx is None or not self.may_pick():
            return None
        typed = self._field.text().strip()
        self.picker = pick_case(
            self.window(),
            ctx,
            self._chosen,
            title=self._title,
            open_only=self._open_only,
            initial_text="" if is_case_reference(typed) else typed,
        )
        return self.picker

    def _chosen(self, choice: CaseChoice) -> None:
        self._field.setText(choice.reference)
        self._field.setFocus()
        self.chosen.emit(choice)


__all__ = [
    "CaseChoiceModel",
    "CaseFindButton",
    "CasePicker",
    "LookupDialog",
    "is_case_reference",
    "pick_case",
]
