"""The routing rules in the order they are tried (Beheer)."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.services.routing_rules import RuleView

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class RoutingRuleTableModel(RecordTableModel[RuleView]):
    """Ordered by position; the order is the meaning, so the view does not sort."""

    COL_POSITION = 0
    COL_NAME = 1
    COL_CONDITIONS = 2
    COL_TARGET = 3
    COL_ACTIVE = 4

    def row_id(self, row: RuleView) -> str:
        return row.rule_id

    def conditions(self, rule: RuleView) -> str:
        parts: list[str] = []
        if rule.category:
            parts.append(self.tr("categorie {value}").format(value=rule.category))
        if rule.main_category:
            parts.append(self.tr("hoofdcategorie {value}").format(value=rule.main_category))
        if rule.focus_area:
            parts.append(self.tr("focusgebied {value}").format(value=rule.focus_area))
        if rule.source:
            parts.append(self.tr("bron {value}").format(value=rule.source.label.lower()))
        if rule.urgency:
            parts.append(self.tr("urgentie {value}").format(value=rule.urgency.label.lower()))
        return ", ".join(parts) if parts else self.tr("elk signaal")

    def make_columns(self) -> Sequence[RecordColumn[RuleView]]:
        return (
            RecordColumn(
                self.tr("Volgorde"),
                lambda r: str(r.position),
                lambda r: r.position,
                align_right=True,
            ),
            RecordColumn(self.tr("Naam"), lambda r: r.name),
            RecordColumn(self.tr("Als"), self.conditions, tooltip=self.conditions),
            RecordColumn(self.tr("Dan naar"), lambda r: r.target.label),
            RecordColumn(
                self.tr("Actief"),
                lambda r: self.tr("ja") if r.active else self.tr("nee (uitgeschakeld)"),
                lambda r: r.active,
                attention=lambda r: not r.active,
            ),
        )
