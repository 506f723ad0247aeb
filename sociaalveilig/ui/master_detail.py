"""The master-detail page, written once: a list of records beside (or above) the chosen
record's detail and actions.

Buurtschouwen, Overleggen and Huisbezoeken share it. The page

- loads the list off the GUI thread, and only the latest load is applied: an older one
  finishing later would drop the selection the latest was asked to make;
- keeps the chosen record chosen across reloads (after a change, a filter, a lock);
- chooses a record by id after a load: what Vandaag, a reminder or a timeline use to land
  on a record (``show_record``), and what a page asks for after planning one;
- builds the list column with its "nothing here" text in the list's place.

A subclass gives the hooks: ``rows_loader`` (the service call for the current filters),
``show_rows`` (put the loaded rows in the list), ``chosen_id`` (the record whose detail
shows), ``choose`` (choose a record by id) and ``choose_default`` (no record was asked for,
or it is no longer in the list).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.document_output import DocumentOutput
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.record_view import RecordView, show_empty_text_inside

L = TypeVar("L")
D = TypeVar("D", bound=QWidget)


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class MasterDetailPage(Page, Generic[L]):
    """A page of records with the chosen one's detail; ``L`` is what one load returns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_dialog: QWidget | None = None
        self.last_pdf: Path | None = None
        self._select_after_load: str | None = None
        self._generation = 0

    # ------------------------------------------------------------------ hooks

    def rows_loader(self, ctx: ServiceContext) -> Callable[[ServiceContext], L]:
        """The service call that loads the list for the current filters (runs off the GUI
        thread; read the filters here, on the GUI thread)."""
        raise NotImplementedError

    def show_rows(self, loaded: L) -> None:
        """Put what ``rows_loader`` returned in the list (and show or hide the empty text)."""
        raise NotImplementedError

    def chosen_id(self) -> str | None:
        """The id of the record whose detail shows, or None."""
        raise NotImplementedError

    def choose(self, record_id: str) -> bool:
        """Choose the record in the list and show its detail; False when it is not listed."""
        raise NotImplementedError

    def choose_default(self) -> None:
        """After a load where no record was asked for, or it is not listed any more."""

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        load = self.rows_loader(ctx)
        chosen = self.chosen_id()
        if self._select_after_load is None and chosen is not None:
            self._select_after_load = chosen
        self._generation += 1
        generation = self._generation
        self.run(load, lambda loaded: self._rows_arrived(generation, loaded))

    def _rows_arrived(self, generation: int, loaded: L) -> None:
        if generation != self._generation:
            return
        self.show_rows(loaded)
        wanted, self._select_after_load = self._select_after_load, None
        if wanted is None or not self.choose(wanted):
            self.choose_default()

    def load_choosing(self, record_id: str | None) -> None:
        """Load the list now and choose ``record_id`` in it (the page sets its week, month
        or filters first)."""
        self._select_after_load = record_id
        # Loaded here with the choice: showing the page must not load it again without.
        self._stale = False
        self.refresh()

    def changed_choosing(self, record_id: str) -> None:
        """After this page changed a record: tell the other pages, reload, keep it chosen."""
        self.data_changed.emit()
        self._select_after_load = record_id
        self.refresh()

    def forget_choice(self) -> None:
        """The lock: no record is to be chosen after the next load."""
        self._select_after_load = None

    # ------------------------------------------------------------------ dialogs, documents

    def open_dialog(self, dialog: D, name: str | None = None) -> D:
        """Open a dialog without blocking; it deletes itself when closed."""
        if name is not None:
            dialog.setObjectName(name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def deliver_document(self, output: DocumentOutput, to_printer: bool) -> Callable[[Path], None]:
        """What to do with a made PDF: print it or show it, a plain message if that fails."""

        def deliver(path: Path) -> None:
            self.last_pdf = path
            try:
                if to_printer:
                    output.print(path, self)
                else:
                    output.show(path, self)
            except Exception as exc:  # viewer or printer: a plain message
                errors.show_error(self, exc)

        return deliver

    # ------------------------------------------------------------------ building blocks

    def fill_area_filter(self, combo: QComboBox, areas: Sequence[_Named]) -> None:
        """All focus areas and then each one; the chosen area stays chosen."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Alle focusgebieden"), None)
        for area in areas:
            combo.addItem(area.name, area.name)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def clear_area_filter(self, combo: QComboBox) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.blockSignals(False)


def list_column(
    parent: QWidget, view: QAbstractScrollArea, empty: QLabel, *above: QWidget
) -> QWidget:
    """The master column: ``above`` (a calendar), the list, and the list's "nothing here"
    text standing in the list's place, not below it."""
    column = QWidget(parent)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in above:
        layout.addWidget(widget)
    layout.addWidget(view, 1)
    layout.addWidget(empty)
    show_empty_text_inside(view, empty)
    return column


def master_detail_splitter(
    parent: QWidget,
    master: QWidget,
    detail: QWidget,
    orientation: Qt.Orientation,
    stretch: tuple[int, int],
    sizes: tuple[int, int] | None = None,
) -> QSplitter:
    """The list and the detail side by side (or one above the other); the list is never
    collapsed away, and beside each other neither is the detail."""
    splitter = QSplitter(orientation, parent)
    splitter.addWidget(master)
    splitter.addWidget(detail)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setCollapsible(0, False)
    if orientation is Qt.Orientation.Horizontal:
        splitter.setCollapsible(1, False)
    if sizes is not None:
        splitter.setSizes(list(sizes))
    return splitter


def heading_label(parent: QWidget, name: str) -> QLabel:
    """The bold heading over the chosen record (or the week shown)."""
    label = QLabel(parent)
    label.setObjectName(name)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def choose_row(view: RecordView, row: int, row_chosen: Callable[[int], None]) -> bool:
    """``MasterDetailPage.choose`` for a ``RecordView`` master: select ``row`` (-1: not
    listed) and show its detail."""
    if row < 0:
        return False
    view.select_row(row)
    # select_row says nothing when the row was current already: show its detail anyway.
    row_chosen(row)
    return True


__all__ = [
    "MasterDetailPage",
    "choose_row",
    "heading_label",
    "list_column",
    "master_detail_splitter",
]
