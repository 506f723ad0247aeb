"""Service calls that lose a race with another writer are run again (services/retry.py);
every service function that opens a unit of work carries the retry."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError

import sociaalveilig.services
from sociaalveilig.core.errors import ConflictError
from sociaalveilig.services import retry
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retry import is_retrying, retrying
from sociaalveilig.storage.models import Category, Setting


class FakeSerializationFailure(Exception):
    """What psycopg raises for SQLSTATE 40001 (its ``sqlstate`` attribute)."""

    sqlstate = "40001"


class FakeDeadlock(Exception):
    sqlstate = "40P01"


def transient(kind: type[Exception] = FakeSerializationFailure) -> OperationalError:
    return OperationalError("UPDATE counters ...", {}, kind("could not serialize access"))


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    pauses: list[int] = []
    monkeypatch.setattr(retry, "pause", pauses.append)
    return pauses


# --------------------------------------------------------------------------- applied everywhere


def _opens_a_unit(node: ast.FunctionDef) -> bool:
    return any(
        isinstance(n, ast.withitem) and "unit(" in ast.unparse(n.context_expr)
        for n in ast.walk(node)
    )


def _is_generator(node: ast.FunctionDef) -> bool:
    return any(isinstance(n, ast.Yield | ast.YieldFrom) for n in ast.walk(node))


def _service_functions() -> Iterator[tuple[str, str, object]]:
    for info in pkgutil.iter_modules(sociaalveilig.services.__path__):
        module = importlib.import_module(f"sociaalveilig.services.{info.name}")
        tree = ast.parse(inspect.getsource(module))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and _opens_a_unit(node):
                if _is_generator(node):  # a context manager around a unit: its users retry
                    continue
                assert node in tree.body, f"{info.name}.{node.name}: a unit in a nested function"
                yield info.name, node.name, getattr(module, node.name)


def test_every_service_function_that_opens_a_unit_retries() -> None:
    found = list(_service_functions())
    assert len(found) > 100  # the walk sees the services
    missing = [f"{module}.{name}" for module, name, function in found if not is_retrying(function)]
    assert missing == []


# --------------------------------------------------------------------------- the mechanism


def test_a_serialization_failure_runs_the_whole_call_again(no_pauses: list[int]) -> None:
    calls: list[int] = []

    @retrying
    def service() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise transient()
        return "klaar"

    assert service() == "klaar"
    assert len(calls) == 3 and no_pauses == [1, 2]


def test_a_deadlock_is_retried_too() -> None:
    calls: list[int] = []

    @retrying
    def service() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise transient(FakeDeadlock)
        return len(calls)

    assert service() == 2


def test_after_the_last_try_the_user_reads_a_dutch_conflict() -> None:
    calls: list[int] = []

    @retrying
    def service() -> None:
        calls.append(1)
        raise transient()

    with pytest.raises(ConflictError) as caught:
        service()
    assert len(calls) == retry.TRIES == 5
    assert caught.value.message == "Iemand anders wijzigde dit tegelijk; probeer het opnieuw."
    assert caught.value.exit_code == 4


def test_other_errors_go_through_at_once() -> None:
    calls: list[int] = []

    @retrying
    def service() -> None:
        calls.append(1)
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    with pytest.raises(OperationalError):
        service()
    assert len(calls) == 1


def test_only_the_outermost_call_retries() -> None:
    outer_calls: list[int] = []
    inner_calls: list[int] = []

    @retrying
    def inner() -> None:
        inner_calls.append(1)
        if len(inner_calls) == 1:
            raise transient()

    @retrying
    def outer() -> str:
        outer_calls.append(1)
        inner()
        return "klaar"

    assert outer() == "klaar"
    # The inner call did not run again by itself: the outer one ran again, whole.
    assert (len(outer_calls), len(inner_calls)) == (2, 2)


def _settings(ctx: ServiceContext) -> int:
    with ctx.read_unit() as session:
        return int(session.execute(select(func.count()).select_from(Setting)).scalar_one())


def test_a_call_whose_change_is_committed_is_not_run_again(admin_ctx: ServiceContext) -> None:
    calls: list[int] = []
    before = _settings(admin_ctx)

    @retrying
    def service() -> None:
        calls.append(1)
        with admin_ctx.unit() as session:
            session.add(Setting(key=f"fictief-{len(calls)}", value="1"))
        raise transient()

    with pytest.raises(ConflictError):
        service()
    # Running it again would have stored the first unit's change a second time.
    assert len(calls) == 1 and _settings(admin_ctx) == before + 1


def test_a_read_before_the_failing_unit_does_not_stop_the_retry(
    admin_ctx: ServiceContext,
) -> None:
    calls: list[int] = []

    @retrying
    def service() -> int:
        calls.append(1)
        with admin_ctx.read_unit() as session:
            session.execute(select(Setting)).all()
        with admin_ctx.unit() as session:
            session.add(Setting(key="fictief", value="1"))
            if len(calls) == 1:
                raise transient()
        return len(calls)

    assert service() == 2
    assert _settings(admin_ctx) >= 1


def test_on_sqlite_a_refused_change_is_not_retried(admin_ctx: ServiceContext) -> None:
    calls: list[int] = []

    @retrying
    def service() -> None:
        calls.append(1)
        with admin_ctx.unit() as session:
            code = session.execute(select(Category.code)).scalars().first()
            session.add(
                Category(code=code, name="Fictief", main_category="Fictief", meeting="FL",
                         term_days=5, active=True)
            )

    with pytest.raises(IntegrityError):
        service()
    assert len(calls) == 1
