"""A call at the centre that only views reads without the write order and logs after
(storage/postgres/views.py); a call that writes is run again as a writer, once, and its
function is a writer from then on. What the audit log and the records hold is asserted,
and that the rules (a user blocked, a session ended) still hold at the next call."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import event, func, select

from sociaalveilig.core.errors import SessionEnded
from sociaalveilig.services import search, signals, users
from sociaalveilig.services.context import Actor, FixedClock, ServiceContext
from sociaalveilig.services.setup import actor_for, context_for
from sociaalveilig.services.signal_intake import NO_CASE, SignalInput
from sociaalveilig.storage import audit
from sociaalveilig.storage.models import AuditEntry, Signal
from sociaalveilig.storage.postgres.store import PgStore
from tests import centre
from tests.conftest import ADMIN

PASS = "een-lang-wachtwoord-481"


@pytest.fixture
def admin(centre_store: PgStore, clock: FixedClock) -> ServiceContext:
    return context_for(centre_store, ADMIN, clock)


@pytest.fixture
def cor(centre_store: PgStore, admin: ServiceContext,
        clock: FixedClock) -> Iterator[centre.CentreHarness]:
    """A coordinator at a desk on the centre."""
    users.add_user(admin, "cor", "coordinator", PASS)
    with admin.unit() as session:
        actor = actor_for(session, "cor")
    assert isinstance(actor, Actor)
    ctx = centre.through_centre(centre_store, actor, clock)
    yield ctx
    centre.close(ctx)


def _signal(ctx: ServiceContext, text: str) -> object:
    return signals.register_signal(ctx, SignalInput(
        received_at=datetime(2026, 1, 5, 9, 0), source="bewoner", category="WO-OVL",
        postcode="6463 AB", house_number=12, street="Fictiefstraat", city="Kerkrade",
        description=text), NO_CASE)


class Statements:
    def __init__(self, store: PgStore) -> None:
        self.store = store
        self.seen: list[str] = []

    def __enter__(self) -> list[str]:
        event.listen(self.store.engine, "before_cursor_execute", self._note)
        return self.seen

    def __exit__(self, *exc: object) -> None:
        event.remove(self.store.engine, "before_cursor_execute", self._note)

    def _note(self, conn: object, cursor: object, statement: str, *rest: object) -> None:
        self.seen.append(statement)


def _first(statements: list[str], part: str) -> int:
    return next(n for n, s in enumerate(statements) if part in s)


def _entries(store: PgStore, action: str) -> int:
    with store.unit() as session:
        return int(session.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.username == "cor", AuditEntry.action == action)).scalar_one())


def test_a_list_reads_before_the_write_order_and_is_logged_after(
    cor: centre.CentreHarness, centre_store: PgStore
) -> None:
    _signal(cor, "Fictieve melding voor de lijst")
    before = _entries(centre_store, "list")

    with Statements(centre_store) as statements:
        head = search.signal_head(cor, search.SignalQuery())

    assert len(head.rows) == 1
    read_only = _first(statements, "SET TRANSACTION READ ONLY")
    reads = _first(statements, "FROM signals")
    lock = _first(statements, "LOCK TABLE audit_head")
    logged = _first(statements, "INSERT INTO audit_log")
    assert read_only < reads < lock < logged
    assert _entries(centre_store, "list") == before + 1
    with centre_store.unit() as session:
        assert audit.verify_chain(session).ok
    assert centre_store.anchor_problem() is None


def test_a_call_that_writes_is_run_again_as_a_writer_once_and_stays_one(
    cor: centre.CentreHarness, centre_store: PgStore
) -> None:
    app = cor.client.http.app.state.centre  # type: ignore[attr-defined]
    assert signals.register_signal not in app.writers

    _signal(cor, "Fictieve melding een")

    assert signals.register_signal in app.writers
    with Statements(centre_store) as statements:
        _signal(cor, "Fictieve melding twee")
    # The second call is a writer from its unit's first statement: the write order first
    # (after the session check).
    assert "server_sessions" in statements[0]
    assert not any("READ ONLY" in s for s in statements)
    assert "LOCK TABLE audit_head" in statements[1]
    with centre_store.unit() as session:
        texts = session.execute(select(Signal.description)).scalars().all()
        assert sorted(texts) == ["Fictieve melding een", "Fictieve melding twee"]
        assert audit.verify_chain(session).ok


def test_a_blocked_user_is_refused_at_the_next_call_of_a_known_writer(
    cor: centre.CentreHarness, admin: ServiceContext, centre_store: PgStore
) -> None:
    _signal(cor, "Fictieve melding voor de blokkade")
    users.deactivate_user(admin, "cor")

    with pytest.raises(SessionEnded):
        _signal(cor, "Fictieve melding na de blokkade")
    with pytest.raises(SessionEnded):
        search.signal_head(cor, search.SignalQuery())
    with centre_store.unit() as session:
        texts = session.execute(select(Signal.description)).scalars().all()
    assert texts == ["Fictieve melding voor de blokkade"]


def _view_then_write(ctx: ServiceContext, text: str) -> int:
    """A service as many are: a unit that views (and logs it), then one that writes."""
    with ctx.unit() as session:
        count = int(session.execute(select(func.count()).select_from(Signal)).scalar_one())
        ctx.audit(session, "view", "signal_list", "fictief-overzicht")
    _signal(ctx, text)
    return count


def _views(store: PgStore) -> list[str | None]:
    with store.unit() as session:
        return list(session.execute(select(AuditEntry.object_id).where(
            AuditEntry.username == "cor", AuditEntry.action == "view")).scalars())


def test_a_view_before_the_first_write_is_logged_once(
    cor: centre.CentreHarness, centre_store: PgStore
) -> None:
    """The first call of a function that views, then writes, runs as a view call until its
    write is refused, and again as a writer: the view is in the log once, not twice."""
    app = cor.client.http.app.state.centre  # type: ignore[attr-defined]
    token = cor._token
    assert token is not None

    assert app._run(_view_then_write, token, ["Fictieve melding een"], {}) == 0
    assert _view_then_write in app.writers
    assert _views(centre_store) == ["fictief-overzicht"]
    assert app._run(_view_then_write, token, ["Fictieve melding twee"], {}) == 1
    assert _views(centre_store) == ["fictief-overzicht"] * 2
    with centre_store.unit() as session:
        assert audit.verify_chain(session).ok


def test_the_views_of_a_failed_view_call_are_logged(
    cor: centre.CentreHarness, centre_store: PgStore
) -> None:
    def view_then_fail(ctx: ServiceContext) -> None:
        with ctx.unit() as session:
            ctx.audit(session, "view", "signal_list", "fictief-mislukt")
        raise SessionEnded("fictief")

    app = cor.client.http.app.state.centre  # type: ignore[attr-defined]
    with pytest.raises(SessionEnded):
        app._run(view_then_fail, cor._token, [], {})
    assert view_then_fail not in app.writers
    assert _views(centre_store) == ["fictief-mislukt"]
