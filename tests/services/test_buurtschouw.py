from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import ActionType, Role, SignalStatus, Source
from sociaalveilig.core.errors import AccessDenied, SociaalVeiligError, ValidationError
from sociaalveilig.core.taxonomy import DEFAULT_CATEGORIES
from sociaalveilig.services.actions import ActionInput, create_action
from sociaalveilig.services.buurtschouw import (
    CHECKLIST,
    ChecklistGroup,
    WalkStatus,
    add_finding,
    checklist_item,
    finding_to_signal,
    finish_buurtschouw,
    list_buurtschouwen,
    list_findings,
    plan_buurtschouw,
    prepare_pack_data,
    walk_action_list,
)
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.signal_intake import NEW_CASE, NO_CASE
from sociaalveilig.storage.models import (
    AuditEntry,
    BuurtschouwFinding,
    Case,
    Signal,
    StatusChange,
)
from sociaalveilig.storage.models import Counter as RefCounter
from tests.conftest import CENTRE, ActorFactory
from tests.services.seed_casework import (
    HEERLEN,
    KERKRADE,
    make_case,
    make_signal,
    partner_id,
)

WALK_DAY = date(2026, 4, 20)


def test_checklist_is_complete_data() -> None:
    groups = Counter(item.group for item in CHECKLIST)
    assert groups == {g: 4 for g in ChecklistGroup}
    codes = {c.code for c in DEFAULT_CATEGORIES}
    assert all(item.category_code in codes for item in CHECKLIST)
    labels = {item.code: item.label for item in CHECKLIST}
    assert labels["heel-verlichting"] == "Verlichting, ook in achterpaden"
    assert [i.label for i in CHECKLIST if i.group is ChecklistGroup.CPTED] == [
        "Natuurlijk toezicht",
        "Toegangscontrole",
        "Territoriale versterking",
        "Onderhoud",
    ]
    assert all(item.hint for item in CHECKLIST)
    assert checklist_item("VEILIG-HANGPLEKKEN").category_code == "OP-JEUGD"
    with pytest.raises(ValidationError) as err:
        checklist_item("koffie")
    assert err.value.field == "item"


@pytest.fixture
def agent(make_actor: ActorFactory) -> ServiceContext:
    return make_actor(Role.WIJKAGENT, areas=[KERKRADE])


def test_plan_and_list(agent: ServiceContext, make_actor: ActorFactory) -> None:
    walk = plan_buurtschouw(agent, "kerkrade", WALK_DAY, "Fictiefstraat – Verzonnenlaan – Park")
    assert (walk.area, walk.status, walk.finding_count) == (KERKRADE, WalkStatus.GEPLAND, 0)
    assert [w.walk_id for w in list_buurtschouwen(agent)] == [walk.walk_id]
    with pytest.raises(ValidationError) as err:
        plan_buurtschouw(agent, KERKRADE, date(2026, 4, 14), None)
    assert err.value.field == "walk_date"
    with pytest.raises(AccessDenied):
        plan_buurtschouw(agent, HEERLEN, WALK_DAY, None)
    other = make_actor(Role.WIJKAGENT, areas=[HEERLEN])
    assert list_buurtschouwen(other) == []
    with pytest.raises(AccessDenied):
        list_findings(other, walk.walk_id)
    with pytest.raises(AccessDenied):
        plan_buurtschouw(
            make_actor(Role.PARTNER, partner="Woningcorporatie"), KERKRADE, WALK_DAY, None
        )


def test_findings_and_their_signals(
    agent: ServiceContext, coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    walk = plan_buurtschouw(agent, KERKRADE, WALK_DAY, None)
    with pytest.raises(ValidationError) as err:
        add_finding(agent, walk.walk_id, "heel-verlichting", "Lamp kapot", street="Parkweg")
    assert err.value.field == "walk_id"  # not walked yet
    clock.set(datetime(2026, 4, 20, 16, 0))
    with pytest.raises(ValidationError) as err:
        add_finding(agent, walk.walk_id, "heel-verlichting", "Lamp kapot")
    assert err.value.field == "street"
    with pytest.raises(ValidationError) as err:
        add_finding(agent, walk.walk_id, "heel-verlichting", " ", street="Parkweg")
    assert err.value.field == "description"
    with pytest.raises(ValidationError) as err:
        add_finding(
            agent,
            walk.walk_id,
            "heel-verlichting",
            "Lamp",
            street="Parkweg",
            category_code="XX-NIKS",
        )
    assert err.value.field == "category_code"

    lamp = add_finding(
        agent, walk.walk_id, "heel-verlichting", "Lamp in achterpad kapot", street="Parkweg"
    )
    assert lamp.category_code == "VE-PLEK"
    hang = add_finding(
        agent,
        walk.walk_id,
        "veilig-hangplekken",
        "Groep bij het bankje",
        street="Verzonnenlaan",
        postcode="6462ab",
        house_number="4",
    )
    assert (hang.postcode, hang.house_number) == ("6462 AB", 4)
    assert list_buurtschouwen(agent)[0].status is WalkStatus.GELOPEN

    with pytest.raises(ValidationError) as err:
        finding_to_signal(agent, lamp.finding_id)
    assert err.value.field == "postcode"
    converted = finding_to_signal(agent, lamp.finding_id, postcode="6462 AC", house_number=9)
    assert converted.signal_reference is not None
    with agent.unit() as session:
        signal = session.execute(
            select(Signal).where(Signal.id == converted.signal_id)
        ).scalar_one()
        assert signal.source == Source.BUURTSCHOUW.value
        assert signal.route_target == "fysieke_leefomgeving"
        assert signal.reporter is None
        assert signal.received_at.date() == WALK_DAY
        assert "Lamp in achterpad kapot" in signal.description
    with pytest.raises(ValidationError) as err:
        finding_to_signal(agent, lamp.finding_id, postcode="6462 AC", house_number=9)
    assert err.value.field == "finding_id"

    with_case = finding_to_signal(coordinator_ctx, hang.finding_id, case_choice=NEW_CASE)
    rows = walk_action_list(agent, walk.walk_id)
    assert [r.finding.finding_id for r in rows] == [lamp.finding_id, hang.finding_id]
    assert rows[0].signal_status is SignalStatus.GEROUTEERD and rows[0].case_id is None
    assert rows[1].case_reference is not None and rows[1].actions == ()
    assert rows[1].signal_status is SignalStatus.GEKOPPELD
    assert rows[1].case_id is not None
    action = create_action(
        coordinator_ctx,
        rows[1].case_id,
        ActionInput(
            ActionType.CPTED_ANALYSE,
            partner_id(agent, "Gemeente – handhaving"),
            date(2026, 5, 15),
            "Hangplek bekijken",
        ),
    )
    rows = walk_action_list(agent, walk.walk_id)
    assert [a.action_id for a in rows[1].actions] == [action.action_id]
    assert with_case.signal_id == rows[1].finding.signal_id
    done = finish_buurtschouw(agent, walk.walk_id)
    assert (done.status, done.finding_count) == (WalkStatus.AFGEROND, 2)
    with pytest.raises(ValidationError):
        add_finding(agent, walk.walk_id, "schoon-graffiti", "Tag", street="Parkweg")


def test_pack_data_lists_open_physical_signals_by_street_without_names(
    agent: ServiceContext, coordinator_ctx: ServiceContext
) -> None:
    ctx = coordinator_ctx
    plan_buurtschouw(agent, KERKRADE, WALK_DAY, "Route langs het park")
    make_signal(
        ctx,
        street="Parkweg",
        category="WO-VER",
        reporter="Anna Verzonnen",
        received_at=datetime(2026, 4, 3, 9, 0),
        number=3,
    )
    make_signal(
        ctx, street="Parkweg", category="OP-JEUGD", received_at=datetime(2026, 4, 1, 9, 0), number=5
    )
    make_signal(
        ctx, street="Akkerstraat", category="VE-PLEK", received_at=datetime(2026, 4, 2, 9, 0)
    )
    make_signal(
        ctx,
        street=None,
        postcode="6463 XY",
        category="WO-OPR",
        received_at=datetime(2026, 4, 2, 9, 0),
    )
    # Behind the front door: never on the pack.
    make_signal(ctx, street="Parkweg", category="ZV-HG", route_target="achter_de_voordeur")
    # Handled or rejected, or in another area: not on the pack.
    make_signal(ctx, street="Dichtstraat", status=SignalStatus.AFGEHANDELD)
    make_signal(ctx, street="Weigerstraat", status=SignalStatus.AFGEWEZEN)
    make_signal(ctx, street="Heerlenseweg", area=HEERLEN, postcode="6411 AB")
    make_case(ctx, persons=(("Bert Bedacht", 1970),))

    pack = prepare_pack_data(agent, KERKRADE, WALK_DAY)
    assert pack.area == KERKRADE
    assert pack.route == "Route langs het park"
    assert [s.street for s in pack.streets] == ["6463 XY", "Akkerstraat", "Parkweg"]
    parkweg = pack.streets[2]
    assert [(s.category_code, s.received) for s in parkweg.signals] == [
        ("OP-JEUGD", date(2026, 4, 1)),
        ("WO-VER", date(2026, 4, 3)),
    ]
    assert len(pack.checklist) == 16
    text = repr(pack)
    for forbidden in ("Verzonnen", "Bedacht", "Fictieve omschrijving", "ZV-HG", "Dichtstraat"):
        assert forbidden not in text
    assert prepare_pack_data(agent, KERKRADE, date(2026, 4, 21)).route is None
    with pytest.raises(AccessDenied):
        prepare_pack_data(agent, HEERLEN, WALK_DAY)


# --------------------------------------------------------------------------- one unit of work


def _walked_finding(agent: ServiceContext, clock: FixedClock) -> str:
    walk = plan_buurtschouw(agent, KERKRADE, WALK_DAY, None)
    clock.set(datetime(2026, 4, 20, 16, 0))
    return add_finding(
        agent,
        walk.walk_id,
        "veilig-hangplekken",
        "Groep bij het bankje",
        street="Verzonnenlaan",
        postcode="6462ab",
        house_number="4",
    ).finding_id


def _counts(ctx: ServiceContext) -> tuple[int, int, int, int, tuple[tuple[str, int], ...]]:
    """Signals, cases, status rows, audit entries and the reference counters."""
    with ctx.unit() as session:
        return (
            session.execute(select(func.count()).select_from(Signal)).scalar_one(),
            session.execute(select(func.count()).select_from(Case)).scalar_one(),
            session.execute(select(func.count()).select_from(StatusChange)).scalar_one(),
            session.execute(select(func.count()).select_from(AuditEntry)).scalar_one(),
            tuple(
                (c.name, c.value)
                for c in session.execute(select(RefCounter).order_by(RefCounter.name)).scalars()
            ),
        )


def _finding_row(ctx: ServiceContext, finding_id: str) -> tuple[str | None, str | None, int | None]:
    with ctx.unit() as session:
        finding = session.get(BuurtschouwFinding, finding_id)
        assert finding is not None
        return finding.signal_id, finding.postcode, finding.house_number


@pytest.mark.parametrize("case_choice", [NO_CASE, NEW_CASE])
def test_failed_link_leaves_no_signal_behind(
    coordinator_ctx: ServiceContext,
    agent: ServiceContext,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    case_choice: str,
    backend: str,
) -> None:
    finding_id = _walked_finding(agent, clock)
    before = _counts(coordinator_ctx)
    finding_before = _finding_row(coordinator_ctx, finding_id)
    real_audit = ServiceContext.audit

    def failing_audit(
        self: ServiceContext,
        session: Session,
        action: str,
        object_type: str | None = None,
        *args: object,
        **kwargs: object,
    ) -> None:
        if (action, object_type) == ("update", "finding"):
            raise RuntimeError("schijf vol tijdens het koppelen")
        real_audit(self, session, action, object_type, *args, **kwargs)  # type: ignore[arg-type]

    # The linking step (the finding's audit entry, after the signal rows were written in the
    # same session) fails: the whole unit rolls back. Patched on the class, so that it fails
    # on the centre's server too, where the desk reads it as the centre's internal error.
    monkeypatch.setattr(ServiceContext, "audit", failing_audit)
    with pytest.raises(SociaalVeiligError if backend == CENTRE else RuntimeError):
        finding_to_signal(coordinator_ctx, finding_id, case_choice=case_choice)
    monkeypatch.undo()

    assert _counts(coordinator_ctx) == before
    assert _finding_row(coordinator_ctx, finding_id) == finding_before
    assert finding_before[0] is None
    # Nothing half-done: the finding can still be made into a signal.
    done = finding_to_signal(coordinator_ctx, finding_id, case_choice=case_choice)
    assert done.signal_id is not None
    signals_after, cases_after, *_ = _counts(coordinator_ctx)
    assert signals_after == before[0] + 1
    assert cases_after == before[1] + (1 if case_choice == NEW_CASE else 0)


def test_finding_to_signal_audits_each_object_once(
    coordinator_ctx: ServiceContext, agent: ServiceContext, clock: FixedClock
) -> None:
    finding_id = _walked_finding(agent, clock)
    with coordinator_ctx.unit() as session:
        last = int(session.execute(select(func.max(AuditEntry.id))).scalar_one() or 0)
    done = finding_to_signal(coordinator_ctx, finding_id, case_choice=NEW_CASE)
    with coordinator_ctx.unit() as session:
        entries = [
            (e.action, e.object_type, e.object_id, e.username)
            for e in session.execute(
                select(AuditEntry).where(AuditEntry.id > last).order_by(AuditEntry.id)
            ).scalars()
        ]
        signal = session.get(Signal, done.signal_id)
        assert signal is not None
        case = session.get(Case, signal.case_id)
        assert case is not None
    user = coordinator_ctx.actor.username
    assert entries == [
        ("create", "case", case.reference, user),
        ("link", "signal", signal.reference, user),
        ("create", "signal", signal.reference, user),
        ("update", "finding", finding_id, user),
    ]
    assert _finding_row(coordinator_ctx, finding_id) == (signal.id, "6462 AB", 4)
    assert done.signal_reference == signal.reference
