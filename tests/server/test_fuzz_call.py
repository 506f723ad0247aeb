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
from typing import Any

import pytest

from tests.server.fuzz_centre import HostileCentre, fingerprint, hostile_database

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
