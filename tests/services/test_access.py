"""Need-to-know: the role matrix for case and signal details and lists, the pseudonymised
manager view, and the noodknop (emergency access) logged with its reason."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied
from sociaalveilig.services import access, exports, search, signal_records
from sociaalveilig.services import cases as cs
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import NEW_CASE, NO_CASE, PersonInput, SignalInput
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    AuditEntry,
    Escalation,
    FocusArea,
    Meeting,
    MeetingPartner,
    Partner,
    Signal,
)
from tests.conftest import ActorFactory

KERKRADE = "Kerkrade Oost"
HEERLEN = "Heerlen Noord (incl. Hoensbroek)"
WOCO = "Woningcorporatie"
ZORG = "Zorg en hulpverlening"
POLITIE = "Politie Limburg"


def inp(**changes: object) -> SignalInput:
    base = SignalInput(
        received_at=datetime(2026, 4, 14, 9, 30),
        source="politie",
        category="WO-OVL",
        postcode="6463 AB",
        house_number=12,
        street="Fictiefstraat",
        city="Kerkrade",
        description="Geheime fictieve omschrijving.",
        persons=(PersonInput(name="Gerrit van Verzonnen", birth_year=1970),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@dataclass
class World:
    kerkrade: signal_records.SignalDetail
    """Signal with a case in Kerkrade Oost, on the agenda of a meeting with WOCO."""
    heerlen: signal_records.SignalDetail
    """Signal with a case in Heerlen Noord, with an action owned by ZORG."""
    loose: signal_records.SignalDetail
    """Signal without a case in Heerlen Noord."""
    actors: dict[str, ServiceContext]


@pytest.fixture
def world(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory, admin_ctx: ServiceContext
) -> World:
    kerkrade = sv.register_signal(coordinator_ctx, inp(reporter="Melder Fictief"), NEW_CASE)
    heerlen = sv.register_signal(
        coordinator_ctx,
        inp(postcode="6431 BC", house_number=5, city="Hoensbroek", category="ZV-ZORG"),
        NEW_CASE,
    )
    loose = sv.register_signal(
        coordinator_ctx, inp(postcode="6431 BC", house_number=7, persons=()), NO_CASE
    )
    with coordinator_ctx.unit() as session:
        partners = dict(session.execute(select(Partner.name, Partner.id)).tuples().all())
        area = session.execute(select(FocusArea.id).where(FocusArea.name == KERKRADE)).scalar_one()
        meeting = Meeting(
            focus_area_id=area,
            meeting_type="fysieke_leefomgeving",
            starts_at=datetime(2026, 4, 20, 14, 0),
            status="gepland",
        )
        session.add(meeting)
        session.flush()
        session.add(MeetingPartner(meeting_id=meeting.id, partner_id=partners[WOCO]))
        session.add(
            AgendaItem(meeting_id=meeting.id, position=1, case_id=kerkrade.case_id, reason="routed")
        )
        session.add(
            Action(
                reference="A-2026-00001",
                case_id=heerlen.case_id or "",
                action_type="hulpverleningstraject",
                owner_partner_id=partners[ZORG],
                deadline=date(2026, 5, 1),
                status="open",
                created_at=datetime(2026, 4, 15, 8, 0),
            )
        )
    actors = {
        "coordinator": coordinator_ctx,
        "wijkagent_kerkrade": make_actor(Role.WIJKAGENT, areas=[KERKRADE]),
        "wijkagent_heerlen": make_actor(Role.WIJKAGENT, areas=[HEERLEN]),
        "partner_woco": make_actor(Role.PARTNER, partner=WOCO),
        "partner_zorg": make_actor(Role.PARTNER, partner=ZORG),
        "partner_politie": make_actor(Role.PARTNER, partner=POLITIE),
        "manager": make_actor(Role.MANAGER),
        "beheerder": admin_ctx,
    }
    return World(kerkrade, heerlen, loose, actors)


# Who may open which case ("k" Kerkrade, "h" Heerlen) without a reason.
CASE_MATRIX = {
    "coordinator": {"k", "h"},
    "wijkagent_kerkrade": {"k"},
    "wijkagent_heerlen": {"h"},
    "partner_woco": {"k"},
    "partner_zorg": {"h"},
    "partner_politie": set(),
    "manager": {"k", "h"},  # pseudonymised
    "beheerder": set(),
}
# Which signals ("k", "h", "l" the loose one) each role may open and list.
SIGNAL_MATRIX = {
    "coordinator": {"k", "h", "l"},
    "wijkagent_kerkrade": {"k"},
    "wijkagent_heerlen": {"h", "l"},
    "partner_woco": {"k"},
    "partner_zorg": {"h"},
    "partner_politie": set(),
    "manager": set(),
    "beheerder": set(),
}


@pytest.mark.parametrize("role", sorted(CASE_MATRIX))
def test_case_detail_and_list_matrix(world: World, role: str) -> None:
    ctx = world.actors[role]
    cases = {"k": world.kerkrade, "h": world.heerlen}
    for key, signal in cases.items():
        ref = signal.case_reference or ""
        if key in CASE_MATRIX[role]:
            detail = cs.get_case(ctx, ref)
            assert detail.reference == ref
            assert detail.pseudonymised == (role == "manager")
        else:
            with pytest.raises(AccessDenied):
                cs.get_case(ctx, ref)
    if role == "beheerder":
        with pytest.raises(AccessDenied):
            search.case_ids(ctx, search.CaseQuery())
        return
    listed = set(search.case_ids(ctx, search.CaseQuery()))
    expected = {cases[k].case_id for k in CASE_MATRIX[role]}
    assert listed == expected
    rows = search.case_rows(ctx, list(listed))
    assert {r.reference for r in rows} == {cases[k].case_reference for k in CASE_MATRIX[role]}


@pytest.mark.parametrize("role", sorted(SIGNAL_MATRIX))
def test_signal_detail_and_list_matrix(world: World, role: str) -> None:
    ctx = world.actors[role]
    signals = {"k": world.kerkrade, "h": world.heerlen, "l": world.loose}
    for key, signal in signals.items():
        if key in SIGNAL_MATRIX[role]:
            shown = signal_records.get_signal(ctx, signal.reference)
            assert shown.description.startswith("Geheime")
        else:
            with pytest.raises(AccessDenied):
                signal_records.get_signal(ctx, signal.reference)
    if role in ("manager", "beheerder"):
        with pytest.raises(AccessDenied):
            search.signal_ids(ctx, search.SignalQuery())
        return
    listed = set(search.signal_ids(ctx, search.SignalQuery()))
    assert listed == {signals[k].signal_id for k in SIGNAL_MATRIX[role]}
    assert search.count_signals(ctx, search.SignalQuery()) == len(listed)
    # Asking rows for ids outside the scope gives nothing for them.
    all_ids = [s.signal_id for s in signals.values()]
    assert {r.signal_id for r in search.signal_rows(ctx, all_ids)} == listed


def test_manager_sees_a_pseudonymised_case(world: World) -> None:
    detail = cs.get_case(world.actors["manager"], world.kerkrade.case_reference or "")
    assert detail.pseudonymised
    assert [p.name for p in detail.persons] == ["G.v.V."]
    assert detail.persons[0].birth_year is None
    assert detail.house_number is None and detail.street is None
    assert "Fictiefstraat" not in detail.address and "12" not in detail.address
    assert all(entry.detail is None for entry in detail.timeline)
    assert detail.allowed_next_statuses == ()
    # Even with a reason the manager's view stays pseudonymised.
    again = cs.get_case(world.actors["manager"], world.kerkrade.case_id or "", purpose="rapport")
    assert again.pseudonymised and not again.emergency_access


def test_noodknop_opens_with_a_reason_and_is_logged(
    world: World, admin_ctx: ServiceContext
) -> None:
    agent = world.actors["wijkagent_heerlen"]
    ref = world.kerkrade.case_reference or ""
    with pytest.raises(AccessDenied) as err:
        cs.get_case(agent, ref)
    assert "noodknop" in err.value.message and "reden" in err.value.message
    detail = cs.get_case(agent, ref, purpose="  Acute melding, coördinator onbereikbaar ")
    assert detail.emergency_access and not detail.pseudonymised
    signal = signal_records.get_signal(
        agent, world.kerkrade.reference, purpose="Zelfde acute melding"
    )
    assert signal.emergency_access

    with admin_ctx.unit() as session:
        entries = (
            session.execute(
                select(AuditEntry)
                .where(AuditEntry.username == agent.actor.username)
                .order_by(AuditEntry.id)
            )
            .scalars()
            .all()
        )
    emergency = [e for e in entries if e.action == access.EMERGENCY_ACTION]
    assert [(e.object_type, e.object_id, e.purpose) for e in emergency] == [
        ("case", ref, "Acute melding, coördinator onbereikbaar"),
        ("signal", world.kerkrade.reference, "Zelfde acute melding"),
    ]
    denied = [e for e in entries if e.outcome == "denied"]
    assert [(e.action, e.object_id) for e in denied] == [("view", ref)]
    views = [e for e in entries if e.action == "view" and e.outcome == "ok"]
    assert views and all(e.purpose for e in views)

    listed = access.list_emergency_access(admin_ctx)
    assert [(e.username, e.reference, e.purpose) for e in listed] == [
        (agent.actor.username, world.kerkrade.reference, "Zelfde acute melding"),
        (agent.actor.username, ref, "Acute melding, coördinator onbereikbaar"),
    ]
    assert listed[0].at == datetime(2026, 4, 15, 10, 0)
    with pytest.raises(AccessDenied):
        access.list_emergency_access(world.actors["coordinator"])


def test_noodknop_is_not_for_beheerder_or_manager(world: World) -> None:
    with pytest.raises(AccessDenied):
        cs.get_case(world.actors["beheerder"], world.heerlen.case_reference or "", purpose="x")
    with pytest.raises(AccessDenied):
        signal_records.get_signal(world.actors["manager"], world.heerlen.reference, purpose="x")
    partner = world.actors["partner_politie"]
    assert cs.get_case(partner, world.heerlen.case_reference or "", purpose="Overleg").reference


def test_partners_do_not_see_the_reporter_or_escalations(world: World) -> None:
    ref = world.kerkrade.reference
    assert signal_records.get_signal(world.actors["coordinator"], ref).reporter == "Melder Fictief"
    agent_view = signal_records.get_signal(world.actors["wijkagent_kerkrade"], ref)
    assert agent_view.reporter == "Melder Fictief"
    woco = world.actors["partner_woco"]
    assert signal_records.get_signal(woco, ref).reporter is None
    text, count = exports.export_signals(woco)
    assert count == 1 and "Melder Fictief" not in text
    with world.actors["coordinator"].unit() as session:
        session.add(
            Escalation(
                reference="E-2026-00001",
                case_id=world.kerkrade.case_id or "",
                target="veilig_thuis",
                reason="Fictieve zorg over huiselijk geweld",
                status="aangemeld",
                created_at=datetime(2026, 4, 15, 7, 0),
                status_changed_at=datetime(2026, 4, 15, 7, 0),
            )
        )
    ref_case = world.kerkrade.case_reference or ""
    kinds = [e.kind for e in cs.get_case(world.actors["coordinator"], ref_case).timeline]
    assert "opschaling" in kinds
    assert "opschaling" not in [e.kind for e in cs.get_case(woco, ref_case).timeline]


def test_initials() -> None:
    assert access.initials("Anna de Verzonnen") == "A.d.V."
    assert access.initials("jan-willem van der Proef") == "J.W.v.d.P."
    assert access.initials("  ") == "?"


@pytest.mark.parametrize("role", ["partner_politie", "wijkagent_kerkrade"])
def test_a_signal_one_registered_is_in_ones_own_lists(
    world: World, role: str, make_actor: ActorFactory
) -> None:
    """Outside the rest of their scope (no case of the partner, another focus area), the
    signal a user registered is theirs to list and open; not a colleague's with the same
    role, areas and organisation."""
    ctx = world.actors[role]
    own = sv.register_signal(
        ctx, inp(postcode="6431 BC", house_number=9, city="Hoensbroek", persons=()), NO_CASE
    )
    assert own.case_id is None
    before = {world.kerkrade.signal_id} if role == "wijkagent_kerkrade" else set()
    expected = before | {own.signal_id}
    assert set(search.signal_ids(ctx, search.SignalQuery())) == expected
    head = search.signal_head(ctx, search.SignalQuery())
    assert set(head.ids) == expected
    assert {r.signal_id for r in head.rows} == expected
    assert search.count_signals(ctx, search.SignalQuery()) == len(expected)
    assert signal_records.get_signal(ctx, own.reference).reference == own.reference
    if role == "partner_politie":
        colleague = make_actor(Role.PARTNER, partner=POLITIE)
    else:
        colleague = make_actor(Role.WIJKAGENT, areas=[KERKRADE])
    assert set(search.signal_ids(colleague, search.SignalQuery())) == before
    with pytest.raises(AccessDenied):
        signal_records.get_signal(colleague, own.reference)


def test_a_loose_signal_on_a_partners_agenda_is_in_its_lists(
    world: World, coordinator_ctx: ServiceContext
) -> None:
    """A signal without a case, put on the agenda of a meeting with WOCO, is WOCO's to list
    and open (ids, first page, count, detail), and not ZORG's, which is not at that meeting.
    The partner's agenda signals come from their own index (schema v4)."""
    woco, zorg = world.actors["partner_woco"], world.actors["partner_zorg"]
    loose = world.loose
    assert loose.signal_id not in search.signal_ids(woco, search.SignalQuery())
    with coordinator_ctx.unit() as session:
        meeting_id = session.execute(select(MeetingPartner.meeting_id)).scalars().one()
        item = AgendaItem(
            meeting_id=meeting_id, position=2, signal_id=loose.signal_id, reason="routed"
        )
        session.add(item)
    expected = {world.kerkrade.signal_id, loose.signal_id}
    assert set(search.signal_ids(woco, search.SignalQuery())) == expected
    head = search.signal_head(woco, search.SignalQuery())
    assert set(head.ids) == expected and {r.signal_id for r in head.rows} == expected
    assert search.count_signals(woco, search.SignalQuery()) == 2
    assert signal_records.get_signal(woco, loose.reference).reference == loose.reference
    assert loose.signal_id not in search.signal_ids(zorg, search.SignalQuery())
    with pytest.raises(AccessDenied):
        signal_records.get_signal(zorg, loose.reference)


@pytest.mark.parametrize("role", ["wijkagent_kerkrade", "wijkagent_heerlen"])
def test_a_wijkagents_scope_in_parts_is_the_scope(
    world: World, role: str, coordinator_ctx: ServiceContext
) -> None:
    """The parts a list may read a wijkagent's text search through (their area; the area's
    cases wherever their signals are; their own signals) are together exactly the scope;
    for Kerkrade, with a signal that only the case part finds and one only the own part."""
    ctx = world.actors[role]
    own = sv.register_signal(  # Hoensbroek, no case: the wijkagent's own only
        ctx, inp(postcode="6431 BC", house_number=11, city="Hoensbroek", persons=()), NO_CASE
    )
    elsewhere = sv.register_signal(  # Hoensbroek, on the Kerkrade case: the case part only
        coordinator_ctx,
        inp(postcode="6431 BC", house_number=13, city="Hoensbroek", persons=()),
        world.kerkrade.case_id or "",
    )
    parts = access.signal_scope_parts(ctx)
    assert len(parts) == 3
    with ctx.unit() as session:
        scope = set(session.execute(select(Signal.id).where(access.signal_scope(ctx))).scalars())
        found = [set(session.execute(select(Signal.id).where(part)).scalars()) for part in parts]
    assert set().union(*found) == scope
    assert {own.signal_id, elsewhere.signal_id} <= scope
    if role == "wijkagent_kerkrade":  # both in Hoensbroek: outside the Kerkrade area
        in_area, via_case, own_part = found
        assert elsewhere.signal_id in via_case - in_area - own_part
        assert own.signal_id in own_part - in_area - via_case
    assert access.signal_scope_parts(world.actors["partner_woco"]) == ()
    assert access.signal_scope_parts(coordinator_ctx) == ()
