"""Many desks writing at once through the services, on each store: every write lands once,
references stay unique and gap-free, no update of the shared case is lost, and the audit
log stays one unbroken chain (storage/postgres/units.py, services/retry.py)."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, select

from sociaalveilig.core.enums import Role
from sociaalveilig.services import case_reviews
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import NEW_CASE, NO_CASE, SignalInput
from sociaalveilig.storage import audit
from sociaalveilig.storage.models import AuditEntry, AuditHead, Counter, Signal, StatusChange
from tests.conftest import ActorFactory

DESKS = 8
SIGNALS_PER_DESK = 50
NOTES_PER_DESK = 10

SIGNAL = SignalInput(
    received_at=datetime(2026, 4, 14, 9, 30),
    source="politie",
    category="WO-OVL",
    postcode="6463 ab",
    house_number=1,
    street="Fictiefstraat",
    city="Kerkrade",
    description="Fictieve melding: harde muziek tot diep in de nacht.",
)


def test_eight_desks_at_once_lose_nothing_and_keep_one_audit_chain(
    make_actor: ActorFactory, admin_ctx: ServiceContext
) -> None:
    desks = [make_actor(Role.COORDINATOR) for _ in range(DESKS)]
    first = sv.register_signal(desks[0], SIGNAL, NEW_CASE)
    assert first.case_id is not None
    case_id = first.case_id
    start = threading.Barrier(DESKS)
    errors: list[BaseException] = []
    references: list[str] = []
    lock = threading.Lock()

    def desk(n: int) -> None:
        ctx = desks[n]
        try:
            start.wait()
            for i in range(SIGNALS_PER_DESK):
                number = 100 + n * SIGNALS_PER_DESK + i
                detail = sv.register_signal(ctx, replace(SIGNAL, house_number=number), NO_CASE)
                with lock:
                    references.append(detail.reference)
                if i % (SIGNALS_PER_DESK // NOTES_PER_DESK) == 0:
                    case_reviews.record_case_review(ctx, case_id, f"Fictief: desk {n}, {i}")
        except BaseException as exc:  # asserted on below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(DESKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []

    total = DESKS * SIGNALS_PER_DESK
    numbers = sorted(int(ref.rsplit("-", 1)[1]) for ref in [first.reference, *references])
    assert numbers == list(range(1, total + 2))  # each once, unique, no gaps
    with admin_ctx.read_unit() as session:
        houses = session.execute(select(Signal.house_number)).scalars().all()
        assert sorted(houses) == [1, *range(100, 100 + total)]
        reviews = session.execute(
            select(func.count())
            .select_from(StatusChange)
            .where(StatusChange.object_type == "case_review", StatusChange.object_id == case_id)
        ).scalar_one()
        assert reviews == DESKS * NOTES_PER_DESK
        # The reference counter is one row every desk read and wrote: its value is the
        # number of signals, so no desk's update of it was lost to another's.
        assert session.get_one(Counter, "S-2026").value == total + 1
        report = audit.verify_chain(session)
        assert report.ok, report
        rows = session.execute(
            select(AuditEntry.id, AuditEntry.prev_hash, AuditEntry.hash).order_by(AuditEntry.id)
        ).all()
        head = session.execute(select(AuditHead)).scalar_one()
    assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]
    assert (head.last_id, head.last_hash) == (rows[-1].id, rows[-1].hash)
    assert [r.id for r in rows] == sorted({r.id for r in rows})
