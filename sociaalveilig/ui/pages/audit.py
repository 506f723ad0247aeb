"""Privacy: the audit viewer, the noodknop list, the retention terms and the purge, and a
person's own data (AVG art. 15). Each tab is a panel of its own in ``ui/audit/``.

What each role sees here (the services enforce the same):

- beheerder: the audit log (filters, paging newest first, CSV export, the chain check),
  the list of emergency accesses with their reasons, the retention terms (editable, with
  the legal basis) and the purge;
- coordinator: the art. 15 export for one person, the retention terms (read only) and the
  purge.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from sociaalveilig.core.enums import Role
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.audit.emergency_panel import EmergencyPanel, EmergencyTableModel
from sociaalveilig.ui.audit.labels import action_text, object_label
from sociaalveilig.ui.audit.log_panel import PAGE_SIZE, AuditLogPanel, AuditTableModel
from sociaalveilig.ui.audit.retention_panel import RetentionPanel, RetentionTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.panels.subject_request import SubjectRequestPanel

__all__ = [
    "PAGE_SIZE",
    "AuditPage",
    "AuditTableModel",
    "EmergencyTableModel",
    "RetentionTableModel",
    "action_text",
    "object_label",
]

# The page's older flat API (tests, the screenshot tool): each name lives on one panel.
_PANEL_NAMES: dict[str, tuple[str, ...]] = {
    "log_panel": (
        "chain_label", "chain_button", "person_edit", "object_edit", "user_combo",
        "action_combo", "outcome_combo", "from_check", "from_date", "to_check", "to_date",
        "search_button", "reset_button", "log_model", "log_view", "newer_button",
        "older_button", "page_label", "export_button", "apply_filter", "reset_filter",
        "current_filter", "older_page", "newer_page", "check_chain", "export_csv",
    ),
    "emergency_panel": ("emergency_model", "emergency_view", "emergency_label"),
    "retention_panel": (
        "retention_model", "retention_view", "rule_box", "term_spin", "basis_edit",
        "save_rule_button", "as_of_date", "purge_button", "purge_result", "save_rule", "purge",
    ),
    "subject_panel": (
        "subject_edit", "subject_find", "subject_button", "subject_result", "find_subject",
        "export_subject",
    ),
}  # fmt: skip


class AuditPage(Page):
    roles = frozenset({Role.BEHEERDER, Role.COORDINATOR})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded_tabs: set[int] = set()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("privacyTabs")
        self.log_panel = AuditLogPanel(self, self)
        self.emergency_panel = EmergencyPanel(self, self)
        self.retention_panel = RetentionPanel(self, self)
        self.subject_panel = SubjectRequestPanel(self.run, self)
        # The tabs by their older names.
        self.log_tab: QWidget = self.log_panel
        self.emergency_tab: QWidget = self.emergency_panel
        self.retention_tab: QWidget = self.retention_panel
        self.subject_tab: QWidget = self.subject_panel
        self.tabs.addTab(self.log_panel, self.tr("Auditlog"))
        self.tabs.addTab(self.emergency_panel, self.tr("Noodknop"))
        self.tabs.addTab(self.retention_panel, self.tr("Bewaartermijnen"))
        self.tabs.addTab(self.subject_panel, self.tr("Inzageverzoek (AVG art. 15)"))
        self.tabs.currentChanged.connect(lambda _index: self.refresh_if_needed())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def __getattr__(self, name: str) -> object:
        # Only reached for names not on the page itself: look them up on their panel.
        for panel, names in _PANEL_NAMES.items():
            if name in names:
                return getattr(self.__dict__.get(panel) or super().__getattribute__(panel), name)
        raise AttributeError(name)

    @property
    def page_size(self) -> int:
        return self.log_panel.page_size

    @page_size.setter
    def page_size(self, value: int) -> None:
        self.log_panel.page_size = value

    def title(self) -> str:
        return self.tr("Privacy")

    def set_context(self, ctx: ServiceContext | None) -> None:
        if ctx is not None:
            beheerder = ctx.actor.role is Role.BEHEERDER
            coordinator = ctx.actor.role is Role.COORDINATOR
            self.tabs.setTabVisible(self.tabs.indexOf(self.log_panel), beheerder)
            self.tabs.setTabVisible(self.tabs.indexOf(self.emergency_panel), beheerder)
            self.tabs.setTabVisible(self.tabs.indexOf(self.subject_panel), coordinator)
            self.retention_panel.rule_box.setVisible(beheerder)
            self.retention_panel.set_today(ctx.clock.now().date())
            first_visible = next(i for i in range(self.tabs.count()) if self.tabs.isTabVisible(i))
            self.tabs.setCurrentIndex(first_visible)
            self.log_panel.reset_for_context()
        super().set_context(ctx)

    def refresh(self) -> None:
        self._loaded_tabs = set()
        self.refresh_if_needed()

    def refresh_if_needed(self) -> None:
        """Load the current tab (once per refresh; tabs load when first shown)."""
        if self.ctx is None:
            return
        index = self.tabs.currentIndex()
        if index in self._loaded_tabs:
            return
        self._loaded_tabs.add(index)
        widget = self.tabs.widget(index)
        if widget is self.log_panel:
            self.log_panel.load()
        elif widget is self.emergency_panel:
            self.emergency_panel.load()
        elif widget is self.retention_panel:
            self.retention_panel.load()

    def clear(self) -> None:
        self.log_panel.clear()
        self.emergency_panel.clear()
        self.retention_panel.clear()
        self.subject_panel.clear()
        self._loaded_tabs = set()
