"""The codec: what may travel between a desk and the centre, and what is refused."""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from collections import abc
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaalveilig.core.enums import Role, Source
from sociaalveilig.server.registry import exposed_functions
from sociaalveilig.services.context import Actor
from sociaalveilig.services.remote import codec
from sociaalveilig.services.remote.codec import CodecError
from sociaalveilig.services.search import SignalQuery


def _returned_types() -> set[type]:
    """Every dataclass an exposed function returns, and those inside them."""
    found: set[type] = set()

    def visit(hint: Any) -> None:
        for arg in typing.get_args(hint):
            visit(arg)
        if dataclasses.is_dataclass(hint) and isinstance(hint, type) and hint not in found:
            found.add(hint)
            for field_hint in typing.get_type_hints(hint).values():
                visit(field_hint)

    for function in exposed_functions().values():
        visit(typing.get_type_hints(function).get("return"))
    return found


RETURNED = sorted(_returned_types(), key=codec.class_name)


def strategy(hint: Any) -> st.SearchStrategy[Any]:
    """Values of the annotation ``hint`` (the shapes the services use)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return st.none() | st.integers() | st.text(max_size=5)
    if hint is None or hint is type(None):
        return st.none()
    if origin is typing.Union or origin is types.UnionType:
        return st.one_of([strategy(a) for a in args])
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is not None:
        return _collection(origin, args)
    simple: dict[Any, st.SearchStrategy[Any]] = {
        bool: st.booleans(),
        int: st.integers(),
        float: st.floats(allow_nan=False, allow_infinity=False),
        str: st.text(max_size=20),
        bytes: st.binary(max_size=20),
        # The services hold naive times and aware UTC; an aware time travels as its
        # offset (a zone's ambiguous hour compares unequal across zones by PEP 495).
        datetime: st.datetimes() | st.datetimes(timezones=st.just(UTC)),
        date: st.dates(),
        time: st.times(),
        timedelta: st.timedeltas(),
    }
    if hint in simple:
        return simple[hint]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return st.sampled_from(list(hint))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint)
        fields = {f.name: strategy(hints[f.name]) for f in dataclasses.fields(hint) if f.init}
        return st.builds(hint, **fields)
    raise AssertionError(f"no strategy for {hint!r}")


def _collection(origin: Any, args: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(strategy(args[0]), max_size=3).map(tuple)
        return st.tuples(*(strategy(a) for a in args))
    if origin in (list, abc.Sequence):
        return st.lists(strategy(args[0]), max_size=3)
    if origin in (frozenset, set):
        made = st.frozensets(strategy(args[0]), max_size=3)
        return made if origin is frozenset else made.map(set)
    if origin is dict:
        return st.dictionaries(strategy(args[0]), strategy(args[1]), max_size=3)
    raise AssertionError(f"no strategy for {origin!r}")


def test_every_returned_type_may_travel() -> None:
    assert len(RETURNED) > 40  # the walk sees the services' results
    registry = codec.registry()
    assert [c for c in RETURNED if registry.get(codec.class_name(c)) is not c] == []


@pytest.mark.parametrize("cls", RETURNED, ids=codec.class_name)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_every_returned_dataclass_round_trips(cls: type, data: st.DataObject) -> None:
    value = data.draw(strategy(cls))
    wire = json.dumps(codec.encode(value))
    assert codec.decode(json.loads(wire)) == value


def test_kinds_survive_the_trip() -> None:
    actor = Actor("u1", "cor", "Cor", Role.COORDINATOR, None, frozenset({"a", "b"}))
    value = {
        "actor": actor,
        "when": (date(2026, 4, 15), datetime(2026, 4, 15, 10, 0), time(9, 30)),
        "raw": b"\x00\xff",
        "set": {1, 2},
    }
    back = codec.loads(codec.dumps(value))
    assert back == value
    assert type(back["actor"].role) is Role and type(back["when"]) is tuple
    assert type(back["actor"].area_ids) is frozenset and type(back["set"]) is set


def _refused(raw: Any) -> CodecError:
    with pytest.raises(CodecError) as caught:
        codec.loads(raw if isinstance(raw, bytes | str) else json.dumps(raw))
    assert caught.value.exit_code == 4
    assert caught.value.message.startswith("Het centrum weigerde het verzoek")
    return caught.value


@pytest.mark.parametrize(
    "raw",
    [
        b"{niet: json",
        b"\xff\xfe",
        "[NaN]",
        {"$": "dc", "c": "os.system", "f": {}},
        {"$": "dc", "c": "storage.models.User", "f": {}},
        {"$": "enum", "c": "core.enums.Role", "v": "keizer"},
        {"$": "dc", "c": "services.context.Actor", "f": {"user_id": "u"}},
        {"$": "dc", "c": "services.context.Actor", "f": {"onbekend": 1}},
        {"$": "pickle", "v": "gASV"},
        {"gewoon": "object"},
        {"$": "bytes", "v": "geen base64!"},
        {"$": "date", "v": 20260415},
        {"$": "dict", "v": [[[1], 2]]},
    ],
)
def test_hostile_values_are_refused_with_one_dutch_line(raw: Any) -> None:
    _refused(raw)


def test_deep_nesting_is_refused() -> None:
    _refused("[" * 100 + "]" * 100)
    _refused("[" * 200_000 + "]" * 200_000)  # deeper than the parser's own recursion


def test_what_may_not_travel_is_not_sent() -> None:
    for value in (Path("/etc/passwd"), object(), float("nan"), lambda: None):
        with pytest.raises(CodecError):
            codec.encode(value)

    @dataclasses.dataclass(frozen=True)
    class NotOurs:
        x: int

    with pytest.raises(CodecError):
        codec.encode(NotOurs(1))


def _takes(ctx: object, q: SignalQuery, sources: tuple[Source, ...], limit: int = 10) -> None:
    """A function's shape for the checks below."""


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ([SignalQuery()], {}),  # too few
        ([SignalQuery(), (), 1, 2], {}),  # too many
        (["q", ()], {}),
        ([SignalQuery(), [Source.POLITIE]], {}),  # a list is not a tuple
        ([SignalQuery(), ("politie",)], {}),  # text is not the enum
        ([SignalQuery(), ()], {"limit": True}),
        ([SignalQuery(), ()], {"onbekend": 1}),
        ([SignalQuery(text=5), ()], {}),  # type: ignore[arg-type]
        ([SignalQuery(area_ids=["a"]), ()], {}),  # type: ignore[arg-type]
    ],
)
def test_arguments_that_do_not_fit_are_refused(args: list[Any], kwargs: dict[str, Any]) -> None:
    with pytest.raises(CodecError):
        codec.check_arguments(_takes, None, args, kwargs)


def test_arguments_that_fit_pass() -> None:
    codec.check_arguments(_takes, None, [SignalQuery(area_ids=("a",)), (Source.POLITIE,)], {})
    codec.check_arguments(_takes, None, [SignalQuery(), ()], {"limit": 3})


def test_a_callable_never_fits() -> None:
    def needs(ctx: object, render: Callable[[int], bytes]) -> None: ...

    with pytest.raises(CodecError):
        codec.check_arguments(needs, None, [None], {})
