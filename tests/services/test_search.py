"""Signal and case lists: filters, full-text search and sorting in the database, checked
against the same data sorted and filtered in Python, on a few hundred signals."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import Select, func, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import Role, SignalStatus, Urgency
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.meldcode import MeldcodeDecision, meldcode_applies
from sociaalveilig.services import cases as cs
from sociaalveilig.services import search, signal_records
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import Actor, FixedClock, ServiceContext
from sociaalveilig.services.search import CaseQuery, SignalQuery
from sociaalveilig.services.setup import context_for, login
from sociaalveilig.services.signal_intake import NEW_CASE, NO_CASE, SignalInput
from sociaalveilig.storage.models import AuditEntry, Case, FocusArea, Signal, User, UserArea
from sociaalveilig.storage.postgres.store import PgStore
from sociaalveilig.storage.seam import SignalListShape
from sociaalveilig.storage.sqlite import plans
from sociaalveilig.storage.sqlite import search as fts
from sociaalveilig.storage.sqlite.maintenance import refresh_statistics
from tests import centre
from tests.conftest import (
    ADMIN,
    ADMIN_PASSPHRASE,
    BACKENDS,
    CENTRE,
    ON_POSTGRESQL,
    TEST_NOW,
    pg_clone,
)

T = TypeVar("T", bound=tuple[Any, ...])
N_SIGNALS = 240
PLACES = [
    ("6463 AB", "Kerkrade"),  # Kerkrade Oost
    ("6431 BC", "Hoensbroek"),  # Heerlen Noord
    ("6361 AA", "Nuth"),  # Nuth
    ("6411 CD", "Heerlen"),  # Heerlen, no focus area
    ("9999 ZZ", "Ergens"),  # outside the table
]
STREETS = ["Akkerweg", "Bremstraat", "Dorpsstraat", "Zonnedauwhof", None]
CATEGORIES = ["WO-OVL", "ZV-ZORG", "OM-HENNEP", "VE-PLEK", "OP-JEUGD", "ZV-HG"]
SOURCES = ["politie", "woningcorporatie", "gemeente", "zorg", "bewoner"]
WORDS = ["geluid", "afval", "ruzie", "geur", "bezoekers", "licht", "hond", "deur"]


@dataclass
class Made:
    backend: str
    location: str
    """The store's folder (SQLCipher) or database URL (PostgreSQL)."""
    coordinator: Actor
    signals: list[signal_records.SignalDetail]
    case_ids: list[str]


@pytest.fixture(scope="module", params=BACKENDS)
def search_backend(request: pytest.FixtureRequest) -> str:
    """This module's tests run on both stores, each filled once (``populated``)."""
    return str(request.param)


def _open(backend: str, location: str) -> ServiceContext:
    if backend in ON_POSTGRESQL:
        return context_for(PgStore.open(location, pool_size=2), ADMIN, FixedClock(TEST_NOW))
    return login(Path(location), ADMIN, ADMIN_PASSPHRASE, FixedClock(TEST_NOW))


@pytest.fixture(scope="module")
def populated(
    search_backend: str, request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Made]:
    """A store with a few hundred fictional signals, built once for this module and store;
    each test works on its own copy (``made``)."""
    with ExitStack() as stack:
        if search_backend in ON_POSTGRESQL:
            location = stack.enter_context(pg_clone(request.getfixturevalue("pg_template")))
        else:
            template_store: tuple[Path, str] = request.getfixturevalue("template_store")
            folder = tmp_path_factory.mktemp("search") / "store"
            shutil.copytree(template_store[0], folder)
            location = str(folder)
        admin = _open(search_backend, location)
        try:
            with admin.unit() as session:
                user = User(
                    username="coordinator",
                    display_name="Coördinator Test",
                    role=Role.COORDINATOR.value,
                    active=True,
                    created_at=TEST_NOW,
                )
                session.add(user)
                session.flush()
                actor = Actor(user.id, user.username, user.display_name, Role.COORDINATOR)
            ctx = admin.with_actor(actor)
            signals, case_ids = _fill(ctx)
        finally:
            admin.store.close()
        yield Made(search_backend, location, actor, signals, case_ids)


@pytest.fixture
def made(populated: Made, tmp_path: Path) -> Iterator[Made]:
    if populated.backend in ON_POSTGRESQL:
        with pg_clone(make_url(populated.location).database or "") as url:
            yield replace(populated, location=url)
        return
    target = tmp_path / "store"
    shutil.copytree(populated.location, target)
    yield replace(populated, location=str(target))


@pytest.fixture
def coordinator_ctx(made: Made) -> Iterator[ServiceContext]:
    admin = _open(made.backend, made.location)
    if made.backend == CENTRE:
        ctx = centre.through_centre(admin.store, made.coordinator, admin.clock)
        yield ctx
        centre.close(ctx)
    else:
        yield admin.with_actor(made.coordinator)
    admin.store.close()


def _fill(ctx: ServiceContext) -> tuple[list[signal_records.SignalDetail], list[str]]:
    rng = random.Random(20260415)
    signals: list[signal_records.SignalDetail] = []
    case_ids: list[str] = []
    start = datetime(2026, 1, 5, 8, 0)
    for n in range(N_SIGNALS):
        postcode, city = PLACES[n % len(PLACES)]
        words = rng.sample(WORDS, 3)
        if n % 37 == 0:
            words.append("kraaiennest")
        if n % 53 == 0:
            words.append("café")
        received_at = start + timedelta(hours=rng.randrange(0, 99 * 24))
        source, category = rng.choice(SOURCES), rng.choice(CATEGORIES)
        house_number, street = rng.randrange(1, 40), rng.choice(STREETS)
        urgency = rng.choice(["laag", "normaal", "normaal", "hoog"])
        meldcode = meldcode_applies(category)
        inp = SignalInput(
            received_at=received_at,
            source=source,
            category=category,
            postcode=postcode,
            house_number=house_number,
            street=street,
            city=city,
            description="Fictief: " + " ".join(words),
            # The Meldcode asks at least 'hoog' and a decision (core/meldcode.py).
            urgency="hoog" if meldcode and urgency != "hoog" else urgency,
            meldcode_decision=MeldcodeDecision.VEILIG_THUIS.value if meldcode else None,
        )
        choice = NO_CASE
        if n % 4 == 0:
            choice = NEW_CASE
        elif n % 4 == 1 and case_ids:
            choice = rng.choice(case_ids)
        detail = sv.register_signal(ctx, inp, choice)
        if choice == NEW_CASE and detail.case_id:
            case_ids.append(detail.case_id)
        signals.append(detail)
    return signals, case_ids


def ids(items: list[signal_records.SignalDetail]) -> list[str]:
    return [s.signal_id for s in items]


def test_default_order_is_newest_first_and_rows_follow_the_ids(
    coordinator_ctx: ServiceContext, made: Made
) -> None:
    got = search.signal_ids(coordinator_ctx, SignalQuery())
    expected = sorted(made.signals, key=lambda s: (s.received_at, s.reference), reverse=True)
    assert got == ids(expected)
    page = got[10:40]
    rows = search.signal_rows(coordinator_ctx, page)
    assert [r.signal_id for r in rows] == page
    by_id = {s.signal_id: s for s in made.signals}
    for row in rows:
        detail = by_id[row.signal_id]
        assert row.reference == detail.reference
        assert row.received_at == detail.received_at
        assert row.category_code == detail.category_code
        assert row.address == detail.address
        assert row.focus_area == detail.focus_area
        assert row.case_reference == detail.case_reference
        assert row.due_date == detail.due_date
        assert not hasattr(row, "description")


def test_sorting_matches_python(coordinator_ctx: ServiceContext, made: Made) -> None:
    urgency_order = [u.value for u in Urgency]
    status_order = [s.value for s in SignalStatus]
    keys = {
        "reference": lambda s: (),
        "category": lambda s: (s.category_name,),
        "urgency": lambda s: (urgency_order.index(s.urgency.value),),
        "due_date": lambda s: (s.due_date,),
        "source": lambda s: (s.source.value,),
        "area": lambda s: (s.focus_area or "",),
        "case": lambda s: (s.case_reference or "",),
        "status": lambda s: (status_order.index(s.status.value),),
    }
    for sort, key in keys.items():
        for descending in (False, True):
            expected = sorted(
                made.signals, key=lambda s: (*key(s), s.reference), reverse=descending
            )
            got = search.signal_ids(coordinator_ctx, SignalQuery(sort=sort, descending=descending))
            assert got == ids(expected), (sort, descending)


def test_filters_match_python(coordinator_ctx: ServiceContext, made: Made) -> None:
    with coordinator_ctx.unit() as session:
        kerkrade = session.execute(
            select(FocusArea.id).where(FocusArea.name == "Kerkrade Oost")
        ).scalar_one()

    def check(query: SignalQuery, keep: object) -> None:
        expected = {s.signal_id for s in made.signals if keep(s)}  # type: ignore[operator]
        assert expected, query
        assert set(search.signal_ids(coordinator_ctx, query)) == expected
        assert search.count_signals(coordinator_ctx, query) == len(expected)

    check(SignalQuery(area_ids=(kerkrade,)), lambda s: s.focus_area == "Kerkrade Oost")
    check(SignalQuery(sources=("Politie", "zorg")), lambda s: s.source.value in ("politie", "zorg"))
    check(SignalQuery(categories=("zv-hg",)), lambda s: s.category_code == "ZV-HG")
    check(SignalQuery(statuses=("gekoppeld",)), lambda s: s.case_id is not None)
    check(SignalQuery(without_case=True), lambda s: s.case_id is None)
    check(SignalQuery(urgencies=("hoog",)), lambda s: s.urgency is Urgency.HOOG)
    frm, to = date(2026, 2, 1), date(2026, 2, 28)
    check(
        SignalQuery(received_from=frm, received_to=to),
        lambda s: frm <= s.received_at.date() <= to,
    )
    today = date(2026, 4, 15)
    # Overdue: past the handling term and still new or routed. A signal linked to a case
    # is not (the case's review and actions carry it): the made set has such signals.
    past = [s for s in made.signals if s.due_date is not None and s.due_date < today]
    assert any(s.status is SignalStatus.GEKOPPELD for s in past)
    check(
        SignalQuery(overdue=True),
        lambda s: (
            s.due_date is not None
            and s.due_date < today
            and s.status in (SignalStatus.NIEUW, SignalStatus.GEROUTEERD)
        ),
    )
    one_case = made.case_ids[0]
    check(SignalQuery(case_id=one_case), lambda s: s.case_id == one_case)
    check(
        SignalQuery(area_ids=(kerkrade,), sources=("politie",), categories=("WO-OVL", "ZV-ZORG")),
        lambda s: (
            s.focus_area == "Kerkrade Oost"
            and s.source.value == "politie"
            and s.category_code in ("WO-OVL", "ZV-ZORG")
        ),
    )


def test_full_text_search_is_safe_and_finds_word_starts(
    coordinator_ctx: ServiceContext, made: Made
) -> None:
    def find(text: str) -> set[str]:
        return set(search.signal_ids(coordinator_ctx, SignalQuery(text=text)))

    nests = {s.signal_id for s in made.signals if "kraaiennest" in s.description}
    assert len(nests) == len(range(0, N_SIGNALS, 37))
    assert find("kraaien") == nests
    assert find("KRAAIENNEST") == nests
    # All words must occur.
    both = {
        s.signal_id
        for s in made.signals
        if "kraaiennest" in s.description and "hond" in s.description
    }
    assert find("kraai hond") == both
    # Accents do not matter.
    cafes = {s.signal_id for s in made.signals if "café" in s.description}
    assert cafes and find("cafe") == cafes == find("Café")
    # Postcode, street and reference are searchable too.
    assert find("6463") == {s.signal_id for s in made.signals if s.postcode == "6463 AB"}
    assert find("zonnedauw") == {s.signal_id for s in made.signals if s.street == "Zonnedauwhof"}
    assert find(made.signals[4].reference) == {made.signals[4].signal_id}
    # FTS5 syntax in user text is just text: no error, no operator.
    for hostile in ['"', 'kraai" OR "', "NOT kraai", "kraai*", "description:kraai", "(kraai", "^"]:
        result = find(hostile)
        assert result <= nests or result == set(s.signal_id for s in made.signals)
    # "OR" is a word to find, not an operator: no signal has a word starting with "or".
    assert find('kraai" OR "hond') == set()
    assert find("NOT kraai") == find("not kraai")
    assert find("---") == {s.signal_id for s in made.signals}  # no words: no text filter
    assert find("zzzzonbekend") == set()


def test_fts_query_quotes_every_word() -> None:
    assert fts.fts_query('kraai" OR hond*') == '"kraai"* "OR"* "hond"*'
    assert fts.fts_query("  ") is None
    assert fts.fts_query("S-2026-000001") == '"S 2026 000001"*'
    assert fts.fts_query("6431 AB") == '"6431"* "AB"*'


def test_lists_are_audited_once_per_query_without_the_text(
    coordinator_ctx: ServiceContext, made: Made
) -> None:
    def audits() -> list[tuple[str, str | None, str | None]]:
        with coordinator_ctx.unit() as session:
            return [
                (a.action, a.object_type, a.purpose)
                for a in session.execute(
                    select(AuditEntry)
                    .where(AuditEntry.action.in_(["list", "search"]))
                    .order_by(AuditEntry.id)
                ).scalars()
            ]

    before = len(audits())
    search.signal_ids(coordinator_ctx, SignalQuery(text="kraaiennest"))
    search.signal_rows(coordinator_ctx, [s.signal_id for s in made.signals[:50]])
    search.count_signals(coordinator_ctx, SignalQuery())
    search.case_ids(coordinator_ctx, CaseQuery())
    after = audits()[before:]
    assert after == [("search", "signal_list", None), ("list", "case_list", None)]
    with coordinator_ctx.unit() as session:
        texts = session.execute(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.purpose.contains("kraai") | AuditEntry.object_id.contains("kraai"))
        ).scalar_one()
    assert texts == 0


def test_bad_query_values_are_refused(coordinator_ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError) as err:
        search.signal_ids(coordinator_ctx, SignalQuery(sort="omschrijving"))
    assert err.value.field == "sort"
    with pytest.raises(ValidationError) as err:
        search.signal_ids(coordinator_ctx, SignalQuery(statuses=("weg",)))
    assert err.value.field == "status"
    with pytest.raises(ValidationError) as err:
        search.signal_ids(
            coordinator_ctx,
            SignalQuery(received_from=date(2026, 3, 1), received_to=date(2026, 2, 1)),
        )
    assert err.value.field == "periode"


def test_case_list_sorts_filters_and_counts(coordinator_ctx: ServiceContext, made: Made) -> None:
    counts: dict[str, int] = {}
    for s in made.signals:
        if s.case_id:
            counts[s.case_id] = counts.get(s.case_id, 0) + 1
    got = search.case_ids(coordinator_ctx, CaseQuery(sort="signals", descending=True))
    refs = {c: cs.get_case(coordinator_ctx, c).reference for c in made.case_ids}
    expected = sorted(made.case_ids, key=lambda c: (counts[c], refs[c]), reverse=True)
    assert got == expected
    rows = search.case_rows(coordinator_ctx, got[:20])
    assert [r.signal_count for r in rows] == [counts[c] for c in got[:20]]

    high = made.case_ids[:5]
    for case_id in high:
        cs.set_risk_level(coordinator_ctx, case_id, "hoog")
    assert set(search.case_ids(coordinator_ctx, CaseQuery(risk_levels=("hoog",)))) >= set(high)
    with coordinator_ctx.unit() as session:
        session.execute(update(Case).where(Case.id == high[0]).values(next_review=date(2026, 4, 1)))
    overdue = search.case_ids(coordinator_ctx, CaseQuery(overdue=True))
    assert overdue == [high[0]]
    assert search.case_rows(coordinator_ctx, overdue)[0].review_overdue
    cs.change_case_status(coordinator_ctx, high[0], "afgesloten", "Klaar")
    assert search.case_ids(coordinator_ctx, CaseQuery(overdue=True)) == []
    assert high[0] not in search.case_ids(coordinator_ctx, CaseQuery(open_only=True))
    with coordinator_ctx.unit() as session:
        street_cases = set(
            session.execute(select(Case.id).where(Case.street == "Bremstraat")).scalars()
        )
    assert set(search.case_ids(coordinator_ctx, CaseQuery(text="brem"))) == street_cases
    with coordinator_ctx.unit() as session:
        assert session.execute(select(func.count()).select_from(Signal)).scalar_one() == N_SIGNALS


HEAD_QUERIES = [
    SignalQuery(),
    SignalQuery(sources=("politie", "zorg")),
    SignalQuery(statuses=("gekoppeld",), urgencies=("hoog", "normaal")),
    SignalQuery(received_from=date(2026, 2, 1), received_to=date(2026, 3, 15)),
    SignalQuery(overdue=True),
    SignalQuery(without_case=True, sort="urgency", descending=False),
    SignalQuery(text="geluid"),
    SignalQuery(text="geluid ruzie", sources=("bewoner",)),
    SignalQuery(text="geluid", sort="reference", descending=False),
    SignalQuery(sort="category"),
    SignalQuery(sort="case", descending=False),
    SignalQuery(sort="address"),
    SignalQuery(sort="due_date", statuses=("nieuw", "gerouteerd")),
]


# Every way SQLite may read a signal list: as its planner chooses with and without
# statistics, and through each index of ``signals`` forced in turn (the list index walked in
# order, a filter's own index, the order index...). A list is the same whichever it takes.
ALL_PLANS: list[str | None] = [None, "analysed", "walk", "matches", *sorted(
    str(index.name) for index in Signal.__table__.indexes
)]


class _ForcedPlan:
    """List plans that read ``signals`` through one named index."""

    def __init__(self, index: str) -> None:
        self.index = index

    def signal_list(
        self, session: Session, stmt: Select[tuple[str]], shape: SignalListShape
    ) -> Select[tuple[str]]:
        return stmt.with_hint(Signal.__table__, f"INDEXED BY {self.index}", "sqlite")


def _kerkrade_wijkagent(ctx: ServiceContext) -> ServiceContext:
    """``ctx``'s store as a wijkagent of Kerkrade Oost (a user row of its own: the centre
    reads who acts from the database on every request)."""
    with ctx.unit() as session:
        kerkrade = session.execute(
            select(FocusArea.id).where(FocusArea.name == "Kerkrade Oost")
        ).scalar_one()
        user = User(username="wijkagent", display_name="Wijkagent Test",
                    role=Role.WIJKAGENT.value, active=True, created_at=TEST_NOW)
        session.add(user)
        session.flush()
        session.add(UserArea(user_id=user.id, focus_area_id=kerkrade))
        user_id = user.id
    return ctx.with_actor(
        Actor(user_id, "wijkagent", "Wijkagent Test", Role.WIJKAGENT,
              area_ids=frozenset({kerkrade}))
    )


def _the_list_in_every_plan(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, query: SignalQuery
) -> list[str]:
    """The whole id list of ``query`` as ``ctx``'s user, after checking that every plan the
    list may take gives the same list, and that its first page (``signal_head``) is exactly
    the start of it. "analysed": the planner's own choice once ``ANALYZE`` has run; "walk"
    and "matches": the two ways ``storage.sqlite.plans`` chooses between for a text."""
    results = []
    for plan in ALL_PLANS:
        if plan == "analysed" and ctx.store.capabilities.index_hints:
            refresh_statistics(ctx.store.engine, full=True)  # type: ignore[attr-defined]
        elif plan == "analysed":
            ctx.store.maintenance.refresh_statistics()
        elif plan == "walk":  # a text always walks an index or reads the scope's parts
            monkeypatch.setattr(plans, "LOOKUP_STEP", 1e9)
        elif plan == "matches":  # a text's matches always read one by one
            monkeypatch.setattr(plans, "LOOKUP_STEP", 1e-9)
        elif plan is not None:
            monkeypatch.setattr(ctx.store, "plans", _ForcedPlan(plan))
        whole = search.signal_ids(ctx, query)
        head = search.signal_head(ctx, query, limit=25)
        assert list(head.ids) == whole[:25], plan
        assert head.complete == (len(whole) <= 25)
        assert [r.signal_id for r in head.rows] == whole[:25]
        assert head.rows == tuple(search.signal_rows(ctx, whole[:25]))
        results.append(whole)
        monkeypatch.undo()
    assert all(r == results[0] for r in results)
    return results[0]


@pytest.mark.parametrize("query", HEAD_QUERIES, ids=lambda q: repr(q)[12:70])
def test_head_is_the_start_of_the_whole_list_in_every_plan(
    coordinator_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, query: SignalQuery
) -> None:
    assert _the_list_in_every_plan(coordinator_ctx, monkeypatch, query), (
        "every query here matches some signals"
    )


@pytest.mark.parametrize("query", HEAD_QUERIES, ids=lambda q: repr(q)[12:70])
def test_a_scoped_list_is_the_same_in_every_plan(
    coordinator_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, query: SignalQuery
) -> None:
    """A wijkagent's list, whichever index it is read through (some hold the scope's
    columns, some do not), is the coordinator's list less what the wijkagent may not see."""
    wijkagent = _kerkrade_wijkagent(coordinator_ctx)
    in_scope = set(search.signal_ids(wijkagent, SignalQuery()))
    assert 0 < len(in_scope) < len(search.signal_ids(coordinator_ctx, SignalQuery()))
    everyone = search.signal_ids(coordinator_ctx, query)
    expected = [signal_id for signal_id in everyone if signal_id in in_scope]
    assert _the_list_in_every_plan(wijkagent, monkeypatch, query) == expected


def test_head_rows_cover_the_first_screenful_only(coordinator_ctx: ServiceContext) -> None:
    whole = search.signal_ids(coordinator_ctx, SignalQuery())
    head = search.signal_head(coordinator_ctx, SignalQuery(), limit=50, rows=10)
    assert list(head.ids) == whole[:50] and not head.complete
    assert [r.signal_id for r in head.rows] == whole[:10]


def test_head_of_a_short_list_is_complete(coordinator_ctx: ServiceContext, made: Made) -> None:
    head = search.signal_head(coordinator_ctx, SignalQuery(text="kraaiennest"))
    expected = {s.signal_id for s in made.signals if "kraaiennest" in s.description}
    assert head.complete and set(head.ids) == expected and len(head.rows) == len(expected)
    assert search.signal_head(coordinator_ctx, SignalQuery(text="zzzonbekend")).ids == ()


def test_head_logs_the_view_and_the_rest_of_the_ids_does_not(
    coordinator_ctx: ServiceContext,
) -> None:
    def count() -> int:
        with coordinator_ctx.unit() as session:
            return int(
                session.execute(
                    select(func.count())
                    .select_from(AuditEntry)
                    .where(AuditEntry.object_type == "signal_list")
                ).scalar_one()
            )

    before = count()
    search.signal_head(coordinator_ctx, SignalQuery(text="geluid"))
    assert count() == before + 1
    search.signal_ids(coordinator_ctx, SignalQuery(text="geluid"), log_view=False)
    assert count() == before + 1
    search.signal_ids(coordinator_ctx, SignalQuery())
    assert count() == before + 2


