"""Importing signals from CSV (DESIGN.md "Signal import (CSV)").

All-or-nothing by default: one bad row and nothing is imported, every bad row reported with
its line number. With ``skip_invalid`` the good rows are imported and the bad ones returned
as a rejects file. An import is one transaction, so a crash leaves the store as it was.

Imported signals are placed, routed (the reason kept), get their due date, and are linked
conservatively: to an open case at exactly the same address, otherwise left without a case
for the coordinator. Rows are written in bulk (one counter update, executemany inserts, one
audit entry with the count) so 10,000 rows take seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from sociaalveilig.core import csvimport
from sociaalveilig.core.enums import Role, SignalStatus, Source, Urgency
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.meldcode import MINIMUM_URGENCY, meldcode_applies, urgency_below_minimum
from sociaalveilig.core.routing import RoutingDecision
from sociaalveilig.services.audit_objects import OBJ_SIGNAL_LIST
from sociaalveilig.services.context import ServiceContext, local_to_utc, stored_now
from sociaalveilig.services.refs import RefKind, reserve_references
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_intake import IntakeTables, NewSignal
from sociaalveilig.services.signal_records import OPEN_CASE_STATUSES
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.models import Base, Case, Signal, StatusChange, new_id

IMPORT_ROLES = (Role.COORDINATOR, Role.BEHEERDER)
_CHUNK = 500


@dataclass(frozen=True)
class ImportOutcome:
    imported: int
    errors: list[csvimport.RowError]
    error_lines: list[str]
    """One Dutch line per refused row: ``regel 7: postcode ...``."""
    rejects_csv: str | None
    """The refused rows with their reason (column ``fout``); None when there are none."""
    linked: int = 0
    """How many imported signals were linked to an open case at the same address."""
    first_reference: str | None = None
    last_reference: str | None = None


@dataclass(frozen=True)
class StoredBatch:
    signal_ids: list[str]
    references: list[str]
    linked: int


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _open_cases_by_address(session: Session, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Address key → (case id, reference) of the newest open case at that address."""
    open_values = [s.value for s in OPEN_CASE_STATUSES]
    found: dict[str, tuple[str, str, datetime]] = {}
    unique = sorted(set(keys))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        for case_id, ref, key, created in session.execute(
            select(Case.id, Case.reference, Case.address_key, Case.created_at).where(
                Case.address_key.in_(chunk), Case.status.in_(open_values)
            )
        ).tuples():
            known = found.get(key)
            if known is None or (created, ref) > (known[2], known[1]):
                found[key] = (case_id, ref, created)
    return {key: (case_id, ref) for key, (case_id, ref, _) in found.items()}


def store_signals(
    ctx: ServiceContext,
    session: Session,
    tables: IntakeTables,
    signals: Sequence[NewSignal],
    *,
    link_open_cases: bool = True,
) -> StoredBatch:
    """Write checked signals in bulk inside the caller's unit: placed, routed, due dates set,
    linked to an open case at the same address (when ``link_open_cases``), with their
    status history. No audit entry: the caller writes one for the whole batch."""
    if not signals:
        return StoredBatch([], [], 0)
    refs = reserve_references(session, RefKind.SIGNAL, ctx.clock.now().year, len(signals))
    cases = (
        _open_cases_by_address(session, [s.address_key for s in signals])
        if (link_open_cases)
        else {}
    )
    now = stored_now(ctx)
    user_id = ctx.actor.user_id
    decisions: dict[tuple[str, str | None, Source, Urgency], RoutingDecision] = {}
    due_dates: dict[tuple[str, date], date] = {}
    signal_rows: list[dict[str, object]] = []
    history: list[dict[str, object]] = []
    linked = 0
    ids: list[str] = []
    for given, ref in zip(signals, refs, strict=True):
        # The Meldcode (core/meldcode.py): a suspicion of domestic violence or child abuse
        # is at least 'hoog', also when a file says less; the history says so, and the
        # decision on Veilig Thuis is left to a person (the signal is new work to judge).
        raised = meldcode_applies(given.category) and urgency_below_minimum(given.urgency)
        signal = replace(given, urgency=MINIMUM_URGENCY) if raised else given
        place = tables.place(signal.postcode)
        route_key = (signal.category, place.focus_area, signal.source, signal.urgency)
        decision = decisions.get(route_key)
        if decision is None:
            decision = tables.route(*route_key)
            decisions[route_key] = decision
        due_key = (signal.category, signal.received_at.date())
        due = due_dates.get(due_key)
        if due is None:
            due = tables.due_date(signal.category, signal.received_at)
            due_dates[due_key] = due
        case = cases.get(signal.address_key)
        signal_id = new_id()
        ids.append(signal_id)
        status = SignalStatus.GEKOPPELD if case else SignalStatus.GEROUTEERD
        signal_rows.append(
            {
                "id": signal_id,
                "version": 1,
                "reference": ref,
                "received_at": local_to_utc(signal.received_at),
                "source": signal.source.value,
                "organisation": signal.organisation,
                "category_id": tables.categories[signal.category].id,
                "postcode": signal.postcode,
                "house_number": signal.house_number,
                "addition": signal.addition,
                "street": signal.street,
                "city": signal.city,
                "address_key": signal.address_key,
                "municipality_id": place.municipality_id,
                "focus_area_id": place.focus_area_id,
                "description": signal.description,
                "urgency": signal.urgency.value,
                "reporter": signal.reporter,
                "status": status.value,
                "case_id": case[0] if case else None,
                "routing_rule_id": decision.rule_id,
                "route_target": decision.target.value,
                "route_reason": decision.reason,
                "due_date": due,
                "created_at": now,
                "created_by": user_id,
                "reporter_anonymised_at": None,
            }
        )
        steps: list[tuple[str | None, str, str | None]] = [
            (None, SignalStatus.NIEUW.value, None),
            (SignalStatus.NIEUW.value, SignalStatus.GEROUTEERD.value, decision.reason),
        ]
        if raised:
            steps.insert(
                1,
                (
                    SignalStatus.NIEUW.value,
                    SignalStatus.NIEUW.value,
                    tr(
                        "Meldcode: urgentie bij de import verhoogd van '{old}' naar 'hoog'. "
                        "Besluit nog of Veilig Thuis nu om advies wordt gevraagd."
                    ).format(old=given.urgency.label.lower()),
                ),
            )
        if case:
            linked += 1
            steps.append(
                (
                    SignalStatus.GEROUTEERD.value,
                    SignalStatus.GEKOPPELD.value,
                    tr("Gekoppeld aan open casus {ref} op hetzelfde adres.").format(ref=case[1]),
                )
            )
        for old, new, reason in steps:
            history.append(
                {
                    "object_type": "signal",
                    "object_id": signal_id,
                    "from_status": old,
                    "to_status": new,
                    "at": now,
                    "user_id": user_id,
                    "reason": reason,
                }
            )
    # Core inserts on the tables (not the ORM entities): one executemany each, no
    # per-row RETURNING of keys.
    session.execute(insert(_table(Signal)), signal_rows)
    session.execute(insert(_table(StatusChange)), history)
    return StoredBatch(ids, refs, linked)


@retrying
def import_signals(ctx: ServiceContext, data: bytes, *, skip_invalid: bool) -> ImportOutcome:
    """Import a signal CSV; see the module text. A problem with the file as a whole (not
    UTF-8, a missing column) raises ValidationError; row problems come back as ``errors``."""
    require_role(ctx, *IMPORT_ROLES)
    # The file is checked before the write lock is taken (BEGIN IMMEDIATE): parsing
    # 10,000 rows takes about half a second, in which other desks can go on writing.
    with ctx.read_unit() as session:
        tables = IntakeTables.load(session)
    result = csvimport.parse_signal_csv(data, tables.lookup, ctx.clock.now())
    lines = csvimport.format_errors(result.errors)
    rejects = csvimport.rejects_csv(result) if result.errors else None
    with ctx.unit() as session:
        if result.errors and not skip_invalid:
            # Nothing is imported; only the refused attempt is noted.
            ctx.audit(
                session,
                "import",
                OBJ_SIGNAL_LIST,
                None,
                purpose=tr("geweigerd: {n} regel(s) met fouten").format(n=len(result.errors)),
                outcome="invalid",
            )
            return ImportOutcome(0, result.errors, lines, rejects)
        # Placed and routed with the tables as they are inside the write transaction.
        tables = IntakeTables.load(session)
        batch = store_signals(
            ctx, session, tables, [NewSignal.from_import_row(row) for row in result.rows]
        )
        span = f"{batch.references[0]}..{batch.references[-1]}" if batch.references else None
        ctx.audit(
            session,
            "import",
            OBJ_SIGNAL_LIST,
            span,
            purpose=tr("aantal: {n}; afgekeurd: {bad}").format(
                n=len(batch.references), bad=len(result.errors)
            ),
        )
        outcome = ImportOutcome(
            imported=len(batch.references),
            errors=result.errors,
            error_lines=lines,
            rejects_csv=rejects,
            linked=batch.linked,
            first_reference=batch.references[0] if batch.references else None,
            last_reference=batch.references[-1] if batch.references else None,
        )
    # Committed: many new rows can change which index a list is best read through.
    ctx.store.maintenance.refresh_statistics()
    return outcome
