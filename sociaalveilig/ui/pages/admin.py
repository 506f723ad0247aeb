"""Beheer (beheerder only): users and roles, partner organisations, categories and handling
terms, routing rules with a test box, the postcode table, backup and restore. Each tab is a
panel of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from sociaalveilig.core.enums import Role
from sociaalveilig.services import remote
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.panels.backup import BackupPanel
from sociaalveilig.ui.panels.categories import CategoriesPanel
from sociaalveilig.ui.panels.partners import PartnersPanel
from sociaalveilig.ui.panels.postcodes import PostcodesPanel
from sociaalveilig.ui.panels.routing_rules import RoutingRulesPanel
from sociaalveilig.ui.panels.users import UsersPanel
from sociaalveilig.ui.record_view import bind_layouts, save_layouts
from sociaalveilig.ui.settings import UiSettings


class AdminPage(Page):
    roles = frozenset({Role.BEHEERDER})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("adminTabs")
        self.users = UsersPanel(self.tabs)
        self.partners = PartnersPanel(self.tabs)
        self.categories = CategoriesPanel(self.tabs)
        self.routing = RoutingRulesPanel(self.tabs)
        self.postcodes = PostcodesPanel(self.tabs)
        self.backup = BackupPanel(self.tabs)
        self.panels: list[Page] = [
            self.users,
            self.partners,
            self.categories,
            self.routing,
            self.postcodes,
            self.backup,
        ]
        for panel in self.panels:
            panel.setObjectName(type(panel).__name__)
            self.tabs.addTab(panel, panel.title())
            panel.data_changed.connect(self.data_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return self.tr("Beheer")

    def set_context(self, ctx: ServiceContext | None) -> None:
        on_centre = ctx is not None and remote.is_remote(ctx)
        for panel in self.panels:
            # A centre's backup and restore are done on its server, not at a desk.
            panel.set_context(None if on_centre and panel is self.backup else ctx)
        index = self.tabs.indexOf(self.backup)
        self.tabs.setTabEnabled(index, not on_centre)
        self.tabs.setTabToolTip(
            index,
            self.tr(
                "Op een centrum maakt de beheerder van de server de back-ups "
                "(sociaalveilig-server backup); hier is er niets te doen."
            )
            if on_centre
            else "",
        )
        super().set_context(ctx)

    def set_settings(self, settings: UiSettings) -> None:
        bind_layouts(self, settings)

    def save_layout(self) -> None:
        save_layouts(self)

    def refresh(self) -> None:
        for panel in self.panels:
            panel.mark_stale()

    def mark_stale(self) -> None:
        super().mark_stale()
        for panel in self.panels:
            panel.mark_stale()

    def clear(self) -> None:
        for panel in self.panels:
            panel.clear()
