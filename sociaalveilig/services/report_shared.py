"""What every printed report's data needs: who printed it and when, labels, addresses and
dates as printed, and the audit entries for a refused or failed print.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sociaalveilig.core.enums import Source
from sociaalveilig.services.audit_objects import OBJ_BUURTSCHOUW, OBJ_FOCUS_AREA
from sociaalveilig.services.context import LOCAL_ZONE, ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_records import format_address
from sociaalveilig.storage.models import Buurtschouw

SHORT_DESCRIPTION = 180
"""Characters of a signal description printed in a case summary timeline."""

# Status history rows name their object kind; accept the English and the Dutch spelling.
SIGNAL_KINDS = ("signal", "signaal")


@dataclass(frozen=True)
class PrintMeta:
    """Who printed a document and when (local time): the footer and the watermark."""

    display_name: str
    username: str
    printed_at: datetime
    audit_head: tuple[int, str] | None = None
    """Sequence number and start of the hash of the audit head, where printed (an anchor
    on paper: a later rewrite of the audit log no longer fits it)."""


def print_meta(ctx: ServiceContext) -> PrintMeta:
    return PrintMeta(ctx.actor.display_name, ctx.actor.username, ctx.clock.now())


def local_today(ctx: ServiceContext) -> date:
    return ctx.clock.now().date()


def utc_naive(day: date) -> datetime:
    """Local midnight at the start of ``day`` as naive UTC (the form of ``*_at`` columns)."""
    local = datetime.combine(day, time()).replace(tzinfo=LOCAL_ZONE)
    return local.astimezone(UTC).replace(tzinfo=None)


def as_local(moment: datetime | None) -> datetime | None:
    """A stored naive-UTC moment as naive local time, for printing."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None)


def enum_label(enum_type: Any, value: str | None) -> str:
    if value is None:
        return ""
    try:
        return str(enum_type(value).label)
    except ValueError:
        return value


def source_label(value: str) -> str:
    return enum_label(Source, value)


def address_line(street: str | None, number: int, addition: str | None, postcode: str,
             city: str | None) -> str:
    return format_address(street, number, addition, postcode, city)


def pc4_place(postcode: str, city: str | None) -> str:
    """The coarse location of a pseudonymised print: PC4 and place, no street."""
    return " ".join(x for x in (postcode.strip()[:4], city or "") if x)


def shorten(text: str | None, limit: int = SHORT_DESCRIPTION) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@retrying
def log_denied(ctx: ServiceContext, object_type: str, object_id: str | None) -> None:
    """Record a refused print in its own unit (the refused unit itself was rolled back)."""
    with ctx.unit() as session:
        ctx.audit(session, "print", object_type, object_id, outcome="denied")


@retrying
def log_failed_write(ctx: ServiceContext, object_type: str, object_id: str | None) -> None:
    """A print whose data was read but whose file could not be written."""
    with ctx.unit() as session:
        if (
            object_type == OBJ_BUURTSCHOUW
            and object_id is not None
            and session.get(Buurtschouw, object_id) is None
        ):
            # A pack without a planned walk is about the focus area (named like the
            # entry of the print itself, ``buurtschouw_pack_data``).
            object_type = OBJ_FOCUS_AREA
        ctx.audit(session, "print", object_type, object_id, outcome="failed")
