"""Write the store fixture for the current schema version (tests/storage/fixtures).

Run once per schema version, when a new migration is added, and commit the result:
    .venv/bin/python -m tools.make_schema_fixture v1
The migration test opens every fixture with the code of the day and migrates it.
The data is fictional; the passphrase is in FIXTURE_PASSPHRASE (a test fixture only).
"""

from __future__ import annotations

import shutil
import sys
from datetime import datetime
from pathlib import Path

from sociaalveilig.services import signal_intake, signals
from sociaalveilig.services.context import FixedClock
from sociaalveilig.services.setup import create_store

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "storage" / "fixtures"
FIXTURE_USER = "beheer"
FIXTURE_PASSPHRASE = "fixture-wachtwoord-schema"
MARKER = "Fixture-signaal schema"


def main(version: str) -> None:
    target = FIXTURES / f"store_{version}"
    if target.exists():
        shutil.rmtree(target)
    clock = FixedClock(datetime(2026, 3, 2, 9, 30))
    ctx, _code = create_store(target, FIXTURE_USER, FIXTURE_PASSPHRASE, "Beheer Fixture", clock)
    try:
        from sociaalveilig.core.enums import Role
        from sociaalveilig.services.context import Actor
        from sociaalveilig.storage.models import User

        with ctx.unit() as session:
            user = User(
                username="coordinator",
                display_name="Coördinator Fixture",
                role=Role.COORDINATOR.value,
                active=True,
                created_at=clock.utcnow().replace(tzinfo=None),
            )
            session.add(user)
            session.flush()
            coord = ctx.with_actor(
                Actor(user.id, "coordinator", "Coördinator Fixture", Role.COORDINATOR)
            )
        signal = signal_intake.SignalInput(
            received_at=datetime(2026, 3, 1, 14, 0),
            source="politie",
            organisation=None,
            category="WO-OVL",
            postcode="6431 AB",
            house_number=12,
            addition=None,
            street="Fictieve Straat",
            city="Hoensbroek",
            description=f"{MARKER} {version}",
            urgency="normaal",
            reporter=None,
            persons=(),
        )
        signals.register_signal(coord, signal, signal_intake.NEW_CASE)
    finally:
        ctx.store.close()
    for leftover in target.glob("*-wal"):
        leftover.unlink()
    for leftover in target.glob("*-shm"):
        leftover.unlink()
    print(f"fixture written: {target}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "v1")
