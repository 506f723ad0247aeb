"""Beheer › Routering: the ordered routing rules, and a test box that answers "naar welk
overleg gaat dit signaal, en waarom?" with the rule that decides."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Source, Urgency
from sociaalveilig.core.errors import StaleEdit
from sociaalveilig.core.routing import RoutingDecision
from sociaalveilig.services import routing_rules
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.routing_rules import RuleInput, RuleView

from sociaalveilig.ui import errors
from sociaalveilig.ui.choices import Choices, load_choices
from sociaalveilig.ui.dialogs.routing_rule import RoutingRuleDialog
from sociaalveilig.ui.models.routing_rule_table import RoutingRuleTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.record_view import RecordView


class RoutingRulesPanel(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = Choices()
        self._select_after_refresh: str | None = None
        self.model = RoutingRuleTableModel(self)
        self.view = RecordView("routingRules", self, sortable=False)
        self.view.setModel(self.model)
        self.view.activated_row.connect(lambda _row: self.edit_rule())
        self.view.current_row_changed.connect(lambda _row: self._update_buttons())

        self.add_button = QPushButton(self.tr("&Nieuwe regel…"), self)
        self.add_button.setObjectName("addRule")
        self.edit_button = QPushButton(self.tr("&Wijzigen…"), self)
        self.edit_button.setObjectName("editRule")
        self.up_button = QPushButton(self.tr("Omhoog"), self)
        self.up_button.setObjectName("ruleUp")
        self.up_button.setToolTip(self.tr("Eerder proberen (Ctrl+Omhoog)"))
        self.down_button = QPushButton(self.tr("Omlaag"), self)
        self.down_button.setObjectName("ruleDown")
        self.down_button.setToolTip(self.tr("Later proberen (Ctrl+Omlaag)"))
        self.toggle_button = QPushButton(self.tr("Uitschakelen"), self)
        self.toggle_button.setObjectName("toggleRule")
        self.add_button.clicked.connect(self.add_rule)
        self.edit_button.clicked.connect(self.edit_rule)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.toggle_button.clicked.connect(self.toggle_selected)
        QShortcut(QKeySequence("Ctrl+Up"), self.view, lambda: self.move_selected(-1))
        QShortcut(QKeySequence("Ctrl+Down"), self.view, lambda: self.move_selected(+1))
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.up_button,
            self.down_button,
            self.toggle_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        intro = QLabel(
            self.tr(
                "Regels worden van boven naar beneden geprobeerd; de eerste die past, "
                "beslist waar een signaal heen gaat. Past geen regel, dan volgt het signaal "
                "het overleg van zijn categorie."
            ),
            self,
        )
        intro.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self._build_test_box())
        self._update_buttons()

    def _build_test_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Testen: naar welk overleg gaat dit signaal, en waarom?"), self)
        box.setObjectName("routingTestBox")
        self.test_category = QComboBox(box)
        self.test_category.setObjectName("testCategory")
        self.test_area = QComboBox(box)
        self.test_area.setObjectName("testArea")
        self.test_source = QComboBox(box)
        self.test_source.setObjectName("testSource")
        for source in Source:
            self.test_source.addItem(source.label, source.value)
        self.test_urgency = QComboBox(box)
        self.test_urgency.setObjectName("testUrgency")
        for urgency in Urgency:
            self.test_urgency.addItem(urgency.label, urgency.value)
        self.test_urgency.setCurrentIndex(self.test_urgency.findData(Urgency.NORMAAL.value))
        self.test_button = QPushButton(self.tr("&Testen"), box)
        self.test_button.setObjectName("testRoute")
        self.test_button.clicked.connect(self.run_test)
        self.test_result = QLabel(box)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_target = QLabel(box)
        self.test_target.setObjectName("testTarget")
        font = self.test_target.font()
        font.setBold(True)
        self.test_target.setFont(font)

        grid = QGridLayout(box)
        labels = (
            (self.tr("Ca&tegorie:"), self.test_category, 0, 0),
            (self.tr("&Focusgebied:"), self.test_area, 0, 2),
            (self.tr("B&ron:"), self.test_source, 1, 0),
            (self.tr("&Urgentie:"), self.test_urgency, 1, 2),
        )
        for text, widget, row, column in labels:
            label = QLabel(text, box)
            label.setBuddy(widget)
            grid.addWidget(label, row, column)
            grid.addWidget(widget, row, column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.addWidget(self.test_button, 0, 4)
        grid.addWidget(self.test_target, 2, 0, 1, 5)
        grid.addWidget(self.test_result, 3, 0, 1, 5)
        return box

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Routering")

    def refresh(self) -> None:
        self.run(
            lambda ctx: (routing_rules.list_rules(ctx), load_choices(ctx)),
            lambda result: self._loaded(*result),
        )

    def _loaded(self, rules: list[RuleView], choices: Choices) -> None:
        selected = self._selected()
        keep = self._select_after_refresh or (selected.rule_id if selected else None)
        self._select_after_refresh = None
        self.model.set_rows(rules)
        self.view.fit_columns()
        if keep is not None:
            self.view.select_row(self.model.row_of(keep))
        if choices != self.choices:
            self.choices = choices
            self._fill_test_choices()
        self._update_buttons()

    def _fill_test_choices(self) -> None:
        category = self.test_category.currentData()
        area = self.test_area.currentData()
        self.test_category.clear()
        for category_choice in self.choices.categories:
            self.test_category.addItem(category_choice.label, category_choice.code)
        self.test_area.clear()
        self.test_area.addItem(self.tr("(buiten de focusgebieden)"), None)
        for area_choice in self.choices.areas:
            self.test_area.addItem(area_choice.name, area_choice.name)
        if category is not None:
            self.test_category.setCurrentIndex(max(0, self.test_category.findData(category)))
        if area is not None:
            self.test_area.setCurrentIndex(max(0, self.test_area.findData(area)))

    def clear(self) -> None:
        self.model.clear()
        self.choices = Choices()
        self.test_category.clear()
        self.test_area.clear()
        self.test_result.clear()
        self.test_target.clear()
        self._update_buttons()

    # ------------------------------------------------------------------ rules

    def _selected(self) -> RuleView | None:
        return self.model.row_object(self.view.current_row())

    def _update_buttons(self) -> None:
        rule = self._selected()
        row = self.view.current_row()
        self.edit_button.setEnabled(rule is not None)
        self.toggle_button.setEnabled(rule is not None)
        self.up_button.setEnabled(rule is not None and row > 0)
        self.down_button.setEnabled(rule is not None and row < self.model.rowCount() - 1)
        self.toggle_button.setText(
            self.tr("Inschakelen") if rule is not None and not rule.active
            else self.tr("Uitschakelen")
        )

    def add_rule(self) -> None:
        self._open_dialog(None)

    def edit_rule(self) -> None:
        rule = self._selected()
        if rule is not None:
            self._open_dialog(rule)

    def _open_dialog(self, rule: RuleView | None) -> RoutingRuleDialog | None:
        if self.ctx is None:
            return None
        dialog = RoutingRuleDialog(self.ctx, self.choices, rule, self)
        dialog.setObjectName("routingRuleDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._rule_saved)
        dialog.stale.connect(self._rule_changed_elsewhere)
        dialog.open()
        return dialog

    def _rule_changed_elsewhere(self, _exc: object) -> None:
        """Another beheerder saved the rule first: the list shows it beside the dialog."""
        self.refresh()

    def _rule_saved(self, rule: RuleView) -> None:
        self._select_after_refresh = rule.rule_id
        self.data_changed.emit()
        self.refresh()

    def move_selected(self, step: int) -> None:
        rule = self._selected()
        if rule is None:
            return
        row = self.view.current_row()
        target = row + step
        if not 0 <= target < self.model.rowCount():
            return
        self.run(
            lambda ctx: routing_rules.move_rule(
                ctx, rule.rule_id, target + 1, expected_version=rule.version
            ),
            lambda rules: self._moved(rules, rule.rule_id),
            changes_data=True,
        )

    def _moved(self, rules: list[RuleView], rule_id: str) -> None:
        self.model.set_rows(rules)
        self.view.select_row(self.model.row_of(rule_id))
        self._update_buttons()

    def toggle_selected(self) -> None:
        rule = self._selected()
        if rule is None:
            return
        version = rule.version
        if rule.active:
            call = lambda ctx: routing_rules.deactivate_rule(  # noqa: E731
                ctx, rule.rule_id, expected_version=version
            )
        else:
            inp = RuleInput(
                rule_id=rule.rule_id,
                name=rule.name,
                category=rule.category,
                main_category=rule.main_category,
                focus_area=rule.focus_area,
                source=rule.source.value if rule.source else None,
                urgency=rule.urgency.value if rule.urgency else None,
                target=rule.target.value,
                active=True,
            )
            call = lambda ctx: routing_rules.save_rule(  # noqa: E731
                ctx, inp, expected_version=version
            )
        self.run(call, self._toggled, self._toggle_refused, changes_data=True)

    def _toggle_refused(self, exc: BaseException) -> None:
        errors.show_error(self, exc)
        if isinstance(exc, StaleEdit):
            self.refresh()  # another beheerder changed the rule: the list shows it now

    def _toggled(self, rule: RuleView) -> None:
        self.model.update_row(rule)
        self._update_buttons()

    # ------------------------------------------------------------------ test box

    def run_test(self) -> None:
        category = self.test_category.currentData()
        if category is None:
            return
        area = self.test_area.currentData()
        source = self.test_source.currentData()
        urgency = self.test_urgency.currentData()

        def call(ctx: ServiceContext) -> RoutingDecision:
            return routing_rules.test_route(ctx, category, area, source, urgency)

        self.test_result.setText(self.tr("Bezig…"))
        self.run(call, self.show_decision)

    def show_decision(self, decision: RoutingDecision) -> None:
        self.test_target.setText(
            self.tr("Naar: {target}").format(target=decision.target.label)
        )
        self.test_result.setText(decision.reason)
        if decision.rule_id is not None:
            row = self.model.row_of(decision.rule_id)
            if row >= 0:
                self.view.select_row(row)
