"""Two kinds of time: ``*_at`` columns hold UTC, planned times and dates are local.

A signal received at 23:30 on the last day of a quarter is stored as 21:30 UTC (summer
time) and must count in that quarter and show on that day; one received at 00:30 on the
first day of the next quarter is stored as 22:30 UTC the day before, and must count in the
new quarter and show on its own day. Retention terms and the agenda's "already discussed"
check compare across the two kinds too.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import select

from sociaalveilig.core.enums import SignalStatus
from sociaalveilig.services import (
    exports,
    report_management,
    retention_purge,
    retention_rules,
    search,
    signal_intake,
    signal_records,
    worklist,
)
from sociaalveilig.services import signals as sv
from sociaalveilig.services.agenda_proposals import propose_agenda
from sociaalveilig.services.context import (
    FixedClock,
    ServiceContext,
    local_day_start_utc,
    local_to_utc,
    utc_to_local,
)
from sociaalveilig.services.meeting_agenda import add_agenda_item
from sociaalveilig.services.search import SignalQuery
from sociaalveilig.storage.models import Signal
from tests.services.seed_casework import make_case, make_signal
from tests.services.test_meetings import _meeting

LAST_OF_Q1 = datetime(2026, 3, 31, 23, 30)  # summer time since 29 March: UTC+2
FIRST_OF_Q2 = datetime(2026, 4, 1, 0, 30)


def test_helpers_convert_both_ways_across_summer_and_winter_time() -> None:
    assert local_to_utc(LAST_OF_Q1) == datetime(2026, 3, 31, 21, 30)
    assert local_to_utc(FIRST_OF_Q2) == datetime(2026, 3, 31, 22, 30)
    assert local_to_utc(datetime(2026, 1, 1, 0, 30)) == datetime(2025, 12, 31, 23, 30)
    assert utc_to_local(datetime(2026, 3, 31, 22, 30)) == FIRST_OF_Q2
    assert utc_to_local(datetime(2025, 12, 31, 23, 30)) == datetime(2026, 1, 1, 0, 30)
    # Aware values are converted from their own zone, and come back naive.
    assert local_to_utc(datetime(2026, 4, 1, 0, 30, tzinfo=UTC)) == datetime(2026, 4, 1, 0, 30)
    plus_one = timezone(timedelta(hours=1))
    assert utc_to_local(datetime(2026, 4, 1, 0, 30, tzinfo=plus_one)) == datetime(2026, 4, 1, 1, 30)
    assert local_day_start_utc(date(2026, 4, 1)) == datetime(2026, 3, 31, 22, 0)
    assert local_day_start_utc(date(2026, 1, 15)) == datetime(2026, 1, 14, 23, 0)


def _register(ctx: ServiceContext, received: datetime, number: int) -> str:
    detail = sv.register_signal(
        ctx,
        signal_intake.SignalInput(
            received_at=received,
            source="politie",
            category="WO-OVL",
            postcode="6463AB",
            house_number=number,
            description="Fictieve melding laat op de avond.",
            urgency="acuut",  # to the coordinator at once: on the triage list
        ),
        signal_intake.NO_CASE,
    )
    return detail.reference


def test_a_signal_late_on_the_last_day_of_a_quarter_stays_in_that_quarter_and_day(
    coordinator_ctx: ServiceContext,
) -> None:
    ctx = coordinator_ctx
    late = _register(ctx, LAST_OF_Q1, 1)
    early = _register(ctx, FIRST_OF_Q2, 2)
    with ctx.unit() as session:
        stored = dict(
            session.execute(select(Signal.reference, Signal.received_at)).tuples().all()
        )
    assert stored == {late: datetime(2026, 3, 31, 21, 30), early: datetime(2026, 3, 31, 22, 30)}
    assert signal_records.get_signal(ctx, late).received_at == LAST_OF_Q1
    assert signal_records.get_signal(ctx, early).received_at == FIRST_OF_Q2

    # The management report: quarter, month, and the month line.
    q1 = report_management.management_data(ctx, "2026Q1", None)
    q2 = report_management.management_data(ctx, "2026Q2", None)
    assert (q1.signals_total, q2.signals_total) == (1, 1)
    assert report_management.management_data(ctx, "2026-03", None).signals_total == 1
    assert report_management.management_data(ctx, "2026-04", None).signals_total == 1
    months = {m.label: m.count for m in q2.by_month}
    assert (months["mrt 2026"], months["apr 2026"]) == (1, 1)

    # The signal list filtered on a day.
    def on(day: date) -> set[str]:
        ids = search.signal_ids(ctx, SignalQuery(received_from=day, received_to=day))
        return {row.reference for row in search.signal_rows(ctx, ids)}

    assert on(date(2026, 3, 31)) == {late}
    assert on(date(2026, 4, 1)) == {early}

    # The export and the triage list show the local day and time.
    text, _ = exports.export_signals(ctx)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    by_ref = {cell: row for row in rows for cell in row if cell in (late, early)}
    assert "31-03-2026 23:30" in by_ref[late]
    assert "01-04-2026 00:30" in by_ref[early]
    triage = {t.reference: t.received_at for t in worklist.new_signals_to_triage(ctx)}
    assert triage == {late: LAST_OF_Q1, early: FIRST_OF_Q2}


def test_retention_terms_start_at_local_midnight(
    coordinator_ctx: ServiceContext,
) -> None:
    """The 365-day term for concluded signals without a case, applied on 15-04-2026,
    reaches back to local midnight at the start of 15-04-2025 (22:00 UTC the day before)."""
    ctx = coordinator_ctx
    terms = {rule.code: rule.term_days for rule in retention_rules.list_rules(ctx)}
    assert terms["signal-no-case"] == 365
    before_midnight = make_signal(
        ctx,
        received_at=local_to_utc(datetime(2025, 4, 14, 23, 30)),
        status=SignalStatus.AFGEHANDELD,
        number=1,
    )
    after_midnight = make_signal(
        ctx,
        received_at=local_to_utc(datetime(2025, 4, 15, 0, 30)),  # 22:30 UTC on the 14th
        status=SignalStatus.AFGEHANDELD,
        number=2,
    )
    retention_purge.purge(ctx, date(2026, 4, 15))
    with ctx.unit() as session:
        left = set(session.execute(select(Signal.id)).scalars())
    assert before_midnight not in left
    assert after_midnight in left


def test_agenda_proposals_compare_meeting_start_and_receipt_in_one_zone(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    """A case discussed at 14:00 local on 22 April: its signal of 13:30 local was covered
    by that meeting; one of 14:30 local came in after it and goes to the next meeting."""
    ctx = coordinator_ctx
    first = _meeting(ctx, datetime(2026, 4, 22, 14, 0))
    covered = make_case(ctx, number=10)
    newer = make_case(ctx, number=20)
    add_agenda_item(ctx, first, case_id=covered)
    add_agenda_item(ctx, first, case_id=newer)
    for case_id, number, local in (
        (covered, 10, datetime(2026, 4, 22, 13, 30)),
        (newer, 20, datetime(2026, 4, 22, 14, 30)),
    ):
        make_signal(
            ctx,
            case_id=case_id,
            status=SignalStatus.GEKOPPELD,
            number=number,
            received_at=local_to_utc(local),
        )
    clock.set(datetime(2026, 4, 23, 9, 0))
    following = _meeting(ctx, datetime(2026, 5, 6, 14, 0))
    proposed = {p.case_id for p in propose_agenda(ctx, following)}
    assert newer in proposed
    assert covered not in proposed
