"""Routing: ordered rules send a signal to a meeting type or straight to the coordinator.

Like Signalen's routing expressions: rules are tried in order of ``position``, the first
active rule whose conditions all hold wins, and the decision records which rule it was and
why. A condition left ``None`` matches anything.

The default rules reproduce DOMAIN.md: rule 1 sends every acuut signal to the coordinator;
then one rule per category sends it to the meeting of that category's column (FL or AV).
There is deliberately no catch-all rule: a category the beheerder adds later, without a rule
of its own, reaches the built-in fallback, which also follows the category's meeting column
(and says so), instead of a catch-all that would route it to the wrong meeting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sociaalveilig.core.enums import MeetingType, RouteTarget, Source, Urgency
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.taxonomy import CategoryDef


@dataclass(frozen=True)
class RoutingRule:
    rule_id: str
    position: int
    name: str
    category: str | None
    main_category: str | None
    focus_area: str | None
    source: Source | None
    urgency: Urgency | None
    target: RouteTarget
    active: bool = True


@dataclass(frozen=True)
class SignalFacts:
    """What routing looks at: the signal's category (code), its main category, the focus
    area of its address (None outside the focus areas), source, urgency, and the meeting
    column of its category (None when the category is unknown)."""

    category: str
    main_category: str | None
    focus_area: str | None
    source: Source
    urgency: Urgency
    category_meeting: MeetingType | None


@dataclass(frozen=True)
class RoutingDecision:
    target: RouteTarget
    rule_id: str | None
    """The rule that matched; None when the built-in fallback decided."""
    rule_name: str
    reason: str
    """A Dutch sentence saying which rule matched and on which fields."""

    @property
    def by_fallback(self) -> bool:
        return self.rule_id is None


def _same(rule_value: str, fact_value: str | None) -> bool:
    return fact_value is not None and rule_value.strip().casefold() == fact_value.strip().casefold()


def _matched_fields(rule: RoutingRule, facts: SignalFacts) -> list[str] | None:
    """The Dutch descriptions of the conditions that held, or None when one did not."""
    fields: list[str] = []
    if rule.category is not None:
        if not _same(rule.category, facts.category):
            return None
        fields.append(tr("categorie is {value}").format(value=facts.category))
    if rule.main_category is not None:
        if not _same(rule.main_category, facts.main_category):
            return None
        fields.append(tr("hoofdcategorie is {value}").format(value=facts.main_category))
    if rule.focus_area is not None:
        if not _same(rule.focus_area, facts.focus_area):
            return None
        fields.append(tr("focusgebied is {value}").format(value=facts.focus_area))
    if rule.source is not None:
        if rule.source != facts.source:
            return None
        fields.append(tr("bron is {value}").format(value=facts.source.label.lower()))
    if rule.urgency is not None:
        if rule.urgency != facts.urgency:
            return None
        fields.append(tr("urgentie is {value}").format(value=facts.urgency.label.lower()))
    return fields


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return tr("{first} en {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def ordered_rules(rules: Iterable[RoutingRule]) -> list[RoutingRule]:
    """Active rules in the order they are tried (position, then id for a stable tie-break)."""
    return sorted((rule for rule in rules if rule.active), key=lambda r: (r.position, r.rule_id))


def route_signal(facts: SignalFacts, rules: Iterable[RoutingRule]) -> RoutingDecision:
    """Send a signal where the first matching rule says, or by the built-in fallback."""
    for rule in ordered_rules(rules):
        fields = _matched_fields(rule, facts)
        if fields is None:
            continue
        why = _join(fields) if fields else tr("deze regel geldt voor elk signaal")
        reason = tr("Regel {position} '{name}': {why}.").format(
            position=rule.position, name=rule.name, why=why
        )
        return RoutingDecision(rule.target, rule.rule_id, rule.name, reason)
    return _fallback(facts)


def _fallback(facts: SignalFacts) -> RoutingDecision:
    name = tr("Ingebouwde terugvalregel")
    if facts.category_meeting is None:
        reason = tr(
            "Geen routeringsregel past en categorie {category} hoort bij geen overleg; "
            "het signaal gaat naar de coördinator."
        ).format(category=facts.category)
        return RoutingDecision(RouteTarget.COORDINATOR, None, name, reason)
    target = facts.category_meeting.route_target
    reason = tr(
        "Geen routeringsregel past; het signaal volgt het overleg van categorie {category}: "
        "{meeting}."
    ).format(category=facts.category, meeting=facts.category_meeting.label)
    return RoutingDecision(target, None, name, reason)


ACUTE_RULE_ID = "standaard-acuut"


def default_rules(categories: Iterable[CategoryDef]) -> tuple[RoutingRule, ...]:
    """The rules a new store starts with: acuut to the coordinator, then per category."""
    rules = [
        RoutingRule(
            rule_id=ACUTE_RULE_ID,
            position=1,
            name=tr("Acuut naar coördinator"),
            category=None,
            main_category=None,
            focus_area=None,
            source=None,
            urgency=Urgency.ACUUT,
            target=RouteTarget.COORDINATOR,
        )
    ]
    for position, category in enumerate(categories, start=2):
        target = category.meeting.route_target
        meeting_name = (
            tr("overleg fysieke leefomgeving")
            if category.meeting is MeetingType.FL
            else tr("overleg achter de voordeur")
        )
        rules.append(
            RoutingRule(
                rule_id=f"standaard-{category.code}",
                position=position,
                name=tr("{category} naar {meeting}").format(
                    category=category.name, meeting=meeting_name
                ),
                category=category.code,
                main_category=None,
                focus_area=None,
                source=None,
                urgency=None,
                target=target,
            )
        )
    return tuple(rules)
