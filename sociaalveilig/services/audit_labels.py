"""The audit log in Dutch: a verb for every action, a noun for every object type, and the
object named by its reference or name instead of its id.

The log stores code names (``view`` on ``visit_week``, ``login`` on ``user`` with a
UUID); a beheerder reads "Inzien · weekplanning huisbezoeken" and "Aanmelden · gebruiker
Demo Coördinator". ``ACTION_LABELS`` and ``OBJECT_LABELS`` cover every action and object
type the code writes (a test reads every ``audit(...)`` call and checks this);
``object_names`` turns the ids of one page of the log into names in one query per kind,
within the beheerder's rights: references, dates, kinds and names of areas, users and
partners, never an address or a resident's name. An id that no longer exists reads as
"verwijderd".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import MeetingType, Role
from sociaalveilig.core.i18n import QT_TR_NOOP, tr
from sociaalveilig.services.access import EMERGENCY_ACTION
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.models import (
    AgendaItem,
    Buurtschouw,
    BuurtschouwFinding,
    Case,
    FocusArea,
    Meeting,
    Partner,
    RetentionRule,
    RoutingRule,
    Signal,
    User,
    Visit,
)

# Source texts (Dutch); ``tr`` translates them when shown.
ACTION_LABELS: dict[str, str] = {
    "login": QT_TR_NOOP("Aanmelden"),
    "lock": QT_TR_NOOP("Vergrendelen"),
    "view": QT_TR_NOOP("Inzien"),
    "list": QT_TR_NOOP("Lijst bekijken"),
    "search": QT_TR_NOOP("Zoeken"),
    "create": QT_TR_NOOP("Aanmaken"),
    "update": QT_TR_NOOP("Wijzigen"),
    "delete": QT_TR_NOOP("Verwijderen"),
    "link": QT_TR_NOOP("Koppelen"),
    "link_proposal": QT_TR_NOOP("Koppelvoorstel"),
    "unlink": QT_TR_NOOP("Ontkoppelen"),
    "status": QT_TR_NOOP("Status gewijzigd"),
    "risk": QT_TR_NOOP("Risico gewijzigd"),
    "lead_partner": QT_TR_NOOP("Casusregisseur gekozen"),
    "add_person": QT_TR_NOOP("Betrokkene toegevoegd"),
    "escalation_advice": QT_TR_NOOP("Opschalingsadvies"),
    "zvh_criteria": QT_TR_NOOP("ZVH-criteria vastgelegd"),
    "move": QT_TR_NOOP("Verplaatsen"),
    "send": QT_TR_NOOP("Versturen"),
    "print": QT_TR_NOOP("Afdrukken"),
    "export": QT_TR_NOOP("Exporteren"),
    "import": QT_TR_NOOP("Importeren"),
    "purge": QT_TR_NOOP("Opschonen (bewaartermijnen)"),
    "backup": QT_TR_NOOP("Back-up"),
    "restore": QT_TR_NOOP("Terugzetten"),
    "verify": QT_TR_NOOP("Controleren"),
    "upgrade": QT_TR_NOOP("Schema bijgewerkt"),
    EMERGENCY_ACTION: "Noodknop",
    "user_add": QT_TR_NOOP("Gebruiker toegevoegd"),
    "change_role": QT_TR_NOOP("Rol gewijzigd"),
    "deactivate": QT_TR_NOOP("Toegang ingetrokken"),
    "reactivate": QT_TR_NOOP("Toegang hersteld"),
    "passwd": QT_TR_NOOP("Wachtwoord gewijzigd"),
    "store_init": QT_TR_NOOP("Opslag aangemaakt"),
    "settings": QT_TR_NOOP("Instellingen gewijzigd"),
    "demo": QT_TR_NOOP("Demogegevens gemaakt"),
    "reminder_done": QT_TR_NOOP("Herinnering gedaan"),
    "reminder_snooze": QT_TR_NOOP("Herinnering uitgesteld"),
    "view_routing": QT_TR_NOOP("Routering bekijken"),
    "retention_rule_update": QT_TR_NOOP("Bewaartermijn gewijzigd"),
    "retention_rule_remove": QT_TR_NOOP("Bewaartermijn verwijderd"),
    "pending_event": QT_TR_NOOP("Gebeurtenis buiten de database"),
    "pending_rejected": QT_TR_NOOP("Geweigerde regels van buiten de database"),
    "login_failed": QT_TR_NOOP("Aanmelden mislukt"),
    "login_throttled": QT_TR_NOOP("Aanmelden tijdelijk geblokkeerd"),
    "recover": QT_TR_NOOP("Toegang hersteld met herstelcode"),
    "end_sessions": QT_TR_NOOP("Sessies bij het centrum beëindigd"),
    "recovery_code": QT_TR_NOOP("Nieuwe herstelcode voor het centrum gemaakt"),
    "review": QT_TR_NOOP("Casus geëvalueerd"),
    "meldcode_decision": QT_TR_NOOP("Meldcode-besluit"),
    "escalate_criteria_unmet": QT_TR_NOOP("Opgeschaald zonder vervulde ZVH-criteria"),
    "view_zvh_criteria": QT_TR_NOOP("ZVH-criteria bekeken"),
    "stale_edit": QT_TR_NOOP("Wijziging op verouderde gegevens geweigerd"),
}

OBJECT_LABELS: dict[str, str] = {
    "case": QT_TR_NOOP("casus"),
    "signal": QT_TR_NOOP("signaal"),
    "action": QT_TR_NOOP("actie"),
    "escalation": QT_TR_NOOP("opschaling"),
    "person": QT_TR_NOOP("betrokkene"),
    "visit": QT_TR_NOOP("huisbezoek"),
    "meeting": QT_TR_NOOP("overleg"),
    "agenda_item": QT_TR_NOOP("agendapunt"),
    "agenda_proposals": QT_TR_NOOP("agendavoorstellen"),
    "buurtschouw": QT_TR_NOOP("buurtschouw"),
    "buurtschouw_pack": QT_TR_NOOP("buurtschouwpakket"),
    "finding": QT_TR_NOOP("bevinding"),
    "focus_area": QT_TR_NOOP("focusgebied"),
    "user": QT_TR_NOOP("gebruiker"),
    "partner": QT_TR_NOOP("partner"),
    "store": QT_TR_NOOP("opslag"),
    "centre": QT_TR_NOOP("centrum"),
    "reminder_state": QT_TR_NOOP("herinneringsstatus"),
    "audit_log": QT_TR_NOOP("auditlog"),
    "routing_rule": QT_TR_NOOP("routeringsregel"),
    "retention_rule": QT_TR_NOOP("bewaartermijn"),
    "postcode": QT_TR_NOOP("postcode"),
    "category": QT_TR_NOOP("categorie"),
    "settings": QT_TR_NOOP("instellingen"),
    "autobackup": QT_TR_NOOP("automatische back-up"),
    "reminder": QT_TR_NOOP("herinnering"),
    "calendar": QT_TR_NOOP("agenda-export"),
    "management_report": QT_TR_NOOP("managementrapportage"),
    "case_list": QT_TR_NOOP("casussenlijst"),
    "signal_list": QT_TR_NOOP("signalenlijst"),
    "action_list": QT_TR_NOOP("actielijst"),
    "escalation_list": QT_TR_NOOP("opschalingenlijst"),
    "meeting_list": QT_TR_NOOP("overleggenlijst"),
    "visit_list": QT_TR_NOOP("huisbezoekenlijst"),
    "visit_week": QT_TR_NOOP("weekplanning huisbezoeken"),
    "user_list": QT_TR_NOOP("gebruikerslijst"),
    "walk_action_list": QT_TR_NOOP("actielijst buurtschouw"),
    "emergency_list": QT_TR_NOOP("noodknoplijst"),
    # Its name until the column's 20 characters were enforced (storage/guard.py).
    "emergency_access_list": QT_TR_NOOP("noodknoplijst"),
    "triage_list": QT_TR_NOOP("te beoordelen signalen"),
    "worklist_overdue": QT_TR_NOOP("werklijst te laat"),
    "worklist_week": QT_TR_NOOP("werklijst deze week"),
    "pending_audit": QT_TR_NOOP("auditregels van vóór het aanmelden"),
    "person_list": QT_TR_NOOP("personen gezocht"),
}

DELETED = QT_TR_NOOP("verwijderd")


def action_label(action: str) -> str:
    """The Dutch verb of an action; an unknown code is shown as stored."""
    label = ACTION_LABELS.get(action)
    return tr(label) if label is not None else action


def object_label(object_type: str | None) -> str:
    """The Dutch noun of an object type; an unknown type is shown as stored."""
    if not object_type:
        return ""
    label = OBJECT_LABELS.get(object_type)
    return tr(label) if label is not None else object_type


def what(action: str, object_type: str | None) -> str:
    """Action and object in one phrase: "Inzien · weekplanning huisbezoeken"."""
    noun = object_label(object_type)
    return f"{action_label(action)} · {noun}" if noun else action_label(action)


# --------------------------------------------------------------------------- names


def _day(value: date | datetime) -> str:
    return value.strftime("%d-%m-%Y")


def _moment(value: datetime) -> str:
    return value.strftime("%d-%m-%Y %H:%M")


def _meeting_kind(value: str) -> str:
    try:
        return MeetingType(value).label
    except ValueError:
        return value


def _areas(session: Session, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = session.execute(select(FocusArea.id, FocusArea.name).where(FocusArea.id.in_(wanted)))
    return {key: name for key, name in rows.tuples()}


def _case_refs(session: Session, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = session.execute(select(Case.id, Case.reference).where(Case.id.in_(wanted)))
    return {key: name for key, name in rows.tuples()}


def _signal_refs(session: Session, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = session.execute(select(Signal.id, Signal.reference).where(Signal.id.in_(wanted)))
    return {key: name for key, name in rows.tuples()}


def _users(session: Session, ids: set[str]) -> dict[str, str]:
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    return {key: name for key, name in rows.tuples()}


def _partners(session: Session, ids: set[str]) -> dict[str, str]:
    rows = session.execute(select(Partner.id, Partner.name).where(Partner.id.in_(ids)))
    return {key: name for key, name in rows.tuples()}


def _focus_areas(session: Session, ids: set[str]) -> dict[str, str]:
    return _areas(session, ids)


def _routing_rules(session: Session, ids: set[str]) -> dict[str, str]:
    rows = session.execute(select(RoutingRule.id, RoutingRule.name).where(RoutingRule.id.in_(ids)))
    return {key: name for key, name in rows.tuples()}


def _retention_rules(session: Session, ids: set[str]) -> dict[str, str]:
    rows = session.execute(
        select(RetentionRule.id, RetentionRule.description).where(RetentionRule.id.in_(ids))
    )
    return {key: name for key, name in rows.tuples()}


def _visits(session: Session, ids: set[str]) -> dict[str, str]:
    found = list(
        session.execute(
            select(Visit.id, Visit.planned_start, Visit.case_id).where(Visit.id.in_(ids))
        ).tuples()
    )
    refs = _case_refs(session, (case_id for _, _, case_id in found))
    names: dict[str, str] = {}
    for visit_id, start, case_id in found:
        case = refs.get(case_id or "")
        names[visit_id] = (
            tr("van {moment}, casus {case}").format(moment=_moment(start), case=case)
            if case
            else tr("van {moment}").format(moment=_moment(start))
        )
    return names


def _meetings(session: Session, ids: set[str]) -> dict[str, str]:
    found = list(
        session.execute(
            select(
                Meeting.id, Meeting.meeting_type, Meeting.starts_at, Meeting.focus_area_id
            ).where(Meeting.id.in_(ids))
        ).tuples()
    )
    areas = _areas(session, (area for _, _, _, area in found))
    return {
        meeting_id: tr("{kind} van {day}, {area}")
        .format(kind=_meeting_kind(kind).lower(), day=_day(starts), area=areas.get(area, ""))
        .rstrip(", ")
        for meeting_id, kind, starts, area in found
    }


def _agenda_items(session: Session, ids: set[str]) -> dict[str, str]:
    found = list(
        session.execute(
            select(
                AgendaItem.id, AgendaItem.meeting_id, AgendaItem.case_id, AgendaItem.signal_id
            ).where(AgendaItem.id.in_(ids))
        ).tuples()
    )
    meetings = _meetings(session, {m for _, m, _, _ in found})
    cases = _case_refs(session, (c for _, _, c, _ in found))
    signals = _signal_refs(session, (s for _, _, _, s in found))
    names: dict[str, str] = {}
    for item_id, meeting_id, case_id, signal_id in found:
        subject = cases.get(case_id or "") or signals.get(signal_id or "") or ""
        meeting = meetings.get(meeting_id, "")
        names[item_id] = tr("{subject} in {meeting}").format(subject=subject, meeting=meeting)
    return names


def _walks(session: Session, ids: set[str]) -> dict[str, str]:
    found = list(
        session.execute(
            select(Buurtschouw.id, Buurtschouw.walk_date, Buurtschouw.focus_area_id).where(
                Buurtschouw.id.in_(ids)
            )
        ).tuples()
    )
    areas = _areas(session, (area for _, _, area in found))
    return {
        walk_id: tr("van {day}, {area}").format(day=_day(day), area=areas.get(area, ""))
        for walk_id, day, area in found
    }


def _findings(session: Session, ids: set[str]) -> dict[str, str]:
    found = list(
        session.execute(
            select(BuurtschouwFinding.id, BuurtschouwFinding.buurtschouw_id).where(
                BuurtschouwFinding.id.in_(ids)
            )
        ).tuples()
    )
    walks = _walks(session, {w for _, w in found})
    return {
        finding_id: tr("in buurtschouw {walk}").format(walk=walks.get(walk_id, DELETED))
        for finding_id, walk_id in found
    }


# Object types named by a lookup of their id. Types named by a reference (case, signal,
# action, escalation, person) or by a readable key (category code, postcode) show their id.
_NAMERS: dict[str, Callable[[Session, set[str]], dict[str, str]]] = {
    "user": _users,
    "partner": _partners,
    "focus_area": _focus_areas,
    "routing_rule": _routing_rules,
    "retention_rule": _retention_rules,
    "visit": _visits,
    "meeting": _meetings,
    "agenda_item": _agenda_items,
    "agenda_proposals": _meetings,
    "buurtschouw": _walks,
    "buurtschouw_pack": _focus_areas,
    "finding": _findings,
}
# Lists whose object id may be a focus area's id (a list of one area).
_AREA_LISTS = frozenset(
    {"signal_list", "case_list", "meeting_list", "management_report", "worklist_overdue",
     "worklist_week", "triage_list"}
)  # fmt: skip


@dataclass(frozen=True)
class AuditNames:
    """What one page of the log names: objects by (type, id), users by user name."""

    objects: dict[tuple[str, str], str] = field(default_factory=dict)
    users: dict[str, str] = field(default_factory=dict)

    def object_name(self, object_type: str | None, object_id: str | None) -> str | None:
        """The name of an object (None: the id is its own name, or there is none)."""
        if not object_type or not object_id:
            return None
        return self.objects.get((object_type, object_id))

    def user_name(self, username: str) -> str:
        return self.users.get(username, username)


@retrying
def page_names(
    ctx: ServiceContext,
    objects: Iterable[tuple[str | None, str | None]],
    usernames: Iterable[str] = (),
) -> AuditNames:
    """Names for the objects and users of one page of the log, looked up in one query
    per kind (beheerder only). Ids that are named by a lookup but no longer exist read as
    "verwijderd"; ids that are their own name (a reference) are left out."""
    require_role(ctx, Role.BEHEERDER)
    pairs = list(objects)
    wanted: dict[str, set[str]] = {}
    for object_type, object_id in pairs:
        if not object_type or not object_id:
            continue
        if object_type in _NAMERS:
            wanted.setdefault(object_type, set()).add(object_id)
        elif object_type in _AREA_LISTS:
            wanted.setdefault("focus_area", set()).add(object_id)
    names: dict[tuple[str, str], str] = {}
    users: dict[str, str] = {}
    with ctx.unit() as session:
        found_by_type = {kind: _NAMERS[kind](session, ids) for kind, ids in wanted.items()}
        logins = {u for u in usernames if u}
        if logins:
            rows = session.execute(
                select(User.username, User.display_name).where(User.username.in_(logins))
            )
            users = {username: name for username, name in rows.tuples()}
    for object_type, object_id in pairs:
        if not object_type or not object_id:
            continue
        if object_type in _NAMERS:
            found = found_by_type.get(object_type, {})
            names[(object_type, object_id)] = found.get(object_id, tr(DELETED))
        elif object_type in _AREA_LISTS:
            area = found_by_type.get("focus_area", {}).get(object_id)
            if area is not None:  # else a reference span or a case: its own name
                names[(object_type, object_id)] = area
    return AuditNames(names, users)
