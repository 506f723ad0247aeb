"""CSV exports of signals and cases (``sociaalveilig-admin export signals|cases``).

The signal export has the import columns (so the file imports again cleanly) plus the
signal's reference (``id``), its case (``casus``) and its status; ``;`` as delimiter, as
Dutch Excel expects; a text cell that a spreadsheet would run as a formula is written with a
leading ``'`` (``core.csvsafe``), which the import drops again. Need-to-know applies: a
user exports what they may see, and the export is audit-logged with the count (never content).
"""

from __future__ import annotations

import io

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from sociaalveilig.core import csvimport
from sociaalveilig.core.csvsafe import safe_writer
from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import UNKNOWN_MUNICIPALITY
from sociaalveilig.services import access
from sociaalveilig.services.audit_objects import OBJ_CASE_LIST, OBJ_SIGNAL_LIST
from sociaalveilig.services.context import ServiceContext, utc_to_local
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_records import visible_reporter
from sociaalveilig.storage.models import Case, Category, FocusArea, Municipality, Partner, Signal

SIGNAL_COLUMNS: tuple[str, ...] = (*csvimport.COLUMNS, "id", "casus", "status")
CASE_COLUMNS: tuple[str, ...] = (
    "id",
    "postcode",
    "huisnummer",
    "toevoeging",
    "straat",
    "plaats",
    "focusgebied",
    "gemeente",
    "status",
    "risico",
    "casusregisseur",
    "aangemaakt",
    "signalen",
)
DATE_FORMAT = "%d-%m-%Y %H:%M"
EXPORT_ROLES = (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)


def _require_export(ctx: ServiceContext) -> None:
    access.refuse_beheerder(ctx)
    if ctx.actor.role not in EXPORT_ROLES:
        raise AccessDenied(
            tr(
                "Een export bevat persoonsgegevens; een manager gebruikt het "
                "managementrapport met cijfers."
            )
        )


@retrying
def export_signals(ctx: ServiceContext) -> tuple[str, int]:
    """The signals the user may see as CSV text, oldest first; returns (text, count)."""
    _require_export(ctx)
    buf = io.StringIO()
    writer = safe_writer(buf)
    writer.writerow(SIGNAL_COLUMNS)
    count = 0
    linked = aliased(Case)
    with ctx.unit() as session:
        stmt = (
            select(Signal, Category.code, linked.reference)
            .join(Category, Category.id == Signal.category_id)
            .outerjoin(linked, linked.id == Signal.case_id)
            .where(access.signal_scope(ctx))
            .order_by(Signal.received_at, Signal.reference)
            .execution_options(yield_per=2000)
        )
        for signal, code, case_ref in session.execute(stmt).tuples():
            writer.writerow(
                [
                    utc_to_local(signal.received_at).strftime(DATE_FORMAT),
                    signal.source,
                    signal.organisation or "",
                    code,
                    signal.postcode,
                    signal.house_number,
                    signal.addition or "",
                    signal.street or "",
                    signal.city or "",
                    signal.description,
                    signal.urgency,
                    visible_reporter(ctx, signal) or "",
                    signal.reference,
                    case_ref or "",
                    signal.status,
                ]
            )
            count += 1
        ctx.audit(
            session, "export", OBJ_SIGNAL_LIST, None, purpose=tr("aantal: {n}").format(n=count)
        )
    return buf.getvalue(), count


@retrying
def export_cases(ctx: ServiceContext) -> tuple[str, int]:
    """The cases the user may see as CSV text, oldest first; returns (text, count)."""
    _require_export(ctx)
    buf = io.StringIO()
    writer = safe_writer(buf)
    writer.writerow(CASE_COLUMNS)
    count = 0
    signal_count = (
        select(func.count())
        .select_from(Signal)
        .where(Signal.case_id == Case.id)
        .correlate(Case)
        .scalar_subquery()
    )
    with ctx.unit() as session:
        stmt = (
            select(Case, FocusArea.name, Municipality.name, Partner.name, signal_count)
            .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
            .outerjoin(Municipality, Municipality.id == Case.municipality_id)
            .outerjoin(Partner, Partner.id == Case.lead_partner_id)
            .where(access.case_scope(ctx))
            .order_by(Case.created_at, Case.reference)
            .execution_options(yield_per=2000)
        )
        for case, area, municipality, lead, signals in session.execute(stmt).tuples():
            writer.writerow(
                [
                    case.reference,
                    case.postcode,
                    case.house_number,
                    case.addition or "",
                    case.street or "",
                    case.city or "",
                    area or "",
                    municipality or UNKNOWN_MUNICIPALITY,
                    case.status,
                    case.risk_level,
                    lead or "",
                    utc_to_local(case.created_at).strftime(DATE_FORMAT),
                    signals,
                ]
            )
            count += 1
        ctx.audit(
            session, "export", OBJ_CASE_LIST, None, purpose=tr("aantal: {n}").format(n=count)
        )
    return buf.getvalue(), count
