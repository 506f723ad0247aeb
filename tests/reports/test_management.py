"""Management report: figures computed in the database, no personal data, small counts
suppressed, periods and areas checked."""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import Role, Source
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.reports import api
from sociaalveilig.services import report_management
from sociaalveilig.services.context import LOCAL_ZONE, ServiceContext
from sociaalveilig.storage.models import AuditEntry, Case, Category, FocusArea, Signal, StatusChange
from tests.conftest import ActorFactory
from tests.reports import sample_data as sd
from tests.reports.pdftext import assert_footer_on_every_page, text

Q1_START = datetime(2025, 12, 31, 23, 0)  # 1 January 2026 00:00 local, in UTC
Q1_END = datetime(2026, 3, 31, 22, 0)  # 1 April 2026 00:00 local (summer time), in UTC


@pytest.fixture
def manager(make_actor: ActorFactory) -> ServiceContext:
    return make_actor(Role.MANAGER, username="manager")


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("text", "code", "start", "end"),
    [
        ("2026Q3", "2026Q3", date(2026, 7, 1), date(2026, 10, 1)),
        (" 2026q4 ", "2026Q4", date(2026, 10, 1), date(2027, 1, 1)),
        ("2026-Q1", "2026Q1", date(2026, 1, 1), date(2026, 4, 1)),
        ("2026", "2026", date(2026, 1, 1), date(2027, 1, 1)),
        ("2026-07", "2026-07", date(2026, 7, 1), date(2026, 8, 1)),
        ("2026-12", "2026-12", date(2026, 12, 1), date(2027, 1, 1)),
        ("2026-2", "2026-02", date(2026, 2, 1), date(2026, 3, 1)),
    ],
)
def test_period_forms(text: str, code: str, start: date, end: date) -> None:
    period = report_management.parse_period(text)
    assert (period.code, period.start, period.end) == (code, start, end)


@pytest.mark.parametrize("bad", ["", "Q3", "2026Q5", "2026-13", "26Q1", "2026/07", "1899"])
def test_bad_period_names_the_accepted_forms(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        report_management.parse_period(bad)
    assert info.value.field == "period"
    assert "2026Q3" in str(info.value) and "2026-07" in str(info.value)


def test_period_that_has_not_started_is_refused(
    manager: ServiceContext, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        api.management_report(manager, "2026Q3", None, tmp_path / "m.pdf")
    assert not (tmp_path / "m.pdf").exists()


# --------------------------------------------------------------------------- suppression


def test_suppression_rules() -> None:
    shown = [report_management.suppressed(n) for n in (0, 1, 4, 5, 120)]
    assert shown == ["0", "<5", "<5", "5", "120"]
    # One small cell alone could be worked out from the total: hide the next smallest too.
    assert report_management.suppress_breakdown([30, 3, 12, 0]) == ["30", "<5", "x", "0"]
    assert report_management.suppress_breakdown([30, 3, 2, 12]) == ["30", "<5", "<5", "12"]
    assert report_management.suppress_breakdown([30, 12]) == ["30", "12"]


def _add_signals(ctx: ServiceContext, area: str, count: int, source: Source, code: str,
                 received: datetime) -> None:
    with ctx.unit() as session:
        fa = session.execute(select(FocusArea).where(FocusArea.name == area)).scalar_one()
        cat = session.execute(select(Category.id).where(Category.code == code)).scalar_one()
        for i in range(count):
            sd._signal(session, received=received, source=source, category_id=cat, area=fa,
                       street="Verzinsel", number=i + 1, postcode="6367 AA",
                       description="Fictief")


def test_small_counts_show_as_less_than_five(
    admin_ctx: ServiceContext, manager: ServiceContext, tmp_path: Path
) -> None:
    _add_signals(admin_ctx, "Ubachsberg", 3, Source.BEWONER, "WO-OPR", datetime(2026, 2, 3, 10))
    _add_signals(admin_ctx, "Ubachsberg", 7, Source.POLITIE, "VE-CRIM", datetime(2026, 2, 5, 10))
    out = api.management_report(manager, "2026Q1", "ubachsberg", tmp_path / "u.pdf")
    body = text(out)
    assert "Managementrapportage 1e kwartaal 2026" in body and "Ubachsberg" in body
    assert re.search(r"Bewoner <5", body), body
    assert re.search(r"Openbare ruimte <5", body)
    # The bewoner count (3) alone could be recovered from total 10 - politie 7: hidden too.
    assert re.search(r"Politie x", body)
    assert re.search(r"Totaal 10", body)
    assert not re.search(r"Bewoner 3\b", body)
    assert_footer_on_every_page(out, manager.actor.display_name)


# --------------------------------------------------------------------------- content


def test_no_personal_data_in_the_report(
    admin_ctx: ServiceContext, manager: ServiceContext, tmp_path: Path
) -> None:
    sd.build_sample(admin_ctx)
    sd.build_region(admin_ctx, 120, date(2026, 1, 1), date(2026, 4, 1), areas=(sd.HEERLEN,))
    body = text(api.management_report(manager, "2026Q1", None, tmp_path / "m.pdf"))
    assert "Signalen naar bron" in body
    for forbidden in (sd.PERSON_A, sd.PERSON_B, sd.OTHER_PERSON, "Verzonnen", "Melder Anoniem",
                      "Fictiefhof", "Proefpad", "Testlaan", "6419", sd.DESCRIPTION_MARK[:20],
                      "Fictieve melding", sd.DECISION_MARK[:20], "C-2026-", "S-2026-",
                      "ZVH-2026-0417"):
        assert forbidden not in body, forbidden


def test_figures_match_a_count_by_hand(
    admin_ctx: ServiceContext, manager: ServiceContext
) -> None:
    sd.build_region(admin_ctx, 400, date(2025, 10, 1), date(2026, 4, 1))
    data = report_management.management_data(manager, "2026Q1", None)
    with admin_ctx.unit() as session:
        signals = session.execute(
            select(Signal.source, Signal.received_at, Signal.case_id, Signal.id)
        ).tuples().all()
        in_period = [s for s in signals if Q1_START <= s[1] < Q1_END]
        closed = dict(session.execute(select(Case.id, Case.closed_at)).tuples().all())
        done = dict(
            session.execute(
                select(StatusChange.object_id, StatusChange.at).where(
                    StatusChange.object_type == "signal", StatusChange.to_status == "afgehandeld"
                )
            ).tuples().all()
        )
        new_cases = sum(
            1 for c in session.execute(select(Case.created_at)).scalars()
            if Q1_START <= c < Q1_END
        )
    assert data.signals_total == len(in_period) > 0
    by_source = Counter(Source(s[0]).label for s in in_period)
    assert {r.label: r.count for r in data.by_source} == dict(by_source)
    assert sum(r.count for r in data.by_category) == len(in_period)
    assert data.new_cases == new_cases

    durations = []
    for _source, received, case_id, signal_id in signals:
        end = closed.get(case_id) if case_id else done.get(signal_id)
        if end is not None and Q1_START <= end < Q1_END:
            durations.append((end - received).total_seconds() / 86400)
    durations.sort()
    assert data.handling.count == len(durations) > 10
    assert data.handling.median_days == pytest.approx(statistics.median(durations), abs=1e-3)
    p90 = durations[math.ceil(0.9 * len(durations)) - 1]
    assert data.handling.p90_days == pytest.approx(p90, abs=1e-3)

    # Months: the twelve up to March 2026; the quarter's three add up to the total.
    assert [m.label for m in data.by_month][-3:] == ["jan 2026", "feb 2026", "mrt 2026"]
    assert sum(m.count for m in data.by_month[-3:]) == data.signals_total
    local_months = Counter(
        s[1].replace(tzinfo=UTC).astimezone(LOCAL_ZONE).strftime("%Y-%m") for s in signals
    )
    assert data.by_month[-4].count == local_months["2025-12"]


def test_month_boundaries_are_local_midnight(
    admin_ctx: ServiceContext, manager: ServiceContext
) -> None:
    # 31 Jan 23:30 UTC is 1 Feb 00:30 in Heerlen: a February signal.
    _add_signals(admin_ctx, "Nuth", 6, Source.BEWONER, "WO-OPR", datetime(2026, 1, 31, 23, 30))
    data = report_management.management_data(manager, "2026-02", "nuth")
    assert data.signals_total == 6
    assert data.by_month[-1].label == "feb 2026" and data.by_month[-1].count == 6
    assert data.by_month[-2].count == 0


def test_wijkagent_norm_per_area(
    admin_ctx: ServiceContext, manager: ServiceContext, tmp_path: Path
) -> None:
    with admin_ctx.unit() as session:
        heerlen = session.execute(
            select(FocusArea).where(FocusArea.name == sd.HEERLEN)
        ).scalar_one()
        heerlen.wijkagent_fte = 9.0
    data = report_management.management_data(manager, "2026Q1", None)
    row = next(a for a in data.areas if a.area == sd.HEERLEN)
    assert row.norm_fte == pytest.approx(56_000 / 5_000)
    assert row.wijkagent_fte == 9.0
    assert len(data.areas) == 8
    body = text(api.management_report(manager, "2026Q1", None, tmp_path / "n.pdf"))
    assert "Focusgebieden en de wijkagentnorm" in body
    assert re.search(r"56\.000 0 0 0 11,2 9,0 -2,2", body), body


def test_empty_period_is_a_valid_report_that_says_so(
    manager: ServiceContext, tmp_path: Path
) -> None:
    out = api.management_report(manager, "2025-06", "kerkrade", tmp_path / "leeg.pdf")
    body = text(out)
    assert "Er zijn in deze periode geen gegevens voor Kerkrade Oost" in body
    assert "te weinig (<5)" in body
    assert_footer_on_every_page(out, manager.actor.display_name)


def test_running_period_says_how_far_it_counts(
    manager: ServiceContext, tmp_path: Path
) -> None:
    # Test clock: 15 April 2026.
    data = report_management.management_data(manager, "2026Q2", None)
    assert data.as_of == date(2026, 4, 15)
    body = text(api.management_report(manager, "2026Q2", None, tmp_path / "q2.pdf"))
    assert "De periode loopt nog: de cijfers gaan tot en met 15-04-2026." in body


def test_charts_are_in_the_pdf(
    admin_ctx: ServiceContext, manager: ServiceContext, tmp_path: Path
) -> None:
    sd.build_region(admin_ctx, 150, date(2025, 4, 1), date(2026, 4, 1))
    out = api.management_report(manager, "2026Q1", None, tmp_path / "g.pdf")
    body = text(out)
    assert "Aantal signalen per maand" in body  # line chart title
    assert "apr 2025" in body  # first month of the twelve
    assert "Norm: inwoners / 5.000" in body  # bar chart legend


# --------------------------------------------------------------------------- who


def test_roles(make_actor: ActorFactory, admin_ctx: ServiceContext, tmp_path: Path) -> None:
    partner = make_actor(Role.PARTNER, partner=sd.WONEN)
    with pytest.raises(AccessDenied):
        api.management_report(partner, "2026Q1", None, tmp_path / "p.pdf")
    agent = make_actor(Role.WIJKAGENT, areas=[sd.KERKRADE])
    with pytest.raises(AccessDenied):
        api.management_report(agent, "2026Q1", None, tmp_path / "a.pdf")
    with pytest.raises(AccessDenied):
        api.management_report(agent, "2026Q1", "heerlen", tmp_path / "a.pdf")
    assert api.management_report(agent, "2026Q1", "kerkrade", tmp_path / "k.pdf").exists()
    assert api.management_report(admin_ctx, "2026", None, tmp_path / "b.pdf").exists()


def test_report_is_logged_without_content(
    manager: ServiceContext, tmp_path: Path
) -> None:
    api.management_report(manager, "2026Q1", "nuth", tmp_path / "m.pdf")
    with manager.unit() as session:
        entry = session.execute(
            select(AuditEntry).where(AuditEntry.action == "print",
                                     AuditEntry.username == "manager")
        ).scalar_one()
        assert (entry.object_type, entry.object_id, entry.purpose) == (
            "management_report", "2026Q1", "Nuth"
        )
