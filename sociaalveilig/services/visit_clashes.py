"""Double bookings of home visits: a partner, or an address, already has a planned visit at
that time.

Two visits clash when their planned times overlap (one starts before the other ends) and
they share a partner or the address (postcode, house number and addition). A clash is not
forbidden (two teams of one organisation can go to two addresses), but it must be seen:
the services refuse it with ``VisitClash`` unless the caller confirms it
(``confirm_clash=True``), and the window asks the user first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import VisitStatus
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage.models import Case, Partner, Visit, VisitPartner


@dataclass(frozen=True)
class Clash:
    """One planned visit that overlaps the new time. ``partners``: the partners both visits
    share (empty when only the address is the same)."""

    visit_id: str
    start: datetime
    end: datetime
    case_reference: str | None
    address: str
    partners: tuple[str, ...]
    same_address: bool

    def line(self) -> str:
        """For the log and the command line: partner, time and case; no address."""
        when = tr("{day} {start}–{end}").format(
            day=f"{self.start:%d-%m-%Y}", start=f"{self.start:%H:%M}", end=f"{self.end:%H:%M}"
        )
        case = self.case_reference or "—"
        if self.partners:
            return tr("{partners} heeft op {when} al een huisbezoek (casus {case})").format(
                partners=", ".join(self.partners), when=when, case=case
            )
        return tr("op hetzelfde adres staat op {when} al een huisbezoek (casus {case})").format(
            when=when, case=case
        )


class VisitClash(ValidationError):
    """A double booking, refused until confirmed. ``clashes`` says with what."""

    def __init__(self, clashes: Sequence[Clash]) -> None:
        self.clashes = tuple(clashes)
        lines = "; ".join(c.line() for c in self.clashes)
        super().__init__(
            tr("Dubbele boeking: {lines}. Kies een andere tijd, of bevestig dat het zo moet.")
            .format(lines=lines),
            field="start",
        )


def _address(visit: Visit) -> str:
    number = f"{visit.house_number}{visit.addition or ''}"
    first = f"{visit.street} {number}" if visit.street else number
    return f"{first}, {visit.postcode}"


def find_clashes(
    session: Session,
    partner_ids: Sequence[str],
    postcode: str,
    house_number: int,
    addition: str | None,
    start: datetime,
    end: datetime,
    exclude_visit_id: str | None = None,
) -> list[Clash]:
    """Planned visits overlapping ``start``–``end`` that share a partner or the address.
    Looks at every planned visit, not only those the user may see: a clash is about the
    partner's time. The result names partner, time, case reference and address only."""
    same_address = and_(
        Visit.postcode == postcode,
        Visit.house_number == house_number,
        Visit.addition.is_(None) if not addition else Visit.addition == addition,
    )
    shares_partner = Visit.id.in_(
        select(VisitPartner.visit_id).where(VisitPartner.partner_id.in_(list(partner_ids)))
    )
    stmt = (
        select(Visit, Case.reference)
        .outerjoin(Case, Case.id == Visit.case_id)
        .where(
            Visit.status == VisitStatus.GEPLAND.value,
            Visit.planned_start < end,
            Visit.planned_end > start,
            or_(same_address, shares_partner),
        )
        .order_by(Visit.planned_start, Visit.id)
    )
    if exclude_visit_id is not None:
        stmt = stmt.where(Visit.id != exclude_visit_id)
    found = list(session.execute(stmt).tuples())
    if not found:
        return []
    names = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
    wanted = set(partner_ids)
    partners_of: dict[str, list[str]] = {}
    for visit_id, partner_id in session.execute(
        select(VisitPartner.visit_id, VisitPartner.partner_id).where(
            VisitPartner.visit_id.in_([v.id for v, _ in found])
        )
    ).tuples():
        if partner_id in wanted:
            partners_of.setdefault(visit_id, []).append(names.get(partner_id, "?"))
    return [
        Clash(
            visit_id=visit.id,
            start=visit.planned_start,
            end=visit.planned_end,
            case_reference=case_ref,
            address=_address(visit),
            partners=tuple(sorted(partners_of.get(visit.id, []))),
            same_address=(
                visit.postcode == postcode
                and visit.house_number == house_number
                and (visit.addition or None) == (addition or None)
            ),
        )
        for visit, case_ref in found
    ]


def check_clashes(
    session: Session,
    partner_ids: Sequence[str],
    postcode: str,
    house_number: int,
    addition: str | None,
    start: datetime,
    end: datetime,
    confirm_clash: bool,
    exclude_visit_id: str | None = None,
) -> list[Clash]:
    """Refuse a double booking unless confirmed (``VisitClash``, nothing changed); returns
    the clashes that were confirmed."""
    clashes = find_clashes(
        session, partner_ids, postcode, house_number, addition, start, end, exclude_visit_id
    )
    if clashes and not confirm_clash:
        raise VisitClash(clashes)
    return clashes


__all__ = ["Clash", "VisitClash", "check_clashes", "find_clashes"]
