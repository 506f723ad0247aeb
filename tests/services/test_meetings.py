from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from sociaalveilig.core.enums import (
    ActionType,
    CaseStatus,
    EscalationTarget,
    MeetingType,
    Role,
    SignalStatus,
)
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.services.actions import ActionInput
from sociaalveilig.services.agenda_proposals import propose_agenda
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.escalations import afschalen, escalate
from sociaalveilig.services.meeting_agenda import (
    AgendaReason,
    accept_proposals,
    add_agenda_item,
    agenda_for_partner,
    get_meeting,
    mark_agenda_sent,
    remove_agenda_item,
    reorder_agenda,
)
from sociaalveilig.services.meeting_minutes import record_decision
from sociaalveilig.services.meeting_planning import (
    MeetingStatus,
    cancel_meeting,
    list_meetings,
    move_meeting,
    plan_meeting,
    set_meeting_partners,
)
from sociaalveilig.storage.models import Action, AuditEntry, Case
from tests.conftest import ActorFactory
from tests.services.seed_casework import (
    HEERLEN,
    KERKRADE,
    case_status,
    make_case,
    make_signal,
    partner_id,
)

WOCO = "Woningcorporatie"
POLICE = "Politie Limburg"
CARE = "Zorg en hulpverlening"
FL = "fysieke_leefomgeving"
AV = "achter_de_voordeur"
MEETING_AT = datetime(2026, 4, 22, 14, 0)


def _meeting(ctx: ServiceContext, at: datetime = MEETING_AT, area: str = "kerkrade") -> str:
    info = plan_meeting(
        ctx,
        area,
        MeetingType.FL,
        at,
        "Gemeentehuis, zaal 2",
        [partner_id(ctx, WOCO), partner_id(ctx, POLICE)],
    )
    return info.meeting_id


def _action(ctx: ServiceContext, owner: str, description: str) -> ActionInput:
    return ActionInput(
        ActionType.GEZAMENLIJK_HUISBEZOEK, partner_id(ctx, owner), date(2026, 5, 6), description
    )


def test_plan_meeting(coordinator_ctx: ServiceContext) -> None:
    mid = _meeting(coordinator_ctx)
    detail = get_meeting(coordinator_ctx, mid)
    assert detail.meeting.area == KERKRADE
    assert detail.meeting.meeting_type is MeetingType.FL
    assert detail.meeting.status is MeetingStatus.GEPLAND
    assert set(detail.meeting.partner_names) == {WOCO, POLICE}
    assert detail.items == ()
    assert [
        m.meeting_id
        for m in list_meetings(
            coordinator_ctx, date(2026, 4, 1), date(2026, 4, 30), area=KERKRADE, meeting_type="FL"
        )
    ] == [mid]
    assert list_meetings(coordinator_ctx, date(2026, 4, 1), date(2026, 4, 21)) == []
    assert (
        list_meetings(coordinator_ctx, date(2026, 4, 1), date(2026, 4, 30), meeting_type=AV) == []
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"starts_at": datetime(2026, 4, 15, 9, 0)}, "starts_at"),
        ({"partner_ids": []}, "partner_ids"),
        ({"meeting_type": "koffie"}, "meeting_type"),
        ({"area": "Maastricht"}, "focusgebied"),
    ],
)
def test_plan_meeting_refusals(
    coordinator_ctx: ServiceContext, kwargs: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {
        "area": KERKRADE,
        "meeting_type": MeetingType.FL,
        "starts_at": MEETING_AT,
        "location": None,
        "partner_ids": [partner_id(coordinator_ctx, WOCO)],
    }
    values.update(kwargs)
    with pytest.raises(ValidationError) as err:
        plan_meeting(coordinator_ctx, **values)  # type: ignore[arg-type]
    assert err.value.field == field


def test_agenda_proposals_hold_routed_signals_due_reviews_and_open_escalations(
    coordinator_ctx: ServiceContext,
) -> None:
    ctx = coordinator_ctx
    mid = _meeting(ctx)
    routed = make_signal(ctx, received_at=datetime(2026, 4, 10, 9, 0), street="Eerste Straat")
    make_signal(ctx, route_target=AV, category="ZV-ZORG", number=3)  # other meeting type
    make_signal(ctx, area=HEERLEN, postcode="6411 AB")  # other area
    make_signal(ctx, status=SignalStatus.AFGEWEZEN, number=5)  # not to be discussed
    linked_case = make_case(ctx, number=40)
    make_signal(ctx, case_id=linked_case, status=SignalStatus.GEKOPPELD, number=40)
    due = make_case(ctx, number=50, next_review=date(2026, 4, 20))
    make_signal(
        ctx,
        case_id=due,
        status=SignalStatus.GEKOPPELD,
        number=50,
        received_at=datetime(2026, 3, 1, 9, 0),
    )
    make_case(ctx, number=60, next_review=date(2026, 5, 1))  # review after the meeting
    make_case(ctx, number=61, next_review=date(2026, 4, 1), status=CaseStatus.AFGESLOTEN)
    escalated = make_case(ctx, number=70, status=CaseStatus.IN_BEHANDELING, zvh_met=True)
    escalate(ctx, escalated, EscalationTarget.ZVH, "Meerdere leefgebieden")
    av_case = make_case(ctx, number=80, next_review=date(2026, 4, 20))
    make_signal(
        ctx,
        case_id=av_case,
        route_target=AV,
        category="ZV-ZORG",
        number=80,
        status=SignalStatus.GEKOPPELD,
    )

    proposals = propose_agenda(ctx, mid)
    with ctx.unit() as session:
        refs = dict(session.execute(select(Case.id, Case.reference)).tuples().all())
    got = {(p.reason, p.case_reference or p.signal_id) for p in proposals}
    assert got == {
        (AgendaReason.ESCALATION, refs[escalated]),
        (AgendaReason.REVIEW, refs[due]),
        (AgendaReason.ROUTED, refs[linked_case]),
        (AgendaReason.ROUTED, routed),
    }
    assert proposals[0].reason is AgendaReason.ESCALATION
    routed_proposal = next(p for p in proposals if p.signal_id == routed)
    assert routed_proposal.address == "Eerste Straat 12, 6461 AB Kerkrade"
    assert "gerouteerd" in routed_proposal.explanation

    detail = accept_proposals(ctx, mid, proposals)
    assert [i.reason for i in detail.items] == [p.reason for p in proposals]
    assert [i.position for i in detail.items] == [1, 2, 3, 4]
    assert propose_agenda(ctx, mid) == []
    # A later meeting does not get the same signals again.
    later = _meeting(ctx, datetime(2026, 5, 6, 14, 0))
    assert {p.reason for p in propose_agenda(ctx, later)} <= {
        AgendaReason.ESCALATION,
        AgendaReason.REVIEW,
    }
    assert all(p.signal_id != routed for p in propose_agenda(ctx, later))


def test_afschaling_brings_the_case_back_to_the_next_meeting(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    ctx = coordinator_ctx
    case = make_case(ctx, status=CaseStatus.IN_BEHANDELING, zvh_met=True)
    esc = escalate(ctx, case, EscalationTarget.ZVH, "Meerdere leefgebieden")
    first = _meeting(ctx)
    add_agenda_item(ctx, first, case_id=case, reason=AgendaReason.ESCALATION)
    clock.set(datetime(2026, 4, 27, 9, 0))
    afschalen(ctx, esc.escalation_id, "ZVH klaar; lokaal volgen.")
    assert case_status(ctx, case) == CaseStatus.IN_BEHANDELING
    following = _meeting(ctx, datetime(2026, 5, 6, 14, 0))
    proposals = propose_agenda(ctx, following)
    assert [(p.reason, p.case_id) for p in proposals] == [(AgendaReason.AFSCHALING, case)]
    assert "teruggelegd" in proposals[0].explanation
    accept_proposals(ctx, following, proposals)
    third = _meeting(ctx, datetime(2026, 5, 20, 14, 0))
    assert propose_agenda(ctx, third) == []


def test_agenda_editing(coordinator_ctx: ServiceContext) -> None:
    ctx = coordinator_ctx
    mid = _meeting(ctx)
    with pytest.raises(ValidationError) as err:
        mark_agenda_sent(ctx, mid)
    assert err.value.field == "meeting_id"
    cases = [make_case(ctx, number=n) for n in (1, 2, 3)]
    for case in cases:
        add_agenda_item(ctx, mid, case_id=case)
    with pytest.raises(ValidationError) as err:
        add_agenda_item(ctx, mid, case_id=cases[0])
    assert "al op de agenda" in str(err.value)
    elsewhere = make_case(ctx, area=HEERLEN, postcode="6411 AB")
    with pytest.raises(ValidationError):
        add_agenda_item(ctx, mid, case_id=elsewhere)
    items = get_meeting(ctx, mid).items
    ids = [i.item_id for i in items]
    reordered = reorder_agenda(ctx, mid, [ids[2], ids[0], ids[1]])
    assert [i.case_id for i in reordered.items] == [cases[2], cases[0], cases[1]]
    with pytest.raises(ValidationError) as err:
        reorder_agenda(ctx, mid, [ids[0], ids[1]])
    assert err.value.field == "ordered_item_ids"
    with pytest.raises(ValidationError):
        reorder_agenda(ctx, mid, [ids[0], ids[0], ids[1]])
    after = remove_agenda_item(ctx, ids[0])
    assert [(i.case_id, i.position) for i in after.items] == [(cases[2], 1), (cases[1], 2)]
    sent = mark_agenda_sent(ctx, mid)
    assert sent.agenda_sent_at == datetime(2026, 4, 15, 10, 0)


def _count_actions(ctx: ServiceContext) -> int:
    with ctx.unit() as session:
        return session.execute(select(func.count()).select_from(Action)).scalar_one()


def test_minutes_create_actions_atomically(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    ctx = coordinator_ctx
    case = make_case(ctx)
    make_signal(ctx, case_id=case, status=SignalStatus.GEKOPPELD)
    mid = _meeting(ctx)
    item = add_agenda_item(ctx, mid, case_id=case).items[0]
    with pytest.raises(ValidationError) as err:
        record_decision(ctx, item.item_id, "Samen langs", [_action(ctx, WOCO, "x")])
    assert err.value.field == "decision_text"  # the meeting has not started yet
    clock.set(datetime(2026, 4, 22, 15, 0))
    good = _action(ctx, WOCO, "Huisbezoek met de politie")
    bad = ActionInput(ActionType.CONTROLE, None, date(2026, 5, 6), "zonder eigenaar")
    with pytest.raises(ValidationError) as err:
        record_decision(ctx, item.item_id, "Samen langs", [good, bad])
    assert err.value.field == "owner_partner_id"
    assert str(err.value).startswith("Actie 2")
    assert _count_actions(ctx) == 0
    unchanged = get_meeting(ctx, mid)
    assert unchanged.items[0].decision is None
    assert unchanged.meeting.status is MeetingStatus.GEPLAND
    assert case_status(ctx, case) == CaseStatus.OPEN
    with pytest.raises(ValidationError) as err:
        record_decision(ctx, item.item_id, "  ", [good])
    assert err.value.field == "decision_text"

    second = _action(ctx, POLICE, "Controle op de avond")
    decided = record_decision(ctx, item.item_id, "Samen langs; controle.", [good, second])
    assert decided.decision == "Samen langs; controle."
    assert decided.decided_at == datetime(2026, 4, 22, 15, 0)
    assert [a.reference for a in decided.actions] == ["A-2026-00001", "A-2026-00002"]
    assert {a.agenda_item_id for a in decided.actions} == {item.item_id}
    assert case_status(ctx, case) == CaseStatus.IN_BEHANDELING
    with ctx.unit() as session:
        row = session.get(Case, case)
        assert row is not None
        # Reviewed at the meeting of 22 April: medium risk, next in 28 days.
        assert row.next_review == date(2026, 5, 20)
    assert get_meeting(ctx, mid).meeting.status is MeetingStatus.GEHOUDEN
    with pytest.raises(ValidationError):
        record_decision(ctx, item.item_id, "Nog een besluit")
    with pytest.raises(ValidationError):
        remove_agenda_item(ctx, item.item_id)


def test_partner_not_in_the_meeting_does_not_get_the_case(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory, clock: FixedClock
) -> None:
    ctx = coordinator_ctx
    case = make_case(ctx)
    mid = _meeting(ctx)
    item = add_agenda_item(ctx, mid, case_id=case).items[0]
    clock.set(datetime(2026, 4, 22, 15, 0))
    record_decision(
        ctx,
        item.item_id,
        "Afspraken gemaakt.",
        [_action(ctx, WOCO, "Brief over de huur"), _action(ctx, POLICE, "Extra surveillance")],
    )
    care = make_actor(Role.PARTNER, partner=CARE)
    # A meeting the partner does not take part in reads as a missing one.
    with pytest.raises(NotFound, match=r"^Overleg niet gevonden\.$"):
        get_meeting(care, mid)
    with pytest.raises(NotFound, match=r"^Overleg niet gevonden\.$"):
        agenda_for_partner(care, mid, partner_id(ctx, CARE))
    with pytest.raises(AccessDenied):
        agenda_for_partner(ctx, mid, partner_id(ctx, CARE))
    assert list_meetings(care, date(2026, 4, 1), date(2026, 4, 30)) == []
    with ctx.unit() as session:
        denied = session.execute(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.outcome == "denied")
        ).scalar_one()
    assert denied >= 2

    woco = make_actor(Role.PARTNER, partner=WOCO)
    own_copy = get_meeting(woco, mid)
    assert own_copy == agenda_for_partner(ctx, mid, partner_id(ctx, WOCO))
    assert [i.case_id for i in own_copy.items] == [case]
    notes = {a.owner_name: a.description for a in own_copy.actions}
    assert notes == {WOCO: "Brief over de huur", POLICE: None}
    with pytest.raises(AccessDenied):
        agenda_for_partner(woco, mid, partner_id(ctx, POLICE))
    full = get_meeting(ctx, mid)
    assert {a.description for a in full.actions} == {"Brief over de huur", "Extra surveillance"}
    assert [m.meeting_id for m in list_meetings(woco, date(2026, 4, 1), date(2026, 4, 30))] == [mid]


def test_partner_copy_leaves_out_items_the_partner_may_not_see(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    ctx = coordinator_ctx
    mid = _meeting(ctx)
    visible = make_case(ctx, number=1)
    add_agenda_item(ctx, mid, case_id=visible)
    woco = make_actor(Role.PARTNER, partner=WOCO)
    copy = agenda_for_partner(ctx, mid, partner_id(ctx, WOCO))
    assert [i.case_id for i in copy.items] == [visible]
    assert copy.partner_id == partner_id(ctx, WOCO)
    # Another meeting the partner does not take part in: neither the meeting nor its case.
    other = plan_meeting(
        ctx, KERKRADE, MeetingType.AV, MEETING_AT, None, [partner_id(ctx, CARE)]
    ).meeting_id
    hidden = make_case(ctx, number=2)
    add_agenda_item(ctx, other, case_id=hidden)
    with pytest.raises(NotFound):
        get_meeting(woco, other)
    assert [i.case_id for i in get_meeting(woco, mid).items] == [visible]


def test_wijkagent_sees_meetings_of_own_areas(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    mid = _meeting(coordinator_ctx)
    local = make_actor(Role.WIJKAGENT, areas=[KERKRADE])
    outsider = make_actor(Role.WIJKAGENT, areas=[HEERLEN])
    assert get_meeting(local, mid).meeting.meeting_id == mid
    with pytest.raises(AccessDenied):
        get_meeting(outsider, mid)
    with pytest.raises(AccessDenied):
        propose_agenda(outsider, mid)
    assert list_meetings(outsider, date(2026, 4, 1), date(2026, 4, 30)) == []
    with pytest.raises(AccessDenied):
        plan_meeting(
            local, KERKRADE, MeetingType.FL, MEETING_AT, None, [partner_id(coordinator_ctx, WOCO)]
        )


def test_items_of_a_cancelled_meeting_are_proposed_again(coordinator_ctx: ServiceContext) -> None:
    ctx = coordinator_ctx
    signal = make_signal(ctx)
    cancelled = _meeting(ctx)
    accept_proposals(ctx, cancelled, propose_agenda(ctx, cancelled))
    assert get_meeting(ctx, cancelled).items[0].signal_id == signal
    next_one = _meeting(ctx, datetime(2026, 5, 6, 14, 0))
    assert propose_agenda(ctx, next_one) == []
    cancel_meeting(ctx, cancelled)
    assert [p.signal_id for p in propose_agenda(ctx, next_one)] == [signal]
    with pytest.raises(ValidationError):
        add_agenda_item(ctx, cancelled, signal_id=signal)


def test_move_meeting_and_change_partners(coordinator_ctx: ServiceContext) -> None:
    ctx = coordinator_ctx
    mid = _meeting(ctx)
    moved = move_meeting(ctx, mid, datetime(2026, 4, 23, 9, 30), "Wijkpost")
    assert (moved.starts_at, moved.location) == (datetime(2026, 4, 23, 9, 30), "Wijkpost")
    with pytest.raises(ValidationError) as err:
        move_meeting(ctx, mid, datetime(2026, 4, 14, 9, 30))
    assert err.value.field == "starts_at"
    care = partner_id(ctx, CARE)
    changed = set_meeting_partners(ctx, mid, [partner_id(ctx, WOCO), care])
    assert set(changed.partner_names) == {WOCO, CARE}
    with pytest.raises(ValidationError) as err:
        set_meeting_partners(ctx, mid, [])
    assert err.value.field == "partner_ids"
    assert cancel_meeting(ctx, mid).status is MeetingStatus.GEANNULEERD
    with pytest.raises(ValidationError):
        move_meeting(ctx, mid, datetime(2026, 4, 24, 9, 30))


# --------------------------------------------------------------------------- audit cost


_Entry = tuple[str, str | None, str | None]


def _audit_since(ctx: ServiceContext, after_id: int) -> list[_Entry]:
    with ctx.unit() as session:
        return [
            (e.action, e.object_type, e.object_id)
            for e in session.execute(
                select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id)
            ).scalars()
        ]


def _last_audit_id(ctx: ServiceContext) -> int:
    with ctx.unit() as session:
        return int(session.execute(select(func.max(AuditEntry.id))).scalar_one() or 0)


def _decision_entries(
    ctx: ServiceContext, clock: FixedClock, n_items: int, first: int
) -> list[_Entry]:
    """The audit entries of one decision (with two actions) on the first item of an
    agenda of ``n_items`` cases; ``first`` keeps the house numbers apart per agenda."""
    clock.set(datetime(2026, 4, 15, 10, 0))
    mid = _meeting(ctx)
    case_ids = [make_case(ctx, number=first + n) for n in range(n_items)]
    accept_items = [add_agenda_item(ctx, mid, case_id=c) for c in case_ids][-1].items
    assert len(accept_items) == n_items
    clock.set(datetime(2026, 4, 22, 15, 0))
    before = _last_audit_id(ctx)
    decided = record_decision(
        ctx,
        accept_items[0].item_id,
        "Samen langs.",
        [_action(ctx, WOCO, "Huisbezoek"), _action(ctx, POLICE, "Surveillance")],
    )
    assert decided.item_id == accept_items[0].item_id and len(decided.actions) == 2
    return _audit_since(ctx, before)


def test_record_decision_logs_the_same_few_entries_whatever_the_agenda_length(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    ctx = coordinator_ctx
    short = _decision_entries(ctx, clock, 3, 100)
    long = _decision_entries(ctx, clock, 10, 200)
    assert len(short) == len(long)
    assert len(long) <= 6
    kinds = [(action, object_type) for action, object_type, _ in long]
    # The two actions, the case starting to be handled, the case reviewed, the decision on
    # the item, and the meeting now held; no view of any other case on the agenda.
    assert sorted(kinds) == sorted(
        [
            ("create", "action"),
            ("create", "action"),
            ("status", "case"),
            ("update", "case"),
            ("update", "agenda_item"),
            ("update", "meeting"),
        ]
    )
    assert not [k for k in kinds if k[0] == "view"]


def test_opening_a_meeting_logs_one_meeting_view_and_one_view_per_case(
    coordinator_ctx: ServiceContext,
) -> None:
    ctx = coordinator_ctx
    mid = _meeting(ctx)
    cases = [make_case(ctx, number=n) for n in (1, 2, 3, 4)]
    for case in cases:
        add_agenda_item(ctx, mid, case_id=case)
    loose = make_signal(ctx, number=9)
    add_agenda_item(ctx, mid, signal_id=loose)
    with ctx.unit() as session:
        refs = {
            r for r in session.execute(select(Case.reference).where(Case.id.in_(cases))).scalars()
        }
    before = _last_audit_id(ctx)
    detail = get_meeting(ctx, mid)
    assert len(detail.items) == 5
    entries = _audit_since(ctx, before)
    assert entries[0] == ("view", "meeting", mid)
    assert sorted(e[2] or "" for e in entries[1:]) == sorted(refs)
    assert all(e[:2] == ("view", "case") for e in entries[1:])
    # An edit returns the agenda without logging it again.
    before = _last_audit_id(ctx)
    ids = [i.item_id for i in detail.items]
    reorder_agenda(ctx, mid, list(reversed(ids)))
    # Each moved item is logged as changed (the middle one stays); the meeting once.
    moved = [i for position, i in enumerate(reversed(ids)) if ids[position] != i]
    assert len(moved) == 4
    assert _audit_since(ctx, before) == [
        *(("update", "agenda_item", i) for i in moved), ("update", "meeting", mid)
    ]
