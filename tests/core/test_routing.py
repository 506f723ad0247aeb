from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from sociaalveilig.core.enums import MeetingType, RouteTarget, Source, Urgency
from sociaalveilig.core.routing import (
    RoutingRule,
    SignalFacts,
    default_rules,
    ordered_rules,
    route_signal,
)
from sociaalveilig.core.taxonomy import (
    BEHIND_THE_DOOR,
    DEFAULT_CATEGORIES,
    MAIN_CATEGORIES,
    PHYSICAL,
    CategoryDef,
    by_code,
    category_lookup,
)

CATEGORIES = by_code(DEFAULT_CATEGORIES)


def facts(
    code: str = "WO-OVL",
    *,
    focus_area: str | None = "Kerkrade Oost",
    source: Source = Source.POLITIE,
    urgency: Urgency = Urgency.NORMAAL,
) -> SignalFacts:
    category = CATEGORIES.get(code)
    return SignalFacts(
        category=code,
        main_category=category.main_category if category else None,
        focus_area=focus_area,
        source=source,
        urgency=urgency,
        category_meeting=category.meeting if category else None,
    )


def rule(
    rule_id: str,
    position: int,
    target: RouteTarget,
    *,
    name: str | None = None,
    category: str | None = None,
    main_category: str | None = None,
    focus_area: str | None = None,
    source: Source | None = None,
    urgency: Urgency | None = None,
    active: bool = True,
) -> RoutingRule:
    return RoutingRule(
        rule_id=rule_id,
        position=position,
        name=name or rule_id,
        category=category,
        main_category=main_category,
        focus_area=focus_area,
        source=source,
        urgency=urgency,
        target=target,
        active=active,
    )


# --- taxonomy -------------------------------------------------------------------------


def test_default_categories_exactly_as_design() -> None:
    rows = [
        (c.code, c.name, c.main_category, c.meeting.name, c.term_days) for c in DEFAULT_CATEGORIES
    ]
    assert rows == [
        ("WO-OVL", "Woonoverlast", "Woonomgeving", "FL", 10),
        ("WO-VER", "Vervuiling en verloedering", "Woonomgeving", "FL", 10),
        ("WO-PAND", "Verwaarloosd of leegstaand pand", "Woonomgeving", "FL", 20),
        ("WO-OPR", "Openbare ruimte", "Woonomgeving", "FL", 10),
        ("OP-JEUGD", "Jeugdoverlast en hangplekken", "Overlast door personen", "FL", 5),
        ("OP-DRUGS", "Drugsoverlast", "Overlast door personen", "FL", 5),
        ("OP-VERWARD", "Verward gedrag", "Overlast door personen", "AV", 2),
        ("OM-HENNEP", "Vermoeden hennepteelt of drugslab", "Ondermijning", "FL", 5),
        ("OM-VERHUUR", "Malafide verhuur of overbewoning", "Ondermijning", "FL", 10),
        ("OM-OVERIG", "Overige ondermijning", "Ondermijning", "FL", 10),
        ("ZV-ZORG", "Zorgen om bewoner", "Zorg achter de voordeur", "AV", 5),
        ("ZV-HG", "Vermoeden huiselijk geweld of kindermishandeling",
         "Zorg achter de voordeur", "AV", 1),
        ("ZV-SCHULD", "Schulden of huurachterstand", "Zorg achter de voordeur", "AV", 10),
        ("ZV-JEUGD", "Zorgen om jeugdige", "Zorg achter de voordeur", "AV", 5),
        ("VE-CRIM", "Inbraak, vernieling of diefstal", "Veiligheid", "FL", 5),
        ("VE-PLEK", "Onveilige plek", "Veiligheid", "FL", 10),
    ]
    assert {"OP-VERWARD", "ZV-ZORG", "ZV-HG", "ZV-SCHULD", "ZV-JEUGD"} == BEHIND_THE_DOOR
    assert {c.code for c in DEFAULT_CATEGORIES} - BEHIND_THE_DOOR == PHYSICAL
    assert MAIN_CATEGORIES == (
        "Woonomgeving", "Overlast door personen", "Ondermijning", "Zorg achter de voordeur",
        "Veiligheid",
    )


def test_category_lookup_by_code_or_name_any_case() -> None:
    lookup = category_lookup(DEFAULT_CATEGORIES)
    assert lookup["wo-ovl"] == "WO-OVL"
    assert lookup["woonoverlast"] == "WO-OVL"
    assert lookup["vermoeden huiselijk geweld of kindermishandeling"] == "ZV-HG"
    assert len(lookup) == 32


def test_code_wins_over_equal_name() -> None:
    odd = [
        CategoryDef("A", "B", "X", MeetingType.FL, 1),
        CategoryDef("B", "Iets", "X", MeetingType.AV, 1),
    ]
    assert category_lookup(odd)["b"] == "B"


# --- default rules reproduce DOMAIN.md --------------------------------------------------


DEFAULTS = default_rules(DEFAULT_CATEGORIES)


@pytest.mark.parametrize(
    ("code", "urgency", "focus_area", "source"),
    list(
        itertools.product(
            [c.code for c in DEFAULT_CATEGORIES],
            list(Urgency),
            ["Kerkrade Oost", None],
            [Source.POLITIE, Source.BEWONER],
        )
    ),
)
def test_default_routing_follows_domain(
    code: str, urgency: Urgency, focus_area: str | None, source: Source
) -> None:
    signal = facts(code, urgency=urgency, focus_area=focus_area, source=source)
    decision = route_signal(signal, DEFAULTS)
    if urgency is Urgency.ACUUT:
        expected = RouteTarget.COORDINATOR
    elif code in PHYSICAL:
        expected = RouteTarget.FYSIEKE_LEEFOMGEVING
    else:
        expected = RouteTarget.ACHTER_DE_VOORDEUR
    assert decision.target is expected
    assert decision.rule_id is not None and not decision.by_fallback


def test_default_rules_shape() -> None:
    assert DEFAULTS[0].position == 1
    assert DEFAULTS[0].urgency is Urgency.ACUUT
    assert DEFAULTS[0].target is RouteTarget.COORDINATOR
    assert [r.position for r in DEFAULTS] == list(range(1, len(DEFAULT_CATEGORIES) + 2))
    assert len({r.rule_id for r in DEFAULTS}) == len(DEFAULTS)
    assert DEFAULTS[1].name == "Woonoverlast naar overleg fysieke leefomgeving"
    assert DEFAULTS[7].name == "Verward gedrag naar overleg achter de voordeur"


def test_reason_for_acute() -> None:
    decision = route_signal(facts("ZV-HG", urgency=Urgency.ACUUT), DEFAULTS)
    assert decision.reason == "Regel 1 'Acuut naar coördinator': urgentie is acuut."
    assert decision.rule_name == "Acuut naar coördinator"
    assert decision.rule_id == "standaard-acuut"


def test_reason_for_category_rule() -> None:
    decision = route_signal(facts("OP-VERWARD"), DEFAULTS)
    assert decision.target is RouteTarget.ACHTER_DE_VOORDEUR
    assert decision.rule_id == "standaard-OP-VERWARD"
    assert decision.reason == (
        "Regel 8 'Verward gedrag naar overleg achter de voordeur': categorie is OP-VERWARD."
    )


# --- rule order, conditions, reasons ------------------------------------------------------


def test_first_match_wins_by_position_not_list_order() -> None:
    rules = [
        rule("late", 5, RouteTarget.ACHTER_DE_VOORDEUR, category="WO-OVL"),
        rule("early", 2, RouteTarget.COORDINATOR, category="WO-OVL"),
        rule("general", 9, RouteTarget.FYSIEKE_LEEFOMGEVING),
    ]
    assert route_signal(facts("WO-OVL"), rules).rule_id == "early"
    assert route_signal(facts("VE-PLEK"), rules).rule_id == "general"
    moved = [replace(rules[0], position=1), *rules[1:]]
    assert route_signal(facts("WO-OVL"), moved).rule_id == "late"


def test_equal_positions_break_ties_by_id() -> None:
    rules = [
        rule("b", 1, RouteTarget.ACHTER_DE_VOORDEUR),
        rule("a", 1, RouteTarget.COORDINATOR),
    ]
    assert route_signal(facts(), rules).rule_id == "a"
    assert [r.rule_id for r in ordered_rules(rules)] == ["a", "b"]


def test_inactive_rules_are_skipped() -> None:
    rules = [
        rule("off", 1, RouteTarget.COORDINATOR, active=False),
        rule("on", 2, RouteTarget.ACHTER_DE_VOORDEUR),
    ]
    assert route_signal(facts(), rules).rule_id == "on"
    assert [r.rule_id for r in ordered_rules(rules)] == ["on"]


def test_all_conditions_must_hold_and_reason_names_them() -> None:
    specific = rule(
        "r7",
        3,
        RouteTarget.COORDINATOR,
        name="Hennep Kerkrade via politie",
        category="om-hennep",  # any case
        main_category="Ondermijning",
        focus_area="kerkrade oost",
        source=Source.POLITIE,
        urgency=Urgency.HOOG,
    )
    catch_all = rule("r9", 9, RouteTarget.FYSIEKE_LEEFOMGEVING, name="Rest")
    rules = [specific, catch_all]
    hit = route_signal(facts("OM-HENNEP", urgency=Urgency.HOOG), rules)
    assert hit.rule_id == "r7"
    assert hit.reason == (
        "Regel 3 'Hennep Kerkrade via politie': categorie is OM-HENNEP, "
        "hoofdcategorie is Ondermijning, focusgebied is Kerkrade Oost, bron is politie "
        "en urgentie is hoog."
    )
    # change any one fact and the specific rule no longer holds
    for changed in [
        facts("OM-VERHUUR", urgency=Urgency.HOOG),
        facts("OM-HENNEP", urgency=Urgency.NORMAAL),
        facts("OM-HENNEP", urgency=Urgency.HOOG, focus_area="Nuth"),
        facts("OM-HENNEP", urgency=Urgency.HOOG, focus_area=None),
        facts("OM-HENNEP", urgency=Urgency.HOOG, source=Source.GEMEENTE),
        replace(facts("OM-HENNEP", urgency=Urgency.HOOG), main_category="Veiligheid"),
    ]:
        decision = route_signal(changed, rules)
        assert decision.rule_id == "r9"
        assert decision.reason == "Regel 9 'Rest': deze regel geldt voor elk signaal."


def test_focus_area_rule_before_defaults() -> None:
    ubachsberg = rule(
        "ubb", 0, RouteTarget.COORDINATOR, name="Ubachsberg via coördinator",
        focus_area="Ubachsberg",
    )
    rules = [*DEFAULTS, ubachsberg]
    decision = route_signal(facts("WO-OVL", focus_area="Ubachsberg"), rules)
    assert decision.target is RouteTarget.COORDINATOR
    assert decision.reason == "Regel 0 'Ubachsberg via coördinator': focusgebied is Ubachsberg."
    assert route_signal(facts("WO-OVL", focus_area="Nuth"), rules).target is (
        RouteTarget.FYSIEKE_LEEFOMGEVING
    )


def test_source_rule_two_fields_joined_with_en() -> None:
    r = rule("s", 1, RouteTarget.ACHTER_DE_VOORDEUR, name="Zorg", source=Source.ZORG,
             urgency=Urgency.LAAG)
    decision = route_signal(facts(source=Source.ZORG, urgency=Urgency.LAAG), [r])
    assert decision.reason == "Regel 1 'Zorg': bron is zorg/hulpverlening en urgentie is laag."


def test_fallback_uses_category_meeting_and_says_so() -> None:
    new_category = SignalFacts(
        category="WO-NIEUW",
        main_category="Woonomgeving",
        focus_area=None,
        source=Source.BEWONER,
        urgency=Urgency.NORMAAL,
        category_meeting=MeetingType.AV,
    )
    decision = route_signal(new_category, DEFAULTS)
    assert decision.target is RouteTarget.ACHTER_DE_VOORDEUR
    assert decision.rule_id is None and decision.by_fallback
    assert decision.rule_name == "Ingebouwde terugvalregel"
    assert decision.reason == (
        "Geen routeringsregel past; het signaal volgt het overleg van categorie WO-NIEUW: "
        "Overleg achter de voordeur."
    )
    fl = route_signal(replace(new_category, category_meeting=MeetingType.FL), [])
    assert fl.target is RouteTarget.FYSIEKE_LEEFOMGEVING


def test_fallback_without_meeting_goes_to_coordinator() -> None:
    decision = route_signal(facts("ONBEKEND"), [])
    assert decision.target is RouteTarget.COORDINATOR
    assert decision.by_fallback
    assert "naar de coördinator" in decision.reason
    assert "ONBEKEND" in decision.reason


def test_only_inactive_rules_means_fallback() -> None:
    off = [replace(r, active=False) for r in DEFAULTS]
    decision = route_signal(facts("ZV-ZORG", urgency=Urgency.ACUUT), off)
    assert decision.by_fallback
    assert decision.target is RouteTarget.ACHTER_DE_VOORDEUR
