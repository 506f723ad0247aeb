"""Reading the audit log: export (and, later, the viewer)."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from sociaalveilig.core.enums import Role
from sociaalveilig.core.services.context import ServiceContext
from sociaalveilig.core.services.users import require_role
from sociaalveilig.storage.models import AuditEntry

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


def export_audit_csv(ctx: ServiceContext, person_ref: str | None = None) -> tuple[str, int]:
    """The audit log (optionally for one person) as CSV; the export itself is logged."""
    require_role(ctx, Role.BEHEERDER)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(AUDIT_COLUMNS)
    count = 0
    with ctx.unit() as session:
        stmt = select(AuditEntry).order_by(AuditEntry.id)
        if person_ref:
            stmt = stmt.where(AuditEntry.person_ref == person_ref)
        for e in session.execute(stmt.execution_options(yield_per=2000)).scalars():
            writer.writerow(
                [
                    e.id,
                    e.at,
                    e.username,
                    e.role,
                    e.action,
                    e.object_type or "",
                    e.object_id or "",
                    e.person_ref or "",
                    e.purpose or "",
                    e.outcome,
                    e.hash,
                ]
            )
            count += 1
        ctx.audit(session, "export", "audit_log", None, person_ref=person_ref)
    return buf.getvalue(), count
