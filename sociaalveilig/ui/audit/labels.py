"""Dutch words for the audit log's code names: its actions and object types."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditPage", text)


# The log stores object types as code names (``case_list``); the beheerder reads Dutch.
_OBJECT_LABELS: dict[str, str] = {
    "case": "casus",
    "signal": "signaal",
    "action": "actie",
    "escalation": "opschaling",
    "person": "betrokkene",
    "visit": "huisbezoek",
    "meeting": "overleg",
    "agenda_item": "agendapunt",
    "agenda_proposals": "agendavoorstellen",
    "buurtschouw": "buurtschouw",
    "finding": "bevinding",
    "focus_area": "focusgebied",
    "user": "gebruiker",
    "partner": "partner",
    "store": "opslag",
    "audit_log": "auditlog",
    "routing_rule": "routeringsregel",
    "retention_rule": "bewaartermijn",
    "postcode": "postcode",
    "category": "categorie",
    "settings": "instellingen",
    "reminder": "herinnering",
    "case_list": "casussenlijst",
    "signal_list": "signalenlijst",
    "action_list": "actielijst",
    "escalation_list": "opschalingenlijst",
    "meeting_list": "overleggenlijst",
    "visit_list": "huisbezoekenlijst",
    "user_list": "gebruikerslijst",
    "walk_action_list": "actielijst buurtschouw",
    "emergency_access_list": "noodknoplijst",
    "triage_list": "te beoordelen signalen",
    "worklist_overdue": "werklijst te laat",
    "worklist_week": "werklijst deze week",
}


# Actions the core has no Dutch label for yet (``auditlog.action_label`` returns the code).
_ACTION_LABELS: dict[str, str] = {
    "list": "Lijst bekijken",
    "link_proposal": "Koppelvoorstel",
    "unlink": "Ontkoppelen",
    "status": "Status gewijzigd",
    "risk": "Risico gewijzigd",
    "lead_partner": "Casusregisseur gekozen",
    "add_person": "Betrokkene toegevoegd",
    "escalation_advice": "Opschalingsadvies",
    "zvh_criteria": "ZVH-criteria vastgelegd",
    "move": "Verplaatst",
    "delete": "Verwijderen",
    "send": "Versturen",
    "settings": "Instellingen gewijzigd",
    "change_role": "Rol gewijzigd",
    "deactivate": "Toegang ingetrokken",
    "reactivate": "Toegang hersteld",
    "reminder_done": "Herinnering gedaan",
    "reminder_snooze": "Herinnering uitgesteld",
    "view_routing": "Routering bekijken",
}


def action_text(code: str, core_label: str) -> str:
    """The core's Dutch label, or ours where the core shows the bare code."""
    if core_label != code:
        return core_label
    label = _ACTION_LABELS.get(code)
    return _t(label) if label is not None else code


def object_label(object_type: str | None) -> str:
    """The Dutch name of an audit object type; an unknown type is shown as stored."""
    if not object_type:
        return ""
    label = _OBJECT_LABELS.get(object_type)
    return _t(label) if label is not None else object_type


def object_text(object_type: str | None, name: str | None) -> str:
    return " ".join(p for p in (object_label(object_type), name) if p)


def object_tooltip(object_type: str | None, name: str | None) -> str:
    """The stored form, for a beheerder who compares with an export."""
    return " ".join(p for p in (object_type, name) if p)
