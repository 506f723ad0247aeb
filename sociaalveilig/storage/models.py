"""ORM mapping of the store (schema v1).

Every record that may one day be shared between desks has a stable UUID primary key
(32 hex characters) and a version counter used for optimistic locking. Status columns
hold the codes of the enums in ``sociaalveilig.core.enums``; history is appended to
``status_history`` and never edited.

Times: ``*_at`` columns are naive UTC; planned times of visits and meetings are naive
local time (Europe/Amsterdam), because that is what people plan in.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from sociaalveilig.storage import guard

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Mixin: UUID primary key and a version counter (optimistic locking)."""

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- reference data


class Municipality(Base):
    __tablename__ = "municipalities"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class FocusArea(Versioned, Base):
    __tablename__ = "focus_areas"
    name: Mapped[str] = mapped_column(String(120), unique=True)
    municipality_id: Mapped[str] = mapped_column(ForeignKey("municipalities.id"))
    residents: Mapped[int] = mapped_column(Integer, default=0)
    # Number of wijkagenten deployed, for the legal norm of one per 5,000 residents.
    wijkagent_fte: Mapped[float] = mapped_column(default=0.0)
    municipality: Mapped[Municipality] = relationship()


class Postcode(Base):
    """Editable postcode table: a PC4 ("6411") or PC6 ("6411AB") to municipality/area."""

    __tablename__ = "postcodes"
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    municipality_id: Mapped[str] = mapped_column(ForeignKey("municipalities.id"))
    focus_area_id: Mapped[str | None] = mapped_column(ForeignKey("focus_areas.id"))


class Partner(Versioned, Base):
    """An organisation taking part: police, a housing corporation, a care organisation..."""

    __tablename__ = "partners"
    name: Mapped[str] = mapped_column(String(120), unique=True)
    source_type: Mapped[str] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Category(Versioned, Base):
    __tablename__ = "categories"
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    main_category: Mapped[str] = mapped_column(String(80))
    meeting: Mapped[str] = mapped_column(String(2))  # FL or AV
    term_days: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RoutingRule(Versioned, Base):
    """Ordered routing rule; ``None`` in a condition column means 'any'."""

    __tablename__ = "routing_rules"
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    category_code: Mapped[str | None] = mapped_column(String(20))
    main_category: Mapped[str | None] = mapped_column(String(80))
    focus_area_id: Mapped[str | None] = mapped_column(ForeignKey("focus_areas.id"))
    source: Mapped[str | None] = mapped_column(String(30))
    urgency: Mapped[str | None] = mapped_column(String(10))
    target: Mapped[str] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --------------------------------------------------------------------------- users


class User(Versioned, Base):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partners.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class UserArea(Base):
    """Focus areas assigned to a user (a wijkagent sees these)."""

    __tablename__ = "user_areas"
    user_id: Mapped[str] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    focus_area_id: Mapped[str] = mapped_column(ForeignKey("focus_areas.id"), primary_key=True)


# --------------------------------------------------------------------------- case work


class Person(Versioned, Base):
    """Betrokkene: minimal data only."""

    __tablename__ = "persons"
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Case(Versioned, Base):
    __tablename__ = "cases"
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[str] = mapped_column(String(20))
    risk_level: Mapped[str] = mapped_column(String(10))
    postcode: Mapped[str] = mapped_column(String(7))
    house_number: Mapped[int] = mapped_column(Integer)
    addition: Mapped[str | None] = mapped_column(String(10))
    street: Mapped[str | None] = mapped_column(String(120))
    city: Mapped[str | None] = mapped_column(String(80))
    address_key: Mapped[str] = mapped_column(String(24), index=True)
    municipality_id: Mapped[str | None] = mapped_column(ForeignKey("municipalities.id"))
    focus_area_id: Mapped[str | None] = mapped_column(ForeignKey("focus_areas.id"), index=True)
    lead_partner_id: Mapped[str | None] = mapped_column(ForeignKey("partners.id"))
    summary: Mapped[str | None] = mapped_column(Text)
    next_review: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    # Indexed: the management report counts cases closed in a period.
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    last_progress_at: Mapped[datetime | None] = mapped_column(DateTime)
    # ZVH criteria checklist, as recorded by a person (DOMAIN.md "ZVH criteria").
    zvh_multiple_domains: Mapped[bool] = mapped_column(Boolean, default=False)
    zvh_behaviour: Mapped[bool] = mapped_column(Boolean, default=False)
    zvh_chain_cooperation: Mapped[bool] = mapped_column(Boolean, default=False)
    zvh_family_or_surroundings: Mapped[bool] = mapped_column(Boolean, default=False)
    zvh_local_safety: Mapped[bool] = mapped_column(Boolean, default=False)


class CasePerson(Base):
    __tablename__ = "case_persons"
    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[str] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(60))


class Signal(Versioned, Base):
    __tablename__ = "signals"
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(30), index=True)
    organisation: Mapped[str | None] = mapped_column(String(120))
    # Indexed behind the list's columns: ix_signals_category_list below.
    category_id: Mapped[str] = mapped_column(ForeignKey("categories.id"))
    postcode: Mapped[str] = mapped_column(String(7))
    house_number: Mapped[int] = mapped_column(Integer)
    addition: Mapped[str | None] = mapped_column(String(10))
    street: Mapped[str | None] = mapped_column(String(120))
    city: Mapped[str | None] = mapped_column(String(80))
    address_key: Mapped[str] = mapped_column(String(24), index=True)
    municipality_id: Mapped[str | None] = mapped_column(ForeignKey("municipalities.id"))
    # Its own narrow index too: counting an area's signals (the list's plan) reads it.
    focus_area_id: Mapped[str | None] = mapped_column(ForeignKey("focus_areas.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(String(10))
    reporter: Mapped[str | None] = mapped_column(String(160))
    status: Mapped[str] = mapped_column(String(20))
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    routing_rule_id: Mapped[str | None] = mapped_column(String(32))
    route_target: Mapped[str | None] = mapped_column(String(30))
    route_reason: Mapped[str | None] = mapped_column(Text)
    # Open signals past their date: ix_signals_status_due (status first) below.
    due_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    reporter_anonymised_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        # One area's signals in list order, with the same columns as the list index: the
        # area is the first filter of most lists (a wijkagent's own areas, an area's
        # overleg), so a list of one area walks its own part only (schema v2).
        Index(
            "ix_signals_area_received",
            "focus_area_id",
            "received_at",
            "reference",
            "id",
            "status",
            "source",
            "category_id",
            "urgency",
            "due_date",
            "case_id",
        ),
        # The signal list's index (schema v2): in the default order (newest first,
        # reference as tie-break) and holding every column the list filters on and the
        # need-to-know scope reads, but the author (created_by: a seventh 32-character key
        # in both wide indexes cost the 10,000-row import about half a second). A list
        # page walks it from the top and stops after 200 matches without reading a table
        # page; a full id list reads the index only. Walked by ``storage.sqlite.plans``.
        Index(
            "ix_signals_list",
            "received_at",
            "reference",
            "id",
            "status",
            "source",
            "focus_area_id",
            "category_id",
            "urgency",
            "due_date",
            "case_id",
        ),
        # The list's order and nothing else (schema v4): a fraction of the list index's
        # size, so it stays in a connection's page cache where the list index does not,
        # and a walk over it decrypts no page after the first. For the lists that filter on
        # nothing else in the table: the coordinator's whole list, a period, a text (its
        # matches checked against the walk instead of each read from the table to sort them).
        Index("ix_signals_received", "received_at", "reference", "id"),
        # Signals past their handling term (Vandaag, the overdue filter): counted
        # from the index alone. Also serves status-only lookups. Behind status and due date
        # (schema v4): the list's order and result, and the columns of a wijkagent's and a
        # partner's scope, so a list of a status reads that status's rows and sorts them
        # without a table page, for every role. The category index likewise.
        Index(
            "ix_signals_status_due",
            "status",
            "due_date",
            "received_at",
            "reference",
            "id",
            "focus_area_id",
            "case_id",
        ),
        Index(
            "ix_signals_category_list",
            "category_id",
            "received_at",
            "reference",
            "id",
            "focus_area_id",
            "case_id",
        ),
        # A user's own signals (part of a wijkagent's and a partner's need-to-know scope),
        # as a set of ids the list indexes can be checked against without reading the
        # table for every other signal (schema v3). The author alone: an import's rows all
        # have the same one, so their entries are appended in insertion order; with the id in
        # the key they went to random places and slowed every import.
        Index("ix_signals_created_by", "created_by"),
    )


class SignalPerson(Base):
    __tablename__ = "signal_persons"
    signal_id: Mapped[str] = mapped_column(
        ForeignKey("signals.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[str] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(60))


class StatusChange(Base):
    """Append-only history of status changes of any object (UPDATE/DELETE refused)."""

    __tablename__ = "status_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    object_type: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_status_history_object", "object_type", "object_id"),
        # The management report's handling time: signals set to a status within a period,
        # without scanning the whole history (a million rows after ten years).
        Index("ix_status_history_to_status_at", "to_status", "at"),
    )


class Meeting(Versioned, Base):
    __tablename__ = "meetings"
    focus_area_id: Mapped[str] = mapped_column(ForeignKey("focus_areas.id"), index=True)
    meeting_type: Mapped[str] = mapped_column(String(30))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    location: Mapped[str | None] = mapped_column(String(160))
    status: Mapped[str] = mapped_column(String(20))
    agenda_sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class MeetingPartner(Base):
    __tablename__ = "meeting_partners"
    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[str] = mapped_column(ForeignKey("partners.id"), primary_key=True)

    # A partner's meetings, for its need-to-know scope (schema v3).
    __table_args__ = (Index("ix_meeting_partners_partner", "partner_id", "meeting_id"),)


class AgendaItem(Versioned, Base):
    __tablename__ = "agenda_items"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    signal_id: Mapped[str | None] = mapped_column(ForeignKey("signals.id"))
    reason: Mapped[str] = mapped_column(String(20))  # routed, review, escalation, added
    decision: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)

    # The cases on a meeting's agenda read from the index alone: a partner's scope is the
    # cases on the agendas of its meetings (schema v3; was meeting_id alone).
    __table_args__ = (
        Index("ix_agenda_items_meeting_case", "meeting_id", "case_id"),
        # The signals on the agendas of a partner's meetings (part of a partner's scope),
        # from the index alone; without it every list statement of a partner read each
        # agenda item of its meetings from the table to find the few with a signal.
        # Partial: most items are about a case (schema v4).
        Index(
            "ix_agenda_items_meeting_signal",
            "meeting_id",
            "signal_id",
            sqlite_where=text("signal_id IS NOT NULL"),
            postgresql_where=text("signal_id IS NOT NULL"),
        ),
    )


class Action(Versioned, Base):
    __tablename__ = "actions"
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"))
    action_type: Mapped[str] = mapped_column(String(40))
    owner_partner_id: Mapped[str] = mapped_column(ForeignKey("partners.id"))
    deadline: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)

    # A partner's actions with their cases, from the index alone (its need-to-know scope
    # holds the cases it owns an action on; schema v3, was owner_partner_id alone).
    __table_args__ = (Index("ix_actions_owner_case", "owner_partner_id", "case_id"),)


class Visit(Versioned, Base):
    __tablename__ = "visits"
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    action_id: Mapped[str | None] = mapped_column(ForeignKey("actions.id"))
    planned_start: Mapped[datetime] = mapped_column(DateTime, index=True)
    planned_end: Mapped[datetime] = mapped_column(DateTime)
    postcode: Mapped[str] = mapped_column(String(7))
    house_number: Mapped[int] = mapped_column(Integer)
    addition: Mapped[str | None] = mapped_column(String(10))
    street: Mapped[str | None] = mapped_column(String(120))
    city: Mapped[str | None] = mapped_column(String(80))
    purpose: Mapped[str] = mapped_column(Text)
    joint: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), index=True)
    outcome_notes: Mapped[str | None] = mapped_column(Text)
    follow_up_of: Mapped[str | None] = mapped_column(ForeignKey("visits.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class VisitPartner(Base):
    __tablename__ = "visit_partners"
    visit_id: Mapped[str] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[str] = mapped_column(ForeignKey("partners.id"), primary_key=True)


class Escalation(Versioned, Base):
    __tablename__ = "escalations"
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    target: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    external_reference: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(20), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)


class Buurtschouw(Versioned, Base):
    __tablename__ = "buurtschouwen"
    focus_area_id: Mapped[str] = mapped_column(ForeignKey("focus_areas.id"), index=True)
    walk_date: Mapped[date] = mapped_column(Date)
    route: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class BuurtschouwFinding(Versioned, Base):
    __tablename__ = "buurtschouw_findings"
    buurtschouw_id: Mapped[str] = mapped_column(
        ForeignKey("buurtschouwen.id", ondelete="CASCADE"), index=True
    )
    checklist_item: Mapped[str] = mapped_column(String(40))
    category_code: Mapped[str | None] = mapped_column(String(20))
    postcode: Mapped[str | None] = mapped_column(String(7))
    house_number: Mapped[int | None] = mapped_column(Integer)
    street: Mapped[str | None] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text)
    signal_id: Mapped[str | None] = mapped_column(ForeignKey("signals.id"))


# --------------------------------------------------------------------------- privacy & reminders


class RetentionRule(Versioned, Base):
    __tablename__ = "retention_rules"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    description: Mapped[str] = mapped_column(String(200))
    applies_to: Mapped[str] = mapped_column(String(30))
    category_code: Mapped[str | None] = mapped_column(String(20))
    term_days: Mapped[int] = mapped_column(Integer)
    legal_basis: Mapped[str] = mapped_column(Text)


class DeletionRecord(Base):
    """Deletion register: what kind, when, under which rule; never content."""

    __tablename__ = "deletion_register"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    object_type: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer)
    rule_code: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[str | None] = mapped_column(String(32))


class ReminderState(Base):
    """What a user did with a reminder: snoozed or dismissed, tied to a fingerprint of
    the underlying work so a change to that work brings the reminder back."""

    __tablename__ = "reminder_states"
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    reminder_key: Mapped[str] = mapped_column(String(120), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)
    snoozed_until: Mapped[datetime | None] = mapped_column(DateTime)
    fired_at: Mapped[datetime | None] = mapped_column(DateTime)


class Counter(Base):
    """Per-kind, per-year counters for human-readable references (S-2026-000123)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


# --------------------------------------------------------------------------- audit


class AuditEntry(Base):
    """Append-only, hash-chained audit log (NEN 7513-style fields). Never content."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32))  # UTC ISO 8601 with microseconds
    username: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40), index=True)
    object_type: Mapped[str | None] = mapped_column(String(20))
    object_id: Mapped[str | None] = mapped_column(String(40), index=True)
    person_ref: Mapped[str | None] = mapped_column(String(20), index=True)
    purpose: Mapped[str | None] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(20))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    # The audit viewer pages newest first by time, per user or per period, over millions
    # of rows: these let the database do that without sorting the whole log.
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_username_at", "username", "at"),
        Index("ix_audit_log_action_at", "action", "at"),
    )


class AuditHead(Base):
    """Single row holding the chain head; writing it first serialises audit appends."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


# Every Session checks what it writes against the columns' rules (storage/guard.py).
guard.install()

__all__ = [
    "Action",
    "AgendaItem",
    "AuditEntry",
    "AuditHead",
    "Base",
    "Buurtschouw",
    "BuurtschouwFinding",
    "Case",
    "CasePerson",
    "Category",
    "Counter",
    "DeletionRecord",
    "FocusArea",
    "Meeting",
    "MeetingPartner",
    "Municipality",
    "Partner",
    "Person",
    "Postcode",
    "ReminderState",
    "RetentionRule",
    "RoutingRule",
    "Setting",
    "Signal",
    "SignalPerson",
    "StatusChange",
    "User",
    "UserArea",
    "Visit",
    "VisitPartner",
    "new_id",
]
