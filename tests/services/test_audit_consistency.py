"""One name per object in the audit log, and never content.

A realistic store (the demo: cases, signals, meetings with minutes, actions, visits,
escalations, buurtschouwen) is worked through the services by a coordinator, a wijkagent
and a partner; then every audit entry is checked: objects with a human reference are named
by it (case C-, signal S-, action A-, escalation E-, person P- in ``person_ref``), and no
entry holds a resident's name or any description text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig import demo
from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied
from sociaalveilig.reports.api import subject_access_export
from sociaalveilig.services import (
    actions,
    auditlog,
    calendar_export,
    cases,
    escalations,
    exports,
    meeting_agenda,
    meeting_planning,
    reminder_state,
    report_buurtschouw,
    report_case,
    search,
    signal_records,
    subject_access,
    visits,
    worklist,
)
from sociaalveilig.services.audit_objects import REFERENCE_KINDS
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.search import CaseQuery, SignalQuery
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    AuditEntry,
    Buurtschouw,
    BuurtschouwFinding,
    Case,
    CasePerson,
    Escalation,
    FocusArea,
    Meeting,
    Person,
    Signal,
    Visit,
)
from tests.conftest import ActorFactory

PATTERNS = {
    object_type: re.compile(rf"{kind.value}-\d{{4}}-\d+")
    for object_type, kind in REFERENCE_KINDS.items()
}
PERSON_REF = re.compile(r"P-\d{4}-\d+")
UUID_LIKE = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-")

# Every object type the services write. A new one is fine, but it must be added here (and
# follow the rule in audit_objects.py), so that a typo ("casus", "signaal") shows up.
KNOWN_OBJECT_TYPES = {
    None,
    "case",
    "signal",
    "action",
    "escalation",
    "person",
    "visit",
    "meeting",
    "agenda_item",
    "buurtschouw",
    "buurtschouw_pack",
    "finding",
    "focus_area",
    "user",
    "partner",
    "routing_rule",
    "retention_rule",
    "category",
    "postcode",
    "store",
    "audit_log",
    "autobackup",
    "calendar",
    "emergency_list",
    "management_report",
    "signal_list",
    "case_list",
    "action_list",
    "escalation_list",
    "meeting_list",
    "agenda_proposals",
    "visit_list",
    "visit_week",
    "user_list",
    "triage_list",
    "worklist_overdue",
    "worklist_week",
}


def _all(ctx: ServiceContext, column: object) -> list[str]:
    with ctx.unit() as session:
        return [v for v in session.execute(select(column)).scalars() if v]  # type: ignore[call-overload]


def _work_through_the_services(
    admin: ServiceContext, make_actor: ActorFactory, tmp_path: Path
) -> None:
    coordinator = make_actor(Role.COORDINATOR, username="coord_audit")
    with admin.unit() as session:
        case_rows = session.execute(select(Case.id, Case.reference).limit(6)).tuples().all()
        signal_ids = list(session.execute(select(Signal.id).limit(6)).scalars())
        action_ids = list(session.execute(select(Action.id).limit(4)).scalars())
        escalation_ids = list(session.execute(select(Escalation.id).limit(3)).scalars())
        visit_ids = list(session.execute(select(Visit.id).limit(3)).scalars())
        meeting_ids = list(
            session.execute(
                select(Meeting.id).where(Meeting.id.in_(select(AgendaItem.meeting_id))).limit(3)
            ).scalars()
        )
        person_ref = session.execute(select(Person.reference).limit(1)).scalar_one()
        walk_area = session.execute(
            select(FocusArea.name)
            .join(Buurtschouw, Buurtschouw.focus_area_id == FocusArea.id)
            .limit(1)
        ).scalar_one_or_none()
    assert case_rows and signal_ids and action_ids and escalation_ids and visit_ids
    assert meeting_ids, "the demo holds meetings with an agenda"

    search.signal_ids(coordinator, SignalQuery())
    search.signal_ids(coordinator, SignalQuery(text="straat"))
    search.case_ids(coordinator, CaseQuery())
    for case_id, reference in case_rows:
        cases.get_case(coordinator, reference)
        cases.get_case(coordinator, case_id)  # by id: still logged by reference
        actions.list_actions(coordinator, case_id=case_id, open_only=False)
        escalations.list_escalations(coordinator, case_id=reference)
    for signal_id in signal_ids:
        signal_records.get_signal(coordinator, signal_id)
    for action_id in action_ids:
        actions.get_action(coordinator, action_id)
    for escalation_id in escalation_ids:
        escalations.get_escalation(coordinator, escalation_id)
    for visit_id in visit_ids:
        visits.get_visit(coordinator, visit_id)
    for meeting_id in meeting_ids:
        meeting_agenda.get_meeting(coordinator, meeting_id)
    worklist.overdue(coordinator)
    worklist.due_this_week(coordinator)
    worklist.new_signals_to_triage(coordinator)
    exports.export_signals(coordinator)
    exports.export_cases(coordinator)
    report_case.case_summary_data(coordinator, case_rows[0][1])
    if walk_area is not None:
        report_buurtschouw.buurtschouw_pack_data(coordinator, walk_area)
    report_buurtschouw.buurtschouw_pack_data(coordinator, "Ubachsberg")  # likely without a walk
    calendar_export.export_calendar(coordinator, tmp_path / "agenda.ics")
    subject_access_export(
        coordinator, person_ref, tmp_path / "inzage.pdf", tmp_path / "inzage.json"
    )
    # Reminders of every kind, put off and done: named like the objects themselves.
    coordinator.clock.advance(timedelta(days=40))  # type: ignore[attr-defined]
    due = reminder_state.current_reminders(coordinator)
    kinds_done: set[str] = set()
    for reminder in due:
        if reminder.object_type in kinds_done:
            continue
        kinds_done.add(reminder.object_type)
        reminder_state.dismiss(coordinator, reminder.key)
    assert "case" in kinds_done, "a review reminder was dismissed"
    coordinator.clock.advance(timedelta(days=-40))  # type: ignore[attr-defined]

    # A wijkagent refused a case outside its area: the refusal names the case reference.
    wijkagent = make_actor(Role.WIJKAGENT, username="wijk_audit", areas=[])
    with pytest.raises(AccessDenied):
        cases.get_case(wijkagent, case_rows[0][0])
    # A partner opens the meetings it takes part in.
    partner = make_actor(Role.PARTNER, username="partner_audit", partner="Woningcorporatie")
    meeting_planning.list_meetings(partner, date(2025, 1, 1), date(2027, 1, 1))
    auditlog.query_audit(admin, auditlog.AuditFilter(object_id=case_rows[0][1].lower()))


def test_every_entry_names_its_object_by_reference_or_id_and_holds_no_content(
    admin_ctx: ServiceContext, make_actor: ActorFactory, tmp_path: Path
) -> None:
    demo.fill_demo(admin_ctx, 60)
    _work_through_the_services(admin_ctx, make_actor, tmp_path)

    with admin_ctx.unit() as session:
        entries = list(session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())
    assert len(entries) > 200
    seen_types = {e.object_type for e in entries}
    assert seen_types <= KNOWN_OBJECT_TYPES, seen_types - KNOWN_OBJECT_TYPES
    # The flow reached every kind of referenced object.
    assert {"case", "signal", "action", "escalation", "person"} <= seen_types

    for e in entries:
        where = f"entry {e.id} ({e.action} {e.object_type} {e.object_id!r})"
        pattern = PATTERNS.get(e.object_type or "")
        if pattern is not None:
            assert e.object_id is not None and pattern.fullmatch(e.object_id), where
        if e.person_ref is not None:
            assert PERSON_REF.fullmatch(e.person_ref), where
        if e.object_type and e.object_type.endswith("_list") and e.object_id:
            # A list of one case's actions or escalations is named by the case reference.
            assert not UUID_LIKE.fullmatch(e.object_id) or e.object_type in {
                "agenda_proposals",
            }, where

    # The case views of this flow, opened by id or by reference, all name the reference.
    case_refs = set(_all(admin_ctx, Case.reference))
    viewed = {e.object_id for e in entries if e.object_type == "case" and e.action == "view"}
    assert viewed and viewed <= case_refs
    assert any(e.object_type == "action_list" and e.object_id in case_refs for e in entries)
    assert any(
        e.object_type == "case" and e.outcome == "denied" and e.object_id in case_refs
        for e in entries
    )

    # No content: no resident's name, reporter, or free text of any record.
    content = {
        text.strip()
        for column in (
            Person.name,
            Signal.reporter,
            Signal.description,
            Case.summary,
            Action.description,
            Visit.purpose,
            Visit.outcome_notes,
            AgendaItem.decision,
            Escalation.reason,
            BuurtschouwFinding.description,
        )
        for text in _all(admin_ctx, column)
        if len(text.strip()) >= 6
    }
    assert content, "the demo holds names and descriptions to look for"
    for e in entries:
        for value in (e.object_type, e.object_id, e.person_ref, e.purpose):
            if value:
                leaked = [text for text in content if text in value]
                assert not leaked, f"entry {e.id} holds {leaked[0]!r}"


def test_subject_access_finds_who_looked_at_a_case_opened_by_id(
    admin_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    """A view by id is logged by reference, and the art. 15 export finds it."""
    demo.fill_demo(admin_ctx, 30)
    coordinator = make_actor(Role.COORDINATOR, username="coord_inzage")
    with admin_ctx.unit() as session:
        case_id, person_ref = session.execute(
            select(CasePerson.case_id, Person.reference)
            .join(Person, Person.id == CasePerson.person_id)
            .limit(1)
        ).tuples().one()
        before = len(subject_access.gather(session, coordinator, person_ref).accesses)
    actions.list_actions(coordinator, case_id=case_id, open_only=False)
    cases.get_case(coordinator, case_id)
    with admin_ctx.unit() as session:
        after = subject_access.gather(session, coordinator, person_ref).accesses
    assert len(after) >= before + 2
    assert {a.object_type for a in after[before:]} >= {"casus", "acties van de casus"}
