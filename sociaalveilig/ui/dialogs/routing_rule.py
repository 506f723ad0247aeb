"""Add or change one routing rule: conditions (empty = any) and where it sends a signal."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from sociaalveilig.core.enums import RouteTarget, Source, Urgency
from sociaalveilig.services import routing_rules
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.routing_rules import RuleInput, RuleView

from sociaalveilig.ui.choices import Choices
from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


class RoutingRuleDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        choices: Choices,
        rule: RuleView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(
            self.tr("Routeringsregel wijzigen") if rule else self.tr("Nieuwe routeringsregel")
        )
        self.rule = rule
        self.set_version(rule.version if rule else None)
        self.set_intro(
            self.tr(
                "Een regel geldt als alle ingevulde voorwaarden kloppen; een lege voorwaarde "
                "geldt voor alles. Regels worden op volgorde geprobeerd: de eerste die past, "
                "beslist. Een nieuwe regel komt onderaan."
            )
        )
        any_text = self.tr("(alle)")
        self.name = QLineEdit(self)
        self.name.setObjectName("ruleName")
        self.name.setMaxLength(120)
        self.category = QComboBox(self)
        self.category.setObjectName("ruleCategory")
        self.category.addItem(any_text, None)
        for category in choices.categories:
            self.category.addItem(category.label, category.code)
        self.main_category = QComboBox(self)
        self.main_category.setObjectName("ruleMainCategory")
        self.main_category.addItem(any_text, None)
        for main in choices.main_categories:
            self.main_category.addItem(main, main)
        self.area = QComboBox(self)
        self.area.setObjectName("ruleArea")
        self.area.addItem(any_text, None)
        for area in choices.areas:
            self.area.addItem(area.name, area.name)
        self.source = QComboBox(self)
        self.source.setObjectName("ruleSource")
        self.source.addItem(any_text, None)
        for source in Source:
            self.source.addItem(source.label, source.value)
        self.urgency = QComboBox(self)
        self.urgency.setObjectName("ruleUrgency")
        self.urgency.addItem(any_text, None)
        for urgency in Urgency:
            self.urgency.addItem(urgency.label, urgency.value)
        self.target = QComboBox(self)
        self.target.setObjectName("ruleTarget")
        for target in RouteTarget:
            self.target.addItem(target.label, target.value)
        self.active = QCheckBox(self.tr("Regel is actief"), self)
        self.active.setObjectName("ruleActive")
        self.active.setChecked(True)

        self.add_row(self.tr("&Naam:"), self.name, "naam")
        self.add_row(self.tr("&Categorie:"), self.category, "categorie")
        self.add_row(self.tr("&Hoofdcategorie:"), self.main_category, "hoofdcategorie")
        self.add_row(self.tr("&Focusgebied:"), self.area, "focusgebied")
        self.add_row(self.tr("&Bron:"), self.source, "bron")
        self.add_row(self.tr("&Urgentie:"), self.urgency, "urgentie")
        self.add_row(self.tr("&Dan naar:"), self.target, "doel")
        self.add_row("", self.active)

        if rule is not None:
            self.name.setText(rule.name)
            _select(self.category, rule.category)
            _select(self.main_category, rule.main_category)
            _select(self.area, rule.focus_area)
            _select(self.source, rule.source.value if rule.source else None)
            _select(self.urgency, rule.urgency.value if rule.urgency else None)
            _select(self.target, rule.target.value)
            self.active.setChecked(rule.active)
        self.resize(520, self.sizeHint().height())

    def rule_input(self) -> RuleInput:
        return RuleInput(
            rule_id=self.rule.rule_id if self.rule else None,
            name=self.name.text(),
            category=self.category.currentData(),
            main_category=self.main_category.currentData(),
            focus_area=self.area.currentData(),
            source=self.source.currentData(),
            urgency=self.urgency.currentData(),
            target=self.target.currentData(),
            active=self.active.isChecked(),
        )

    def on_save(self) -> None:
        inp, version = self.rule_input(), self.expected_version
        self.submit(lambda ctx: routing_rules.save_rule(ctx, inp, expected_version=version))
