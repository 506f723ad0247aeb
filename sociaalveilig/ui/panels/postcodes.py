"""Beheer › Postcodes: which municipality and focus area an address belongs to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services import reference_data
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.reference_data import AreaInfo, PostcodeInfo

from sociaalveilig.ui.dialogs.postcode import PostcodeDialog
from sociaalveilig.ui.models.postcode_table import PostcodeTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.record_view import RecordView


class PostcodesPanel(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[PostcodeInfo] = []
        self.municipalities: list[str] = []
        self.areas: list[AreaInfo] = []
        self._select_after_load: str | None = None
        self.model = PostcodeTableModel(self)
        self.view = RecordView("postcodes", self)
        self.view.setModel(self.model)
        self.view.activated_row.connect(lambda _row: self.edit_selected())
        self.search = QLineEdit(self)
        self.search.setObjectName("postcodeSearch")
        self.search.setPlaceholderText(self.tr("zoek op postcode, gemeente of focusgebied"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._apply_filter())
        search_label = QLabel(self.tr("&Zoeken:"), self)
        search_label.setBuddy(self.search)
        self.add_button = QPushButton(self.tr("Postcode &toevoegen…"), self)
        self.add_button.setObjectName("addPostcode")
        self.edit_button = QPushButton(self.tr("&Wijzigen…"), self)
        self.edit_button.setObjectName("editPostcode")
        self.remove_button = QPushButton(self.tr("&Verwijderen"), self)
        self.remove_button.setObjectName("removePostcode")
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.count = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        intro = QLabel(
            self.tr(
                "Een postcode buiten de tabel is geldig; de gemeente is dan 'onbekend' en de "
                "coördinator controleert het adres."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def title(self) -> str:
        return self.tr("Postcodes")

    def refresh(self) -> None:
        def load(
            ctx: ServiceContext,
        ) -> tuple[list[PostcodeInfo], list[str], list[AreaInfo]]:
            return (
                reference_data.list_postcodes(ctx),
                reference_data.list_municipalities(ctx),
                reference_data.list_focus_areas(ctx),
            )

        self.run(load, lambda result: self._loaded(*result))

    def _loaded(
        self, rows: list[PostcodeInfo], municipalities: list[str], areas: list[AreaInfo]
    ) -> None:
        self._all = rows
        self.municipalities = municipalities
        self.areas = areas
        self._apply_filter()
        self.view.fit_columns()

    def _apply_filter(self) -> None:
        selected = self.model.row_object(self.view.current_row())
        keep = self._select_after_load or (selected.code if selected else None)
        self._select_after_load = None
        words = self.search.text().casefold().split()
        rows = [
            row
            for row in self._all
            if all(
                word in f"{row.code} {row.code.replace(' ', '')} {row.municipality} "
                f"{row.focus_area or ''}".casefold()
                for word in words
            )
        ]
        self.model.set_rows(rows)
        self.count.setText(self.tr("{n} van {total}").format(n=len(rows), total=len(self._all)))
        if keep:
            self.view.select_row(self.model.row_of(keep))

    def clear(self) -> None:
        self._all = []
        self.model.clear()
        self.search.clear()
        self.count.clear()

    def edit_selected(self) -> None:
        entry = self.model.row_object(self.view.current_row())
        if entry is not None:
            self.open_dialog(entry)

    def open_dialog(self, entry: PostcodeInfo | None) -> PostcodeDialog | None:
        if self.ctx is None:
            return None
        dialog = PostcodeDialog(self.ctx, self.municipalities, self.areas, entry, self)
        dialog.setObjectName("postcodeDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, entry: PostcodeInfo) -> None:
        self._select_after_load = entry.code
        self.data_changed.emit()
        self.refresh()

    def remove_selected(self, confirm: bool = True) -> None:
        entry = self.model.row_object(self.view.current_row())
        if entry is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Postcode verwijderen"),
                self.tr("Postcode {code} uit de tabel halen?").format(code=entry.code),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        code = entry.code
        self.run(
            lambda ctx: reference_data.remove_postcode(ctx, code),
            lambda _none: self.refresh(),
            changes_data=True,
        )
