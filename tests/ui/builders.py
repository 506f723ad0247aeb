"""Test data for the window tests, made through the services (fictional only)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sociaalveilig.core.enums import Source, Urgency
from sociaalveilig.services import signal_intake, signals
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import IntakeTables, NewSignal, SignalInput
from sociaalveilig.services.signal_records import SignalDetail

STREETS = ("Verzonnenstraat", "Fictieweg", "Proeflaan", "Testplein", "Denkbeeldhof")
# Postcodes in Heerlen Noord and Kerkrade Oost (focus areas) and Heerlen (none).
POSTCODES = ("6431 AB", "6432 CD", "6463 EF", "6411 GH")
CATEGORIES = ("WO-OVL", "WO-VER", "OP-JEUGD", "ZV-ZORG", "VE-PLEK")


def register(
    ctx: ServiceContext,
    *,
    postcode: str = "6431 AB",
    number: int = 12,
    category: str = "WO-OVL",
    description: str = "Geluidsoverlast in de nacht.",
    choice: str = signal_intake.NEW_CASE,
    received: datetime | None = None,
) -> SignalDetail:
    """One signal through the intake service."""
    return signals.register_signal(
        ctx,
        SignalInput(
            received_at=received or ctx.clock.now() - timedelta(hours=1),
            source=Source.WONINGCORPORATIE.value,
            category=category,
            postcode=postcode,
            house_number=number,
            street="Verzonnenstraat",
            city="Heerlen",
            description=description,
        ),
        choice,
    )


def bulk_signals(ctx: ServiceContext, count: int) -> None:
    """``count`` routed signals without cases, in one unit of work (fast)."""
    now = ctx.clock.now()
    with ctx.unit() as session:
        tables = IntakeTables.load(session)
        for i in range(count):
            checked = NewSignal(
                received_at=now - timedelta(hours=i),
                source=list(Source)[i % 5],
                organisation=None,
                category=CATEGORIES[i % len(CATEGORIES)],
                postcode=POSTCODES[i % len(POSTCODES)],
                house_number=1 + i % 97,
                addition=None,
                street=STREETS[i % len(STREETS)],
                city="Heerlen",
                description=f"Verzonnen melding nummer {i}.",
                urgency=Urgency.NORMAAL,
                reporter=None,
            )
            place = tables.place(checked.postcode)
            decision = tables.route(
                checked.category, place.focus_area, checked.source, checked.urgency
            )
            signals.insert_signal(ctx, session, tables, checked, place, decision)
