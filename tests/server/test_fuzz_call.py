"""The call endpoint under hostile arguments shaped to the codec, for real service functions.

Each hostile request is answered with a 4xx and the server's error body (a Dutch line, never
a traceback), and the records and the audit log are as they were: no half-written record,
no view without its audit entry (a view that is answered 200 is logged). Explicit cases
first (each once a finding, or a guard against one), then hypothesis: codec-shaped values in
every parameter of a handful of functions (``SV_SERVER_FUZZ_EXAMPLES`` each).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.server.fuzz_centre import EXAMPLES, HostileCentre, fingerprint, hostile_database

QUERY = "services.search.SignalQuery"
SIGNAL_INPUT = "services.signal_intake.SignalInput"


@pytest.fixture(scope="module")
def centre(pg_template: str) -> Iterator[HostileCentre]:
    with hostile_database() as made:
        yield made


def post(centre: HostileCentre, who: str, target: str, body: bytes | str,
         headers: dict[str, str] | None = None) -> Any:
    content = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
    return centre.http.post(
        f"/api/v1/call/{target}", content=content,
        headers={"Authorization": f"Bearer {centre.token(who)}",
                 "Content-Type": "application/json", **(headers or {})},
    )


def refused(response: Any) -> dict[str, Any]:
    """The server's error body of a 4xx: a Dutch line, an exit code that is not a bug's."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    error: dict[str, Any] = response.json()["error"]
    assert error["message"] and "Traceback" not in error["message"]
    assert "\n" not in error["message"] and error["exit_code"] in (2, 3, 4, 5)
    return error


def query(**fields: Any) -> dict[str, Any]:
    return {"$": "dc", "c": QUERY, "f": fields}


def date_(text: str) -> dict[str, str]:
    return {"$": "date", "v": text}


def signal_input(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "received_at": {"$": "datetime", "v": "2026-04-14T09:30:00"},
        "source": "politie", "category": "WO-OVL", "postcode": "6463 ab",
        "house_number": 12, "description": "Fictieve melding: geluidsoverlast.",
    }
    fields.update(changes)
    return {"$": "dc", "c": SIGNAL_INPUT, "f": fields}


def body(*args: Any, **kwargs: Any) -> str:
    # ensure_ascii keeps a lone surrogate as its escape: the server reads it as JSON does.
    return json.dumps({"args": list(args), "kwargs": kwargs})


NUL = "Fictief\x00straat"
SURROGATE = "Fictief\ud800"

EXPLICIT: list[tuple[str, str, str]] = [
    # the search: text and filters the database cannot take
    ("search/count_signals", "nul in text", body(query(text=NUL))),
    ("search/count_signals", "surrogate in text", body(query(text=SURROGATE))),
    ("search/count_signals", "nul in an id", body(query(area_ids={"$": "tuple", "v": [NUL]}))),
    ("search/count_signals", "last date", body(query(received_to=date_("9999-12-31")))),
    ("search/count_signals", "first date", body(query(received_from=date_("0001-01-01")))),
    ("search/count_signals", "invalid date", body(query(received_from=date_("2026-02-30")))),
    ("search/count_signals", "unknown class",
     body({"$": "dc", "c": "services.search.NietBestaand", "f": {}})),
    ("search/count_signals", "wrong type", body(query(text=5))),
    ("search/count_signals", "unknown field", body(query(kleur="rood"))),
    ("search/signal_head", "huge limit", body(query(), limit=2**70)),
    ("search/signal_head", "float limit", body(query(), limit=1e308)),
    ("search/signal_rows", "nul in ids", body([NUL])),
    ("search/signal_rows", "surrogate in ids", body([SURROGATE])),
    # intake: whatever the form could never send
    ("signals/register_signal", "nul in description",
     body(signal_input(description=NUL), "new-case")),
    ("signals/register_signal", "surrogate in street",
     body(signal_input(street=SURROGATE), "new-case")),
    ("signals/register_signal", "huge house number",
     body(signal_input(house_number=2**70), "new-case")),
    ("signals/register_signal", "negative house number",
     body(signal_input(house_number=-5), "new-case")),
    ("signals/register_signal", "first moment",
     body(signal_input(received_at={"$": "datetime", "v": "0001-01-01T00:00:00"}), "new-case")),
    ("signals/register_signal", "nul in case choice", body(signal_input(), NUL)),
    ("signals/register_signal", "huge description",
     body(signal_input(description="x" * 3_000_000), "new-case")),
    ("signals/register_signal", "nul in a person",
     body(signal_input(persons={"$": "tuple", "v": [
         {"$": "dc", "c": "services.signal_intake.PersonInput", "f": {"name": NUL}}]}),
         "new-case")),
    ("signals/register_signal", "huge birth year",
     body(signal_input(persons={"$": "tuple", "v": [
         {"$": "dc", "c": "services.signal_intake.PersonInput",
          "f": {"name": "Fictief Persoon", "birth_year": 2**70}}]}), "new-case")),
]


@pytest.mark.parametrize(("target", "what", "text"), EXPLICIT, ids=[e[1] for e in EXPLICIT])
def test_explicit_hostile_arguments_are_refused_and_change_nothing(
    centre: HostileCentre, target: str, what: str, text: str
) -> None:
    before = fingerprint(centre.store)
    refused(post(centre, "coordinator", target, text))
    assert fingerprint(centre.store) == before


def test_a_deadline_out_of_range_is_refused(centre: HostileCentre) -> None:
    for deadline in ("9999-12-31", "0001-01-01"):
        before = fingerprint(centre.store)
        refused(post(centre, "coordinator", "actions/change_action_deadline",
                     body(centre.action_id, date_(deadline), "Fictieve reden")))
        assert fingerprint(centre.store) == before


@pytest.mark.parametrize("reason", [NUL, SURROGATE])
def test_a_deadline_reason_the_database_cannot_take_is_refused(
    centre: HostileCentre, reason: str
) -> None:
    before = fingerprint(centre.store)
    refused(post(centre, "coordinator", "actions/change_action_deadline",
                 body(centre.action_id, date_("2026-05-20"), reason)))
    assert fingerprint(centre.store) == before


def test_an_expected_version_past_bigint_is_refused(centre: HostileCentre) -> None:
    before = fingerprint(centre.store)
    error = refused(post(centre, "coordinator", "actions/change_action_deadline",
                         body(centre.action_id, date_("2026-05-20"), None,
                              expected_version=2**70)))
    assert error["kind"] == "services.remote.codec.CodecError"
    assert fingerprint(centre.store) == before


def test_a_negative_expected_version_is_a_stale_edit_logged_as_one(
    centre: HostileCentre,
) -> None:
    """Any version but the stored one is stale: refused with 409, and the refusal is in
    the audit log by design (``versions.refuses_stale``); the action is unchanged."""
    before = fingerprint(centre.store)
    response = post(centre, "coordinator", "actions/change_action_deadline",
                    body(centre.action_id, date_("2026-05-20"), None, expected_version=-1))
    assert response.status_code == 409 and refused(response)["kind"] == "StaleEdit"
    after = fingerprint(centre.store)
    assert after.pop("AuditEntry") == before.pop("AuditEntry") + 1
    assert after == before


# --------------------------------------------------------------------------- hypothesis

DEEP = 60
"""Past the codec's ``MAX_DEPTH``."""


def test_deep_nesting_of_tagged_values_is_refused(centre: HostileCentre) -> None:
    value: Any = "x"
    for _ in range(DEEP):
        value = {"$": "tuple", "v": [value]}
    before = fingerprint(centre.store)
    refused(post(centre, "coordinator", "search/count_signals", body(query(area_ids=value))))
    assert fingerprint(centre.store) == before


TEXTS = st.one_of(
    st.text(max_size=40),
    st.sampled_from([NUL, SURROGATE, "\u202eFictief", "\ufeff", "\U0001d518\U0001d52b",
                     "e\u0301", "", " ", "'; DROP TABLE signals; --", "%s%s%n", "x" * 70_000]),
)
INTS = st.one_of(
    st.integers(-3, 3),
    st.sampled_from([-(2**63), 2**63 - 1, 2**63, -(2**70), 2**70, 10**18]),
    st.integers(),
)
BAD_DATES = ["2026-02-30", "", "2026-1-1", "99999-01-01", "x", "0001-01-01", "9999-12-31",
             "2026-04-14T25:00"]


def _moment(kind: str) -> st.SearchStrategy[Any]:
    good = (st.dates() if kind == "date" else st.datetimes()).map(
        lambda value: {"$": kind, "v": value.isoformat()}
    )
    bad = st.sampled_from(BAD_DATES).map(lambda text: {"$": kind, "v": text})
    return st.one_of(good, good, good, bad)


UNKNOWN = st.sampled_from([
    {"$": "dc", "c": "services.search.NietBestaand", "f": {}},
    {"$": "dc", "c": "core.enums.Role", "f": {}},
    {"$": "enum", "c": "core.enums.Role", "v": "keizer"},
    {"$": "enum", "c": "services.search.SignalQuery", "v": 1},
    {"$": "onbekend", "v": 1},
    {"$": "bytes", "v": "@@@"},
    {"$": "timedelta", "v": [10**9, 0, 0]},
    {"$": "dict", "v": [[{"$": "tuple", "v": []}, [1]]]},
])
LEAVES = st.one_of(st.none(), st.booleans(), INTS, st.floats(allow_nan=False), TEXTS,
                   _moment("date"), _moment("datetime"), UNKNOWN)
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.lists(inner, max_size=3).map(lambda items: {"$": "tuple", "v": items}),
        st.lists(inner, max_size=3).map(lambda items: {"$": "set", "v": items}),
        st.dictionaries(st.text(max_size=4), inner, max_size=2).map(
            lambda pairs: {"$": "dict", "v": [[k, v] for k, v in pairs.items()]}
        ),
    ),
    max_leaves=8,
)
"""Anything the codec might be sent, good and bad."""


def _either(plausible: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a value of the right kind, sometimes anything at all."""
    return st.one_of(plausible, plausible, plausible, VALUES)


def _dataclass(
    name: str, fields: dict[str, st.SearchStrategy[Any]], required: frozenset[str] = frozenset()
) -> st.SearchStrategy[Any]:
    """A dataclass of plausible fields, up to two of them (or an unknown one) replaced by
    anything at all: hostile where it counts, yet often far enough to reach the service."""

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        chosen = {
            field: draw(strategy) for field, strategy in fields.items()
            if field in required or draw(st.booleans())
        }
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
            field = draw(st.sampled_from([*sorted(fields), "kleur", "_private"]))
            chosen[field] = draw(VALUES)
        return {"$": "dc", "c": name, "f": chosen}

    return build()


def _strings(values: list[str]) -> st.SearchStrategy[Any]:
    return st.lists(st.sampled_from(values), max_size=2).map(
        lambda items: {"$": "tuple", "v": items}
    )


QUERIES = _dataclass(QUERY, {
    "text": st.sampled_from(["", "Fictiefstraat", "S-2026", "6463"]) | TEXTS,
    "statuses": _strings(["nieuw", "in_behandeling", "afgerond", "x"]),
    "sources": _strings(["politie", "bewoner", "x"]),
    "categories": _strings(["WO-OVL", "OP-JEUGD", "x"]),
    "urgencies": _strings(["laag", "acuut", "x"]),
    "received_from": _moment("date"),
    "received_to": _moment("date"),
    "created_by": st.sampled_from(["", "x" * 32]),
    "without_case": st.booleans(),
    "overdue": st.booleans(),
    "sort": st.sampled_from(["received", "due", "nergens"]),
    "descending": st.booleans(),
})
PERSONS = st.lists(_dataclass("services.signal_intake.PersonInput", {
    "name": st.sampled_from(["Fictief Persoon", ""]) | TEXTS,
    "birth_year": st.integers(1900, 2030) | INTS,
    "role": st.sampled_from(["betrokkene", "x"]),
}, frozenset({"name"})), max_size=2).map(lambda items: {"$": "tuple", "v": items})
def _rarely(plausible: st.SearchStrategy[Any], hostile: st.SearchStrategy[Any]) -> Any:
    return st.one_of(plausible, plausible, plausible, plausible, hostile)


SIGNAL_INPUTS = _dataclass(SIGNAL_INPUT, {
    "received_at": _rarely(st.just({"$": "datetime", "v": "2026-04-14T09:30:00"}),
                           _moment("datetime")),
    "source": _rarely(st.sampled_from(["politie", "bewoner"]), st.just("x")),
    "category": _rarely(st.sampled_from(["WO-OVL", "VE-CRIM"]), st.just("x")),
    "postcode": _rarely(st.sampled_from(["6463 ab", "6411AB"]), st.sampled_from(["1234", ""])),
    "house_number": _rarely(st.integers(1, 200), st.just("12a") | INTS),
    "addition": _rarely(st.sampled_from(["a", "bis"]), TEXTS),
    "street": _rarely(st.sampled_from(["Fictiefstraat", None]), TEXTS),
    "description": _rarely(st.just("Fictieve melding: overlast."), TEXTS),
    "urgency": _rarely(st.sampled_from(["normaal", "acuut"]), st.just("x")),
    "reporter": _rarely(st.sampled_from(["anoniem", "Fictieve Melder"]), TEXTS),
    "persons": PERSONS,
}, frozenset({"received_at", "source", "category", "postcode", "house_number", "description"}))
WHO = st.sampled_from(["coordinator", "coordinator", "coordinator", "partner"])
DEADLINES = st.dates(date(2026, 4, 1), date(2027, 12, 31)).map(
    lambda value: {"$": "date", "v": value.isoformat()}
)
HYPOTHESIS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))


def _answered(response: Any) -> bool:
    """A 200, or a refusal in the server's words; never a server error."""
    kind = "" if response.status_code == 200 else response.json()["error"]["kind"]
    event(f"status {response.status_code} {kind}")  # --hypothesis-show-statistics
    if response.status_code == 200:
        return True
    refused(response)
    return False


@HYPOTHESIS
@given(who=WHO, q=_either(QUERIES))
def test_fuzzed_counts_change_nothing(centre: HostileCentre, who: str, q: Any) -> None:
    before = fingerprint(centre.store)
    _answered(post(centre, who, "search/count_signals", body(q)))
    assert fingerprint(centre.store) == before  # a count is no view: not logged


@HYPOTHESIS
@given(who=WHO, q=_either(QUERIES), limit=_either(st.integers(0, 50)),
       rows=_either(st.integers(0, 50)))
def test_fuzzed_list_views_are_logged_exactly_when_answered(
    centre: HostileCentre, who: str, q: Any, limit: Any, rows: Any
) -> None:
    before = fingerprint(centre.store)
    answered = _answered(post(centre, who, "search/signal_head", body(q, limit=limit,
                                                                       rows=rows)))
    after = fingerprint(centre.store)
    assert after.pop("AuditEntry") - before.pop("AuditEntry") == (1 if answered else 0)
    assert after == before


@HYPOTHESIS
@given(who=WHO, inp=_rarely(SIGNAL_INPUTS, VALUES),
       choice=_rarely(st.sampled_from(["new-case", "no-case"]), VALUES))
def test_fuzzed_intake_stores_a_whole_signal_or_nothing(
    centre: HostileCentre, who: str, inp: Any, choice: Any
) -> None:
    before = fingerprint(centre.store)
    answered = _answered(post(centre, who, "signals/register_signal", body(inp, choice)))
    after = fingerprint(centre.store)
    if answered:
        assert after["Signal"] == before["Signal"] + 1
        assert after["AuditEntry"] > before["AuditEntry"]
    else:
        assert after == before


@HYPOTHESIS
@given(who=WHO, real=st.integers(0, 3), other=VALUES,
       deadline=_either(DEADLINES | _moment("date")),
       reason=_either(st.sampled_from([None, "Fictieve reden", ""]) | TEXTS),
       version=st.one_of(st.none(), st.none(), INTS))
def test_fuzzed_deadline_moves_change_one_deadline_or_nothing(
    centre: HostileCentre, who: str, real: int, other: Any, deadline: Any, reason: Any,
    version: Any,
) -> None:
    action_id = centre.action_id if real else other
    before = fingerprint(centre.store)
    response = post(centre, who, "actions/change_action_deadline",
                    body(action_id, deadline, reason, expected_version=version))
    answered = _answered(response)
    after = fingerprint(centre.store)
    grown = after.pop("AuditEntry") - before.pop("AuditEntry")
    if answered:
        assert grown >= 1
    elif response.json()["error"]["kind"] == "StaleEdit":
        assert grown == 1  # the refusal is logged by design (versions.refuses_stale)
    else:
        assert grown == 0
    if not answered:
        assert after == before
