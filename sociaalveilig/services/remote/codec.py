"""What travels between a desk and the centre: service arguments and results as JSON.

The services' own frozen dataclasses are the schema, so nothing is described twice. Only
these travel: ``None``, booleans, integers, finite floats, text, lists, and, tagged with a
``"$"`` key, tuples, sets, dictionaries, dates and times, bytes (base64), and the frozen
dataclasses and enums of ``sociaalveilig.core`` and ``sociaalveilig.services`` (an
allow-list built once from those packages: a class name from the wire is only ever looked up
there, never imported). Anything else is refused with ``CodecError``, a Dutch line, before
any service runs; so are nesting deeper than ``MAX_DEPTH`` and values that do not fit the
called function's annotations (``check_arguments``).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import enum
import importlib
import inspect
import json
import math
import pkgutil
import sys
import types
import typing
from collections.abc import Callable, Hashable, Mapping
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from sociaalveilig.core.errors import SociaalVeiligError, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.workdays import DATE_YEARS

MAX_DEPTH = 48
"""Deeper than any service's value (a report's nested records reach about six)."""
MAX_INT = 2**63 - 1
"""PostgreSQL's bigint: no service takes a larger number (limits, versions, years)."""
YEARS = DATE_YEARS
"""The dates a request may carry (``core.workdays.DATE_YEARS``, the date fields' range)."""
MAX_DAYS = 100_000
"""The longest timedelta a request may carry (about 270 years), for the same reason."""
PACKAGES = ("sociaalveilig.core", "sociaalveilig.services")
_PREFIX = "sociaalveilig."


class CodecError(ValidationError):
    """A value that may not travel, or does not fit the function called (exit 4)."""


def _refused(detail: str, field: str | None = None) -> CodecError:
    return CodecError(
        tr("Het centrum weigerde het verzoek: {detail}. Werk het programma bij of meld dit bij "
           "de functioneel beheerder.").format(detail=detail),
        field=field,
    )


# --------------------------------------------------------------------------- the allow-list


def _travels(cls: type) -> bool:
    if isinstance(cls, type) and issubclass(cls, enum.Enum):
        return True
    params = getattr(cls, "__dataclass_params__", None)
    return dataclasses.is_dataclass(cls) and params is not None and bool(params.frozen)


@cache
def registry() -> Mapping[str, type]:
    """Every frozen dataclass and enum defined in the allowed packages, by its name
    relative to ``sociaalveilig`` (``core.enums.Role``)."""
    found: dict[str, type] = {}
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        names = [package_name] + [
            info.name
            for info in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}.")
        ]
        for module_name in names:
            module = importlib.import_module(module_name)
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and value.__module__ == module_name
                    and _travels(value)
                ):
                    found[class_name(value)] = value
    return found


@cache
def error_registry() -> Mapping[str, type[SociaalVeiligError]]:
    """The failures that travel by name: those of ``core.errors`` by their own name
    (``AccessDenied``), a service's own subclass by its full one
    (``services.visit_clashes.VisitClash``)."""
    registry()  # imports every allowed module
    found: dict[str, type[SociaalVeiligError]] = {}
    for package_name in PACKAGES:
        for module_name, module in list(sys.modules.items()):
            if module is None or not (
                module_name == package_name or module_name.startswith(package_name + ".")
            ):
                continue
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, SociaalVeiligError)
                    and value.__module__ == module_name
                ):
                    found[error_name(value)] = value
    return found


def error_name(cls: type[SociaalVeiligError]) -> str:
    return cls.__name__ if cls.__module__ == _ERRORS else class_name(cls)


_ERRORS = "sociaalveilig.core.errors"


def class_name(cls: type) -> str:
    return f"{cls.__module__.removeprefix(_PREFIX)}.{cls.__qualname__}"


# --------------------------------------------------------------------------- encoding


def encode(value: Any) -> Any:
    """``value`` as plain JSON data; ``CodecError`` for what may not travel."""
    return _encode(value, 0)


def _encode(value: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _refused(tr("te diep geneste gegevens"))
    if isinstance(value, enum.Enum):
        # Before str and int: a StrEnum or IntEnum travels as its class.
        name = _allowed_name(type(value))
        return {"$": "enum", "c": name, "v": _encode(value.value, depth + 1)}
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _refused(tr("een ongeldig getal"))
        return value
    tagged = _encode_moment(value)
    if tagged is not None:
        return tagged
    return _encode_container(value, depth + 1)


def _encode_moment(value: Any) -> dict[str, Any] | None:
    if isinstance(value, datetime):
        return {"$": "datetime", "v": value.isoformat()}
    if isinstance(value, date):
        return {"$": "date", "v": value.isoformat()}
    if isinstance(value, time):
        return {"$": "time", "v": value.isoformat()}
    if isinstance(value, timedelta):
        return {"$": "timedelta", "v": [value.days, value.seconds, value.microseconds]}
    if isinstance(value, bytes | bytearray):
        return {"$": "bytes", "v": base64.b64encode(bytes(value)).decode("ascii")}
    return None


def _encode_container(value: Any, inner: int) -> Any:
    if isinstance(value, list):
        return [_encode(item, inner) for item in value]
    if isinstance(value, tuple) and not dataclasses.is_dataclass(value):
        return {"$": "tuple", "v": [_encode(item, inner) for item in value]}
    if isinstance(value, set | frozenset):
        kind = "frozenset" if isinstance(value, frozenset) else "set"
        items = [_encode(item, inner) for item in value]
        items.sort(key=lambda item: json.dumps(item, sort_keys=True))
        return {"$": kind, "v": items}
    if isinstance(value, dict):
        pairs = [[_encode(k, inner), _encode(v, inner)] for k, v in value.items()]
        return {"$": "dict", "v": pairs}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = _allowed_name(type(value))
        fields = {
            field.name: _encode(getattr(value, field.name), inner)
            for field in dataclasses.fields(value)
        }
        return {"$": "dc", "c": name, "f": fields}
    raise _refused(tr("een gegeven van een soort die niet verstuurd kan worden"))


def _allowed_name(cls: type) -> str:
    name = class_name(cls)
    if registry().get(name) is not cls:
        raise _refused(tr("een gegeven van een soort die niet verstuurd kan worden"))
    return name


def dumps(value: Any) -> bytes:
    return json.dumps(encode(value), ensure_ascii=False, allow_nan=False).encode("utf-8")


# --------------------------------------------------------------------------- decoding


def loads(data: bytes | str) -> Any:
    """Parse and decode a body; ``CodecError`` for anything but what ``dumps`` writes."""
    try:
        raw = json.loads(data, parse_constant=_no_constant)
    except (ValueError, RecursionError, UnicodeDecodeError):
        raise _refused(tr("geen geldige gegevens")) from None
    return decode(raw)


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are not JSON


def decode(raw: Any) -> Any:
    return _decode(raw, 0)


def _decode(raw: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _refused(tr("te diep geneste gegevens"))
    inner = depth + 1
    if raw is None or isinstance(raw, bool | int | str):
        return raw
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise _refused(tr("een ongeldig getal"))
        return raw
    if isinstance(raw, list):
        return [_decode(item, inner) for item in raw]
    if not isinstance(raw, dict):
        raise _refused(tr("geen geldige gegevens"))
    kind = raw.get("$")
    decoder = _DECODERS.get(kind) if isinstance(kind, str) else None
    if decoder is None:
        raise _refused(tr("een onbekende soort gegeven"))
    try:
        return decoder(raw, inner)
    except CodecError:
        raise
    except (KeyError, TypeError, ValueError, OverflowError, binascii.Error):
        raise _refused(tr("een onleesbaar gegeven")) from None


def _items(raw: dict[str, Any], depth: int) -> list[Any]:
    values = raw["v"]
    if not isinstance(values, list):
        raise TypeError("v")
    return [_decode(item, depth) for item in values]


def _dict(raw: dict[str, Any], depth: int) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for pair in raw["v"]:
        if not isinstance(pair, list) or len(pair) != 2:
            raise TypeError("pair")
        key = _decode(pair[0], depth)
        result[key] = _decode(pair[1], depth)  # an unhashable key is a TypeError
    return result


def _enum(raw: dict[str, Any], depth: int) -> enum.Enum:
    cls = registry().get(raw["c"]) if isinstance(raw["c"], str) else None
    if cls is None or not issubclass(cls, enum.Enum):
        raise _refused(tr("een onbekende soort gegeven"))
    return cls(_decode(raw["v"], depth))


def _dataclass(raw: dict[str, Any], depth: int) -> Any:
    cls = registry().get(raw["c"]) if isinstance(raw["c"], str) else None
    if cls is None or not dataclasses.is_dataclass(cls):
        raise _refused(tr("een onbekende soort gegeven"))
    given = raw["f"]
    if not isinstance(given, dict):
        raise TypeError("f")
    fields = {field.name: field for field in dataclasses.fields(cls)}
    if set(given) - set(fields) or any(
        name not in given
        and field.default is dataclasses.MISSING
        and field.default_factory is dataclasses.MISSING
        for name, field in fields.items()
    ):
        raise _refused(tr("een gegeven met andere velden dan verwacht"))
    init = {name: _decode(value, depth) for name, value in given.items() if fields[name].init}
    value = cls(**init)
    for name in given:
        if not fields[name].init:
            raise _refused(tr("een gegeven met andere velden dan verwacht"))
    return value  # its fields' kinds: check_arguments, against the function called


def _timedelta(raw: dict[str, Any], depth: int) -> timedelta:
    days, seconds, micro = raw["v"]
    if not all(type(part) is int for part in (days, seconds, micro)):
        raise TypeError("timedelta")
    return timedelta(days=days, seconds=seconds, microseconds=micro)


def _text(raw: dict[str, Any]) -> str:
    value = raw["v"]
    if not isinstance(value, str):
        raise TypeError("v")
    return value


_DECODERS: dict[str, Callable[[dict[str, Any], int], Any]] = {
    "tuple": lambda raw, depth: tuple(_items(raw, depth)),
    "set": lambda raw, depth: set(_items(raw, depth)),
    "frozenset": lambda raw, depth: frozenset(_items(raw, depth)),
    "dict": _dict,
    "datetime": lambda raw, depth: datetime.fromisoformat(_text(raw)),
    "date": lambda raw, depth: date.fromisoformat(_text(raw)),
    "time": lambda raw, depth: time.fromisoformat(_text(raw)),
    "timedelta": _timedelta,
    "bytes": lambda raw, depth: base64.b64decode(_text(raw), validate=True),
    "enum": _enum,
    "dc": _dataclass,
}


# --------------------------------------------------------------------------- annotations


@cache
def _hints(target: Hashable) -> dict[str, Any]:
    return typing.get_type_hints(target)


def conforms(value: Any, hint: Any) -> bool:
    """Whether ``value`` fits the annotation ``hint`` (the shapes the services use)."""
    if hint is Any or hint is object:
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(conforms(value, option) for option in args)
    if origin is typing.Literal:
        return any(value == option and type(value) is type(option) for option in args)
    if origin is not None:
        return _conforms_generic(value, origin, args)
    return isinstance(hint, type) and _conforms_class(value, hint)


def _conforms_class(value: Any, hint: type) -> bool:
    if hint is bool:
        return type(value) is bool
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is date:
        return isinstance(value, date) and not isinstance(value, datetime)
    if dataclasses.is_dataclass(hint):
        if type(value) is not hint:
            return False
        hints = _hints(typing.cast(Hashable, hint))
        return all(
            conforms(getattr(value, field.name), hints.get(field.name, Any))
            for field in dataclasses.fields(hint)
        )
    if issubclass(hint, Callable):  # type: ignore[arg-type]
        return False
    return isinstance(value, hint)


def _conforms_generic(value: Any, origin: Any, args: tuple[Any, ...]) -> bool:
    import collections.abc as abc

    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(conforms(item, args[0]) for item in value)
        return len(args) == len(value) and all(map(conforms, value, args))
    if origin in (list, abc.Sequence, abc.MutableSequence):
        allowed: tuple[type, ...] = (list,) if origin is list else (list, tuple)
        return isinstance(value, allowed) and _each(value, args)
    if origin in (set, frozenset, abc.Set, abc.MutableSet):
        allowed = (origin,) if origin in (set, frozenset) else (set, frozenset)
        return isinstance(value, allowed) and _each(value, args)
    if origin in (abc.Iterable, abc.Collection):
        return isinstance(value, list | tuple | set | frozenset) and _each(value, args)
    if origin in (dict, abc.Mapping, abc.MutableMapping):
        if not isinstance(value, dict):
            return False
        key, item = args if args else (Any, Any)
        return all(conforms(k, key) and conforms(v, item) for k, v in value.items())
    return False  # Callable and anything else: never from the wire


def _each(values: Any, args: tuple[Any, ...]) -> bool:
    hint = args[0] if args else Any
    return all(conforms(item, hint) for item in values)


@cache
def _signature(function: Callable[..., Any]) -> inspect.Signature:
    return inspect.signature(function)


def check_values(value: Any, field: str | None = None) -> None:
    """Refuse what a request may not carry though the codec can decode it: text the
    database cannot store (NUL, a lone surrogate), a number past bigint, a date outside
    ``YEARS`` or a timedelta past ``MAX_DAYS``; on the server, before any service runs."""
    stack = [value]
    while stack:
        item = stack.pop()
        detail = _out_of_range(item)
        if detail is not None:
            raise _refused(detail, field=field)
        if isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, each.name) for each in dataclasses.fields(item))


def _out_of_range(item: Any) -> str | None:
    if isinstance(item, str):
        if "\x00" in item or not (item.isascii() or _encodable(item)):
            return tr("tekst met een teken dat niet kan worden opgeslagen")
    elif isinstance(item, int) and not isinstance(item, bool):
        if not -MAX_INT <= item <= MAX_INT:
            return tr("een getal buiten het bereik")
    elif isinstance(item, date):  # and datetime
        if not YEARS[0] <= item.year <= YEARS[1]:
            return tr("een datum buiten het bereik ({first}–{last})").format(
                first=YEARS[0], last=YEARS[1]
            )
    elif isinstance(item, timedelta) and abs(item.days) > MAX_DAYS:
        return tr("een tijdsduur buiten het bereik")
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_arguments(
    function: Callable[..., Any], ctx: Any, args: list[Any], kwargs: dict[str, Any]
) -> None:
    """Refuse arguments that do not bind to ``function`` (after its context), carry a
    value out of range (``check_values``) or do not fit its annotations."""
    try:
        bound = _signature(function).bind(ctx, *args, **kwargs)
    except TypeError:
        raise _refused(tr("de gegevens passen niet bij de gevraagde handeling")) from None
    hints = _hints(function)
    names = list(bound.signature.parameters)
    for name, value in bound.arguments.items():
        if name == names[0]:
            continue
        check_values(value, name)
        kind = bound.signature.parameters[name].kind
        if kind is inspect.Parameter.VAR_POSITIONAL:
            ok = all(conforms(item, hints.get(name, Any)) for item in value)
        elif kind is inspect.Parameter.VAR_KEYWORD:
            ok = all(conforms(item, hints.get(name, Any)) for item in value.values())
        else:
            ok = conforms(value, hints.get(name, Any))
        if not ok:
            raise _refused(
                tr("het gegeven {name} is niet van de verwachte soort").format(name=name),
                field=name,
            )
