"""The columns' length and type rules, checked before anything is written, on both databases.

SQLite keeps whatever it is given: a 300-character street in a ``VARCHAR(120)``, ``1`` in a
boolean, an aware datetime, a number past 32 bits, a NUL character. PostgreSQL refuses
each of these (or, for an aware time, silently shifts it to the server's zone). So that a
store behaves the same on both, every value the program writes is checked here first,
from the column types in ``storage/models.py``: before every flush (the ORM's new and
changed rows) and for every ``INSERT``/``UPDATE`` statement run through a Session (the
bulk paths of the import and the demo). A value that breaks a rule raises
``ValidationError`` with one Dutch line naming the field in the user's words; the unit of
work rolls back, so nothing is written.

The services check their input themselves first, with messages that fit the screen; this
is the net under them (tests/storage/test_guard.py holds the services' limits to the
columns' lengths).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, String, Table, event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, object_mapper
from sqlalchemy.orm.attributes import instance_state
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.dml import Insert, Update
from sqlalchemy.sql.elements import BindParameter

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
    Source,
    Urgency,
    VisitStatus,
)
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import QT_TR_NOOP, tr

# PostgreSQL's INTEGER; SQLite's is 64 bits.
INT_MIN = -(2**31)
INT_MAX = 2**31 - 1

FIELD_LABELS: dict[str, str] = {
    "postcode": QT_TR_NOOP("postcode"),
    "house_number": QT_TR_NOOP("huisnummer"),
    "addition": QT_TR_NOOP("toevoeging"),
    "street": QT_TR_NOOP("straat"),
    "city": QT_TR_NOOP("plaats"),
    "organisation": QT_TR_NOOP("organisatie"),
    "reporter": QT_TR_NOOP("melder"),
    "description": QT_TR_NOOP("omschrijving"),
    "urgency": QT_TR_NOOP("urgentie"),
    "source": QT_TR_NOOP("bron"),
    "status": QT_TR_NOOP("status"),
    "risk_level": QT_TR_NOOP("risiconiveau"),
    "summary": QT_TR_NOOP("samenvatting"),
    "name": QT_TR_NOOP("naam"),
    "display_name": QT_TR_NOOP("weergavenaam"),
    "username": QT_TR_NOOP("gebruikersnaam"),
    "role": QT_TR_NOOP("rol"),
    "birth_year": QT_TR_NOOP("geboortejaar"),
    "location": QT_TR_NOOP("locatie"),
    "purpose": QT_TR_NOOP("doel"),
    "reason": QT_TR_NOOP("reden"),
    "external_reference": QT_TR_NOOP("extern kenmerk"),
    "deadline": QT_TR_NOOP("deadline"),
    "action_type": QT_TR_NOOP("soort actie"),
    "target": QT_TR_NOOP("doel van de opschaling"),
    "meeting_type": QT_TR_NOOP("soort overleg"),
    "starts_at": QT_TR_NOOP("begintijd"),
    "planned_start": QT_TR_NOOP("begintijd"),
    "planned_end": QT_TR_NOOP("eindtijd"),
    "walk_date": QT_TR_NOOP("datum van de schouw"),
    "received_at": QT_TR_NOOP("datum"),
    "checklist_item": QT_TR_NOOP("punt van de checklist"),
    "category_code": QT_TR_NOOP("categorie"),
    "code": QT_TR_NOOP("code"),
    "main_category": QT_TR_NOOP("hoofdcategorie"),
    "term_days": QT_TR_NOOP("termijn in werkdagen"),
    "residents": QT_TR_NOOP("inwoners"),
    "route": QT_TR_NOOP("route"),
    "decision": QT_TR_NOOP("besluit"),
    "outcome_notes": QT_TR_NOOP("aantekeningen"),
    "joint": QT_TR_NOOP("gezamenlijk"),
    "active": QT_TR_NOOP("actief"),
    "next_review": QT_TR_NOOP("volgende bespreking"),
    "legal_basis": QT_TR_NOOP("grondslag"),
}
"""Column name → the field as users call it (Dutch, translated when shown); a column not
here is named by its own name."""

ENUM_COLUMNS: dict[str, type[StrEnum]] = {
    "signals.status": SignalStatus,
    "signals.urgency": Urgency,
    "signals.source": Source,
    "cases.status": CaseStatus,
    "cases.risk_level": RiskLevel,
    "actions.status": ActionStatus,
    "actions.action_type": ActionType,
    "visits.status": VisitStatus,
    "escalations.status": EscalationStatus,
    "escalations.target": EscalationTarget,
    "meetings.meeting_type": MeetingType,
    "users.role": Role,
}
"""Columns that hold an enum's code: a code not in the enum is refused (neither database
knows the enums; the columns are ``VARCHAR``)."""

Checker = Callable[[Any], str | None]


def field_label(column_name: str) -> str:
    label = FIELD_LABELS.get(column_name)
    return tr(label) if label is not None else column_name


def _text_rule(limit: int | None) -> Checker:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return tr("Bij '{field}' hoort tekst.")
        if "\x00" in value:
            return tr("De tekst bij '{field}' bevat een ongeldig teken (NUL); haal het weg.")
        if limit is not None and len(value) > limit:
            return tr("De tekst bij '{field}' is te lang: ten hoogste {limit} tekens.").replace(
                "{limit}", str(limit)
            )
        return None

    return check


def _bool_rule(value: Any) -> str | None:
    return None if isinstance(value, bool) else tr("Bij '{field}' hoort ja of nee.")


def _int_rule(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return tr("Bij '{field}' hoort een geheel getal.")
    if value > INT_MAX:
        return tr("Het getal bij '{field}' is te groot: ten hoogste {limit}.").replace(
            "{limit}", f"{INT_MAX:,}".replace(",", ".")
        )
    if value < INT_MIN:
        return tr("Het getal bij '{field}' is te klein: ten minste {limit}.").replace(
            "{limit}", f"{INT_MIN:,}".replace(",", ".")
        )
    return None


def _float_rule(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return tr("Bij '{field}' hoort een getal.")
    if isinstance(value, float) and not math.isfinite(value):
        return tr("Bij '{field}' hoort een getal.")
    return None


def _date_rule(value: Any) -> str | None:
    # A datetime is a date too, but a date column keeps no time (PostgreSQL drops it).
    if isinstance(value, datetime) or not isinstance(value, date):
        return tr("Bij '{field}' hoort een datum zonder tijd.")
    return None


def _datetime_rule(value: Any) -> str | None:
    if not isinstance(value, datetime):
        return tr("Bij '{field}' hoort een datum met tijd.")
    if value.tzinfo is not None:
        # The columns hold naive UTC or naive local time; PostgreSQL would move an aware
        # time to its own zone and drop the zone, SQLite would keep the offset as text.
        return tr(
            "De tijd bij '{field}' heeft een tijdzone; de opslag bewaart tijden zonder zone."
        )
    return None


def _enum_rule(enum: type[StrEnum], base: Checker) -> Checker:
    codes = frozenset(member.value for member in enum)
    choices = ", ".join(member.value for member in enum)

    def check(value: Any) -> str | None:
        problem = base(value)
        if problem is not None:
            return problem
        if value not in codes:
            text = tr("De waarde bij '{field}' is niet toegestaan; kies een van: {choices}.")
            return text.replace("{choices}", choices)
        return None

    return check


def rule_for(column: Column[Any]) -> Checker | None:
    """The check for one column's values, or None where any value fits."""
    kind = column.type
    base: Checker | None
    if isinstance(kind, Boolean):
        base = _bool_rule
    elif isinstance(kind, DateTime):
        base = _datetime_rule
    elif isinstance(kind, Date):
        base = _date_rule
    elif isinstance(kind, Integer):
        base = _int_rule
    elif isinstance(kind, Float):
        base = _float_rule
    elif isinstance(kind, String):  # Text is a String without a length
        base = _text_rule(kind.length)
    else:
        base = None
    table = column.table.name if isinstance(column.table, Table) else ""
    enum = ENUM_COLUMNS.get(f"{table}.{column.name}")
    if enum is not None and base is not None:
        return _enum_rule(enum, base)
    return base


_RULES: dict[Column[Any], Checker | None] = {}


def _rule(column: Column[Any]) -> Checker | None:
    try:
        return _RULES[column]
    except KeyError:
        rule = _RULES[column] = rule_for(column)
        return rule


def check_value(column: Column[Any], value: Any) -> None:
    """Refuse (``ValidationError``) a value ``column`` cannot hold the same on both
    databases. None and SQL expressions are left to the database."""
    if value is None or isinstance(value, ClauseElement):
        return
    rule = _rule(column)
    if rule is None:
        return
    problem = rule(value)
    if problem is not None:
        raise ValidationError(
            problem.replace("{field}", field_label(column.name)), field=column.name
        )


def _check_object(obj: object, changed_only: bool) -> None:
    state = instance_state(obj)
    values = state.dict
    for prop in object_mapper(obj).column_attrs:
        if prop.key not in values:
            continue
        if changed_only and not state.attrs[prop.key].history.added:
            continue
        for column in prop.columns:
            if isinstance(column, Column):
                check_value(column, values[prop.key])


def check_flush(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    """``before_flush``: new rows in full, changed rows in what changed (a value stored
    before this rule existed is not refused when something else on its row changes)."""
    for obj in session.new:
        _check_object(obj, changed_only=False)
    for obj in session.dirty:
        _check_object(obj, changed_only=True)


def _check_rows(table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    # The rules looked up once per set of keys: a bulk insert checks 10,000 rows of the
    # same shape.
    columns = table.c
    plans: dict[frozenset[str], list[tuple[str, Column[Any], Checker]]] = {}
    for row in rows:
        shape = frozenset(row)
        plan = plans.get(shape)
        if plan is None:
            plan = plans[shape] = []
            for key in row:
                column = columns.get(key) if isinstance(key, str) else None
                rule = _rule(column) if column is not None else None
                if column is not None and rule is not None:
                    plan.append((key, column, rule))
        for key, column, rule in plan:
            value = row[key]
            if value is None or isinstance(value, ClauseElement):
                continue
            if rule(value) is not None:
                check_value(column, value)


def check_statement(state: ORMExecuteState) -> None:
    """``do_orm_execute``: the values of an INSERT or UPDATE run through the Session."""
    stmt = state.statement
    if not isinstance(stmt, Insert | Update) or not isinstance(stmt.table, Table):
        return
    table = stmt.table
    given: dict[str, Any] = {}
    for key, value in (getattr(stmt, "_values", None) or {}).items():
        name = key if isinstance(key, str) else getattr(key, "key", None)
        if isinstance(name, str) and isinstance(value, BindParameter):
            given[name] = value.value
    if given:
        _check_rows(table, [given])
    params = state.parameters
    if isinstance(params, Mapping):
        _check_rows(table, [params])
    elif isinstance(params, list | tuple):
        _check_rows(table, [p for p in params if isinstance(p, Mapping)])


_installed = False


def install() -> None:
    """Check every Session's writes (idempotent; ``storage.models`` calls it, so no store
    can open a Session without it)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", check_flush)
    event.listen(Session, "do_orm_execute", check_statement)
    _installed = True
