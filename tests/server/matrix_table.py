"""The table of the HTTP role matrix: for every function the centre exposes, the call the
matrix makes and the roles that may make it (every other role is refused).

A row names its function ``module.function`` and gives its arguments (after the context) for
the world of ``matrix_world.py``; ``allowed`` is the set of roles whose call is not refused.
A call on one record (case K, action AK, ...) is allowed only to the roles whose
need-to-know reaches that record. Changes use the world's spare records where they could
move someone's need-to-know (a signal linked elsewhere, an agenda item removed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sociaalveilig.core.escalation import ZvhCriteria
from sociaalveilig.services.actions import ActionInput
from sociaalveilig.services.auditlog import AuditFilter
from sociaalveilig.services.reference_data import CategoryInput
from sociaalveilig.services.routing_rules import RuleInput
from sociaalveilig.services.search import CaseQuery, SignalQuery
from sociaalveilig.services.signal_intake import PersonInput, SignalInput
from sociaalveilig.services.visits import VisitInput
from tests.server.matrix_world import ROLES, World
from tests.services.test_role_matrix import KERKRADE, WOCO

Args = tuple[tuple[Any, ...], dict[str, Any]]


@dataclass(frozen=True)
class Row:
    args: Callable[[World, str], Args]
    allowed: frozenset[str]


def roles(*names: str) -> frozenset[str]:
    unknown = set(names) - set(ROLES)
    assert not unknown, unknown
    return frozenset(names)


EVERYONE = roles(*ROLES)
BEHEERDER = roles("beheerder")
NOBODY = roles()
PLANNERS = roles("coordinator", "wijkagent_in", "wijkagent_out")
PARTNERS = roles("partner_woco", "partner_zorg", "partner_politie", "partner_out")
CASE_WORKERS = PLANNERS | PARTNERS
COORDINATOR = roles("coordinator")
K_PLANNERS = roles("coordinator", "wijkagent_in")
"""Who plans and changes work on case K (Kerkrade): the coordinator and K's wijkagent."""
K_READERS = K_PLANNERS | roles("partner_woco", "partner_politie")
"""Who reads case K: its planners and the partners of the meetings K was discussed in."""


def a(*args: Any, **kwargs: Any) -> Callable[[World, str], Args]:
    """Fixed arguments; a str naming a world record (``"@k"``) is that record's id, a
    ``"#k"`` its reference."""

    def build(w: World, role: str) -> Args:
        return tuple(_resolve(w, x) for x in args), {k: _resolve(w, v) for k, v in kwargs.items()}

    return build


def _resolve(w: World, value: Any) -> Any:
    if isinstance(value, str) and value[:1] == "@":
        return w.ids[value[1:]]
    if isinstance(value, str) and value[:1] == "#":
        return w.refs[value[1:]]
    if isinstance(value, list):
        return [_resolve(w, x) for x in value]
    return value


def signal_input(description: str) -> SignalInput:
    return SignalInput(
        received_at=datetime(2026, 4, 14, 9),
        source="politie",
        category="WO-OVL",
        postcode="6461 AB",
        house_number=77,
        street="Matrixlaan",
        city="Kerkrade",
        description=description,
    )


IMPORT_CSV = (
    b"datum;bron;categorie;postcode;huisnummer;omschrijving\n"
    b"14-04-2026;politie;WO-OVL;6461 AB;78;Matriximport fictief\n"
)

MAY = datetime(2026, 5, 20, 14)
NEW_PASSPHRASE = "matrix-ander-wachtwoord-{role}-4Wd"

MATRIX: dict[str, Row] = {
    # --- access
    "access.log_refusal": Row(a("case", "#k"), EVERYONE),
    "access.list_emergency_access": Row(a(), BEHEERDER),
    # --- actions
    "actions.create_action": Row(
        lambda w, r: ((w.ids["k"], ActionInput("controle", w.partners[WOCO], date(2026, 5, 1),
                                               "MATRIXACTIE")), {}),
        K_PLANNERS,
    ),
    "actions.get_action": Row(a("@ak"), K_PLANNERS | roles("partner_woco")),
    "actions.change_action_status": Row(
        a("@ax", "in_uitvoering"), K_PLANNERS | roles("partner_woco")
    ),
    "actions.change_action_deadline": Row(
        a("@ax", date(2026, 5, 8), "matrix"), K_PLANNERS  # a partner reports, not re-plans
    ),
    "actions.list_actions": Row(a(), CASE_WORKERS),
    # --- agenda
    "agenda_proposals.propose_agenda": Row(a("@mx"), K_PLANNERS),
    # --- audit log
    "audit_labels.page_names": Row(
        lambda w, r: (([("case", w.ids["k"])], ["beheer"]), {}), BEHEERDER
    ),
    "auditlog.query_audit": Row(a(), BEHEERDER),
    "auditlog.open_audit_log": Row(a(), BEHEERDER),
    "auditlog.count_audit": Row(a(AuditFilter()), BEHEERDER),
    "auditlog.audit_actions": Row(a(), BEHEERDER),
    "auditlog.audit_usernames": Row(a(), BEHEERDER),
    "auditlog.verify_audit_chain": Row(a(), BEHEERDER),
    "auditlog.export_audit_csv": Row(a(), BEHEERDER),
    # --- buurtschouw
    "buurtschouw.plan_buurtschouw": Row(
        lambda w, r: ((KERKRADE, date(2026, 5, 6) + timedelta(days=ROLES.index(r)), "r"), {}),
        K_PLANNERS,
    ),
    "buurtschouw.list_buurtschouwen": Row(a(), PLANNERS),
    "buurtschouw.list_findings": Row(a("@walk"), K_PLANNERS),
    "buurtschouw.add_finding": Row(
        lambda w, r: ((w.ids["walk"], w.checklist_item, "Matrixbevinding " + r), {}),
        K_PLANNERS,
    ),
    "buurtschouw.finding_to_signal": Row(
        a("@finding", postcode="6461 AB", house_number=12), K_PLANNERS
    ),
    "buurtschouw.walk_action_list": Row(a("@walk"), K_PLANNERS),
    "buurtschouw.prepare_pack_data": Row(a(KERKRADE, date(2026, 4, 15)), K_PLANNERS),
    "buurtschouw.finish_buurtschouw": Row(a("@walk"), K_PLANNERS),
    # --- calendar files
    "calendar_export.calendar_file": Row(a(), CASE_WORKERS),
    "calendar_export.visit_file": Row(a("@vk"), K_PLANNERS | roles("partner_woco")),
    "calendar_export.meeting_file": Row(a("@mk"), K_PLANNERS | roles("partner_woco")),
    "calendar_export.log_failed_export": Row(a("visit", "@vk"), EVERYONE),
    # --- case lookup and work
    "case_lookup.find_cases": Row(a("Matrixlaan"), CASE_WORKERS),
    "case_lookup.find_persons": Row(a("Kwartel"), CASE_WORKERS),  # within their scope
    "case_reviews.record_case_review": Row(a("@k", "Matrixbespreking"), K_PLANNERS),
    "case_work.case_work": Row(a("@k"), K_READERS),
    "case_work.meetings_for_case": Row(a("@k"), K_PLANNERS),
    # --- cases
    "cases.get_case": Row(a("#k"), K_READERS | roles("manager")),
    "cases.set_risk_level": Row(a("@k", "hoog", "matrix"), K_PLANNERS),
    "cases.set_lead_partner": Row(lambda w, r: ((w.ids["k"], w.partners[WOCO]), {}), K_PLANNERS),
    "cases.add_person": Row(
        lambda w, r: ((w.ids["k"], PersonInput(name="Matrix Persoon " + r, birth_year=1980)),
                      {}),
        K_PLANNERS,
    ),
    "cases.set_zvh_criteria": Row(a("@k", ZvhCriteria()), K_PLANNERS),
    "cases.escalation_advice": Row(a("@k"), K_PLANNERS),
    "cases.change_case_status": Row(a("@k", "opgeschaald", "matrix"), K_PLANNERS),
    # --- escalations
    "escalations.escalate": Row(a("@k", "riec", "Matrixreden"), COORDINATOR),
    "escalations.get_escalation": Row(a("@ek"), K_PLANNERS),
    "escalations.change_escalation_status": Row(a("@ex", "in_behandeling"), COORDINATOR),
    "escalations.list_escalations": Row(a(), PLANNERS),
    "escalations.case_criteria": Row(a("@k"), COORDINATOR),
    # --- exports and imports
    "exports.export_signals": Row(a(), CASE_WORKERS),
    "exports.export_cases": Row(a(), CASE_WORKERS),
    "imports.import_signals": Row(
        a(IMPORT_CSV, skip_invalid=False), roles("beheerder", "coordinator")
    ),
    # --- meetings
    "meeting_agenda.get_meeting": Row(a("@mk"), K_PLANNERS | roles("partner_woco")),
    "meeting_agenda.agenda_for_partner": Row(
        lambda w, r: ((w.ids["mk"], w.partners[WOCO]), {}), roles("coordinator", "partner_woco")
    ),
    "meeting_agenda.add_agenda_item": Row(a("@mx", signal_id="@sy"), K_PLANNERS),
    "meeting_agenda.accept_proposals": Row(a("@mx", []), K_PLANNERS),
    "meeting_agenda.reorder_agenda": Row(a("@mx", ["@item_x"]), K_PLANNERS),
    "meeting_agenda.mark_agenda_sent": Row(a("@mx"), K_PLANNERS),
    "meeting_minutes.record_decision": Row(a("@item_x", "Matrixbesluit"), COORDINATOR),
    "meeting_agenda.remove_agenda_item": Row(  # one item each: the first removal is final
        lambda w, r: ((w.ids["item_x2" if r == "wijkagent_in" else "item_x"],), {}), K_PLANNERS
    ),
    "meeting_planning.plan_meeting": Row(
        lambda w, r: ((KERKRADE, "fysieke_leefomgeving", MAY + timedelta(days=ROLES.index(r)),
                       "Hoensbroek", []), {}),
        COORDINATOR,
    ),
    "meeting_planning.move_meeting": Row(a("@my", MAY), COORDINATOR),
    "meeting_planning.set_meeting_partners": Row(a("@my", []), COORDINATOR),
    "meeting_planning.cancel_meeting": Row(a("@my"), COORDINATOR),
    "meeting_planning.list_meetings": Row(
        a(date(2026, 4, 1), date(2026, 4, 30)), CASE_WORKERS
    ),
    # --- partners and reference data
    "partners.list_partners": Row(a(), EVERYONE),
    "partners.add_partner": Row(lambda w, r: (("Matrixorganisatie " + r, "anders"), {}),
                                BEHEERDER),
    "partners.rename_partner": Row(a("@spare_partner", "Matrixpartner Hernoemd"), BEHEERDER),
    "partners.set_partner_source": Row(a("@spare_partner", "zorg"), BEHEERDER),
    "partners.deactivate_partner": Row(a("@spare_partner"), BEHEERDER),
    "partners.reactivate_partner": Row(a("@spare_partner"), BEHEERDER),
    "reference_data.list_focus_areas": Row(a(), EVERYONE),
    "reference_data.list_municipalities": Row(a(), EVERYONE),
    "reference_data.list_categories": Row(a(), EVERYONE),
    "reference_data.save_category": Row(
        lambda w, r: ((CategoryInput(code=f"MX-{ROLES.index(r)}", name="Matrixcategorie " + r,
                                     main_category="Veiligheid",
                                     meeting="fysieke_leefomgeving", term_days=10),), {}),
        BEHEERDER,
    ),
    "reference_data.list_postcodes": Row(a(), BEHEERDER),
    "reference_data.set_postcode": Row(a("6499", "Kerkrade", None), BEHEERDER),
    "reference_data.remove_postcode": Row(a("6499"), BEHEERDER),
    # --- reminders (each user's own)
    "reminder_state.sync": Row(a(), EVERYONE),
    "reminder_state.current_reminders": Row(a(), EVERYONE),
    "reminder_state.snooze": Row(  # the reminder of visit VK: only for those who see VK
        lambda w, r: (("visit_tomorrow:" + w.ids["vk"], datetime(2026, 4, 15, 20)), {}),
        K_PLANNERS | roles("partner_woco"),
    ),
    "reminder_state.dismiss": Row(
        lambda w, r: (("visit_tomorrow:" + w.ids["vk"],), {}), K_PLANNERS | roles("partner_woco")
    ),
    "reminder_state.last_sync": Row(a(), EVERYONE),
    # --- reports
    "report_buurtschouw.buurtschouw_pack_data": Row(a(KERKRADE), K_PLANNERS),
    "report_case.case_summary_data": Row(a("#k"), K_READERS | roles("manager")),
    "report_management.management_data": Row(  # figures only; a wijkagent of its own areas
        a("2026Q1", KERKRADE), roles("beheerder", "coordinator", "manager", "wijkagent_in")
    ),
    "report_meeting.meeting_doc_data": Row(a("@mk", True), K_PLANNERS | roles("partner_woco")),
    "report_shared.log_denied": Row(a("case", "@k"), EVERYONE),
    "report_shared.log_failed_write": Row(a("case", "@k"), EVERYONE),
    # --- retention
    "retention_purge.last_purge": Row(a(), EVERYONE),  # a date, nothing about anyone
    "retention_purge.purge": Row(a(date(2026, 4, 15)), roles("beheerder", "coordinator")),
    "retention_rules.list_rules": Row(a(), roles("beheerder", "coordinator")),
    "retention_rules.update_rule": Row(
        lambda w, r: ((w.retention_base, 400, "Matrixgrondslag"), {}), BEHEERDER
    ),
    "retention_rules.set_category_rule": Row(
        lambda w, r: ((w.retention_base, "WO-OVL", 400, "Matrixgrondslag"), {}), BEHEERDER
    ),
    "retention_rules.remove_category_rule": Row(
        lambda w, r: ((f"{w.retention_base}:WO-OVL",), {}), BEHEERDER
    ),
    # --- routing
    "routing_rules.list_rules": Row(a(), roles("beheerder", "coordinator")),
    "routing_rules.save_rule": Row(
        lambda w, r: ((RuleInput(name="Matrixregel " + r, target="fysieke_leefomgeving",
                                 category="WO-OVL", active=False),), {}),
        BEHEERDER,
    ),
    "routing_rules.move_rule": Row(lambda w, r: ((w.routing_rule, 1), {}), BEHEERDER),
    "routing_rules.deactivate_rule": Row(lambda w, r: ((w.routing_rule,), {}), BEHEERDER),
    "routing_rules.test_route": Row(
        a("WO-OVL", KERKRADE, "politie"), roles("beheerder", "coordinator")
    ),
    # --- search
    "search.signal_head": Row(a(SignalQuery()), CASE_WORKERS),
    "search.signal_ids": Row(a(SignalQuery()), CASE_WORKERS),
    "search.count_signals": Row(a(SignalQuery()), CASE_WORKERS),
    "search.signal_rows": Row(a(["@sk"]), CASE_WORKERS),
    "search.case_ids": Row(a(CaseQuery()), CASE_WORKERS | roles("manager")),
    "search.count_cases": Row(a(CaseQuery()), CASE_WORKERS | roles("manager")),
    "search.case_rows": Row(a(["@k"]), CASE_WORKERS | roles("manager")),
    "live.signal_update": Row(a(SignalQuery(), ["@sk"]), CASE_WORKERS),
    "live.case_update": Row(a(CaseQuery(), ["@k"]), CASE_WORKERS | roles("manager")),
    "live.visit_update": Row(a(date(2026, 4, 13), ["@vk"]), CASE_WORKERS),
    "live.meeting_update": Row(
        a(date(2026, 4, 1), date(2026, 4, 30), None, None, ["@mk"]), CASE_WORKERS
    ),
    "live.escalation_update": Row(a(None, False, ["@ek"]), PLANNERS),
    "live.open_meeting_update": Row(a("@mk", ["@item_k"]), K_PLANNERS | roles("partner_woco")),
    # --- signals
    "signal_records.get_signal": Row(a("#sk"), K_READERS),
    "signal_records.explain_routing": Row(a("@sk"), K_READERS),
    "signal_linking.move_signal": Row(a("@sx", "@k", "matrix"), K_PLANNERS),
    "signal_linking.change_signal_status": Row(a("@sx", "afgehandeld", "matrix"), K_PLANNERS),
    "signal_linking.unlink_signal": Row(a("@sx", "matrix"), K_PLANNERS),
    "signal_outcomes.handle_signal": Row(a("@sy", "Matrixresultaat"), K_PLANNERS),
    "signal_outcomes.reject_signal": Row(a("@sy", "Matrixreden"), K_PLANNERS),
    "signal_outcomes.case_from_signal": Row(a("@sy"), K_PLANNERS),
    "signals.preview_signal": Row(a(signal_input("Matrixvoorbeeld")), CASE_WORKERS),
    "signals.register_signal": Row(a(signal_input("Matrixsignaal"), "no-case"), CASE_WORKERS),
    # --- a person's own data (AVG art. 15)
    "subject_access.person_export": Row(a("#karel"), COORDINATOR),
    "subject_access.log_failed_person_export": Row(a("#karel"), EVERYONE),
    # --- users
    "users.change_own_passphrase": Row(
        lambda w, r: ((w.passphrases[r], NEW_PASSPHRASE.format(role=r)), {}), EVERYONE
    ),
    "users.list_users": Row(a(), BEHEERDER),
    "users.add_user": Row(
        lambda w, r: ((f"mxnew{ROLES.index(r)}", "coordinator", "matrix-nieuw-wachtwoord-8Kp"),
                      {}),
        BEHEERDER,
    ),
    "users.change_role": Row(a("mxspare", "manager"), BEHEERDER),
    "users.deactivate_user": Row(a("mxsleeper"), BEHEERDER),
    "centre_sessions.end_sessions": Row(a("mxsleeper"), BEHEERDER),
    # The matrix's world holds real records: the demo is refused as invalid input (not as
    # access) for whom may fill one, and as access for everyone else.
    "demo.fill_demo": Row(a(5), roles("beheerder", "coordinator")),
    "users.reactivate_user": Row(a("mxsleeper", "matrix-weer-wachtwoord-3Fh"), BEHEERDER),
    # --- visits
    "visits.plan_visit": Row(
        lambda w, r: ((VisitInput(w.ids["k"], [w.partners[WOCO]],
                                  datetime(2026, 4, 28, 9) + timedelta(hours=ROLES.index(r)),
                                  datetime(2026, 4, 28, 9, 30) + timedelta(hours=ROLES.index(r)),
                                  "Matrixbezoek"),), {"confirm_clash": True}),
        K_PLANNERS,
    ),
    "visits.get_visit": Row(a("@vk"), K_PLANNERS | roles("partner_woco")),
    "visits.replan_visit": Row(a("@vx", datetime(2026, 4, 29, 9)), K_PLANNERS),
    "visits.move_visit": Row(a("@vx", datetime(2026, 4, 29, 10)), K_PLANNERS),
    "visits.record_outcome": Row(a("@vx", "uitgevoerd", "Matrixuitkomst"),
                                 K_PLANNERS | roles("partner_woco")),
    "visits.cancel_visit": Row(a("@vx", "Matrixreden"), K_PLANNERS),
    "visits.week_plan": Row(a(date(2026, 4, 13)), CASE_WORKERS),
    "visits.visits_for_user": Row(a(), CASE_WORKERS),
    # --- worklists
    "worklist.overdue": Row(a(), CASE_WORKERS),
    "worklist.due_this_week": Row(a(), CASE_WORKERS),
    "worklist.new_signals_to_triage": Row(a(), PLANNERS),
}
