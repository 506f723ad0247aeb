"""Beheer › Categorieën: names, main categories, meeting and handling term per category."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sociaalveilig.services import reference_data
from sociaalveilig.services.reference_data import CategoryInfo

from sociaalveilig.ui.dialogs.category import CategoryDialog
from sociaalveilig.ui.models.category_table import CategoryTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.record_view import RecordView


class CategoriesPanel(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._select_after_load: str | None = None
        self.model = CategoryTableModel(self)
        self.view = RecordView("categories", self)
        self.view.setModel(self.model)
        self.view.activated_row.connect(lambda _row: self.edit_category())
        self.show_retired = QCheckBox(self.tr("Ook vervallen categorieën tonen"), self)
        self.show_retired.setObjectName("showRetired")
        self.show_retired.toggled.connect(lambda _on: self.refresh())
        self.add_button = QPushButton(self.tr("&Nieuwe categorie…"), self)
        self.add_button.setObjectName("addCategory")
        self.edit_button = QPushButton(self.tr("&Wijzigen…"), self)
        self.edit_button.setObjectName("editCategory")
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self.edit_category)
        intro = QLabel(
            self.tr(
                "De behandeltermijn in werkdagen bepaalt wanneer een signaal over tijd is "
                "(weekenden en feestdagen tellen niet mee). Codes veranderen nooit."
            ),
            self,
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_retired)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def title(self) -> str:
        return self.tr("Categorieën")

    def refresh(self) -> None:
        retired = self.show_retired.isChecked()
        self.run(
            lambda ctx: reference_data.list_categories(ctx, include_inactive=retired),
            self._loaded,
        )

    def _loaded(self, rows: list[CategoryInfo]) -> None:
        selected = self.model.row_object(self.view.current_row())
        keep = self._select_after_load or (selected.code if selected else None)
        self._select_after_load = None
        self.model.set_rows(rows)
        self.view.fit_columns()
        if keep:
            self.view.select_row(self.model.row_of(keep))

    def clear(self) -> None:
        self.model.clear()

    def edit_category(self) -> None:
        category = self.model.row_object(self.view.current_row())
        if category is not None:
            self.open_dialog(category)

    def open_dialog(self, category: CategoryInfo | None) -> CategoryDialog | None:
        if self.ctx is None:
            return None
        mains = tuple(dict.fromkeys(c.main_category for c in self.model.rows))
        dialog = CategoryDialog(self.ctx, mains, category, self)
        dialog.setObjectName("categoryDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.stale.connect(self._changed_elsewhere)
        dialog.open()
        return dialog

    def _changed_elsewhere(self, _exc: object) -> None:
        """Another beheerder saved the category first: the list shows it."""
        self.refresh()

    def _saved(self, category: CategoryInfo) -> None:
        self._select_after_load = category.code
        self.data_changed.emit()
        self.refresh()
