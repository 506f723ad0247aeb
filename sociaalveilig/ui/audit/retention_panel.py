"""The retention terms (bewaartermijnen) with their legal basis, and the purge."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.errors import StaleEdit
from sociaalveilig.services import autobackup, remote, retention_purge, retention_rules
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retention_purge import PurgeResult
from sociaalveilig.services.retention_rules import RetentionRuleInfo

from sociaalveilig.ui import errors
from sociaalveilig.ui.audit.host import PanelHost
from sociaalveilig.ui.dutch import dutch
from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel
from sociaalveilig.ui.record_view import RecordView


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


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


class RetentionPanel(QWidget):
    """Everyone on the page sees the terms and may purge; only the beheerder edits terms."""

    def __init__(self, host: PanelHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.retention_model = RetentionTableModel(self)
        self.retention_view = RecordView("retentionRules", self)
        self.retention_view.setModel(self.retention_model)
        self.retention_view.current_row_changed.connect(self._rule_selected)

        self.rule_box = QGroupBox(self.tr("Termijn wijzigen"), self)
        self.term_spin = QSpinBox(self.rule_box)
        self.term_spin.setObjectName("termDays")
        self.term_spin.setRange(1, retention_rules.MAXIMUM_TERM_DAYS)
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

        purge_box = QGroupBox(self.tr("Opschonen"), self)
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
        dutch(self.as_of_date)
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

        layout = QVBoxLayout(self)
        layout.addWidget(self.retention_view, 1)
        layout.addWidget(self.rule_box)
        layout.addWidget(purge_box)

    def set_today(self, today: date) -> None:
        self.as_of_date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.as_of_date.setDate(QDate(today.year, today.month, today.day))

    def load(self) -> None:
        self._host.run(retention_rules.list_rules, self._rules)

    def clear(self) -> None:
        self.retention_model.clear()
        self.purge_result.clear()
        self.basis_edit.clear()

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
        version = rule.version
        self._host.run(
            lambda c: retention_rules.update_rule(c, code, days, basis, expected_version=version),
            self.retention_model.update_row,
            self._save_refused,
            changes_data=True,
        )

    def _save_refused(self, exc: BaseException) -> None:
        errors.show_error(self, exc)
        if isinstance(exc, StaleEdit):
            # Another beheerder changed the term: the list shows it; the term and basis
            # typed stay in the fields, and saving again is based on what is stored now.
            self._host.run(retention_rules.list_rules, self._refreshed_rules)

    def _refreshed_rules(self, rules: list[RetentionRuleInfo]) -> None:
        # Row by row, keeping the selection: selecting again would put the stored term
        # over the one typed.
        for rule in rules:
            self.retention_model.update_row(rule)

    def purge(self, confirmed: bool = False) -> None:
        if self._host.ctx is None:
            return
        as_of = to_date(self.as_of_date.date())
        if not confirmed:
            answer = QMessageBox.question(
                self,
                self.tr("Opschonen"),
                self.tr(
                    "Alles wat volgens de bewaartermijnen op {day} weg moet, wordt nu "
                    "definitief verwijderd of geanonimiseerd. Doorgaan?"
                ).format(day=as_of.strftime("%d-%m-%Y")),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

        def purge_and_note(c: ServiceContext) -> tuple[PurgeResult, str]:
            result = retention_purge.purge(c, as_of)
            # A centre's backups are its server's (sociaalveilig-server backup): no
            # note about this desk's backup folder there.
            return result, "" if remote.is_remote(c) else autobackup.purge_backup_note(c)

        self._host.run(
            purge_and_note,
            self._purged,
            progress=self.tr("Opschonen volgens de bewaartermijnen…"),
            changes_data=True,
        )

    def _purged(self, outcome: tuple[PurgeResult, str]) -> None:
        result, backup_note = outcome
        # As the command line does: older backups still hold what was just deleted.
        self.purge_result.setPlainText("\n".join([*result.lines, backup_note]).strip())
