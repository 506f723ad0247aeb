"""Signal intake, routing (rule order and the why), linking, moving and undoing links."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select, update

from sociaalveilig.core.enums import CaseStatus, Role, RouteTarget, SignalStatus, Source, Urgency
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.services import routing_rules, signal_linking, signal_records
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.routing_rules import RuleInput
from sociaalveilig.services.signal_intake import NEW_CASE, NO_CASE, PersonInput, SignalInput
from sociaalveilig.storage.models import AuditEntry, Case, Person, Signal, StatusChange
from tests.conftest import ActorFactory

KERKRADE = "Kerkrade Oost"
HEERLEN = "Heerlen Noord (incl. Hoensbroek)"


def inp(**changes: object) -> SignalInput:
    base = SignalInput(
        received_at=datetime(2026, 4, 14, 9, 30),
        source="politie",
        category="WO-OVL",
        postcode="6463 ab",
        house_number=12,
        street="Fictiefstraat",
        city="Kerkrade",
        description="Fictieve melding: harde muziek tot diep in de nacht.",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def count(ctx: ServiceContext, model: type) -> int:
    with ctx.unit() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def audit_rows(ctx: ServiceContext, action: str) -> list[AuditEntry]:
    with ctx.unit() as session:
        return list(
            session.execute(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
            ).scalars()
        )


def close_case(ctx: ServiceContext, case_id: str) -> None:
    with ctx.unit() as session:
        session.execute(
            update(Case).where(Case.id == case_id).values(status=CaseStatus.AFGESLOTEN.value)
        )


# --------------------------------------------------------------------------- preview & routing


def test_preview_places_routes_and_sets_due_date_over_kings_day(
    coordinator_ctx: ServiceContext,
) -> None:
    preview = sv.preview_signal(coordinator_ctx, inp())
    assert preview.postcode == "6463 AB"
    assert preview.municipality == "Kerkrade"
    assert not preview.municipality_unknown
    assert preview.focus_area == KERKRADE
    assert preview.routing.target is RouteTarget.FYSIEKE_LEEFOMGEVING
    assert "categorie is WO-OVL" in preview.routing.reason
    assert preview.routing.rule_id is not None
    # WO-OVL: 10 working days from Tuesday 14 April 2026; Koningsdag (Mon 27 April) skipped.
    assert preview.due_date == date(2026, 4, 29)
    assert preview.proposals == ()
    assert preview.proposed_choice == NEW_CASE
    assert count(coordinator_ctx, Signal) == 0


def test_postcode_outside_table_is_allowed_and_flagged(coordinator_ctx: ServiceContext) -> None:
    preview = sv.preview_signal(coordinator_ctx, inp(postcode="9999zz"))
    assert preview.municipality == "onbekend"
    assert preview.municipality_unknown
    assert preview.focus_area is None
    detail = sv.register_signal(coordinator_ctx, inp(postcode="9999zz"), NO_CASE)
    assert detail.municipality_unknown and detail.municipality == "onbekend"


def test_acuut_goes_to_the_coordinator_by_rule_one(coordinator_ctx: ServiceContext) -> None:
    detail = sv.register_signal(coordinator_ctx, inp(category="ZV-ZORG", urgency="acuut"), NO_CASE)
    assert detail.route_target is RouteTarget.COORDINATOR
    assert detail.route_reason is not None and detail.route_reason.startswith("Regel 1 ")
    assert "urgentie is acuut" in detail.route_reason
    explained = signal_records.explain_routing(coordinator_ctx, detail.signal_id)
    assert "Coördinator" in explained and detail.route_reason in explained
    normal = sv.register_signal(coordinator_ctx, inp(category="zorgen om bewoner"), NO_CASE)
    assert normal.route_target is RouteTarget.ACHTER_DE_VOORDEUR
    assert normal.category_code == "ZV-ZORG"


def test_rule_order_decides_and_the_reason_names_the_rule(
    admin_ctx: ServiceContext, coordinator_ctx: ServiceContext
) -> None:
    rule = routing_rules.save_rule(
        admin_ctx,
        RuleInput(
            name="Hennep in Kerkrade direct naar coördinator",
            category="om-hennep",
            focus_area="kerkrade",
            target="coordinator",
        ),
    )
    rules = routing_rules.list_rules(admin_ctx)
    assert rules[-1].rule_id == rule.rule_id and rule.position == len(rules)
    assert rule.focus_area == KERKRADE and rule.category == "OM-HENNEP"

    # At the end, the category's own rule matches first.
    decision = routing_rules.test_route(admin_ctx, "OM-HENNEP", "Kerkrade Oost", "politie")
    assert decision.target is RouteTarget.FYSIEKE_LEEFOMGEVING
    assert decision.rule_id != rule.rule_id

    moved = routing_rules.move_rule(admin_ctx, rule.rule_id, 1)
    assert [r.position for r in moved] == list(range(1, len(moved) + 1))
    assert moved[0].rule_id == rule.rule_id
    decision = routing_rules.test_route(admin_ctx, "OM-HENNEP", "Kerkrade Oost", "politie")
    assert decision.target is RouteTarget.COORDINATOR
    assert decision.rule_id == rule.rule_id
    assert "Hennep in Kerkrade" in decision.reason
    assert "focusgebied is Kerkrade Oost" in decision.reason
    # Elsewhere the rule does not hold.
    elsewhere = routing_rules.test_route(admin_ctx, "OM-HENNEP", "Nuth", "politie")
    assert elsewhere.rule_id != rule.rule_id

    stored = sv.register_signal(coordinator_ctx, inp(category="OM-HENNEP"), NO_CASE)
    assert stored.route_rule_id == rule.rule_id
    assert stored.route_target is RouteTarget.COORDINATOR
    assert "Hennep in Kerkrade" in signal_records.explain_routing(coordinator_ctx, stored.reference)

    routing_rules.deactivate_rule(admin_ctx, rule.rule_id)
    assert routing_rules.test_route(admin_ctx, "OM-HENNEP", "Kerkrade Oost", "politie").target is (
        RouteTarget.FYSIEKE_LEEFOMGEVING
    )
    # The stored signal keeps the rule that routed it.
    shown = signal_records.get_signal(coordinator_ctx, stored.signal_id)
    assert shown.route_rule_id == rule.rule_id


def test_rule_editing_is_for_the_beheerder_and_checks_its_fields(
    admin_ctx: ServiceContext, coordinator_ctx: ServiceContext
) -> None:
    with pytest.raises(AccessDenied):
        routing_rules.save_rule(coordinator_ctx, RuleInput(name="x", target="coordinator"))
    with pytest.raises(ValidationError) as err:
        routing_rules.save_rule(
            admin_ctx, RuleInput(name="x", category="GEEN", target="coordinator")
        )
    assert err.value.field == "categorie"
    with pytest.raises(ValidationError) as err:
        routing_rules.save_rule(admin_ctx, RuleInput(name="x", target="ergens"))
    assert err.value.field == "doel"
    with pytest.raises(ValidationError) as err:
        routing_rules.save_rule(admin_ctx, RuleInput(name=" ", target="coordinator"))
    assert err.value.field == "naam"
    with pytest.raises(ValidationError):
        routing_rules.move_rule(admin_ctx, routing_rules.list_rules(admin_ctx)[0].rule_id, 99)


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"postcode": "12AB"}, "postcode"),
        ({"received_at": datetime(2026, 4, 15, 10, 1)}, "datum"),
        ({"description": "   "}, "omschrijving"),
        ({"description": "x" * 4001}, "omschrijving"),
        ({"category": "Onbekend"}, "categorie"),
        ({"source": "buurman"}, "bron"),
        ({"urgency": "spoed"}, "urgentie"),
        ({"house_number": "12a"}, "huisnummer"),
        ({"house_number": 0}, "huisnummer"),
        ({"addition": "a b!"}, "toevoeging"),
        ({"persons": (PersonInput(name="Anna Verzonnen", birth_year=1850),)}, "geboortejaar"),
        ({"persons": (PersonInput(name=" "),)}, "betrokkene"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_saved(
    coordinator_ctx: ServiceContext, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        sv.register_signal(coordinator_ctx, inp(**changes), NEW_CASE)
    assert err.value.field == field
    assert "niet opgeslagen" in err.value.message
    assert count(coordinator_ctx, Signal) == 0
    assert count(coordinator_ctx, Case) == 0
    assert count(coordinator_ctx, Person) == 0


def test_several_problems_are_named_at_once(coordinator_ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError) as err:
        sv.preview_signal(coordinator_ctx, inp(postcode="0000", description=""))
    assert err.value.field == "postcode"
    assert "postcode" in err.value.message and "omschrijving" in err.value.message


# --------------------------------------------------------------------------- register & link


def test_register_new_case_numbers_records_and_writes_history(
    coordinator_ctx: ServiceContext,
) -> None:
    detail = sv.register_signal(
        coordinator_ctx,
        inp(
            reporter="anoniem",
            persons=(PersonInput(name="Anna  Verzonnen", birth_year=1980, role="bewoner"),),
        ),
        NEW_CASE,
    )
    assert detail.reference == "S-2026-000001"
    assert detail.case_reference == "C-2026-00001"
    assert detail.status is SignalStatus.GEKOPPELD
    assert detail.reporter is None
    assert detail.received_at == datetime(2026, 4, 14, 9, 30)
    assert [p.name for p in detail.persons] == ["Anna Verzonnen"]
    assert detail.persons[0].reference == "P-2026-000001"
    assert [(h.from_status, h.to_status) for h in detail.history] == [
        (None, "nieuw"),
        ("nieuw", "gerouteerd"),
        ("gerouteerd", "gekoppeld"),
    ]
    assert set(detail.allowed_next_statuses) == {
        SignalStatus.GEROUTEERD,
        SignalStatus.NIEUW,
        SignalStatus.AFGEHANDELD,
    }
    with coordinator_ctx.unit() as session:
        stored = session.get(Signal, detail.signal_id)
        assert stored is not None
        # Stored in UTC (summer time: two hours behind).
        assert stored.received_at == datetime(2026, 4, 14, 7, 30)
        case = session.get(Case, detail.case_id)
        assert case is not None and case.address_key == "6463AB|12|"
    creates = audit_rows(coordinator_ctx, "create")
    assert {(a.object_type, a.object_id) for a in creates} >= {
        ("signal", "S-2026-000001"),
        ("case", "C-2026-00001"),
        ("person", "P-2026-000001"),
    }
    # Never a name in the audit log.
    assert all("Verzonnen" not in (a.purpose or "") + (a.object_id or "") for a in creates)


def test_address_proposal_links_to_the_open_case(coordinator_ctx: ServiceContext) -> None:
    first = sv.register_signal(coordinator_ctx, inp(), NEW_CASE)
    preview = sv.preview_signal(
        coordinator_ctx, inp(postcode="6463AB", source="woningcorporatie", category="WO-VER")
    )
    assert [p.reference for p in preview.proposals] == [first.case_reference]
    assert preview.proposals[0].on_address and preview.proposals[0].on_person is None
    assert preview.proposed_choice == first.case_id
    second = sv.register_signal(
        coordinator_ctx, inp(source="woningcorporatie"), preview.proposed_choice
    )
    assert second.case_id == first.case_id and second.status is SignalStatus.GEKOPPELD

    # Another house number or addition is another address.
    assert sv.preview_signal(coordinator_ctx, inp(house_number=14)).proposals == ()
    assert sv.preview_signal(coordinator_ctx, inp(addition="b")).proposals == ()

    close_case(coordinator_ctx, first.case_id or "")
    assert sv.preview_signal(coordinator_ctx, inp()).proposals == ()
    with pytest.raises(ValidationError) as err:
        sv.register_signal(coordinator_ctx, inp(), first.case_id or "")
    assert err.value.field == "casus"


def test_person_proposal_needs_same_name_and_birth_year(coordinator_ctx: ServiceContext) -> None:
    person = PersonInput(name="Bram de Verzonnen", birth_year=1975)
    first = sv.register_signal(coordinator_ctx, inp(persons=(person,)), NEW_CASE)
    elsewhere = {"postcode": "6431 AA", "house_number": 3, "city": "Hoensbroek"}

    same = PersonInput(name="  bram DE verzonnen ", birth_year=1975)
    preview = sv.preview_signal(coordinator_ctx, inp(persons=(same,), **elsewhere))
    assert len(preview.proposals) == 1
    proposal = preview.proposals[0]
    assert proposal.case_id == first.case_id
    assert not proposal.on_address and proposal.on_person == first.persons[0].reference
    assert "geboortejaar" in proposal.explanation

    other_year = PersonInput(name="Bram de Verzonnen", birth_year=1976)
    for other in (other_year, PersonInput(name="Bram de Verzonnen")):
        again = sv.preview_signal(coordinator_ctx, inp(persons=(other,), **elsewhere))
        assert again.proposals == ()

    # Linked on the proposal, the person is recognised as the same person of that case.
    linked = sv.register_signal(
        coordinator_ctx, inp(persons=(same,), **elsewhere), first.case_id or ""
    )
    assert linked.persons[0].person_id == first.persons[0].person_id
    # Without a case, a new person record: the program never merges people by itself.
    loose = sv.register_signal(coordinator_ctx, inp(persons=(same,), **elsewhere), NO_CASE)
    assert loose.persons[0].person_id != first.persons[0].person_id


def test_proposals_leave_out_cases_outside_the_users_area(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    sv.register_signal(coordinator_ctx, inp(), NEW_CASE)
    inside = make_actor(Role.WIJKAGENT, areas=[KERKRADE])
    outside = make_actor(Role.WIJKAGENT, areas=[HEERLEN])
    assert len(sv.preview_signal(inside, inp()).proposals) == 1
    assert sv.preview_signal(outside, inp()).proposals == ()
    # A wijkagent starts cases only in its own areas; without a case it may register.
    with pytest.raises(AccessDenied):
        sv.register_signal(outside, inp(), NEW_CASE)
    assert sv.register_signal(outside, inp(), NO_CASE).case_id is None
    assert sv.register_signal(inside, inp(house_number=2), NEW_CASE).case_id


def test_move_and_unlink_with_history(coordinator_ctx: ServiceContext) -> None:
    a = sv.register_signal(coordinator_ctx, inp(), NEW_CASE)
    b = sv.register_signal(coordinator_ctx, inp(house_number=40), NEW_CASE)
    extra = sv.register_signal(
        coordinator_ctx,
        inp(persons=(PersonInput(name="Cor Proefhuis", birth_year=1990),)),
        a.case_id or "",
    )

    with pytest.raises(ValidationError) as err:
        signal_linking.move_signal(coordinator_ctx, extra.signal_id, b.case_id or "", "  ")
    assert err.value.field == "reden"
    with pytest.raises(ValidationError):
        signal_linking.move_signal(
            coordinator_ctx, extra.signal_id, a.case_reference or "", "zelfde"
        )

    moved = signal_linking.move_signal(
        coordinator_ctx, extra.reference, b.case_reference or "", "Verkeerd adres gekozen"
    )
    assert moved.case_id == b.case_id and moved.status is SignalStatus.GEKOPPELD
    assert "Verplaatst van casus C-2026-00001 naar C-2026-00002" in (moved.history[-1].reason or "")
    with coordinator_ctx.unit() as session:
        from sociaalveilig.storage.models import CasePerson

        persons_b = (
            session.execute(select(CasePerson.person_id).where(CasePerson.case_id == b.case_id))
            .scalars()
            .all()
        )
    assert moved.persons[0].person_id in persons_b

    undone = signal_linking.unlink_signal(coordinator_ctx, extra.signal_id, "Hoort bij geen casus")
    assert undone.case_id is None and undone.status is SignalStatus.GEROUTEERD
    assert undone.history[-1].from_status == "gekoppeld"
    assert "Losgekoppeld van casus C-2026-00002" in (undone.history[-1].reason or "")
    with pytest.raises(ValidationError):
        signal_linking.unlink_signal(coordinator_ctx, extra.signal_id, "nog eens")

    relinked = signal_linking.move_signal(
        coordinator_ctx, extra.signal_id, a.case_id or "", "Toch deze"
    )
    assert relinked.case_id == a.case_id

    close_case(coordinator_ctx, b.case_id or "")
    with pytest.raises(ValidationError):
        signal_linking.move_signal(coordinator_ctx, extra.signal_id, b.case_id or "", "naar dicht")
    with pytest.raises(NotFound):
        signal_linking.move_signal(coordinator_ctx, extra.signal_id, "C-2026-09999", "bestaat niet")
    assert len(audit_rows(coordinator_ctx, "move")) == 1
    assert len(audit_rows(coordinator_ctx, "unlink")) == 1


def test_signal_status_changes_follow_the_table(coordinator_ctx: ServiceContext) -> None:
    s = sv.register_signal(coordinator_ctx, inp(), NO_CASE)
    assert s.status is SignalStatus.GEROUTEERD
    with pytest.raises(ValidationError) as err:
        signal_linking.change_signal_status(coordinator_ctx, s.signal_id, "nieuw", "terug")
    assert err.value.field == "status" and "'Gekoppeld aan casus'" in err.value.message
    with pytest.raises(ValidationError) as err:
        signal_linking.change_signal_status(coordinator_ctx, s.signal_id, "gekoppeld", "x")
    assert "koppelen" in err.value.message
    with pytest.raises(ValidationError) as err:
        signal_linking.change_signal_status(coordinator_ctx, s.signal_id, "afgewezen", "")
    assert err.value.field == "reden"
    rejected = signal_linking.change_signal_status(
        coordinator_ctx, s.signal_id, "afgewezen", "Geen signaal voor Sociaal Veilig"
    )
    assert rejected.status is SignalStatus.AFGEWEZEN
    assert rejected.allowed_next_statuses == (SignalStatus.NIEUW,)
    with pytest.raises(ValidationError) as err:
        signal_linking.change_signal_status(coordinator_ctx, s.signal_id, "afgehandeld", "klaar")
    assert "Toegestaan vanuit 'Afgewezen': 'Nieuw'" in err.value.message
    with pytest.raises(ValidationError):
        signal_linking.change_signal_status(coordinator_ctx, s.signal_id, "onzin", "x")

    linked = sv.register_signal(coordinator_ctx, inp(), NEW_CASE)
    back = signal_linking.change_signal_status(
        coordinator_ctx, linked.signal_id, "gerouteerd", "los"
    )
    assert back.case_id is None
    with coordinator_ctx.unit() as session:
        rows = (
            session.execute(select(StatusChange).where(StatusChange.object_id == s.signal_id))
            .scalars()
            .all()
        )
    assert [r.to_status for r in rows] == ["nieuw", "gerouteerd", "afgewezen"]


def test_intake_roles(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory, admin_ctx: ServiceContext
) -> None:
    manager = make_actor(Role.MANAGER)
    partner = make_actor(Role.PARTNER, partner="Woningcorporatie")
    with pytest.raises(AccessDenied):
        sv.register_signal(admin_ctx, inp(), NO_CASE)
    with pytest.raises(AccessDenied):
        sv.register_signal(manager, inp(), NO_CASE)
    with pytest.raises(AccessDenied):
        sv.register_signal(partner, inp(), NEW_CASE)
    own = sv.register_signal(partner, inp(source="woningcorporatie"), NO_CASE)
    # A partner sees the signal it reported itself.
    assert signal_records.get_signal(partner, own.reference).reference == own.reference


def test_references_are_sequential_per_kind(coordinator_ctx: ServiceContext) -> None:
    refs = [sv.register_signal(coordinator_ctx, inp(), NO_CASE).reference for _ in range(3)]
    assert refs == ["S-2026-000001", "S-2026-000002", "S-2026-000003"]


def test_enum_inputs_are_accepted(coordinator_ctx: ServiceContext) -> None:
    detail = sv.register_signal(
        coordinator_ctx, inp(source=Source.ZORG, urgency=Urgency.HOOG), NO_CASE
    )
    assert detail.source is Source.ZORG and detail.urgency is Urgency.HOOG
