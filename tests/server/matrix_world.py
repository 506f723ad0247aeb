"""The world the HTTP role matrix works in: the scene of tests/services/test_role_matrix.py
(cases K and H, their signals, meetings, actions, visits and escalations), plus spare
records that the matrix's changes may use up without moving anyone's need-to-know, and
one user with a passphrase for each role, so each signs in to the server as a person does.

Everything here is fictional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select

from sociaalveilig.core.enums import Role
from sociaalveilig.services import buurtschouw, retention_rules, routing_rules, users
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import AgendaItem, Meeting, Partner, User
from tests.services.test_role_matrix import (
    HANDHAVING,
    HEERLEN,
    KERKRADE,
    POLITIE,
    WOCO,
    ZORG,
    _action,
    _area,
    _case,
    _escalation,
    _item,
    _meeting,
    _person,
    _signal,
    _visit,
)

ROLES = (
    "beheerder",
    "coordinator",
    "wijkagent_in",  # Kerkrade: K lies in the own area
    "wijkagent_out",  # Heerlen: K lies in another area
    "partner_woco",  # takes part in meeting MK, owns action AK and visit VK
    "partner_zorg",  # takes part in meeting MH, owns action AH and visit VH
    "partner_politie",  # takes part in meeting MK2 only
    "partner_out",  # another organisation, in no meeting
    "manager",
)

PASSPHRASE = "matrix-wachtwoord-{role}-7Qz"
"""Each role user's passphrase (a fictional one, long enough for the policy)."""

ROLE_USERS: dict[str, tuple[str, Role, str | None, list[str]]] = {
    "coordinator": ("mxcoordinator", Role.COORDINATOR, None, []),
    "wijkagent_in": ("mxwim", Role.WIJKAGENT, None, [KERKRADE]),
    "wijkagent_out": ("mxwout", Role.WIJKAGENT, None, [HEERLEN]),
    "partner_woco": ("mxwoco", Role.PARTNER, WOCO, []),
    "partner_zorg": ("mxzorg", Role.PARTNER, ZORG, []),
    "partner_politie": ("mxpolitie", Role.PARTNER, POLITIE, []),
    "partner_out": ("mxhandhaving", Role.PARTNER, HANDHAVING, []),
    "manager": ("mxmanon", Role.MANAGER, None, []),
}

SPARE_USERS = ("mxspare", "mxsleeper")
"""Users the matrix's user administration changes (role, deactivation)."""


@dataclass
class World:
    ids: dict[str, str] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    partners: dict[str, str] = field(default_factory=dict)
    usernames: dict[str, str] = field(default_factory=dict)
    passphrases: dict[str, str] = field(default_factory=dict)
    checklist_item: str = ""
    retention_base: str = ""
    routing_rule: str = ""


def _free_meeting(session: object, area: object, starts: datetime) -> Meeting:
    """A meeting without partners: changing its agenda moves no partner's need-to-know."""
    meeting = Meeting(
        focus_area_id=area.id,  # type: ignore[attr-defined]
        meeting_type="fysieke_leefomgeving",
        starts_at=starts,
        location="Hoensbroek",
        status="gepland",
    )
    session.add(meeting)  # type: ignore[attr-defined]
    session.flush()  # type: ignore[attr-defined]
    return meeting


def build_world(admin: ServiceContext, admin_passphrase: str) -> World:
    """The scene, the spare records and the role users, made by the beheerder ``admin``
    (with the clock of the tests) on the store behind it."""
    w = World()
    with admin.unit() as s:
        w.partners = dict(s.execute(select(Partner.name, Partner.id)).tuples().all())
        p = w.partners
        kerkrade, heerlen = _area(s, KERKRADE), _area(s, HEERLEN)
        karel, hester = _person(s, "Karel Kwartel"), _person(s, "Hester Heikneuter")
        k = _case(s, kerkrade, 10, karel, "KSUMMARY")
        h = _case(s, heerlen, 20, hester, "HSUMMARY")
        sk = _signal(s, kerkrade, 10, "KDESC over de woning", k, karel, reporter="Kees Klager")
        sh = _signal(s, heerlen, 20, "HDESC over de woning", h, hester, reporter="Rinus Roeper")
        sl = _signal(s, heerlen, 30, "LDESC los signaal", None, None)
        mk = _meeting(s, kerkrade, "fysieke_leefomgeving", datetime(2026, 4, 10, 14), p[WOCO])
        mk2 = _meeting(s, kerkrade, "achter_de_voordeur", datetime(2026, 4, 11, 14), p[POLITIE])
        mh = _meeting(s, heerlen, "achter_de_voordeur", datetime(2026, 4, 12, 14), p[ZORG])
        item_k = _item(s, mk, case=k, decision="KFLDECISION")
        _item(s, mk2, case=k, decision="KAVDECISION")
        _item(s, mh, signal=sl)
        ak = _action(s, k, p[WOCO], "AKNOTE", item_k)
        ah = _action(s, h, p[ZORG], "AHNOTE", None)
        vk = _visit(s, k, p[WOCO], "VKPURPOSE")
        vh = _visit(s, h, p[ZORG], "VHPURPOSE")
        ek = _escalation(s, k, "EKREASON")
        eh = _escalation(s, h, "EHREASON")
        # Spare records for the changes: on case K, with the Woningcorporatie where a
        # partner takes part, and two meetings without partners.
        sx = _signal(s, kerkrade, 10, "XDESC gekoppeld signaal", k, None)
        sy = _signal(s, kerkrade, 40, "YDESC los signaal", None, None)
        ax = _action(s, k, p[WOCO], "AXNOTE", None)
        vx = _visit(s, k, p[WOCO], "VXPURPOSE")
        ex = _escalation(s, k, "EXREASON")
        mx = _free_meeting(s, kerkrade, datetime(2026, 4, 20, 14))
        my = _free_meeting(s, kerkrade, datetime(2026, 4, 21, 14))
        item_x = AgendaItem(meeting_id=mx.id, position=1, case_id=k.id, reason="added")
        item_x2 = AgendaItem(meeting_id=mx.id, position=2, signal_id=sx.id, reason="added")
        s.add_all([item_x, item_x2])
        s.add(Partner(name="Matrixpartner Fictief", source_type="anders", active=True))
        s.flush()
        spare_partner = s.execute(
            select(Partner.id).where(Partner.name == "Matrixpartner Fictief")
        ).scalar_one()
        for key, obj in {
            "k": k, "h": h, "sk": sk, "sh": sh, "sl": sl, "mk": mk, "mk2": mk2, "mh": mh,
            "ak": ak, "ah": ah, "vk": vk, "vh": vh, "ek": ek, "eh": eh, "sx": sx, "sy": sy,
            "ax": ax, "vx": vx, "ex": ex, "mx": mx, "my": my, "item_k": item_k,
            "item_x": item_x, "item_x2": item_x2,
        }.items():  # fmt: skip
            w.ids[key] = obj.id
            w.refs[key] = getattr(obj, "reference", obj.id)
        w.ids["spare_partner"] = spare_partner
        w.refs["karel"] = karel.reference
        w.ids["kerkrade"] = kerkrade.id
    w.usernames["beheerder"] = admin.actor.username
    w.passphrases["beheerder"] = admin_passphrase
    for role, (name, kind, partner, areas) in ROLE_USERS.items():
        passphrase = PASSPHRASE.format(role=role)
        users.add_user(admin, name, kind.value, passphrase, partner=partner, areas=areas)
        w.usernames[role] = name
        w.passphrases[role] = passphrase
    for name in SPARE_USERS:
        users.add_user(admin, name, "coordinator", PASSPHRASE.format(role=name))
    coordinator = admin.with_actor(_actor_of(admin, w.usernames["coordinator"]))
    walk = buurtschouw.plan_buurtschouw(coordinator, KERKRADE, date(2026, 4, 15), "Matrixroute")
    w.ids["walk"] = walk.walk_id
    w.checklist_item = buurtschouw.CHECKLIST[0].code
    finding = buurtschouw.add_finding(
        coordinator, walk.walk_id, w.checklist_item, "Matrixbevinding", street="Matrixlaan"
    )
    w.ids["finding"] = finding.finding_id
    w.retention_base = retention_rules.list_rules(admin)[0].code
    w.routing_rule = routing_rules.list_rules(admin)[-1].rule_id
    return w


def _actor_of(admin: ServiceContext, username: str) -> object:
    from sociaalveilig.services.setup import actor_for

    with admin.unit() as session:
        assert session.execute(select(User).where(User.username == username)).scalar_one()
        return actor_for(session, username)
