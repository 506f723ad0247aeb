"""Reading the audit log: the viewer's queries, its export, and the chain check.

The log may hold millions of rows, so every filter and the paging run in the database:
newest first by time, a page at a time, continued from a cursor (the last row's time and
id) rather than an offset. Reading the log is itself logged ("view"/"export"/"verify" on
``audit_log``), with the filter that was used; the entries the reading returns never
include the entry of that same reading.

Only the beheerder reads the log: the privacy work (who looked at what) sits with the
functional administrator, who has no access to case content itself.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from sociaalveilig.core.csvsafe import neutralise, safe_writer
from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import audit_labels
from sociaalveilig.services.context import LOCAL_ZONE, ServiceContext
from sociaalveilig.services.refs import normalise_reference
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage import audit as audit_store
from sociaalveilig.storage.audit import utc_stamp
from sociaalveilig.storage.models import AuditEntry, User

AUDIT_COLUMNS = (
    "id",
    "tijd_utc",
    "gebruiker",
    "rol",
    "actie",
    "objecttype",
    "object_id",
    "persoon",
    "doel",
    "uitkomst",
    "hash",
)
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
COUNT_CAP = 10_000

_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


def action_label(action: str) -> str:
    """Dutch text for an audit action code (the code itself when unknown)."""
    return audit_labels.action_label(action)


def outcome_label(outcome: str) -> str:
    return {
        "ok": tr("gelukt"),
        "failed": tr("mislukt"),
        "denied": tr("geweigerd"),
        "unreadable": tr("onleesbaar"),
        "throttled": tr("geblokkeerd"),
        "locked": tr("geblokkeerd"),
    }.get(outcome, outcome)


# --------------------------------------------------------------------------- filter and rows


@dataclass(frozen=True)
class AuditFilter:
    """What to show. Empty fields mean 'any'. Dates are local calendar days, inclusive."""

    person_ref: str | None = None
    username: str | None = None
    actions: tuple[str, ...] = ()
    object_id: str | None = None
    outcome: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def describe(self) -> str:
        """The filter in words, for the audit entry of the viewing (no content)."""
        parts: list[str] = []
        if self.person_ref:
            parts.append(f"persoon={self.person_ref}")
        if self.username:
            parts.append(f"gebruiker={self.username}")
        if self.actions:
            parts.append("acties=" + ",".join(self.actions))
        if self.object_id:
            parts.append(f"object={self.object_id}")
        if self.outcome:
            parts.append(f"uitkomst={self.outcome}")
        if self.date_from or self.date_to:
            parts.append(
                "periode="
                + (self.date_from.isoformat() if self.date_from else "")
                + ".."
                + (self.date_to.isoformat() if self.date_to else "")
            )
        text = "filter: " + ("; ".join(parts) if parts else "geen")
        return text[:200]


@dataclass(frozen=True)
class AuditCursor:
    """Where the next (older) page starts: after this row in newest-first order."""

    at: str
    entry_id: int


@dataclass(frozen=True)
class AuditRow:
    entry_id: int
    at_utc: str
    at: datetime
    """Local time (Europe/Amsterdam), naive."""
    username: str
    role: str
    action: str
    object_type: str | None
    object_id: str | None
    person_ref: str | None
    purpose: str | None
    outcome: str

    @property
    def action_label(self) -> str:
        return action_label(self.action)

    @property
    def outcome_label(self) -> str:
        return outcome_label(self.outcome)

    @property
    def role_label(self) -> str:
        try:
            return Role(self.role).label
        except ValueError:
            return self.role


@dataclass(frozen=True)
class AuditResult:
    rows: tuple[AuditRow, ...]
    next_cursor: AuditCursor | None
    """None when this is the last (oldest) page."""


@dataclass(frozen=True)
class ChainStatus:
    ok: bool
    entries: int
    first_broken_id: int | None
    reason: str | None
    detail: str | None = None
    """For reason "anchor": the line saying how the log differs from its last known state."""

    @property
    def message(self) -> str:
        if self.reason == "anchor" and self.detail:
            return self.detail
        if self.ok:
            return tr("Auditketen in orde: {n} regels gecontroleerd, geen breuk.").format(
                n=self.entries
            )
        reason = {
            "prev_hash": tr("de verwijzing naar de vorige regel klopt niet"),
            "hash": tr("de regel is gewijzigd"),
            "head": tr("er ontbreken regels aan het eind"),
        }.get(self.reason or "", self.reason or "?")
        return tr(
            "Auditketen gebroken bij regel {id}: {reason}. Het log is mogelijk gemanipuleerd; "
            "zet een back-up terug en meld het aan de privacy officer."
        ).format(id=self.first_broken_id, reason=reason)


def csv_safe(value: str) -> str:
    """A cell that a spreadsheet will not run as a formula (a purpose typed as '=...');
    every cell of the audit export passes it through ``core.csvsafe``'s writer."""
    return neutralise(value)


def _local(stamp: str) -> datetime:
    """The local time of a stored UTC stamp. An odd stored value must not stop the viewer:
    an unreadable stamp gives ``datetime.min``; one at the edge of the calendar (an entry
    dated 9999-12-31, whose local time would overflow) is shown in UTC."""
    try:
        moment = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
    except (ValueError, TypeError):
        return datetime.min
    try:
        return moment.astimezone(LOCAL_ZONE).replace(tzinfo=None)
    except (OverflowError, ValueError):
        return moment.replace(tzinfo=None)


def _row(e: AuditEntry) -> AuditRow:
    return AuditRow(
        e.id,
        e.at,
        _local(e.at),
        e.username,
        e.role,
        e.action,
        e.object_type,
        e.object_id,
        e.person_ref,
        e.purpose,
        e.outcome,
    )


def _day_start_stamp(day: date) -> str:
    """The UTC stamp of local midnight at the start of ``day`` (comparable as text)."""
    return utc_stamp(datetime.combine(day, time()).replace(tzinfo=LOCAL_ZONE))


def normalise_filter(filt: AuditFilter) -> AuditFilter:
    """Trim, normalise case, and refuse a period that ends before it starts."""
    if filt.date_from and filt.date_to and filt.date_to < filt.date_from:
        raise ValidationError(
            tr("De periode eindigt ({to}) voor hij begint ({start}). Draai de datums om.").format(
                to=filt.date_to.strftime("%d-%m-%Y"), start=filt.date_from.strftime("%d-%m-%Y")
            ),
            field="date_to",
        )

    def clean(value: str | None, upper: bool = False, lower: bool = False) -> str | None:
        if value is None or not value.strip():
            return None
        text = value.strip()
        return text.upper() if upper else text.lower() if lower else text

    return AuditFilter(
        person_ref=clean(filt.person_ref, upper=True),
        username=clean(filt.username, lower=True),
        actions=tuple(a.strip() for a in filt.actions if a and a.strip()),
        object_id=_object_key(filt.object_id),
        outcome=clean(filt.outcome, lower=True),
        date_from=filt.date_from,
        date_to=filt.date_to,
    )


def _object_key(value: str | None) -> str | None:
    """An object filter as the log holds it: a reference in its stored form (typed in any
    case, ``c-2026-00042``), an id as given."""
    if value is None or not value.strip():
        return None
    return normalise_reference(value) or value.strip()


def _conditions(filt: AuditFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if filt.person_ref:
        where.append(AuditEntry.person_ref == filt.person_ref)
    if filt.username:
        where.append(AuditEntry.username == filt.username)
    if filt.actions:
        where.append(AuditEntry.action.in_(filt.actions))
    if filt.object_id:
        where.append(AuditEntry.object_id == filt.object_id)
    if filt.outcome:
        where.append(AuditEntry.outcome == filt.outcome)
    if filt.date_from:
        where.append(AuditEntry.at >= _day_start_stamp(filt.date_from))
    if filt.date_to and filt.date_to < date.max:  # up to the last day: no upper bound
        where.append(AuditEntry.at < _day_start_stamp(filt.date_to + timedelta(days=1)))
    return where


def _page(
    session: Session, filt: AuditFilter, cursor: AuditCursor | None, limit: int
) -> AuditResult:
    where = _conditions(filt)
    if cursor is not None:
        where.append(
            or_(
                AuditEntry.at < cursor.at,
                and_(AuditEntry.at == cursor.at, AuditEntry.id < cursor.entry_id),
            )
        )
    stmt = (
        select(AuditEntry)
        .where(*where)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit + 1)
    )
    entries = list(session.execute(stmt).scalars())
    more = len(entries) > limit
    rows = tuple(_row(e) for e in entries[:limit])
    next_cursor = AuditCursor(rows[-1].at_utc, rows[-1].entry_id) if more and rows else None
    return AuditResult(rows, next_cursor)


# --------------------------------------------------------------------------- services


@retrying
def query_audit(
    ctx: ServiceContext,
    filt: AuditFilter | None = None,
    cursor: AuditCursor | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
) -> AuditResult:
    """One page of the audit log, newest first, matching ``filt`` (beheerder only).
    Pass the returned ``next_cursor`` to get the next, older page. Logged."""
    require_role(ctx, Role.BEHEERDER)
    clean = normalise_filter(filt or AuditFilter())
    size = max(1, min(int(limit), MAX_PAGE_SIZE))
    with ctx.unit() as session:
        page = _page(session, clean, cursor, size)
        ctx.audit(
            session,
            "view",
            "audit_log",
            None,
            person_ref=clean.person_ref,
            purpose=clean.describe(),
        )
    return page


@dataclass(frozen=True)
class AuditOverview:
    """The viewer's first page, its count, the number of entries in the log and (when
    asked) the chain check, all of one moment: the log as it stood before this reading
    added its own entries. Without a filter, ``count`` is ``total``; after a check,
    ``total`` is the number of entries the check went through, so the numbers agree."""

    page: AuditResult
    count: int
    capped: bool
    total: int
    chain: ChainStatus | None
    """None when the chain was not checked with this reading."""


@retrying
def open_audit_log(
    ctx: ServiceContext,
    filt: AuditFilter | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
    verify: bool = True,
) -> AuditOverview:
    """The first page of the log, how many entries match and how many there are in all,
    and (``verify``) the chain check, read in one unit of work (beheerder only). The check
    and the viewing are logged after the reading, so neither shows in what it returns."""
    require_role(ctx, Role.BEHEERDER)
    clean = normalise_filter(filt or AuditFilter())
    size = max(1, min(int(limit), MAX_PAGE_SIZE))
    with ctx.unit() as session:
        report = audit_store.verify_chain(session) if verify else None
        page = _page(session, clean, None, size)
        if report is not None and report.ok:
            total = report.entries
        else:  # not checked, or the check stopped at a break
            total = int(session.execute(select(func.count(AuditEntry.id))).scalar_one())
        if clean == AuditFilter():
            count, capped = total, False
        else:
            count, capped = _count(session, clean)
        if report is not None:
            outcome = "ok" if report.ok else "failed"
            ctx.audit(session, "verify", "audit_log", None, outcome=outcome)
        ctx.audit(
            session,
            "view",
            "audit_log",
            None,
            person_ref=clean.person_ref,
            purpose=clean.describe(),
        )
    chain = (
        ChainStatus(report.ok, report.entries, report.first_broken_id, report.reason)
        if report is not None
        else None
    )
    return AuditOverview(page, count, capped, total, chain)


def _count(session: Session, clean: AuditFilter) -> tuple[int, bool]:
    inner = select(AuditEntry.id).where(*_conditions(clean)).limit(COUNT_CAP + 1).subquery()
    n = int(session.execute(select(func.count()).select_from(inner)).scalar_one())
    return min(n, COUNT_CAP), n > COUNT_CAP


@retrying
def count_audit(ctx: ServiceContext, filt: AuditFilter | None = None) -> tuple[int, bool]:
    """How many entries match, counted up to a cap: (count, capped). Not logged apart:
    it shows no entries, and the page it goes with is logged."""
    require_role(ctx, Role.BEHEERDER)
    clean = normalise_filter(filt or AuditFilter())
    with ctx.unit() as session:
        return _count(session, clean)


@retrying
def audit_actions(ctx: ServiceContext) -> list[tuple[str, str]]:
    """The action codes present in the log with their labels, for the filter list."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        codes = session.execute(select(AuditEntry.action).distinct()).scalars().all()
    return sorted(((c, action_label(c)) for c in codes), key=lambda pair: pair[1].lower())


@retrying
def audit_usernames(ctx: ServiceContext) -> list[str]:
    """Known user names, for the filter list."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        return list(session.execute(select(User.username).order_by(User.username)).scalars())


@retrying
def verify_audit_chain(ctx: ServiceContext) -> ChainStatus:
    """Recompute the hash chain; the result names the first broken entry. Logged, with
    the outcome, after the check (the check covers the log as it was)."""
    require_role(ctx, Role.BEHEERDER)
    # A whole chain can still be shorter than the one the store last reached (a database
    # put back from earlier) or rewritten by someone with the key: the anchor tells.
    anchor_problem = ctx.store.anchor_problem()
    with ctx.unit() as session:
        report = audit_store.verify_chain(session)
        ok = report.ok and anchor_problem is None
        ctx.audit(
            session,
            "verify",
            "audit_log",
            None,
            outcome="ok" if ok else "failed",
        )
    if report.ok and anchor_problem is not None:
        return ChainStatus(False, report.entries, None, "anchor", anchor_problem)
    return ChainStatus(report.ok, report.entries, report.first_broken_id, report.reason)


@retrying
def export_audit_csv(
    ctx: ServiceContext, person_ref: str | None = None, filt: AuditFilter | None = None
) -> tuple[str, int]:
    """The audit log (optionally for one person, or any viewer filter) as CSV, oldest
    first; the export itself is logged."""
    require_role(ctx, Role.BEHEERDER)
    base = filt or AuditFilter()
    if person_ref:
        base = AuditFilter(
            person_ref=person_ref,
            username=base.username,
            actions=base.actions,
            object_id=base.object_id,
            outcome=base.outcome,
            date_from=base.date_from,
            date_to=base.date_to,
        )
    clean = normalise_filter(base)
    buf = io.StringIO()
    writer = safe_writer(buf)
    writer.writerow(AUDIT_COLUMNS)
    count = 0
    with ctx.unit() as session:
        stmt = select(AuditEntry).where(*_conditions(clean)).order_by(AuditEntry.id)
        for e in session.execute(stmt.execution_options(yield_per=2000)).scalars():
            writer.writerow(
                [
                    e.id,
                    csv_safe(e.at),
                    csv_safe(e.username),
                    csv_safe(e.role),
                    csv_safe(e.action),
                    csv_safe(e.object_type or ""),
                    csv_safe(e.object_id or ""),
                    csv_safe(e.person_ref or ""),
                    csv_safe(e.purpose or ""),
                    csv_safe(e.outcome),
                    e.hash,
                ]
            )
            count += 1
        ctx.audit(
            session,
            "export",
            "audit_log",
            None,
            person_ref=clean.person_ref,
            purpose=clean.describe(),
        )
    return buf.getvalue(), count
