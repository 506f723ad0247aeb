"""The audit log viewer: filters, paging newest first, the count, the CSV export and the
chain check. The table only ever holds one page of the log; every query runs in the
database through the services, off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services import audit_labels, auditlog
from sociaalveilig.services.audit_labels import AuditNames
from sociaalveilig.services.auditlog import (
    AuditCursor,
    AuditFilter,
    AuditOverview,
    AuditResult,
    ChainStatus,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.files import write_text_atomic

from sociaalveilig.ui.audit.host import PanelHost
from sociaalveilig.ui.audit.labels import action_text
from sociaalveilig.ui.audit.log_model import AuditTableModel
from sociaalveilig.ui.dutch import dutch
from sociaalveilig.ui.flow_layout import FlowLayout
from sociaalveilig.ui.record_view import RecordView

__all__ = ["PAGE_SIZE", "AuditLogPanel", "AuditTableModel"]

PAGE_SIZE = 200
_OK_STYLE = "color: #1b6e2a; font-weight: bold;"
_BAD_STYLE = "color: #b02020; font-weight: bold;"


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AuditLogPanel(QWidget):
    """The beheerder's view of the log."""

    def __init__(self, host: PanelHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.page_size = PAGE_SIZE
        self._cursors: list[AuditCursor | None] = [None]
        self._filter = AuditFilter()
        self._lists_loaded = False
        # The chain is checked when the log is first shown and on request; the last check
        # stays on screen, with the entries written since.
        self._verify_next = True
        self._checked: ChainStatus | None = None
        self._count: tuple[int, bool] = (0, False)
        self._next_cursor: AuditCursor | None = None
        chain_row = self._build_chain_row()
        filters = self._build_filters()
        paging = self._build_log()
        note = QLabel(
            self.tr("Het bekijken en exporteren van het auditlog wordt zelf ook vastgelegd."),
            self,
        )
        note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(chain_row)
        layout.addWidget(filters)
        layout.addWidget(self.log_view, 1)
        layout.addLayout(paging)
        layout.addWidget(note)
        self._update_paging(None)

    def _build_chain_row(self) -> QHBoxLayout:
        """The last check of the audit chain, and checking it again."""
        self.chain_label = QLabel(self.tr("Auditketen: nog niet gecontroleerd."), self)
        self.chain_label.setObjectName("chainStatus")
        self.chain_label.setWordWrap(True)
        self.chain_button = QPushButton(self.tr("Keten &controleren"), self)
        self.chain_button.setObjectName("verifyChain")
        self.chain_button.clicked.connect(self.check_chain)
        chain_row = QHBoxLayout()
        chain_row.addWidget(self.chain_label, 1)
        chain_row.addWidget(self.chain_button)
        return chain_row

    def _build_filters(self) -> QGroupBox:
        """Person, object, user, action, outcome and period; search and reset."""
        self.person_edit = QLineEdit(self)
        self.person_edit.setObjectName("filterPerson")
        self.person_edit.setPlaceholderText(self.tr("bijv. P-2026-000015"))
        self.object_edit = QLineEdit(self)
        self.object_edit.setObjectName("filterObject")
        self.object_edit.setPlaceholderText(self.tr("bijv. C-2026-00042"))
        self.user_combo = QComboBox(self)
        self.user_combo.setObjectName("filterUser")
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("filterAction")
        for combo in (self.user_combo, self.action_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("filterOutcome")
        self.outcome_combo.addItem(self.tr("Alle uitkomsten"), None)
        for code in ("ok", "denied", "failed"):
            self.outcome_combo.addItem(auditlog.outcome_label(code), code)
        self._reset_lists()
        self.from_check = QCheckBox(self.tr("Vanaf"), self)
        self.from_date = QDateEdit(self)
        self.to_check = QCheckBox(self.tr("Tot en met"), self)
        self.to_date = QDateEdit(self)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            dutch(edit)
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.search_button = QPushButton(self.tr("&Zoeken"), self)
        self.search_button.setObjectName("auditSearch")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.apply_filter)
        self.reset_button = QPushButton(self.tr("Filter &wissen"), self)
        self.reset_button.clicked.connect(self.reset_filter)
        self.person_edit.returnPressed.connect(self.apply_filter)
        self.object_edit.returnPressed.connect(self.apply_filter)

        filters = QGroupBox(self.tr("Filter"), self)
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
        # The two halves of the filter stand side by side where there is room, else one
        # below the other.
        halves = FlowLayout()
        for half in (form, form2):
            box = QWidget(filters)
            box.setLayout(half)
            half.setContentsMargins(0, 0, 0, 0)
            halves.add_widget(box, 1)
        filter_row = QHBoxLayout(filters)
        filter_row.addLayout(halves, 1)
        filter_row.addLayout(buttons)
        return filters

    def _build_log(self) -> QHBoxLayout:
        """One page of the log (made here), and the paging and export row below it."""
        self.log_model = AuditTableModel(self)
        self.log_view = RecordView("auditLog", self, sortable=False)
        self.log_view.setModel(self.log_model)
        self.log_view.set_wide_columns(AuditTableModel.COL_OBJECT, AuditTableModel.COL_PURPOSE)
        self.newer_button = QPushButton(self.tr("◀ &Nieuwere"), self)
        self.newer_button.setObjectName("auditNewer")
        self.newer_button.clicked.connect(self.newer_page)
        self.older_button = QPushButton(self.tr("&Oudere ▶"), self)
        self.older_button.setObjectName("auditOlder")
        self.older_button.clicked.connect(self.older_page)
        self.page_label = QLabel("", self)
        self.page_label.setObjectName("auditPageLabel")
        self.export_button = QPushButton(self.tr("&Exporteren (CSV)…"), self)
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(lambda: self.export_csv())
        paging = QHBoxLayout()
        paging.addWidget(self.newer_button)
        paging.addWidget(self.older_button)
        paging.addWidget(self.page_label, 1)
        paging.addWidget(self.export_button)
        return paging

    def reset_for_context(self) -> None:
        """A new sign-in: the lists and the chain check again when first shown."""
        self._lists_loaded = False
        self._verify_next = True
        self._checked = None

    def load(self) -> None:
        if not self._lists_loaded:
            self._host.run(
                lambda c: (auditlog.audit_usernames(c), auditlog.audit_actions(c)),
                lambda result: self._lists(*result),
            )
        self._load_page()

    def clear(self) -> None:
        self.log_model.clear()
        self._reset_lists()
        self.person_edit.clear()
        self.object_edit.clear()
        self.chain_label.setText(self.tr("Auditketen: nog niet gecontroleerd."))
        self.chain_label.setStyleSheet("")
        self._cursors = [None]
        self._filter = AuditFilter()
        self._update_paging(None)

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
        """The first page comes with its count and the number of entries in the log (and
        the chain check, when due), read together so the numbers agree; an older or newer
        page comes alone."""
        filt, cursor, size = self._filter, self._cursors[-1], self.page_size
        first = len(self._cursors) == 1
        verify = first and self._verify_next
        if verify:
            self._verify_next = False
            self.chain_label.setText(self.tr("Auditketen wordt gecontroleerd…"))
            self.chain_label.setStyleSheet("")

        def load(ctx: ServiceContext) -> tuple[AuditResult, AuditOverview | None, AuditNames]:
            overview = auditlog.open_audit_log(ctx, filt, size, verify=verify) if first else None
            page = (
                overview.page
                if overview is not None
                else auditlog.query_audit(ctx, filt, cursor=cursor, limit=size)
            )
            objects = [(r.object_type, r.object_id) for r in page.rows]
            names = audit_labels.page_names(ctx, objects, {r.username for r in page.rows})
            return page, overview, names

        self._host.run(load, lambda result: self._page_loaded(*result))

    def _page_loaded(
        self, page: AuditResult, overview: AuditOverview | None, names: AuditNames
    ) -> None:
        if overview is not None:
            self._count = (overview.count, overview.capped)
            if overview.chain is not None:
                self._checked = overview.chain
            self._show_chain(overview.total)
        self.log_model.set_names(names)
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
        """Check the chain again, with the first page and its count (one moment)."""
        self._verify_next = True
        self._cursors = [None]
        self._load_page()

    def _show_chain(self, total: int) -> None:
        """The last check, and how many entries were written since (the viewings among
        them), so its number and the log's count can be read together."""
        status = self._checked
        if status is None:
            return
        text = status.message
        newer = total - status.entries
        if status.ok and newer > 0:
            text += " " + self.tr(
                "Sindsdien {n} nieuwe regels (nog niet gecontroleerd): samen {total}."
            ).format(n=newer, total=total)
        self.chain_label.setText(text)
        self.chain_label.setStyleSheet(_OK_STYLE if status.ok else _BAD_STYLE)

    def export_csv(self, out: Path | None = None) -> None:
        ctx = self._host.ctx
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

        self._host.run(
            export,
            lambda result: self.page_label.setText(
                self.tr("{n} regels geëxporteerd naar {path}.").format(n=result[1], path=result[0])
            ),
            progress=self.tr("Het auditlog wordt geëxporteerd…"),
        )
