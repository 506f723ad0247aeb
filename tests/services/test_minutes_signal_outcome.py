"""A decision on a signal item in the minutes says what happens to the signal (issue 14,
item 2): handled, rejected, a new case (the actions go to it), or it stays routed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import SignalStatus
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.services import signal_records
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.meeting_agenda import add_agenda_item
from sociaalveilig.services.meeting_minutes import record_decision
from sociaalveilig.services.signal_outcomes import OutcomeChoice, SignalOutcome
from sociaalveilig.storage.models import Action, Case
from tests.services.seed_casework import make_case, make_signal
from tests.services.test_meetings import MEETING_AT, WOCO, _action, _meeting


def _signal_item(ctx: ServiceContext, clock: FixedClock) -> tuple[str, str]:
    meeting = _meeting(ctx)
    signal = make_signal(ctx, number=9)
    item = add_agenda_item(ctx, meeting, signal_id=signal).items[0]
    clock.set(MEETING_AT.replace(hour=15))
    return signal, item.item_id


def test_decision_handles_the_signal(coordinator_ctx: ServiceContext, clock: FixedClock) -> None:
    signal, item = _signal_item(coordinator_ctx, clock)
    record_decision(
        coordinator_ctx,
        item,
        "Gemeente heeft de lantaarnpaal hersteld.",
        signal_outcome=OutcomeChoice(SignalOutcome.AFGEHANDELD, "Lamp hersteld."),
    )
    detail = signal_records.get_signal(coordinator_ctx, signal)
    assert detail.status is SignalStatus.AFGEHANDELD
    assert detail.history[-1].reason == "Afgehandeld: Lamp hersteld."


def test_without_outcome_the_signal_stays_routed(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    signal, item = _signal_item(coordinator_ctx, clock)
    record_decision(coordinator_ctx, item, "Volgende keer opnieuw bespreken.")
    assert signal_records.get_signal(coordinator_ctx, signal).status is SignalStatus.GEROUTEERD


def test_new_case_takes_the_actions(coordinator_ctx: ServiceContext, clock: FixedClock) -> None:
    signal, item = _signal_item(coordinator_ctx, clock)
    record_decision(
        coordinator_ctx,
        item,
        "Huisbezoek door woningcorporatie.",
        [_action(coordinator_ctx, WOCO, "Huisbezoek afleggen")],
        OutcomeChoice(SignalOutcome.NIEUWE_CASUS),
    )
    detail = signal_records.get_signal(coordinator_ctx, signal)
    assert detail.status is SignalStatus.GEKOPPELD and detail.case_id is not None
    with coordinator_ctx.unit() as session:
        owners = session.execute(select(Action.case_id)).scalars().all()
    assert owners == [detail.case_id]


def test_refused_outcome_saves_nothing(coordinator_ctx: ServiceContext, clock: FixedClock) -> None:
    signal, item = _signal_item(coordinator_ctx, clock)
    with pytest.raises(ValidationError, match="resultaat"):
        record_decision(
            coordinator_ctx,
            item,
            "Afgehandeld.",
            signal_outcome=OutcomeChoice(SignalOutcome.AFGEHANDELD, " "),
        )
    assert signal_records.get_signal(coordinator_ctx, signal).status is SignalStatus.GEROUTEERD
    # The decision itself was not stored either: it can be recorded again.
    record_decision(coordinator_ctx, item, "Toch blijven volgen.")


def test_link_to_an_existing_case(coordinator_ctx: ServiceContext, clock: FixedClock) -> None:
    case = make_case(coordinator_ctx, number=30)
    signal, item = _signal_item(coordinator_ctx, clock)
    with coordinator_ctx.unit() as session:
        case_ref = session.get(Case, case).reference
    record_decision(
        coordinator_ctx,
        item,
        "Hoort bij de lopende casus.",
        signal_outcome=OutcomeChoice(SignalOutcome.KOPPELEN, "Zelfde gezin.", case_ref),
    )
    assert signal_records.get_signal(coordinator_ctx, signal).case_id == case
