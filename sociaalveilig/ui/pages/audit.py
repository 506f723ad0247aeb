"""Privacy: the audit viewer, the noodknop list, the retention terms and the purge, and a
person's own data (AVG art. 15).

What each role sees here (the services enforce the same):

- beheerder: the audit log (filters, paging newest first, CSV export, the chain check),
  the list of emergency accesses with their reasons, the retention terms (editable, with
  the legal basis) and the purge;
- coordinator: the art. 15 export for one person, the retention terms (read only) and the
  purge.

Every query runs in the database through the services, off the GUI thread; the table only
ever holds one page of the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Role
from sociaalveilig.core.services import access, auditlog, autobackup, retention
from sociaalveilig.core.services.access import EmergencyAccess
from sociaalveilig.core.services.auditlog import (
    AuditCursor,
    AuditFilter,
    AuditResult,
    AuditRow,
    ChainStatus,
)
from sociaalveilig.core.services.context import ServiceContext
from sociaalveilig.core.services.retention import PurgeResult, RetentionRuleInfo
from sociaalveilig.storage.files import write_text_atomic

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.panels.subject_request import SubjectRequestPanel
from sociaalveilig.ui.record_view import RecordView

PAGE_SIZE = 200
_OK_STYLE = "color: #1b6e2a; font-weight: bold;"
_BAD_STYLE = "color: #b02020; font-weight: bold;"


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditPage", text)


# The log stores object types as code names (``case_list``); the beheerder reads Dutch.
_OBJECT_LABELS: dict[str, str] = {
    "case": "casus",
    "signal": "signaal",
    "action": "actie",
    "escalation": "opschaling",
    "person": "betrokkene",
    "visit": "huisbezoek",
    "meeting": "overleg",
    "agenda_item": "agendapunt",
    "agenda_proposals": "agendavoorstellen",
    "buurtschouw": "buurtschouw",
    "finding": "bevinding",
    "focus_area": "focusgebied",
    "user": "gebruiker",
    "partner": "partner",
    "store": "opslag",
    "audit_log": "auditlog",
    "routing_rule": "routeringsregel",
    "retention_rule": "bewaartermijn",
    "postcode": "postcode",
    "category": "categorie",
    "settings": "instellingen",
    "reminder": "herinnering",
    "case_list": "casussenlijst",
    "person_list": "betrokkenen (zoeken op naam)",
    "signal_list": "signalenlijst",
    "action_list": "actielijst",
    "escalation_list": "opschalingenlijst",
    "meeting_list": "overleggenlijst",
    "visit_list": "huisbezoekenlijst",
    "user_list": "gebruikerslijst",
    "walk_action_list": "actielijst buurtschouw",
    "emergency_access_list": "noodknoplijst",
    "triage_list": "te beoordelen signalen",
    "worklist_overdue": "werklijst te laat",
    "worklist_week": "werklijst deze week",
}


# Actions the core has no Dutch label for yet (``auditlog.action_label`` returns the code).
_ACTION_LABELS: dict[str, str] = {
    "list": "Lijst bekijken",
    "link_proposal": "Koppelvoorstel",
    "unlink": "Ontkoppelen",
    "status": "Status gewijzigd",
    "risk": "Risico gewijzigd",
    "lead_partner": "Casusregisseur gekozen",
    "add_person": "Betrokkene toegevoegd",
    "escalation_advice": "Opschalingsadvies",
    "zvh_criteria": "ZVH-criteria vastgelegd",
    "move": "Verplaatst",
    "delete": "Verwijderen",
    "send": "Versturen",
    "settings": "Instellingen gewijzigd",
    "change_role": "Rol gewijzigd",
    "deactivate": "Toegang ingetrokken",
    "reactivate": "Toegang hersteld",
    "reminder_done": "Herinnering gedaan",
    "reminder_snooze": "Herinnering uitgesteld",
    "view_routing": "Routering bekijken",
}


def action_text(code: str, core_label: str) -> str:
    """The core's Dutch label, or ours where the core shows the bare code."""
    if core_label != code:
        return core_label
    label = _ACTION_LABELS.get(code)
    return _t(label) if label is not None else code


def object_label(object_type: str | None) -> str:
    """The Dutch name of an audit object type; an unknown type is shown as stored."""
    if not object_type:
        return ""
    label = _OBJECT_LABELS.get(object_type)
    return _t(label) if label is not None else object_type


def _object_text(object_type: str | None, name: str | None) -> str:
    return " ".join(p for p in (object_label(object_type), name) if p)


def _object_tooltip(object_type: str | None, name: str | None) -> str:
    """The stored form, for a beheerder who compares with an export."""
    return " ".join(p for p in (object_type, name) if p)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _stamp(day: date) -> str:
    return day.strftime("%d-%m-%Y")


# --------------------------------------------------------------------------- table models


class AuditTableModel(RecordTableModel[AuditRow]):
    COL_AT = 0
    COL_USER = 1
    COL_ROLE = 2
    COL_ACTION = 3
    COL_OBJECT = 4
    COL_PERSON = 5
    COL_PURPOSE = 6
    COL_OUTCOME = 7

    def row_id(self, row: AuditRow) -> str:
        return str(row.entry_id)

    def make_columns(self) -> Sequence[RecordColumn[AuditRow]]:
        return (
            RecordColumn(
                self.tr("Tijd"),
                lambda r: r.at.strftime("%d-%m-%Y %H:%M:%S"),
                lambda r: (r.at_utc, r.entry_id),
                tooltip=lambda r: self.tr("UTC: {at} · regel {id}").format(
                    at=r.at_utc, id=r.entry_id
                ),
            ),
            RecordColumn(self.tr("Gebruiker"), lambda r: r.username),
            RecordColumn(self.tr("Rol"), lambda r: r.role_label),
            RecordColumn(
                self.tr("Actie"),
                lambda r: action_text(r.action, r.action_label),
                tooltip=lambda r: r.action,
            ),
            RecordColumn(
                self.tr("Object"),
                lambda r: _object_text(r.object_type, r.object_id),
                tooltip=lambda r: _object_tooltip(r.object_type, r.object_id),
            ),
            RecordColumn(self.tr("Persoon"), lambda r: r.person_ref or ""),
            RecordColumn(
                self.tr("Doel / reden"), lambda r: r.purpose or "", tooltip=lambda r: r.purpose
            ),
            RecordColumn(
                self.tr("Uitkomst"),
                lambda r: r.outcome_label,
                attention=lambda r: r.outcome != "ok",
            ),
        )


class EmergencyTableModel(RecordTableModel[EmergencyAccess]):
    COL_AT = 0
    COL_USER = 1
    COL_ROLE = 2
    COL_OBJECT = 3
    COL_REASON = 4

    def row_id(self, row: EmergencyAccess) -> str:
        return f"{row.at.isoformat()}|{row.username}|{row.reference}"

    def make_columns(self) -> Sequence[RecordColumn[EmergencyAccess]]:
        def role_label(value: str) -> str:
            try:
                return Role(value).label
            except ValueError:
                return value

        return (
            RecordColumn(
                self.tr("Tijd"), lambda e: e.at.strftime("%d-%m-%Y %H:%M"), lambda e: e.at
            ),
            RecordColumn(self.tr("Gebruiker"), lambda e: e.username),
            RecordColumn(self.tr("Rol"), lambda e: role_label(e.role)),
            RecordColumn(
                self.tr("Geopend"),
                lambda e: _object_text(e.object_type, e.reference),
                tooltip=lambda e: _object_tooltip(e.object_type, e.reference),
            ),
            RecordColumn(self.tr("Reden"), lambda e: e.purpose or "", tooltip=lambda e: e.purpose),
        )


class RetentionTableModel(RecordTableModel[RetentionRuleInfo]):
    COL_KIND = 0
    COL_CATEGORY = 1
    COL_TERM = 2
    COL_BASIS = 3

    def row_id(self, row: RetentionRuleInfo) -> str:
        return row.code

    def make_columns(self) -> Sequence[RecordColumn[RetentionRuleInfo]]:
        return (
            RecordColumn(self.tr("Gegevens"), lambda r: r.kind_label),
            RecordColumn(self.tr("Categorie"), lambda r: r.category_code or self.tr("alle")),
            RecordColumn(
                self.tr("Termijn"),
                lambda r: self.tr("{days} dagen (± {years} jaar)").format(
                    days=r.term_days, years=f"{r.term_days / 365:.1f}".replace(".", ",")
                ),
                lambda r: r.term_days,
                align_right=True,
            ),
            RecordColumn(
                self.tr("Wettelijke grondslag"),
                lambda r: r.legal_basis,
                tooltip=lambda r: r.legal_basis,
            ),
        )


# --------------------------------------------------------------------------- the page


class AuditPage(Page):
    roles = frozenset({Role.BEHEERDER, Role.COORDINATOR})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_size = PAGE_SIZE
        self._cursors: list[AuditCursor | None] = [None]
        self._filter = AuditFilter()
        self._chain_checked = False
        self._lists_loaded = False
        self._loaded_tabs: set[int] = set()
        self._count: tuple[int, bool] = (0, False)
        self._next_cursor: AuditCursor | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("privacyTabs")
        self.log_tab = self._build_log_tab()
        self.emergency_tab = self._build_emergency_tab()
        self.retention_tab = self._build_retention_tab()
        self.subject_tab = self._build_subject_tab()
        self.tabs.addTab(self.log_tab, self.tr("Auditlog"))
        self.tabs.addTab(self.emergency_tab, self.tr("Noodknop"))
        self.tabs.addTab(self.retention_tab, self.tr("Bewaartermijnen"))
        self.tabs.addTab(self.subject_tab, self.tr("Inzageverzoek (AVG art. 15)"))
        self.tabs.currentChanged.connect(lambda _index: self.refresh_if_needed())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return self.tr("Privacy")

    # ------------------------------------------------------------------ building

    def _build_log_tab(self) -> QWidget:
        tab = QWidget(self)
        self.chain_label = QLabel(self.tr("Auditketen: nog niet gecontroleerd."), tab)
        self.chain_label.setObjectName("chainStatus")
        self.chain_label.setWordWrap(True)
        self.chain_button = QPushButton(self.tr("Keten &controleren"), tab)
        self.chain_button.setObjectName("verifyChain")
        self.chain_button.clicked.connect(self.check_chain)
        chain_row = QHBoxLayout()
        chain_row.addWidget(self.chain_label, 1)
        chain_row.addWidget(self.chain_button)

        self.person_edit = QLineEdit(tab)
        self.person_edit.setObjectName("filterPerson")
        self.person_edit.setPlaceholderText(self.tr("bijv. P-2026-000015"))
        self.object_edit = QLineEdit(tab)
        self.object_edit.setObjectName("filterObject")
        self.object_edit.setPlaceholderText(self.tr("bijv. C-2026-00042"))
        self.user_combo = QComboBox(tab)
        self.user_combo.setObjectName("filterUser")
        self.action_combo = QComboBox(tab)
        self.action_combo.setObjectName("filterAction")
        self.outcome_combo = QComboBox(tab)
        self.outcome_combo.setObjectName("filterOutcome")
        self.outcome_combo.addItem(self.tr("Alle uitkomsten"), None)
        for code in ("ok", "denied", "failed"):
            self.outcome_combo.addItem(auditlog.outcome_label(code), code)
        self._reset_lists()
        self.from_check = QCheckBox(self.tr("Vanaf"), tab)
        self.from_date = QDateEdit(tab)
        self.to_check = QCheckBox(self.tr("Tot en met"), tab)
        self.to_date = QDateEdit(tab)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.search_button = QPushButton(self.tr("&Zoeken"), tab)
        self.search_button.setObjectName("auditSearch")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.apply_filter)
        self.reset_button = QPushButton(self.tr("Filter &wissen"), tab)
        self.reset_button.clicked.connect(self.reset_filter)
        self.person_edit.returnPressed.connect(self.apply_filter)
        self.object_edit.returnPressed.connect(self.apply_filter)

        filters = QGroupBox(self.tr("Filter"), tab)
        form = QFormLayout()
        form.addRow(self.tr("Persoon (referentie)"), self.person_edit)
        form.addRow(self.tr("Casus of object"), self.object_edit)
        form.addRow(self.tr("Gebruiker"), self.user_combo)
        form2 = QFormLayout()
        form2.addRow(self.tr("Actie"), self.action_combo)
        form2.addRow(self.tr("Uitkomst"), self.outcome_combo)
        period = QHBoxLayout()
        period.addWidget(self.from_check)
        period.addWidget(self.from_date)
        period.addWidget(self.to_check)
        period.addWidget(self.to_date)
        form2.addRow(self.tr("Periode"), period)
        buttons = QVBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        filter_row = QHBoxLayout(filters)
        filter_row.addLayout(form, 1)
        filter_row.addLayout(form2, 1)
        filter_row.addLayout(buttons)

        self.log_model = AuditTableModel(self)
        self.log_view = RecordView("auditLog", tab, sortable=False)
        self.log_view.setModel(self.log_model)
        self.newer_button = QPushButton(self.tr("◀ &Nieuwere"), tab)
        self.newer_button.setObjectName("auditNewer")
        self.newer_button.clicked.connect(self.newer_page)
        self.older_button = QPushButton(self.tr("&Oudere ▶"), tab)
        self.older_button.setObjectName("auditOlder")
        self.older_button.clicked.connect(self.older_page)
        self.page_label = QLabel("", tab)
        self.page_label.setObjectName("auditPageLabel")
        self.export_button = QPushButton(self.tr("&Exporteren (CSV)…"), tab)
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(lambda: self.export_csv())
        paging = QHBoxLayout()
        paging.addWidget(self.newer_button)
        paging.addWidget(self.older_button)
        paging.addWidget(self.page_label, 1)
        paging.addWidget(self.export_button)
        note = QLabel(
            self.tr("Het bekijken en exporteren van het auditlog wordt zelf ook vastgelegd."),
            tab,
        )
        note.setWordWrap(True)

        layout = QVBoxLayout(tab)
        layout.addLayout(chain_row)
        layout.addWidget(filters)
        layout.addWidget(self.log_view, 1)
        layout.addLayout(paging)
        layout.addWidget(note)
        self._update_paging(None)
        return tab

    def _build_emergency_tab(self) -> QWidget:
        tab = QWidget(self)
        intro = QLabel(
            self.tr(
                "Elke keer dat iemand een casus of signaal buiten het eigen werkgebied opende "
                "met de noodknop, met de opgegeven reden. Controleer of de reden het openen "
                "rechtvaardigde."
            ),
            tab,
        )
        intro.setWordWrap(True)
        self.emergency_model = EmergencyTableModel(self)
        self.emergency_view = RecordView("emergencyAccess", tab)
        self.emergency_view.setModel(self.emergency_model)
        self.emergency_label = QLabel("", tab)
        self.emergency_label.setObjectName("emergencyCount")
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(self.emergency_view, 1)
        layout.addWidget(self.emergency_label)
        return tab

    def _build_retention_tab(self) -> QWidget:
        tab = QWidget(self)
        self.retention_model = RetentionTableModel(self)
        self.retention_view = RecordView("retentionRules", tab)
        self.retention_view.setModel(self.retention_model)
        self.retention_view.current_row_changed.connect(self._rule_selected)

        self.rule_box = QGroupBox(self.tr("Termijn wijzigen"), tab)
        self.term_spin = QSpinBox(self.rule_box)
        self.term_spin.setObjectName("termDays")
        self.term_spin.setRange(1, retention.MAXIMUM_TERM_DAYS)
        self.term_spin.setSuffix(self.tr(" dagen"))
        self.basis_edit = QLineEdit(self.rule_box)
        self.basis_edit.setObjectName("legalBasis")
        self.save_rule_button = QPushButton(self.tr("Termijn &opslaan"), self.rule_box)
        self.save_rule_button.setObjectName("saveRule")
        self.save_rule_button.clicked.connect(self.save_rule)
        rule_form = QFormLayout(self.rule_box)
        rule_form.addRow(self.tr("Termijn"), self.term_spin)
        rule_form.addRow(self.tr("Wettelijke grondslag"), self.basis_edit)
        rule_form.addRow("", self.save_rule_button)
        self.rule_box.setEnabled(False)

        purge_box = QGroupBox(self.tr("Opschonen"), tab)
        purge_text = QLabel(
            self.tr(
                "Opschonen verwijdert wat volgens de termijnen weg moet, echt en definitief, "
                "en legt in het verwijderregister vast wat en onder welke regel (zonder "
                "inhoud). Dit gebeurt ook dagelijks vanzelf."
            ),
            purge_box,
        )
        purge_text.setWordWrap(True)
        self.as_of_date = QDateEdit(purge_box)
        self.as_of_date.setObjectName("purgeAsOf")
        self.as_of_date.setCalendarPopup(True)
        self.as_of_date.setDisplayFormat("dd-MM-yyyy")
        self.purge_button = QPushButton(self.tr("Nu &opschonen…"), purge_box)
        self.purge_button.setObjectName("purgeNow")
        self.purge_button.clicked.connect(lambda: self.purge())
        self.purge_result = QPlainTextEdit(purge_box)
        self.purge_result.setObjectName("purgeResult")
        self.purge_result.setReadOnly(True)
        self.purge_result.setMaximumHeight(120)
        purge_row = QHBoxLayout()
        purge_row.addWidget(QLabel(self.tr("Peildatum"), purge_box))
        purge_row.addWidget(self.as_of_date)
        purge_row.addWidget(self.purge_button)
        purge_row.addStretch(1)
        purge_layout = QVBoxLayout(purge_box)
        purge_layout.addWidget(purge_text)
        purge_layout.addLayout(purge_row)
        purge_layout.addWidget(self.purge_result)

        layout = QVBoxLayout(tab)
        layout.addWidget(self.retention_view, 1)
        layout.addWidget(self.rule_box)
        layout.addWidget(purge_box)
        return tab

    def _build_subject_tab(self) -> QWidget:
        # The art. 15 request form lives in its own module; its parts stay reachable here.
        panel = SubjectRequestPanel(self.run, self)
        self.subject_panel = panel
        self.subject_edit = panel.subject_edit
        self.subject_find = panel.subject_find
        self.subject_button = panel.subject_button
        self.subject_result = panel.subject_result
        self.find_subject = panel.find_subject
        self.export_subject = panel.export_subject
        return panel

    # ------------------------------------------------------------------ context

    def set_context(self, ctx: ServiceContext | None) -> None:
        if ctx is not None:
            beheerder = ctx.actor.role is Role.BEHEERDER
            coordinator = ctx.actor.role is Role.COORDINATOR
            self.tabs.setTabVisible(self.tabs.indexOf(self.log_tab), beheerder)
            self.tabs.setTabVisible(self.tabs.indexOf(self.emergency_tab), beheerder)
            self.tabs.setTabVisible(self.tabs.indexOf(self.subject_tab), coordinator)
            self.rule_box.setVisible(beheerder)
            today = ctx.clock.now().date()
            self.as_of_date.setMaximumDate(QDate(today.year, today.month, today.day))
            self.as_of_date.setDate(QDate(today.year, today.month, today.day))
            first_visible = next(i for i in range(self.tabs.count()) if self.tabs.isTabVisible(i))
            self.tabs.setCurrentIndex(first_visible)
            self._chain_checked = False
            self._lists_loaded = False
        super().set_context(ctx)

    def refresh(self) -> None:
        self._loaded_tabs = set()
        self.refresh_if_needed()

    def refresh_if_needed(self) -> None:
        """Load the current tab (once per refresh; tabs load when first shown)."""
        ctx = self.ctx
        if ctx is None:
            return
        index = self.tabs.currentIndex()
        if index in self._loaded_tabs:
            return
        self._loaded_tabs.add(index)
        widget = self.tabs.widget(index)
        if widget is self.log_tab:
            if not self._lists_loaded:
                self.run(
                    lambda c: (auditlog.audit_usernames(c), auditlog.audit_actions(c)),
                    lambda result: self._lists(*result),
                )
            self._load_page()
            if not self._chain_checked:
                self.check_chain()
        elif widget is self.emergency_tab:
            self.run(access.list_emergency_access, self._emergencies)
        elif widget is self.retention_tab:
            self.run(retention.list_rules, self._rules)

    def clear(self) -> None:
        self.log_model.clear()
        self.emergency_model.clear()
        self.retention_model.clear()
        self._reset_lists()
        self.person_edit.clear()
        self.object_edit.clear()
        self.subject_panel.clear()
        self.purge_result.clear()
        self.basis_edit.clear()
        self.emergency_label.clear()
        self.chain_label.setText(self.tr("Auditketen: nog niet gecontroleerd."))
        self.chain_label.setStyleSheet("")
        self._cursors = [None]
        self._filter = AuditFilter()
        self._loaded_tabs = set()
        self._update_paging(None)

    # ------------------------------------------------------------------ audit log

    def _reset_lists(self) -> None:
        self.user_combo.clear()
        self.user_combo.addItem(self.tr("Alle gebruikers"), None)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("Alle acties"), None)

    def _lists(self, usernames: list[str], actions: list[tuple[str, str]]) -> None:
        self._lists_loaded = True
        user, action = self.user_combo.currentData(), self.action_combo.currentData()
        self._reset_lists()
        for name in usernames:
            self.user_combo.addItem(name, name)
        for code, label in actions:
            self.action_combo.addItem(action_text(code, label), code)
        self.user_combo.setCurrentIndex(max(0, self.user_combo.findData(user)))
        self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(action)))

    def current_filter(self) -> AuditFilter:
        """The filter as set in the form."""
        action = self.action_combo.currentData()
        return AuditFilter(
            person_ref=self.person_edit.text() or None,
            username=self.user_combo.currentData(),
            actions=(action,) if action else (),
            object_id=self.object_edit.text() or None,
            outcome=self.outcome_combo.currentData(),
            date_from=_to_date(self.from_date.date()) if self.from_check.isChecked() else None,
            date_to=_to_date(self.to_date.date()) if self.to_check.isChecked() else None,
        )

    def apply_filter(self) -> None:
        self._filter = self.current_filter()
        self._cursors = [None]
        self._load_page()

    def reset_filter(self) -> None:
        self.person_edit.clear()
        self.object_edit.clear()
        self.user_combo.setCurrentIndex(0)
        self.action_combo.setCurrentIndex(0)
        self.outcome_combo.setCurrentIndex(0)
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self.apply_filter()

    def _load_page(self) -> None:
        filt, cursor, size = self._filter, self._cursors[-1], self.page_size
        first = len(self._cursors) == 1

        def load(ctx: ServiceContext) -> tuple[AuditResult, tuple[int, bool] | None]:
            page = auditlog.query_audit(ctx, filt, cursor=cursor, limit=size)
            return page, (auditlog.count_audit(ctx, filt) if first else None)

        self.run(load, lambda result: self._page_loaded(*result))

    def _page_loaded(self, page: AuditResult, count: tuple[int, bool] | None) -> None:
        if count is not None:
            self._count = count
        self.log_model.set_rows(list(page.rows))
        if page.rows:
            self.log_view.fit_columns()
        self._update_paging(page)

    def _update_paging(self, page: AuditResult | None) -> None:
        self._next_cursor = page.next_cursor if page is not None else None
        self.newer_button.setEnabled(len(self._cursors) > 1)
        self.older_button.setEnabled(self._next_cursor is not None)
        if page is None:
            self.page_label.setText("")
            return
        start = (len(self._cursors) - 1) * self.page_size
        total, capped = self._count
        if not page.rows:
            self.page_label.setText(self.tr("Geen regels gevonden met dit filter."))
            return
        total_text = (
            self.tr("meer dan {n}").format(n=f"{total:,}".replace(",", "."))
            if capped
            else f"{total:,}".replace(",", ".")
        )
        self.page_label.setText(
            self.tr("Regels {first}–{last} van {total}, nieuwste eerst").format(
                first=start + 1, last=start + len(page.rows), total=total_text
            )
        )

    def older_page(self) -> None:
        if self._next_cursor is None:
            return
        self._cursors.append(self._next_cursor)
        self._load_page()

    def newer_page(self) -> None:
        if len(self._cursors) <= 1:
            return
        self._cursors.pop()
        self._load_page()

    def check_chain(self) -> None:
        self._chain_checked = True
        self.chain_label.setText(self.tr("Auditketen wordt gecontroleerd…"))
        self.chain_label.setStyleSheet("")
        self.run(auditlog.verify_audit_chain, self._chain_result)

    def _chain_result(self, status: ChainStatus) -> None:
        self.chain_label.setText(status.message)
        self.chain_label.setStyleSheet(_OK_STYLE if status.ok else _BAD_STYLE)

    def export_csv(self, out: Path | None = None) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if out is None:
            stamp = ctx.clock.now().strftime("%Y%m%d-%H%M")
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Auditlog exporteren als"),
                str(Path.home() / f"auditlog-{stamp}.csv"),
                self.tr("CSV-bestanden (*.csv)"),
            )
            if not chosen:
                return
            out = Path(chosen)
        target, filt = out, self._filter

        def export(c: ServiceContext) -> tuple[Path, int]:
            text, count = auditlog.export_audit_csv(c, filt=filt)
            write_text_atomic(target, text, bom=True)
            return target, count

        self.run(
            export,
            lambda result: self.page_label.setText(
                self.tr("{n} regels geëxporteerd naar {path}.").format(n=result[1], path=result[0])
            ),
            progress=self.tr("Het auditlog wordt geëxporteerd…"),
        )

    # ------------------------------------------------------------------ noodknop

    def _emergencies(self, rows: list[EmergencyAccess]) -> None:
        self.emergency_model.set_rows(rows)
        if rows:
            self.emergency_view.fit_columns()
        self.emergency_label.setText(
            self.tr("{n} keer de noodknop gebruikt.").format(n=len(rows))
            if rows
            else self.tr("De noodknop is nog niet gebruikt.")
        )

    # ------------------------------------------------------------------ retention

    def _rules(self, rules: list[RetentionRuleInfo]) -> None:
        self.retention_model.set_rows(rules)
        self.retention_view.fit_columns()

    def _rule_selected(self, row: int) -> None:
        rule = self.retention_model.row_object(row)
        self.rule_box.setEnabled(rule is not None)
        if rule is not None:
            self.term_spin.setMinimum(rule.minimum_days)
            self.term_spin.setValue(rule.term_days)
            self.basis_edit.setText(rule.legal_basis)

    def save_rule(self) -> None:
        rule = self.retention_model.row_object(self.retention_view.current_row())
        if rule is None:
            return
        code, days, basis = rule.code, self.term_spin.value(), self.basis_edit.text()
        self.run(
            lambda c: retention.update_rule(c, code, days, basis),
            self.retention_model.update_row,
            changes_data=True,
        )

    def purge(self, confirmed: bool = False) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        as_of = _to_date(self.as_of_date.date())
        if not confirmed:
            answer = QMessageBox.question(
                self,
                self.tr("Opschonen"),
                self.tr(
                    "Alles wat volgens de bewaartermijnen op {day} weg moet, wordt nu "
                    "definitief verwijderd of geanonimiseerd. Doorgaan?"
                ).format(day=_stamp(as_of)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        def purge_and_note(c: ServiceContext) -> tuple[PurgeResult, str]:
            result = retention.purge(c, as_of)
            return result, autobackup.purge_backup_note(c)

        self.run(
            purge_and_note,
            self._purged,
            progress=self.tr("Opschonen volgens de bewaartermijnen…"),
            changes_data=True,
        )

    def _purged(self, outcome: tuple[PurgeResult, str]) -> None:
        result, backup_note = outcome
        # As the command line does: older backups still hold what was just deleted.
        self.purge_result.setPlainText("\n".join([*result.lines, backup_note]))
