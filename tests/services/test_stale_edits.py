"""No silent overwrite (issue 19, item 1): two desks load the same record, one saves, the
other's save (based on the version it saw) is refused with ``StaleEdit`` naming the first
user; nothing of the refused save is stored, and the audit log records the refusal.
Additions that cannot conflict never ask. Runs on both stores (the ``backend`` fixture)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import func, inspect, select

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    RiskLevel,
    Role,
    SignalStatus,
)
from sociaalveilig.core.errors import ConflictError, StaleEdit
from sociaalveilig.core.escalation import ZvhCriteria
from sociaalveilig.services import (
    actions,
    buurtschouw,
    case_reviews,
    cases,
    escalations,
    meeting_agenda,
    meeting_minutes,
    meeting_planning,
    partners,
    reference_data,
    retention_rules,
    routing_rules,
    signal_linking,
    signal_outcomes,
    users,
    visits,
)
from sociaalveilig.services import signals as sv
from sociaalveilig.services.audit_labels import OBJECT_LABELS
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.signal_intake import NO_CASE, SignalInput
from sociaalveilig.services.versions import STALE_ACTION
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    AuditEntry,
    Buurtschouw,
    Case,
    Category,
    Escalation,
    Meeting,
    MeetingPartner,
    Partner,
    RetentionRule,
    RoutingRule,
    Signal,
    StatusChange,
    User,
    UserArea,
    Visit,
)
from tests.conftest import ActorFactory
from tests.services.seed_casework import make_case, make_signal, partner_id

WOCO = "Woningcorporatie"
POLICE = "Politie Limburg"
CARE = "Zorg en hulpverlening"
MEETING_AT = datetime(2026, 4, 22, 14, 0)


@dataclass
class Desks:
    """Two users of the same role on the same store, and the shared clock."""

    first: ServiceContext
    second: ServiceContext
    clock: FixedClock


@pytest.fixture
def desks(make_actor: ActorFactory, clock: FixedClock) -> Desks:
    return Desks(
        make_actor(Role.COORDINATOR, username="jansen"),
        make_actor(Role.COORDINATOR, username="smit"),
        clock,
    )


@pytest.fixture
def beheerders(admin_ctx: ServiceContext, make_actor: ActorFactory, clock: FixedClock) -> Desks:
    return Desks(make_actor(Role.BEHEERDER, username="peters"), admin_ctx, clock)


# --------------------------------------------------------------------------- the records


def _case(d: Desks) -> str:
    return make_case(d.first, status=CaseStatus.IN_BEHANDELING, zvh_met=True)


def _action(d: Desks) -> str:
    case_id = _case(d)
    make_signal(d.first, case_id=case_id, received_at=datetime(2026, 4, 2, 9, 0))
    row = actions.create_action(
        d.first,
        case_id,
        actions.ActionInput(
            ActionType.GEZAMENLIJK_HUISBEZOEK, partner_id(d.first, WOCO), date(2026, 4, 30)
        ),
    )
    return row.action_id


def _visit(d: Desks) -> str:
    case_id = _case(d)
    row = visits.plan_visit(
        d.first,
        visits.VisitInput(
            case_id=case_id,
            partner_ids=(partner_id(d.first, WOCO), partner_id(d.first, POLICE)),
            start=datetime(2026, 4, 16, 10, 0),
            end=datetime(2026, 4, 16, 11, 0),
            purpose="Fictief: kennismaken.",
            joint=True,
        ),
    )
    return row.visit_id


def _visit_done(d: Desks) -> str:
    visit_id = _visit(d)
    d.clock.set(datetime(2026, 4, 16, 12, 0))  # an outcome is recorded after the visit
    return visit_id


def _escalation(d: Desks) -> str:
    row = escalations.escalate(d.first, _case(d), EscalationTarget.ZVH, "Fictief: meerdere")
    return row.escalation_id


def _signal(d: Desks) -> str:
    return make_signal(d.first)


def _signal_and_case(d: Desks) -> str:
    make_case(d.first, number=99)
    return _signal(d)


def _other_case(ctx: ServiceContext) -> str:
    with ctx.read_unit() as session:
        return session.execute(select(Case.id).where(Case.house_number == 99)).scalar_one()


def _linked_signal(d: Desks) -> str:
    case_id = _case(d)
    return make_signal(d.first, case_id=case_id, status=SignalStatus.GEKOPPELD)


def _meeting(d: Desks) -> str:
    info = meeting_planning.plan_meeting(
        d.first,
        "kerkrade",
        MeetingType.FL,
        MEETING_AT,
        "Fictief gemeentehuis",
        [partner_id(d.first, WOCO), partner_id(d.first, POLICE)],
    )
    return info.meeting_id


def _item(d: Desks) -> str:
    meeting_id = _meeting(d)
    detail = meeting_agenda.add_agenda_item(d.first, meeting_id, case_id=_case(d))
    d.clock.set(datetime(2026, 4, 22, 16, 0))  # the minutes come after the meeting
    return detail.items[0].item_id


def _user(d: Desks) -> str:
    info = users.add_user(d.first, "fictief", "coordinator", "Fictief-wachtwoord-2026!")
    return info.user_id


def _rule(d: Desks) -> str:
    return routing_rules.save_rule(d.first, _rule_input(None, "Fictieve regel")).rule_id


def _rule_input(rule_id: str | None, name: str) -> routing_rules.RuleInput:
    return routing_rules.RuleInput(
        rule_id=rule_id, name=name, category="WO-OVL", target="fysieke_leefomgeving"
    )


def _partner(d: Desks) -> str:
    return partners.add_partner(d.first, "Fictieve Stichting", "anders").partner_id


def _inactive_partner(d: Desks) -> str:
    partner_id = _partner(d)
    partners.deactivate_partner(d.first, partner_id)
    return partner_id


def _category_input(name: str) -> reference_data.CategoryInput:
    return reference_data.CategoryInput(
        code="VE-FICT", name=name, main_category="Veiligheid", meeting="FL", term_days=10
    )


def _category(d: Desks) -> str:
    return reference_data.save_category(d.first, _category_input("Fictief")).category_id


def _retention_rule(d: Desks) -> str:
    with d.first.read_unit() as session:
        return session.execute(
            select(RetentionRule.id).where(RetentionRule.code == "reporter-details")
        ).scalar_one()


def _walk(d: Desks) -> str:
    walk = buurtschouw.plan_buurtschouw(d.first, "kerkrade", date(2026, 4, 20), None)
    d.clock.set(datetime(2026, 4, 21, 9, 0))  # the walk was made; now it is finished
    return walk.walk_id


def _username(ctx: ServiceContext, user_id: str) -> str:
    with ctx.read_unit() as session:
        return session.execute(select(User.username).where(User.id == user_id)).scalar_one()


Edit = Callable[[ServiceContext, str, int], object]


@dataclass(frozen=True)
class Case_:
    """One editing function (``refused``), tried after another edit (``first``)."""

    name: str
    model: type[Any]
    make: Callable[[Desks], str]
    first: Edit
    refused: Edit
    admin: bool = False


def _zvh(value: bool) -> ZvhCriteria:
    return ZvhCriteria(value, value, value, value, value)


EDITS = [
    # cases
    Case_("set_risk_level", Case, _case,
          lambda c, i, v: cases.set_lead_partner(c, i, partner_id(c, WOCO), expected_version=v),
          lambda c, i, v: cases.set_risk_level(c, i, RiskLevel.HOOG, expected_version=v)),
    Case_("set_lead_partner", Case, _case,
          lambda c, i, v: cases.set_risk_level(c, i, RiskLevel.HOOG, expected_version=v),
          lambda c, i, v: cases.set_lead_partner(c, i, partner_id(c, CARE), expected_version=v)),
    Case_("set_zvh_criteria", Case, _case,
          lambda c, i, v: cases.set_risk_level(c, i, RiskLevel.HOOG, expected_version=v),
          lambda c, i, v: cases.set_zvh_criteria(c, i, _zvh(False), expected_version=v)),
    Case_("change_case_status", Case, _case,
          lambda c, i, v: cases.set_risk_level(c, i, RiskLevel.HOOG, expected_version=v),
          lambda c, i, v: cases.change_case_status(
              c, i, CaseStatus.AFGESLOTEN, "Fictief: klaar", expected_version=v)),
    # actions
    Case_("change_action_status", Action, _action,
          lambda c, i, v: actions.change_action_deadline(
              c, i, date(2026, 5, 8), "Fictief: later", expected_version=v),
          lambda c, i, v: actions.change_action_status(
              c, i, ActionStatus.VERVALLEN, "Fictief: niet nodig", expected_version=v)),
    Case_("complete_action", Action, _action,
          lambda c, i, v: actions.change_action_status(
              c, i, ActionStatus.VERVALLEN, "Fictief: niet nodig", expected_version=v),
          lambda c, i, v: actions.complete_action(c, i, "Fictief: gedaan", expected_version=v)),
    Case_("change_action_deadline", Action, _action,
          lambda c, i, v: actions.complete_action(c, i, "Fictief: gedaan", expected_version=v),
          lambda c, i, v: actions.change_action_deadline(
              c, i, date(2026, 5, 8), "Fictief: later", expected_version=v)),
    # visits
    Case_("move_visit", Visit, _visit,
          lambda c, i, v: visits.cancel_visit(c, i, "Fictief: ziek", expected_version=v),
          lambda c, i, v: visits.move_visit(
              c, i, datetime(2026, 4, 17, 10, 0), expected_version=v)),
    Case_("cancel_visit", Visit, _visit,
          lambda c, i, v: visits.move_visit(
              c, i, datetime(2026, 4, 17, 10, 0), expected_version=v),
          lambda c, i, v: visits.cancel_visit(c, i, "Fictief: ziek", expected_version=v)),
    Case_("record_outcome", Visit, _visit_done,
          lambda c, i, v: visits.record_outcome(
              c, i, visits.VisitOutcome.NIEMAND_THUIS, expected_version=v),
          lambda c, i, v: visits.record_outcome(
              c, i, visits.VisitOutcome.UITGEVOERD, "Fictief: goed gesprek", expected_version=v)),
    # escalations
    Case_("change_escalation_status", Escalation, _escalation,
          lambda c, i, v: escalations.change_escalation_status(
              c, i, EscalationStatus.IN_BEHANDELING, expected_version=v),
          lambda c, i, v: escalations.change_escalation_status(
              c, i, EscalationStatus.AFGESLOTEN, "Fictief", expected_version=v)),
    Case_("afschalen", Escalation, _escalation,
          lambda c, i, v: escalations.change_escalation_status(
              c, i, EscalationStatus.IN_BEHANDELING, expected_version=v),
          lambda c, i, v: escalations.afschalen(c, i, "Fictief: terug", expected_version=v)),
    # signals
    Case_("handle_signal", Signal, _signal,
          lambda c, i, v: signal_outcomes.reject_signal(
              c, i, "Fictief: dubbel", expected_version=v),
          lambda c, i, v: signal_outcomes.handle_signal(
              c, i, "Fictief: opgelost", expected_version=v)),
    Case_("reject_signal", Signal, _signal,
          lambda c, i, v: signal_outcomes.handle_signal(
              c, i, "Fictief: opgelost", expected_version=v),
          lambda c, i, v: signal_outcomes.reject_signal(
              c, i, "Fictief: dubbel", expected_version=v)),
    Case_("case_from_signal", Signal, _signal,
          lambda c, i, v: signal_outcomes.handle_signal(
              c, i, "Fictief: opgelost", expected_version=v),
          lambda c, i, v: signal_outcomes.case_from_signal(c, i, expected_version=v)),
    Case_("move_signal", Signal, _signal_and_case,
          lambda c, i, v: signal_outcomes.reject_signal(
              c, i, "Fictief: dubbel", expected_version=v),
          lambda c, i, v: signal_linking.move_signal(
              c, i, _other_case(c), "Fictief: hoort erbij", expected_version=v)),
    Case_("unlink_signal", Signal, _linked_signal,
          lambda c, i, v: signal_linking.change_signal_status(
              c, i, "afgehandeld", "Fictief: klaar", expected_version=v),
          lambda c, i, v: signal_linking.unlink_signal(c, i, "Fictief: fout", expected_version=v)),
    Case_("change_signal_status", Signal, _signal,
          lambda c, i, v: signal_outcomes.handle_signal(
              c, i, "Fictief: opgelost", expected_version=v),
          lambda c, i, v: signal_linking.change_signal_status(
              c, i, "afgewezen", "Fictief: dubbel", expected_version=v)),
    # meetings and agenda items
    Case_("move_meeting", Meeting, _meeting,
          lambda c, i, v: meeting_planning.set_meeting_partners(
              c, i, [partner_id(c, CARE), partner_id(c, POLICE)], expected_version=v),
          lambda c, i, v: meeting_planning.move_meeting(
              c, i, datetime(2026, 4, 23, 14, 0), expected_version=v)),
    Case_("set_meeting_partners", Meeting, _meeting,
          lambda c, i, v: meeting_planning.move_meeting(
              c, i, datetime(2026, 4, 23, 14, 0), expected_version=v),
          lambda c, i, v: meeting_planning.set_meeting_partners(
              c, i, [partner_id(c, CARE), partner_id(c, WOCO)], expected_version=v)),
    Case_("cancel_meeting", Meeting, _meeting,
          lambda c, i, v: meeting_planning.move_meeting(
              c, i, datetime(2026, 4, 23, 14, 0), expected_version=v),
          lambda c, i, v: meeting_planning.cancel_meeting(c, i, expected_version=v)),
    Case_("record_decision", AgendaItem, _item,
          lambda c, i, v: meeting_minutes.record_decision(
              c, i, "Fictief: eerst besluit", expected_version=v),
          lambda c, i, v: meeting_minutes.record_decision(
              c, i, "Fictief: ander besluit", expected_version=v)),
    Case_("remove_agenda_item", AgendaItem, _item,
          lambda c, i, v: meeting_minutes.record_decision(
              c, i, "Fictief: besluit", expected_version=v),
          lambda c, i, v: meeting_agenda.remove_agenda_item(c, i, expected_version=v)),
    # users and routing rules (beheerders)
    Case_("change_role", User, _user,
          lambda c, i, v: users.change_role(
              c, _username(c, i), "wijkagent", areas=["Nuth"], expected_version=v),
          lambda c, i, v: users.change_role(
              c, _username(c, i), "manager", expected_version=v), admin=True),
    Case_("deactivate_user", User, _user,
          lambda c, i, v: users.change_role(
              c, _username(c, i), "wijkagent", areas=["Nuth"], expected_version=v),
          lambda c, i, v: users.deactivate_user(c, _username(c, i), expected_version=v),
          admin=True),
    Case_("save_rule", RoutingRule, _rule,
          lambda c, i, v: routing_rules.deactivate_rule(c, i, expected_version=v),
          lambda c, i, v: routing_rules.save_rule(
              c, _rule_input(i, "Andere naam"), expected_version=v), admin=True),
    Case_("deactivate_rule", RoutingRule, _rule,
          lambda c, i, v: routing_rules.save_rule(
              c, _rule_input(i, "Andere naam"), expected_version=v),
          lambda c, i, v: routing_rules.deactivate_rule(c, i, expected_version=v), admin=True),
    Case_("move_rule", RoutingRule, _rule,
          lambda c, i, v: routing_rules.save_rule(
              c, _rule_input(i, "Andere naam"), expected_version=v),
          lambda c, i, v: routing_rules.move_rule(c, i, 1, expected_version=v), admin=True),
    # reference data (beheerders)
    Case_("rename_partner", Partner, _partner,
          lambda c, i, v: partners.set_partner_source(c, i, "zorg", expected_version=v),
          lambda c, i, v: partners.rename_partner(c, i, "Fictief B.V.", expected_version=v),
          admin=True),
    Case_("set_partner_source", Partner, _partner,
          lambda c, i, v: partners.rename_partner(c, i, "Fictief B.V.", expected_version=v),
          lambda c, i, v: partners.set_partner_source(c, i, "zorg", expected_version=v),
          admin=True),
    Case_("deactivate_partner", Partner, _partner,
          lambda c, i, v: partners.rename_partner(c, i, "Fictief B.V.", expected_version=v),
          lambda c, i, v: partners.deactivate_partner(c, i, expected_version=v), admin=True),
    Case_("reactivate_partner", Partner, _inactive_partner,
          lambda c, i, v: partners.rename_partner(c, i, "Fictief B.V.", expected_version=v),
          lambda c, i, v: partners.reactivate_partner(c, i, expected_version=v), admin=True),
    Case_("save_category", Category, _category,
          lambda c, i, v: reference_data.save_category(
              c, _category_input("Fictief eerst"), expected_version=v),
          lambda c, i, v: reference_data.save_category(
              c, _category_input("Fictief later"), expected_version=v), admin=True),
    Case_("update_rule (retention)", RetentionRule, _retention_rule,
          lambda c, i, v: retention_rules.update_rule(
              c, "reporter-details", 201, "AVG art. 5", expected_version=v),
          lambda c, i, v: retention_rules.update_rule(
              c, "reporter-details", 150, "AVG art. 5 lid 1", expected_version=v), admin=True),
    # a buurtschouw
    Case_("finish_buurtschouw", Buurtschouw, _walk,
          lambda c, i, v: buurtschouw.finish_buurtschouw(c, i, expected_version=v),
          lambda c, i, v: buurtschouw.finish_buurtschouw(c, i, expected_version=v)),
]  # fmt: skip


def _version(ctx: ServiceContext, model: type[Any], record_id: str) -> int:
    with ctx.read_unit() as session:
        return int(session.execute(select(model.version).where(model.id == record_id)).scalar_one())


def _snapshot(ctx: ServiceContext, model: type[Any], record_id: str) -> tuple[object, ...]:
    """The stored record, its history and everything that hangs off it."""
    with ctx.read_unit() as session:
        row = session.get(model, record_id)
        columns = tuple(getattr(row, c.key) for c in inspect(model).column_attrs)
        counts = tuple(
            session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (StatusChange, Action, Case, AgendaItem, MeetingPartner, UserArea)
        )
        return columns + counts


def _refusals(ctx: ServiceContext) -> list[tuple[str, str | None, str]]:
    with ctx.read_unit() as session:
        return [
            (e.username, e.object_type, e.outcome)
            for e in session.execute(
                select(AuditEntry).where(AuditEntry.action == STALE_ACTION)
            ).scalars()
        ]


@pytest.mark.parametrize("edit", EDITS, ids=[e.name for e in EDITS])
def test_a_save_on_an_old_version_is_refused_naming_who_changed_it(
    edit: Case_, desks: Desks, beheerders: Desks
) -> None:
    d = beheerders if edit.admin else desks
    record_id = edit.make(d)
    seen = _version(d.second, edit.model, record_id)  # both desks show this version

    before = _snapshot(d.first, edit.model, record_id)
    edit.first(d.first, record_id, seen)
    after_first = _snapshot(d.first, edit.model, record_id)
    assert after_first != before
    assert _version(d.first, edit.model, record_id) != seen

    with pytest.raises(StaleEdit) as caught:
        edit.refused(d.second, record_id, seen)

    message = str(caught.value)
    assert d.first.actor.display_name in message
    assert "intussen gewijzigd" in message and "uw invoer staat nog in het venster" in message
    assert caught.value.exit_code == 4
    assert caught.value.current_version == _version(d.first, edit.model, record_id)
    assert _snapshot(d.first, edit.model, record_id) == after_first
    assert caught.value.object_type in OBJECT_LABELS  # the refusal reads in Dutch
    assert _refusals(d.first) == [(d.second.actor.username, caught.value.object_type, "denied")]


def test_the_message_says_what_was_changed_and_when(desks: Desks) -> None:
    case_id = _case(desks)
    seen = cases.get_case(desks.second, case_id).version
    desks.clock.set(datetime(2026, 4, 15, 10, 42))
    cases.set_risk_level(desks.first, case_id, RiskLevel.HOOG, expected_version=seen)
    with pytest.raises(StaleEdit) as caught:
        cases.set_lead_partner(
            desks.second, case_id, partner_id(desks.second, WOCO), expected_version=seen
        )
    assert str(caught.value) == (
        "Deze casus is intussen gewijzigd door Jansen (risico gewijzigd, 10:42). Bekijk de "
        "nieuwe gegevens; uw invoer staat nog in het venster."
    )
    assert isinstance(caught.value, ConflictError)
    # Applied again on the version now stored (the window's "Mijn invoer opnieuw
    # toepassen"), the same input saves.
    detail = cases.set_lead_partner(
        desks.second,
        case_id,
        partner_id(desks.second, WOCO),
        expected_version=caught.value.current_version,
    )
    assert detail.lead_partner == WOCO and detail.risk_level is RiskLevel.HOOG


def test_the_message_names_the_step_an_action_made(desks: Desks) -> None:
    # The example: a partner (here a colleague) completes an action while the
    # coordinator moves its deadline; the refusal says it is done now, not just "changed".
    done_meanwhile = _action(desks)
    moved_meanwhile = _action(desks)
    seen_done = actions.get_action(desks.second, done_meanwhile).version
    seen_moved = actions.get_action(desks.second, moved_meanwhile).version
    desks.clock.set(datetime(2026, 4, 15, 10, 42))
    actions.complete_action(
        desks.first, done_meanwhile, "Fictief: gedaan", expected_version=seen_done
    )
    actions.change_action_deadline(
        desks.first, moved_meanwhile, date(2026, 5, 7), "Fictief: later",
        expected_version=seen_moved,
    )
    with pytest.raises(StaleEdit) as done:
        actions.change_action_deadline(
            desks.second, done_meanwhile, date(2026, 5, 6), "Fictief: later",
            expected_version=seen_done,
        )
    with pytest.raises(StaleEdit) as moved:
        actions.complete_action(
            desks.second, moved_meanwhile, "Fictief: gedaan", expected_version=seen_moved
        )
    assert "gewijzigd door Jansen (nu afgerond, 10:42)." in str(done.value)
    assert "gewijzigd door Jansen (deadline verschoven, 10:42)." in str(moved.value)


def test_the_dataclasses_carry_the_stored_version(desks: Desks) -> None:
    case_id = _case(desks)
    detail = cases.get_case(desks.first, case_id)
    assert detail.version == _version(desks.first, Case, case_id)
    changed = cases.set_risk_level(
        desks.first, case_id, RiskLevel.HOOG, expected_version=detail.version
    )
    assert changed.version == _version(desks.first, Case, case_id) != detail.version
    action_id = _action(desks)
    row = actions.get_action(desks.first, action_id)
    done = actions.complete_action(
        desks.first, action_id, "Fictief: gedaan", expected_version=row.version
    )
    assert done.version == _version(desks.first, Action, action_id) != row.version


def test_work_on_a_case_does_not_make_its_edit_stale(desks: Desks) -> None:
    """A completed action, a review or a new action moves the case's bookkeeping (last
    progress, next review), not its version: the coordinator's risk edit still saves."""
    action_id = _action(desks)
    row = actions.get_action(desks.first, action_id)
    seen = cases.get_case(desks.second, row.case_id).version
    actions.complete_action(desks.first, action_id, "Fictief: gedaan", expected_version=row.version)
    case_reviews.record_case_review(desks.first, row.case_id, "Fictief: besproken")
    actions.create_action(
        desks.first,
        row.case_id,
        actions.ActionInput(
            ActionType.GEZAMENLIJK_HUISBEZOEK, partner_id(desks.first, CARE), date(2026, 5, 1)
        ),
    )
    detail = cases.set_risk_level(desks.second, row.case_id, RiskLevel.HOOG, expected_version=seen)
    assert detail.risk_level is RiskLevel.HOOG


def test_additions_from_two_desks_both_succeed(desks: Desks) -> None:
    case_id = _case(desks)
    make_signal(desks.first, case_id=case_id, received_at=datetime(2026, 4, 2, 9, 0))
    for ctx in (desks.first, desks.second):
        case_reviews.record_case_review(ctx, case_id, f"Fictief: notitie {ctx.actor.username}")
        actions.create_action(
            ctx,
            case_id,
            actions.ActionInput(
                ActionType.GEZAMENLIJK_HUISBEZOEK, partner_id(ctx, WOCO), date(2026, 4, 30)
            ),
        )
        sv.register_signal(
            ctx,
            SignalInput(
                received_at=datetime(2026, 4, 14, 9, 30),
                source="politie",
                category="WO-OVL",
                postcode="6463 ab",
                house_number=5,
                street="Fictiefstraat",
                city="Kerkrade",
                description="Fictieve melding.",
            ),
            NO_CASE,
        )
    with desks.first.read_unit() as session:
        assert session.execute(
            select(func.count()).select_from(Action).where(Action.case_id == case_id)
        ).scalar_one() == 2
        assert session.execute(
            select(func.count()).select_from(Signal).where(Signal.case_id.is_(None))
        ).scalar_one() == 2
    assert _refusals(desks.first) == []


def test_two_desks_saving_the_same_version_at_once_one_wins(
    desks: Desks,
) -> None:
    """Two desks save at once (on the centre two connections really run together): exactly
    one save wins, the other reads StaleEdit, not the generic 'try again' conflict."""
    case_id = _case(desks)
    seen = cases.get_case(desks.first, case_id).version
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def desk(ctx: ServiceContext, level: RiskLevel) -> None:
        start.wait(timeout=30)
        try:
            outcomes[ctx.actor.username] = cases.set_risk_level(
                ctx, case_id, level, expected_version=seen
            )
        except Exception as exc:  # collected for the assertions below
            outcomes[ctx.actor.username] = exc

    threads = [
        threading.Thread(target=desk, args=(desks.first, RiskLevel.HOOG)),
        threading.Thread(target=desk, args=(desks.second, RiskLevel.LAAG)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive()
    won = [o for o in outcomes.values() if isinstance(o, cases.CaseDetail)]
    lost = [o for o in outcomes.values() if isinstance(o, BaseException)]
    assert len(won) == 1 and len(lost) == 1, outcomes
    assert type(lost[0]) is StaleEdit
    assert cases.get_case(desks.first, case_id).risk_level is won[0].risk_level


@pytest.mark.parametrize("how", ["reorder", "remove"])
def test_an_item_moved_on_the_agenda_names_who_moved_it(desks: Desks, how: str) -> None:
    """Reordering the agenda, or taking an item off it, moves the others (their versions
    change): a save based on the version before names that change and its maker."""
    meeting_id = _meeting(desks)
    meeting_agenda.add_agenda_item(desks.first, meeting_id, case_id=_case(desks))
    detail = meeting_agenda.add_agenda_item(
        desks.first, meeting_id, case_id=make_case(desks.first, number=7)
    )
    first, second = detail.items
    desks.clock.set(datetime(2026, 4, 22, 16, 0))
    if how == "reorder":
        meeting_agenda.reorder_agenda(desks.second, meeting_id, [second.item_id, first.item_id])
    else:
        meeting_agenda.remove_agenda_item(desks.second, first.item_id)

    with pytest.raises(StaleEdit) as refused:
        meeting_minutes.record_decision(
            desks.first, second.item_id, "Fictief besluit.", expected_version=second.version
        )
    second_name = desks.second.actor.display_name
    assert refused.value.message.startswith(
        f"Dit agendapunt is intussen gewijzigd door {second_name} (verplaatst op de agenda, "
    ), refused.value.message
